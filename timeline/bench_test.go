package timeline_test

// Benchmarks of each stage and of the whole build on generated sites
// of 1,000 and 10,000 articles (about 8 KB each, see internal/corpusgen):
//
//	go test -run '^$' -bench . -benchmem ./timeline/
//	go test -run '^$' -bench 'Build/10k' -benchmem -count 5 ./timeline/
//
// MB/s is over the articles' file bytes (load, build) or plain text
// (resolve). The sites are generated once per run into a temporary folder.

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

var sizes = []struct {
	name string
	n    int
}{{"1k", 1000}, {"10k", 10000}}

var (
	benchRoot string
	benchMu   sync.Mutex
	benchDirs = map[int]string{}
	benchSize = map[int]int64{}
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

// benchSite returns a generated site of n articles and its content size in bytes.
func benchSite(b *testing.B, n int) (string, int64) {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if d, ok := benchDirs[n]; ok {
		return d, benchSize[n]
	}
	if benchRoot == "" {
		r, err := os.MkdirTemp("", "timeline-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchRoot = r
	}
	dir := filepath.Join(benchRoot, fmt.Sprint(n))
	sum, err := corpusgen.Generate(dir, corpusgen.Options{Articles: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	benchDirs[n], benchSize[n] = dir, sum.Bytes
	return dir, sum.Bytes
}

func loadSite(b *testing.B, dir string) *timeline.Site {
	b.Helper()
	s, err := timeline.LoadSite(dir)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func textSize(arts []*timeline.Article) int64 {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	return n
}

// workerCounts are the parallelism levels compared: one worker, and one per core.
func workerCounts() []int {
	if p := runtime.GOMAXPROCS(0); p > 1 {
		return []int{1, p}
	}
	return []int{1}
}

// BenchmarkLoad reads and parses every article (front matter, Markdown
// to text, sentences); "html" also renders each body to HTML from the
// same parse, as timeline build does (timeline.ReleaseMarkdown).
func BenchmarkLoad(b *testing.B) {
	for _, sz := range sizes {
		for _, w := range workerCounts() {
			for _, html := range []bool{false, true} {
				name := fmt.Sprintf("%s/workers=%d", sz.name, w)
				opts := []timeline.Option{timeline.Workers(w)}
				if html {
					name += "/html"
					opts = append(opts, timeline.ReleaseMarkdown())
				}
				b.Run(name, func(b *testing.B) {
					dir, size := benchSite(b, sz.n)
					b.SetBytes(size)
					b.ReportAllocs()
					for b.Loop() {
						if _, err := timeline.LoadSite(dir, opts...); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// BenchmarkResolve finds and resolves the date phrases of every article.
func BenchmarkResolve(b *testing.B) {
	for _, sz := range sizes {
		for _, w := range workerCounts() {
			b.Run(fmt.Sprintf("%s/workers=%d", sz.name, w), func(b *testing.B) {
				dir, _ := benchSite(b, sz.n)
				site := loadSite(b, dir)
				b.SetBytes(textSize(site.Articles))
				b.ReportAllocs()
				for b.Loop() {
					timeline.ResolveAll(site.Articles, timeline.Workers(w))
				}
			})
		}
	}
}

// BenchmarkMerge groups all mentions into events.
func BenchmarkMerge(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			dir, _ := benchSite(b, sz.n)
			site := loadSite(b, dir)
			mentions, _ := timeline.ResolveAll(site.Articles)
			work := make([]timeline.Mention, len(mentions))
			b.ReportMetric(float64(len(mentions)), "mentions")
			b.ReportAllocs()
			for b.Loop() {
				copy(work, mentions) // Merge may reorder its input
				timeline.Merge(site.Articles, work, site.Config)
			}
		})
	}
}

// BenchmarkCheck lists the findings of a built chronology.
func BenchmarkCheck(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			dir, _ := benchSite(b, sz.n)
			c := timeline.Build(loadSite(b, dir))
			b.ReportMetric(float64(len(c.Events)), "events")
			b.ReportAllocs()
			for b.Loop() {
				timeline.Check(c)
			}
		})
	}
}

// BenchmarkBuild is the whole build short of rendering: LoadSite and Build.
func BenchmarkBuild(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			dir, size := benchSite(b, sz.n)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				site, err := timeline.LoadSite(dir)
				if err != nil {
					b.Fatal(err)
				}
				timeline.Build(site)
			}
		})
	}
}
