package render

import (
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

// Phrases not placed on the calendar are listed on their article's
// page; the checks page names each such article once, with a count.
func TestUnplacedListedPerArticle(t *testing.T) {
	s, err := timeline.LoadSite("..")
	if err != nil {
		t.Fatal(err)
	}
	c := timeline.Build(s)
	if len(c.Unplaced) == 0 {
		t.Skip("the example site has no unplaced phrases")
	}
	files := writeMem(t, c, Options{SiteDir: ".."})
	checks := string(files["checks/index.html"])
	perArticle := map[string]int{}
	for _, m := range c.Unplaced {
		perArticle[m.Article]++
	}
	for _, a := range c.Articles {
		n := perArticle[a.ID]
		page := string(files["articles/"+a.ID+"/index.html"])
		if got := strings.Count(checks, "articles/"+a.ID+"/#unplaced-h"); (n > 0) != (got == 1) || got > 1 {
			t.Errorf("%s: %d unplaced phrases, linked %d times from the checks page", a.ID, n, got)
		}
		if n == 0 {
			if strings.Contains(page, `id="unplaced-h"`) {
				t.Errorf("%s: lists unplaced phrases it does not have", a.ID)
			}
			continue
		}
		section := page[strings.Index(page, `id="unplaced-h"`)+1:]
		if got := strings.Count(section, "<li>"); got != n {
			t.Errorf("%s: its page lists %d unplaced phrases, want %d", a.ID, got, n)
		}
	}
}

// The checks page groups findings by kind, in the order kinds first
// appear, and lists at most findingsListed of each.
func TestGroupFindings(t *testing.T) {
	var fs []findingView
	for i := range findingsListed + 7 {
		fs = append(fs, findingView{Kind: "ambiguous", Message: "a"})
		if i < 2 {
			fs = append(fs, findingView{Kind: "conflict", Message: "c"})
		}
	}
	got := groupFindings(fs)
	if len(got) != 2 || got[0].Kind != "ambiguous" || got[1].Kind != "conflict" {
		t.Fatalf("groups %+v", got)
	}
	if g := got[0]; g.Count != findingsListed+7 || len(g.Items) != findingsListed || g.More != 7 {
		t.Errorf("ambiguous: count %d, listed %d, more %d", g.Count, len(g.Items), g.More)
	}
	if g := got[1]; g.Count != 2 || len(g.Items) != 2 || g.More != 0 {
		t.Errorf("conflict: count %d, listed %d, more %d", g.Count, len(g.Items), g.More)
	}
	if groupFindings(nil) != nil {
		t.Error("no findings should give no groups")
	}
}
