package render

import (
	"cmp"
	"html/template"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/dates"
)

// The view types are what templates see: the chronology's values with
// everything a page shows worked out (display dates, URLs, the split
// of each sentence around its phrase), so templates stay simple.

// Fields repeated from an embedded value (Title, Source, Value, ...) are
// copies of it: text/template finds a struct's own fields with a quick
// scan, but a promoted field only through reflect's slow, allocating
// search of the embedded structs, once per use on every page. The
// embedded values stay, so a theme can still use any other field.

// siteView is shared by every page.
type siteView struct {
	Title, Description, Lang string
	URLs                     URLs
	Articles                 []*articleView
	Events                   []*eventView
	Years                    []*yearView
	Sources                  []sourceOption
	Names                    []string
	Findings                 []findingView
	// FindingGroups are the findings by kind, as the checks page lists them.
	FindingGroups []findingGroup
	// Unplaced are phrases not placed on the calendar whose article is
	// unknown; UnplacedArticles the articles with such phrases (each
	// article page lists its own).
	Unplaced         []*mentionView
	UnplacedArticles []*articleView
	Warnings         []string
	// Counts for the summary line.
	Conflicts, Key, Inferred int
	// Span is the chronology's first and last date, for display.
	First, Last string
}

// yearView groups the chronology by year, then month, for the date rail.
type yearView struct {
	Year   string
	ID     string
	Events []*eventView // year-or-coarser precision, shown before the months
	Months []*monthView
	Count  int
}

type monthView struct {
	ID, Name string // "y2025-08", "August 2025"
	Events   []*eventView
}

type sourceOption struct{ Value, Label string }

type articleView struct {
	*timeline.Article
	// Copies of Article fields (see above).
	ID, File, Title, Source string
	PublishedInferred       bool
	Inference               []string

	URL          string
	Path         string // site path of its page
	Published    string // display, "" when unknown
	PublishedISO string
	SourceKey    string
	Window       string // "Fri 8 Aug – Sun 10 Aug 2025" when inferred
	Mentions     []*mentionView
	Events       []*eventView
	// Unplaced are the article's phrases not placed on the calendar;
	// UnplacedSample up to three of their distinct phrases, for the
	// checks page.
	Unplaced       []*mentionView
	UnplacedSample []string
	// Body is the article's Markdown rendered, with its phrases marked
	// (see renderBody); themes show it with {{body .Body}}.
	Body template.HTML
	// Byline is partials/byline.html executed for this article: the
	// first cell of every evidence row it has a mention in, made once.
	Byline template.HTML
	// anchors are the Start of each phrase whose id (mentionID) the
	// body rendering actually wrote, sorted.
	anchors []int
	// hrefEsc is URL escaped for an href attribute; fragEsc is true
	// when URL with a phrase's fragment ("#m12") escapes as hrefEsc
	// and the fragment (see escapeHrefs).
	hrefEsc string
	fragEsc bool
}

// escapeHrefs sets hrefEsc and fragEsc from URL.
func (a *articleView) escapeHrefs() {
	a.hrefEsc = escapeHref(a.URL)
	a.fragEsc = escapeHref(a.URL+"#m0") == a.hrefEsc+"#m0"
}

type eventView struct {
	*timeline.Event
	// Copies of Event fields (see above).
	ID, Title, Date, Mod, Precision, Note, Link string
	Independent                                 int

	Path, URL, Anchor string
	Display, DateTime string
	Reports           int
	// ReportCount says Reports and Independent: "3 reports, 2 independent".
	ReportCount string
	Flags       []string
	Mentions    []*mentionView
	// Reporters are the articles of Event.Sources, in that order; an id
	// with no article gives a nil entry. Templates range over it instead
	// of searching Site.Articles for each id.
	Reporters []*articleView
	// Item is partials/event-item.html executed for this event, once:
	// the event in the list of every report that dates it.
	Item template.HTML
	// Card is partials/event-card.html executed for this event: the
	// event in the chronology of the index page. The cards are made on
	// every core before the index page (see run.cards).
	Card template.HTML
	// entry is the Cache's entry the view was made from (nil without a
	// Cache): it keeps the card made for it (see run.cards).
	entry *eventEntry
	// ShownReports is how many reports the evidence table shows in full
	// (at most evidenceReports); MoreReports how many more there are,
	// listed by MoreEvidence. Mentions[:shown] are the table's rows.
	ShownReports, MoreReports int
	shown                     int
	Conflicts                 []conflictView
	Names                     []string
	SourceKeys                []string
	First, Last               string
	AnnouncedFor              string
	Year, Month               string
}

