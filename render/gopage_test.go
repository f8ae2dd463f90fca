package render

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// goPagesMatch renders the site both ways, every page through the
// templates and the report and event pages in Go, and fails on any file
// that differs. It returns the files, for the caller's checks of what
// the site covers.
func goPagesMatch(t *testing.T, c *timeline.Chronology, opts Options) memWriter {
	t.Helper()
	want := memWriter{}
	if _, err := writeTo(want, c, opts, false); err != nil {
		t.Fatal(err)
	}
	got := memWriter{}
	if _, err := writeTo(got, c, opts, true); err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(got) != len(want) {
		t.Errorf("%d files written with pages in Go, %d through the templates", len(got), len(want))
	}
	pages := 0
	for _, n := range names {
		if strings.HasPrefix(n, "articles/") || strings.HasPrefix(n, "events/") {
			pages++
		}
		if g, w := got[n], want[n]; !bytes.Equal(g, w) {
			t.Errorf("%s differs from its template's (want: through the templates, got: in Go):\n%s", n, firstDiff(string(w), string(g)))
		}
	}
	if pages == 0 {
		t.Fatal("no report or event page")
	}
	return want
}

// covers fails unless some page of files has each of the markers: the
// parts of the templates the site is meant to exercise.
func covers(t *testing.T, files memWriter, markers ...string) {
	t.Helper()
	for _, m := range markers {
		found := false
		for n, b := range files {
			if (strings.HasPrefix(n, "articles/") || strings.HasPrefix(n, "events/")) && bytes.Contains(b, []byte(m)) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no report or event page has %q", m)
		}
	}
}

// fileCovers fails unless the file name of files has each of the
// markers: the parts of its templates the site is meant to exercise.
func fileCovers(t *testing.T, files memWriter, name string, markers ...string) {
	t.Helper()
	for _, m := range markers {
		if !bytes.Contains(files[name], []byte(m)) {
			t.Errorf("%s has no %q", name, m)
		}
	}
}

func TestGoPagesExample(t *testing.T) {
	files := goPagesMatch(t, buildDir(t, ".."), Options{SiteDir: ".."})
	covers(t, files, `<span class="inferred">(inferred`, "Why this date?", `class="unplaced"`, `<ul class="flags"`)
}

func TestGoPagesGenerated(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	files := goPagesMatch(t, buildDir(t, dir), Options{BaseURL: "https://example.org/", SiteDir: dir})
	fileCovers(t, files, "checks/index.html", "more not listed here", `<a href="/timeline.json">`)
	covers(t, files, "Where sources disagree", "the date moved between reports", "a different date at the same time",
		`<p class="small">And `, `id="more-reports"`, `<span class="precision">`, " tense</span>")
	fileCovers(t, files, "index.html", `<p class="conflict-note">`, ", date moved)", "1 mention)", `<span class="announced">`,
		`<p class="more">`, `<ul class="flags"`, `data-names="`, "|")
}

// curatedSite is the example site's reports, with raw HTML on, a base
// URL under a subpath, a report of no date, and notes and links set in
// config.toml.
func curatedSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join("..", "content", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the example site's reports: %v", err)
	}
	write := func(name, s string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		write("content/"+filepath.Base(f), string(b))
	}
	write("content/undated.md", `+++
title = "A report with no date & <b>no source</b>"
url = "https://example.org/wire?id=1&lang=en+fr"
+++

The summit is <em>expected</em> next Friday, <span>officials said</span>, and talks went on for three days.
`)
	write("config.toml", `title = "Summit & <friends>"
description = "A \"quoted\" description"
baseURL = "https://example.org/sub path/news+views/"
languageCode = "en-GB"

[markup]
unsafe = true

[[event]]
id = "2025-08-15-alaska-putin-war"
note = "Confirmed by the <b>pool</b> report & the White House."
link = "https://example.org/pool?day=15&x='y'"

[[event]]
id = "2025-08-08-trump-announcement"
note = "A second note."
link = "/local/path with space"

[[event]]
add = true
date = "2025-08-16"
title = "Both leaders leave Alaska"
note = "From the pool report."
`)
	return dir
}

func TestGoPagesCurated(t *testing.T) {
	dir := curatedSite(t)
	c := buildDir(t, dir)
	files := goPagesMatch(t, c, Options{SiteDir: dir})
	covers(t, files, "<dt>Note</dt>", "<dt>Link</dt>", "on an unknown date: its relative dates are not resolved",
		"<em>expected</em>", "/sub%20path/news&#43;views/", "added by hand")
}

