package render

import (
	"bytes"
	"strconv"
)

// The report (article), event, sources and checks pages of the default
// theme, and the partials made once for many pages (goPartials: those
// of the report and event pages, and the index's event cards), written
// in Go: the same bytes as its templates make, without text/template's
// reflection, which cost a 10,000-article build over a second and a
// half of CPU. Each function
// below mirrors one template file of themes/default, named in its
// comment, action by action and in its order, escaping each value as
// html/template escapes it there (escape.go).
//
// The templates stay the specification: they are what a site theme
// copies and changes, and a page or partial whose templates are not
// exactly the default's (Theme.sameAsDefault) is executed through
// them. A change to one of those template files must be made here too:
// the TestGoPages tests (gopage_test.go) render every page of several
// sites both ways and fail on any byte that differs.

// goPages are the layouts whose pages are written in Go when every
// template they execute is the default theme's.
var goPages = map[string]bool{"article": true, "event": true, "sources": true, "checks": true}

// goKindNames are the layouts of goPages and goPartials, in order.
var goKindNames = []string{"article", "event", "sources", "checks", "index"}

// goPartials are, by layout, the partials executed once for many pages
// of the layout's kind (see write.go) that are written in Go when the
// layout's templates execute them as the default theme does.
var goPartials = map[string][]string{
	"article": {"partials/event-item.html"},
	"event":   {"partials/byline.html", "partials/dated.html", "partials/how.html"},
	"index":   {"partials/event-card.html"},
}

// goKind is what every page of a kind written in Go shares: the
// partials that read nothing of the page but its site and kind (as
// .Partial makes them once per kind, see partial.go), and the site's
// links that its layout shows, escaped.
type goKind struct {
	header, footer, headLinks string
	// root, sources and json are {{url ""}}, {{url "sources/"}} and
	// {{url "timeline.json"}} escaped for an href.
	root, sources, json string
}

// newGoKind makes what the pages of kind written in Go share.
func newGoKind(s *siteView, kind string) *goKind {
	var b bytes.Buffer
	part := func(write func(*bytes.Buffer)) string {
		b.Reset()
		write(&b)
		return b.String()
	}
	return &goKind{
		header:    part(func(b *bytes.Buffer) { writeHeader(b, s, kind) }),
		footer:    part(func(b *bytes.Buffer) { writeFooter(b, s) }),
		headLinks: part(func(b *bytes.Buffer) { writeHeadLinks(b, s) }),
		root:      escapeHref(s.URLs.Path("")),
		sources:   escapeHref(s.URLs.Path("sources/")),
		json:      escapeHref(s.URLs.Path("timeline.json")),
	}
}

// writeGoPage writes page p, a report or event page, into b.
func writeGoPage(b *bytes.Buffer, p page, k *goKind) {
	writeBaseof(b, p, k)
}

// writeBaseof mirrors layouts/baseof.html; its block "main" is
// layouts/article.html, event.html, sources.html or checks.html.
func writeBaseof(b *bytes.Buffer, p page, k *goKind) {
	b.WriteString("<!doctype html>\n<html lang=\"")
	escapeAttr(b, p.Site.Lang)
	b.WriteString("\">\n<head>\n")
	writeHead(b, p, k)
	b.WriteString("\n</head>\n<body class=\"page-")
	escapeAttr(b, p.Kind)
	b.WriteString("\">\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
	b.WriteString(k.header)
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">\n")
	switch p.Kind {
	case "article":
		writeArticle(b, p, k)
	case "event":
		writeEvent(b, p, k)
	case "sources":
		writeSources(b, p)
	case "checks":
		writeChecks(b, p, k)
	}
	b.WriteString("\n</main>\n")
	b.WriteString(k.footer)
	// {{if eq .Kind "index"}}: never, on the pages written in Go.
	b.WriteString("\n\n</body>\n</html>\n")
}

