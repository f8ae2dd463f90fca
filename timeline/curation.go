package timeline

import (
	"fmt"
	"strings"

	"github.com/timeline-news/timeline/timeline/dates"
)

// EventOverride is one [[event]] table of config.toml: a journalist's
// correction of one event, keyed by its stable id, or (with add = true)
// an event added by hand. See docs/CHECKING.md for every key.
type EventOverride struct {
	// ID is the stable id of the event to correct (as shown by
	// `timeline check`), or the id to give an added event.
	ID string `toml:"id"`
	// Title renames the event.
	Title string `toml:"title"`
	// Date pins the event's date: a TIMEX3 value (2025-08-15, 2025-08, 2021).
	Date string `toml:"date"`
	// Hide leaves the event out of the chronology.
	Hide bool `toml:"hide"`
	// Merge lists ids of events to fold into this one.
	Merge []string `toml:"merge"`
	// Split moves some of the event's mentions out into new events.
	Split []SplitOverride `toml:"split"`
	// Add makes this an event added by hand: it needs Date and Title.
	Add bool `toml:"add"`
	// Note and Link are shown with the event.
	Note string `toml:"note"`
	Link string `toml:"link"`
}

// SplitOverride selects mentions of an event to move into a new event:
// those of the named articles and those whose phrase is one of Phrases
// (case-insensitive). Title and ID name the new event; both optional.
type SplitOverride struct {
	Articles []string `toml:"articles"`
	Phrases  []string `toml:"phrases"`
	Title    string   `toml:"title"`
	ID       string   `toml:"id"`
}

// validateCuration reports a curation entry that cannot work whatever
// the articles say: no id, a date that is not a TIMEX3 value, an added
// event without date or title, a split that selects nothing.
func validateCuration(file, src string, list []EventOverride) error {
	for n, o := range list {
		line := nthTableLine(src, "[[event]]", n)
		fail := func(format string, args ...any) error {
			return Problem{File: file, Line: line, Message: fmt.Sprintf("[[event]] %d: ", n+1) + fmt.Sprintf(format, args...),
				Hint: "see docs/CHECKING.md"}
		}
		if strings.TrimSpace(o.ID) == "" && !o.Add {
			return fail("needs an id (the event's id as `timeline check` prints it)")
		}
		if o.Date != "" {
			if _, ok := dates.ParseSpan(o.Date); !ok {
				return fail("date %q is not a date like 2025-08-15, 2025-W33, 2025-08 or 2025", o.Date)
			}
		}
		if o.Add && (o.Date == "" || o.Title == "") {
			return fail("an added event (add = true) needs a date and a title")
		}
		if o.Add && (len(o.Merge) > 0 || len(o.Split) > 0 || o.Hide) {
			return fail("an added event cannot merge, split or hide")
		}
		for _, s := range o.Split {
			if len(s.Articles) == 0 && len(s.Phrases) == 0 {
				return fail("a split needs articles or phrases to select mentions")
			}
		}
	}
	return nil
}

// nthTableLine returns the 1-based line of the n-th (0-based) header
// in src, or 0.
func nthTableLine(src, header string, n int) int {
	k := 0
	for i, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), header) {
			if k == n {
				return i + 1
			}
			k++
		}
	}
	return 0
}

