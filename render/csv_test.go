package render

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"testing"
)

// appendCSVRow writes what encoding/csv writes with UseCRLF, for cells
// with every character encoding/csv treats apart, with and without
// cells encoded before (the event's, once for all its rows).
func TestAppendCSVRow(t *testing.T) {
	cases := [][]string{
		{"plain", "", "two words"},
		{"comma, inside", `a "quote"`, "line\nbreak", "cr\ronly", "crlf\r\nboth"},
		{" leading space", "\tleading tab", "\u00a0leading nbsp", "\u3000ideographic", "trailing "},
		{`\.`, `\`, `.\.`, "=formula", "'"},
		{""},
		{"", ""},
		{"ünïcödé", "日本語, 中文", "\"\"\"", "\n"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune{'a', ' ', ',', '"', '\r', '\n', '\\', '.', '\t', 'é', '\u00a0'}
	for range 300 {
		row := make([]string, 1+r.IntN(5))
		for i := range row {
			n := r.IntN(6)
			rs := make([]rune, n)
			for j := range rs {
				rs[j] = alphabet[r.IntN(len(alphabet))]
			}
			row[i] = string(rs)
		}
		cases = append(cases, row)
	}
	want := func(cells []string) string {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		if err := w.Write(cells); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		return buf.String()
	}
	for _, row := range cases {
		if got := string(appendCSVRow(nil, nil, row)); got != want(row) {
			t.Errorf("appendCSVRow(%q) = %q, want %q", row, got, want(row))
		}
		for k := 1; k < len(row); k++ {
			prefix := append(appendCSVCells(nil, row[:k]), ',')
			if got := string(appendCSVRow(nil, prefix, row[k:])); got != want(row) {
				t.Errorf("appendCSVRow(%q after %q) = %q, want %q", row[k:], row[:k], got, want(row))
			}
		}
	}
}
