package dates

import (
	"regexp"
	"strings"
	"time"
)

// Resolve finds the temporal expressions in text and resolves each
// against anchor, the publication date of the text (only its calendar
// day is used). Expressions are returned in text order and never overlap.
//
// This first version knows only absolute dates ("August 15, 2025",
// "2025-08-15"); the full resolver replaces it.
func Resolve(text string, anchor time.Time) []Expr {
	anchor = Day(anchor.Year(), anchor.Month(), anchor.Day())
	var out []Expr
	for _, m := range absoluteDate.FindAllStringSubmatchIndex(text, -1) {
		month := monthIndex(text[m[2]:m[3]])
		d, _ := atoi(text[m[4]:m[5]])
		y, _ := atoi(text[m[6]:m[7]])
		t := Day(y, month, d)
		if t.Day() != d {
			continue
		}
		out = append(out, Expr{Start: m[0], End: m[1], Text: text[m[0]:m[1]], Type: TypeDate,
			Value: DayValue(t), Rule: "month-day-year", Anchor: anchor})
	}
	return out
}

var absoluteDate = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})\b`)

func monthIndex(name string) time.Month {
	for m := time.January; m <= time.December; m++ {
		if strings.EqualFold(m.String(), name) {
			return m
		}
	}
	return 0
}

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
