package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/themes"
	"github.com/timeline-news/timeline/timeline"
)

// TestCacheEdits renders a generated site through one Cache after each
// of a series of edits, built as `timeline serve` builds them
// (timeline.Incremental, which hands unchanged articles on as they
// were), and compares the files with those WriteTo writes from nothing.
func TestCacheEdits(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 60, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	inc := timeline.NewIncremental(dir)
	opts := Options{BaseURL: "/", SiteDir: dir}
	var cache Cache
	build := func() *timeline.Chronology {
		t.Helper()
		c, err := inc.Build()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := build()
	if _, err := NewSite(c, opts, &cache); err != nil {
		t.Fatal(err)
	}
	file := func(a *timeline.Article) string { return filepath.Join(dir, filepath.FromSlash(a.File)) }
	edit := func(a *timeline.Article, f func([]byte) []byte) {
		t.Helper()
		src, err := os.ReadFile(file(a))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file(a), f(src), 0o644); err != nil {
			t.Fatal(err)
		}
		inc.Invalidate(file(a))
	}
	steps := []struct {
		name string
		do   func(c *timeline.Chronology)
	}{
		{"a paragraph added", func(c *timeline.Chronology) {
			edit(c.Articles[5], func(b []byte) []byte {
				return append(b, "\n\nThe talks resumed on Monday, officials said, a week after the vote in Geneva.\n"...)
			})
		}},
		{"another paragraph", func(c *timeline.Chronology) {
			edit(c.Articles[5], func(b []byte) []byte {
				return append(b, "\n\nOn August 3, 2025, Maria Lopez met Putin in Anchorage.\n"...)
			})
		}},
		{"source renamed", func(c *timeline.Chronology) {
			edit(c.Articles[9], func(b []byte) []byte { return []byte(replaceSource(string(b), "A New Wire")) })
		}},
		{"article removed", func(c *timeline.Chronology) {
			if err := os.Remove(file(c.Articles[12])); err != nil {
				t.Fatal(err)
			}
		}},
		{"article added", func(c *timeline.Chronology) {
			src, err := os.ReadFile(file(c.Articles[20]))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "content", "zz-copy.md"), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"text cut", func(c *timeline.Chronology) {
			edit(c.Articles[30], func(b []byte) []byte { return b[:len(b)*2/3] })
		}},
		{"nothing", func(*timeline.Chronology) {}},
	}
	for _, st := range steps {
		st.do(c)
		c = build()
		var fresh []string
		site, err := NewSite(c, opts, &cache)
		if err != nil {
			t.Fatal(err)
		}
		fresh = onePerKind(site.Names())
		for _, a := range c.Articles[:40] {
			fresh = append(fresh, "articles/"+a.ID+"/index.html")
		}
		t.Run(st.name, func(t *testing.T) { sameFiles(t, c, opts, &cache, fresh) })
	}
}

// replaceSource sets the source of an article's front matter.
func replaceSource(src, source string) string {
	var out []byte
	for _, line := range slices.Collect(func(yield func(string) bool) {
		start := 0
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' {
				if !yield(src[start : i+1]) {
					return
				}
				start = i + 1
			}
		}
		yield(src[start:])
	}) {
		if len(line) > 6 && line[:6] == "source" {
			line = fmt.Sprintf("source = %q\n", source)
		}
		out = append(out, line...)
	}
	return string(out)
}

// TestNameIndex checks that a nameIndex updated through a series of
// sites gives what eventNames gives for each.
func TestNameIndex(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 80, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	all := buildDir(t, dir).Events
	extra := []*timeline.Event{
		{ID: "x1", Mentions: []timeline.Mention{{Sentence: "Kowalski met Anna Kowalski in Gdansk on Monday."}}},
		{ID: "x2", Mentions: []timeline.Mention{{Sentence: "Gdansk hosted Zbigniew Brzezinski."}, {Sentence: "Brzezinski left."}}},
		{ID: "x3", Mentions: []timeline.Mention{{Sentence: "Later the Brzezinski team flew to Gdansk."}}},
	}
	r := rand.New(rand.NewPCG(1, 2))
	var x nameIndex
	kept := map[*timeline.Event]*entryNames{}
	for round := range 12 {
		var events []*timeline.Event
		for _, e := range append(slices.Clone(all), extra...) {
			if r.IntN(4) > 0 || round == 0 {
				events = append(events, e)
			}
		}
		seen := map[string]*sentenceNames{}
		var entries, added, gone []*entryNames
		now := map[*timeline.Event]*entryNames{}
		for _, e := range events {
			en := kept[e]
			if en == nil {
				n := newEntryNames(e, seen)
				en = &n
				added = append(added, en)
			}
			now[e] = en
			entries = append(entries, en)
		}
		for e, en := range kept {
			if now[e] == nil {
				gone = append(gone, en)
			}
		}
		kept = now
		perEvent, names := x.update(entries, added, gone)
		want := eventNames(events)
		if !slices.Equal(names, want.all) {
			t.Fatalf("round %d: names %q, want %q", round, names, want.all)
		}
		for i := range events {
			if !slices.Equal(perEvent[i], want.perEvent[i]) {
				t.Fatalf("round %d: event %s: names %q, want %q", round, events[i].ID, perEvent[i], want.perEvent[i])
			}
		}
	}
}

