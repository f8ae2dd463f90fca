package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/timeline-news/timeline/internal/english"
	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

func init() {
	commands["build"] = command{"build the site into public/", runBuild}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("s", ".", "site folder")
	dest := fs.String("d", "", "destination folder (default SITE/public)")
	baseURL := fs.String("baseURL", "", "base URL the site is served from (overrides config.toml)")
	stats := fs.Bool("stats", false, "print the time and allocations of each stage, the slowest articles, and the time of each kind of page and the slowest pages")
	quiet := fs.Bool("quiet", false, "print nothing on success: no progress, no summary line (warnings and errors still go to stderr)")
	cpuProfile := fs.String("cpuprofile", "", "write a Go CPU profile of the build to this file (read it with go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a Go profile of the build's allocations to this file (go tool pprof -sample_index=alloc_space)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline build [-s SITE] [-d DEST] [--baseURL URL] [--stats] [--quiet] [--cpuprofile FILE] [--memprofile FILE]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, false); !ok {
		return code
	}
	start := time.Now() // for the summary line only; never reaches the output
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "timeline build:", err)
			return exitError
		}
		defer stop()
	}
	var st *timeline.Stats
	if *stats {
		st = &timeline.Stats{}
	}
	opts := []timeline.Option{timeline.WithStats(st)}
	var prog *progress
	if !*quiet && isTerminal(stderr) {
		prog = startProgress(stderr, start, 2*time.Second)
		defer prog.finish()
		opts = append(opts, timeline.WithProgress(prog.set))
	}
	// Each body is parsed once: its HTML is made with its plain text,
	// and kept instead of its Markdown until its page renders.
	s, err := timeline.LoadSite(*site, append(opts, timeline.ReleaseMarkdown())...)
	if err != nil {
		prog.finish()
		fmt.Fprintln(stderr, "timeline build:", err)
		return exitError
	}
	// Only the pages are made of the chronology: the articles' plain
	// text is freed as soon as the build is done with it.
	c := timeline.Build(s, append(opts, timeline.ReleaseText())...)
	out := *dest
	if out == "" {
		out = filepath.Join(*site, "public")
	}
	prog.set("render", 0, 0)
	var res render.Result
	ropts := render.Options{Dest: out, BaseURL: *baseURL, SiteDir: *site, ReleaseMarkdown: true}
	var pages *pageStats
	if st != nil {
		pages = &pageStats{}
		ropts.PageTimer = pages.timer
	}
	st.Measure("render", "pages", func() (int, int64) {
		res, err = render.Write(c, ropts)
		return res.Pages, 0
	})
	prog.finish()
	for _, w := range c.Warnings {
		fmt.Fprintln(stderr, "warning:", w.Error())
	}
	if err != nil {
		fmt.Fprintln(stderr, "timeline build:", err)
		return exitError
	}
	code := exitOK
	if len(c.Warnings) > 0 {
		code = exitFindings
	}
	if !*quiet {
		fmt.Fprintf(stdout, "built %s, %s, %s, %s into %s in %s",
			english.Count(len(c.Articles), "article"), english.Count(len(c.Events), "event"),
			english.Count(res.Pages, "page"), english.Count(res.Files, "file"), out, time.Since(start).Round(time.Millisecond))
		if n := len(c.Warnings); n > 0 {
			fmt.Fprintf(stdout, " (%d skipped or with warnings)", n)
		}
		fmt.Fprintln(stdout)
	}
	if st != nil {
		st.Write(stdout)
		pages.write(stdout)
	}
	if *memProfile != "" {
		if err := writeAllocProfile(*memProfile); err != nil {
			fmt.Fprintln(stderr, "timeline build:", err)
			return exitError
		}
	}
	return code
}

// writeAllocProfile writes the profile of every allocation made so far
// to path.
func writeAllocProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = pprof.Lookup("allocs").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// startCPUProfile starts writing a CPU profile to path and returns the
// function that stops it.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress shows how far a build has got on one updating terminal
// line, once the build has taken longer than a delay; short builds
// show nothing. A nil *progress does nothing.
type progress struct {
	w     io.Writer
	start time.Time
	delay time.Duration

	mu          sync.Mutex
	stage       string
	done, total int
	shown       bool
	stop        chan struct{}
	stopped     sync.WaitGroup
	once        sync.Once
}

func startProgress(w io.Writer, start time.Time, delay time.Duration) *progress {
	p := &progress{w: w, start: start, delay: delay, stop: make(chan struct{})}
	p.stopped.Add(1)
	go func() {
		defer p.stopped.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				p.draw()
			}
		}
	}()
	return p
}

// set records where the build is; it is called from several goroutines.
func (p *progress) set(stage string, done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	// Workers report out of order; never move a counter backwards.
	if stage != p.stage || done > p.done {
		p.stage, p.done, p.total = stage, done, total
	}
	p.mu.Unlock()
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := time.Since(p.start)
	if elapsed < p.delay {
		return
	}
	var what string
	switch {
	case p.stage == "load":
		what = fmt.Sprintf("reading articles %d/%d", p.done, p.total)
	case p.stage == "resolve" && p.done < p.total:
		what = fmt.Sprintf("resolving dates %d/%d articles", p.done, p.total)
	case p.stage == "resolve":
		what = "merging events and checking"
	case p.stage == "render":
		what = "writing pages"
	default:
		what = "starting"
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s … %s", what, elapsed.Round(100*time.Millisecond))
	p.shown = true
}

// finish stops the updates and clears the line, if it was shown.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		p.stopped.Wait()
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.shown {
			fmt.Fprint(p.w, "\r\x1b[K")
		}
	})
}
