package render

import (
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

// highlightsAre says whether kept highlights are those an article's
// views give now, field by field, without making them.
func TestHighlightsAre(t *testing.T) {
	ev := &eventView{URL: "/events/e1/"}
	view := func() *articleView {
		a := &articleView{}
		a.Mentions = []*mentionView{{Mention: &timeline.Mention{Start: 3, End: 9, Rule: "weekday"}, Display: "Fri 15 Aug 2025", Event: ev}}
		a.Unplaced = []*mentionView{{Mention: &timeline.Mention{Start: 20, End: 27, Value: "P90D"}}}
		return a
	}
	kept := view().highlights()
	if !view().highlightsAre(kept) {
		t.Fatalf("highlightsAre(highlights()) = false for %+v", kept)
	}
	for _, c := range []struct {
		name   string
		change func(a *articleView)
	}{
		{"start", func(a *articleView) { a.Mentions[0].Mention = &timeline.Mention{Start: 4, End: 9, Rule: "weekday"} }},
		{"end", func(a *articleView) { a.Unplaced[0].Mention = &timeline.Mention{Start: 20, End: 28, Value: "P90D"} }},
		{"event link", func(a *articleView) { a.Mentions[0].Event = &eventView{URL: "/events/e2/"} }},
		{"display", func(a *articleView) { a.Mentions[0].Display = "Sat 16 Aug 2025" }},
		{"rule", func(a *articleView) {
			a.Mentions[0].Mention = &timeline.Mention{Start: 3, End: 9, Rule: "next-weekday"}
		}},
		{"unplaced value", func(a *articleView) { a.Unplaced[0].Mention = &timeline.Mention{Start: 20, End: 27, Value: "P9D"} }},
		{"one more phrase", func(a *articleView) { a.Unplaced = append(a.Unplaced, a.Unplaced[0]) }},
		{"one phrase fewer", func(a *articleView) { a.Unplaced = nil }},
	} {
		a := view()
		c.change(a)
		if a.highlightsAre(kept) {
			t.Errorf("%s changed: highlightsAre still true", c.name)
		}
	}
}

func TestIsJoin(t *testing.T) {
	for _, c := range []struct {
		s      string
		pieces []string
		want   bool
	}{
		{"Fri (weekday)", []string{"Fri", " (", "weekday", ")"}, true},
		{"Fri (weekday)", []string{"Fri", " (", "weekda", ")"}, false},
		{"Fri (weekday))", []string{"Fri", " (", "weekday", ")"}, false},
		{"", nil, true},
		{"x", nil, false},
	} {
		if got := isJoin(c.s, c.pieces); got != c.want {
			t.Errorf("isJoin(%q, %q) = %v, want %v", c.s, c.pieces, got, c.want)
		}
	}
}
