package timeline

import (
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
	for _, e := range dates.Resolve(a.Text, a.Published) {
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

// ResolveAll infers missing publication dates and resolves every
// article, returning all mentions in article order. Articles are
// resolved on one goroutine per core; the result is the same as
// resolving them one after the other.
func ResolveAll(articles []*Article, opts ...Option) []Mention {
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