// hostileStrings are what the hostile site's every field is set to in
// turn.
var hostileStrings = []string{
	`<script>alert("x")</script>`,
	`Tom & Jerry's "quotes" +1 <b>`,
	"javascript:alert(1)",
	" JaVaScRiPt:alert(1)",
	"https://example.org/a b?x=1&y=<2>#f'g",
	"/path/%41%zz?q=é",
	"bad utf-8 \xff\xfe\xe2\x80 cut",
	"nul \x00 control \x01\x1f\x7f",
	"é ‘quoted’ \u2028 \ufdd0 \ufffd",
	"",
	"mailto:desk@example.org",
	"{{.Site}} ]]> --> <!--",
}

// makeHostile sets the chronology's every shown string to hostile
// strings, some reports to no date or an inferred one, and some
// mentions to no known report.
func makeHostile(c *timeline.Chronology) {
	h := func(i int) string { return hostileStrings[i%len(hostileStrings)] }
	c.Config.Title, c.Config.Description, c.Config.LanguageCode = h(1), h(0), h(4)
	ids := map[string]string{}
	for i, a := range c.Articles {
		old := a.ID
		a.ID = old + "-" + strings.ReplaceAll(h(i), "/", "")
		ids[old] = a.ID
		a.Title, a.Source, a.URL, a.File = h(i), h(i+1), h(i+2), h(i+3)+".md"
		switch i % 4 {
		case 1:
			a.Published = time.Time{}
		case 2:
			a.PublishedInferred = true
			a.Window = [2]time.Time{a.Published.AddDate(0, 0, -2), a.Published}
			a.Inference = []string{h(i + 4), h(i + 5)}
		case 3:
			a.PublishedInferred = true
			a.Window = [2]time.Time{a.Published.AddDate(-1, 0, 0), a.Published}
		}
	}
	for i, e := range c.Events {
		e.Title, e.Note, e.Link = h(i), h(i+1), h(i+2)
		if i%3 == 0 {
			e.Mod, e.Precision = h(i+3), h(i+4)
		}
		e.Flags = append(e.Flags, strings.ReplaceAll(h(i+5), " ", "-"))
		for k := range e.Sources {
			e.Sources[k] = ids[e.Sources[k]]
		}
		for k := range e.Mentions {
			m := &e.Mentions[k]
			m.Article = ids[m.Article]
			if (i+k)%7 == 3 {
				m.Article = "ghost " + h(k)
			}
			m.Rule, m.Tense, m.Note, m.Value = h(k), h(k+1), h(k+2), h(k+3)
			if k%5 == 4 {
				m.Anchor, m.AnchorInferred = "", true
			}
		}
	}
	for k := range c.Unplaced {
		m := &c.Unplaced[k]
		m.Article = ids[m.Article]
		if k%3 == 1 {
			m.Article = "ghost " + h(k)
		}
		m.Value = h(k)
	}
	for k := range c.Findings {
		f := &c.Findings[k]
		if f.Article != "" {
			f.Article = ids[f.Article]
		}
		if k%4 == 1 {
			f.Message = h(k)
		}
	}
	for k := range 3 {
		c.Warnings = append(c.Warnings, timeline.Problem{File: h(k) + ".md", Line: k, Message: h(k + 1), Hint: h(k + 2)})
	}
}

func TestGoPagesHostile(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 60, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	c := buildDir(t, dir)
	makeHostile(c)
	files := goPagesMatch(t, c, Options{BaseURL: "https://example.org/a&b/", SiteDir: dir})
	covers(t, files, "#ZgotmplZ", "&lt;script&gt;", "\xff\xfe", "\uFFFD", "ghost ", "on an unknown date",
		"Where sources disagree", `<p class="note">`, `<cite>`, `<span class="inferred">(inferred)</span>`)
	fileCovers(t, files, "sources/index.html", "&lt;script&gt;", "#ZgotmplZ", "\xff\xfe", `<span class="inferred">inferred</span>`,
		`<br><span class="small">window `, "from: ", `<span class="small">stated</span>`, `<span class="flag flag-conflict">unknown</span>`, `rel="nofollow">original`)
	fileCovers(t, files, "checks/index.html", "&lt;script&gt;", "\xff\xfe", "<h2>Input problems</h2>", "<q>", "ghost ",
		"Phrases not placed", ", …)", "Event: ", "Report: ", "<cite>")
	fileCovers(t, files, "index.html", "#ZgotmplZ", "&lt;script&gt;", "\xff\xfe", `<p class="conflict-note">`, `<p class="note">`, " is-", "ghost ")

	// The example site's reports with raw HTML on, hostile.
	dir = curatedSite(t)
	c = buildDir(t, dir)
	makeHostile(c)
	goPagesMatch(t, c, Options{SiteDir: dir})
}

