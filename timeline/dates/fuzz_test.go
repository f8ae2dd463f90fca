package dates

import (
	"testing"
	"unicode/utf8"
)

// FuzzResolve checks that any bytes give results or nothing, never a
// panic, and that every expression is a valid, ordered span of the input.
// Seeds: testdata/fuzz/FuzzResolve.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"On Wednesday, he reassured allies; the leaders will meet Friday at 1900 GMT.",
		"tomorrow (Friday) — August 15, 2025 — 3.5 years — 1,900 troops — $2,021 — 20%",
		"\x00\xff\xfe Aug. 31, 1999 \xc3\x28 the '90s mid-1990s 2025-02-30 9/31/2025",
		"next Friday, August 15 third-quarter a year earlier the year-earlier quarter",
		"three-and-a-half years every Tuesday 10:35 a.m. noon Friday",
	} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		anchor := Day(2025, 8, 14).AddDate(0, 0, int(days%40000))
		es := Resolve(text, anchor)
		end := 0
		for _, e := range es {
			if e.Start < end || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span %d..%d after %d in %d bytes", e.Start, e.End, end, len(text))
			}
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("Text %q is not the input span", e.Text)
			}
			if e.Value == "" || e.Rule == "" {
				t.Fatalf("empty value or rule: %+v", e)
			}
			end = e.End
		}
		if utf8.ValidString(text) {
			_ = Display(valueOr(es), "")
		}
		InferAnchor(text)
	})
}

func valueOr(es []Expr) string {
	if len(es) == 0 {
		return ""
	}
	return es[0].Value
}

// TestHostileInput: a megabyte without a newline, NULs, invalid UTF-8.
func TestHostileInput(t *testing.T) {
	const unit = "a 1 Friday\x00\xff, 2025 May-"
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = unit[i%len(unit)]
	}
	for _, s := range []string{string(big), "\xff\xfe\xfd", "\x00\x00", "", "2025", "May", "'", "’s", "1:", "12:7", "a.m.", "0 am()", "10:35 a.m. (", "TODAY'S", "today's"} {
		Resolve(s, Day(2025, 8, 14))
		InferAnchor(s)
	}
}
