package timeline

import (
	"fmt"
	"sort"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
	"github.com/timeline-news/timeline/timeline/text"
)

// InferPublished fills in an undated article's publication date from its
// own text, marking it inferred. Dated articles are left as they are.
func InferPublished(a *Article) {
	if !a.Published.IsZero() {
		return
	}
	inf, ok := dates.InferAnchor(a.Text)
	if !ok {
		return
	}
	a.Published = inf.Anchor
	a.PublishedInferred = true
	a.Window = [2]time.Time{inf.Earliest, inf.Latest}
	a.Inference = inf.Evidence
}

// ResolveArticle finds and resolves the date phrases of one article
// against its publication date. An article with no publication date,
// stated or inferred, yields no mentions.
func ResolveArticle(a *Article) []Mention {
	if a.Published.IsZero() {
		return nil
	}
	anchor := dates.DayValue(a.Published)
	var out []Mention
	for _, e := range resolveText(a.Text, a.Published) {
		s := sentenceAt(a.Sentences, e.Start)
		out = append(out, Mention{
			Article:        a.ID,
			Sentence:       a.Text[s.Start:s.End],
			SentenceStart:  s.Start,
			Start:          e.Start,
			End:            e.End,
			Phrase:         e.Text,
			Type:           string(e.Type),
			Value:          e.Value,
			Mod:            e.Mod,
			Rule:           e.Rule,
			Tense:          string(e.Tense),
			Anchor:         anchor,
			AnchorInferred: a.PublishedInferred,
			Note:           e.Note,
		})
	}
	return out
}

// resolveText is dates.Resolve; a test puts a failing resolver in its
// place.
var resolveText = dates.Resolve

// resolveGuarded infers a's publication date when it has none and
// resolves it, as a build does. A panic there is a bug of the resolver,
// not of the article, but one article's text must not stop a build:
// it is recovered and returned as a Problem naming the file, and the
// article keeps no mentions (and its date as it was).
func resolveGuarded(a *Article) (ms []Mention, prob *Problem) {
	published, inferred := a.Published, a.PublishedInferred
	defer func() {
		if r := recover(); r != nil {
			a.Published, a.PublishedInferred = published, inferred
			ms, prob = nil, &Problem{File: a.File, Message: "its dates were left out: the date resolver failed on it (" + oneLine(fmt.Sprint(r)) + ")",
				Hint: "a bug in timeline: please report it with this article"}
		}
	}()
	InferPublished(a)
	return ResolveArticle(a), nil
}

// ResolveAll infers missing publication dates and resolves every
// article, returning all mentions in article order. Articles are
// resolved on one goroutine per core; the result is the same as
// resolving them one after the other. failed names the articles the
// resolver failed on, a bug of its own: they keep no mentions, and the
// rest are resolved all the same.
func ResolveAll(articles []*Article, opts ...Option) (mentions []Mention, failed []Problem) {
	return resolveAll(articles, newOptions(opts))
}

// sentenceAt returns the sentence containing byte offset off.
func sentenceAt(sents []text.Span, off int) text.Span {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i < len(sents) && sents[i].Start <= off {
		return sents[i]
	}
	return text.Span{Start: off, End: off}
}
