package render

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ordered runs work(0) … work(n-1) on every core and hands each result
// to emit on the calling goroutine, in index order, so what emit writes
// does not depend on the number of cores or on scheduling. At most a
// few results per core wait for emit, bounding memory. The first error,
// in index order, from work or emit stops it and is returned.
func ordered[T any](n int, work func(i int) (T, error), emit func(i int, v T) error) error {
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 || n <= 1 {
		for i := range n {
			v, err := work(i)
			if err == nil {
				err = emit(i, v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		v   T
		err error
	}
	window := 4 * workers
	// ring[i%window] carries result i; index i+window is only handed out
	// once emit has taken result i (sem), so a slot never holds two.
	ring := make([]chan result, window)
	for i := range ring {
		ring[i] = make(chan result, 1)
	}
	sem := make(chan struct{}, window)
	jobs := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case sem <- struct{}{}:
			case <-quit:
				return
			}
			select {
			case jobs <- i:
			case <-quit:
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				v, err := work(i)
				ring[i%window] <- result{v, err}
			}
		}()
	}
	var err error
	for i := range n {
		r := <-ring[i%window]
		err = r.err
		if err == nil {
			err = emit(i, r.v)
		}
		if err != nil {
			break
		}
		<-sem
	}
	close(quit)
	wg.Wait()
	return err
}

// inParallel calls work over the ranges [lo, hi) that split 0 … n-1
// into contiguous parts, one part per core at a time, and returns when
// all are done. For work on many small items whose results go to their
// own slots: unlike ordered, it costs nothing per item. The parts are
// small enough that one slow part does not hold the others up long.
func inParallel(n int, work func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 || n < 2 {
		work(0, n)
		return
	}
	size := max(1, (n+8*workers-1)/(8*workers))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(size))) - size
				if lo >= n {
					return
				}
				work(lo, min(lo+size, n))
			}
		}()
	}
	wg.Wait()
}
