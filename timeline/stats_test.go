package timeline

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/timeline-news/timeline/internal/cputime"
)

func TestForEachVisitsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 3, 8} {
		for _, n := range []int{0, 1, 2, 7, 100} {
			hits := make([]atomic.Int32, n)
			forEach(n, workers, func(i int) { hits[i].Add(1) })
			for i := range hits {
				if h := hits[i].Load(); h != 1 {
					t.Errorf("workers=%d n=%d: index %d visited %d times", workers, n, i, h)
				}
			}
		}
	}
}

func TestForEachOneWorkerRunsInOrder(t *testing.T) {
	var got []int
	forEach(5, 1, func(i int) { got = append(got, i) })
	if len(got) != 5 || got[0] != 0 || got[4] != 4 {
		t.Errorf("got %v, want 0..4 in order", got)
	}
}

func TestStatsMeasure(t *testing.T) {
	var nilStats *Stats
	ran := false
	nilStats.Measure("x", "things", func() (int, int64) { ran = true; return 0, 0 })
	if !ran {
		t.Error("a nil Stats did not run the stage")
	}
	s := &Stats{}
	sink := [][]byte{}
	s.Measure("load", "articles", func() (int, int64) {
		for range 100 {
			sink = append(sink, make([]byte, 1024))
		}
		return 3, 3000
	})
	_ = sink
	if len(s.Stages) != 1 {
		t.Fatalf("got %d stages, want 1", len(s.Stages))
	}
	st := s.Stages[0]
	if st.Name != "load" || st.Items != 3 || st.Bytes != 3000 || st.Unit != "articles" {
		t.Errorf("recorded %+v", st)
	}
	if st.Allocs < 100 || st.AllocBytes < 100*1024 {
		t.Errorf("recorded %d allocations of %d bytes, want at least 100 of 100 KB", st.Allocs, st.AllocBytes)
	}
	if s.PeakSys == 0 {
		t.Error("no memory figure recorded")
	}
	var b strings.Builder
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "load") || !strings.Contains(b.String(), "total") {
		t.Errorf("table lacks the stage or the total:\n%s", b.String())
	}
}

// TestStatsWallOnly checks that a WallOnly Stats records the stage and
// its time, and no memory figures.
func TestStatsWallOnly(t *testing.T) {
	s := &Stats{WallOnly: true}
	s.Measure("merge", "mentions", func() (int, int64) {
		time.Sleep(time.Millisecond)
		_ = make([]byte, 1<<20)
		return 7, 0
	})
	if len(s.Stages) != 1 {
		t.Fatalf("got %d stages, want 1", len(s.Stages))
	}
	st := s.Stages[0]
	if st.Name != "merge" || st.Items != 7 || st.Wall < time.Millisecond {
		t.Errorf("recorded %+v", st)
	}
	if st.Allocs != 0 || st.AllocBytes != 0 || s.PeakSys != 0 {
		t.Errorf("memory recorded: %+v, PeakSys %d", st, s.PeakSys)
	}
}

func TestStatsSlowest(t *testing.T) {
	var arts []*Article
	var took []int
	for i := range 15 {
		arts = append(arts, &Article{ID: string(rune('a' + i)), File: "content/" + string(rune('a'+i)) + ".md"})
		took = append(took, (i*7)%15)
	}
	s := &Stats{}
	d := make([]time.Duration, len(took))
	for i, v := range took {
		d[i] = time.Duration(v)
	}
	s.noteSlowest(arts, d)
	if len(s.Slowest) != SlowestN {
		t.Fatalf("kept %d, want %d", len(s.Slowest), SlowestN)
	}
	for i := 1; i < len(s.Slowest); i++ {
		if s.Slowest[i].Took > s.Slowest[i-1].Took {
			t.Errorf("not slowest first: %v", s.Slowest)
		}
	}
	if s.Slowest[0].Took != 14 {
		t.Errorf("slowest took %v, want 14", s.Slowest[0].Took)
	}
}

// TestStatsCPU checks that a stage's CPU time is recorded where the
// system reports it, and that the table shows it with the cores kept
// busy.
func TestStatsCPU(t *testing.T) {
	if cputime.Process() == 0 {
		t.Skip("no CPU time on this system")
	}
	s := &Stats{}
	x := 0
	s.Measure("resolve", "articles", func() (int, int64) {
		start := cputime.Process()
		for i := 0; cputime.Process()-start < 5*time.Millisecond && i < 1e9; i++ {
			x += i
		}
		return 1, 0
	})
	_ = x
	if st := s.Stages[0]; st.CPU < 5*time.Millisecond {
		t.Errorf("recorded %v of CPU, want at least 5ms", st.CPU)
	}
	var b strings.Builder
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "cores") {
		t.Errorf("table lacks the cores column:\n%s", b.String())
	}
}

func TestCores(t *testing.T) {
	for _, c := range []struct {
		cpu, wall time.Duration
		want      string
	}{
		{2 * time.Second, time.Second, "2.00"},
		{time.Second, 4 * time.Second, "0.25"},
		{0, time.Second, "-"},
		{time.Second, 0, "-"},
	} {
		if got := cores(c.cpu, c.wall); got != c.want {
			t.Errorf("cores(%v, %v) = %q, want %q", c.cpu, c.wall, got, c.want)
		}
	}
}
