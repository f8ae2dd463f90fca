package timeline_test

import (
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// TestReleaseText checks that a chronology shows the same after
// ReleaseText but for the articles' Text and Sentences, and that no
// string of it is still a part of a text (which would keep the text in
// memory).
func TestReleaseText(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	s, err := timeline.LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := timeline.Build(s)
	// A mention whose phrase is not within its sentence, and one of no
	// known article, as hand-made chronologies may have.
	if len(c.Unplaced) == 0 || len(c.Events) == 0 {
		t.Fatal("the generated site has no events or no phrases not placed")
	}
	a0 := c.Articles[0]
	c.Unplaced = append(c.Unplaced,
		timeline.Mention{Article: a0.ID, Sentence: a0.Text[:10], Start: 20, End: 25, Phrase: a0.Text[20:25]},
		timeline.Mention{Article: "gone", Sentence: "On Friday.", Start: 3, End: 9, Phrase: "Friday"})

	texts := map[string]string{}
	for _, a := range c.Articles {
		texts[a.ID] = a.Text
	}
	wantEvents := make([]timeline.Event, len(c.Events))
	for i, e := range c.Events {
		wantEvents[i] = *e
		wantEvents[i].Mentions = slices.Clone(e.Mentions)
	}
	wantUnplaced := slices.Clone(c.Unplaced)
	wantInference := map[string][]string{}
	for _, a := range c.Articles {
		wantInference[a.ID] = slices.Clone(a.Inference)
	}

	c.ReleaseText()

	for i, e := range c.Events {
		if !reflect.DeepEqual(*e, wantEvents[i]) {
			t.Errorf("event %s changed", e.ID)
		}
	}
	if !reflect.DeepEqual(c.Unplaced, wantUnplaced) {
		t.Error("the phrases not placed changed")
	}
	for _, a := range c.Articles {
		if a.Text != "" || a.Sentences != nil {
			t.Errorf("%s: Text and Sentences kept", a.ID)
		}
		if !slices.Equal(a.Inference, wantInference[a.ID]) {
			t.Errorf("%s: Inference changed", a.ID)
		}
	}
	inText := func(what, s string) {
		t.Helper()
		if s == "" {
			return
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for id, text := range texts {
			q := uintptr(unsafe.Pointer(unsafe.StringData(text)))
			if text != "" && p >= q && p < q+uintptr(len(text)) {
				t.Errorf("%s %q is still a part of the text of %s", what, s, id)
				return
			}
		}
	}
	check := func(m *timeline.Mention) {
		inText("sentence", m.Sentence)
		inText("phrase", m.Phrase)
		inText("note", m.Note)
	}
	shared := 0
	for _, e := range c.Events {
		inText("title", e.Title)
		for k := range e.Mentions {
			m := &e.Mentions[k]
			check(m)
			p0 := m.Start - m.SentenceStart
			if p0 >= 0 && p0 < len(m.Sentence) && len(m.Phrase) > 0 && unsafe.StringData(m.Phrase) == unsafe.StringData(m.Sentence[p0:]) {
				shared++
			}
		}
	}
	for k := range c.Unplaced {
		check(&c.Unplaced[k])
	}
	for _, a := range c.Articles {
		for _, s := range a.Inference {
			inText("inference", s)
		}
	}
	if shared == 0 {
		t.Error("no phrase is a part of its sentence's copy: each was copied on its own")
	}
}
