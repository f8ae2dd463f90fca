package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/render/internal/fixture"
	"github.com/timeline-news/timeline/timeline"
)

// TestEvidenceManyReports checks an event reported more often than the
// evidence table shows in full: the first evidenceReports reports get a
// row per mention, the others one list item each, and every mention of
// every report is linked to its highlighted phrase exactly once, with
// the sources' names escaped.
func TestEvidenceManyReports(t *testing.T) {
	const reports = evidenceReports + 7
	var articles []*timeline.Article
	var specs []fixture.Spec
	var conflict []int // the second mention of every report gives another day
	for i := range reports {
		src := fmt.Sprintf("+++\ntitle = \"Report %d\"\nsource = \"Desk <b>%d</b> & Co\"\n+++\n\n"+
			"The summit opened on August 15. Talks resumed on August 15 at noon.\n", i, i)
		a, err := fixture.Article(fmt.Sprintf("content/r%02d.md", i), src, "2025-08-10", false)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, a)
		specs = append(specs, fixture.Spec{Article: a.ID, Phrase: "August 15", Value: "2025-08-15", Rule: "month-day"},
			fixture.Spec{Article: a.ID, Phrase: "August 15", N: 1, Value: "2025-08-16", Rule: "month-day"})
		conflict = append(conflict, 2*i+1)
	}
	c, err := fixture.Build(timeline.Config{Title: "T", BaseURL: "/"}, articles,
		[]fixture.EventSpec{{ID: "2025-08-15-summit", Date: "2025-08-15", Title: "Summit opens", Mentions: specs, Conflict: conflict}})
	if err != nil {
		t.Fatal(err)
	}
	w := writeMem(t, c, Options{})
	page := string(w["events/2025-08-15-summit/index.html"])
	conflicts, page, ok := strings.Cut(page, `<section aria-labelledby="evidence-h">`)
	if !ok {
		t.Fatal("no evidence section")
	}
	// The conflict: the mentions of the first conflictReports reports in
	// full, the others listed.
	if got := strings.Count(conflicts, `<li class="mention">`); got != conflictReports {
		t.Errorf("%d conflicting mentions in full, want %d", got, conflictReports)
	}
	if !strings.Contains(conflicts, fmt.Sprintf("And %d more reports", reports-conflictReports)) ||
		strings.Count(conflicts, "\n      <li>") != reports-conflictReports {
		t.Errorf("the conflict does not list the other %d reports:\n%s", reports-conflictReports, conflicts)
	}
	if index := string(w["index.html"]); !strings.Contains(index, fmt.Sprintf("<strong>Sat 16 Aug 2025</strong> (%d mentions", reports)) {
		t.Errorf("the chronology does not count every mention of the conflict")
	}
	table, list, ok := strings.Cut(page, `<ul class="more-evidence">`)
	if !ok {
		t.Fatalf("no compact list of the other reports:\n%s", page)
	}
	if got := strings.Count(table, "<tr>") - 1; got != 2*evidenceReports { // minus the head row
		t.Errorf("%d evidence rows, want %d (two mentions of each of %d reports)", got, 2*evidenceReports, evidenceReports)
	}
	list, _, _ = strings.Cut(list, "</ul>")
	if got := strings.Count(list, "<li>"); got != reports-evidenceReports {
		t.Errorf("%d reports in the list, want %d", got, reports-evidenceReports)
	}
	if !strings.Contains(page, fmt.Sprintf("%d more reports", reports-evidenceReports)) {
		t.Error("the list is not headed with the number of reports in it")
	}
	if strings.Contains(conflicts+page, "<b>") || !strings.Contains(list, "Desk &lt;b&gt;26&lt;/b&gt; &amp; Co") {
		t.Error("source names are not escaped in the list")
	}
	// Every mention's phrase is linked once, in a row or the list, to its anchor in its report's page.
	links := regexp.MustCompile(`href="/articles/(r\d\d)/#(m\d+)"`).FindAllStringSubmatch(page, -1)
	seen := map[string]int{}
	for _, l := range links {
		seen[l[1]+l[2]]++
	}
	for _, a := range articles {
		body := string(w["articles/"+a.ID+"/index.html"])
		for _, id := range regexp.MustCompile(`<mark class="phrase" id="(m\d+)"`).FindAllStringSubmatch(body, -1) {
			if seen[a.ID+id[1]] != 1 {
				t.Errorf("%s#%s is linked %d times from the event page, want once", a.ID, id[1], seen[a.ID+id[1]])
			}
			delete(seen, a.ID+id[1])
		}
	}
	if len(seen) > 0 {
		t.Errorf("links to phrases the reports do not mark: %v", seen)
	}
	checkLinks(t, w, "/")
}