// TestGoPagesNoFindings checks the checks page of a chronology with no
// findings, no phrase left unplaced and no input problem.
func TestGoPagesNoFindings(t *testing.T) {
	c := small(t)
	c.Findings, c.Unplaced, c.Warnings = nil, nil, nil
	for _, e := range c.Events {
		e.Flags = nil
	}
	files := goPagesMatch(t, c, Options{BaseURL: "https://example.org/news/"})
	fileCovers(t, files, "checks/index.html", `<p class="ok">No findings.</p>`)
	_, main, _ := strings.Cut(string(files["checks/index.html"]), "<main ")
	main, _, _ = strings.Cut(main, "</main>")
	for _, m := range []string{"<h2", "<ul"} {
		if strings.Contains(main, m) {
			t.Errorf("the checks page of no findings has %q:\n%s", m, main)
		}
	}
}

// TestGoPagesThemeSourcesChecks checks which site themes leave the
// sources and checks pages written in Go: only those that change no
// template the page executes. The others' pages show the override.
func TestGoPagesThemeSourcesChecks(t *testing.T) {
	tests := []struct {
		name            string
		file, content   string
		sources, checks bool // the pages written in Go
		shows           string
	}{
		{"the index", "layouts/index.html", `{{define "main"}}mine-index{{end}}`, true, true, ""},
		{"the index's card", "partials/event-card.html", "<li>mine-card</li>", true, true, ""},
		{"the event page's mention", "partials/mention.html", "<li>mine-mention</li>", true, true, ""},
		{"layouts/sources.html", "layouts/sources.html", `{{define "main"}}mine-sources {{len .Site.Articles}}{{end}}`, false, true, "mine-sources"},
		{"layouts/checks.html", "layouts/checks.html", `{{define "main"}}mine-checks{{end}}`, true, false, "mine-checks"},
		{"partials/header.html", "partials/header.html", `<header>mine-header</header>`, false, false, "mine-header"},
		{"partials/head.html", "partials/head.html", `<title>mine-head</title>`, false, false, "mine-head"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 40, Seed: 3}); err != nil {
				t.Fatal(err)
			}
			themeFile(t, dir, tc.file, tc.content)
			c := buildDir(t, dir)
			c.Config.Theme = "mine"
			opts := Options{BaseURL: "/", SiteDir: dir}
			_, theme, tmpls, err := setup(c, opts)
			if err != nil {
				t.Fatal(err)
			}
			r := &run{tmpls: tmpls, theme: theme, site: newSite(c, URLs{Base: "/"}, nil)}
			r.useGo()
			files := goPagesMatch(t, c, opts)
			for kind, inGo := range map[string]bool{"sources": tc.sources, "checks": tc.checks} {
				if got := r.goKinds[kind] != nil; got != inGo {
					t.Errorf("%s page written in Go: %v, want %v", kind, got, inGo)
				}
				if shown := bytes.Contains(files[kind+"/index.html"], []byte(tc.shows)); !inGo && !shown {
					t.Errorf("the %s page does not show the theme's %q", kind, tc.shows)
				}
			}
		})
	}
}

