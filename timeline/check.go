package timeline

import (
	"fmt"
	"sort"
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
	for _, ev := range c.Events {
		for _, cf := range ev.Conflicts {
			kind := "conflict"
			if cf.Moved {
				kind = "moved"
			}
			out = append(out, Finding{Kind: kind, Event: ev.ID, Message: conflictMessage(ev, cf, src)})
		}
		if ev.Independent == 1 && !ev.Manual {
			out = append(out, Finding{Kind: "single-source", Event: ev.ID,
				Message: fmt.Sprintf("%s %q: only %s reports it", dates.Display(ev.Date, ev.Mod), ev.Title, sourceNames(ev.Sources, src))})
		}
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
				Message: fmt.Sprintf("%q could not be placed on the calendar (%s) in: %s", m.Phrase, valueOrNone(m.Value), m.Sentence)})
		}
	}
	for _, ev := range c.Events {
		for _, m := range ev.Mentions {
			if m.Note != "" {
				out = append(out, Finding{Kind: "ambiguous", Event: ev.ID, Article: m.Article,
					Message: fmt.Sprintf("%q (written %s) read as %s: %s", m.Phrase, m.Anchor, dates.Display(m.Value, m.Mod), m.Note)})
			}
		}
	}
	for _, m := range c.Unplaced {
		if m.Note != "" {
			out = append(out, Finding{Kind: "ambiguous", Article: m.Article,
				Message: fmt.Sprintf("%q (written %s) read as %s: %s", m.Phrase, m.Anchor, valueOrNone(m.Value), m.Note)})
		}
	}
	SortFindings(out)
	return out
}

// SortFindings orders findings by kind (as `timeline check` lists
// them), keeping the order within a kind.
func SortFindings(fs []Finding) {
	rank := map[string]int{}
	for i, k := range findingKinds {
		rank[k] = i
	}
	sort.SliceStable(fs, func(i, j int) bool { return rank[fs[i].Kind] < rank[fs[j].Kind] })
}

func valueOrNone(v string) string {
	if v == "" {
		return "no value"
	}
	return v
}

// conflictMessage states each side of a conflict with its evidence, in
// the order the reports came out.
func conflictMessage(ev *Event, cf Conflict, src map[string]*Article) string {
	var other []string
	in := map[int]bool{}
	for _, i := range cf.Mentions {
		in[i] = true
		other = append(other, evidence(ev.Mentions[i], src))
	}
	var main []string
	for i, m := range ev.Mentions {
		if !in[i] && m.Value != "" && len(m.Value) >= 10 && m.Value[:10] == ev.Date {
			main = append(main, evidence(m, src))
		}
	}
	if cf.Moved {
		return fmt.Sprintf("%q: first reported for %s (%s), later for %s (%s)", ev.Title,
			dates.Display(cf.Value, ""), strings.Join(other, "; "), dates.Display(ev.Date, ""), strings.Join(main, "; "))
	}
	return fmt.Sprintf("%q: %s says %s (%s), but %s (%s)", ev.Title, plural(len(main), "report"),
		dates.Display(ev.Date, ""), strings.Join(main, "; "), dates.Display(cf.Value, ""), strings.Join(other, "; "))
}

// evidence is one mention as a reader checks it: phrase, report, date written.
func evidence(m Mention, src map[string]*Article) string {
	name := m.Article
	if a := src[m.Article]; a != nil && a.Source != "" {
		name = a.Source
	}
	return fmt.Sprintf("%q in %s, published %s", m.Phrase, name, m.Anchor)
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
	return fmt.Sprintf("%d %ss", n, word)
}
