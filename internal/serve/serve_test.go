package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log the server and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	testConfig  = "title = \"Served site\"\n"
	testArticle = `+++
title = "Talks announced"
date = 2025-08-08
source = "Wire"
+++

The two leaders will meet on August 15, 2025 in Anchorage.
`
)

// startServer builds a small site, serves it on a free port of
// 127.0.0.1 and returns its base URL and the site folder. The server is
// stopped, and checked to stop cleanly, when the test ends.
func startServer(t *testing.T) (url, site string, log *syncBuffer) {
	url, site, log, _ = startServerS(t)
	return url, site, log
}

func startServerS(t *testing.T) (url, site string, log *syncBuffer, srv *Server) {
	t.Helper()
	site = t.TempDir()
	write(t, filepath.Join(site, "config.toml"), testConfig)
	write(t, filepath.Join(site, "content", "talks.md"), testArticle)
	log = &syncBuffer{}
	s, err := New(Options{Site: site, Log: log, Debounce: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("server did not stop within 10s of its context ending")
		}
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return "http://" + l.Addr().String(), site, log, s
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		ok, state := cond()
		if ok {
			return
		}
		last = state
		time.Sleep(20 * time.Millisecond) // polling interval, not an assertion
	}
	t.Fatalf("%s: not seen within 10s; last state:\n%s", what, last)
}

func TestServeReloadsEditedArticle(t *testing.T) {
	url, site, log := startServer(t)
	code, page := get(t, url+"/")
	if code != 200 {
		t.Fatalf("GET / = %d\n%s", code, page)
	}
	if !strings.Contains(page, scriptTag) {
		t.Error("the served page has no live-reload script")
	}
	if !strings.Contains(page, "2025-08-15") {
		t.Errorf("the page does not show the article's date:\n%s", page)
	}
	code, js := get(t, url+"/_timeline/livereload.js")
	if code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("GET livereload.js = %d", code)
	}

	write(t, filepath.Join(site, "content", "talks.md"),
		testArticle+"\nThey will meet again on September 3, 2025 in Geneva.\n")
	eventually(t, "the edited article on the page", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 200 && strings.Contains(page, "2025-09-03"), page + "\n" + log.String()
	})
	if !strings.Contains(log.String(), "1 re-read") {
		t.Errorf("the rebuild re-read more than the edited article:\n%s", log)
	}
}

func TestServeNeverWritesTheScriptIntoBuiltFiles(t *testing.T) {
	site := t.TempDir()
	write(t, filepath.Join(site, "content", "talks.md"), testArticle)
	s, err := New(Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	built := s.current()
	if built == nil || len(built.Names()) == 0 {
		t.Fatal("nothing was built")
	}
	for _, name := range built.Names() {
		b, err := built.File(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), ScriptPath) || strings.Contains(string(b), EventsPath) {
			t.Errorf("the built %s contains the live-reload script", name)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Error("serve wrote into the site's public/")
	}
}

func TestServeBrokenArticleThenFixed(t *testing.T) {
	url, site, _ := startServer(t)
	bad := filepath.Join(site, "content", "late.md")
	write(t, bad, "+++\ntitle = \"Late report\ndate = 2025-08-16\n+++\nIt ended on August 15, 2025.\n")
	eventually(t, "the broken article named in a banner", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 200 && strings.Contains(page, "timeline-serve-problems") && strings.Contains(page, "content/late.md:2"), page
	})
	write(t, bad, "+++\ntitle = \"Late report\"\ndate = 2025-08-16\n+++\nIt ended on August 15, 2025.\n")
	eventually(t, "the banner gone once the article is fixed", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 200 && !strings.Contains(page, "timeline-serve-problems"), page
	})
}

func TestServeFailedBuildThenFixed(t *testing.T) {
	url, site, log := startServer(t)
	cfg := filepath.Join(site, "config.toml")
	write(t, cfg, "title = \"Served site\"\nbaseURL = \n")
	eventually(t, "the error page", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 500 && strings.Contains(page, "could not be built") && strings.Contains(page, "config.toml:2"), fmt.Sprint(code, "\n", page, "\n", log)
	})
	if !strings.Contains(log.String(), "build failed: config.toml:2") {
		t.Errorf("the terminal does not show the error:\n%s", log)
	}
	// Files other than pages are still those of the last good build.
	if code, _ := get(t, url+"/timeline.json"); code != 200 {
		t.Errorf("GET /timeline.json during a failed build = %d", code)
	}
	write(t, cfg, testConfig)
	eventually(t, "recovery after the fix", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 200 && strings.Contains(page, "2025-08-15"), page
	})
}

