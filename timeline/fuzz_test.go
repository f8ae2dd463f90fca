package timeline

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var safeID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzParseArticle checks that no article file, however broken, panics
// the loader, and that what it returns is always safe to render: a
// one-line Problem naming the file, or an Article with a safe id, a
// one-line title and source, a safe URL and sentences inside the text.
func FuzzParseArticle(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", ContentDir, "*.md"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(goodArticle))
	f.Add([]byte("+++\ntitle = \"<script>alert(1)</script>\"\nurl = \"javascript:alert(1)\"\ndate = 2025-02-30\n+++\n"))
	f.Add([]byte("+++\ntitle = '''a\nb'''\ndate = \"2025-08-08T23:30:00-05:00\"\n[x]\n+++\nbody"))
	f.Add([]byte("\xff\xfe+\x00+\x00+\x00\n\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const rel = "content/fuzz.md"
		a, err := ParseArticle(rel, src)
		if err != nil {
			var p Problem
			if !errors.As(err, &p) {
				t.Fatalf("error is not a Problem: %v", err)
			}
			if p.File != rel || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("problem not one line naming the file: %q", err.Error())
			}
			return
		}
		if !safeID.MatchString(a.ID) {
			t.Fatalf("unsafe id %q", a.ID)
		}
		for _, s := range []string{a.Title, a.Source} {
			if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) >= 0 ||
				s != strings.TrimSpace(s) {
				t.Fatalf("title or source not one clean line: %q", s)
			}
		}
		if a.Title == "" {
			t.Fatal("empty title")
		}
		if a.URL != "" && (SafeURL(a.URL) != a.URL || !strings.HasPrefix(a.URL, "http")) {
			t.Fatalf("unsafe url %q", a.URL)
		}
		if !a.Published.IsZero() && (a.Published.Year() < 1 || a.Published.Year() > 9999) {
			t.Fatalf("published %v", a.Published)
		}
		prev := 0
		for _, s := range a.Sentences {
			if s.Start < prev || s.End < s.Start || s.End > len(a.Text) {
				t.Fatalf("sentence %v outside text of %d bytes", s, len(a.Text))
			}
			prev = s.End
		}
		for _, w := range a.Warnings {
			if w.File != rel || strings.ContainsAny(w.Error(), "\n\r") {
				t.Fatalf("warning not one line naming the file: %q", w.Error())
			}
		}
	})
}

// FuzzSafeURL checks that SafeURL only ever returns http(s) addresses
// with nothing that could break out of an HTML attribute, and that it
// is idempotent.
func FuzzSafeURL(f *testing.F) {
	for _, s := range []string{"https://example.org/a?b=c", "javascript:alert(1)", " JAVASCRIPT:x", "data:,x", "http://a/\"><b>", "https://пример.рф/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := SafeURL(s)
		if u == "" {
			return
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Fatalf("SafeURL(%q) = %q", s, u)
		}
		if strings.ContainsAny(u, "\"'<>` \t\n\r\\") {
			t.Fatalf("SafeURL(%q) = %q keeps a breaking character", s, u)
		}
		if SafeURL(u) != u {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, u, SafeURL(u))
		}
	})
}
