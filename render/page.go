package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/text"
)

// Site is a chronology ready to be rendered one file at a time: what
// `timeline serve` keeps after each build instead of writing every page,
// so that an edit costs only the pages a browser then asks for. File
// returns, for each name, the bytes WriteTo writes under that name.
//
// A page needs only part of what WriteTo works out before the pages
// (each article's body, byline and evidence cells; each event's item in
// the report lists): with the default theme a Site works out the part
// the requested page shows. A site theme may show anything on any page,
// so with one the first page works all of it out, as WriteTo does.
//
// A Site is safe for concurrent use; requests are rendered one at a time.
type Site struct {
	c      *timeline.Chronology
	u      URLs
	r      *run
	full   bool            // a site theme: prepare all before the first page
	pages  map[string]page // by file name
	static map[string][]byte
	names  []string // every file of the site, sorted
	cache  *Cache
	// sitemap is the pages in the order WriteTo lists them in
	// sitemap.xml, which File makes when asked for it.
	sitemap []page

	mu        sync.Mutex
	out       map[string][]byte // files already rendered
	hrefsDone bool              // every body rendered, every phrase link set
	bodyDone  map[*articleView]bool
	ready     map[*articleView]bool
	itemDone  map[*eventView]bool
	cellsDone map[*eventView]bool
	allDone   bool
	cardsDone bool // every event's Card made
}

// renderedBody is an article body rendered for a list of highlights.
type renderedBody struct {
	// src and from are the article's Body and HTML it was rendered from.
	src     []byte
	from    *text.HTML
	hls     []highlight // as given to renderBody, before it sorts them
	unsafe  bool
	html    template.HTML
	anchors []int
}

// NewSite prepares c to be rendered file by file with the options
// WriteTo takes (opts.Dest is not used). cache, if not nil, keeps what
// the Sites of successive builds of one site work out (see Cache). It
// fails when WriteTo would fail before writing: a bad baseURL or theme.
func NewSite(c *timeline.Chronology, opts Options, cache *Cache) (*Site, error) {
	u, theme, tmpls, err := cache.setup(c, opts)
	if err != nil {
		return nil, err
	}
	var sv *siteView
	reuse := false
	if cache == nil {
		cache = &Cache{}
		sv = newSite(c, u, nil)
	} else {
		cache.mu.Lock()
		sv = newSite(c, u, cache)
		cache.mu.Unlock()
		// The default theme's card shows nothing but its event (see
		// run.cards); a site theme's may show anything.
		reuse = c.Config.Theme == ""
	}
	s := &Site{c: c, u: u, r: &run{tmpls: tmpls, theme: theme, site: sv, reuseCards: reuse}, full: c.Config.Theme != "",
		pages: map[string]page{}, cache: cache,
		out: map[string][]byte{}, bodyDone: map[*articleView]bool{}, ready: map[*articleView]bool{}, itemDone: map[*eventView]bool{}, cellsDone: map[*eventView]bool{}}
	s.r.useGo()
	pages := sitePages(sv)
	for _, p := range pages {
		s.pages[p.pageFile()] = p
		s.names = append(s.names, p.pageFile())
	}
	names, static := theme.Static()
	s.static = map[string][]byte{}
	for _, n := range names {
		s.static["assets/"+n] = static[n]
		s.names = append(s.names, "assets/"+n)
	}
	for _, f := range Formats {
		s.names = append(s.names, f.File)
	}
	// made when asked for (see File): a browser seldom asks for them
	s.sitemap = pages
	s.names = append(s.names, "sitemap.xml", "robots.txt")
	sort.Strings(s.names)
	return s, nil
}

// Names returns the name of every file of the site, sorted: the files
// WriteTo writes.
func (s *Site) Names() []string { return slices.Clone(s.names) }

// Has reports whether name is a file of the site.
func (s *Site) Has(name string) bool {
	_, ok := slices.BinarySearch(s.names, name)
	return ok
}

// Pages is the number of HTML pages of the site.
func (s *Site) Pages() int { return len(s.pages) }

