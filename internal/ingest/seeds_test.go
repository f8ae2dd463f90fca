package ingest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// report is the golden form of a Result: the article file, then what
// was dropped and where the title and date came from.
func report(r Result) string {
	var b strings.Builder
	b.Write(Markdown(Meta{Title: r.Title, Date: r.Date, Source: r.Source}, r.Paragraphs))
	b.WriteString("\n<!-- ingest report\ntitle from: " + r.TitleFrom + "\ndate from: " + r.DateFrom + "\n")
	for _, d := range r.Dropped {
		b.WriteString("dropped " + d.String() + "\n")
	}
	b.WriteString("-->\n")
	return b.String()
}

// TestSeeds runs Parse on the five pasted pages of the example site
// (copies of ../shared/seeds) and compares with golden files.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seeds in testdata/seeds")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := report(Parse(string(raw)))
		golden := strings.TrimSuffix(f, ".txt") + ".golden.md"
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s: output differs from %s (run go test -update and review the diff):\n%s", f, golden, got)
		}
	}
}

// TestSeedsAgainstHandMade compares Parse with the example site's
// hand-made content/*.md: every paragraph the editor kept is kept, word
// for word, and nothing else is; the title is the editor's where the
// page has a headline; a date is set only when the page states one.
func TestSeedsAgainstHandMade(t *testing.T) {
	hand, _ := filepath.Glob("../../content/*.md")
	if len(hand) != 5 {
		t.Skipf("example site content not found (%d files)", len(hand))
	}
	// Titles the pasted page has no headline for (the editor wrote one).
	noHeadline := map[string]bool{"002": true}
	// Dates the editor added from outside the page.
	dateFromElsewhere := map[string]bool{"003": true, "004": true}
	for _, h := range hand {
		key := filepath.Base(h)[:3]
		raw, err := os.ReadFile("testdata/seeds/" + key + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		src, _ := os.ReadFile(h)
		a, err := timeline.ParseArticle(filepath.Base(h), src)
		if err != nil {
			t.Fatal(err)
		}
		r := Parse(string(raw))
		if !noHeadline[key] && r.Title != a.Title {
			t.Errorf("%s: title %q, editor's %q", key, r.Title, a.Title)
		}
		switch {
		case dateFromElsewhere[key]:
			if !r.Date.IsZero() {
				t.Errorf("%s: date %v invented: the page states none", key, r.Date)
			}
		case !r.Date.Equal(a.Published):
			t.Errorf("%s: date %v, editor's %v", key, r.Date, a.Published)
		}
		mine := Markdown(Meta{Title: "x"}, r.Paragraphs)
		got, err := timeline.ParseArticle("x.md", mine)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != a.Text {
			t.Errorf("%s: text differs from the editor's:\n--- ingest\n%s\n--- editor\n%s", key, got.Text, a.Text)
		}
	}
}