// TestCacheTemplates checks that NewSite reuses the templates it
// parsed while the theme's files and the URLs stay the same, and parses
// them again when a theme file changes or the URLs do.
func TestCacheTemplates(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 5, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	footer := filepath.Join(dir, "themes", "mine", "partials", "footer.html")
	if err := os.MkdirAll(filepath.Dir(footer), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFooter := func(s string) {
		t.Helper()
		if err := os.WriteFile(footer, []byte(`<footer class="mine">`+s+`</footer>`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFooter("one")
	c, err := timeline.NewIncremental(dir).Build()
	if err != nil {
		t.Fatal(err)
	}
	c.Config.Theme = "mine"
	var cache Cache
	index := func(base string) (map[string]*template.Template, string) {
		t.Helper()
		s, err := NewSite(c, Options{BaseURL: base, SiteDir: dir}, &cache)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.File("index.html")
		if err != nil {
			t.Fatal(err)
		}
		return s.r.tmpls, string(b)
	}
	first, page := index("/")
	if !strings.Contains(page, `<footer class="mine">one</footer>`) {
		t.Fatalf("the theme's footer is not on the page")
	}
	if again, _ := index("/"); !maps.Equal(again, first) {
		t.Errorf("the same theme files were parsed again")
	}
	writeFooter("two")
	changed, page := index("/")
	if maps.Equal(changed, first) || !strings.Contains(page, `<footer class="mine">two</footer>`) {
		t.Errorf("a changed theme file was not parsed again")
	}
	if other, page := index("/repo/"); maps.Equal(other, changed) || !strings.Contains(page, `href="/repo/`) {
		t.Errorf("other URLs did not parse the templates again")
	}
}

// TestIndexCards checks that an index layout calling the event card
// partial itself, as the default did before .Card, makes the same page
// as the default's .Card.
func TestIndexCards(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 30, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	c, err := timeline.NewIncremental(dir).Build()
	if err != nil {
		t.Fatal(err)
	}
	index := func(theme string) string {
		t.Helper()
		c.Config.Theme = theme
		s, err := NewSite(c, Options{BaseURL: "/", SiteDir: dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.File("index.html")
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	def, err := fs.ReadFile(themes.Default, "layouts/index.html")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.ReplaceAll(string(def), "{{.Card}}", `{{template "partials/event-card.html" .}}`)
	if own == string(def) {
		t.Fatal("the default index layout does not show .Card")
	}
	layout := filepath.Join(dir, "themes", "mine", "layouts", "index.html")
	if err := os.MkdirAll(filepath.Dir(layout), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	want := index("")
	if !strings.Contains(want, `class="event`) {
		t.Fatal("no event card on the index page")
	}
	if got := index("mine"); got != want {
		t.Errorf("the index calling the partial differs from the one showing .Card")
	}
}

// TestCacheCards checks the cards a Cache keeps from build to build
// (run.cards): an unchanged event's card is taken as it was, and one
// whose names changed because of another article (a sentence that
// opens with "Tallinn" names it once another sentence names Tallinn
// in its middle) is made again, so the index page is what the templates make.
func TestCacheCards(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 20, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	article := func(name, title, date, text string) {
		t.Helper()
		src := "+++\ntitle = \"" + title + "\"\ndate = " + date + "\nsource = \"Test Wire\"\n+++\n\n" + text + "\n"
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article("bridge.md", "Bridge opens", "2025-03-04", "Tallinn opened its new harbour bridge on March 3, 2025, the mayor said.")
	inc := timeline.NewIncremental(dir)
	opts := Options{BaseURL: "/", SiteDir: dir}
	var cache Cache
	index := func() (*Site, *timeline.Chronology) {
		t.Helper()
		c, err := inc.Build()
		if err != nil {
			t.Fatal(err)
		}
		s, err := NewSite(c, opts, &cache)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.File("index.html")
		if err != nil {
			t.Fatal(err)
		}
		// The cards through the cache are written in Go (gopage.go):
		// compared with the page all through the templates.
		want := memWriter{}
		if _, err := writeTo(want, c, opts, false); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want["index.html"]) {
			t.Fatalf("index.html through the cache differs from the templates' (%d bytes, want %d)", len(got), len(want["index.html"]))
		}
		return s, c
	}
	cardOf := func(s *Site, id string) template.HTML {
		t.Helper()
		for _, ev := range s.r.site.Events {
			if ev.ID == id {
				return ev.Card
			}
		}
		t.Fatalf("no event %s", id)
		return ""
	}
	first, c := index()
	var bridge, other string // the bridge's event, and one of no article touched here
	for _, ev := range c.Events {
		if slices.Contains(ev.Sources, "bridge") {
			bridge = ev.ID
		} else if other == "" && len(ev.Sources) > 1 {
			other = ev.ID
		}
	}
	if bridge == "" || other == "" {
		t.Fatalf("no bridge event (%q) or other event (%q)", bridge, other)
	}
	if strings.Contains(string(cardOf(first, bridge)), "Tallinn|") {
		t.Fatalf("the bridge's card names Tallinn before any sentence names it mid-sentence:\n%s", cardOf(first, bridge))
	}
	article("resign.md", "Minister resigns", "2025-06-10", "The minister resigned on June 9, 2025, officials in Tallinn said.")
	second, _ := index()
	if a, b := cardOf(first, other), cardOf(second, other); unsafe.StringData(string(a)) != unsafe.StringData(string(b)) {
		t.Errorf("the card of %s, which did not change, was made again", other)
	}
	for _, ev := range second.r.site.Events {
		if ev.ID == bridge && (ev.entry == nil || !strings.Contains(string(ev.Card), `data-names="Tallinn"`)) {
			t.Fatalf("the bridge's event is not the same entry (%v), or its card does not name Tallinn:\n%s", ev.entry == nil, ev.Card)
		}
	}
	if a, b := cardOf(first, bridge), cardOf(second, bridge); a == b {
		t.Errorf("the card of %s kept its old names:\n%s", bridge, b)
	}
}
