package timeline

import (
	"slices"
	"testing"
)

// TestSortFindings: findings go in findingKinds order, each kind's in
// the order given; a kind not in the list ranks with the first kind.
func TestSortFindings(t *testing.T) {
	fs := []Finding{
		{Kind: "ambiguous", Message: "a1"},
		{Kind: "single-source", Message: "s1"},
		{Kind: "conflict", Message: "c1"},
		{Kind: "other", Message: "o1"},
		{Kind: "ambiguous", Message: "a2"},
		{Kind: "stale-override", Message: "x1"},
		{Kind: "single-source", Message: "s2"},
		{Kind: "conflict", Message: "c2"},
		{Kind: "moved", Message: "m1"},
	}
	SortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Message)
	}
	want := []string{"c1", "o1", "c2", "m1", "s1", "s2", "a1", "a2", "x1"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	SortFindings(nil)
}