// evidenceReports is how many reports an event page's evidence table
// shows in full, every mention a row with its sentence. The big events
// of a large site are reported hundreds of times, mostly by wire copies
// of the same sentences: a page with every row weighed 600 KB. The
// reports after these are listed compactly (MoreEvidence), every phrase
// linked to its sentence highlighted in the report's page, where its
// date and rule are shown, so every mention stays one click away.
const evidenceReports = 20

// splitEvidence sets ShownReports, MoreReports and shown.
func (e *eventView) splitEvidence() {
	e.shown, e.ShownReports, e.MoreReports = splitReports(e.Mentions, evidenceReports)
}

// splitReports splits mentions, which come in article then text order
// (a report's mentions are consecutive), after the mentions of the
// first n reports: shown is how many mentions those are, more the
// number of reports after them.
func splitReports(ms []*mentionView, n int) (shown, reports, more int) {
	shown = len(ms)
	for i, m := range ms {
		if i > 0 && m.Mention.Article == ms[i-1].Mention.Article {
			continue
		}
		reports++
		if reports == n+1 {
			shown = i
		}
	}
	return shown, min(reports, n), max(reports-n, 0)
}

// Evidence is the rows of the event page's evidence table, one per
// mention of the first ShownReports reports: byline, quote, dated and
// how cells, each made once before the pages (see run.cells and
// run.byline). It is the same markup as ranging over those Mentions in
// the template, made without a template action per cell: a
// 10,000-article site has 300,000 mentions. It is made when the page
// asks, so only the pages being rendered hold theirs.
func (e *eventView) Evidence() template.HTML {
	n := 0
	for _, m := range e.Mentions[:e.shown] {
		n += len(m.Mention.Sentence) + len(m.Dated) + len(m.How) + 192
		if m.Article != nil {
			n += len(m.Article.Byline)
		}
	}
	var b strings.Builder
	b.Grow(n)
	e.writeEvidence(&b)
	return template.HTML(b.String())
}

// writeEvidence writes Evidence to b.
func (e *eventView) writeEvidence(b stringWriter) {
	for _, m := range e.Mentions[:e.shown] {
		b.WriteString("\n      <tr>\n        <td>")
		if m.Article != nil {
			b.WriteString(string(m.Article.Byline))
		} else {
			escapeText(b, m.Mention.Article)
		}
		b.WriteString("</td>\n        <td><blockquote><p>")
		m.writeQuote(b)
		b.WriteString("</p></blockquote></td>\n        <td>")
		b.WriteString(string(m.Dated))
		b.WriteString("</td>\n        <td>")
		b.WriteString(string(m.How))
		b.WriteString("</td>\n      </tr>")
	}
}

// EventItems is the Item of each of Events, one after the other: the
// markup of ranging over Events for {{.Item}}, made without an action
// per event (a report of a big site dates dozens).
func (a *articleView) EventItems() template.HTML {
	n := 0
	for _, ev := range a.Events {
		n += len(ev.Item)
	}
	var b strings.Builder
	b.Grow(n)
	for _, ev := range a.Events {
		b.WriteString(string(ev.Item))
	}
	return template.HTML(b.String())
}

// UnplacedItems lists Unplaced, an item each: the phrase linked to it
// in the body (ArticleHref) and its value. It is the markup of ranging
// over Unplaced for those three actions, made without them (see
// quote.go for the escaping).
func (a *articleView) UnplacedItems() template.HTML {
	var b strings.Builder
	a.writeUnplacedItems(&b)
	return template.HTML(b.String())
}

// writeUnplacedItems writes UnplacedItems to b.
func (a *articleView) writeUnplacedItems(b stringWriter) {
	for _, m := range a.Unplaced {
		b.WriteString(`<li>‘<a href="`)
		m.writeHref(b)
		b.WriteString(`">`)
		escapeText(b, m.Phrase())
		b.WriteString(`</a>’ <code>`)
		escapeText(b, m.Value)
		b.WriteString(`</code></li>`)
	}
}

// FirstMentions returns the first n of Mentions, all of them when there
// are fewer: the index's card shows three, and ranging over them costs
// three steps, where ranging over all of a much-reported event's
// mentions to skip the rest costs hundreds.
func (e *eventView) FirstMentions(n int) []*mentionView {
	return e.Mentions[:max(0, min(n, len(e.Mentions)))]
}

// MoreEvidence lists the reports after the first ShownReports (see
// compactReports). Empty when every report is in the evidence table.
func (e *eventView) MoreEvidence() template.HTML { return compactReports(e.Mentions[e.shown:]) }

// writeMoreEvidence writes MoreEvidence to b.
func (e *eventView) writeMoreEvidence(b stringWriter) { writeCompactReports(b, e.Mentions[e.shown:]) }

