package timeline

import (
	"cmp"
	"slices"
	"strings"
)

// releaseText empties every article's Text and Sentences (see the
// option ReleaseText). The mentions' sentences and phrases are parts
// of the text, and would keep all of it in memory: each article's are
// copied first, its distinct sentences into one string, and so are the
// other strings that may be parts of a text (the events' titles, the
// inference evidence, the resolver's notes). The chronology shows the
// same afterwards but for Text and Sentences.
func (c *Chronology) releaseText() {
	byArt := map[string][]*Mention{}
	for _, e := range c.Events {
		for k := range e.Mentions {
			m := &e.Mentions[k]
			byArt[m.Article] = append(byArt[m.Article], m)
		}
		e.Title = strings.Clone(e.Title)
	}
	for k := range c.Unplaced {
		m := &c.Unplaced[k]
		byArt[m.Article] = append(byArt[m.Article], m)
	}
	var b strings.Builder
	for _, ms := range byArt {
		copySentences(ms, &b)
	}
	for _, a := range c.Articles {
		a.Text, a.Sentences = "", nil
		for i, s := range a.Inference {
			a.Inference[i] = strings.Clone(s)
		}
	}
}

// copySentences points the Sentence of each of ms, which are of one
// article, at a copy of it: the distinct sentences (by offset and
// length) are copied into one string, made with b. Each Phrase becomes
// the part of the copy it was, or a copy of its own; each Note a copy.
func copySentences(ms []*Mention, b *strings.Builder) {
	slices.SortFunc(ms, func(x, y *Mention) int {
		return cmp.Or(cmp.Compare(x.SentenceStart, y.SentenceStart), cmp.Compare(len(x.Sentence), len(y.Sentence)))
	})
	n := 0
	for i, m := range ms {
		if i == 0 || !sameSentence(m, ms[i-1]) {
			n += len(m.Sentence)
		}
	}
	b.Reset()
	b.Grow(n)
	for i, m := range ms {
		if i == 0 || !sameSentence(m, ms[i-1]) {
			b.WriteString(m.Sentence)
		}
	}
	all := b.String()
	at := 0
	for i, m := range ms {
		if i > 0 && !sameSentence(m, ms[i-1]) {
			at += len(ms[i-1].Sentence)
		}
		s := all[at : at+len(m.Sentence)]
		p0, p1 := m.Start-m.SentenceStart, m.End-m.SentenceStart
		if p0 >= 0 && p0 <= p1 && p1 <= len(s) && s[p0:p1] == m.Phrase {
			m.Phrase = s[p0:p1]
		} else {
			m.Phrase = strings.Clone(m.Phrase)
		}
		m.Sentence = s
		m.Note = strings.Clone(m.Note)
	}
}

// sameSentence reports whether a and b, mentions of one article, are in
// the same sentence.
func sameSentence(a, b *Mention) bool {
	return a.SentenceStart == b.SentenceStart && len(a.Sentence) == len(b.Sentence) && a.Sentence == b.Sentence
}
