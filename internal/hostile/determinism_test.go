package hostile

import (
	"bytes"
	"path/filepath"
	"sort"
	"testing"

	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

// TestDeterministic builds the example site (the repository's own
// config.toml and content/) into two folders, once with one worker and
// once with the default, and once more over the first build, and
// requires byte-identical files: no timestamps, no map order, stable ids.
func TestDeterministic(t *testing.T) {
	site := filepath.Join("..", "..")
	buildInto := func(dest string, opts ...timeline.Option) map[string][]byte {
		t.Helper()
		s, err := timeline.LoadSite(site, opts...)
		if err != nil {
			t.Fatal(err)
		}
		c := timeline.Build(s, opts...)
		if _, err := render.Write(c, render.Options{Dest: dest, SiteDir: site}); err != nil {
			t.Fatal(err)
		}
		return outputFiles(t, dest)
	}
	dirA, dirB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	a := buildInto(dirA, timeline.Workers(1))
	b := buildInto(dirB)
	again := buildInto(dirA)
	if len(a) < 5 {
		t.Fatalf("only %d files built", len(a))
	}
	for name, other := range map[string]map[string][]byte{"parallel build": b, "rebuild in place": again} {
		var names []string
		for n := range a {
			names = append(names, n)
		}
		for n := range other {
			if _, ok := a[n]; !ok {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			if !bytes.Equal(a[n], other[n]) {
				t.Errorf("%s: %s differs (%d vs %d bytes)", name, n, len(a[n]), len(other[n]))
			}
		}
	}
}