// writeHead mirrors partials/head.html.
func writeHead(b *bytes.Buffer, p page, k *goKind) {
	s := p.Site
	b.WriteString("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Title != "" {
		escapeText(b, p.Title)
		escapeText(b, " · ")
	}
	escapeText(b, s.Title)
	b.WriteString("</title>")
	// $desc, as printf makes it, escaped each time it is shown.
	desc := s.Description
	if e := p.Event; e != nil {
		desc = e.Display + ": " + e.Title + ". " + e.ReportCount + ", every date traced to its sentence."
	}
	if a := p.Article; a != nil {
		desc = a.Title + ", as published by " + a.Source + ", with its dates highlighted."
	}
	if desc != "" {
		b.WriteString("\n<meta name=\"description\" content=\"")
		escapeAttr(b, desc)
		b.WriteString("\">")
	}
	abs := ""
	if p.NoIndex {
		b.WriteString("\n<meta name=\"robots\" content=\"noindex\">")
	} else {
		abs = p.Site.URLs.Abs(p.Path)
		b.WriteString("\n<link rel=\"canonical\" href=\"")
		escapeURL(b, abs)
		b.WriteString("\">")
	}
	b.WriteString("\n<meta property=\"og:type\" content=\"")
	if p.Article != nil {
		b.WriteString("article")
	} else {
		b.WriteString("website")
	}
	b.WriteString("\">\n<meta property=\"og:site_name\" content=\"")
	escapeAttr(b, s.Title)
	b.WriteString("\">\n<meta property=\"og:title\" content=\"")
	title := s.Title
	if p.Title != "" {
		title = p.Title
	}
	escapeAttr(b, title)
	b.WriteString("\">")
	if desc != "" {
		b.WriteString("\n<meta property=\"og:description\" content=\"")
		escapeAttr(b, desc)
		b.WriteString("\">")
	}
	if !p.NoIndex {
		b.WriteString("\n<meta property=\"og:url\" content=\"")
		escapeAttr(b, abs)
		b.WriteString("\">")
	}
	b.WriteString("\n<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\"")
	escapeAttr(b, title)
	b.WriteString("\">")
	if desc != "" {
		b.WriteString("\n<meta name=\"twitter:description\" content=\"")
		escapeAttr(b, desc)
		b.WriteString("\">")
	}
	b.WriteString("\n")
	b.WriteString(k.headLinks)
	b.WriteString("\n")
}