// themeFile writes a file of the site theme "mine" in dir.
func themeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, "themes", "mine", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGoPagesTheme checks which site themes leave the report and event
// pages written in Go: only those that change no template the page
// executes. The others' pages show the override.
func TestGoPagesTheme(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "themes", "default", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name         string
		files        map[string]string
		article, evt bool // the pages written in Go
		card         bool // the index's event cards written in Go
		// shows is what the theme's template shows on the pages: on
		// every report or event page not written in Go (but a mention,
		// which only some event pages show), and on one page at least.
		// When it is one of goPartials ("mine-byline" for
		// partials/byline.html), that partial is executed through the
		// templates, the others are written in Go.
		shows string
	}{
		{"static file only", map[string]string{"static/style.css": "body{}"}, true, true, true, ""},
		{"the index's card", map[string]string{"partials/event-card.html": "<li>mine-card {{.Title}}</li>"}, true, true, false, ""},
		{"a template copied as it is", map[string]string{"partials/head.html": read("partials/head.html")}, true, true, true, ""},
		{"a new partial no page calls", map[string]string{"partials/extra.html": "extra"}, true, true, true, ""},
		{"partials/byline.html", map[string]string{"partials/byline.html": "mine-byline {{.Title}}"}, true, true, true, "mine-byline"},
		{"partials/dated.html", map[string]string{"partials/dated.html": "mine-dated {{.Value}}"}, true, true, true, "mine-dated"},
		{"partials/how.html", map[string]string{"partials/how.html": "mine-how {{.Rule}}"}, true, true, true, "mine-how"},
		{"partials/event-item.html", map[string]string{"partials/event-item.html": "<li>mine-item {{.Title}}</li>"}, true, true, true, "mine-item"},
		{"partials/head.html", map[string]string{"partials/head.html": "<title>mine-head</title>"}, false, false, true, "mine-head"},
		{"partials/head-links.html", map[string]string{"partials/head-links.html": "<!-- x --><meta name=mine-links>"}, false, false, true, "mine-links"},
		{"partials/footer.html", map[string]string{"partials/footer.html": "<footer>mine-footer</footer>"}, false, false, true, "mine-footer"},
		{"layouts/baseof.html", map[string]string{"layouts/baseof.html": strings.Replace(read("layouts/baseof.html"), "<main ", "<main data-mine ", 1)}, false, false, true, "data-mine"},
		{"layouts/article.html", map[string]string{"layouts/article.html": `{{define "main"}}mine-article {{.Article.Title}}{{end}}`}, false, true, true, ""},
		{"layouts/event.html", map[string]string{"layouts/event.html": `{{define "main"}}mine-event {{.Event.Title}}{{end}}`}, true, false, true, ""},
		{"partials/mention.html", map[string]string{"partials/mention.html": `<li>mine-mention {{.Phrase}}</li>`}, true, false, false, "mine-mention"},
		{"partials/flags.html", map[string]string{"partials/flags.html": `mine-flags`}, true, false, false, "mine-flags"},
		{"a partial redefining another", map[string]string{"partials/zz.html": `{{define "partials/mention.html"}}<li>mine-mention</li>{{end}}`}, true, false, false, "mine-mention"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 40, Seed: 3}); err != nil {
				t.Fatal(err)
			}
			for name, content := range tc.files {
				themeFile(t, dir, name, content)
			}
			c := buildDir(t, dir)
			c.Config.Theme = "mine"
			opts := Options{BaseURL: "/", SiteDir: dir}
			_, theme, tmpls, err := setup(c, opts)
			if err != nil {
				t.Fatal(err)
			}
			r := &run{tmpls: tmpls, theme: theme, site: newSite(c, URLs{Base: "/"}, nil)}
			r.useGo()
			if got := r.goKinds["article"] != nil; got != tc.article {
				t.Errorf("report pages written in Go: %v, want %v", got, tc.article)
			}
			if got := r.goKinds["event"] != nil; got != tc.evt {
				t.Errorf("event pages written in Go: %v, want %v", got, tc.evt)
			}
			for _, names := range goPartials {
				for _, name := range names {
					want := tc.shows != "mine-"+strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(name, "partials/"), "event-"), ".html")
					if name == "partials/event-card.html" {
						want = tc.card
					}
					if r.goParts[name] != want {
						t.Errorf("%s written in Go: %v, want %v", name, r.goParts[name], want)
					}
				}
			}
			files := goPagesMatch(t, c, opts)
			if !tc.card {
				// Every card shows the theme's template.
				want := tc.shows
				if want == "" {
					want = "mine-card"
				}
				if n, m := bytes.Count(files["index.html"], []byte(want)), len(c.Events); n < m {
					t.Errorf("the index shows the theme's %q %d times, want at least %d (one per card)", want, n, m)
				}
			}
			if tc.shows != "" {
				shown := false
				for n, b := range files {
					shown = shown || (strings.HasPrefix(n, "articles/") || strings.HasPrefix(n, "events/")) && bytes.Contains(b, []byte(tc.shows))
				}
				if !shown {
					t.Errorf("no report or event page shows the theme's %q", tc.shows)
				}
			}
			for kind, inGo := range map[string]bool{"articles/": tc.article, "events/": tc.evt} {
				if inGo {
					continue
				}
				want := tc.shows
				if want == "" {
					want = "mine-" + strings.TrimSuffix(strings.TrimSuffix(kind, "s/"), "/")
				}
				shown, missed := 0, ""
				for n, b := range files {
					if !strings.HasPrefix(n, kind) {
						continue
					}
					if bytes.Contains(b, []byte(want)) {
						shown++
					} else if want != "mine-mention" || bytes.Contains(b, []byte("Where sources disagree")) {
						missed = n
					}
				}
				if shown == 0 || missed != "" {
					t.Errorf("%d pages under %s show the theme's %q; %s does not", shown, kind, want, missed)
				}
			}
		})
	}
}

// TestGoPagesTimed checks that the pages written in Go are timed as the
// others are: PageTimer is called for each, by its layout, and each
// page's done once it is written (`timeline build --stats`).
func TestGoPagesTimed(t *testing.T) {
	c := buildDir(t, "..")
	var mu sync.Mutex
	started, done := map[string]int{}, map[string]int{}
	opts := Options{SiteDir: "..", PageTimer: func(kind, file string) func() {
		mu.Lock()
		defer mu.Unlock()
		started[kind]++
		return func() {
			mu.Lock()
			defer mu.Unlock()
			done[kind]++
		}
	}}
	writeMem(t, c, opts)
	for kind, n := range map[string]int{"article": len(c.Articles), "event": len(c.Events), "index": 1} {
		if started[kind] != n || done[kind] != n {
			t.Errorf("%s pages: %d timed, %d done, want %d", kind, started[kind], done[kind], n)
		}
	}
}
