package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-news/timeline/internal/corpusgen"
)

func generatedSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: n, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBuildStats(t *testing.T) {
	site := generatedSite(t, 30)
	var out, errb bytes.Buffer
	code := run([]string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "public"), "--stats"}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errb.String())
	}
	got := out.String()
	if !strings.HasPrefix(got, "built 30 articles") {
		t.Errorf("no summary line first:\n%s", got)
	}
	for _, want := range []string{"\nload ", "\nresolve ", "\nmerge ", "\ncheck ", "\nrender ", "\ntotal ", "slowest articles to resolve:", "content/",
		"pages by layout", "\n  article ", "\n  event ", "30 pages", "slowest pages:\n", "/index.html\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("--stats output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(errb.String(), "\r") {
		t.Errorf("progress written to a stderr that is not a terminal: %q", errb.String())
	}
}

func TestBuildQuiet(t *testing.T) {
	site := generatedSite(t, 10)
	var out, errb bytes.Buffer
	code := run([]string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "public"), "--quiet"}, &out, &errb)
	if code != exitOK || out.Len() != 0 || errb.Len() != 0 {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q; want 0 and nothing", code, out.String(), errb.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the progress goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
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

func TestProgressLine(t *testing.T) {
	var w syncBuffer
	p := startProgress(&w, time.Now(), 0)
	p.set("resolve", 3, 10)
	p.set("resolve", 2, 10) // a worker reporting late must not move the line back
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(w.String(), "resolving dates 3/10 articles") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	p.finish()
	p.finish() // twice is harmless
	got := w.String()
	if !strings.Contains(got, "\r\x1b[Kresolving dates 3/10 articles") {
		t.Errorf("no progress line in %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("line not cleared at the end: %q", got)
	}
	if strings.Contains(got, "\n") {
		t.Errorf("progress wrote a newline: %q", got)
	}
}

func TestProgressSilentForShortBuilds(t *testing.T) {
	var w syncBuffer
	p := startProgress(&w, time.Now(), time.Hour)
	p.set("load", 1, 2)
	time.Sleep(300 * time.Millisecond)
	p.finish()
	if w.String() != "" {
		t.Errorf("a short build printed %q", w.String())
	}
	var nilProgress *progress
	nilProgress.set("load", 1, 1)
	nilProgress.finish()
}

// TestBuildSummaryOne: a site of one article says "1 article", not
// "1 articles".
func TestBuildSummaryOne(t *testing.T) {
	site := generatedSite(t, 1)
	var out, errb bytes.Buffer
	code := run([]string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "public")}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errb.String())
	}
	if got := out.String(); !strings.HasPrefix(got, "built 1 article, ") {
		t.Errorf("summary line %q, want it to start with %q", got, "built 1 article, ")
	}
}
