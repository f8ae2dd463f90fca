package timeline

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/timeline-news/timeline/internal/cputime"
)

// TestMergeDigest prints a digest of the merge of a generated site, to
// compare outputs before and after a change to the merger:
//
//	MERGEDIGEST=/tmp/site1k go test ./timeline -run MergeDigest -v
//
// The loaded articles and resolved mentions are cached next to the
// site (MERGEDIGEST + ".gob"); MERGEPROF=file writes a CPU profile of
// the merge alone.
func TestMergeDigest(t *testing.T) {
	dir := os.Getenv("MERGEDIGEST")
	if dir == "" {
		t.Skip("MERGEDIGEST not set")
	}
	c := loadCached(t, dir)
	if p := os.Getenv("MERGEPROF"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	r := MergeAll(c.Articles, c.Mentions, c.Config)
	took := time.Since(start)
	chron := &Chronology{Config: c.Config, Articles: c.Articles, Events: r.Events, Unplaced: r.Unplaced}
	cstart := time.Now()
	findings := Check(chron)
	ctook := time.Since(cstart)
	runtime.ReadMemStats(&after)
	fb, err := json.Marshal(findings)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("MERGEOUT"); out != "" {
		os.WriteFile(out, b, 0o644)
	}
	fmt.Printf("events %d unplaced %d digest %x merge %v\n", len(r.Events), len(r.Unplaced), sha256.Sum256(b), took)
	fmt.Printf("findings %d digest %x check %v\n", len(findings), sha256.Sum256(fb), ctook)
	if os.Getenv("MERGECACHE") != "" {
		// the same merge through a MergeCache, cold then warm
		var cache MergeCache
		for _, step := range []string{"cold", "warm"} {
			start := time.Now()
			r := cache.MergeAll(c.Articles, c.Mentions, c.Config)
			took := time.Since(start)
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Printf("cached merge (%s): digest %x merge %v\n", step, sha256.Sum256(b), took)
		}
	}
	fmt.Printf("merge+check: %d allocs, %.1f MB allocated, %.0f ns/mention\n", after.Mallocs-before.Mallocs,
		float64(after.TotalAlloc-before.TotalAlloc)/1e6, float64((took+ctook).Nanoseconds())/float64(len(c.Mentions)))
}

// mergeInput is what the merge of a generated site reads.
type mergeInput struct {
	Articles []*Article
	Mentions []Mention
	Config   Config
}

// loadCached loads and resolves the site in dir, or reads the result
// cached next to it (dir + ".gob").
func loadCached(t testing.TB, dir string) mergeInput {
	t.Helper()
	var c mergeInput
	if f, err := os.Open(dir + ".gob"); err == nil {
		defer f.Close()
		if err := gob.NewDecoder(f).Decode(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	site, err := LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := ResolveAll(site.Articles)
	c = mergeInput{site.Articles, ms, site.Config}
	f, err := os.Create(dir + ".gob")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := gob.NewEncoder(f).Encode(c); err != nil {
		t.Fatal(err)
	}
	return c
}

// BenchmarkMergeCached is MergeAll and Check on the site in MERGEDIGEST
// (see TestMergeDigest), without the cost of generating and resolving it
// (cpu-ms/op is the CPU time of the process per merge, all cores):
//
//	MERGEDIGEST=/tmp/site1k go test ./timeline -run XXX -bench MergeCached -benchmem -count 5
func BenchmarkMergeCached(b *testing.B) {
	dir := os.Getenv("MERGEDIGEST")
	if dir == "" {
		b.Skip("MERGEDIGEST not set")
	}
	c := loadCached(b, dir)
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		r := MergeAll(c.Articles, c.Mentions, c.Config)
		Check(&Chronology{Config: c.Config, Articles: c.Articles, Events: r.Events, Unplaced: r.Unplaced})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.Mentions)), "ns/mention")
	b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkMergeCacheWarm is BenchmarkMergeCached through a MergeCache
// that merged the site once before, as `timeline serve` merges a site
// again after an edit (here: no article changed, the most it can reuse):
//
//	MERGEDIGEST=/tmp/site1k go test ./timeline -run XXX -bench MergeCacheWarm -benchmem -count 5
func BenchmarkMergeCacheWarm(b *testing.B) {
	dir := os.Getenv("MERGEDIGEST")
	if dir == "" {
		b.Skip("MERGEDIGEST not set")
	}
	c := loadCached(b, dir)
	var cache MergeCache
	cache.MergeAll(c.Articles, c.Mentions, c.Config)
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		r := cache.MergeAll(c.Articles, c.Mentions, c.Config)
		Check(&Chronology{Config: c.Config, Articles: c.Articles, Events: r.Events, Unplaced: r.Unplaced})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.Mentions)), "ns/mention")
	b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
