package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/timeline-news/timeline/internal/collector"
	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/internal/cputime"
	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

// benchSite generates a corpusgen site of n articles (seed 1) into a
// temporary folder and returns it with the content files, sorted.
func benchSite(b *testing.B, n int) (site string, files []string) {
	b.Helper()
	site = b.TempDir()
	if _, err := corpusgen.Generate(site, corpusgen.Options{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	err := filepath.WalkDir(filepath.Join(site, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(files)
	return site, files
}

// edited is the article src with a paragraph added that dates one more
// happening; edit varies it, so that every save changes the file.
func edited(src []byte, edit int) []byte {
	return fmt.Appendf(append([]byte(nil), src...),
		"\n\nUpdate %d: the talks resumed on August %d, 2025, officials said.\n", edit, 1+edit%28)
}

// BenchmarkServeRebuild1000 is what `timeline serve` does between an
// editor saving one article of a 1,000-article corpusgen site and the
// browser having the new page: the rebuild the watcher starts, then the
// request the live-reload script makes for the edited article's page.
// The watcher's debounce is not included. index-ms/op is the index
// page, asked for after that (not timed in ns/op).
func BenchmarkServeRebuild1000(b *testing.B) { benchRebuild(b, 1000, 0) }

// BenchmarkServeRebuild1000Paced is BenchmarkServeRebuild1000 with the
// pause a person leaves between two saves (half a second here, not
// timed), in which the server is idle, as it is in use. The saves back
// to back of BenchmarkServeRebuild1000 are an editor's autosave at its
// fastest; this one is a journalist saving by hand.
func BenchmarkServeRebuild1000Paced(b *testing.B) { benchRebuild(b, 1000, 500*time.Millisecond) }

// BenchmarkServeRebuild50 is the same on a site of 50 articles, the size
// of a newsroom's timeline of one story.
func BenchmarkServeRebuild50(b *testing.B) { benchRebuild(b, 50, 0) }

func benchRebuild(b *testing.B, n int, pause time.Duration) {
	// The collector as `timeline serve` has it (GOGC and GOMEMLIMIT in
	// the environment still win), not at the test binary's defaults.
	defer collector.Tune(os.Getenv)()
	site, files := benchSite(b, n)
	path := files[len(files)/2]
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	rel, _ := filepath.Rel(site, path)
	a, err := timeline.ParseArticle(filepath.ToSlash(rel), src)
	if err != nil {
		b.Fatal(err)
	}
	page := "/articles/" + a.ID + "/"
	s, err := New(Options{Site: site})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	// The first save after the server started is slower (the garbage
	// of the first build, caches filling): it is timed on its own, as
	// first-ms, and the loop times the saves after it.
	if err := os.WriteFile(path, edited(src, 0), 0o644); err != nil {
		b.Fatal(err)
	}
	t := time.Now()
	s.Rebuild(path)
	first := time.Since(t)
	var rebuild, get, index time.Duration // the parts, reported apart
	var cpu time.Duration                 // of the process on every core, during the saves
	var each []time.Duration              // rebuild and page of each save
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := os.WriteFile(path, edited(src, i+1), 0o644); err != nil {
			b.Fatal(err)
		}
		c0 := cputime.Process()
		t0 := time.Now()
		s.Rebuild(path)
		if _, buildErr, _, _ := s.state(); buildErr != nil {
			b.Fatal(buildErr)
		}
		t1 := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, page, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", page, rec.Code)
		}
		rebuild += t1.Sub(t0)
		get += time.Since(t1)
		cpu += cputime.Process() - c0
		each = append(each, time.Since(t0))
		// The index page, which a reader may have open instead: it
		// shows every event, so it needs every phrase's link. Not
		// part of ns/op.
		b.StopTimer()
		t2 := time.Now()
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET /: %d", rec.Code)
		}
		index += time.Since(t2)
		time.Sleep(pause)
		b.StartTimer()
	}
	b.ReportMetric(float64(rebuild.Milliseconds())/float64(b.N), "rebuild-ms/op")
	b.ReportMetric(float64(get.Milliseconds())/float64(b.N), "page-ms/op")
	b.ReportMetric(float64(index.Milliseconds())/float64(b.N), "index-ms/op")
	// The CPU a save costs, on all cores, the garbage collector's
	// included: steadier than its time on a machine whose speed drifts
	// or that other work shares (0 where it cannot be read).
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	// The median save, less moved than the mean by a garbage
	// collection landing in one of them, and the slowest.
	slices.Sort(each)
	b.ReportMetric(float64(each[len(each)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(each[len(each)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
	if st := s.inc.Stats; st.Parsed != 1 || st.Resolved != 1 {
		b.Fatalf("re-read %d and re-resolved %d articles, want 1 and 1", st.Parsed, st.Resolved)
	}
}

// BenchmarkRender1000 is the render of the whole 1,000-article site
// into a folder, as `timeline build` writes it.
func BenchmarkRender1000(b *testing.B) {
	site, _ := benchSite(b, 1000)
	c, err := timeline.NewIncremental(site).Build()
	if err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	var res render.Result
	b.ReportAllocs()
	for b.Loop() {
		if res, err = render.Write(c, render.Options{Dest: dest, BaseURL: "/", SiteDir: site}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Files), "files")
	b.ReportMetric(float64(len(c.Events)), "events")
}

// BenchmarkNewSite1000 is the part of BenchmarkServeRebuild1000 after
// the merge: render.NewSite after one article of the 1,000-article site
// is saved, with the cache `timeline serve` keeps (the build is not
// timed).
func BenchmarkNewSite1000(b *testing.B) {
	site, files := benchSite(b, 1000)
	path := files[len(files)/2]
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	inc := timeline.NewIncremental(site)
	var cache render.Cache
	opts := render.Options{BaseURL: "/", SiteDir: site}
	c, err := inc.Build(timeline.RenderHTML()) // as the server builds
	if err != nil {
		b.Fatal(err)
	}
	if _, err := render.NewSite(c, opts, &cache); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := os.WriteFile(path, edited(src, i+1), 0o644); err != nil {
			b.Fatal(err)
		}
		inc.Invalidate(path)
		if c, err = inc.Build(timeline.RenderHTML()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := render.NewSite(c, opts, &cache); err != nil {
			b.Fatal(err)
		}
	}
}
