package timeline

import (
	"strings"
	"testing"
	"unsafe"
)

// releaseText copies the sentences and phrases of hand-made mentions
// that a build does not make: a phrase outside its sentence, a mention
// of no known article, two articles' mentions of one sentence text.
func TestReleaseTextCopies(t *testing.T) {
	text := "On Friday they met. Talks ran on Monday."
	a := &Article{ID: "a", Text: text, Inference: []string{text[:9]}}
	bText := strings.Clone(text)
	b := &Article{ID: "b", Text: bText}
	c := &Chronology{
		Articles: []*Article{a, b},
		Events: []*Event{{ID: "e", Title: text[3:9], Mentions: []Mention{
			{Article: "a", Sentence: text[:19], Start: 3, End: 9, Phrase: text[3:9]},
			{Article: "b", Sentence: bText[:19], Start: 3, End: 9, Phrase: bText[3:9]},
			{Article: "a", Sentence: text[20:], SentenceStart: 20, Start: 33, End: 39, Phrase: text[33:39]},
		}}},
		Unplaced: []Mention{
			{Article: "a", Sentence: text[:19], Start: 25, End: 30, Phrase: text[25:30], Note: text[:2]}, // phrase outside
			{Article: "gone", Sentence: text[20:], SentenceStart: 20, Start: 33, End: 39, Phrase: text[33:39]},
		},
	}
	type strs [3]string
	of := func(m Mention) strs { return strs{m.Sentence, m.Phrase, m.Note} }
	var want []strs
	for _, m := range append(append([]Mention{}, c.Events[0].Mentions...), c.Unplaced...) {
		want = append(want, of(m))
	}
	c.releaseText()
	got := append(append([]Mention{}, c.Events[0].Mentions...), c.Unplaced...)
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, t := range []string{text, bText} {
			q := uintptr(unsafe.Pointer(unsafe.StringData(t)))
			if p >= q && p < q+uintptr(len(t)) {
				return true
			}
		}
		return false
	}
	for i, m := range got {
		if of(m) != want[i] {
			t.Errorf("mention %d: %q, want %q", i, of(m), want[i])
		}
		for _, s := range of(m) {
			if s != "" && inText(s) {
				t.Errorf("mention %d: %q is still a part of a text", i, s)
			}
		}
	}
	if c.Events[0].Title != "Friday" || inText(c.Events[0].Title) || inText(a.Inference[0]) {
		t.Error("the title or the inference is still a part of a text")
	}
	if a.Text != "" || b.Text != "" {
		t.Error("Text kept")
	}
	// The two mentions of a's first sentence share one copy.
	if unsafe.StringData(got[0].Sentence) != unsafe.StringData(got[3].Sentence) {
		t.Error("a's first sentence was copied twice")
	}
}
