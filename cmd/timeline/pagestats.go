package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"time"
)

// pageStats gathers, for --stats, the time each page took to render and
// write (render.Options.PageTimer): totals by kind of page and the
// slowest pages. Pages render on several goroutines.
type pageStats struct {
	mu      sync.Mutex
	kinds   map[string]*kindTime
	slowest []pageTime // at most slowestPages, slowest first
}

type kindTime struct {
	pages int
	total time.Duration
}

type pageTime struct {
	file string
	took time.Duration
}

// slowestPages is how many of the slowest pages --stats lists.
const slowestPages = 5

// timer is a render.Options.PageTimer.
func (ps *pageStats) timer(kind, file string) func() {
	start := time.Now()
	return func() {
		took := time.Since(start)
		ps.mu.Lock()
		defer ps.mu.Unlock()
		if ps.kinds == nil {
			ps.kinds = map[string]*kindTime{}
		}
		k := ps.kinds[kind]
		if k == nil {
			k = &kindTime{}
			ps.kinds[kind] = k
		}
		k.pages++
		k.total += took
		i := sort.Search(len(ps.slowest), func(i int) bool { return ps.slowest[i].took < took })
		if i < slowestPages {
			ps.slowest = slices.Insert(ps.slowest, i, pageTime{file, took})
			ps.slowest = ps.slowest[:min(len(ps.slowest), slowestPages)]
		}
	}
}

// write prints the totals by kind, most time first, and the slowest pages.
func (ps *pageStats) write(w io.Writer) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	kinds := make([]string, 0, len(ps.kinds))
	for k := range ps.kinds {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		a, b := ps.kinds[kinds[i]], ps.kinds[kinds[j]]
		return a.total > b.total || a.total == b.total && kinds[i] < kinds[j]
	})
	fmt.Fprintln(w, "pages by layout (template and write, summed over the workers):")
	for _, k := range kinds {
		kt := ps.kinds[k]
		fmt.Fprintf(w, "  %-8s %10s  %6d pages  %9s a page\n", k, kt.total.Round(time.Millisecond), kt.pages,
			(kt.total / time.Duration(kt.pages)).Round(time.Microsecond))
	}
	fmt.Fprintln(w, "slowest pages:")
	for _, p := range ps.slowest {
		fmt.Fprintf(w, "  %10s  %s\n", p.took.Round(time.Microsecond), p.file)
	}
}