// compactReports lists the reports of mentions, one item each: the
// report, linked, its publication date, and each of its phrases linked
// to the phrase highlighted in the report's page (the mark there gives
// the date and the rule).
func compactReports(ms []*mentionView) template.HTML {
	var b strings.Builder
	b.Grow(len(ms) * 120)
	writeCompactReports(&b, ms)
	return template.HTML(b.String())
}

// writeCompactReports writes compactReports(ms) to b.
func writeCompactReports(b stringWriter, ms []*mentionView) {
	for i, m := range ms {
		if i == 0 || m.Mention.Article != ms[i-1].Mention.Article {
			if i > 0 {
				b.WriteString("</li>")
			}
			b.WriteString("\n      <li>")
			if a := m.Article; a != nil {
				b.WriteString(`<a href="`)
				b.WriteString(a.hrefEsc)
				b.WriteString(`">`)
				escapeText(b, sourceLabel(a.Article))
				b.WriteString(`</a>, `)
				if a.Published != "" {
					escapeText(b, a.Published)
				} else {
					b.WriteString("date unknown")
				}
			} else {
				escapeText(b, m.Mention.Article)
			}
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(`‘<a href="`)
		m.writeHref(b)
		b.WriteString(`">`)
		escapeText(b, m.Phrase())
		b.WriteString(`</a>’`)
	}
	if len(ms) > 0 {
		b.WriteString("</li>")
	}
}

// ReporterLinks is the event page's "Reported by" list: each of
// Reporters linked and named by its source (its title when it has
// none), comma-separated, a report of no known article left out but for
// its comma. It is what ranging over Reporters in the template makes,
// made in Go: a big event has hundreds of reports.
func (e *eventView) ReporterLinks() template.HTML {
	var b strings.Builder
	e.writeReporterLinks(&b)
	return template.HTML(b.String())
}

// writeReporterLinks writes ReporterLinks to b.
func (e *eventView) writeReporterLinks(b stringWriter) {
	for i, a := range e.Reporters {
		if i > 0 {
			b.WriteString(", ")
		}
		if a == nil {
			continue
		}
		b.WriteString(`<a href="`)
		b.WriteString(a.hrefEsc)
		b.WriteString(`">`)
		escapeText(b, sourceLabel(a.Article))
		b.WriteString(`</a>`)
	}
}

// Quote is the sentence, escaped, with the phrase marked and linked to
// ArticleHref: what Before, Phrase and After make in the evidence table
// (see quote.go). It is made when a page asks for it rather than kept
// for every mention while the site renders.
func (m *mentionView) Quote() template.HTML {
	var b strings.Builder
	b.Grow(len(m.Mention.Sentence) + 64)
	m.writeQuote(&b)
	return template.HTML(b.String())
}

// writeQuote writes Quote to b: Before, then Phrase marked and linked to
// ArticleHref, then After, each escaped as html/template escapes text
// and href attributes.
func (m *mentionView) writeQuote(b stringWriter) {
	before, phrase, after := m.split()
	escapeText(b, before)
	if phrase != "" {
		b.WriteString(`<mark><a href="`)
		m.writeHref(b)
		b.WriteString(`">`)
		escapeText(b, phrase)
		b.WriteString(`</a></mark>`)
	}
	escapeText(b, after)
}

// split is the mention's sentence around its phrase: the part before,
// the phrase and the part after; the whole sentence before when the
// phrase's offsets are not within it. Before, Phrase and After are
// made when asked for, not kept for each of a site's mentions.
func (m *mentionView) split() (before, phrase, after string) {
	s := m.Mention.Sentence
	a0, b0 := m.Start-m.SentenceStart, m.End-m.SentenceStart
	if a0 >= 0 && b0 <= len(s) && a0 <= b0 {
		return s[:a0], s[a0:b0], s[b0:]
	}
	return s, "", ""
}

// Before is the sentence before the phrase (see split).
func (m *mentionView) Before() string { b, _, _ := m.split(); return b }

// Phrase is the phrase as the sentence has it, "" when its offsets are
// not within the sentence (see split).
func (m *mentionView) Phrase() string { _, p, _ := m.split(); return p }

// After is the sentence after the phrase (see split).
func (m *mentionView) After() string { _, _, a := m.split(); return a }

// ArticleHref links to the phrase in its article's page: to its mark,
// or to the page when the body has none for it (see link); "" for a
// phrase of no known article. It is made when asked for, not kept for
// each of a site's mentions.
func (m *mentionView) ArticleHref() string {
	switch {
	case m.Article == nil:
		return ""
	case m.unanchored:
		return m.Article.URL
	}
	return m.Article.URL + "#" + mentionID(m.Start)
}

// writeHref writes ArticleHref escaped for an href attribute: the
// article's URL escaped once (escapeHrefs), then the fragment, which
// escaping leaves as it is.
func (m *mentionView) writeHref(b stringWriter) {
	a := m.Article
	if a == nil || !a.fragEsc {
		b.WriteString(escapeHref(m.ArticleHref()))
		return
	}
	b.WriteString(a.hrefEsc)
	if !m.unanchored {
		var frag [24]byte
		writeBytes(b, strconv.AppendInt(append(frag[:0], "#m"...), int64(m.Start), 10))
	}
}

// hrefIs reports whether ArticleHref is href, without making it.
func (m *mentionView) hrefIs(href string) bool {
	switch {
	case m.Article == nil:
		return href == ""
	case m.unanchored:
		return href == m.Article.URL
	}
	frag, ok := strings.CutPrefix(href, m.Article.URL+"#m")
	return ok && frag == strconv.Itoa(m.Start)
}

// conflictReports is how many reports each side of a conflict shows in
// full (partials/mention.html); the others are listed compactly, as on
// the evidence table (see evidenceReports).
const conflictReports = 5

type conflictView struct {
	Value, Display string
	Moved          bool
	// Mentions are all the mentions that give Value; Shown those of the
	// first conflictReports reports, which the event page shows in full.
	// MoreReports counts the other reports, listed by More.
	Mentions, Shown []*mentionView
	MoreReports     int
}

// More lists the reports of the conflict after its first
// conflictReports (see compactReports).
func (c conflictView) More() template.HTML { return compactReports(c.Mentions[len(c.Shown):]) }

// writeMore writes More to b.
func (c conflictView) writeMore(b stringWriter) { writeCompactReports(b, c.Mentions[len(c.Shown):]) }

type mentionView struct {
	// The mention, in its event's (or the chronology's unplaced)
	// slice, which no one changes: a pointer, as a site has hundreds of
	// thousands of mention views and serve copies them on every build.
	// Its fields (Sentence, Value, Rule, ...) are not copied, unlike
	// those of the other views (see above): a 10,000-article site has
	// 350,000 mention views, which the copies made 40 MB larger, and
	// templates read them only for the few mentions of conflicts.
	*timeline.Mention

	Article                *articleView
	Event                  *eventView
	Display, AnchorDisplay string
	// Dated is partials/dated.html executed for the mention's datedView:
	// the third cell of its evidence row (see write.go).
	Dated template.HTML
	// How is partials/how.html executed for the mention's howView: the
	// last cell of its evidence row (see write.go).
	How template.HTML
	// unanchored is set (by link) when the article's body has no mark
	// for the phrase: ArticleHref is then the article's page.
	unanchored bool
}

// howView is what partials/how.html gets: only the fields it may show,
// so that the markup made for one mention is right for every mention
// of its article with the same values.
type howView struct {
	Anchor, AnchorDisplay string
	AnchorInferred        bool
	Rule, Tense, Note     string
}

// datedView is what partials/dated.html gets (see howView).
type datedView struct{ Value, Display string }

func (m *mentionView) dated() datedView { return datedView{m.Value, m.Display} }

func (m *mentionView) how() howView {
	return howView{Anchor: m.Anchor, AnchorDisplay: m.AnchorDisplay, AnchorInferred: m.AnchorInferred,
		Rule: m.Rule, Tense: m.Tense, Note: m.Note}
}

type findingView struct {
	timeline.Finding
	// Copies of Finding fields (see above).
	Kind, Message string

	Event   *eventView
	Article *articleView
}

// findingGroup is the findings of one kind. Items holds at most
// findingsListed of them; More counts the rest.
type findingGroup struct {
	Kind  string
	Count int
	Items []findingView
	More  int
}

// findingsListed is how many findings of a kind the checks page lists.
// A 10,000-article site has tens of thousands (one per clock time whose
// day was assumed, one per vague duration): a page listing them all
// weighed 70 MB. `timeline check` and timeline.json give every one.
const findingsListed = 300

// groupFindings groups findings by kind, kinds in the order they first
// appear, findings in their order.
func groupFindings(fs []findingView) []findingGroup {
	var groups []findingGroup
	at := map[string]int{}
	for _, f := range fs {
		i, ok := at[f.Kind]
		if !ok {
			i = len(groups)
			at[f.Kind] = i
			groups = append(groups, findingGroup{Kind: f.Kind})
		}
		g := &groups[i]
		g.Count++
		if len(g.Items) < findingsListed {
			g.Items = append(g.Items, f)
		} else {
			g.More++
		}
	}
	return groups
}

// flagOrder is the order flags are shown in.
var flagOrder = []string{"key", "conflict", "moved", "inferred-date", "single-source", "manual"}

// newSite works out the views of a chronology. With a cache (its lock
// held), it reuses the views kept there where their input is the same,
// and keeps the new ones; without, it makes them all.
func newSite(c *timeline.Chronology, u URLs, cache *Cache) *siteView {
	s := &siteView{Title: c.Config.Title, Description: c.Config.Description, Lang: c.Config.LanguageCode, URLs: u}
	if s.Lang == "" {
		s.Lang = "en"
	}
	var namesDone chan eventNameSet
	shown := displays{}
	if cache == nil {
		// The names of the events are found on another core while the
		// views are made: they read only the chronology.
		namesDone = make(chan eventNameSet, 1)
		go func() { namesDone <- eventNames(c.Events) }()
	} else {
		if cache.events == nil || cache.urls != u {
			cache.reset(u)
		}
		cache.build++
		shown = cache.shown
	}

	byID := make(map[string]*articleView, len(c.Articles))
	avs := make([]articleView, len(c.Articles))
	s.Articles = make([]*articleView, len(c.Articles))
	sources := map[string]string{}
	var keptArticles map[*timeline.Article]*articleView
	if cache != nil {
		keptArticles = make(map[*timeline.Article]*articleView, len(c.Articles))
	}
	for i, a := range c.Articles {
		av := &avs[i]
		if kept := cache.article(a); kept != nil {
			*av = *kept
		} else {
			*av = newArticle(a, u)
		}
		if cache != nil && keptArticles[a] == nil {
			kept := new(articleView)
			*kept = *av
			keptArticles[a] = kept
		}
		if a.PublishedInferred {
			s.Inferred++
		}
		byID[a.ID] = av
		s.Articles[i] = av
		sources[av.SourceKey] = sourceLabel(a)
	}
	if cache != nil {
		cache.articles = keptArticles
	}
	for k, label := range sources {
		s.Sources = append(s.Sources, sourceOption{k, label})
	}
	sort.Slice(s.Sources, func(i, j int) bool {
		a, b := s.Sources[i], s.Sources[j]
		return a.Label < b.Label || a.Label == b.Label && a.Value < b.Value
	})

	evs := make([]eventView, len(c.Events))
	s.Events = make([]*eventView, len(c.Events))
	var entries []*eventEntry // with a cache, of each event
	var keptEvents map[string]*eventEntry
	var sentences map[string]*sentenceNames // read in this build
	var added []*entryNames
	if cache != nil {
		entries = make([]*eventEntry, len(c.Events))
		keptEvents = make(map[string]*eventEntry, len(c.Events))
		sentences = map[string]*sentenceNames{}
	}
	var arts, reps []*articleView // of the event, reused
	for i, e := range c.Events {
		arts, reps = arts[:0], reps[:0]
		for _, m := range e.Mentions {
			arts = append(arts, byID[m.Article])
		}
		for _, id := range e.Sources {
			reps = append(reps, byID[id])
		}
		var ent *eventEntry
		if cache != nil {
			key := e.ID
			for k := 1; keptEvents[key] != nil; k++ {
				key = eventKey(e.ID, k)
			}
			old := cache.events[key]
			same := old != nil && sameEvent(old.e, e)
			if same && sameArticles(old.arts, arts) && sameArticles(old.reps, reps) {
				ent = old
			} else {
				ent = newEventEntry(e, arts, reps, u, shown)
				if same {
					// Only the articles changed: the names are the same.
					ent.names = old.names
				} else {
					if old != nil {
						// The sentences of its last version are
						// likely to be those of this one.
						for k, m := range old.e.Mentions {
							sentences[m.Sentence] = old.names.sents[k]
						}
					}
					ent.names = newEntryNames(e, sentences)
				}
				added = append(added, &ent.names)
			}
			ent.build = cache.build
			keptEvents[key] = ent
			entries[i] = ent
		} else {
			ent = newEventEntry(e, arts, reps, u, shown)
		}

		ev := &evs[i]
		*ev = ent.view
		ev.Event = e
		if cache != nil {
			ev.entry = ent
		}
		ms := ent.mentions
		if cache != nil {
			// The kept views stay as they are for the next build: this
			// build's are copies.
			ms = slices.Clone(ms)
		}
		ev.Mentions = make([]*mentionView, len(ms))
		for k := range ms {
			mv := &ms[k]
			mv.Article, mv.Event = arts[k], ev
			ev.Mentions[k] = mv
			if mv.Article != nil {
				mv.Article.Mentions = append(mv.Article.Mentions, mv)
			}
		}
		ev.splitEvidence()
		ev.Reporters = slices.Clone(reps)
		for _, av := range reps {
			if av != nil {
				av.Events = append(av.Events, ev)
			}
		}
		for _, cf := range e.Conflicts {
			cv := conflictView{Value: cf.Value, Display: shown.of(cf.Value, ""), Moved: cf.Moved}
			for _, i := range cf.Mentions {
				if i >= 0 && i < len(ev.Mentions) {
					cv.Mentions = append(cv.Mentions, ev.Mentions[i])
				}
			}
			n, _, more := splitReports(cv.Mentions, conflictReports)
			cv.Shown, cv.MoreReports = cv.Mentions[:n], more
			ev.Conflicts = append(ev.Conflicts, cv)
		}
		if e.Key {
			s.Key++
		}
		if len(e.Conflicts) > 0 {
			s.Conflicts++
		}
		s.Events[i] = ev
	}
	var names eventNameSet
	if cache == nil {
		names = <-namesDone
	} else {
		var gone []*entryNames
		for _, ent := range cache.events {
			if ent.build != cache.build {
				gone = append(gone, &ent.names)
			}
		}
		cache.events = keptEvents
		ens := make([]*entryNames, len(entries))
		for i, ent := range entries {
			ens[i] = &ent.names
		}
		names.perEvent, names.all = cache.names.update(ens, added, gone)
	}
	for i, ev := range s.Events {
		ev.Names = names.perEvent[i]
	}
	s.Names = names.all
	s.Years = groupYears(s.Events)
	if n := len(s.Events); n > 0 {
		s.First, s.Last = s.Events[0].Display, s.Events[n-1].Display
	}
	s.unplaced(c.Unplaced, byID, u, shown, cache)
	var byStart []startRef
	for _, av := range s.Articles {
		byStart = sortByStart(av.Mentions, byStart)
	}
	evByID := make(map[string]*eventView, len(s.Events))
	for _, ev := range s.Events {
		evByID[ev.ID] = ev
	}
	s.Findings = make([]findingView, 0, len(c.Findings))
	for _, f := range c.Findings {
		s.Findings = append(s.Findings, findingView{Finding: f, Kind: f.Kind, Message: f.Message,
			Event: evByID[f.Event], Article: byID[f.Article]})
	}
	s.FindingGroups = groupFindings(s.Findings)
	for _, w := range c.Warnings {
		s.Warnings = append(s.Warnings, w.Error())
	}
	return s
}

// article returns the kept view of a, nil when there is none (or no
// cache).
func (c *Cache) article(a *timeline.Article) *articleView {
	if c == nil {
		return nil
	}
	return c.articles[a]
}

// sameArticles reports whether the views are those of the same articles.
func sameArticles(kept []*timeline.Article, avs []*articleView) bool {
	if len(kept) != len(avs) {
		return false
	}
	for i, av := range avs {
		var a *timeline.Article
		if av != nil {
			a = av.Article
		}
		if kept[i] != a {
			return false
		}
	}
	return true
}

// newArticle makes the view of a without its lists (mentions, events,
// phrases not placed) and what the pages add (body, byline).
func newArticle(a *timeline.Article, u URLs) articleView {
	av := articleView{Article: a, ID: a.ID, File: a.File, Title: a.Title, Source: a.Source,
		PublishedInferred: a.PublishedInferred, Inference: a.Inference,
		Path: "articles/" + a.ID + "/", SourceKey: sourceKey(a)}
	av.URL = u.Path(av.Path)
	av.escapeHrefs()
	if !a.Published.IsZero() {
		av.PublishedISO = dates.DayValue(a.Published)
		av.Published = dates.Display(av.PublishedISO, "")
	}
	if a.PublishedInferred && !a.Window[0].IsZero() {
		av.Window = windowDisplay(a.Window[0], a.Window[1])
	}
	return av
}

// newEventEntry works out the view of e and of its mentions but for the
// fields of one build (see eventEntry), given the views of the articles
// of its mentions (arts) and of its sources (reps).
func newEventEntry(e *timeline.Event, arts, reps []*articleView, u URLs, shown displays) *eventEntry {
	ent := &eventEntry{e: e, arts: articlesOf(arts), reps: articlesOf(reps)}
	ev := &ent.view
	*ev = eventView{ID: e.ID, Title: e.Title, Date: e.Date, Mod: e.Mod, Precision: e.Precision,
		Note: e.Note, Link: e.Link, Independent: e.Independent,
		Path: "events/" + e.ID + "/", Anchor: "e-" + e.ID,
		Display: shown.of(e.Date, e.Mod), DateTime: datetime(e.Date), Reports: len(e.Sources),
		ReportCount: reportCount(len(e.Sources), e.Independent)}
	ev.URL = u.Path(ev.Path)
	if e.FirstReported != "" {
		ev.First = shown.of(e.FirstReported, "")
	}
	if e.LastReported != "" && e.LastReported != e.FirstReported {
		ev.Last = shown.of(e.LastReported, "")
	}
	if e.Announced != "" {
		ev.AnnouncedFor = "announced " + shortDay(e.Announced) + " for " + shortDay(e.Date)
	}
	if span, ok := dates.ParseSpan(e.Date); ok {
		ev.Year = span.Start.Format("2006")
		if span.Precision <= dates.PrecisionMonth {
			ev.Month = span.Start.Format("2006-01")
		}
	}
	keys := map[string]bool{}
	inferred := false
	ent.mentions = make([]mentionView, len(e.Mentions))
	for k := range e.Mentions {
		m := &e.Mentions[k]
		setMention(&ent.mentions[k], m, arts[k], shown)
		if a := arts[k]; a != nil && !keys[a.SourceKey] {
			keys[a.SourceKey] = true
			ev.SourceKeys = append(ev.SourceKeys, a.SourceKey)
		}
		inferred = inferred || m.AnchorInferred
	}
	sort.Strings(ev.SourceKeys)
	moved := false
	for _, cf := range e.Conflicts {
		moved = moved || cf.Moved
	}
	flags := map[string]bool{}
	for _, f := range e.Flags {
		flags[f] = true
	}
	flags["key"] = flags["key"] || e.Key
	flags["conflict"] = flags["conflict"] || len(e.Conflicts) > 0 && !moved
	flags["moved"] = flags["moved"] || moved
	flags["inferred-date"] = flags["inferred-date"] || inferred
	flags["single-source"] = flags["single-source"] || !e.Manual && (e.Independent == 1 || e.Independent == 0 && len(e.Sources) == 1)
	flags["manual"] = flags["manual"] || e.Manual
	for _, f := range flagOrder {
		if flags[f] {
			ev.Flags = append(ev.Flags, f)
			delete(flags, f)
		}
	}
	var rest []string
	for f, on := range flags {
		if on {
			rest = append(rest, f)
		}
	}
	sort.Strings(rest)
	ev.Flags = append(ev.Flags, rest...)
	return ent
}

// articlesOf are the articles of views, nil for none.
func articlesOf(avs []*articleView) []*timeline.Article {
	out := make([]*timeline.Article, len(avs))
	for i, av := range avs {
		if av != nil {
			out[i] = av.Article
		}
	}
	return out
}

// unplaced makes the views of the phrases not placed on the calendar,
// with a cache reusing those of an article whose phrases and article
// are the same (they come in article order).
func (s *siteView) unplaced(ums []timeline.Mention, byID map[string]*articleView, u URLs, shown displays, cache *Cache) {
	var kept map[string]*unplacedEntry
	if cache != nil {
		kept = map[string]*unplacedEntry{}
	}
	for i := 0; i < len(ums); {
		j := i + 1
		for j < len(ums) && ums[j].Article == ums[i].Article {
			j++
		}
		run := ums[i:j]
		av := byID[run[0].Article]
		var a *timeline.Article
		if av != nil {
			a = av.Article
		}
		var mvs []mentionView
		if cache != nil {
			key := run[0].Article
			for k := 1; kept[key] != nil; k++ {
				key = eventKey(run[0].Article, k)
			}
			ent := cache.unplaced[key]
			if ent == nil || ent.art != a || !slices.Equal(ent.ms, run) {
				ent = &unplacedEntry{art: a, ms: run, mentions: newUnplaced(run, av, shown)}
			}
			kept[key] = ent
			mvs = slices.Clone(ent.mentions)
		} else {
			mvs = newUnplaced(run, av, shown)
		}
		for k := range mvs {
			mv := &mvs[k]
			mv.Article = av
			if av == nil {
				s.Unplaced = append(s.Unplaced, mv)
				continue
			}
			if len(av.Unplaced) == 0 {
				s.UnplacedArticles = append(s.UnplacedArticles, av)
			}
			av.Unplaced = append(av.Unplaced, mv)
			if p := mv.Phrase(); len(av.UnplacedSample) < 3 && !slices.Contains(av.UnplacedSample, p) {
				av.UnplacedSample = append(av.UnplacedSample, p)
			}
		}
		i = j
	}
	if cache != nil {
		cache.unplaced = kept
	}
}

// newUnplaced makes the views of phrases of one article not placed on
// the calendar, but for their Article.
func newUnplaced(ms []timeline.Mention, av *articleView, shown displays) []mentionView {
	mvs := make([]mentionView, len(ms))
	for k := range ms {
		m := &ms[k]
		setMention(&mvs[k], m, av, shown)
	}
	return mvs
}

// setMention sets the view of m, of the article a (nil when unknown),
// but for its Article and Event.
func setMention(mv *mentionView, m *timeline.Mention, a *articleView, shown displays) {
	*mv = mentionView{Mention: m, Display: shown.of(m.Value, m.Mod)}
	if m.Anchor != "" {
		mv.AnchorDisplay = shown.of(m.Anchor, "")
	}
}

// displays keeps dates.Display of each value and modifier a site's
// mentions have, so that the mentions of a date share one string: a
// 10,000-article site has 300,000 mentions of a few thousand dates.
type displays map[[2]string]string

func (d displays) of(value, mod string) string {
	k := [2]string{value, mod}
	s, ok := d[k]
	if !ok {
		s = dates.Display(value, mod)
		d[k] = s
	}
	return s
}

func groupYears(events []*eventView) []*yearView {
	var years []*yearView
	for _, ev := range events {
		y := ev.Year
		if y == "" {
			y = "undated"
		}
		if len(years) == 0 || years[len(years)-1].Year != y {
			years = append(years, &yearView{Year: y, ID: "y" + y})
		}
		yv := years[len(years)-1]
		yv.Count++
		if ev.Month == "" {
			yv.Events = append(yv.Events, ev)
			continue
		}
		if len(yv.Months) == 0 || yv.Months[len(yv.Months)-1].ID != "y"+ev.Month {
			t, _ := time.Parse("2006-01", ev.Month)
			yv.Months = append(yv.Months, &monthView{ID: "y" + ev.Month, Name: t.Format("January 2006")})
		}
		mv := yv.Months[len(yv.Months)-1]
		mv.Events = append(mv.Events, ev)
	}
	return years
}

// datetime turns a TIMEX3 value into a valid HTML datetime attribute:
// days, months, years and weeks are the same; finer times are cut to the
// day and coarser or odd values to the year.
func datetime(v string) string {
	span, ok := dates.ParseSpan(v)
	if !ok {
		return ""
	}
	switch span.Precision {
	case dates.PrecisionTime, dates.PrecisionDay:
		return dates.DayValue(span.Start)
	case dates.PrecisionWeek:
		return dates.WeekValue(span.Start)
	case dates.PrecisionMonth:
		return dates.MonthValue(span.Start)
	}
	if span.Start.Year() < 1000 {
		return ""
	}
	return span.Start.Format("2006")
}

// shortDay displays a value briefly for "announced Aug 8 for Aug 15".
func shortDay(v string) string {
	span, ok := dates.ParseSpan(v)
	if ok && span.Precision == dates.PrecisionDay {
		return span.Start.Format("Jan 2")
	}
	return dates.Display(v, "")
}

func windowDisplay(a, b time.Time) string {
	if a.Equal(b) {
		return dates.Display(dates.DayValue(a), "")
	}
	if a.Year() == b.Year() {
		return a.Format("Mon 2 Jan") + " – " + b.Format("Mon 2 Jan 2006")
	}
	return a.Format("Mon 2 Jan 2006") + " – " + b.Format("Mon 2 Jan 2006")
}

func sourceLabel(a *timeline.Article) string {
	if a.Source != "" {
		return a.Source
	}
	return a.Title
}

func sourceKey(a *timeline.Article) string {
	k := timeline.Slug(sourceLabel(a))
	if k == "" {
		return a.ID
	}
	return k
}

// flagLabel is how a flag reads on a page.
func flagLabel(f string) string {
	switch f {
	case "key":
		return "key event"
	case "conflict":
		return "sources disagree"
	case "moved":
		return "date moved"
	case "inferred-date":
		return "inferred date"
	case "single-source":
		return "single source"
	case "manual":
		return "added by hand"
	}
	return strings.ReplaceAll(f, "-", " ")
}

// startRef is a mention view and its offset in its article, the key
// sortByStart sorts by.
type startRef struct {
	start int
	mv    *mentionView
}

// sortByStart sorts ms by offset in their article, stably, with buf as
// scratch (returned for the next call). The offsets are read once into
// buf: the comparisons then read no mention (each behind two pointers).
func sortByStart(ms []*mentionView, buf []startRef) []startRef {
	buf = buf[:0]
	sorted := true
	for _, m := range ms {
		if n := len(buf); n > 0 && buf[n-1].start > m.Start {
			sorted = false
		}
		buf = append(buf, startRef{m.Start, m})
	}
	if sorted {
		return buf
	}
	slices.SortStableFunc(buf, func(a, b startRef) int { return cmp.Compare(a.start, b.start) })
	for i := range buf {
		ms[i] = buf[i].mv
	}
	return buf
}
