package timeline_test

import (
	"bytes"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

// TestParallelBuildSameOutput builds a generated 200-article site with
// one worker and with several, with and without stats and progress,
// and wants the same timeline.json every time.
func TestParallelBuildSameOutput(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 200, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	build := func(opts ...timeline.Option) []byte {
		t.Helper()
		site, err := timeline.LoadSite(dir, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if len(site.Articles) != 200 {
			t.Fatalf("loaded %d articles, want 200 (warnings: %v)", len(site.Articles), site.Warnings)
		}
		js, err := render.JSON(timeline.Build(site, opts...))
		if err != nil {
			t.Fatal(err)
		}
		return js
	}
	want := build(timeline.Workers(1))
	var stats timeline.Stats
	calls := 0
	for _, opts := range [][]timeline.Option{
		{timeline.Workers(2)},
		{timeline.Workers(7)},
		{timeline.Workers(4), timeline.WithStats(&stats)},
		{timeline.Workers(3), timeline.WithProgress(func(string, int, int) {})},
		{timeline.Workers(1), timeline.WithProgress(func(string, int, int) { calls++ })},
	} {
		if got := build(opts...); !bytes.Equal(got, want) {
			t.Errorf("timeline.json differs with %d options (%d vs %d bytes)", len(opts), len(got), len(want))
		}
	}
	if calls != 400 {
		t.Errorf("progress called %d times, want 200 loads and 200 resolves", calls)
	}
	names := ""
	for _, s := range stats.Stages {
		names += s.Name + " "
	}
	if names != "load resolve merge check " {
		t.Errorf("stats recorded stages %q", names)
	}
	if len(stats.Slowest) != timeline.SlowestN {
		t.Errorf("stats kept %d slowest articles", len(stats.Slowest))
	}
}
