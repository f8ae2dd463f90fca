package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

func TestNewFromTitle(t *testing.T) {
	site := t.TempDir()
	code, out, errs := runCLI(t, "new", "Talks \"resume\" in Geneva", "--source", "Wire", "--url", "https://example.org/a", "--date", "2025-09-03", "-s", site)
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	path := filepath.Join(site, "content", "talks-resume-in-geneva.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := timeline.ParseArticle("content/talks-resume-in-geneva.md", src)
	if err != nil {
		t.Fatalf("the new article does not load: %v\n%s", err, src)
	}
	if a.Title != `Talks "resume" in Geneva` || a.Source != "Wire" || a.URL != "https://example.org/a" || a.Published.Format("2006-01-02") != "2025-09-03" {
		t.Errorf("front matter read back as %+v", a)
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	site := t.TempDir()
	path := filepath.Join(site, "content", "geneva-talks.md")
	writeFile(t, path, "+++\ntitle = \"mine\"\n+++\nMy notes.\n")
	code, _, errs := runCLI(t, "new", "Geneva talks", "-s", site)
	if code != exitError || !strings.Contains(errs, "already exists") {
		t.Errorf("exit %d, %q", code, errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "+++\ntitle = \"mine\"\n+++\nMy notes.\n" {
		t.Errorf("the existing file was changed:\n%s", b)
	}
}

func TestNewBadInput(t *testing.T) {
	site := t.TempDir()
	for _, args := range [][]string{
		{"new", "-s", site},
		{"new", "Title", "--date", "15/08/2025", "-s", site},
		{"new", "Title", "-s", filepath.Join(site, "missing")},
		{"new", "--from", filepath.Join(site, "missing.txt"), "-s", site},
		{"new", "two", "words", "-s", site},
	} {
		if code, _, errs := runCLI(t, args...); code != exitError || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestNewFromPastedPage(t *testing.T) {
	site := t.TempDir()
	raw, err := os.ReadFile(filepath.Join("..", "..", "internal", "ingest", "testdata", "seeds", "000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	stdin = strings.NewReader(string(raw))
	defer func() { stdin = os.Stdin }()
	code, out, errs := runCLI(t, "new", "--from", "-", "-s", site, "--source", "IPFS mirror")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	for _, want := range []string{"title: Trump and Putin Set to Meet in Alaska for Ukraine Talks", "date: 2025-08-08", "Download IPFS", "Categories: Breaking News"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	s, err := timeline.LoadSite(site)
	if err != nil || len(s.Articles) != 1 || len(s.Warnings) > 0 {
		t.Fatalf("the new article does not load: %v %v", err, s)
	}
	a := s.Articles[0]
	if a.File != "content/trump-and-putin-set-to-meet-in-alaska-for-ukraine-talks.md" || a.Source != "IPFS mirror" || strings.Contains(a.Text, "Download") {
		t.Errorf("article %s, source %q, text:\n%s", a.File, a.Source, a.Text)
	}
	// The same page again: refused, not overwritten.
	stdin = strings.NewReader(string(raw))
	if code, _, errs := runCLI(t, "new", "--from", "-", "-s", site); code != exitError || !strings.Contains(errs, "already exists") {
		t.Errorf("second import: exit %d, %q", code, errs)
	}
}

func TestNewFromPageWithoutDate(t *testing.T) {
	site := t.TempDir()
	page := filepath.Join(site, "page.txt")
	writeFile(t, page, "Leaders meet in Geneva for new talks\n\nShare this:\n\nThe leaders met on Monday in Geneva to discuss the war, officials said on the record.\n")
	code, out, errs := runCLI(t, "new", "--from", page, "-s", site)
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if !strings.Contains(out, "date: none stated") || !strings.Contains(out, "share buttons") {
		t.Errorf("report:\n%s", out)
	}
	src, _ := os.ReadFile(filepath.Join(site, "content", "leaders-meet-in-geneva-for-new-talks.md"))
	if strings.Contains(string(src), "date =") {
		t.Errorf("a date was invented:\n%s", src)
	}
}
