package render

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/dates"
)

// Format is one export format of a chronology.
type Format struct {
	// Name is what `timeline export --format` takes ("csv").
	Name string
	// File is the file every build writes it to, relative to the site root.
	File string
	// Label and Type describe it for links on the site.
	Label, Type string
	// write encodes a chronology to out; the two large formats stream.
	write func(out io.Writer, c *timeline.Chronology, u URLs) error
}

// Formats are the export formats, in the order the site lists them.
var Formats = []Format{
	{"json", "timeline.json", "JSON (the whole chronology)", "application/json", func(out io.Writer, c *timeline.Chronology, _ URLs) error { return WriteJSON(out, c) }},
	{"csv", "timeline.csv", "CSV (one row per event and mention)", "text/csv", WriteCSV},
	{"ics", "timeline.ics", "iCalendar", "text/calendar", bytesOf(func(c *timeline.Chronology, u URLs) ([]byte, error) { return ICS(c, u), nil })},
	{"timelinejs", "timelinejs.json", "TimelineJS JSON", "application/json", bytesOf(TimelineJS)},
	{"atom", "feed.xml", "Atom feed of events", "application/atom+xml", bytesOf(Atom)},
}

// bytesOf makes an encoder that returns bytes write them to out.
func bytesOf(encode func(c *timeline.Chronology, u URLs) ([]byte, error)) func(io.Writer, *timeline.Chronology, URLs) error {
	return func(out io.Writer, c *timeline.Chronology, u URLs) error {
		b, err := encode(c, u)
		if err != nil {
			return err
		}
		_, err = out.Write(b)
		return err
	}
}

