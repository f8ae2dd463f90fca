package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSpans fails unless spans are non-empty, in order, non-overlapping,
// inside s, and trimmed of white space.
func checkSpans(t *testing.T, s string, spans []Span) {
	t.Helper()
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("bad span %v after %d in %d bytes: %v", sp, prev, len(s), spans)
		}
		if isSpace(s[sp.Start]) || isSpace(s[sp.End-1]) {
			t.Fatalf("span %v not trimmed: %q", sp, s[sp.Start:sp.End])
		}
		prev = sp.End
	}
	// Nothing but white space is left out.
	var rest strings.Builder
	prev = 0
	for _, sp := range spans {
		rest.WriteString(s[prev:sp.Start])
		prev = sp.End
	}
	rest.WriteString(s[prev:])
	if strings.Trim(rest.String(), " \n\t\r") != "" {
		t.Fatalf("text outside every sentence: %q", rest.String())
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "Mr. Putin met Mr. Trump on Aug. 15. They talked.", "He said: \"It ended.\" Then he left!",
		"U.S. forces left. 2025 was next.", "Один. Два? Три!", "特朗普。普京。", "a\n\nb", ". . .", "\"'\u201d.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := Sentences(s)
		checkSpans(t, s, spans)
		if utf8.ValidString(s) {
			for _, sp := range spans {
				if !utf8.ValidString(s[sp.Start:sp.End]) {
					t.Fatalf("span %v cuts a character: %q", sp, s[sp.Start:sp.End])
				}
			}
		}
	})
}

func FuzzFromMarkdown(f *testing.F) {
	for _, s := range []string{
		"", "# Title\n\nTrump will meet Putin on *August 15*.\n", "<script>alert(1)</script>\n\ntext",
		"[x](javascript:alert(1)) and ![i](data:image/png;base64,AAAA)", "> quote\n> - list\n\n```\ncode\n```\n",
		"&amp; &#106; &#x0; \\* text", "| a | b |\n|---|---|\n| 1 | 2 |\n", strings.Repeat("[", 200),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out := FromMarkdown(src)
		if utf8.Valid(src) && !utf8.ValidString(out) {
			t.Fatalf("valid UTF-8 in, invalid out: %q", out)
		}
		checkSpans(t, out, Sentences(out))
		checkOffsets(t, src)
		checkPlain(t, src)
	})
}

// checkPlain checks that Plain, which writes runs straight into its
// text, gives the text Walk's runs make, each at its offset.
func checkPlain(t *testing.T, src []byte) {
	t.Helper()
	doc := Parse(src)
	var b strings.Builder
	Walk(doc, src, func(r Run) {
		for b.Len() < r.Offset {
			b.WriteByte('\n')
		}
		b.WriteString(r.Value)
	})
	if got := Plain(doc, src); got != b.String() {
		t.Fatalf("Plain(%q) = %q, the runs of Walk make %q", src, got, b.String())
	}
}
