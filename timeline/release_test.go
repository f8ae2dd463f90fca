package timeline_test

import (
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// TestReleaseText builds a generated site with and without ReleaseText:
// the chronologies are the same but for the articles' Text and
// Sentences, which are emptied, and no string of the one built with it
// is still a part of a text (which would keep the text in memory).
func TestReleaseText(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	load := func() *timeline.Site {
		s, err := timeline.LoadSite(dir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := timeline.Build(load())
	s := load()
	var texts []string
	for _, a := range s.Articles {
		texts = append(texts, a.Text)
	}
	c := timeline.Build(s, timeline.ReleaseText())

	if len(c.Events) != len(want.Events) || len(c.Unplaced) == 0 {
		t.Fatalf("%d events, want %d; %d phrases not placed", len(c.Events), len(want.Events), len(c.Unplaced))
	}
	for i, e := range c.Events {
		if !reflect.DeepEqual(*e, *want.Events[i]) {
			t.Errorf("event %s differs", e.ID)
		}
	}
	if !reflect.DeepEqual(c.Unplaced, want.Unplaced) || !reflect.DeepEqual(c.Findings, want.Findings) {
		t.Error("the phrases not placed or the findings differ")
	}
	for i, a := range c.Articles {
		if a.Text != "" || a.Sentences != nil {
			t.Errorf("%s: Text and Sentences kept", a.ID)
		}
		if w := want.Articles[i]; !slices.Equal(a.Inference, w.Inference) || a.Published != w.Published || !slices.Equal(a.Body, w.Body) {
			t.Errorf("%s: the article differs", a.ID)
		}
	}

	inText := func(what, s string) {
		t.Helper()
		if s == "" {
			return
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, text := range texts {
			q := uintptr(unsafe.Pointer(unsafe.StringData(text)))
			if text != "" && p >= q && p < q+uintptr(len(text)) {
				t.Errorf("%s %q is still a part of an article's text", what, s)
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
