package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/timeline-news/timeline/render/internal/fixture"
	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// memWriter keeps the files of a site in memory.
type memWriter map[string][]byte

func (m memWriter) WriteFile(name string, data []byte) error {
	memMu.Lock()
	defer memMu.Unlock()
	m[name] = append([]byte(nil), data...)
	return nil
}

// memMu guards every memWriter: WriteTo writes pages from several goroutines.
var memMu sync.Mutex

func small(t *testing.T) *timeline.Chronology {
	t.Helper()
	c, err := fixture.Small()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writeMem(t *testing.T, c *timeline.Chronology, opts Options) memWriter {
	t.Helper()
	w := memWriter{}
	if _, err := WriteTo(w, c, opts); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestGolden compares the pages and exports of a small hand-made
// chronology with testdata/golden. Run with -update after a deliberate change.
func TestGolden(t *testing.T) {
	w := writeMem(t, small(t), Options{BaseURL: "https://example.org/news/"})
	for _, name := range []string{"index.html", "events/2025-08-15-summit/index.html", "articles/a-wire/index.html",
		"sources/index.html", "checks/index.html", "404.html", "timeline.json", "timeline.csv", "timeline.ics",
		"timelinejs.json", "feed.xml", "sitemap.xml", "robots.txt"} {
		got, ok := w[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./render -run TestGolden -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run with -update if the change is meant\n%s", name, golden, firstDiff(string(want), string(got)))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + a + "\ngot:  " + b
		}
	}
	return ""
}

// TestDeterministic writes the same chronology twice and wants the same bytes.
func TestDeterministic(t *testing.T) {
	a := writeMem(t, small(t), Options{})
	b := writeMem(t, small(t), Options{})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestReleaseMarkdown writes a chronology with ReleaseMarkdown, with
// the default theme and a site theme: the files are those written
// without it, and every article's Markdown is dropped (only then).
func TestReleaseMarkdown(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "themes", "mine", "partials", "footer.html"), `<footer>my own footer</footer>`)
	for _, theme := range []string{"", "mine"} {
		c := small(t)
		c.Config.Theme = theme
		want := writeMem(t, c, Options{SiteDir: dir})
		for _, a := range c.Articles {
			if a.Body == nil {
				t.Fatalf("theme %q: %s's Markdown dropped without ReleaseMarkdown", theme, a.ID)
			}
		}
		got := writeMem(t, c, Options{SiteDir: dir, ReleaseMarkdown: true})
		if len(got) != len(want) {
			t.Errorf("theme %q: %d files, want %d", theme, len(got), len(want))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("theme %q: %s differs with ReleaseMarkdown\n%s", theme, name, firstDiff(string(data), string(got[name])))
			}
		}
		for _, a := range c.Articles {
			if a.Body != nil {
				t.Errorf("theme %q: %s's Markdown kept", theme, a.ID)
			}
		}
	}
}

// TestBodiesMadeAtLoad writes a chronology whose articles have only
// the HTML made at load (timeline.ReleaseMarkdown: no Markdown), with
// and without raw HTML, with the default theme and a site theme: the
// files are those rendered from the Markdown, and Write with
// ReleaseMarkdown drops the HTML too.
func TestBodiesMadeAtLoad(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "themes", "mine", "partials", "footer.html"), `<footer>my own footer</footer>`)
	for _, theme := range []string{"", "mine"} {
		for _, unsafe := range []bool{false, true} {
			c := small(t)
			c.Config.Theme, c.Config.Markup.Unsafe = theme, unsafe
			want := writeMem(t, c, Options{SiteDir: dir})
			c = small(t)
			c.Config.Theme, c.Config.Markup.Unsafe = theme, unsafe
			for _, a := range c.Articles {
				var err error
				if _, a.HTML, err = text.Render(a.Body, unsafe); err != nil {
					t.Fatal(err)
				}
				a.Body = nil
			}
			got := writeMem(t, c, Options{SiteDir: dir, ReleaseMarkdown: true})
			if len(got) != len(want) {
				t.Errorf("theme %q, unsafe %v: %d files, want %d", theme, unsafe, len(got), len(want))
			}
			for name, data := range want {
				if !bytes.Equal(got[name], data) {
					t.Errorf("theme %q, unsafe %v: %s differs\n%s", theme, unsafe, name, firstDiff(string(data), string(got[name])))
				}
			}
			for _, a := range c.Articles {
				if a.HTML != nil {
					t.Errorf("theme %q: %s's HTML kept", theme, a.ID)
				}
			}
		}
	}
}

