// Package collector holds the settings timeline gives Go's garbage
// collector, so that the command and the benchmarks that stand for it
// run alike.
package collector

import "runtime/debug"

// Go's garbage collector as timeline sets it, unless the environment
// does (docs/PERFORMANCE.md, "Status (seventh session)", has the
// measurements).
const (
	// gcPercent is the collector's GOGC: the heap may grow to three
	// times what is live before a collection, where Go's default is
	// two. Builds allocate much and keep little, so collecting half as
	// often saves CPU for a peak that stays small on a small site.
	gcPercent = 200
	// memoryLimit is the soft limit (GOMEMLIMIT) that bounds the heap
	// of a large build, where gcPercent alone would let it grow to
	// three times a live heap of gigabytes: past it, the collector
	// runs as often as it must to stay under it.
	memoryLimit = 5 << 30
)

// collectorSettings returns the settings timeline gives the collector
// when getenv has no GOGC and no GOMEMLIMIT: each variable the user
// sets is theirs, and the runtime has read it already.
func collectorSettings(getenv func(string) string) (percent int, setPercent bool, limit int64, setLimit bool) {
	if getenv("GOGC") == "" {
		percent, setPercent = gcPercent, true
	}
	if getenv("GOMEMLIMIT") == "" {
		limit, setLimit = memoryLimit, true
	}
	return percent, setPercent, limit, setLimit
}

// Tune applies collectorSettings to the running program, with getenv
// (os.Getenv) to read the environment. It returns a function that puts
// back the settings it changed, for benchmarks.
func Tune(getenv func(string) string) (restore func()) {
	percent, setPercent, limit, setLimit := collectorSettings(getenv)
	var oldPercent int
	var oldLimit int64
	if setPercent {
		oldPercent = debug.SetGCPercent(percent)
	}
	if setLimit {
		oldLimit = debug.SetMemoryLimit(limit)
	}
	return func() {
		if setPercent {
			debug.SetGCPercent(oldPercent)
		}
		if setLimit {
			debug.SetMemoryLimit(oldLimit)
		}
	}
}
