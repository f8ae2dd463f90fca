package english

import (
	"fmt"
	"testing"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "article", "0 articles"},
		{1, "article", "1 article"},
		{2, "event", "2 events"},
		{-1, "page", "-1 pages"},
		{1000, "file", "1000 files"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}

func ExampleCount() {
	fmt.Println(Count(1, "article") + ", " + Count(3, "event"))
	// Output: 1 article, 3 events
}
