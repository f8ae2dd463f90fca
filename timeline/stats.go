package timeline

import (
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/timeline-news/timeline/internal/cputime"
)

// Stats records where a build's time goes, stage by stage: wall time,
// memory allocated and how much the stage worked through, and the
// articles that took longest to resolve. Pass one to LoadSite and Build
// with WithStats, and to Measure for stages of your own (rendering).
//
// Stats reads the clock and the runtime's memory statistics; nothing it
// records reaches the Chronology, which stays the same with or without it.
type Stats struct {
	// Stages are the measured stages, in the order they ran.
	Stages []StageStats
	// Slowest are the articles that took longest to resolve, slowest first (at most SlowestN).
	Slowest []ArticleTime
	// PeakSys is the most memory the Go runtime had obtained from the
	// operating system at the end of any stage: a lower bound of peak RSS.
	PeakSys uint64
	// WallOnly records only each stage's wall time: no allocations and
	// no PeakSys, whose reading stops every goroutine twice a stage
	// (runtime.ReadMemStats). For a program that times every build, as
	// `timeline serve` does.
	WallOnly bool

	mu sync.Mutex
}

// SlowestN is how many of the slowest articles Stats keeps.
const SlowestN = 10

// StageStats is one measured stage.
type StageStats struct {
	// Name is the stage ("load", "resolve", "merge", "check", "render").
	Name string
	// Items is what the stage worked through (articles, mentions, pages),
	// named by Unit; Bytes the input bytes it read, 0 when not meaningful.
	Items int
	Unit  string
	Bytes int64
	// Wall is the stage's wall-clock time.
	Wall time.Duration
	// CPU is the processor time (user and system, on every core) the
	// process used during the stage, 0 where the system does not say.
	// CPU/Wall is how many cores the stage kept busy.
	CPU time.Duration
	// Allocs and AllocBytes are the heap allocations the stage made
	// (process-wide, so concurrent work of other goroutines counts too).
	Allocs, AllocBytes uint64
}

// ArticleTime is how long one article took to resolve.
type ArticleTime struct {
	Article, File string
	Took          time.Duration
}

// Measure runs f, a stage called name, and records its wall time and
// allocations. f returns how many items (of unit) and input bytes it
// worked through. A nil Stats just runs f.
func (s *Stats) Measure(name, unit string, f func() (items int, bytes int64)) {
	if s == nil {
		f()
		return
	}
	if s.WallOnly {
		start, cpu := time.Now(), cputime.Process()
		items, n := f()
		wall, cpu := time.Since(start), cputime.Process()-cpu
		s.mu.Lock()
		defer s.mu.Unlock()
		s.Stages = append(s.Stages, StageStats{Name: name, Items: items, Unit: unit, Bytes: n, Wall: wall, CPU: cpu})
		return
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpu := time.Now(), cputime.Process()
	items, n := f()
	wall, cpu := time.Since(start), cputime.Process()-cpu
	runtime.ReadMemStats(&after)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Stages = append(s.Stages, StageStats{Name: name, Items: items, Unit: unit, Bytes: n, Wall: wall, CPU: cpu,
		Allocs: after.Mallocs - before.Mallocs, AllocBytes: after.TotalAlloc - before.TotalAlloc})
	if after.Sys > s.PeakSys {
		s.PeakSys = after.Sys
	}
}

// Total is the sum of the stages' wall times.
func (s *Stats) Total() time.Duration {
	var t time.Duration
	for _, st := range s.Stages {
		t += st.Wall
	}
	return t
}

// TotalCPU is the sum of the stages' CPU times.
func (s *Stats) TotalCPU() time.Duration {
	var t time.Duration
	for _, st := range s.Stages {
		t += st.CPU
	}
	return t
}

// cores is how many cores cpu over wall kept busy, "-" when unknown.
func cores(cpu, wall time.Duration) string {
	if cpu <= 0 || wall <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", cpu.Seconds()/wall.Seconds())
}

// noteSlowest keeps the SlowestN slowest of the given resolve times.
func (s *Stats) noteSlowest(articles []*Article, took []time.Duration) {
	idx := make([]int, len(articles))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return took[idx[a]] > took[idx[b]] })
	if len(idx) > SlowestN {
		idx = idx[:SlowestN]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Slowest = s.Slowest[:0]
	for _, i := range idx {
		s.Slowest = append(s.Slowest, ArticleTime{Article: articles[i].ID, File: articles[i].File, Took: took[i]})
	}
}