func TestEscapingAndSafety(t *testing.T) {
	c := small(t)
	c.Articles[0].Body = append(c.Articles[0].Body, []byte("\n<script>alert(1)</script>\n\nText <b>bold</b>.\n")...)
	w := writeMem(t, c, Options{})
	page := string(w["articles/a-wire/index.html"])
	if strings.Contains(page, "<script>alert(1)") || strings.Contains(page, "<b>bold") {
		t.Error("raw HTML in an article body reached the page with markup.unsafe off")
	}
	if !strings.Contains(page, "Leaders to meet &lt;Friday&gt; &amp; talk") {
		t.Error("article title is not escaped")
	}
	c.Config.Markup.Unsafe = true
	w = writeMem(t, c, Options{})
	if !strings.Contains(string(w["articles/a-wire/index.html"]), "<b>bold</b>") {
		t.Error("markup.unsafe = true did not let raw HTML through")
	}
	csv := string(w["timeline.csv"])
	if !strings.Contains(csv, "'=A comment") || !strings.Contains(csv, "'=cmd|' /C calc'!A0") {
		t.Errorf("CSV cells starting with = are not guarded:\n%s", csv)
	}
}

func TestICSLines(t *testing.T) {
	ics := string(ICS(small(t), URLs{Base: "/"}))
	if !strings.HasSuffix(ics, "END:VCALENDAR\r\n") {
		t.Error("calendar does not end with END:VCALENDAR CRLF")
	}
	for _, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("bare line break in %q", line)
		}
	}
	for _, want := range []string{"DTSTART;VALUE=DATE:20220201\r\nDTEND;VALUE=DATE:20220301", "DTSTART;VALUE=DATE:20210101\r\nDTEND;VALUE=DATE:20220101",
		"DTSTAMP:20250816T000000Z", `X-WR-CALNAME:Small "test" <chronology>`} {
		if !strings.Contains(ics, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
}

func TestFoldLineUTF8(t *testing.T) {
	var b strings.Builder
	foldLine(&b, strings.Repeat("é", 100))
	for _, l := range strings.Split(b.String(), "\r\n") {
		if len(l) > 75 {
			t.Errorf("folded line of %d octets", len(l))
		}
		if !strings.HasPrefix(l, " ") && l != "" && !strings.HasPrefix(l, "é") {
			t.Errorf("bad fold %q", l)
		}
		if strings.ContainsRune(strings.TrimPrefix(l, " "), '\uFFFD') {
			t.Errorf("fold split a UTF-8 sequence: %q", l)
		}
	}
}

// TestThemeOverride overrides one partial in a site theme: the page uses
// it, other files still come from the default.
func TestThemeOverride(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "themes", "mine", "partials", "footer.html"), `<footer>my own footer</footer>`)
	c := small(t)
	c.Config.Theme = "mine"
	w := writeMem(t, c, Options{SiteDir: dir})
	if !strings.Contains(string(w["index.html"]), "my own footer") {
		t.Error("the site theme's footer was not used")
	}
	if _, ok := w["assets/style.css"]; !ok {
		t.Error("the default stylesheet is missing under an override")
	}
	c.Config.Theme = "missing"
	if _, err := WriteTo(memWriter{}, c, Options{SiteDir: dir}); err == nil || !strings.Contains(err.Error(), "themes/missing") {
		t.Errorf("missing theme: err = %v", err)
	}
}

// TestTemplateErrorNamesFile breaks a layout of a site theme and wants
// the error to name that file and line.
func TestTemplateErrorNamesFile(t *testing.T) {
	for _, tc := range []struct{ file, src, want string }{
		{"layouts/sources.html", "{{define \"main\"}}\n<p>\n{{.Nope}</p>{{end}}", "themes/bad/layouts/sources.html:3"},
		{"layouts/about.html", "{{define \"main\"}}\n\n{{.Site.Nope}}{{end}}", "themes/bad/layouts/about.html:3"},
	} {
		dir := t.TempDir()
		mustWrite(t, filepath.Join(dir, "themes", "bad", filepath.FromSlash(tc.file)), tc.src)
		c := small(t)
		c.Config.Theme = "bad"
		_, err := WriteTo(memWriter{}, c, Options{SiteDir: dir})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to name %s", tc.file, err, tc.want)
		}
	}
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExportFormats(t *testing.T) {
	c := small(t)
	for _, f := range Formats {
		b, err := Export(c, f.Name, "/")
		if err != nil || len(b) == 0 {
			t.Errorf("Export(%s) = %d bytes, %v", f.Name, len(b), err)
		}
	}
	if _, err := Export(c, "pdf", "/"); err == nil {
		t.Error("Export(pdf) did not fail")
	}
}
