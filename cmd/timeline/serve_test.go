package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuf is an io.Writer the serve command and the test share.
type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeCommand runs `timeline serve` on the example site as a user
// would, fetches the home page, and stops it as Ctrl-C does.
func TestServeCommand(t *testing.T) {
	site := exampleSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	old := serveContext
	serveContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	defer func() { serveContext = old }()

	var out, errs lockedBuf
	done := make(chan int, 1)
	go func() { done <- run([]string{"serve", "-s", site, "--port", "0"}, &out, &errs) }()

	addr := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	var url string
	deadline := time.Now().Add(20 * time.Second)
	for url == "" && time.Now().Before(deadline) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d before listening\n%s%s", code, out.String(), errs.String())
		case <-time.After(20 * time.Millisecond): // polling interval
		}
	}
	if url == "" {
		t.Fatalf("serve did not print a 127.0.0.1 URL within 20s:\n%s%s", out.String(), errs.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "/_timeline/livereload.js") {
		t.Errorf("GET %s = %d\n%s", url, resp.StatusCode, body)
	}
	cancel() // what Ctrl-C does
	select {
	case code := <-done:
		if code != exitOK || !strings.Contains(out.String(), "stopped") {
			t.Errorf("serve stopped with exit %d\n%s%s", code, out.String(), errs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10s of Ctrl-C")
	}
	if !strings.Contains(errs.String(), "built 5 articles") {
		t.Errorf("the terminal does not show the build:\n%s", errs.String())
	}
}

func TestServeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--port", "70000"},
		{"serve", "extra"},
		{"serve", "-s", "/nonexistent/site/folder"},
	} {
		if code, _, errs := runCLI(t, args...); code != exitError || errs == "" {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
}
