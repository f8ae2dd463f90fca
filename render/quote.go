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
// six template actions per row.

// quoteHTML is Before, then Phrase marked and linked to href, then After,
// each escaped as html/template escapes text and href attributes; hrefEsc
// is href already escaped as an attribute value.
func quoteHTML(before, phrase, after, hrefEsc string) template.HTML {
	var b strings.Builder
	b.Grow(len(before) + len(phrase) + len(after) + len(hrefEsc) + 32)
	escapeText(&b, before)
	if phrase != "" {
		b.WriteString(`<mark><a href="`)
		b.WriteString(hrefEsc)
		b.WriteString(`">`)
		escapeText(&b, phrase)
		b.WriteString(`</a></mark>`)
	}
	escapeText(&b, after)
	return template.HTML(b.String())
}

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

// hrefEscaper escapes an article's phrase links: the escaped article URL
// is worked out once per article, and a plain "#m123" fragment added to
// it, which escaping leaves as it is. Any other href goes through
// html/template.
type hrefEscaper map[*articleView]string

func (h hrefEscaper) escape(a *articleView, href string) string {
	if a != nil {
		frag, ok := strings.CutPrefix(href, a.URL)
		if ok && (frag == "" || isMentionFragment(frag)) {
			esc, seen := h[a]
			if !seen {
				esc = escapeHref(a.URL)
				// The fast path holds only when escaping the URL with a
				// fragment is escaping it, then adding the fragment.
				if escapeHref(a.URL+"#m0") != esc+"#m0" {
					esc = "\x00"
				}
				h[a] = esc
			}
			if esc == a.URL {
				return href // nothing to escape: share the string
			}
			if esc != "\x00" {
				return esc + frag
			}
		}
	}
	return escapeHref(href)
}

// isMentionFragment reports whether s is "#m" and digits, as mentionID makes.
func isMentionFragment(s string) bool {
	d, ok := strings.CutPrefix(s, "#m")
	if !ok || d == "" {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}
