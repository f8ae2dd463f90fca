// Package serve is `timeline serve`: it builds a site, serves it over
// HTTP, watches the site's sources and rebuilds on every change, and
// tells open browser tabs to reload.
//
// A build is kept in memory, not written out: each page is rendered
// when a browser first asks for it (render.Site), byte for byte what
// `timeline build` writes, so that a rebuild after an edit costs the
// build and the pages then viewed, not the whole site. The live-reload
// script is added by the HTTP handler to HTML responses as they are
// sent. A build that fails shows its error in place of every page until
// the next good build; articles that could not be read are listed in a
// banner over the pages of the build that skipped them.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/timeline-news/timeline/internal/english"
	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

// Options configure a Server.
type Options struct {
	// Site is the site folder.
	Site string
	// Log receives one line per build and every problem found; nil discards.
	Log io.Writer
	// Debounce is how long the watcher waits after the last change
	// before it rebuilds (default 100ms): an editor's save is often
	// several file events.
	Debounce time.Duration
}

// Server builds, serves and watches one site. Create it with New and
// stop it with Close.
type Server struct {
	site     string
	log      io.Writer
	debounce time.Duration
	inc      *timeline.Incremental
	cache    render.Cache // what the renderer keeps from build to build
	watch    *watcher

	mu       sync.Mutex
	built    *render.Site       // the last good build, nil before one
	version  int                // counts finished builds
	buildErr error              // the last build's error, nil when it succeeded
	problems []timeline.Problem // the last good build's warnings
	changed  chan struct{}      // closed when a build finishes
	quit     chan struct{}      // closed by Close
	closed   bool
	idle     *time.Timer // collects garbage once the server has been idle a while (see collectWhenIdle)
}

// idleCollect is how long after a build the server, if nothing else was
// built meanwhile, runs a garbage collection: after the browser has
// asked for the new page, while the journalist reads it.
const idleCollect = 300 * time.Millisecond

// New makes a server for the site folder, starts watching it and runs
// the first build. A first build that fails is not an error: the pages
// show why until the sources are fixed. New fails only when the site
// folder does not exist or cannot be watched.
func New(opts Options) (*Server, error) {
	info, err := os.Stat(opts.Site)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("site folder %s is not a folder", opts.Site)
	}
	s := &Server{
		site:     opts.Site,
		log:      opts.Log,
		debounce: opts.Debounce,
		inc:      timeline.NewIncremental(opts.Site),
		changed:  make(chan struct{}),
		quit:     make(chan struct{}),
	}
	if s.log == nil {
		s.log = io.Discard
	}
	if s.debounce <= 0 {
		s.debounce = 100 * time.Millisecond
	}
	// Watch before the first build, so that no change made after New
	// returns is missed.
	if s.watch, err = newWatcher(opts.Site); err != nil {
		return nil, err
	}
	s.Rebuild()
	s.warm()
	return s, nil
}

// warm builds the site once more, unchanged, and throws the result
// away. The first rebuild after a full build is the slowest of all;
// done here, before anyone has saved, it takes that cost off the first
// save (BenchmarkServeRebuild1000's first-ms, 8 runs of each in turn:
// 128-178 ms, median 138, without; 106-141, median 113, with). It
// publishes nothing and prints nothing.
func (s *Server) warm() {
	if _, err, _, _ := s.state(); err != nil {
		return
	}
	s.inc.Reassemble()
	c, err := s.inc.Build(timeline.RenderHTML())
	if err != nil {
		return
	}
	_, _ = s.newSite(c)
}