// encode is the format's bytes.
func (f Format) encode(c *timeline.Chronology, u URLs) ([]byte, error) {
	var b bytes.Buffer
	if err := f.write(&b, c, u); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Export encodes a chronology in the named format ("json", "csv",
// "ics", "timelinejs", "atom"), with links built from baseURL.
func Export(c *timeline.Chronology, format, baseURL string) ([]byte, error) {
	u, err := NewURLs(baseURL)
	if err != nil {
		return nil, fmt.Errorf("baseURL %q: %w", baseURL, err)
	}
	for _, f := range Formats {
		if f.Name == format {
			return f.encode(c, u)
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(names, ", "))
}

// CSV encodes a chronology as CSV: a header row, then one row per event
// and mention (an event without mentions gets one row). Cells that a
// spreadsheet would read as a formula get a leading apostrophe.
func CSV(c *timeline.Chronology, u URLs) ([]byte, error) {
	var buf bytes.Buffer
	size := 0
	for _, e := range c.Events {
		// a row repeats the event's fields and its article's
		size += mentionsSize(e) + len(e.Mentions)*(len(e.Title)+3*len(e.ID)+256)
	}
	buf.Grow(size)
	if err := writeCSV(&buf, c, u); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteCSV writes CSV(c, u) to out through a buffer of a megabyte, so a
// large chronology is never whole in memory.
func WriteCSV(out io.Writer, c *timeline.Chronology, u URLs) error {
	bw := bufio.NewWriterSize(out, 1<<20)
	if err := writeCSV(bw, c, u); err != nil {
		return err
	}
	return bw.Flush()
}

func writeCSV(out io.Writer, c *timeline.Chronology, u URLs) error {
	header := []string{"event_id", "event_date", "precision", "display_date", "event_title", "reports", "independent",
		"flags", "event_url", "article_id", "source", "article_title", "published", "published_inferred",
		"sentence", "phrase", "value", "anchor", "rule", "tense", "note"}
	// "\ufeff" so spreadsheets read UTF-8. Rows are encoded into b, which
	// is written out every few hundred kilobytes; an event's cells are
	// encoded once for all its rows, and an article's once for all the
	// rows of its mentions.
	b := appendCSVRow([]byte("\ufeff"), nil, header)
	artCells := make(map[string][]byte, len(c.Articles))
	for _, a := range c.Articles {
		var pub string
		if !a.Published.IsZero() {
			pub = dates.DayValue(a.Published)
		}
		artCells[a.ID] = append(appendCSVCells(nil, guardRow([]string{a.ID, a.Source, a.Title, pub,
			strconv.FormatBool(a.PublishedInferred)})), ',')
	}
	var prefix, unknown []byte
	for _, e := range c.Events {
		ev := []string{e.ID, e.Date, e.Precision, dates.Display(e.Date, e.Mod), e.Title, strconv.Itoa(len(e.Sources)),
			strconv.Itoa(e.Independent), strings.Join(e.Flags, " "), u.Abs("events/" + e.ID + "/")}
		if len(e.Mentions) == 0 {
			row := append(ev, make([]string, len(header)-len(ev))...)
			row[len(row)-1] = e.Note
			b = appendCSVRow(b, nil, guardRow(row))
		}
		prefix = append(appendCSVCells(prefix[:0], guardRow(ev)), ',')
		for _, m := range e.Mentions {
			b = append(b, prefix...)
			if cells, ok := artCells[m.Article]; ok {
				b = append(b, cells...)
			} else {
				unknown = append(appendCSVCells(unknown[:0], guardRow([]string{m.Article, "", "", "", ""})), ',')
				b = append(b, unknown...)
			}
			b = appendCSVRow(b, nil, guardRow([]string{m.Sentence, m.Phrase, m.Value, m.Anchor, m.Rule, m.Tense, m.Note}))
		}
		if len(b) >= csvChunk {
			if _, err := out.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	_, err := out.Write(b)
	return err
}

// csvChunk is how many bytes of rows writeCSV encodes before writing them.
const csvChunk = 256 << 10

// appendCSVRow appends a row of CSV, as encoding/csv writes it with
// UseCRLF: prefix, the first cells of the row already encoded and each
// followed by its comma (appendCSVCells, then ','), or nothing; then
// cells; then CRLF.
func appendCSVRow(b, prefix []byte, cells []string) []byte {
	b = append(b, prefix...)
	return append(appendCSVCells(b, cells), '\r', '\n')
}

// appendCSVCells appends cells separated by commas, each quoted when
// encoding/csv quotes it (a comma, quote or line break in it, a leading
// space, or exactly \.), quotes doubled and line breaks written as CRLF.
func appendCSVCells(b []byte, cells []string) []byte {
	for n, cell := range cells {
		if n > 0 {
			b = append(b, ',')
		}
		if !csvNeedsQuotes(cell) {
			b = append(b, cell...)
			continue
		}
		b = append(b, '"')
		for len(cell) > 0 {
			i := strings.IndexAny(cell, "\"\r\n")
			if i < 0 {
				i = len(cell)
			}
			b = append(b, cell[:i]...)
			cell = cell[i:]
			if len(cell) > 0 {
				switch cell[0] {
				case '"':
					b = append(b, '"', '"')
				case '\n':
					b = append(b, '\r', '\n')
				} // a CR alone is dropped, as encoding/csv drops it with UseCRLF
				cell = cell[1:]
			}
		}
		b = append(b, '"')
	}
	return b
}

// csvNeedsQuotes is encoding/csv's rule for a comma-separated cell.
func csvNeedsQuotes(cell string) bool {
	if cell == "" {
		return false
	}
	if cell == `\.` || strings.ContainsAny(cell, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
}

// guardRow prefixes an apostrophe to cells a spreadsheet would run as a
// formula (starting with = + - @ tab or carriage return).
func guardRow(row []string) []string {
	for i, s := range row {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			row[i] = "'" + s
		}
	}
	return row
}

func articlesByID(c *timeline.Chronology) map[string]*timeline.Article {
	m := map[string]*timeline.Article{}
	for _, a := range c.Articles {
		m[a.ID] = a
	}
	return m
}

// latestPublished is the latest publication date of any article
// (YYYY-MM-DD), or "" when none has one. Exports use it where a format
// wants a timestamp, so the same input gives the same bytes.
func latestPublished(c *timeline.Chronology) string {
	var latest string
	for _, a := range c.Articles {
		if !a.Published.IsZero() {
			if d := dates.DayValue(a.Published); d > latest {
				latest = d
			}
		}
	}
	return latest
}

// eventUpdated is the date an event was last reported, for feeds;
// fallback (the latest publication date of all) when none is known.
func eventUpdated(e *timeline.Event, arts map[string]*timeline.Article, fallback string) string {
	if e.LastReported != "" {
		return e.LastReported
	}
	var latest string
	for _, id := range e.Sources {
		if a := arts[id]; a != nil && !a.Published.IsZero() {
			latest = max(latest, dates.DayValue(a.Published))
		}
	}
	if latest == "" {
		latest = fallback
	}
	return latest
}

// ICS encodes the events as an iCalendar file: one all-day VEVENT per
// event, spanning its date at its precision (a month event lasts the
// month). Text is escaped and lines folded at 75 octets as RFC 5545
// says; DTSTAMP is the latest publication date, never the clock.
func ICS(c *timeline.Chronology, u URLs) []byte {
	var b strings.Builder
	line := func(s string) { foldLine(&b, s) }
	stamp := strings.ReplaceAll(latestPublished(c), "-", "")
	if stamp == "" {
		stamp = "19700101"
	}
	host := "timeline"
	if i := strings.Index(u.Origin, "://"); i >= 0 {
		host = u.Origin[i+3:]
	}
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//timeline-news//timeline//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsEscape(c.Config.Title))
	if c.Config.Description != "" {
		line("X-WR-CALDESC:" + icsEscape(c.Config.Description))
	}
	arts := articlesByID(c)
	for _, e := range c.Events {
		span, ok := dates.ParseSpan(e.Date)
		if !ok {
			continue
		}
		line("BEGIN:VEVENT")
		line("UID:" + icsEscape(e.ID+"@"+host+strings.TrimSuffix(u.Base, "/")))
		line("DTSTAMP:" + stamp + "T000000Z")
		line("DTSTART;VALUE=DATE:" + span.Start.Format("20060102"))
		line("DTEND;VALUE=DATE:" + span.End.Format("20060102"))
		line("SUMMARY:" + icsEscape(e.Title))
		line("DESCRIPTION:" + icsEscape(eventText(e, arts)))
		line("URL:" + u.Abs("events/"+e.ID+"/"))
		if len(e.Flags) > 0 {
			line("CATEGORIES:" + icsEscape(strings.Join(e.Flags, ",")))
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
}

// digestQuotes is how many mentions calendar, feed and TimelineJS
// entries quote. They are summaries that link to the event page; the
// page, timeline.json and timeline.csv keep every mention.
const digestQuotes = 5

// digest picks the mentions an event's summary quotes: the first of each
// source, in the event's order, up to digestQuotes. rest is how many
// mentions it leaves out.
func digest(e *timeline.Event, arts map[string]*timeline.Article) (quoted []timeline.Mention, rest int) {
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		if len(quoted) == digestQuotes {
			break
		}
		src := sourceName(m, arts)
		if seen[src] {
			continue
		}
		seen[src] = true
		quoted = append(quoted, m)
	}
	return quoted, len(e.Mentions) - len(quoted)
}

// sourceName is the source of a mention's article, or the article's id.
func sourceName(m timeline.Mention, arts map[string]*timeline.Article) string {
	if a := arts[m.Article]; a != nil && a.Source != "" {
		return a.Source
	}
	return m.Article
}

// moreMentions says how many mentions a summary left out.
func moreMentions(rest int) string {
	if rest == 1 {
		return "1 more mention on the event page"
	}
	return strconv.Itoa(rest) + " more mentions on the event page"
}

// eventText says an event in plain text: its date, its sources and the
// phrases of the first few of them, for calendar and feed entries.
func eventText(e *timeline.Event, arts map[string]*timeline.Article) string {
	var b strings.Builder
	quoted, rest := digest(e, arts)
	fmt.Fprintf(&b, "%s. %s.", dates.Display(e.Date, e.Mod), reportCount(len(e.Sources), e.Independent))
	if e.Note != "" {
		b.WriteString("\n" + e.Note)
	}
	for _, m := range quoted {
		fmt.Fprintf(&b, "\n- %q in %s: %s", m.Phrase, sourceName(m, arts), m.Sentence)
	}
	if rest > 0 {
		b.WriteString("\n(" + moreMentions(rest) + ".)")
	}
	return b.String()
}

// mentionsSize is about the bytes an event's mentions take in an
// export: their sentences and phrases, with room for the words around
// them, so a buffer can be sized once rather than grown by copying.
func mentionsSize(e *timeline.Event) int {
	n := 0
	for _, m := range e.Mentions {
		n += len(m.Sentence) + len(m.Phrase) + 64
	}
	return n
}

func reportCount(reports, independent int) string {
	s := strconv.Itoa(reports) + " report"
	if reports != 1 {
		s += "s"
	}
	if independent > 0 && independent != reports {
		s += ", " + strconv.Itoa(independent) + " independent"
	}
	return s
}

// icsEscape escapes an iCalendar TEXT value.
func icsEscape(s string) string {
	return icsEscaper.Replace(s)
}

var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// foldLine writes one content line, folded into lines of at most 75
// octets (continuations start with a space), never inside a UTF-8
// sequence, each ended by CRLF.
func foldLine(b *strings.Builder, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// TimelineJS encodes the events for Knight Lab's TimelineJS
// (https://timeline.knightlab.com/docs/json-format.html). Dates carry
// only the parts their precision knows, with display_date saying it in
// words ("Feb 2025"); text fields are HTML, so all text is escaped.
func TimelineJS(c *timeline.Chronology, u URLs) ([]byte, error) {
	type tjsDate struct {
		Year        int    `json:"year"`
		Month       int    `json:"month,omitempty"`
		Day         int    `json:"day,omitempty"`
		DisplayDate string `json:"display_date,omitempty"`
	}
	type tjsText struct {
		Headline string `json:"headline"`
		Text     string `json:"text,omitempty"`
	}
	type tjsEvent struct {
		StartDate   tjsDate  `json:"start_date"`
		EndDate     *tjsDate `json:"end_date,omitempty"`
		DisplayDate string   `json:"display_date,omitempty"`
		Text        tjsText  `json:"text"`
		Group       string   `json:"group,omitempty"`
		UniqueID    string   `json:"unique_id"`
	}
	type tjs struct {
		Title  tjsText    `json:"title"`
		Events []tjsEvent `json:"events"`
	}
	out := tjs{Title: tjsText{Headline: html.EscapeString(c.Config.Title), Text: html.EscapeString(c.Config.Description)},
		Events: []tjsEvent{}}
	arts := articlesByID(c)
	for _, e := range c.Events {
		span, ok := dates.ParseSpan(e.Date)
		if !ok {
			continue
		}
		d := tjsDate{Year: span.Start.Year()}
		disp := dates.Display(e.Date, e.Mod)
		switch {
		case span.Precision <= dates.PrecisionDay:
			d.Month, d.Day = int(span.Start.Month()), span.Start.Day()
		case span.Precision == dates.PrecisionMonth:
			d.Month = int(span.Start.Month())
		}
		d.DisplayDate = disp
		ev := tjsEvent{StartDate: d, DisplayDate: disp, UniqueID: "e-" + e.ID}
		if span.Precision > dates.PrecisionDay && span.Precision != dates.PrecisionMonth && span.Precision != dates.PrecisionYear {
			last := span.End.AddDate(0, 0, -1)
			ev.EndDate = &tjsDate{Year: last.Year(), Month: int(last.Month()), Day: last.Day()}
		}
		var t strings.Builder
		quoted, rest := digest(e, arts)
		fmt.Fprintf(&t, "<p>%s.</p>", html.EscapeString(reportCount(len(e.Sources), e.Independent)))
		for _, m := range quoted {
			fmt.Fprintf(&t, "<blockquote>%s</blockquote><p>&lsquo;%s&rsquo; in %s</p>", html.EscapeString(m.Sentence),
				html.EscapeString(m.Phrase), html.EscapeString(sourceName(m, arts)))
		}
		link := "Evidence"
		if rest > 0 {
			link = "All the evidence (" + moreMentions(rest) + ")"
		}
		fmt.Fprintf(&t, `<p><a href="%s">%s</a></p>`, html.EscapeString(u.Abs("events/"+e.ID+"/")), html.EscapeString(link))
		ev.Text = tjsText{Headline: html.EscapeString(e.Title), Text: t.String()}
		if e.Key {
			ev.Group = "Key events"
		}
		out.Events = append(out.Events, ev)
	}
	return indentJSON(out)
}

// Atom encodes the events as an Atom feed, one entry per event. Its
// updated times come from publication dates, never the clock.
func Atom(c *timeline.Chronology, u URLs) ([]byte, error) {
	type link struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	type text struct {
		Type string `xml:"type,attr,omitempty"`
		Body string `xml:",chardata"`
	}
	type entry struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Updated   string `xml:"updated"`
		Published string `xml:"published,omitempty"`
		Link      link   `xml:"link"`
		Category  []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Summary text `xml:"summary"`
	}
	type author struct {
		Name string `xml:"name"`
	}
	type feed struct {
		XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title    string   `xml:"title"`
		Subtitle string   `xml:"subtitle,omitempty"`
		ID       string   `xml:"id"`
		Updated  string   `xml:"updated"`
		Links    []link   `xml:"link"`
		Author   author   `xml:"author"`
		Entries  []entry  `xml:"entry"`
	}
	stamp := func(day string) string {
		if day == "" {
			day = "1970-01-01"
		}
		return day + "T00:00:00Z"
	}
	latest := latestPublished(c)
	f := feed{Title: c.Config.Title, Subtitle: c.Config.Description, ID: atomID(c, u, ""),
		Updated: stamp(latest), Author: author{Name: c.Config.Title},
		Links: []link{{Rel: "self", Type: "application/atom+xml", Href: u.Abs("feed.xml")}, {Rel: "alternate", Type: "text/html", Href: u.Abs("")}}}
	arts := articlesByID(c)
	for _, e := range c.Events {
		en := entry{Title: dates.Display(e.Date, e.Mod) + ": " + e.Title, ID: atomID(c, u, e.ID),
			Updated: stamp(eventUpdated(e, arts, latest)), Link: link{Rel: "alternate", Type: "text/html", Href: u.Abs("events/" + e.ID + "/")},
			Summary: text{Type: "text", Body: eventText(e, arts)}}
		if e.FirstReported != "" {
			en.Published = stamp(e.FirstReported)
		}
		flags := append([]string(nil), e.Flags...)
		sort.Strings(flags)
		for _, fl := range flags {
			en.Category = append(en.Category, struct {
				Term string `xml:"term,attr"`
			}{fl})
		}
		f.Entries = append(f.Entries, en)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// atomID is a permanent id: the absolute URL when the site has a host,
// else a tag URI made from the site title (RFC 4151 wants a date; the
// fixed 2000 keeps it deterministic).
func atomID(c *timeline.Chronology, u URLs, event string) string {
	if u.Origin != "" {
		if event == "" {
			return u.Abs("")
		}
		return u.Abs("events/" + event + "/")
	}
	id := "tag:timeline.invalid,2000:" + timeline.Slug(c.Config.Title) + strings.TrimSuffix(u.Base, "/")
	if event != "" {
		id += "/events/" + event
	}
	return id
}
