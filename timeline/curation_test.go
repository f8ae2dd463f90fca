package timeline

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// curationCorpus is three reports: a summit on 15 August told by two
// of them (one also dates the opening statements at 1900 GMT), and an
// earthquake the same day told by one.
func curationCorpus(t *testing.T) ([]*Article, []Mention) {
	t.Helper()
	a := art("a", "2025-08-16", "Trump and Putin met in Anchorage on Friday for talks on Ukraine. An earthquake struck northern Japan on Friday, killing three people.")
	b := art("b", "2025-08-16", "The Anchorage summit between Putin and Trump ended on Friday without a deal.")
	c := art("c", "2025-08-14", "Putin and Trump will meet in Anchorage on Friday. The Anchorage talks open at 1900 GMT.")
	ms := []Mention{
		at(t, a, "on Friday", 0, "2025-08-15", "weekday-past"), at(t, a, "on Friday", 1, "2025-08-15", "weekday-past"),
		at(t, b, "on Friday", 0, "2025-08-15", "weekday-past"),
		at(t, c, "on Friday", 0, "2025-08-15", "weekday-future"), at(t, c, "1900 GMT", 0, "2025-08-14T19:00", RuleTimeOfDay),
	}
	return []*Article{a, b, c}, ms
}

// eventWith returns the event holding a mention of article art with phrase.
func eventWith(events []*Event, art, phrase string) *Event {
	for _, ev := range events {
		for _, m := range ev.Mentions {
			if m.Article == art && m.Phrase == phrase {
				return ev
			}
		}
	}
	return nil
}

