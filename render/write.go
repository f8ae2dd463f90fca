package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/timeline-news/timeline/timeline"
)

// Options say where and how a site is written.
type Options struct {
	// Dest is the output folder (usually SITE/public).
	Dest string
	// BaseURL, when set, overrides the config's baseURL.
	BaseURL string
	// SiteDir is the site folder, where themes/ is looked up.
	SiteDir string
	// PageTimer, when set, is called as each page starts, with its kind
	// (the layout: "article", "event", ...) and its file; the function
	// it returns is called once the page is written. The renderer reads
	// no clock: `timeline build --stats` passes one that does.
	PageTimer func(kind, file string) (done func())
	// ReleaseMarkdown has Write set each article's Body (its Markdown)
	// and HTML (see timeline.RenderHTML) to nil once the body is
	// rendered, for a caller that does not use the chronology
	// afterwards (timeline build): a large site's bodies are then not
	// all held while the pages render.
	ReleaseMarkdown bool
}

// Result counts what Write wrote.
type Result struct {
	// Pages is the number of HTML pages; Files the number of all files.
	Pages, Files int
}

// FileWriter receives the files of a site: name is slash-separated and
// relative to the site root. data may be reused once WriteFile returns:
// a FileWriter that keeps it must copy it. WriteTo calls WriteFile from
// several goroutines at once.
type FileWriter interface {
	WriteFile(name string, data []byte) error
}

// Write renders the chronology into opts.Dest: every page, the theme's
// assets and every export.
//
// The files go to a staging folder beside opts.Dest that is swapped in
// only when complete (see OpenOutput): a failed or killed build leaves
// the previous site whole, and the user's own files in opts.Dest stay.
func Write(c *timeline.Chronology, opts Options) (Result, error) {
	out, err := OpenOutput(opts.Dest, Protect(opts.SiteDir))
	if err != nil {
		return Result{}, err
	}
	res, err := WriteTo(out, c, opts)
	if err != nil {
		out.Abort()
		return res, err
	}
	return res, out.Commit()
}

// WriteTo renders the chronology through w. opts.Dest is not used.
func WriteTo(w FileWriter, c *timeline.Chronology, opts Options) (Result, error) {
	return writeTo(w, c, opts, true)
}

