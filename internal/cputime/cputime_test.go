package cputime

import (
	"runtime"
	"testing"
)

// TestProcessGrows: work done shows in the CPU time read after it.
func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("not measured on", runtime.GOOS)
	}
	before := Process()
	x := 0
	for i := 0; Process()-before < 2e6 && i < 1e9; i++ { // until 2 ms of CPU, or give up
		x += i
	}
	if Process()-before < 2e6 {
		t.Errorf("CPU time did not grow: %v then %v (x=%d)", before, Process(), x)
	}
}
