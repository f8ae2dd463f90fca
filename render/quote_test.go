package render

import (
	"bufio"
	"bytes"
	"html/template"
	"testing"

	"github.com/timeline-news/timeline/timeline"
	"github.com/yuin/goldmark/util"
)

// TestQuoteMatchesTemplate checks the ready-made quote of a mention
// against the template markup it replaces, on hostile and odd text and
// URLs, linked to the phrase's mark and to the page, with the
// article's URL escaped once (escapeHrefs) and without.
func TestQuoteMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("q").Parse(
		`{{.Before}}{{if .Phrase}}<mark><a href="{{.ArticleHref}}">{{.Phrase}}</a></mark>{{end}}{{.After}}`))
	texts := []string{"", "plain", `<script>alert("x")</script>`, "a & b + c 'd' \"e\"", "nul\x00byte",
		"bad \xff\xfe utf8", "café – “quoted” \ufdd0\uffff", "{{.}} ${x}"}
	var arts []*articleView
	for _, url := range []string{"/articles/a-1/", "/sub path/articles/é/", `/x"onmouseover="y/`, "javascript:alert(1)//",
		"https://example.org/a?b=c&d=<e>/", "/a#b/", ""} {
		a, esc := &articleView{URL: url}, &articleView{URL: url}
		esc.escapeHrefs()
		arts = append(arts, a, esc)
	}
	arts = append(arts, nil)
	for _, a := range arts {
		for _, unanchored := range []bool{false, true} {
			for _, at := range []int{0, 12340} {
				for _, tx := range texts {
					sentence := tx + tx + "after " + tx
					m := &mentionView{Mention: &timeline.Mention{Sentence: sentence, SentenceStart: at, Start: at + len(tx), End: at + 2*len(tx)},
						Article: a, unanchored: unanchored}
					var want bytes.Buffer
					if err := tmpl.Execute(&want, m); err != nil {
						t.Fatal(err)
					}
					if got := string(m.Quote()); got != want.String() {
						t.Errorf("article %+v, text %q:\n got %s\nwant %s", a, tx, got, want.String())
					}
					if !m.hrefIs(m.ArticleHref()) || m.hrefIs(m.ArticleHref()+"0") {
						t.Errorf("article %+v: hrefIs(%q) is wrong", a, m.ArticleHref())
					}
				}
			}
		}
	}
}

// TestReporterLinksMatchTemplate checks the ready-made "Reported by"
// list against the template markup it replaces.
func TestReporterLinksMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("r").Parse(
		`{{range $i, $a := .Reporters}}{{if $i}}, {{end}}{{with $a}}<a href="{{.URL}}">{{if .Source}}{{.Source}}{{else}}{{.Title}}{{end}}</a>{{end}}{{end}}`))
	texts := []string{"", "plain", `<script>alert("x")</script>`, "a & b + c 'd' \"e\"", "nul\x00byte",
		"bad \xff\xfe utf8", "café – “quoted”", "{{.}} ${x}"}
	urls := []string{"/articles/a-1/", "/sub path/articles/é/", `/x"onmouseover="y/`, "javascript:alert(1)//",
		"https://example.org/a?b=c&d=<e>/"}
	e := &eventView{}
	for i, tx := range texts {
		a := &articleView{Article: &timeline.Article{Source: tx, Title: "title " + tx}, Source: tx, Title: "title " + tx,
			URL: urls[i%len(urls)]}
		a.escapeHrefs()
		e.Reporters = append(e.Reporters, a)
		if i%3 == 1 {
			e.Reporters = append(e.Reporters, nil) // an id with no article
		}
	}
	var want bytes.Buffer
	if err := tmpl.Execute(&want, e); err != nil {
		t.Fatal(err)
	}
	if got := string(e.ReporterLinks()); got != want.String() {
		t.Errorf("got  %s\nwant %s", got, want.String())
	}
}

