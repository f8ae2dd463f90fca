package render

import (
	"bytes"
	"strings"
)

// The escapers of html/template, for the values the pages written in Go
// (gopage.go) and the markup made once for many pages (view.go) show,
// byte for byte as a page template escapes them. escape_test.go
// compares each with html/template itself, on a table and by fuzzing.
//
// The evidence table of an event page shows every mention's sentence
// with its phrase marked and linked. It is the most repeated markup of
// a site (one row per mention), so the sentence is put together once,
// escaped here, instead of with six template actions per row (see
// mentionView.writeQuote).

// stringWriter is what the escapers, and the markup written in Go,
// write to: a strings.Builder or the bytes.Buffer of a page.
type stringWriter interface {
	WriteString(s string) (int, error)
}

// writeBytes writes p to b. Through the interface p would escape to the
// heap (a scratch array on the caller's stack would be allocated on
// every call); to the two writers used it does not.
func writeBytes(b stringWriter, p []byte) {
	switch w := b.(type) {
	case *bytes.Buffer:
		w.Write(p)
	case *strings.Builder:
		w.Write(p)
	default:
		w.WriteString(string(p))
	}
}

// htmlReplacements is html/template's htmlReplacementTable: what a
// string becomes in element content, an RCDATA element (<title>) or a
// quoted attribute value. Every other byte, invalid UTF-8 too, is kept.
var htmlReplacements = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// escapeText writes s escaped as html/template escapes a string in
// element content ({{.}} between tags: its htmlEscaper), which is also
// how it escapes one in <title> (rcdataEscaper) and in a quoted
// attribute value that is not a URL (attrEscaper): NUL, quotes, &, +, <
// and > are replaced, every other byte is kept.
func escapeText(b stringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		r := htmlReplacements[s[i]]
		if r == "" {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escapeAttr writes s escaped for a quoted attribute value that is not
// a URL (class, lang, datetime, title, a <meta> content): html/template's
// attrEscaper, which for a string is its htmlEscaper.
func escapeAttr(b stringWriter, s string) { escapeText(b, s) }

// escapeURL writes s escaped as the whole value of a quoted URL
// attribute (href, cite): html/template's urlFilter (a scheme other than
// http, https or mailto makes "#ZgotmplZ"), urlNormalizer and
// attrEscaper, one after the other.
func escapeURL(b stringWriter, s string) {
	if !safeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	processURL(b, s, true)
}

// escapeURLPart writes s escaped for a URL attribute after its "#" or
// "?": html/template's urlEscaper (every byte but the unreserved ones
// percent-encoded), then attrEscaper, which finds nothing left to do.
func escapeURLPart(b stringWriter, s string) { processURL(b, s, false) }

// escapeHref returns href escaped as html/template escapes it as the
// value of an href attribute (see escapeURL).
func escapeHref(href string) string {
	var b strings.Builder
	escapeURL(&b, href)
	return b.String()
}

// safeURL is html/template's isSafeURL: a relative URL, or one whose
// scheme is http, https or mailto (any case).
func safeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// urlKeep says which bytes html/template's URL processing keeps as they
// are: 1 when only normalising, 2 always (the unreserved ones).
var urlKeep = func() (k [256]uint8) {
	for _, c := range "!#$&*+,/:;=?@[]" {
		k[c] = 1
	}
	for c := range 256 {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			k[c] = 2
		}
	}
	return k
}()

// processURL writes s as html/template's processURLOnto makes it (norm:
// urlNormalizer, else urlEscaper), then attribute-escaped: every byte
// it does not keep becomes %xx (lowercase hex), but for a "%" that
// starts an escape when normalising; of what is kept, attrEscaper
// changes only & and + (a normalised URL has no other byte it escapes).
func processURL(b stringWriter, s string, norm bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var r string
		switch k := urlKeep[c]; {
		case k == 2 || k == 1 && norm:
			switch c {
			case '&':
				r = "&amp;"
			case '+':
				r = "&#43;"
			default:
				continue
			}
		case c == '%' && norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		default:
			r = percentEncoded[c]
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// percentEncoded is each byte as processURL escapes it: "%xx".
var percentEncoded = func() (p [256]string) {
	const hex = "0123456789abcdef"
	for c := range 256 {
		p[c] = string([]byte{'%', hex[c>>4], hex[c&15]})
	}
	return p
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
