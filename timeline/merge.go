package timeline

import (
	"sort"
	"strings"

	"github.com/timeline-news/timeline/timeline/dates"
)

// Merge groups the mentions of all articles into events.
//
// This first version groups mentions that share a calendar value; the
// content-aware merger replaces it.
func Merge(articles []*Article, mentions []Mention, cfg Config) (events []*Event, unplaced []Mention) {
	byValue := map[string]*Event{}
	for _, m := range mentions {
		span, ok := dates.ParseSpan(m.Value)
		if !ok || (m.Type != string(dates.TypeDate) && m.Type != string(dates.TypeTime)) {
			unplaced = append(unplaced, m)
			continue
		}
		key := dates.DayValue(span.Start) + "/" + span.Precision.String()
		ev := byValue[key]
		if ev == nil {
			ev = &Event{ID: Slug(m.Value), Date: m.Value, Mod: m.Mod, Precision: span.Precision.String(), Title: m.Sentence}
			byValue[key] = ev
			events = append(events, ev)
		}
		ev.Mentions = append(ev.Mentions, m)
	}
	for _, ev := range events {
		seen := map[string]bool{}
		for _, m := range ev.Mentions {
			if !seen[m.Article] {
				seen[m.Article] = true
				ev.Sources = append(ev.Sources, m.Article)
			}
		}
		sort.Strings(ev.Sources)
	}
	sort.SliceStable(events, func(i, j int) bool { return eventLess(events[i], events[j]) })
	return events, unplaced
}

// eventLess orders events by start day, then coarser first, then ID.
func eventLess(a, b *Event) bool {
	sa, _ := dates.ParseSpan(a.Date)
	sb, _ := dates.ParseSpan(b.Date)
	if !sa.Start.Equal(sb.Start) {
		return sa.Start.Before(sb.Start)
	}
	if sa.Precision != sb.Precision {
		return sa.Precision > sb.Precision
	}
	return strings.Compare(a.ID, b.ID) < 0
}