// writeHeadLinks mirrors partials/head-links.html.
func writeHeadLinks(b *bytes.Buffer, s *siteView) {
	u := s.URLs
	b.WriteString("<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"")
	escapeURL(b, u.Path("assets/favicon.svg"))
	b.WriteString("\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"")
	escapeURL(b, u.Path("assets/style.css"))
	b.WriteString("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
	escapeAttr(b, s.Title)
	b.WriteString(": events\" href=\"")
	escapeURL(b, u.Path("feed.xml"))
	b.WriteString("\">\n<link rel=\"alternate\" type=\"application/json\" title=\"timeline.json\" href=\"")
	escapeURL(b, u.Path("timeline.json"))
	b.WriteString("\">")
}

// writeHeader mirrors partials/header.html.
func writeHeader(b *bytes.Buffer, s *siteView, kind string) {
	u := s.URLs
	current := func(k string) {
		if kind == k {
			b.WriteString(" aria-current=\"page\"")
		}
	}
	b.WriteString("<header class=\"site-header\">\n  <div class=\"wrap\">\n    <a class=\"site-title\" href=\"")
	escapeURL(b, u.Path(""))
	b.WriteString("\"")
	current("index")
	b.WriteString(">")
	escapeText(b, s.Title)
	b.WriteString("</a>\n    <nav aria-label=\"Site\">\n      <ul>\n        <li><a href=\"")
	escapeURL(b, u.Path(""))
	b.WriteString("\"")
	current("index")
	b.WriteString(">Chronology</a></li>\n        <li><a href=\"")
	escapeURL(b, u.Path("sources/"))
	b.WriteString("\"")
	current("sources")
	b.WriteString(">Sources</a></li>\n        <li><a href=\"")
	escapeURL(b, u.Path("checks/"))
	b.WriteString("\"")
	current("checks")
	b.WriteString(">Checks")
	if n := len(s.Findings); n > 0 {
		b.WriteString(" <span class=\"count\">")
		b.WriteString(strconv.Itoa(n))
		b.WriteString("</span>")
	}
	b.WriteString("</a></li>\n        <li><a href=\"")
	escapeURL(b, u.Path("about/"))
	b.WriteString("\"")
	current("about")
	b.WriteString(">About</a></li>\n      </ul>\n    </nav>\n  </div>\n</header>\n")
}

// writeFooter mirrors partials/footer.html.
func writeFooter(b *bytes.Buffer, s *siteView) {
	b.WriteString("<footer class=\"site-footer\">\n  <div class=\"wrap\">\n    <h2 class=\"visually-hidden\">Downloads</h2>\n    <p>Take the chronology with you:")
	for i, f := range Formats {
		if i > 0 {
			b.WriteString(" ·")
		}
		b.WriteString(" <a href=\"")
		escapeURL(b, s.URLs.Path(f.File))
		b.WriteString("\" type=\"")
		escapeAttr(b, f.Type)
		b.WriteString("\">")
		escapeText(b, f.Label)
		b.WriteString("</a>")
	}
	b.WriteString("</p>\n    <p class=\"small\">Made with <a href=\"https://github.com/timeline-news/timeline\">timeline</a>: every date on these pages links to the sentence it came from. <a href=\"")
	escapeURL(b, s.URLs.Path("about/"))
	b.WriteString("\">How dates are resolved</a>.</p>\n  </div>\n</footer>\n")
}

// writeArticle mirrors layouts/article.html, the block "main" of a
// report page.
func writeArticle(b *bytes.Buffer, p page, k *goKind) {
	a := p.Article
	b.WriteString("\n<div class=\"wrap narrow\">\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
	b.WriteString(k.sources)
	b.WriteString("\">← All sources</a></nav>\n<article class=\"article-page\">\n  <header>\n    <p class=\"source\">")
	if a.Source != "" {
		escapeText(b, a.Source)
	} else {
		b.WriteString("Unknown source")
	}
	b.WriteString("</p>\n    <h1>")
	escapeText(b, a.Title)
	b.WriteString("</h1>\n    <p class=\"published\">Published ")
	if a.Published != "" {
		b.WriteString("<time datetime=\"")
		escapeAttr(b, a.PublishedISO)
		b.WriteString("\">")
		escapeText(b, a.Published)
		b.WriteString("</time>")
		if a.PublishedInferred {
			b.WriteString(" <span class=\"inferred\">(inferred")
			if a.Window != "" {
				b.WriteString(": between ")
				escapeText(b, a.Window)
			}
			b.WriteString(")</span>")
		}
	} else {
		b.WriteString("on an unknown date: its relative dates are not resolved")
	}
	if u := a.Article.URL; u != "" {
		b.WriteString(" · <a href=\"")
		escapeURL(b, u)
		b.WriteString("\" rel=\"nofollow\">original</a>")
	}
	b.WriteString("</p>")
	if len(a.Inference) > 0 {
		b.WriteString("\n    <details class=\"inference\"><summary>Why this date?</summary><ul>")
		for _, s := range a.Inference {
			b.WriteString("<li>")
			escapeText(b, s)
			b.WriteString("</li>")
		}
		b.WriteString("</ul></details>")
	}
	b.WriteString("\n    <p class=\"small\">File <code>")
	escapeText(b, a.File)
	b.WriteString("</code>. Date phrases are <mark>highlighted</mark>; each links to the event it dates.</p>\n  </header>\n  <div class=\"body\">\n")
	b.WriteString(string(a.Body)) // {{body $a.Body}}: markup
	b.WriteString("\n  </div>")
	if len(a.Events) > 0 {
		b.WriteString("\n  <section aria-labelledby=\"dates-h\">\n    <h2 id=\"dates-h\">Events this report dates</h2>\n    <ol class=\"compact\">")
		for _, ev := range a.Events { // {{$a.EventItems}}
			b.WriteString(string(ev.Item))
		}
		b.WriteString("</ol>\n  </section>")
	}
	if len(a.Unplaced) > 0 {
		b.WriteString("\n  <section aria-labelledby=\"unplaced-h\">\n    <h2 id=\"unplaced-h\">Phrases not placed on the calendar</h2>\n    <p class=\"small\">Durations, repeated times and vague references: dates of a kind, but not events.</p>\n    <ul class=\"unplaced\">")
		a.writeUnplacedItems(b)
		b.WriteString("</ul>\n  </section>")
	}
	b.WriteString("\n</article>\n</div>\n")
}

// writeEvent mirrors layouts/event.html, the block "main" of an event
// page.
func writeEvent(b *bytes.Buffer, p page, k *goKind) {
	e := p.Event
	b.WriteString("\n<div class=\"wrap medium\">\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
	b.WriteString(k.root)
	b.WriteString("#")
	escapeURLPart(b, e.Anchor)
	b.WriteString("\">← Back to the chronology</a></nav>\n<article class=\"event-page")
	for _, f := range e.Flags {
		b.WriteString(" is-")
		escapeAttr(b, f)
	}
	b.WriteString("\">\n  <header>\n    <p class=\"when big\"><time datetime=\"")
	escapeAttr(b, e.DateTime)
	b.WriteString("\">")
	escapeText(b, e.Display)
	b.WriteString("</time>")
	if e.Precision != "day" {
		b.WriteString(" <span class=\"precision\">(to the ")
		escapeText(b, e.Precision)
		b.WriteString(")</span>")
	}
	b.WriteString("</p>\n    <h1>")
	escapeText(b, e.Title)
	b.WriteString("</h1>\n    ")
	writeFlags(b, e.Flags)
	b.WriteString("\n  </header>\n  <dl class=\"facts\">\n    <dt>Reported by</dt><dd>")
	escapeText(b, e.ReportCount)
	b.WriteString(": ")
	e.writeReporterLinks(b)
	b.WriteString("</dd>")
	fact := func(term, v string) {
		if v != "" {
			b.WriteString("\n    <dt>")
			b.WriteString(term)
			b.WriteString("</dt><dd>")
			escapeText(b, v)
			b.WriteString("</dd>")
		}
	}
	fact("First reported", e.First)
	fact("Last reported", e.Last)
	fact("Reported ahead", e.AnnouncedFor)
	b.WriteString("\n    <dt>Date value</dt><dd><code>")
	escapeText(b, e.Date)
	b.WriteString("</code>")
	if e.Mod != "" {
		b.WriteString(" <code>")
		escapeText(b, e.Mod)
		b.WriteString("</code>")
	}
	b.WriteString("</dd>\n    <dt>Event id</dt><dd><code>")
	escapeText(b, e.ID)
	b.WriteString("</code> <span class=\"small\">(use it in config.toml to rename, merge, split, hide or pin this event)</span></dd>")
	fact("Note", e.Note)
	if e.Link != "" {
		b.WriteString("\n    <dt>Link</dt><dd><a href=\"")
		escapeURL(b, e.Link)
		b.WriteString("\">")
		escapeText(b, e.Link)
		b.WriteString("</a></dd>")
	}
	b.WriteString("\n  </dl>")
	if len(e.Conflicts) > 0 {
		b.WriteString("\n  <section id=\"conflicts\" class=\"conflicts\" aria-labelledby=\"conflicts-h\">\n    <h2 id=\"conflicts-h\">Where sources disagree</h2>\n    <p>This page dates the event <strong>")
		escapeText(b, e.Display)
		b.WriteString("</strong>. Other mentions give:</p>")
		for _, c := range e.Conflicts {
			b.WriteString("\n    <h3>")
			escapeText(b, c.Display)
			b.WriteString(" <span class=\"small\">(")
			if c.Moved {
				b.WriteString("the date moved between reports")
			} else {
				b.WriteString("a different date at the same time")
			}
			b.WriteString(")</span></h3>\n    <ol class=\"mentions\">")
			for _, m := range c.Shown {
				writeMention(b, m)
			}
			b.WriteString("</ol>")
			if c.MoreReports != 0 {
				b.WriteString("\n    <p class=\"small\">And ")
				writePlural(b, c.MoreReports, "more report", "more reports")
				b.WriteString(", each phrase linked to its sentence:</p>\n    <ul class=\"more-evidence\">")
				c.writeMore(b)
				b.WriteString("\n    </ul>")
			}
		}
		b.WriteString("\n  </section>")
	}
	b.WriteString("\n  <section aria-labelledby=\"evidence-h\">\n    <h2 id=\"evidence-h\">The evidence</h2>\n    <p>Every sentence that dates this event")
	if e.MoreReports != 0 {
		b.WriteString(" in the first ")
		b.WriteString(strconv.Itoa(e.ShownReports))
		b.WriteString(" reports")
	}
	b.WriteString(", the phrase that does it, and the rule that turned it into a date.</p>\n    <div class=\"table-scroll\">\n    <table class=\"evidence\">\n      <caption class=\"visually-hidden\">Mentions of this event</caption>\n      <thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Sentence</th><th scope=\"col\">Dated as</th><th scope=\"col\">How</th></tr></thead>\n      <tbody>")
	e.writeEvidence(b)
	b.WriteString("\n      </tbody>\n    </table>\n    </div>")
	if e.MoreReports != 0 {
		b.WriteString("\n    <h3 id=\"more-reports\">")
		writePlural(b, e.MoreReports, "more report", "more reports")
		b.WriteString("</h3>\n    <p class=\"small\">Each phrase links to its sentence, highlighted in the report with the date it was read as and the rule that read it.</p>\n    <ul class=\"more-evidence\">")
		e.writeMoreEvidence(b)
		b.WriteString("\n    </ul>")
	}
	b.WriteString("\n  </section>\n</article>\n</div>\n")
}

// writePlural writes what the template function plural makes, escaped
// as text (the words are the callers' own: nothing to escape).
func writePlural(b stringWriter, n int, one, many string) {
	b.WriteString(strconv.Itoa(n))
	b.WriteString(" ")
	if n == 1 {
		b.WriteString(one)
	} else {
		b.WriteString(many)
	}
}

// writeFlags mirrors partials/flags.html.
func writeFlags(b stringWriter, flags []string) {
	if len(flags) == 0 {
		return
	}
	b.WriteString("<ul class=\"flags\" aria-label=\"Flags\">")
	for _, f := range flags {
		b.WriteString("<li class=\"flag flag-")
		escapeAttr(b, f)
		b.WriteString("\">")
		escapeText(b, flagLabel(f))
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}

// writeMention mirrors partials/mention.html.
func writeMention(b stringWriter, m *mentionView) {
	before, phrase, after := m.split()
	b.WriteString("<li class=\"mention\">\n  <blockquote")
	if a := m.Article; a != nil && a.Article.URL != "" {
		b.WriteString(" cite=\"")
		escapeURL(b, a.Article.URL)
		b.WriteString("\"")
	}
	b.WriteString("><p>")
	escapeText(b, before)
	if phrase != "" {
		b.WriteString("<mark>")
		escapeText(b, phrase)
		b.WriteString("</mark>")
	}
	escapeText(b, after)
	b.WriteString("</p></blockquote>\n  <p class=\"how\">‘<a href=\"")
	escapeURL(b, m.ArticleHref())
	b.WriteString("\">")
	escapeText(b, phrase)
	b.WriteString("</a>’ in ")
	if a := m.Article; a != nil {
		b.WriteString("<cite>")
		if a.Source != "" {
			escapeText(b, a.Source)
		} else {
			escapeText(b, a.Title)
		}
		b.WriteString("</cite>")
	} else {
		escapeText(b, m.Mention.Article)
	}
	b.WriteString(", published")
	if m.AnchorInferred {
		b.WriteString(" <span class=\"inferred\">(inferred)</span>")
	}
	b.WriteString(" ")
	if m.Anchor != "" {
		b.WriteString("<time datetime=\"")
		escapeAttr(b, m.Anchor)
		b.WriteString("\">")
		escapeText(b, m.AnchorDisplay)
		b.WriteString("</time>")
	} else {
		b.WriteString("on an unknown date")
	}
	if m.Rule != "" {
		b.WriteString(" <span class=\"rule\">· rule <code>")
		escapeText(b, m.Rule)
		b.WriteString("</code>")
		if m.Tense != "" {
			b.WriteString(", ")
			escapeText(b, m.Tense)
			b.WriteString(" tense")
		}
		b.WriteString("</span>")
	}
	b.WriteString("</p>")
	if m.Note != "" {
		b.WriteString("\n  <p class=\"note\">")
		escapeText(b, m.Note)
		b.WriteString("</p>")
	}
	b.WriteString("\n</li>\n")
}

// writeEventItem mirrors partials/event-item.html: an event in the list
// of a report page (its .Item).
func writeEventItem(b stringWriter, e *eventView) {
	b.WriteString("<li><a href=\"")
	escapeURL(b, e.URL)
	b.WriteString("\"><time datetime=\"")
	escapeAttr(b, e.DateTime)
	b.WriteString("\">")
	escapeText(b, e.Display)
	b.WriteString("</time>: ")
	escapeText(b, e.Title)
	b.WriteString("</a></li>")
}

// writeByline mirrors partials/byline.html: the first cell of an
// evidence row (an article's .Byline).
func writeByline(b stringWriter, a *articleView) {
	b.WriteString("<a href=\"")
	escapeURL(b, a.URL)
	b.WriteString("\">")
	if a.Source != "" {
		escapeText(b, a.Source)
	} else {
		escapeText(b, a.Title)
	}
	b.WriteString("</a><br><span class=\"small\">published")
	if a.PublishedInferred {
		b.WriteString(" (inferred)")
	}
	b.WriteString(" ")
	if a.Published != "" {
		escapeText(b, a.Published)
	} else {
		b.WriteString("on an unknown date")
	}
	b.WriteString("</span>")
}

// writeDated mirrors partials/dated.html: the third cell of an evidence
// row (a mention's .Dated).
func writeDated(b stringWriter, v datedView) {
	b.WriteString("<code>")
	escapeText(b, v.Value)
	b.WriteString("</code><br>")
	escapeText(b, v.Display)
}

// writeHow mirrors partials/how.html: the last cell of an evidence row
// (a mention's .How).
func writeHow(b stringWriter, v howView) {
	b.WriteString("anchor <time datetime=\"")
	escapeAttr(b, v.Anchor)
	b.WriteString("\">")
	escapeText(b, v.AnchorDisplay)
	b.WriteString("</time>")
	if v.AnchorInferred {
		b.WriteString(" <span class=\"inferred\">(inferred)</span>")
	}
	b.WriteString("<br>rule <code>")
	escapeText(b, v.Rule)
	b.WriteString("</code>")
	if v.Tense != "" {
		b.WriteString("<br>tense ")
		escapeText(b, v.Tense)
	}
	if v.Note != "" {
		b.WriteString("<br><span class=\"note\">")
		escapeText(b, v.Note)
		b.WriteString("</span>")
	}
}

// writeEventCard mirrors partials/event-card.html: an event in the
// chronology of the index page (its .Card), with partials/flags.html
// and partials/mention.html.
func writeEventCard(b stringWriter, e *eventView) {
	b.WriteString("\n<li class=\"event")
	for _, f := range e.Flags {
		b.WriteString(" is-")
		escapeAttr(b, f)
	}
	b.WriteString("\" id=\"")
	escapeAttr(b, e.Anchor)
	b.WriteString("\" data-sources=\"")
	writeJoined(b, e.SourceKeys, " ")
	b.WriteString("\" data-names=\"")
	writeJoined(b, e.Names, "|")
	b.WriteString("\" data-flags=\"")
	writeJoined(b, e.Flags, " ")
	b.WriteString("\">\n  <article aria-labelledby=\"")
	escapeAttr(b, e.Anchor)
	b.WriteString("-t\">\n    <p class=\"when\"><time datetime=\"")
	escapeAttr(b, e.DateTime)
	b.WriteString("\">")
	escapeText(b, e.Display)
	b.WriteString("</time></p>\n    <div class=\"card\">\n      <h4 class=\"event-title\" id=\"")
	escapeAttr(b, e.Anchor)
	b.WriteString("-t\"><a href=\"")
	escapeURL(b, e.URL)
	b.WriteString("\">")
	escapeText(b, e.Title)
	b.WriteString("</a></h4>\n      <p class=\"meta\"><span class=\"reports\">")
	escapeText(b, e.ReportCount)
	b.WriteString("</span>")
	if e.AnnouncedFor != "" {
		b.WriteString(" · <span class=\"announced\">")
		escapeText(b, e.AnnouncedFor)
		b.WriteString("</span>")
	}
	b.WriteString("</p>\n      ")
	writeFlags(b, e.Flags)
	if len(e.Conflicts) > 0 {
		b.WriteString("\n      <p class=\"conflict-note\">Sources also give: ")
		for i, c := range e.Conflicts {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString("<strong>")
			escapeText(b, c.Display)
			b.WriteString("</strong> (")
			writePlural(b, len(c.Mentions), "mention", "mentions")
			if c.Moved {
				b.WriteString(", date moved")
			}
			b.WriteString(")")
		}
		b.WriteString(". <a href=\"")
		escapeURL(b, e.URL)
		b.WriteString("#conflicts\">See each side</a>.</p>")
	}
	if e.Note != "" {
		b.WriteString("\n      <p class=\"note\">")
		escapeText(b, e.Note)
		b.WriteString("</p>")
	}
	b.WriteString("\n      <ol class=\"mentions\">")
	for _, m := range e.FirstMentions(3) {
		b.WriteString("\n      ")
		writeMention(b, m)
	}
	b.WriteString("\n      </ol>")
	if len(e.Mentions) > 3 {
		b.WriteString("\n      <p class=\"more\"><a href=\"")
		escapeURL(b, e.URL)
		b.WriteString("\">All ")
		b.WriteString(strconv.Itoa(len(e.Mentions)))
		b.WriteString(" mentions and how each was dated</a></p>")
	}
	b.WriteString("\n    </div>\n  </article>\n</li>\n")
}

// writeJoined writes what {{join ss sep}} makes in a quoted attribute
// value: the strings escaped, sep between them (a separator with
// nothing to escape).
func writeJoined(b stringWriter, ss []string, sep string) {
	for i, s := range ss {
		if i > 0 {
			b.WriteString(sep)
		}
		escapeAttr(b, s)
	}
}

// writeSources mirrors layouts/sources.html, the block "main" of the
// sources page: every report, a row each.
func writeSources(b *bytes.Buffer, p page) {
	b.WriteString("\n<div class=\"wrap\">\n<h1>Sources</h1>\n<p>Every report this chronology is built from, with its publication date. Relative dates in a report (\"on Friday\", \"next week\") are resolved against that date; where a report states none, it is inferred from the report's own text and marked.</p>\n<div class=\"table-scroll\">\n<table class=\"sources\">\n  <caption class=\"visually-hidden\">Reports and their publication dates</caption>\n  <thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Source</th><th scope=\"col\">Published</th><th scope=\"col\">Events</th></tr></thead>\n  <tbody>")
	for _, a := range p.Site.Articles {
		b.WriteString("\n  <tr id=\"")
		escapeAttr(b, a.ID)
		b.WriteString("\">\n    <td><a href=\"")
		escapeURL(b, a.URL)
		b.WriteString("\">")
		escapeText(b, a.Title)
		b.WriteString("</a>")
		if u := a.Article.URL; u != "" {
			b.WriteString(" <a class=\"small\" href=\"")
			escapeURL(b, u)
			b.WriteString("\" rel=\"nofollow\">original</a>")
		}
		b.WriteString("<br><code class=\"small\">")
		escapeText(b, a.File)
		b.WriteString("</code></td>\n    <td>")
		escapeText(b, a.Source)
		b.WriteString("</td>\n    <td>")
		switch {
		case a.Published == "":
			b.WriteString("<span class=\"flag flag-conflict\">unknown</span>")
		default:
			b.WriteString("<time datetime=\"")
			escapeAttr(b, a.PublishedISO)
			b.WriteString("\">")
			escapeText(b, a.Published)
			b.WriteString("</time>")
			if !a.PublishedInferred {
				b.WriteString(" <span class=\"small\">stated</span>")
				break
			}
			b.WriteString(" <span class=\"inferred\">inferred</span>")
			if a.Window != "" {
				b.WriteString("<br><span class=\"small\">window ")
				escapeText(b, a.Window)
				b.WriteString("</span>")
			}
			if len(a.Inference) > 0 {
				b.WriteString("<br><span class=\"small\">from: ")
				for i, s := range a.Inference { // {{join . "; "}}
					if i > 0 {
						b.WriteString("; ")
					}
					escapeText(b, s)
				}
				b.WriteString("</span>")
			}
		}
		b.WriteString("</td>\n    <td>")
		b.WriteString(strconv.Itoa(len(a.Events)))
		b.WriteString("</td>\n  </tr>")
	}
	b.WriteString("\n  </tbody>\n</table>\n</div>\n</div>\n")
}

// writeChecks mirrors layouts/checks.html, the block "main" of the
// checks page: the findings by kind, the phrases not placed on the
// calendar and the input problems.
func writeChecks(b *bytes.Buffer, p page, k *goKind) {
	s := p.Site
	b.WriteString("\n<div class=\"wrap narrow\">\n<h1>Checks</h1>\n<p>What a journalist should look at before publishing: conflicts between sources, events only one source reports, reports whose date had to be inferred, and phrases the tool could not place. The same list comes from <code>timeline check</code>.</p>")
	for _, g := range s.FindingGroups {
		b.WriteString("\n<h2 id=\"findings-")
		escapeAttr(b, g.Kind)
		b.WriteString("\">")
		escapeText(b, flagLabel(g.Kind))
		b.WriteString(" <span class=\"count\">")
		b.WriteString(strconv.Itoa(g.Count))
		b.WriteString("</span></h2>\n<ul class=\"findings\">")
		for _, f := range g.Items {
			b.WriteString("\n  <li class=\"finding finding-")
			escapeAttr(b, f.Kind)
			b.WriteString("\"><span class=\"flag flag-")
			escapeAttr(b, f.Kind)
			b.WriteString("\">")
			escapeText(b, flagLabel(f.Kind))
			b.WriteString("</span> ")
			escapeText(b, f.Message)
			if e := f.Event; e != nil {
				b.WriteString(" <a href=\"")
				escapeURL(b, e.URL)
				b.WriteString("\">Event: ")
				escapeText(b, e.Display)
				b.WriteString(", ")
				escapeText(b, e.Title)
				b.WriteString("</a>")
			}
			if a := f.Article; a != nil {
				b.WriteString(" <a href=\"")
				escapeURL(b, a.URL)
				b.WriteString("\">Report: ")
				escapeText(b, a.Title)
				b.WriteString("</a>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n</ul>")
		if g.More != 0 {
			b.WriteString("\n<p class=\"small\">")
			b.WriteString(strconv.Itoa(g.More))
			b.WriteString(" more not listed here: <code>timeline check</code> lists every finding, and so does <a href=\"")
			b.WriteString(k.json)
			b.WriteString("\">timeline.json</a>.</p>")
		}
	}
	if len(s.FindingGroups) == 0 {
		b.WriteString("\n<p class=\"ok\">No findings.</p>")
	}
	if len(s.UnplacedArticles) > 0 || len(s.Unplaced) > 0 {
		b.WriteString("\n<h2>Phrases not placed on the calendar</h2>\n<p>Durations, repeated times and vague references are dates of a kind, but not events. Each report's page lists its own, so nothing is silently dropped.</p>\n<ul class=\"unplaced\">")
		for _, a := range s.UnplacedArticles {
			b.WriteString("\n  <li><a href=\"")
			escapeURL(b, a.URL)
			b.WriteString("#unplaced-h\">")
			escapeText(b, a.Title)
			b.WriteString("</a>")
			if a.Source != "" {
				b.WriteString(" <cite>")
				escapeText(b, a.Source)
				b.WriteString("</cite>")
			}
			b.WriteString(": ")
			writePlural(b, len(a.Unplaced), "phrase", "phrases")
			b.WriteString(" (")
			for i, ph := range a.UnplacedSample {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("‘")
				escapeText(b, ph)
				b.WriteString("’")
			}
			if len(a.Unplaced) > len(a.UnplacedSample) {
				b.WriteString(", …")
			}
			b.WriteString(")</li>")
		}
		for _, m := range s.Unplaced {
			b.WriteString("\n  <li>‘")
			escapeText(b, m.Phrase())
			b.WriteString("’ <code>")
			escapeText(b, m.Value)
			b.WriteString("</code> in ")
			escapeText(b, m.Mention.Article)
			b.WriteString(": <q>")
			escapeText(b, m.Sentence)
			b.WriteString("</q></li>")
		}
		b.WriteString("\n</ul>")
	}
	if len(s.Warnings) > 0 {
		b.WriteString("\n<h2>Input problems</h2>\n<ul>")
		for _, w := range s.Warnings {
			b.WriteString("<li><code>")
			escapeText(b, w)
			b.WriteString("</code></li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("\n</div>\n")
}