// writeTo is WriteTo, writing the report and event pages in Go where it
// may when inGo (see gopage.go), else all pages through the templates.
func writeTo(w FileWriter, c *timeline.Chronology, opts Options, inGo bool) (Result, error) {
	u, theme, tmpls, err := setup(c, opts)
	if err != nil {
		return Result{}, err
	}
	// The exports read only c, and are encoded while the views are
	// made and the pages render. A writer that can stream (Output)
	// gets each straight into its file, a megabyte at a time, each
	// export on its own goroutine: the biggest (timeline.json, the CSV)
	// would otherwise still be encoding on one core after the pages.
	// Any other writer is handed the exports in order, encoded one
	// after the other when the code below is ready for each, so at most
	// two are in memory at once.
	type encoded struct {
		b        []byte
		err      error
		streamed bool
	}
	stream, _ := w.(streamWriter)
	exports := make([]chan encoded, len(Formats))
	quit := make(chan struct{})
	var encoding sync.WaitGroup
	if stream != nil {
		for i, f := range Formats {
			exports[i] = make(chan encoded, 1)
			encoding.Add(1)
			go func() {
				defer encoding.Done()
				exports[i] <- encoded{err: streamExport(stream, f, c, u), streamed: true}
			}()
		}
	} else {
		for i := range exports {
			exports[i] = make(chan encoded)
		}
		encoding.Add(1)
		go func() {
			defer encoding.Done()
			for i, f := range Formats {
				var e encoded
				e.b, e.err = f.encode(c, u)
				select {
				case exports[i] <- e:
				case <-quit:
					return
				}
			}
		}()
	}
	defer func() {
		close(quit)
		encoding.Wait()
	}()

	s := newSite(c, u, nil)
	r := &run{w: w, tmpls: tmpls, theme: theme, site: s, timer: opts.PageTimer, release: opts.ReleaseMarkdown}
	if inGo {
		r.useGo()
	}

	pages := sitePages(s)
	var articles, others []int
	for i, p := range pages {
		if p.Kind == "article" {
			articles = append(articles, i)
		} else {
			others = append(others, i)
		}
	}
	unsafe := c.Config.Markup.Unsafe
	if c.Config.Theme == "" {
		// The default theme's report page shows its own body and the
		// items of its events, no other body and no phrase link (as
		// Site.prepare has it): each report's body is rendered just
		// before its page and dropped once the page is written, so a
		// large site's bodies are never all held at once. The bodies
		// say which phrase anchors exist, which the links of the event
		// pages need: those come after.
		if err := r.items(s.Events); err != nil {
			return r.res, err
		}
		err = r.writePages(pages, articles, func(a *articleView) error {
			if err := r.renderBody(a, unsafe); err != nil {
				return fmt.Errorf("%s: %w", a.File, err)
			}
			return nil
		})
		if err != nil {
			return r.res, err
		}
		if err := r.linked(); err != nil {
			return r.res, err
		}
		if err := r.writePages(pages, others, nil); err != nil {
			return r.res, err
		}
	} else {
		// A site theme's page may show anything of any article (a
		// footer, a byline): every body is rendered, and every link
		// made, before any page. Article pages go first: each drops its
		// rendered body once written, so the bodies are not all held
		// while the event pages render.
		err = ordered(len(s.Articles), func(i int) (struct{}, error) {
			a := s.Articles[i]
			if err := r.renderBody(a, unsafe); err != nil {
				return struct{}{}, fmt.Errorf("%s: %w", a.File, err)
			}
			return struct{}{}, nil
		}, func(int, struct{}) error { return nil })
		if err != nil {
			return r.res, err
		}
		if err := r.linked(); err != nil {
			return r.res, err
		}
		if err := r.items(s.Events); err != nil {
			return r.res, err
		}
		if err := r.writePages(pages, append(articles, others...), nil); err != nil {
			return r.res, err
		}
	}
	names, static := theme.Static()
	for _, n := range names {
		if err := r.file("assets/"+n, static[n]); err != nil {
			return r.res, err
		}
	}
	for i, f := range Formats {
		e := <-exports[i]
		if e.err != nil {
			return r.res, fmt.Errorf("%s: %w", f.File, e.err)
		}
		if e.streamed {
			r.res.Files++
			continue
		}
		if err := r.file(f.File, e.b); err != nil {
			return r.res, err
		}
	}
	if err := r.file("sitemap.xml", sitemap(u, sitemapPaths(pages))); err != nil {
		return r.res, err
	}
	if err := r.file("robots.txt", robotsTxt(u)); err != nil {
		return r.res, err
	}
	return r.res, nil
}

// setup works out what WriteTo and NewSite need before any page: the
// site's URLs (opts.BaseURL, else config.toml's baseURL), its theme and
// the theme's templates. It fails on a bad baseURL or theme.
func setup(c *timeline.Chronology, opts Options) (URLs, *Theme, map[string]*template.Template, error) {
	u, theme, err := setupTheme(c, opts)
	if err != nil {
		return URLs{}, nil, nil, err
	}
	tmpls, err := theme.templates(funcs(u))
	if err != nil {
		return URLs{}, nil, nil, err
	}
	return u, theme, tmpls, nil
}

// setupTheme is setup but for parsing the templates.
func setupTheme(c *timeline.Chronology, opts Options) (URLs, *Theme, error) {
	base := c.Config.BaseURL
	if opts.BaseURL != "" {
		base = opts.BaseURL
	}
	u, err := NewURLs(base)
	if err != nil {
		return URLs{}, nil, fmt.Errorf("baseURL %q: %w", base, err)
	}
	theme, err := LoadTheme(opts.SiteDir, c.Config.Theme)
	if err != nil {
		return URLs{}, nil, err
	}
	return u, theme, nil
}

