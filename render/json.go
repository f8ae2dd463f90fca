package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/dates"
)

// JSONChronology is the shape of timeline.json, the whole chronology for other tools.
type JSONChronology struct {
	Title    string        `json:"title"`
	Articles []JSONArticle `json:"articles"`
	Events   []JSONEvent   `json:"events"`
	Warnings []string      `json:"warnings"`
	Findings []JSONFinding `json:"findings"`
}

// JSONArticle is one article in timeline.json.
type JSONArticle struct {
	ID                string   `json:"id"`
	Title             string   `json:"title"`
	Source            string   `json:"source"`
	URL               string   `json:"url"`
	File              string   `json:"file"`
	Published         string   `json:"published"`
	PublishedInferred bool     `json:"published_inferred"`
	Window            []string `json:"published_window,omitempty"`
	Inference         []string `json:"inferred_from,omitempty"`
}

// JSONEvent is one event in timeline.json.
type JSONEvent struct {
	ID        string        `json:"id"`
	Date      string        `json:"date"`
	Mod       string        `json:"mod,omitempty"`
	Precision string        `json:"precision"`
	Display   string        `json:"display_date"`
	Title     string        `json:"title"`
	Sources   []string      `json:"sources"`
	Flags     []string      `json:"flags,omitempty"`
	Mentions  []JSONMention `json:"mentions"`
	// Independent counts the sources that are not wire copies of one another.
	Independent int `json:"independent"`
	// Significance scores the event; Key marks the events to see first.
	Significance float64 `json:"significance"`
	Key          bool    `json:"key"`
	// FirstReported, LastReported and Announced are publication days
	// (YYYY-MM-DD): the first and last report, and the first report
	// published before the event's date ("" when none).
	FirstReported string `json:"first_reported,omitempty"`
	LastReported  string `json:"last_reported,omitempty"`
	Announced     string `json:"announced,omitempty"`
	// Conflicts are the other dates some mentions give.
	Conflicts []JSONConflict `json:"conflicts"`
	// Manual marks an event added by hand in config.toml; Note and Link
	// are the journalist's.
	Manual bool   `json:"manual,omitempty"`
	Note   string `json:"note,omitempty"`
	Link   string `json:"link,omitempty"`
}

// JSONConflict is a date, other than the event's, that some of its
// mentions give; Moved is true when the date changed between reports
// over time rather than sources disagreeing.
type JSONConflict struct {
	Value string `json:"value"`
	// Mentions are indexes into the event's mentions.
	Mentions []int `json:"mentions"`
	Moved    bool  `json:"moved"`
}

// JSONMention is one dated statement of an event in timeline.json.
type JSONMention struct {
	Article        string `json:"article"`
	Sentence       string `json:"sentence"`
	Phrase         string `json:"phrase"`
	Start          int    `json:"start"`
	End            int    `json:"end"`
	Type           string `json:"type"`
	Value          string `json:"value"`
	Mod            string `json:"mod,omitempty"`
	Anchor         string `json:"anchor"`
	AnchorInferred bool   `json:"anchor_inferred,omitempty"`
	Rule           string `json:"rule"`
	Tense          string `json:"tense,omitempty"`
	Note           string `json:"note,omitempty"`
}

// JSONFinding is one finding of the checks in timeline.json.
type JSONFinding struct {
	Kind    string `json:"kind"`
	Event   string `json:"event,omitempty"`
	Article string `json:"article,omitempty"`
	Message string `json:"message"`
}

// ToJSON converts a chronology to the timeline.json shape.
func ToJSON(c *timeline.Chronology) JSONChronology {
	out := JSONChronology{Title: c.Config.Title, Articles: []JSONArticle{}, Events: []JSONEvent{},
		Warnings: []string{}, Findings: []JSONFinding{}}
	for _, a := range c.Articles {
		ja := JSONArticle{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, File: a.File,
			PublishedInferred: a.PublishedInferred, Inference: a.Inference}
		if !a.Published.IsZero() {
			ja.Published = dates.DayValue(a.Published)
		}
		if a.PublishedInferred && !a.Window[0].IsZero() {
			ja.Window = []string{dates.DayValue(a.Window[0]), dates.DayValue(a.Window[1])}
		}
		out.Articles = append(out.Articles, ja)
	}
	for _, e := range c.Events {
		je := JSONEvent{ID: e.ID, Date: e.Date, Mod: e.Mod, Precision: e.Precision,
			Display: dates.Display(e.Date, e.Mod), Title: e.Title, Sources: e.Sources, Flags: e.Flags,
			Mentions: []JSONMention{}, Independent: e.Independent, Significance: e.Significance, Key: e.Key,
			FirstReported: e.FirstReported, LastReported: e.LastReported, Announced: e.Announced,
			Conflicts: []JSONConflict{}, Manual: e.Manual, Note: e.Note, Link: e.Link}
		for _, cf := range e.Conflicts {
			idx := cf.Mentions
			if idx == nil {
				idx = []int{}
			}
			je.Conflicts = append(je.Conflicts, JSONConflict{Value: cf.Value, Mentions: idx, Moved: cf.Moved})
		}
		if je.Sources == nil {
			je.Sources = []string{}
		}
		for _, m := range e.Mentions {
			je.Mentions = append(je.Mentions, JSONMention{Article: m.Article, Sentence: m.Sentence,
				Phrase: m.Phrase, Start: m.Start, End: m.End, Type: m.Type, Value: m.Value, Mod: m.Mod,
				Anchor: m.Anchor, AnchorInferred: m.AnchorInferred, Rule: m.Rule, Tense: m.Tense, Note: m.Note})
		}
		out.Events = append(out.Events, je)
	}
	for _, w := range c.Warnings {
		out.Warnings = append(out.Warnings, w.Error())
	}
	for _, f := range c.Findings {
		out.Findings = append(out.Findings, JSONFinding(f))
	}
	return out
}

