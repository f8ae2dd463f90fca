package render

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

// TestSortByStart checks sortByStart against a stable sort by Start,
// on lists sorted, reversed and shuffled, with equal offsets.
func TestSortByStart(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var buf []startRef
	for n := range 40 {
		ms := make([]*mentionView, n)
		for i := range ms {
			ms[i] = &mentionView{Mention: &timeline.Mention{Start: r.IntN(n/2 + 1)}}
		}
		for _, order := range []string{"shuffled", "sorted", "reversed"} {
			in := slices.Clone(ms)
			switch order {
			case "sorted":
				slices.SortStableFunc(in, func(a, b *mentionView) int { return cmp.Compare(a.Start, b.Start) })
			case "reversed":
				slices.Reverse(in)
			}
			want := slices.Clone(in)
			slices.SortStableFunc(want, func(a, b *mentionView) int { return cmp.Compare(a.Start, b.Start) })
			buf = sortByStart(in, buf)
			if !slices.Equal(in, want) {
				t.Fatalf("%d mentions, %s: not the stable order by Start", n, order)
			}
		}
	}
}
