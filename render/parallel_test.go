package render

import (
	"reflect"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

// TestInParallel checks that inParallel hands every index to work
// exactly once, in ranges that split 0 … n-1, on one core or several.
func TestInParallel(t *testing.T) {
	for _, procs := range []int{1, 2, 3} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 7, 16, 17, 1000} {
			hits := make([]atomic.Int32, n)
			inParallel(n, func(lo, hi int) {
				if lo < 0 || hi > n || lo >= hi && n > 0 {
					t.Errorf("procs %d, n %d: range [%d, %d)", procs, n, lo, hi)
				}
				for i := lo; i < hi; i++ {
					hits[i].Add(1)
				}
			})
			for i := range hits {
				if h := hits[i].Load(); h != 1 {
					t.Errorf("procs %d, n %d: index %d done %d times", procs, n, i, h)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func TestOrderedEmitsInOrder(t *testing.T) {
	var got []int
	err := ordered(100, func(i int) (int, error) { return i * i, nil }, func(i, v int) error {
		if v != i*i {
			t.Errorf("result %d is %d", i, v)
		}
		got = append(got, i)
		return nil
	})
	if err != nil || len(got) != 100 || got[0] != 0 || got[99] != 99 {
		t.Errorf("emitted %d results, err %v", len(got), err)
	}
}

// TestDistinctSentences: each sentence is listed once in the order first
// met; each event gets the index of its mentions' sentences, a sentence
// repeated in a row once.
func TestDistinctSentences(t *testing.T) {
	ev := func(s ...string) *timeline.Event {
		e := &timeline.Event{}
		for _, x := range s {
			e.Mentions = append(e.Mentions, timeline.Mention{Sentence: x})
		}
		return e
	}
	sents, sentOf := distinctSentences([]*timeline.Event{
		ev("A b.", "A b.", "C d."),
		ev("C d.", "E f.", "C d."),
		ev(),
	})
	if want := []string{"A b.", "C d.", "E f."}; !reflect.DeepEqual(sents, want) {
		t.Errorf("sentences %q, want %q", sents, want)
	}
	if want := [][]int32{{0, 1}, {1, 2, 1}, nil}; !reflect.DeepEqual(sentOf, want) {
		t.Errorf("sentOf %v, want %v", sentOf, want)
	}
}

func TestMidCapitals(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Trump met Putin in Anchorage.", []string{"Putin", "Anchorage"}},
		{"Then Trump's envoy met 'Witkoff'.", []string{"Trump", "Witkoff"}},
		{"the talks ended.", nil},
		{"", nil},
		{"On Friday, O'Brien left.", []string{"Friday", "O'Brien"}},
		{"It was U.S. policy.", []string{"U.S."}},
		{"It was set by the U.S.", []string{"U.S."}},
	} {
		if got := midCapitals(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("midCapitals(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
