package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/ingest"
	"github.com/timeline-news/timeline/timeline"
)

// FuzzParse checks that no pasted text, however broken, panics Parse,
// and that the file `timeline new --from` writes from it always loads:
// ParseArticle reads it without an error, with the title Parse found
// and the day it stated.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Headline\n\nBy Reporter | August 8, 2025\n\nThe talks will resume on Friday.\n\nShare on Facebook\n")
	f.Add("\"Quoted\" \\ headline\t\x00\n+++\ntitle = \"x\"\n+++\nbody")
	f.Fuzz(func(t *testing.T, raw string) {
		r := ingest.Parse(raw)
		if len(r.Paragraphs) == 0 || r.Title == "" {
			return // timeline new refuses it with a message
		}
		src := ingest.Markdown(ingest.Meta{Title: r.Title, Source: r.Source, Date: r.Date}, r.Paragraphs)
		a, err := timeline.ParseArticle("content/new.md", src)
		if err != nil && strings.Contains(err.Error(), "nested too deeply") {
			return // written as pasted; the build refuses it, and says why
		}
		if err != nil {
			t.Fatalf("the file written does not load: %v\n%s", err, src)
		}
		if len(a.Warnings) > 0 {
			t.Fatalf("the file written loads with warnings: %v\n%s", a.Warnings, src)
		}
		// the loader keeps a title on one line with single spaces
		if want := strings.Join(strings.Fields(r.Title), " "); a.Title != want {
			t.Errorf("title %q read back as %q, want %q", r.Title, a.Title, want)
		}
		if !r.Date.IsZero() && !a.Published.Equal(r.Date) {
			t.Errorf("date %v read back as %v", r.Date, a.Published)
		}
		if r.Date.IsZero() && !a.Published.IsZero() {
			t.Errorf("no date stated, but the file has %v", a.Published)
		}
	})
}
