package main

import "testing"

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