func TestCuration(t *testing.T) {
	articles, ms := curationCorpus(t)
	base := MergeAll(articles, ms, Config{})
	summit := eventWith(base.Events, "b", "on Friday")
	quake := eventWith(base.Events, "a", "on Friday")
	for _, ev := range base.Events {
		for _, m := range ev.Mentions {
			if m.Article == "a" && strings.Contains(m.Sentence, "earthquake") {
				quake = ev
			}
		}
	}
	if len(base.Events) != 2 || summit == nil || quake == nil || summit == quake {
		t.Fatalf("corpus: want a summit and an earthquake, got:\n%s", summary(base.Events))
	}
	sid, qid := summit.ID, quake.ID

	cases := []struct {
		name  string
		list  []EventOverride
		check func(t *testing.T, r MergeResult)
	}{
		{"rename", []EventOverride{{ID: sid, Title: "Trump and Putin meet in Anchorage"}}, func(t *testing.T, r MergeResult) {
			if ev := byID(r.Events, sid); ev == nil || ev.Title != "Trump and Putin meet in Anchorage" {
				t.Errorf("renamed event: %+v", ev)
			}
		}},
		{"merge", []EventOverride{{ID: sid, Merge: []string{qid}}}, func(t *testing.T, r MergeResult) {
			if len(r.Events) != 1 || byID(r.Events, sid) == nil || len(r.Events[0].Mentions) != len(ms) {
				t.Errorf("want one event %s with all %d mentions, got:\n%s", sid, len(ms), summary(r.Events))
			}
		}},
		{"split", []EventOverride{{ID: sid, Split: []SplitOverride{{Phrases: []string{"1900 gmt"}, Title: "Talks open", ID: "talks-open"}}}}, func(t *testing.T, r MergeResult) {
			ev := byID(r.Events, "talks-open")
			if len(r.Events) != 3 || ev == nil || ev.Title != "Talks open" || len(ev.Mentions) != 1 || ev.Mentions[0].Phrase != "1900 GMT" {
				t.Errorf("want the 1900 GMT mention split out as talks-open, got:\n%s", summary(r.Events))
			}
			if s := byID(r.Events, sid); s == nil || eventWith([]*Event{s}, "c", "1900 GMT") != nil {
				t.Errorf("the summit keeps its id and loses the split mention: %+v", s)
			}
		}},
		{"hide", []EventOverride{{ID: qid, Hide: true}}, func(t *testing.T, r MergeResult) {
			if len(r.Events) != 1 || byID(r.Events, qid) != nil {
				t.Errorf("want the earthquake hidden, got:\n%s", summary(r.Events))
			}
		}},
		{"pin date", []EventOverride{{ID: qid, Date: "2025-08-14"}}, func(t *testing.T, r MergeResult) {
			ev := byID(r.Events, qid)
			if ev == nil || ev.Date != "2025-08-14" || ev.Precision != "day" || !contains(ev.Flags, "pinned") {
				t.Errorf("pinned event: %+v", ev)
			}
			if r.Events[0] != ev {
				t.Errorf("the pinned 14 August event should sort first, got:\n%s", summary(r.Events))
			}
		}},
		{"add by hand", []EventOverride{{Add: true, Date: "2025-08-16", Title: "Both leaders leave Alaska", Note: "From the pool report.", Link: "https://example.org/pool"}}, func(t *testing.T, r MergeResult) {
			if len(r.Events) != 3 {
				t.Fatalf("want 3 events, got:\n%s", summary(r.Events))
			}
			ev := r.Events[2]
			if !ev.Manual || ev.Date != "2025-08-16" || ev.Title != "Both leaders leave Alaska" || ev.Note != "From the pool report." ||
				ev.Link != "https://example.org/pool" || ev.ID != "2025-08-16-both-leaders-leave-alaska" || len(ev.Mentions) != 0 || contains(ev.Flags, "single-source") {
				t.Errorf("added event: %+v", ev)
			}
		}},
		{"note and link on a merged event", []EventOverride{{ID: sid, Note: "Times in AKDT.", Link: "https://example.org/t"}}, func(t *testing.T, r MergeResult) {
			if ev := byID(r.Events, sid); ev == nil || ev.Note != "Times in AKDT." || ev.Link != "https://example.org/t" {
				t.Errorf("event: %+v", ev)
			}
		}},
		{"stale override", []EventOverride{{ID: "2025-08-15-no-such-event", Title: "Gone"}, {ID: sid, Merge: []string{"2025-08-01-gone"}}}, func(t *testing.T, r MergeResult) {
			if len(r.Events) != 2 {
				t.Errorf("a stale override changes nothing, got:\n%s", summary(r.Events))
			}
			if len(r.Findings) != 2 {
				t.Fatalf("want 2 stale-override findings, got %+v", r.Findings)
			}
			for i, id := range []string{"2025-08-01-gone", "2025-08-15-no-such-event"} {
				f := r.Findings[i]
				if f.Kind != "stale-override" || f.Event != id || !strings.Contains(f.Message, id) {
					t.Errorf("finding %d: %+v, want stale-override of %s", i, f, id)
				}
			}
		}},
		{"split selecting nothing is stale", []EventOverride{{ID: sid, Split: []SplitOverride{{Articles: []string{"zzz"}}}}}, func(t *testing.T, r MergeResult) {
			if len(r.Events) != 2 || len(r.Findings) != 1 || r.Findings[0].Kind != "stale-override" {
				t.Errorf("events:\n%s findings %+v", summary(r.Events), r.Findings)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := MergeAll(articles, ms, Config{Events: tc.list})
			tc.check(t, r)
		})
	}
}

func byID(events []*Event, id string) *Event {
	for _, ev := range events {
		if ev.ID == id {
			return ev
		}
	}
	return nil
}

func TestCurationMalformed(t *testing.T) {
	head := "title = \"T\"\n\n[[event]]\nid = \"2025-08-15-ok\"\ntitle = \"Fine\"\n\n"
	cases := []struct {
		name, toml, want string
	}{
		{"no id", head + "[[event]]\ntitle = \"No id\"\n", "config.toml:7: [[event]] 2: needs an id"},
		{"bad date", head + "[[event]]\nid = \"x\"\ndate = \"15 August\"\n", "config.toml:7: [[event]] 2: date \"15 August\""},
		{"added without date", "[[event]]\nadd = true\ntitle = \"T\"\n", "config.toml:1: [[event]] 1: an added event (add = true) needs a date and a title"},
		{"added that merges", "\n[[event]]\nadd = true\ndate = \"2025\"\ntitle = \"T\"\nmerge = [\"a\"]\n", "config.toml:2: [[event]] 1: an added event cannot merge"},
		{"empty split", head + "[[event]]\nid = \"x\"\n[[event.split]]\ntitle = \"T\"\n", "config.toml:7: [[event]] 2: a split needs articles or phrases"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(tc.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadConfig(dir)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v\nwant a one-line error starting %q", err, tc.want)
			}
		})
	}
}