// readEvent reads the data of the next "build" event of an SSE stream.
func readEvent(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	event := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("event stream: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == "build":
			return strings.TrimPrefix(line, "data: ")
		}
	}
}

func TestServeEventsFireOnRebuild(t *testing.T) {
	url, site, _ := startServer(t)
	resp, err := http.Get(url + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	first := readEvent(t, r)
	if first != "1 ok" {
		t.Errorf("first event %q, want \"1 ok\"", first)
	}
	got := make(chan string, 1)
	go func() { got <- readEvent(t, r) }()
	write(t, filepath.Join(site, "content", "more.md"), testArticle)
	select {
	case ev := <-got:
		if !strings.HasSuffix(ev, " ok") || ev == first {
			t.Errorf("event after a rebuild %q", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s of a change")
	}
}

// rawGet sends path as written, without any client-side cleaning, and
// returns the status code.
func rawGet(t *testing.T, url, path string) int {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", path)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeRefusesPathsOutsideTheSite(t *testing.T) {
	url, site, _ := startServer(t)
	// Files of the site folder are not files of the built site.
	write(t, filepath.Join(site, "secret.txt"), "secret")
	for _, p := range []string{
		"/secret.txt",
		"/content/talks.md",
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/../config.toml",
		"/../../../../../../etc/passwd",
		"/%2e%2e/config.toml",
		"/%2e%2e%2f%2e%2e%2fetc/passwd",
		"/a/../../config.toml",
		"/..%5c..%5cconfig.toml",
		"/.timeline-manifest",
	} {
		if code := rawGet(t, url, p); code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 400 or 404", p, code)
		}
	}
	if code := rawGet(t, url, "/index.html"); code != 200 {
		t.Errorf("GET /index.html = %d", code)
	}
	if code := rawGet(t, url, "/missing.html"); code != 404 {
		t.Errorf("GET /missing.html = %d", code)
	}
}

func TestSiteName(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"/", "index.html", true},
		{"/events/", "events/index.html", true},
		{"/style.css", "style.css", true},
		{"/a/b.html", "a/b.html", true},
		{"/../x", "", false},
		{"/a/../x", "", false},
		{"/./x", "", false},
		{"/.hidden", "", false},
		{`/a\..\x`, "", false},
		{"/a\x00", "", false},
		{"relative", "", false},
	} {
		got, ok := siteName(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("siteName(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestInject(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p>X" + scriptTag + "</body></html>"},
		{"<BODY>x</BODY>", "<BODY>xX" + scriptTag + "</BODY>"},
		{"<p>no body", "<p>no bodyX" + scriptTag},
		{"<body><pre>&lt;/body&gt;</pre></body>", "<body><pre>&lt;/body&gt;</pre>X" + scriptTag + "</body>"},
		// The Kelvin sign lowers to a one-byte k: the tag must still be
		// found where it is in the page, not where it is in a lowered copy.
		{"<body>\u212a\u212a\u212a</body>", "<body>\u212a\u212a\u212aX" + scriptTag + "</body>"},
		{"<body>x</Body >", "<body>x</Body >X" + scriptTag},
		{"</body></body>", "</body>X" + scriptTag + "</body>"},
		{"<", "<X" + scriptTag},
		{"", "X" + scriptTag},
	} {
		if got := string(inject([]byte(c.in), "X")); got != c.want {
			t.Errorf("inject(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestServeBrokenTemplateThenFixed(t *testing.T) {
	url, site, log := startServer(t)
	footer := filepath.Join(site, "themes", "mine", "partials", "footer.html")
	write(t, footer, "<footer>{{.Nope</footer>")
	write(t, filepath.Join(site, "config.toml"), testConfig+"theme = \"mine\"\n")
	eventually(t, "the template error on the page", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 500 && strings.Contains(page, "themes/mine/partials/footer.html"), fmt.Sprint(code, "\n", page, "\n", log)
	})
	write(t, footer, "<footer>fixed footer</footer>")
	eventually(t, "the fixed template in use", func() (bool, string) {
		code, page := get(t, url+"/")
		return code == 200 && strings.Contains(page, "fixed footer"), fmt.Sprint(code, "\n", page, "\n", log)
	})
}