// curate applies the overrides to the events: splits first, then
// merges, then renames, pinned dates, notes, links and hiding; added
// events last. Overrides that match no event are stale-override findings.
func (m *merger) curate(events []*Event, list []EventOverride) ([]*Event, []Finding) {
	if len(list) == 0 {
		return events, nil
	}
	var findings []Finding
	stale := func(id, msg string) {
		findings = append(findings, Finding{Kind: "stale-override", Event: id, Message: msg})
	}
	byID := map[string]*Event{}
	taken := map[string]bool{}
	for _, ev := range events {
		byID[ev.ID] = ev
		taken[ev.ID] = true
	}
	replace := func(old, ev *Event) {
		for i, e := range events {
			if e == old {
				events[i] = ev
			}
		}
		byID[ev.ID] = ev
	}
	// splits
	for _, o := range list {
		for _, s := range o.Split {
			ev := byID[o.ID]
			if ev == nil || o.Add {
				stale(o.ID, fmt.Sprintf("config.toml: split of %q matches no event", o.ID))
				continue
			}
			var keep, out []int
			for _, i := range m.members[ev] {
				if selects(s, *m.cands[i].m) {
					out = append(out, i)
				} else {
					keep = append(keep, i)
				}
			}
			if len(out) == 0 || len(keep) == 0 {
				stale(o.ID, fmt.Sprintf("config.toml: split of %q selects %d of its %d mentions; nothing to split", o.ID, len(out), len(m.members[ev])))
				continue
			}
			kept := m.eventOf(keep)
			kept.ID = ev.ID
			replace(ev, kept)
			nev := m.eventOf(out)
			nev.ID = s.ID
			if nev.ID != "" {
				nev.ID = m.unique(Slug(nev.ID), taken)
			}
			m.assignIDs([]*Event{nev}, taken)
			if s.Title != "" {
				nev.Title = s.Title
			}
			events = append(events, nev)
			byID[nev.ID] = nev
		}
	}
	// merges
	for _, o := range list {
		if len(o.Merge) == 0 {
			continue
		}
		into := byID[o.ID]
		if into == nil || o.Add {
			stale(o.ID, fmt.Sprintf("config.toml: merge into %q matches no event", o.ID))
			continue
		}
		members := append([]int(nil), m.members[into]...)
		var gone []*Event
		for _, id := range o.Merge {
			ev := byID[id]
			if ev == nil || ev == into {
				stale(id, fmt.Sprintf("config.toml: %q, to merge into %q, matches no event", id, o.ID))
				continue
			}
			members = append(members, m.members[ev]...)
			gone = append(gone, ev)
			delete(byID, id)
		}
		if len(gone) == 0 {
			continue
		}
		merged := m.eventOf(members)
		merged.ID = into.ID
		replace(into, merged)
		events = removeEvents(events, gone)
	}
	// per-event keys
	var hidden []*Event
	for _, o := range list {
		if o.Add {
			continue
		}
		ev := byID[o.ID]
		if ev == nil {
			if o.Title != "" || o.Date != "" || o.Hide || o.Note != "" || o.Link != "" {
				stale(o.ID, fmt.Sprintf("config.toml: override of %q matches no event", o.ID))
			}
			continue
		}
		if o.Title != "" {
			ev.Title = o.Title
		}
		if o.Date != "" {
			pin(ev, o.Date)
			m.sources(ev, m.members[ev])
			ev.Flags = append(ev.Flags, "pinned")
		}
		if o.Note != "" {
			ev.Note = o.Note
		}
		if o.Link != "" {
			ev.Link = o.Link
		}
		if o.Hide {
			hidden = append(hidden, ev)
		}
	}
	events = removeEvents(events, hidden)
	// added by hand
	for _, o := range list {
		if !o.Add {
			continue
		}
		ev := &Event{Title: o.Title, Manual: true, Note: o.Note, Link: o.Link}
		pin(ev, o.Date)
		id := o.ID
		if id == "" {
			id = ev.Date + "-" + o.Title
		}
		ev.ID = m.unique(Slug(id), taken)
		events = append(events, ev)
	}
	return events, findings
}

// pin sets an event's date to a value a journalist gave.
func pin(ev *Event, value string) {
	span, _ := dates.ParseSpan(value)
	ev.Date, ev.Precision, ev.Mod = value, span.Precision.String(), ""
	if span.Precision == dates.PrecisionTime {
		ev.Date, ev.Precision = dates.DayValue(span.Start), dates.PrecisionDay.String()
	}
	ev.Conflicts = nil
}

// selects reports whether a split selects a mention.
func selects(s SplitOverride, mn Mention) bool {
	for _, a := range s.Articles {
		if a == mn.Article {
			return true
		}
	}
	for _, p := range s.Phrases {
		if strings.EqualFold(strings.TrimSpace(p), strings.TrimSpace(mn.Phrase)) {
			return true
		}
	}
	return false
}

func removeEvents(events, gone []*Event) []*Event {
	if len(gone) == 0 {
		return events
	}
	drop := map[*Event]bool{}
	for _, g := range gone {
		drop[g] = true
	}
	out := events[:0]
	for _, ev := range events {
		if !drop[ev] {
			out = append(out, ev)
		}
	}
	return out
}