// Rebuild builds the site again, after invalidating the named changed
// files (paths relative to the site or absolute), and wakes the
// browsers. The watcher calls it; so can a test.
func (s *Server) Rebuild(changed ...string) {
	start := time.Now() // for the terminal line only
	s.inc.Invalidate(changed...)
	stats := timeline.Stats{WallOnly: true} // for the terminal line only
	// The bodies' HTML is made as each changed file is parsed, so
	// pages mark their phrases in it and parse no Markdown.
	c, err := s.inc.Build(timeline.WithStats(&stats), timeline.RenderHTML())
	var site *render.Site
	if err == nil {
		// Pages are rendered as they are asked for (see render.Site);
		// until this build is put in service, the previous one is served.
		stats.Measure("render", "pages", func() (int, int64) {
			site, err = s.newSite(c)
			if err != nil {
				return 0, 0
			}
			return site.Pages(), 0
		})
	}
	took := time.Since(start).Round(100 * time.Microsecond)

	s.mu.Lock()
	s.version++
	s.buildErr = err
	if err == nil {
		s.problems = c.Warnings
		s.built = site
	}
	close(s.changed)
	s.changed = make(chan struct{})
	s.collectWhenIdle()
	s.mu.Unlock()

	if err != nil {
		fmt.Fprintf(s.log, "build failed: %v\n", err)
		return
	}
	for _, w := range c.Warnings {
		fmt.Fprintf(s.log, "warning: %v\n", w)
	}
	st := s.inc.Stats
	what := fmt.Sprintf("%d re-read, %d re-resolved", st.Parsed, st.Resolved)
	if st.Unchanged {
		what = "nothing they are made from changed: the last merge reused"
	}
	fmt.Fprintf(s.log, "built %s (%s), %s, %s in %s (%s)\n",
		english.Count(len(c.Articles), "article"), what, english.Count(len(c.Events), "event"),
		english.Count(site.Pages(), "page"), took, stageTimes(&stats))
}

// collectWhenIdle arranges a garbage collection idleCollect after this
// build, unless another build starts first. A save allocates about
// 60 MB at 1k articles; left to itself, the collector runs in the middle
// of every third save or so and takes CPU from it, and memory freed but
// not yet collected is memory the next save must fault in afresh.
// Collected in the pause after each save, the next save starts on a
// clean heap (BenchmarkServeRebuild1000Paced). Called with s.mu held.
func (s *Server) collectWhenIdle() {
	if s.idle != nil {
		s.idle.Stop()
	}
	version := s.version
	s.idle = time.AfterFunc(idleCollect, func() {
		s.mu.Lock()
		stale := s.closed || s.version != version
		s.mu.Unlock()
		if !stale {
			runtime.GC()
		}
	})
}

// newSite prepares the pages of c, served at /, through the server's
// render cache.
func (s *Server) newSite(c *timeline.Chronology) (*render.Site, error) {
	return render.NewSite(c, render.Options{BaseURL: "/", SiteDir: s.site}, &s.cache)
}

// current returns the last good build, nil before one.
func (s *Server) current() *render.Site {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.built
}

// state returns the last build's number, error and warnings, and a
// channel closed when the next build finishes.
func (s *Server) state() (int, error, []timeline.Problem, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, s.buildErr, s.problems, s.changed
}

// Serve serves HTTP on l and rebuilds on changes to the site until ctx
// is done or Close is called, then shuts the server down cleanly. It
// returns nil after a clean stop.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	w := s.watch
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	var err error
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	watchDone := make(chan struct{})
	stopWatch := make(chan struct{})
	go func() {
		defer close(watchDone)
		w.run(s.debounce, stopWatch, s.Rebuild, func(err error) { fmt.Fprintf(s.log, "watch: %v\n", err) })
	}()

	select {
	case <-ctx.Done():
	case <-s.quit:
	case err = <-errc:
	}
	close(stopWatch)
	<-watchDone
	s.stopStreams()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := hs.Shutdown(sctx); serr != nil && err == nil {
		err = serr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// stopStreams ends the open live-reload streams, which would otherwise
// keep Shutdown waiting.
func (s *Server) stopStreams() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.quit)
	}
	if s.idle != nil {
		s.idle.Stop()
	}
}

// Close stops Serve, if it runs, and stops watching.
func (s *Server) Close() error {
	s.stopStreams()
	return s.watch.close()
}

// stageTimes is the stages' wall times in one line:
// "load 2ms, resolve 1ms, merge 61ms, check 9ms, render 20ms".
func stageTimes(s *timeline.Stats) string {
	var b strings.Builder
	for i, st := range s.Stages {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", st.Name, st.Wall.Round(100*time.Microsecond))
	}
	return b.String()
}
