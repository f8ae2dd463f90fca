//go:build unix

package timeline

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has
// used so far: on a machine shared with other work, a steadier measure
// of a benchmark's cost than the time it took.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