// TestCurationRedatesOnce: a clock time attached to the summit is
// redated to the summit's day (its Note says so) once, also when
// curation builds the event again from the same mentions (merged,
// split), and a merge that takes the build's own mentions (regroup:
// events are runs of them, not copies) gives what MergeAll gives.
func TestCurationRedatesOnce(t *testing.T) {
	articles, ms := curationCorpus(t)
	base := MergeAll(articles, ms, Config{})
	sid, qid := eventWith(base.Events, "b", "on Friday").ID, ""
	for _, ev := range base.Events {
		if ev.ID != sid {
			qid = ev.ID
		}
	}
	const assumed = "was assumed from the anchor"
	for _, list := range [][]EventOverride{
		nil,
		{{ID: sid, Merge: []string{qid}}},
		{{ID: sid, Split: []SplitOverride{{Articles: []string{"a"}, ID: "a-part"}}}},
		{{ID: sid, Split: []SplitOverride{{Phrases: []string{"1900 gmt"}, ID: "talks-open"}}}},
	} {
		cfg := Config{Events: list}
		want := MergeAll(articles, ms, cfg)
		got := mergeAll(articles, slices.Clone(ms), cfg, nil, true)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: a merge of its own mentions differs from MergeAll:\n%s\nwant:\n%s", list, summary(got.Events), summary(want.Events))
		}
		redated := 0
		for _, ev := range want.Events {
			for _, m := range ev.Mentions {
				if n := strings.Count(m.Note, assumed); n > 1 {
					t.Errorf("%+v: %q redated %d times: %q", list, m.Phrase, n, m.Note)
				} else if n == 1 {
					redated++
					if !strings.HasPrefix(m.Value, ev.Date+"T") {
						t.Errorf("%+v: %q is %s in an event of %s", list, m.Phrase, m.Value, ev.Date)
					}
				}
			}
		}
		if list == nil && redated != 1 {
			t.Errorf("no curation: %d mentions redated, want the 1900 GMT one", redated)
		}
	}
	// MergeAll leaves its caller's mentions as they were.
	if _, again := curationCorpus(t); !reflect.DeepEqual(ms, again) {
		t.Errorf("MergeAll changed the mentions it was given")
	}
}

// TestMergeOwnEdges: a merge of its own mentions with none, with only
// unplaced ones, and with one of no known article, gives what MergeAll
// gives, and the unplaced come back in their order.
func TestMergeOwnEdges(t *testing.T) {
	articles, ms := curationCorpus(t)
	durations := []Mention{
		{Article: "a", Sentence: "It lasted two days.", Phrase: "two days", Type: "DURATION", Value: "P2D"},
		{Article: "b", Sentence: "Talks run weekly.", Phrase: "weekly", Type: "SET", Value: "P1W"},
	}
	orphan := ms[0]
	orphan.Article = "gone"
	for name, in := range map[string][]Mention{
		"none":          nil,
		"only unplaced": durations,
		"mixed":         append(append(slices.Clone(durations[:1]), ms...), durations[1]),
		"unknown":       append(slices.Clone(ms), orphan),
	} {
		want := MergeAll(articles, in, Config{})
		got := mergeAll(articles, slices.Clone(in), Config{}, nil, true)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: a merge of its own mentions differs from MergeAll:\n%s\nwant:\n%s", name, summary(got.Events), summary(want.Events))
		}
		var unplaced []Mention
		for _, m := range in {
			if m.Type == "DURATION" || m.Type == "SET" {
				unplaced = append(unplaced, m)
			}
		}
		if !slices.Equal(want.Unplaced, unplaced) {
			t.Errorf("%s: unplaced %v, want %v", name, want.Unplaced, unplaced)
		}
	}
}
