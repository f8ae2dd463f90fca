package main

import (
	"strings"
	"testing"
)

// TestSafely: a panic in the resolver becomes a one-line error asking
// for a report; a run without one returns nil.
func TestSafely(t *testing.T) {
	if err := safely(func() {}); err != nil {
		t.Errorf("no panic: %v", err)
	}
	err := safely(func() {
		var none []int
		_ = none[len(strings.Repeat("x", 3))]
	})
	if err == nil || !strings.HasPrefix(err.Error(), "the date resolver failed (runtime error: index out of range [3] with length 0)") ||
		strings.ContainsAny(err.Error(), "\n\r") {
		t.Errorf("panic: got %v", err)
	}
}
