package render

import (
	"bytes"
	"html/template"
	"strings"
)

// The evidence table of an event page shows every mention's sentence
// with its phrase marked and linked. It is the most repeated markup of
// a site (one row per mention), so the sentence is put together here
// once, escaped exactly as html/template escapes it, instead of with
// six template actions per row (see mentionView.writeQuote).

// escapeText writes s escaped as html/template escapes a string in
// element content: NUL, quotes, &, +, < and > are replaced, every other
// byte (invalid UTF-8 too) is kept.
func escapeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// hrefTemplate escapes an href value the way a page template does.
var hrefTemplate = template.Must(template.New("href").Parse(`<a href="{{.}}">`))

// escapeHref returns href escaped as html/template escapes it in an
// href attribute (filtered, normalised, attribute-escaped).
func escapeHref(href string) string {
	var buf bytes.Buffer
	if err := hrefTemplate.Execute(&buf, href); err != nil {
		return "#ZgotmplZ"
	}
	s := strings.TrimPrefix(buf.String(), `<a href="`)
	return strings.TrimSuffix(s, `">`)
}