// writePages executes and writes pages[i] for every i in order, on
// every core; the result does not depend on the parallelism or the
// order. An article page drops its rendered body once written. prepare,
// when not nil, is called on the worker first with the article of each
// article page.
func (r *run) writePages(pages []page, order []int, prepare func(*articleView) error) error {
	return ordered(len(order), func(i int) (struct{}, error) {
		p := pages[order[i]]
		if r.timer != nil {
			defer r.timer(p.Kind, p.pageFile())()
		}
		if prepare != nil && p.Article != nil {
			if err := prepare(p.Article); err != nil {
				return struct{}{}, err
			}
		}
		b, err := r.execute(p)
		if err != nil {
			return struct{}{}, err
		}
		defer pageBuffers.Put(b)
		if p.Article != nil {
			p.Article.Body = ""
		}
		return struct{}{}, r.writePage(p, b.Bytes())
	}, func(int, struct{}) error {
		r.res.Pages++
		r.res.Files++
		return nil
	})
}

// linked links the site's phrases to the anchors the rendered bodies
// hold, then makes what the pages other than reports show of them: the
// cells of the phrases of no known article and the index's event cards.
func (r *run) linked() error {
	orphans := r.site.link()
	if err := r.cells(orphans); err != nil {
		return err
	}
	return r.cards(r.site.Events)
}

// streamWriter is a FileWriter that can also take a file as a stream.
type streamWriter interface {
	Create(name string) (io.WriteCloser, error)
}

// streamExport writes one export through sw.
func streamExport(sw streamWriter, f Format, c *timeline.Chronology, u URLs) error {
	out, err := sw.Create(f.File)
	if err != nil {
		return err
	}
	err = f.write(out, c, u)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// page is what a page template gets.
type page struct {
	Site *siteView
	// Kind names the layout ("index", "event", ...).
	Kind string
	// Path is the page's site path ("events/x/"); File overrides the file
	// written (404.html), else Path + "index.html".
	Path, File string
	Title      string
	NoIndex    bool
	Event      *eventView
	Article    *articleView
	// r is the run rendering the page (see Partial).
	r *run
}

// Exports are the export formats, for links.
func (p page) Exports() []Format { return Formats }

type run struct {
	w     FileWriter
	tmpls map[string]*template.Template
	theme *Theme
	site  *siteView
	res   Result
	// dated and how keep the made-once cells by view for the whole
	// site: most views recur in many reports (same dates, same
	// publication days and rules).
	dated partialCache[datedView]
	how   partialCache[howView]
	// timer is Options.PageTimer; release Options.ReleaseMarkdown.
	timer   func(kind, file string) func()
	release bool
	// partials keeps the partials that are the same on every page of a
	// kind (see page.Partial).
	partials kindPartials
	// goKinds are the kinds of page written in Go, not executed
	// through the templates (see useGo).
	goKinds map[string]*goKind
	// goParts are the partials of goPartials written in Go, not
	// executed through the templates (see useGo).
	goParts map[string]bool
	// reuseCards lets cards take the cards earlier builds made (see
	// run.cards): set by NewSite with a Cache and the default theme.
	reuseCards bool
}

// partialCache is markup made by a partial, by the view it was made
// for. Its zero value is empty and ready; it is safe for several
// goroutines.
type partialCache[V comparable] struct {
	mu sync.Mutex
	m  map[V]template.HTML
}

func (c *partialCache[V]) get(v V) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[v]
	return h, ok
}

func (c *partialCache[V]) put(v V, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[V]template.HTML{}
	}
	c.m[v] = h
}

func (r *run) file(name string, b []byte) error {
	if err := r.w.WriteFile(name, b); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	r.res.Files++
	return nil
}

