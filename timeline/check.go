package timeline

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-news/timeline/timeline/dates"
)

// The kinds of Finding, in the order `timeline check` lists them.
var findingKinds = []string{"conflict", "moved", "single-source", "inferred-date", "missing-date",
	"unresolved", "ambiguous", "stale-override"}

// Check lists what a journalist should look at in a chronology:
// conflicting and moved dates with each side's evidence, events only
// one independent source reports, articles whose publication date was
// inferred (and from what) or is missing, phrases that could not be
// placed on the calendar, and phrases the resolver had to choose a
// reading for. Findings are sorted by kind, then in chronology order.
// (Stale curation overrides come from MergeAll; Build adds them.)
func Check(c *Chronology) []Finding {
	var out []Finding
	src := map[string]*Article{}
	for _, a := range c.Articles {
		src[a.ID] = a
	}
	// each event's findings on every core, joined in event order
	const chunk = 64
	perChunk := make([][]Finding, (len(c.Events)+chunk-1)/chunk)
	forEach(len(perChunk), runtime.GOMAXPROCS(0), func(k int) {
		var fs []Finding
		for _, ev := range c.Events[k*chunk : min(len(c.Events), (k+1)*chunk)] {
			var main *evidenceList
			for _, cf := range ev.Conflicts {
				kind := "conflict"
				if cf.Moved {
					kind = "moved"
				}
				if main == nil {
					main = mainEvidence(ev, nil, src)
				}
				fs = append(fs, Finding{Kind: kind, Event: ev.ID, Message: conflictMessage(ev, cf, src, main)})
			}
			if ev.Independent == 1 && !ev.Manual {
				fs = append(fs, Finding{Kind: "single-source", Event: ev.ID,
					Message: dates.Display(ev.Date, ev.Mod) + " " + strconv.Quote(ev.Title) + ": only " + sourceNames(ev.Sources, src) + " reports it"})
			}
		}
		perChunk[k] = fs
	})
	for _, fs := range perChunk {
		out = append(out, fs...)
	}
	for _, a := range c.Articles {
		switch {
		case a.Published.IsZero():
			out = append(out, Finding{Kind: "missing-date", Article: a.ID,
				Message: a.File + " has no publication date and none could be inferred; its relative dates are not resolved"})
		case a.PublishedInferred:
			msg := a.File + " has no date; inferred " + dates.Display(dates.DayValue(a.Published), "")
			if !a.Window[0].IsZero() && !a.Window[0].Equal(a.Window[1]) {
				msg += fmt.Sprintf(" (published between %s and %s)", dates.Display(dates.DayValue(a.Window[0]), ""), dates.Display(dates.DayValue(a.Window[1]), ""))
			}
			if len(a.Inference) > 0 {
				msg += " from: " + strings.Join(a.Inference, "; ")
			}
			out = append(out, Finding{Kind: "inferred-date", Article: a.ID, Message: msg})
		}
	}
	for _, m := range c.Unplaced {
		if m.Value == "" || strings.Contains(m.Value, "X") {
			out = append(out, Finding{Kind: "unresolved", Article: m.Article,
				Message: strconv.Quote(m.Phrase) + " could not be placed on the calendar (" + valueOrNone(m.Value) + ") in: " + m.Sentence})
		}
	}
	for _, ev := range c.Events {
		for _, m := range ev.Mentions {
			if m.Note != "" {
				out = append(out, Finding{Kind: "ambiguous", Event: ev.ID, Article: m.Article,
					Message: strconv.Quote(m.Phrase) + " (written " + m.Anchor + ") read as " + dates.Display(m.Value, m.Mod) + ": " + m.Note})
			}
		}
	}
	for _, m := range c.Unplaced {
		if m.Note != "" {
			out = append(out, Finding{Kind: "ambiguous", Article: m.Article,
				Message: strconv.Quote(m.Phrase) + " (written " + m.Anchor + ") read as " + valueOrNone(m.Value) + ": " + m.Note})
		}
	}
	SortFindings(out)
	return out
}

