package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeline"
)

// Calendar, feed and TimelineJS entries quote the first mention of each
// source, at most digestQuotes of them, and say how many they leave out.
func TestDigest(t *testing.T) {
	arts := map[string]*timeline.Article{}
	e := &timeline.Event{ID: "e", Date: "2025-08-15", Title: "Summit"}
	for i := range 12 {
		id := "a" + strconv.Itoa(i)
		arts[id] = &timeline.Article{ID: id, Source: "Outlet " + strconv.Itoa(i/2)} // two reports per outlet
		e.Mentions = append(e.Mentions, timeline.Mention{Article: id, Phrase: "Friday", Sentence: "Sentence " + id + "."})
		e.Sources = append(e.Sources, id)
	}
	cases := []struct {
		mentions  int
		wantSrc   []string
		wantRest  int
		wantTitle string
	}{
		{1, []string{"Outlet 0"}, 0, ""},
		{2, []string{"Outlet 0"}, 1, "1 more mention on the event page"},
		{4, []string{"Outlet 0", "Outlet 1"}, 2, "2 more mentions on the event page"},
		{12, []string{"Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4"}, 7, "7 more mentions on the event page"},
	}
	for _, c := range cases {
		ev := *e
		ev.Mentions = e.Mentions[:c.mentions]
		quoted, rest := digest(&ev, arts)
		var got []string
		for _, m := range quoted {
			got = append(got, sourceName(m, arts))
		}
		if strings.Join(got, "|") != strings.Join(c.wantSrc, "|") || rest != c.wantRest {
			t.Errorf("%d mentions: quoted %v, rest %d; want %v, %d", c.mentions, got, rest, c.wantSrc, c.wantRest)
		}
		text := eventText(&ev, arts)
		if c.wantTitle != "" && !strings.Contains(text, c.wantTitle) {
			t.Errorf("%d mentions: eventText %q does not say %q", c.mentions, text, c.wantTitle)
		}
		if n := strings.Count(text, "\n- "); n != len(c.wantSrc) {
			t.Errorf("%d mentions: eventText quotes %d mentions, want %d", c.mentions, n, len(c.wantSrc))
		}
	}
}