// pageBuffers are reused for rendering pages: a page is written (and
// FileWriter done with its bytes) before its buffer goes back.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders a page into a buffer from pageBuffers. It may run on
// several goroutines at once.
func (r *run) execute(p page) (*bytes.Buffer, error) {
	p.Site, p.r = r.site, r
	if k := r.goKinds[p.Kind]; k != nil {
		buf := pageBuffers.Get().(*bytes.Buffer)
		buf.Reset()
		writeGoPage(buf, p, k)
		return buf, nil
	}
	t := r.tmpls[p.Kind]
	if t == nil {
		return nil, fmt.Errorf("theme: layouts/%s.html is missing", p.Kind)
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	if err := t.ExecuteTemplate(buf, "layouts/baseof.html", p); err != nil {
		pageBuffers.Put(buf)
		return nil, r.theme.explain(err)
	}
	return buf, nil
}

// useGo has the pages of goPages (report, event, sources and checks)
// written in Go (gopage.go) when every template they execute is the
// default theme's, and so the partials executed once for many pages
// (goPartials: those of the report and event pages, and the index's
// event cards).
func (r *run) useGo() {
	for _, kind := range goKindNames {
		if r.tmpls[kind] == nil {
			continue
		}
		same := r.theme.sameAsDefault(kind)
		if goPages[kind] && same("layouts/baseof.html") {
			if r.goKinds == nil {
				r.goKinds = map[string]*goKind{}
			}
			r.goKinds[kind] = newGoKind(r.site, kind)
		}
		for _, name := range goPartials[kind] {
			if same(name) {
				if r.goParts == nil {
					r.goParts = map[string]bool{}
				}
				r.goParts[name] = true
			}
		}
	}
}

// pageFile is the file a page is written to.
func (p page) pageFile() string {
	if p.File != "" {
		return p.File
	}
	return p.Path + "index.html"
}

// writePage writes a rendered page; it runs on several goroutines.
func (r *run) writePage(p page, b []byte) error {
	name := p.pageFile()
	if err := r.w.WriteFile(name, b); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

func (r *run) renderBody(a *articleView, unsafe bool) error {
	hls := a.highlights()
	body, written, err := renderBody(a.Article, hls, unsafe)
	if err != nil {
		return err
	}
	if r.release {
		a.Article.Body, a.Article.HTML = nil, nil
	}
	a.Body, a.anchors = body, written
	if err := r.byline(a); err != nil {
		return err
	}
	return r.cells(a.Mentions)
}

// cells sets the Dated and How cells of mentions (usually those of
// one article, which share an anchor date and a few rules).
func (r *run) cells(ms []*mentionView) error {
	err := memo(r, "partials/dated.html", ms, &r.dated, (*mentionView).dated, writeDated, func(m *mentionView, h template.HTML) { m.Dated = h })
	if err != nil {
		return err
	}
	return memo(r, "partials/how.html", ms, &r.how, (*mentionView).how, writeHow, func(m *mentionView, h template.HTML) { m.How = h })
}

// memo executes the partial name for view(m) of every mention in ms, once
// per distinct view in the site (made keeps them), and hands each
// mention its markup through set. The views hold only what the partial
// may show, so the markup made for one mention is right for every
// mention with the same view. write, when the partial is one of
// goPartials written in Go (r.goParts), makes the markup instead.
func memo[V comparable](r *run, name string, ms []*mentionView, made *partialCache[V], view func(*mentionView) V, write func(stringWriter, V), set func(*mentionView, template.HTML)) error {
	t := r.tmpls["event"]
	if t == nil || t.Lookup(name) == nil {
		return nil
	}
	inGo := write != nil && r.goParts[name]
	var b strings.Builder
	for _, m := range ms {
		v := view(m)
		h, ok := made.get(v)
		if !ok {
			b.Reset()
			if inGo {
				write(&b, v)
			} else if err := t.ExecuteTemplate(&b, name, v); err != nil {
				return r.theme.explain(err)
			}
			h = template.HTML(b.String())
			made.put(v, h)
		}
		set(m, h)
	}
	return nil
}

// byline executes partials/byline.html for an article once, so the
// evidence rows of every event page it reports show the same markup
// without running the partial's actions again. A partial is escaped as
// HTML element content, where event pages put it.
func (r *run) byline(a *articleView) error {
	t := r.tmpls["event"]
	if t == nil || t.Lookup("partials/byline.html") == nil {
		return nil
	}
	var b strings.Builder
	if r.goParts["partials/byline.html"] {
		writeByline(&b, a)
	} else if err := t.ExecuteTemplate(&b, "partials/byline.html", a); err != nil {
		return r.theme.explain(err)
	}
	a.Byline = template.HTML(b.String())
	return nil
}

// items sets the Item of each of events: partials/event-item.html
// executed once per event for all the report pages that list it.
func (r *run) items(events []*eventView) error {
	return r.eventPartial("article", "partials/event-item.html", events, writeEventItem, func(ev *eventView, h template.HTML) { ev.Item = h })
}

// cards sets the Card of each of events (partials/event-card.html): the
// index page of a large site lists thousands, which one execution of
// the index would make one after another. A card is its partial
// executed with the event alone, as {{template "partials/event-card.html" .}}
// in the index makes it, so a theme's index may use either.
//
// With reuseCards (a serve build with the default theme, whose card
// shows only its event, the event's names and its phrases' links), the
// card an earlier build made from the same event entry is taken as it
// is when those names and links are unchanged; the others are made and
// kept for the next build.
func (r *run) cards(events []*eventView) error {
	t := r.tmpls["index"]
	if !r.reuseCards || t == nil {
		return r.eventPartial("index", "partials/event-card.html", events, writeEventCard, func(ev *eventView, h template.HTML) { ev.Card = h })
	}
	var todo []*eventView
	for _, ev := range events {
		if ev.entry != nil {
			if h, ok := ev.entry.card.get(t, ev); ok {
				ev.Card = h
				continue
			}
		}
		todo = append(todo, ev)
	}
	return r.eventPartial("index", "partials/event-card.html", todo, writeEventCard, func(ev *eventView, h template.HTML) {
		ev.Card = h
		if ev.entry != nil {
			ev.entry.card.put(t, ev, h)
		}
	})
}

// eventPartial executes the partial name of layout's templates for each
// of events, on every core, and hands each event its markup through
// set. A theme without that partial gets nothing set. write, when not
// nil and the partial is written in Go (r.goParts), makes the markup
// instead.
func (r *run) eventPartial(layout, name string, events []*eventView, write func(stringWriter, *eventView), set func(*eventView, template.HTML)) error {
	t := r.tmpls[layout]
	if t == nil || t.Lookup(name) == nil {
		return nil
	}
	inGo := write != nil && r.goParts[name]
	return ordered(len(events), func(i int) (template.HTML, error) {
		var b strings.Builder
		if inGo {
			write(&b, events[i])
		} else if err := t.ExecuteTemplate(&b, name, events[i]); err != nil {
			return "", r.theme.explain(err)
		}
		return template.HTML(b.String()), nil
	}, func(i int, h template.HTML) error {
		set(events[i], h)
		return nil
	})
}

// fixHref links m to its article's page instead of its mark there
// when the article's body has no mark for it.
func fixHref(m *mentionView) {
	m.unanchored = m.Article != nil && !hasAnchor(m.Article.anchors, m.Start)
}

func sitemap(u URLs, paths []string) []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range paths {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(u.Abs(p)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// body is the template function that shows an article's rendered
// Body: markup made by goldmark, raw HTML off unless the site opts in.
// It takes the []byte that Body was before, and nothing else: a string
// given by mistake must not become markup.
func body(b any) (template.HTML, error) {
	switch b := b.(type) {
	case template.HTML:
		return b, nil
	case []byte:
		return template.HTML(b), nil
	}
	return "", fmt.Errorf("body: want an article's .Body, got %T", b)
}

// funcs are the functions templates can call.
func funcs(u URLs) template.FuncMap {
	return template.FuncMap{
		"url":       u.Path,
		"abs":       u.Abs,
		"flagLabel": flagLabel,
		"reports":   reportCount,
		"body":      body,
		"join":      strings.Join,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}
}