// body shows a rendered Body (and a []byte, as Body was before) as
// markup, and refuses a string: text must not become markup.
func TestBodyFunc(t *testing.T) {
	for _, in := range []any{template.HTML("<p>a &amp; b</p>"), []byte("<p>a &amp; b</p>")} {
		if got, err := body(in); err != nil || got != "<p>a &amp; b</p>" {
			t.Errorf("body(%T) = %q, %v", in, got, err)
		}
	}
	if got, err := body("<script>x</script>"); err == nil {
		t.Errorf("body(string) = %q, want an error", got)
	}
}

// writeEscaped escapes as goldmark's util.EscapeHTML, on every byte.
func TestWriteEscaped(t *testing.T) {
	all := make([]byte, 0, 512)
	for c := range 256 {
		all = append(all, 'a', byte(c))
	}
	for _, s := range []string{"", "plain", `Fri 15 Aug 2025 (<rule> & "x")`, "\x00é\u2028", string(all)} {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		writeEscaped(w, s)
		w.Flush()
		if want := util.EscapeHTML([]byte(s)); !bytes.Equal(b.Bytes(), want) {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, b.Bytes(), want)
		}
	}
}

// TestUnplacedItemsMatchTemplate checks the ready-made list of a
// report's phrases not placed against the template markup it replaces,
// with the article's URL escaped once (escapeHrefs) and without.
func TestUnplacedItemsMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("u").Parse(
		`{{range .Unplaced}}<li>‘<a href="{{.ArticleHref}}">{{.Phrase}}</a>’ <code>{{.Value}}</code></li>{{end}}`))
	texts := []string{"", "plain", `<script>alert("x")</script>`, "a & b + c 'd' \"e\"", "nul\x00byte",
		"bad \xff\xfe utf8", "café – “quoted”", "{{.}} ${x}"}
	for _, url := range []string{"/articles/a-1/", "/sub path/articles/é/", `/x"onmouseover="y/`, "javascript:alert(1)//",
		"https://example.org/a?b=c&d=<e>/"} {
		a := &articleView{URL: url}
		if len(url)%2 == 0 {
			a.escapeHrefs()
		}
		for i, tx := range texts {
			m := &mentionView{Mention: &timeline.Mention{Value: "P" + tx, Sentence: tx, SentenceStart: i, Start: i, End: i + len(tx)},
				Article: a, unanchored: i == 3}
			a.Unplaced = append(a.Unplaced, m)
		}
		var want bytes.Buffer
		if err := tmpl.Execute(&want, a); err != nil {
			t.Fatal(err)
		}
		if got := string(a.UnplacedItems()); got != want.String() {
			t.Errorf("url %q, before link:\n got %s\nwant %s", url, got, want.String())
		}
		s := &siteView{Articles: []*articleView{a}}
		s.link()
		if got := string(a.UnplacedItems()); got != want.String() {
			t.Errorf("url %q, after link:\n got %s\nwant %s", url, got, want.String())
		}
	}
}

// A mention's sentence split around its phrase, and the whole sentence
// before when the phrase's offsets are not within it.
func TestMentionSplit(t *testing.T) {
	const s = "They met on Friday in Geneva."
	for _, tc := range []struct {
		start, end, sentenceStart int
		before, phrase, after     string
	}{
		{12, 18, 0, "They met on ", "Friday", " in Geneva."},
		{112, 118, 100, "They met on ", "Friday", " in Geneva."},
		{0, 4, 0, "", "They", " met on Friday in Geneva."},
		{25, 29, 0, "They met on Friday in Gen", "eva.", ""},
		{12, 12, 0, "They met on ", "", "Friday in Geneva."},
		{5, 18, 10, s, "", ""},
		{12, 40, 0, s, "", ""},
		{18, 12, 0, s, "", ""},
	} {
		m := &mentionView{Mention: &timeline.Mention{Sentence: s, SentenceStart: tc.sentenceStart, Start: tc.start, End: tc.end}}
		if b, p, a := m.Before(), m.Phrase(), m.After(); b != tc.before || p != tc.phrase || a != tc.after {
			t.Errorf("%d-%d in a sentence at %d: %q %q %q, want %q %q %q", tc.start, tc.end, tc.sentenceStart, b, p, a, tc.before, tc.phrase, tc.after)
		}
	}
}
