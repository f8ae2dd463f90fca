package render

import (
	"html/template"
	"strings"
	"sync"
	"testing"
)

// escapeContexts are the places a page written in Go (gopage.go) puts a
// string, each as a tiny template that puts it there and the escaper
// that must give what html/template gives.
var escapeContexts = []struct {
	name, before, after string
	escape              func(stringWriter, string)
}{
	{"text", `<p>`, `</p>`, escapeText},
	{"title", `<title>`, `</title>`, escapeText},
	{"class", `<p class="x-`, `">`, escapeAttr},
	{"datetime", `<time datetime="`, `">`, escapeAttr},
	{"meta content", `<meta name="description" content="`, `">`, escapeAttr},
	{"lang", `<html lang="`, `">`, escapeAttr},
	{"href", `<a href="`, `">`, escapeURL},
	{"cite", `<blockquote cite="`, `">`, escapeURL},
	{"canonical", `<link rel="canonical" href="`, `">`, escapeURL},
	{"fragment", `<a href="/x/#`, `">`, escapeURLPart},
}

// contextTemplates are the templates of viaTemplate, by source.
var contextTemplates sync.Map

// viaTemplate is s put into the context by html/template.
func viaTemplate(t testing.TB, before, after, s string) string {
	t.Helper()
	src := before + "{{.}}" + after
	tm, ok := contextTemplates.Load(src)
	if !ok {
		parsed, err := template.New("").Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		tm, _ = contextTemplates.LoadOrStore(src, parsed)
	}
	var b strings.Builder
	if err := tm.(*template.Template).Execute(&b, s); err != nil {
		t.Fatal(err)
	}
	got, ok := strings.CutPrefix(b.String(), before)
	if !ok {
		t.Fatalf("template output %q does not start with %q", b.String(), before)
	}
	got, ok = strings.CutSuffix(got, after)
	if !ok {
		t.Fatalf("template output %q does not end with %q", b.String(), after)
	}
	return got
}

// checkEscapers compares every escaper with html/template on s.
func checkEscapers(t testing.TB, s string) {
	t.Helper()
	for _, c := range escapeContexts {
		want := viaTemplate(t, c.before, c.after, s)
		var b strings.Builder
		c.escape(&b, s)
		if b.String() != want {
			t.Errorf("%s: %q escaped as %q, html/template gives %q", c.name, s, b.String(), want)
		}
	}
	if got, want := escapeHref(s), viaTemplate(t, `<a href="`, `">`, s); got != want {
		t.Errorf("escapeHref(%q) = %q, html/template gives %q", s, got, want)
	}
}

func TestEscapersMatchHTMLTemplate(t *testing.T) {
	for _, s := range []string{
		"",
		"plain words 2025-08-15",
		`Tom & "Jerry" <b>bold</b> it's 1+1`,
		"<script>alert(1)</script>",
		"\x00nul and \x01\x1f\x7f control",
		"bad utf-8 \xff\xfe and a cut rune \xe2\x80",
		"é, ‘quotes’, U+2028 \u2028, U+FFFD \uFFFD, \ufdd0 \ufff0",
		"/articles/a b/?q=1&r=2+3#m12",
		"https://example.org/news?a=1&b=\"onmouseover=\"x",
		"HTTPS://EXAMPLE.ORG/",
		"mailto:desk@example.org",
		"javascript:alert(1)",
		"JaVaScRiPt:alert(1)",
		" javascript:alert(1)",
		"java\tscript:alert(1)",
		"data:text/html,<script>x</script>",
		"vbscript:msgbox(1)",
		"/path:with/colon",
		"a/b:c",
		"%41%zz%4 %%",
		"100%",
		"%4",
		"e-2025-08-15-alaska",
		"e-<x>&'\"",
		"#m0",
		"!$*,;=@[]()'`{}|\\^",
	} {
		checkEscapers(t, s)
	}
}

// FuzzEscapers compares every escaper with html/template on any string.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a&b", "<script>", "javascript:x", "/a b/%41%zz", "\xff\x00'\"+", "mailto:x?y=1&z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEscapers(t, s) })
}
