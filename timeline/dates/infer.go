package dates

import "time"

// Inference is a publication date inferred from an article's own text,
// for articles that do not state one.
type Inference struct {
	// Anchor is the day the article's relative dates are resolved against.
	Anchor time.Time
	// Earliest and Latest bound the window the article was published in (inclusive days).
	Earliest, Latest time.Time
	// Evidence lists, in plain words, the cues the window rests on.
	Evidence []string
}

// InferAnchor infers a publication window from text alone: the latest
// past date it reports, the future dates it announces, weekday cues.
// ok is false when the text gives nothing to go on.
func InferAnchor(text string) (inf Inference, ok bool) {
	return Inference{}, false
}
