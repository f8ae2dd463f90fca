package collector

import (
	"fmt"
	"runtime/debug"
	"testing"
)

func TestCollectorSettings(t *testing.T) {
	cases := []struct {
		name       string
		env        map[string]string
		percent    int
		setPercent bool
		limit      int64
		setLimit   bool
	}{
		{"nothing set", nil, gcPercent, true, memoryLimit, true},
		{"GOGC set", map[string]string{"GOGC": "100"}, 0, false, memoryLimit, true},
		{"GOGC off", map[string]string{"GOGC": "off"}, 0, false, memoryLimit, true},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "2GiB"}, gcPercent, true, 0, false},
		{"both set", map[string]string{"GOGC": "50", "GOMEMLIMIT": "off"}, 0, false, 0, false},
	}
	for _, c := range cases {
		p, sp, l, sl := collectorSettings(func(k string) string { return c.env[k] })
		if p != c.percent || sp != c.setPercent || l != c.limit || sl != c.setLimit {
			t.Errorf("%s: got %d %v %d %v, want %d %v %d %v", c.name, p, sp, l, sl, c.percent, c.setPercent, c.limit, c.setLimit)
		}
	}
}

func ExampleTune() {
	restore := Tune(func(string) string { return "" }) // no GOGC, no GOMEMLIMIT in the environment
	percent := debug.SetGCPercent(0)                   // reads the setting...
	debug.SetGCPercent(percent)                        // ...and puts it back
	limit := debug.SetMemoryLimit(-1)                  // a negative limit only reads it
	restore()
	fmt.Println(percent, limit>>30, "GiB")
	// Output: 200 5 GiB
}
