package render

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMadeOncePartials overrides the partials that are executed once and
// reused (byline, dated, how, event-item) and wants their markup, with
// each mention's own values, where the layouts show them.
func TestMadeOncePartials(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"byline.html":     `[by {{.ID}}]`,
		"dated.html":      `[dated {{.Value}}]`,
		"how.html":        `[how {{.Rule}} {{.Anchor}}]`,
		"event-item.html": `<li>[item {{.ID}}]</li>`,
	} {
		mustWrite(t, filepath.Join(dir, "themes", "mine", "partials", name), src)
	}
	c := small(t)
	c.Config.Theme = "mine"
	w := writeMem(t, c, Options{SiteDir: dir})
	ev := c.Events[0]
	page := string(w["events/"+ev.ID+"/index.html"])
	for _, m := range ev.Mentions {
		for _, want := range []string{"[by " + m.Article + "]", "[dated " + m.Value + "]",
			"[how " + m.Rule + " " + m.Anchor + "]"} {
			if !strings.Contains(page, "<td>"+want+"</td>") {
				t.Errorf("event page of %s: no cell %q", ev.ID, want)
			}
		}
	}
	art := string(w["articles/"+ev.Mentions[0].Article+"/index.html"])
	if !strings.Contains(art, "<li>[item "+ev.ID+"]</li>") {
		t.Errorf("article page: no item for event %s", ev.ID)
	}
}

// TestMadeOncePartialSeesOnlyItsView wants a how.html that uses a field
// its view does not have (so that reusing its markup could be wrong) to
// fail with the file named.
func TestMadeOncePartialSeesOnlyItsView(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "themes", "bad", "partials", "how.html"), "{{.Rule}}\n{{.Sentence}}")
	c := small(t)
	c.Config.Theme = "bad"
	_, err := WriteTo(memWriter{}, c, Options{SiteDir: dir})
	if err == nil || !strings.Contains(err.Error(), "themes/bad/partials/how.html") {
		t.Errorf("err = %v, want it to name themes/bad/partials/how.html", err)
	}
}