// Write prints the stages as a table, then the slowest articles.
func (s *Stats) Write(w io.Writer) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%-8s %10s %10s %6s %9s %12s %12s %10s  %s\n", "stage", "time", "cpu", "cores", "MB/s", "allocs", "alloc MB", "items", "")
	for _, st := range s.Stages {
		rate := "-"
		if st.Bytes > 0 && st.Wall > 0 {
			rate = fmt.Sprintf("%.1f", float64(st.Bytes)/1e6/st.Wall.Seconds())
		}
		fmt.Fprintf(ew, "%-8s %10s %10s %6s %9s %12d %12.1f %10d  %s\n", st.Name, st.Wall.Round(time.Microsecond*100),
			st.CPU.Round(time.Millisecond), cores(st.CPU, st.Wall), rate, st.Allocs, float64(st.AllocBytes)/1e6, st.Items, st.Unit)
	}
	fmt.Fprintf(ew, "%-8s %10s %10s %6s   memory obtained from the OS: %.0f MB\n", "total", s.Total().Round(time.Millisecond),
		s.TotalCPU().Round(time.Millisecond), cores(s.TotalCPU(), s.Total()), float64(s.PeakSys)/1e6)
	if len(s.Slowest) > 0 {
		fmt.Fprintln(ew, "slowest articles to resolve:")
		for _, a := range s.Slowest {
			fmt.Fprintf(ew, "  %10s  %s\n", a.Took.Round(time.Microsecond), a.File)
		}
	}
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// Option tunes how LoadSite and Build do their work. No option changes
// what they produce: the same site gives the same Chronology whatever
// the options.
type Option func(*options)

type options struct {
	workers  int
	stats    *Stats
	progress func(stage string, done, total int)
	merge    *MergeCache // nil: every merge starts afresh (see Incremental)
	// releaseText: see ReleaseText
	releaseText bool
	// renderHTML, releaseMarkdown: see RenderHTML, ReleaseMarkdown
	renderHTML, releaseMarkdown bool
}

func newOptions(opts []Option) *options {
	o := &options{workers: runtime.GOMAXPROCS(0)}
	for _, f := range opts {
		f(o)
	}
	if o.workers < 1 {
		o.workers = 1
	}
	return o
}

// Workers sets how many articles are read, parsed or resolved at once;
// the default is GOMAXPROCS, one per core. 1 does everything in order
// on the calling goroutine.
func Workers(n int) Option { return func(o *options) { o.workers = n } }

// WithStats records the time and allocations of each stage in s.
func WithStats(s *Stats) Option { return func(o *options) { o.stats = s } }

// ReleaseText has Build free what only its own stages read, as soon as
// they are done with it: every article's sentence spans (Sentences)
// once the articles are resolved, and their plain text (Text) once the
// mentions are merged and checked. What the Chronology keeps of the
// text (its mentions' sentences and phrases) is copied first; it is
// otherwise the same. For a build whose Chronology is only rendered
// afterwards: timeline build uses it, which takes a 10,000-article
// site's 85 MB of text and 18-25 MB of spans out of the merge's and the
// render's peaks. The articles cannot be resolved again afterwards.
func ReleaseText() Option { return func(o *options) { o.releaseText = true } }

// RenderHTML has LoadSite and Incremental.Build render each article
// body they parse to HTML (Article.HTML, raw HTML as the config's
// markup setting says) from the parse that makes its plain text, for
// a caller that renders the site: the pages then mark the phrases in
// that HTML, and the Markdown is parsed once. Without it the pages
// parse the Markdown again.
func RenderHTML() Option { return func(o *options) { o.renderHTML = true } }

// ReleaseMarkdown is RenderHTML, and has LoadSite keep each body only
// as its HTML: Article.Body is nil. For a caller that reads nothing of
// the Markdown but through the pages (timeline build): a large site's
// Markdown is then not held until its pages render. Incremental.Build
// keeps the Markdown (it compares files with it).
func ReleaseMarkdown() Option {
	return func(o *options) { o.renderHTML, o.releaseMarkdown = true, true }
}

// WithProgress has f called as work advances: stage is "load" or
// "resolve", done how many of total articles are through it. f is
// called from several goroutines at once and must be quick and safe
// for concurrent use.
func WithProgress(f func(stage string, done, total int)) Option {
	return func(o *options) { o.progress = f }
}

// counter reports progress through one stage of total items.
type counter struct {
	f     func(stage string, done, total int)
	stage string
	total int
	done  atomic.Int64
}

func (o *options) counter(stage string, total int) *counter {
	return &counter{f: o.progress, stage: stage, total: total}
}

func (c *counter) step() {
	if c.f == nil {
		return
	}
	c.f(c.stage, int(c.done.Add(1)), c.total)
}
