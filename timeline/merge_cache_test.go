package timeline

import (
	"encoding/json"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
)

// TestMergeCacheKeyDict merges sites of different sizes through one
// MergeCache, which keeps its key ids from merge to merge and starts
// afresh when most are unused: each merge must be MergeAll's.
func TestMergeCacheKeyDict(t *testing.T) {
	defer func(n int) { dictSlack = n }(dictSlack)
	dictSlack = 0
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 60, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	site, err := LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	mentions, _ := ResolveAll(site.Articles)
	// the mentions of the first n articles
	firstN := func(n int) ([]*Article, []Mention) {
		ids := map[string]bool{}
		for _, a := range site.Articles[:n] {
			ids[a.ID] = true
		}
		var ms []Mention
		for _, m := range mentions {
			if ids[m.Article] {
				ms = append(ms, m)
			}
		}
		return site.Articles[:n], ms
	}
	var cache MergeCache
	for step, n := range []int{60, 60, 3, 3, 60, 30} {
		arts, ms := firstN(n)
		got, _ := json.Marshal(cache.MergeAll(arts, ms, site.Config))
		want, _ := json.Marshal(MergeAll(arts, ms, site.Config))
		if string(got) != string(want) {
			t.Fatalf("step %d: merge of %d articles through the cache differs from MergeAll", step, n)
		}
		// Three articles after sixty use few of the keys: the cache
		// starts afresh; the same three again fill it.
		if reset := len(cache.dict.keys) == 0; reset != (step == 2) {
			t.Errorf("step %d: %d key ids kept after a merge of %d articles", step, len(cache.dict.keys), n)
		}
	}
}