// JSON encodes a chronology as timeline.json: indented, HTML-escaped,
// ending in a newline. The bytes are those of encoding/json's
// MarshalIndent(ToJSON(c), "", "  ") plus a newline; they are written
// directly, without reflection or an intermediate copy of the mentions.
func JSON(c *timeline.Chronology) ([]byte, error) {
	w := &jsonWriter{b: make([]byte, 0, jsonSize(c))}
	writeJSON(w, c)
	return w.b, nil
}

// WriteJSON writes timeline.json to out, a megabyte at a time, so a
// large chronology is never whole in memory.
func WriteJSON(out io.Writer, c *timeline.Chronology) error {
	w := &jsonWriter{b: make([]byte, 0, jsonChunk+64<<10), out: out}
	writeJSON(w, c)
	w.flush(true)
	return w.err
}

// jsonSize is about the size of timeline.json, to allocate it once.
func jsonSize(c *timeline.Chronology) int {
	size := 256
	for _, a := range c.Articles {
		size += len(a.Title) + len(a.URL) + len(a.File) + len(a.Source) + 256
	}
	for _, e := range c.Events {
		size += len(e.Title) + 512
		for _, m := range e.Mentions {
			size += len(m.Sentence) + len(m.Phrase) + len(m.Article) + len(m.Note) + 320
		}
	}
	return size
}

func writeJSON(w *jsonWriter, c *timeline.Chronology) {
	w.open('{')
	w.str("title", c.Config.Title)
	w.key("articles")
	w.open('[')
	for _, a := range c.Articles {
		w.elem()
		w.open('{')
		w.str("id", a.ID)
		w.str("title", a.Title)
		w.str("source", a.Source)
		w.str("url", a.URL)
		w.str("file", a.File)
		pub := ""
		if !a.Published.IsZero() {
			pub = dates.DayValue(a.Published)
		}
		w.str("published", pub)
		w.boolean("published_inferred", a.PublishedInferred)
		if a.PublishedInferred && !a.Window[0].IsZero() {
			w.strings("published_window", []string{dates.DayValue(a.Window[0]), dates.DayValue(a.Window[1])})
		}
		w.stringsOmit("inferred_from", a.Inference)
		w.close('}')
		w.flush(false)
	}
	w.close(']')
	w.key("events")
	w.open('[')
	for _, e := range c.Events {
		w.elem()
		w.open('{')
		w.str("id", e.ID)
		w.str("date", e.Date)
		w.strOmit("mod", e.Mod)
		w.str("precision", e.Precision)
		w.str("display_date", dates.Display(e.Date, e.Mod))
		w.str("title", e.Title)
		sources := e.Sources
		if sources == nil {
			sources = []string{}
		}
		w.strings("sources", sources)
		w.stringsOmit("flags", e.Flags)
		w.key("mentions")
		w.open('[')
		for _, m := range e.Mentions {
			w.elem()
			w.open('{')
			w.str("article", m.Article)
			w.str("sentence", m.Sentence)
			w.str("phrase", m.Phrase)
			w.integer("start", m.Start)
			w.integer("end", m.End)
			w.str("type", m.Type)
			w.str("value", m.Value)
			w.strOmit("mod", m.Mod)
			w.str("anchor", m.Anchor)
			w.boolOmit("anchor_inferred", m.AnchorInferred)
			w.str("rule", m.Rule)
			w.strOmit("tense", m.Tense)
			w.strOmit("note", m.Note)
			w.close('}')
			// A big event's mentions alone are megabytes: handed on
			// as they come, they never grow the chunk.
			w.flush(false)
		}
		w.close(']')
		w.integer("independent", e.Independent)
		w.float("significance", e.Significance)
		w.boolean("key", e.Key)
		w.strOmit("first_reported", e.FirstReported)
		w.strOmit("last_reported", e.LastReported)
		w.strOmit("announced", e.Announced)
		w.key("conflicts")
		w.open('[')
		for _, cf := range e.Conflicts {
			w.elem()
			w.open('{')
			w.str("value", cf.Value)
			idx := cf.Mentions
			if idx == nil {
				idx = []int{}
			}
			w.ints("mentions", idx)
			w.boolean("moved", cf.Moved)
			w.close('}')
		}
		w.close(']')
		w.boolOmit("manual", e.Manual)
		w.strOmit("note", e.Note)
		w.strOmit("link", e.Link)
		w.close('}')
		w.flush(false)
	}
	w.close(']')
	w.key("warnings")
	w.open('[')
	for _, x := range c.Warnings {
		w.elem()
		w.b = appendJSONString(w.b, x.Error())
		w.flush(false)
	}
	w.close(']')
	w.key("findings")
	w.open('[')
	for _, f := range c.Findings {
		w.elem()
		w.open('{')
		w.str("kind", f.Kind)
		w.strOmit("event", f.Event)
		w.strOmit("article", f.Article)
		w.str("message", f.Message)
		w.close('}')
		// A large site has tens of thousands of findings: handed on
		// as they come, like the mentions.
		w.flush(false)
	}
	w.close(']')
	w.close('}')
	w.b = append(w.b, '\n')
}

// indentJSON encodes v as json.Encoder does with SetIndent("", "  "):
// HTML-escaped, indented by two spaces, ending in a newline. It
// marshals compactly, then indents once into a buffer sized up front.
func indentJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(2*len(b) + 1)
	if err := json.Indent(&buf, b, "", "  "); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
