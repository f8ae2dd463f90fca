package text

import (
	"strings"
	"testing"
)

func TestBlocksOpened(t *testing.T) {
	cases := map[string]int{
		"":                        0,
		"Plain prose. With dots.": 0,
		"> quoted":                1,
		">> twice":                2,
		"> > > x":                 3,
		"- item":                  1,
		"* item":                  1,
		"+ item":                  1,
		"-item":                   0,
		"1. first":                1,
		"12) twelfth":             1,
		"1234567890. too long":    0,
		"1.5 million":             0,
		"> - 1. deep":             3,
		"   > three spaces":       1,
		"    > four spaces":       0,
		"2025. A year":            1,
	}
	for l, want := range cases {
		if got := blocksOpened([]byte(l)); got != want {
			t.Errorf("blocksOpened(%q) = %d, want %d", l, got, want)
		}
	}
}

func TestNesting(t *testing.T) {
	cases := []struct {
		src         string
		work        int64
		line, opens int
	}{
		{"", 0, 0, 0},
		{"Plain text.\nMore text.", 0, 0, 0},
		{"a\n> quote\n", 7, 2, 1},
		{"[a](b) and [c](d)\n> > x", 34 + 10, 1, 2},
		{"[a](b) and [c](d)\n> > > > > > x", 34 + 78, 2, 6},
	}
	for _, c := range cases {
		work, line, opens := Nesting([]byte(c.src))
		if work != c.work || line != c.line || opens != c.opens {
			t.Errorf("Nesting(%q) = %d, %d, %d, want %d, %d, %d", c.src, work, line, opens, c.work, c.line, c.opens)
		}
	}
	// the slow inputs of 50 KB on one line are far over the bound
	for _, unit := range []string{"> ", ">", "1. ", "1) ", "+ ", "> - ", "[a]("} {
		if work, _, _ := Nesting([]byte(strings.Repeat(unit, 50<<10/len(unit)))); work <= MaxNesting {
			t.Errorf("50 KB of %q: work %d, under MaxNesting", unit, work)
		}
	}
}
