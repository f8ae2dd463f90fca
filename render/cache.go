package render

import (
	"bytes"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"sync"

	"github.com/timeline-news/timeline/timeline"
)

// Cache keeps what the Sites of successive builds of one site worked
// out, so that the next NewSite and its pages redo only what changed:
// the views of each article and each event, the names of each event,
// and the rendered article bodies. `timeline serve` keeps one for the
// life of the server. The zero Cache is ready to use; it is safe for
// concurrent use (a Site may still render pages while the next is made).
//
// What is kept is reused only for the same input, so a Site made
// through a Cache gives the same bytes as one made without:
//
//   - an article's view, for the same *timeline.Article: a Chronology is
//     never changed once built, and timeline.Incremental hands an
//     unchanged file's article on as the same pointer (a changed one is
//     a new Article);
//   - an event's view and its mentions', for an event equal to the one
//     they were made from, field by field (see sameEvent), whose
//     mentions and sources name the same articles: events are made
//     again by every merge, so they are compared by content;
//   - a body, for the same text, highlights and markup setting;
//   - anything of the whole site (the names offered in the filter, the
//     counts, the lists) is made again, or kept only where what it is
//     made from is equal (see nameIndex).
//
// Everything depends on the site's URLs as well: a Cache given other
// URLs (another baseURL) starts afresh.
type Cache struct {
	mu     sync.Mutex
	bodies map[string]*renderedBody // by article file

	urls     URLs
	build    uint64                             // counts the NewSites made through it
	articles map[*timeline.Article]*articleView // views without their lists
	events   map[string]*eventEntry             // by event id
	unplaced map[string]*unplacedEntry          // by article id
	shown    displays                           // dates.Display by value and modifier
	names    nameIndex

	// the templates last parsed, from theme files files with URLs
	// tmplURLs (the template functions make links with them)
	tmpls    map[string]*template.Template
	files    map[string][]byte
	tmplURLs URLs
}

// setup is the setup of WriteTo, reusing the templates the last call
// parsed when the theme's files and the URLs are the same (parsing the
// theme is a few milliseconds of every serve rebuild). A nil Cache
// parses them.
func (c *Cache) setup(chron *timeline.Chronology, opts Options) (URLs, *Theme, map[string]*template.Template, error) {
	if c == nil {
		return setup(chron, opts)
	}
	u, theme, err := setupTheme(chron, opts)
	if err != nil {
		return URLs{}, nil, nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tmpls != nil && c.tmplURLs == u && maps.EqualFunc(c.files, theme.files, bytes.Equal) {
		return u, theme, c.tmpls, nil
	}
	tmpls, err := theme.templates(funcs(u))
	if err != nil {
		return URLs{}, nil, nil, err
	}
	c.tmpls, c.files, c.tmplURLs = tmpls, theme.files, u
	return u, theme, tmpls, nil
}

// reset forgets the views, which were made for other URLs.
func (c *Cache) reset(u URLs) {
	c.urls = u
	c.articles = map[*timeline.Article]*articleView{}
	c.events = map[string]*eventEntry{}
	c.unplaced = map[string]*unplacedEntry{}
	c.shown = displays{}
	c.names = nameIndex{}
}

// eventEntry is what the view of one event is made from, beside the
// other views of the build: the event view's own fields and those of its
// mentions, worked out from the event and the articles it names.
type eventEntry struct {
	e *timeline.Event // the event the entry was made from
	// arts are the articles of e.Mentions, reps of e.Sources (nil for
	// an id of no article), when the entry was made.
	arts, reps []*timeline.Article
	// view and mentions are the views with the fields of one build
	// left empty: Event, Mentions, Reporters, Conflicts and Names of
	// the event; Article and Event of each mention.
	view     eventView
	mentions []mentionView
	names    entryNames
	build    uint64 // the last build that used the entry
	// card is the event's card as last made from the entry (see
	// run.cards): made again only when what the card shows beyond the
	// entry changed.
	card madeCard
}

// madeCard is an event's card (partials/event-card.html of the default
// theme) and what it showed that an event entry does not fix: the
// event's names (which depend on the other events of the site) and the
// link of each phrase (which depends on its article's rendered body).
// The template set it was made with is kept too: a new set (other URLs)
// makes every card again.
type madeCard struct {
	mu    sync.Mutex
	tmpl  *template.Template
	names []string
	hrefs []string
	html  template.HTML
}

// get returns the card made for ev from its entry, if what it showed is
// what ev shows with t.
func (c *madeCard) get(t *template.Template, ev *eventView) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tmpl != t || c.html == "" || !slices.Equal(c.names, ev.Names) || len(c.hrefs) != len(ev.Mentions) {
		return "", false
	}
	for k, m := range ev.Mentions {
		if !m.hrefIs(c.hrefs[k]) {
			return "", false
		}
	}
	return c.html, true
}

// put keeps h, made for ev with t.
func (c *madeCard) put(t *template.Template, ev *eventView, h template.HTML) {
	hrefs := make([]string, len(ev.Mentions))
	for k, m := range ev.Mentions {
		hrefs[k] = m.ArticleHref()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tmpl, c.names, c.hrefs, c.html = t, slices.Clone(ev.Names), hrefs, h
}

// unplacedEntry is the views of one article's run of unplaced mentions.
type unplacedEntry struct {
	art      *timeline.Article
	ms       []timeline.Mention
	mentions []mentionView // Article left empty
	build    uint64
}

// sameEvent reports whether two events are equal in every field the
// views read, which is every field but Significance (Key says what a
// page shows of it).
func sameEvent(a, b *timeline.Event) bool {
	if a == b {
		return true
	}
	return a.ID == b.ID && a.Date == b.Date && a.Mod == b.Mod && a.Precision == b.Precision &&
		a.Title == b.Title && a.Independent == b.Independent && a.Key == b.Key &&
		a.FirstReported == b.FirstReported && a.LastReported == b.LastReported &&
		a.Announced == b.Announced && a.Manual == b.Manual && a.Note == b.Note && a.Link == b.Link &&
		slices.Equal(a.Mentions, b.Mentions) && slices.Equal(a.Sources, b.Sources) &&
		slices.Equal(a.Flags, b.Flags) &&
		slices.EqualFunc(a.Conflicts, b.Conflicts, func(x, y timeline.Conflict) bool {
			return x.Value == y.Value && x.Moved == y.Moved && slices.Equal(x.Mentions, y.Mentions)
		})
}

// eventKey is the key of the k-th event of a build with the id: ids are
// unique, but a key must be, whatever the merge gives.
func eventKey(id string, k int) string {
	if k == 0 {
		return id
	}
	return id + "\x00" + strconv.Itoa(k)
}