// File returns the file name of the site (slash-separated, relative to
// the site root, as in Names), rendering it if it was not yet. A name
// that is not a file of the site gives an error wrapping fs.ErrNotExist.
// The bytes returned must not be changed.
func (s *Site) File(name string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.out[name]; ok {
		return b, nil
	}
	if b, ok := s.static[name]; ok {
		return b, nil
	}
	var b []byte
	var err error
	if p, ok := s.pages[name]; ok {
		b, err = s.page(p)
	} else if name == "sitemap.xml" {
		b = sitemap(s.u, sitemapPaths(s.sitemap))
	} else if name == "robots.txt" {
		b = robotsTxt(s.u)
	} else if f, ok := s.format(name); ok {
		b, err = f.encode(s.c, s.u)
		if err != nil {
			err = fmt.Errorf("%s: %w", f.File, err)
		}
	} else {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	if err != nil {
		return nil, err
	}
	s.out[name] = b
	return b, nil
}

func (s *Site) format(name string) (Format, bool) {
	for _, f := range Formats {
		if f.File == name {
			return f, true
		}
	}
	return Format{}, false
}

// page renders one page, after working out what it shows.
func (s *Site) page(p page) ([]byte, error) {
	if err := s.prepare(p); err != nil {
		return nil, err
	}
	buf, err := s.r.execute(p)
	if err != nil {
		return nil, err
	}
	defer pageBuffers.Put(buf)
	return bytes.Clone(buf.Bytes()), nil
}

// prepare works out what page p shows, in the order WriteTo does: for a
// report page, its body and the items of its events; for any other,
// every article body (which says which phrase anchors exist) and the
// links to them, then, for an event page, the bylines and cells of its
// evidence. With a site theme, all of it for every page.
func (s *Site) prepare(p page) error {
	if !s.full && p.Article != nil {
		// A report page shows its own body, and the items of its
		// events; no other body, and no phrase link.
		if err := s.renderBodies([]*articleView{p.Article}); err != nil {
			return err
		}
		return s.items(p.Article.Events)
	}
	if err := s.hrefs(); err != nil {
		return err
	}
	if s.full {
		if s.allDone {
			return nil
		}
		for _, a := range s.r.site.Articles {
			if err := s.article(a); err != nil {
				return err
			}
		}
		for _, ev := range s.r.site.Events {
			if err := s.evidence(ev); err != nil {
				return err
			}
		}
		if err := s.items(s.r.site.Events); err != nil {
			return err
		}
		if err := s.cards(); err != nil {
			return err
		}
		s.allDone = true
		return nil
	}
	if p.Event != nil {
		return s.evidence(p.Event)
	}
	if p.Kind == "index" {
		return s.cards()
	}
	return nil
}

// cards makes the Card of every event, once (see run.cards).
func (s *Site) cards() error {
	if s.cardsDone {
		return nil
	}
	if err := s.r.cards(s.r.site.Events); err != nil {
		return err
	}
	s.cardsDone = true
	return nil
}

// hrefs renders every article body, reusing those in s.cache, and then
// links each phrase of an event to its anchor, where the body has one.
func (s *Site) hrefs() error {
	if s.hrefsDone {
		return nil
	}
	arts := s.r.site.Articles
	if err := s.renderBodies(arts); err != nil {
		return err
	}
	// Keep only this site's bodies, so the cache stays its size.
	s.cache.mu.Lock()
	files := make(map[string]bool, len(arts))
	for _, a := range arts {
		files[a.File] = true
	}
	maps.DeleteFunc(s.cache.bodies, func(f string, _ *renderedBody) bool { return !files[f] })
	s.cache.mu.Unlock()
	s.r.site.link()
	s.hrefsDone = true
	return nil
}

// renderBodies sets the body, and the anchors it holds, of each of arts
// not yet set: the body kept in s.cache when it was rendered from the
// same text with the same highlights, else rendered now (on every core).
func (s *Site) renderBodies(arts []*articleView) error {
	unsafe := s.c.Config.Markup.Unsafe
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.bodies == nil {
		s.cache.bodies = map[string]*renderedBody{}
	}
	var todo []*articleView
	var made []*renderedBody
	for _, a := range arts {
		if s.bodyDone[a] {
			continue
		}
		if o := s.cache.bodies[a.File]; o != nil && o.unsafe == unsafe && bytes.Equal(o.src, a.Article.Body) && o.from == a.Article.HTML && a.highlightsAre(o.hls) {
			a.Body, a.anchors = o.html, o.anchors
			s.bodyDone[a] = true
			continue
		}
		todo = append(todo, a)
		made = append(made, &renderedBody{src: a.Article.Body, from: a.Article.HTML, hls: a.highlights(), unsafe: unsafe})
	}
	err := ordered(len(todo), func(k int) (struct{}, error) {
		rb := made[k]
		var err error
		rb.html, rb.anchors, err = renderBody(todo[k].Article, slices.Clone(rb.hls), unsafe)
		if err != nil {
			return struct{}{}, fmt.Errorf("%s: %w", todo[k].File, err)
		}
		return struct{}{}, nil
	}, func(int, struct{}) error { return nil })
	if err != nil {
		return err
	}
	for k, a := range todo {
		s.cache.bodies[a.File] = made[k]
		a.Body, a.anchors = made[k].html, made[k].anchors
		s.bodyDone[a] = true
	}
	return nil
}

// article makes a's byline and the cells of its phrases, once.
func (s *Site) article(a *articleView) error {
	if s.ready[a] {
		return nil
	}
	if err := s.r.byline(a); err != nil {
		return err
	}
	if err := s.r.cells(a.Mentions); err != nil {
		return err
	}
	s.ready[a] = true
	return nil
}

// evidence makes what ev's evidence rows show: the byline and cells of
// each reporting article, and the cells of mentions of no known article.
func (s *Site) evidence(ev *eventView) error {
	if s.cellsDone[ev] {
		return nil
	}
	var orphans []*mentionView
	for _, m := range ev.Mentions {
		if m.Article == nil {
			orphans = append(orphans, m)
		} else if err := s.article(m.Article); err != nil {
			return err
		}
	}
	if err := s.r.cells(orphans); err != nil {
		return err
	}
	s.cellsDone[ev] = true
	return nil
}

// items makes the Item of each of events not made yet.
func (s *Site) items(events []*eventView) error {
	var todo []*eventView
	for _, ev := range events {
		if !s.itemDone[ev] {
			todo = append(todo, ev)
			s.itemDone[ev] = true
		}
	}
	return s.r.items(todo)
}

// link sets the links of the site's phrases to their anchors, once
// every article body is rendered: a phrase links to its anchor only
// where its body rendering wrote one. WriteTo and Site both do it
// there, so their pages stay the same. It returns the event mentions
// of no known article.
func (s *siteView) link() (orphans []*mentionView) {
	for _, ev := range s.Events {
		for _, m := range ev.Mentions {
			if m.Article == nil {
				orphans = append(orphans, m)
			}
			fixHref(m)
		}
	}
	return orphans
}

// highlights are the phrases of a's body to mark: its phrases placed on
// the calendar, linked to their events, and those not placed.
func (a *articleView) highlights() []highlight {
	hls := make([]highlight, 0, len(a.Mentions)+len(a.Unplaced))
	for _, m := range a.Mentions {
		t := placedTitle(m)
		hls = append(hls, highlight{Start: m.Start, End: m.End, ID: mentionID(m.Start), Href: m.Event.URL, Title: t[0] + t[1] + t[2] + t[3]})
	}
	for _, m := range a.Unplaced {
		t := unplacedTitle(m)
		hls = append(hls, highlight{Start: m.Start, End: m.End, ID: mentionID(m.Start), Title: t[0] + t[1]})
	}
	return hls
}

// placedTitle and unplacedTitle are the pieces of the title of a
// phrase's mark, placed on the calendar or not: what it was read as.
func placedTitle(m *mentionView) [4]string { return [4]string{m.Display, " (", m.Rule, ")"} }
func unplacedTitle(m *mentionView) [2]string {
	return [2]string{"not placed on the calendar: ", m.Value}
}

// highlightsAre reports whether hls are a.highlights(), without making
// them: serve compares every article's highlights with those its kept
// body was rendered with each time the index page is asked for.
func (a *articleView) highlightsAre(hls []highlight) bool {
	if len(hls) != len(a.Mentions)+len(a.Unplaced) {
		return false
	}
	for k, m := range a.Mentions {
		h, t := &hls[k], placedTitle(m)
		if h.Start != m.Start || h.End != m.End || h.Href != m.Event.URL || !isJoin(h.Title, t[:]) {
			return false
		}
	}
	for k, m := range a.Unplaced {
		h, t := &hls[len(a.Mentions)+k], unplacedTitle(m)
		if h.Start != m.Start || h.End != m.End || h.Href != "" || !isJoin(h.Title, t[:]) {
			return false
		}
	}
	return true
}

// isJoin reports whether s is the pieces joined, without joining them.
func isJoin(s string, pieces []string) bool {
	for _, p := range pieces {
		if !strings.HasPrefix(s, p) {
			return false
		}
		s = s[len(p):]
	}
	return s == ""
}

// sitePages lists the pages of a site, in the order WriteTo lists them.
func sitePages(s *siteView) []page {
	pages := make([]page, 0, len(s.Events)+len(s.Articles)+5)
	pages = append(pages,
		page{Kind: "index", Path: ""},
		page{Kind: "sources", Path: "sources/", Title: "Sources"},
		page{Kind: "checks", Path: "checks/", Title: "Checks"},
		page{Kind: "about", Path: "about/", Title: "How dates are resolved"})
	for _, ev := range s.Events {
		pages = append(pages, page{Kind: "event", Path: ev.Path, Title: ev.Display + ": " + ev.Title, Event: ev})
	}
	for _, a := range s.Articles {
		pages = append(pages, page{Kind: "article", Path: a.Path, Title: a.Title, Article: a})
	}
	return append(pages, page{Kind: "404", File: "404.html", Title: "Page not found", NoIndex: true})
}

// sitemapPaths are the paths of the pages the sitemap lists.
func sitemapPaths(pages []page) []string {
	var listed []string
	for _, p := range pages {
		if p.File == "" && !p.NoIndex {
			listed = append(listed, p.Path)
		}
	}
	return listed
}

// robotsTxt is the site's robots.txt.
func robotsTxt(u URLs) []byte {
	robots := "User-agent: *\nAllow: /\n"
	if u.Origin != "" {
		robots += "Sitemap: " + u.Abs("sitemap.xml") + "\n"
	}
	return []byte(robots)
}
