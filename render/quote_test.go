package render

import (
	"bytes"
	"html/template"
	"testing"
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
