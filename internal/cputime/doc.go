// Package cputime reads the CPU time a process has used, for benchmarks
// that report it beside the time they took: on a machine shared with
// other work, or whose speed drifts, CPU time is the steadier measure
// of a change's cost.
package cputime
