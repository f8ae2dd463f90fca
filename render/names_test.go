package render

import (
	"reflect"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

func TestCapitalRuns(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Trump and Putin will meet in Anchorage on Friday.", []string{"Putin", "Anchorage"}},
		{"US President Donald Trump's envoy Steve Witkoff visited Moscow.", []string{"US", "Donald Trump", "Steve Witkoff", "Moscow"}},
		{"On Wednesday, he reassured Ukraine.", []string{"Ukraine"}},
		{"The summit in Alaska.", []string{"Alaska"}},
	} {
		if got := capitalRuns(tc.in, map[string]bool{"US": true}); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("capitalRuns(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEventNames(t *testing.T) {
	ev := func(s ...string) *timeline.Event {
		e := &timeline.Event{}
		for _, x := range s {
			e.Mentions = append(e.Mentions, timeline.Mention{Sentence: x})
		}
		return e
	}
	got := eventNames([]*timeline.Event{
		ev("He said Vladimir Putin would come to Alaska."),
		ev("Then Putin met Trump in Alaska.", "It was in Geneva."),
		ev("Then Trump left Geneva."),
	})
	wantAll := []string{"Alaska", "Geneva", "Putin", "Trump"}
	if !reflect.DeepEqual(got.all, wantAll) {
		t.Errorf("all = %q, want %q", got.all, wantAll)
	}
	if want := []string{"Alaska", "Putin"}; !reflect.DeepEqual(got.perEvent[0], want) {
		t.Errorf("event 0 = %q, want %q", got.perEvent[0], want)
	}
}

// TestEventNamesFirstWordKnownAtSentenceEnd: a sentence's first word is
// a name when the word is seen capitalised inside a sentence, also
// where it ends one ("met Putin.") or is possessive ("Putin's").
func TestEventNamesFirstWordKnownAtSentenceEnd(t *testing.T) {
	for _, other := range []string{"Then Trump met Putin.", "Then Trump met Putin's envoy."} {
		e := &timeline.Event{Mentions: []timeline.Mention{{Sentence: "Putin arrived on Friday."}}}
		got := eventNames([]*timeline.Event{e, {Mentions: []timeline.Mention{{Sentence: other}}}})
		if want := []string{"Putin"}; !reflect.DeepEqual(got.perEvent[0], want) {
			t.Errorf("with %q: event 0 = %q, want %q", other, got.perEvent[0], want)
		}
	}
}

// BenchmarkEventNames finds the names of a generated 2,000-article
// site's events:
//
//	go test -run '^$' -bench EventNames -benchmem ./render
func BenchmarkEventNames(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 2000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	site, err := timeline.LoadSite(dir)
	if err != nil {
		b.Fatal(err)
	}
	c := timeline.Build(site)
	mentions := 0
	for _, e := range c.Events {
		mentions += len(e.Mentions)
	}
	b.ReportAllocs()
	for b.Loop() {
		eventNames(c.Events)
	}
	b.ReportMetric(float64(mentions), "mentions")
}

func TestNameForm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Putin", "Putin"},
		{"Putin's", "Putin"},
		{"Putin\u2019s", "Putin"},
		{"Alaska.", "Alaska"},
		{"'Witkoff'", "Witkoff"},
		{"U.S.", "U.S."},
		{"U.S.'s", "U.S."},
		{"-Kyiv-", "Kyiv"},
		{"...", ""},
		{"O'Brien", "O'Brien"},
	} {
		if got := nameForm(c.in); got != c.want {
			t.Errorf("nameForm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
