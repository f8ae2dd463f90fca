package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
)

// builtBothWays builds the site of files with Build and with the
// incremental builder, by name, for tests that want both to agree.
func builtBothWays(t *testing.T, files map[string]string) map[string]*Chronology {
	t.Helper()
	dir := writeSite(t, files)
	site, err := LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	incremental, err := NewIncremental(dir).Build()
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Chronology{"Build": Build(site), "Incremental": incremental}
}

// oneWarning fails t unless c has exactly one warning, on one line,
// starting with prefix.
func oneWarning(t *testing.T, name string, c *Chronology, prefix string) {
	t.Helper()
	if len(c.Warnings) != 1 {
		t.Fatalf("%s: warnings %v, want one", name, c.Warnings)
	}
	if w := c.Warnings[0].Error(); !strings.HasPrefix(w, prefix) || strings.ContainsAny(w, "\n\r") {
		t.Errorf("%s: warning %q, want one line starting %q", name, w, prefix)
	}
}

// TestResolverPanicKeepsBuild: a resolver that panics on one article's
// text (a bug) costs that article its dates, with one one-line warning
// naming its file; the other articles are resolved and merged, in Build
// and in the incremental builder alike.
func TestResolverPanicKeepsBuild(t *testing.T) {
	defer func(f func(string, time.Time) []dates.Expr) { resolveText = f }(resolveText)
	resolveText = func(s string, anchor time.Time) []dates.Expr {
		if strings.Contains(s, "Boom") {
			var none []int
			_ = none[len(s)] // an index out of range, as a resolver bug would be
		}
		return dates.Resolve(s, anchor)
	}
	for name, c := range builtBothWays(t, map[string]string{
		"content/good.md": goodArticle,
		"content/bad.md":  "+++\ntitle = \"Bad\"\ndate = 2025-08-08\n+++\n\nBoom. Trump will meet Putin on August 15, 2025.\n",
	}) {
		oneWarning(t, name, c, "content/bad.md: its dates were left out: the date resolver failed on it (runtime error: index out of range")
		if len(c.Events) != 1 || len(c.Events[0].Mentions) != 1 || c.Events[0].Mentions[0].Article != "good" {
			t.Errorf("%s: events %+v, want the good article's one", name, c.Events)
		}
	}
}

// TestParserPanicKeepsBuild: a panic while reading one article (a bug)
// leaves that article out with one one-line warning naming its file;
// the other articles load and build, in LoadSite and the incremental
// builder alike.
func TestParserPanicKeepsBuild(t *testing.T) {
	defer func(f func(string, []byte, bodyOptions) (*Article, error)) { parseArticle = f }(parseArticle)
	parseArticle = func(rel string, src []byte, bo bodyOptions) (*Article, error) {
		if strings.Contains(string(src), "Boom") {
			var none map[string]int
			none["x"]++ // a nil map write, as a parser bug would be
		}
		return parseWith(rel, src, bo)
	}
	for name, c := range builtBothWays(t, map[string]string{
		"content/good.md": goodArticle,
		"content/bad.md":  "+++\ntitle = \"Bad\"\ndate = 2025-08-08\n+++\n\nBoom.\n",
	}) {
		oneWarning(t, name, c, "content/bad.md: left out: reading it failed (assignment to entry in nil map)")
		if len(c.Articles) != 1 || c.Articles[0].ID != "good" || len(c.Events) != 1 {
			t.Errorf("%s: %d articles, %d events, want the good article and its event", name, len(c.Articles), len(c.Events))
		}
	}
}
