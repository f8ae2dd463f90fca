package render

import (
	"bufio"
	"bytes"
	"html/template"
	"strconv"
	"testing"

	"github.com/timeline-news/timeline/timeline"
	"github.com/yuin/goldmark/util"
)

// TestQuoteMatchesTemplate checks the ready-made evidence quote against
// the template markup it replaces, on hostile and odd text and URLs.
func TestQuoteMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("q").Parse(
		`{{.Before}}{{if .Phrase}}<mark><a href="{{.ArticleHref}}">{{.Phrase}}</a></mark>{{end}}{{.After}}`))
	texts := []string{"", "plain", `<script>alert("x")</script>`, "a & b + c 'd' \"e\"", "nul\x00byte",
		"bad \xff\xfe utf8", "café – “quoted” \ufdd0\uffff", "{{.}} ${x}"}
	urls := []*articleView{
		{URL: "/articles/a-1/"},
		{URL: "/sub path/articles/é/"},
		{URL: `/x"onmouseover="y/`},
		{URL: "javascript:alert(1)//"},
		{URL: "https://example.org/a?b=c&d=<e>/"},
		nil,
	}
	h := hrefEscaper{}
	for _, a := range urls {
		hrefs := []string{"", "/other/#x", "javascript:alert(1)"}
		if a != nil {
			hrefs = append(hrefs, a.URL, a.URL+"#m0", a.URL+"#m12345", a.URL+"#mx")
		}
		for _, href := range hrefs {
			for _, tx := range texts {
				m := &mentionView{Before: tx, Phrase: tx, After: "after " + tx, ArticleHref: href}
				var want bytes.Buffer
				if err := tmpl.Execute(&want, m); err != nil {
					t.Fatal(err)
				}
				got := string(quoteHTML(m.Before, m.Phrase, m.After, h.escape(a, href)))
				if got != want.String() {
					t.Errorf("href %q, text %q:\n got %s\nwant %s", href, tx, got, want.String())
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
	h := hrefEscaper{}
	e := &eventView{}
	for i, tx := range texts {
		a := &articleView{Article: &timeline.Article{Source: tx, Title: "title " + tx}, Source: tx, Title: "title " + tx,
			URL: urls[i%len(urls)]}
		a.hrefEsc = h.escape(a, a.URL)
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
// with the links escaped by link and without.
func TestUnplacedItemsMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("u").Parse(
		`{{range .Unplaced}}<li>‘<a href="{{.ArticleHref}}">{{.Phrase}}</a>’ <code>{{.Value}}</code></li>{{end}}`))
	texts := []string{"", "plain", `<script>alert("x")</script>`, "a & b + c 'd' \"e\"", "nul\x00byte",
		"bad \xff\xfe utf8", "café – “quoted”", "{{.}} ${x}"}
	for _, url := range []string{"/articles/a-1/", "/sub path/articles/é/", `/x"onmouseover="y/`, "javascript:alert(1)//",
		"https://example.org/a?b=c&d=<e>/"} {
		a := &articleView{URL: url}
		for i, tx := range texts {
			m := &mentionView{Mention: &timeline.Mention{Value: "P" + tx}, Article: a, Phrase: tx, ArticleHref: url + "#m" + strconv.Itoa(i)}
			if i == 3 {
				m.ArticleHref = url
			}
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
