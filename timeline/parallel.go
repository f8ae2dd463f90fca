package timeline

import (
	"sync"
	"sync/atomic"
)

// forEach calls f(i) for every i in [0, n), on up to workers goroutines
// at once; each call must touch only its own i. With one worker it
// runs in order on the calling goroutine.
func forEach(n, workers int, f func(i int)) {
	forEachWorker(n, workers, func(_, i int) { f(i) })
}

// forEachWorker is forEach that also tells f which worker (0 to
// workers-1) runs it, for per-worker scratch space. Which worker runs
// which item varies from run to run: f's results must not depend on it.
func forEachWorker(n, workers int, f func(w, i int)) {
	workers = max(1, min(workers, n))
	if workers == 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(w, i)
			}
		}()
	}
	wg.Wait()
}