// SortFindings orders findings by kind (as `timeline check` lists
// them), keeping the order within a kind.
func SortFindings(fs []Finding) {
	// a stable bucket sort: each kind's findings in the order given,
	// kinds in findingKinds order (an unknown kind ranks first, with
	// the first kind, as it always has)
	rank := make([]int, len(fs))
	count := make([]int, len(findingKinds)+1)
	for i := range fs {
		r := max(0, slices.Index(findingKinds, fs[i].Kind))
		rank[i] = r
		count[r+1]++
	}
	for r := 1; r < len(count); r++ {
		count[r] += count[r-1]
	}
	out := make([]Finding, len(fs))
	for i := range fs {
		out[count[rank[i]]] = fs[i]
		count[rank[i]]++
	}
	copy(fs, out)
}

func valueOrNone(v string) string {
	if v == "" {
		return "no value"
	}
	return v
}

// evidenceList is the evidence of some mentions, joined with "; ".
type evidenceList struct {
	text []byte
	n    int
}

// isMain reports whether mention m of ev gives the event's date.
func isMain(ev *Event, m *Mention) bool {
	return m.Value != "" && len(m.Value) >= 10 && m.Value[:10] == ev.Date
}

// mainEvidence is the evidence of the mentions that give the event's
// date, except those in skip (indexes into ev.Mentions).
func mainEvidence(ev *Event, skip []bool, src map[string]*Article) *evidenceList {
	var l evidenceList
	for i := range ev.Mentions {
		if m := &ev.Mentions[i]; (skip == nil || !skip[i]) && isMain(ev, m) {
			if l.n > 0 {
				l.text = append(l.text, "; "...)
			}
			l.text = appendEvidence(l.text, m, src)
			l.n++
		}
	}
	return &l
}

// conflictMessage states each side of a conflict with its evidence, in
// the order the reports came out. main is mainEvidence(ev, nil, src):
// it serves every conflict of the event none of whose mentions gives
// the event's date (as none does, but the rule does not assume it).
func conflictMessage(ev *Event, cf Conflict, src map[string]*Article, main *evidenceList) string {
	var other []byte
	var in []bool
	for k, i := range cf.Mentions {
		if isMain(ev, &ev.Mentions[i]) && in == nil {
			in = make([]bool, len(ev.Mentions))
		}
		if in != nil {
			in[i] = true
		}
		if k > 0 {
			other = append(other, "; "...)
		}
		other = appendEvidence(other, &ev.Mentions[i], src)
	}
	if in != nil {
		for _, i := range cf.Mentions {
			in[i] = true
		}
		main = mainEvidence(ev, in, src)
	}
	var b strings.Builder
	b.Grow(len(other) + len(main.text) + 2*len(ev.Title) + 80)
	b.WriteString(strconv.Quote(ev.Title))
	if cf.Moved {
		b.WriteString(": first reported for ")
		b.WriteString(dates.Display(cf.Value, ""))
		b.WriteString(" (")
		b.Write(other)
		b.WriteString("), later for ")
		b.WriteString(dates.Display(ev.Date, ""))
		b.WriteString(" (")
		b.Write(main.text)
		b.WriteByte(')')
		return b.String()
	}
	b.WriteString(": ")
	b.WriteString(plural(main.n, "report"))
	b.WriteString(" says ")
	b.WriteString(dates.Display(ev.Date, ""))
	b.WriteString(" (")
	b.Write(main.text)
	b.WriteString("), but ")
	b.WriteString(dates.Display(cf.Value, ""))
	b.WriteString(" (")
	b.Write(other)
	b.WriteByte(')')
	return b.String()
}

// appendEvidence appends one mention as a reader checks it to b:
// phrase, report, date written.
func appendEvidence(b []byte, m *Mention, src map[string]*Article) []byte {
	name := m.Article
	if a := src[m.Article]; a != nil && a.Source != "" {
		name = a.Source
	}
	b = strconv.AppendQuote(b, m.Phrase)
	b = append(b, " in "...)
	b = append(b, name...)
	b = append(b, ", published "...)
	return append(b, m.Anchor...)
}

func sourceNames(ids []string, src map[string]*Article) string {
	var names []string
	for _, id := range ids {
		if a := src[id]; a != nil && a.Source != "" {
			names = append(names, a.Source+" ("+id+")")
		} else {
			names = append(names, id)
		}
	}
	return strings.Join(names, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
