package corpusgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// GoldFile is the name of the file, next to config.toml and outside
// content/, in which Generate records what every generated date phrase
// denotes: one JSON Phrase a line, articles in generation order, phrases
// in text order.
const GoldFile = "gold.jsonl"

// Phrase is one date phrase the generator wrote and the truth about it:
// the value it denotes and the happening it reports. Sentences are
// written in plain text (no Markdown inside), so Sentence can be found
// verbatim in the article's text, and the phrase at Offset in it.
type Phrase struct {
	// Path is the article's path relative to the site folder ("content/...").
	Path string `json:"path"`
	// Sentence is the sentence the phrase is in, as written; Offset is
	// the byte offset of the phrase in it and Text the phrase itself.
	Sentence string `json:"sentence"`
	Offset   int    `json:"offset"`
	Text     string `json:"phrase"`
	// Type is the TIMEX3 type the phrase should get: "DATE", "DURATION" or "SET".
	Type string `json:"type"`
	// Value is what the phrase itself says, as a TIMEX3 value
	// ("2024-03-05", "2024-03", "2024-W10", "2015", "2024-SU", "P2Y").
	Value string `json:"value"`
	// Day is the true day (YYYY-MM-DD) of the story event the phrase
	// reports; it differs from Value when the report gets the day wrong
	// or names only the week or month. "" for other phrases.
	Day string `json:"day,omitempty"`
	// Event is the gold event key: phrases with the same key report the
	// same happening ("story3/event2", "story3/background1-2015",
	// "story3/relative2-2024-05"). "" for phrases that are not events
	// (durations, sets).
	Event string `json:"event"`
}

// goldWriter writes the gold file of Generate.
type goldWriter struct {
	f   *os.File
	w   *bufio.Writer
	enc *json.Encoder
}

func newGoldWriter(name string) (*goldWriter, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &goldWriter{f: f, w: w, enc: enc}, nil
}

func (gw *goldWriter) write(ps []Phrase) error {
	for _, p := range ps {
		if err := gw.enc.Encode(p); err != nil {
			return err
		}
	}
	return nil
}

func (gw *goldWriter) close() error {
	err := gw.w.Flush()
	if cerr := gw.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// goldFor returns the gold phrases of the body just written, for the article at path.
func (g *gen) goldFor(path string) []Phrase {
	out := make([]Phrase, len(g.gold))
	for i, p := range g.gold {
		p.Path = path
		out[i] = p
	}
	return out
}

// note records the phrase text, found in sentence, as a gold phrase.
func (g *gen) note(sentence, text, typ, value, day, event string) {
	off := strings.Index(sentence, text)
	if off < 0 {
		panic(fmt.Sprintf("corpusgen: phrase %q not in sentence %q", text, sentence))
	}
	g.gold = append(g.gold, Phrase{Sentence: sentence, Offset: off, Text: text, Type: typ, Value: value, Day: day, Event: event})
}

// eventKey is the gold key of event k of s. Two events of a story with
// the same day and the same wording cannot be told apart by any reader,
// so they share the key of the first.
func (s *story) eventKey(k int) string {
	for j := range k {
		if s.events[j].day.Equal(s.events[k].day) && s.events[j].clause == s.events[k].clause {
			k = j
			break
		}
	}
	return fmt.Sprintf("story%d/event%d", s.id, k)
}

// backgroundPhrases are the date phrases of the background templates, index for index.
var backgroundPhrases = []string{"{year}", "early {year}", "{year}", "late {year}", "mid-{year}", "the spring of {year}", "{year}"}

// backgroundSentence writes a background sentence about s's past
// ("Relations have been strained since early 2015"): the same template
// in one story is one happening.
func (g *gen) backgroundSentence(s *story, fill *strings.Replacer) string {
	i := g.r.IntN(len(background))
	sent := fill.Replace(background[i])
	year := fmt.Sprint(s.backYear)
	g.note(sent, fill.Replace(backgroundPhrases[i]), "DATE", year, "", fmt.Sprintf("story%d/background%d-%s", s.id, i, year))
	return sent
}

// durationPhrases and durationValues are the durations of the duration templates, index for index.
var (
	durationPhrases = []string{"nearly three hours", "two years", "six years", "90 days", "the past two weeks", "five years", "decades"}
	durationValues  = []string{"PT3H", "P2Y", "P6Y", "P90D", "P2W", "P5Y", "PXDE"}
)

// durationSentence writes a sentence with a duration, which is not an event.
func (g *gen) durationSentence(fill *strings.Replacer) string {
	i := g.r.IntN(len(durations))
	sent := fill.Replace(durations[i])
	g.note(sent, durationPhrases[i], "DURATION", durationValues[i], "", "")
	return sent
}

// relativePhrases are the date phrases of the relative templates, index for index.
var relativePhrases = []string{"last year", "Earlier this month", "next month", "last week", "the end of the year",
	"{lastyear}", "{month}", "this {season}", "next week", "last month", "Every Monday"}

// seasonCodes are the TIMEX3 codes of seasons, in the order of seasons.
var seasonCodes = []string{"WI", "SP", "SU", "FA"}

// noteRelative records the phrase of relative template i written on
// pub: a happening of story s at the period the phrase denotes (a
// set, "Every Monday", is not an event).
func (g *gen) noteRelative(s *story, i int, sent, phrase string, pub time.Time) {
	month := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
	var value string
	switch i {
	case 0, 5:
		value = fmt.Sprint(pub.Year() - 1)
	case 1:
		value = month.Format("2006-01")
	case 2:
		value = month.AddDate(0, 1, 0).Format("2006-01")
	case 3:
		value = isoWeek(pub.AddDate(0, 0, -7))
	case 4:
		value = fmt.Sprint(pub.Year())
	case 6:
		value = pub.AddDate(0, -2, 0).Format("2006-01")
	case 7:
		value = fmt.Sprintf("%d-%s", pub.Year(), seasonCodes[int(pub.Month())%12/3])
	case 8:
		value = isoWeek(pub.AddDate(0, 0, 7))
	case 9:
		value = month.AddDate(0, -1, 0).Format("2006-01")
	case 10:
		g.note(sent, phrase, "SET", "XXXX-WXX-1", "", "")
		return
	}
	g.note(sent, phrase, "DATE", value, "", fmt.Sprintf("story%d/relative%d-%s", s.id, i, value))
}

// isoWeek is the TIMEX3 week value of t ("2024-W09").
func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}
