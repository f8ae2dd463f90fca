package render

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/timeline"
)

// eventNameSet is the result of eventNames.
type eventNameSet struct {
	// perEvent are the names each event's sentences mention, sorted.
	perEvent [][]string
	// all are the names worth filtering by: those in two events or more,
	// most frequent first.
	all []string
}

// maxNames caps the names offered in the filter.
const maxNames = 24

// notNames are capitalised words that are not people or places:
// calendar words and words that start sentences.
var notNames = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "As": true, "But": true, "And": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "This": true, "That": true,
	"President": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "According": true, "Meanwhile": true,
	"However": true, "While": true, "After": true, "Before": true, "Since": true, "Despite": true, "If": true,
}

// eventNames finds the people and places each event's sentences name:
// runs of capitalised words ("Vladimir Putin", "Anchorage") that do not
// open the sentence, shortened to their last word when that word is
// also used alone ("Vladimir Putin" → "Putin"), possessives dropped.
// It is a reader's filter aid, not entity recognition.
func eventNames(events []*timeline.Event) eventNameSet {
	// A sentence often dates several mentions, and wire copies repeat
	// it: each distinct sentence is read once in each pass.
	known := map[string]bool{}
	read := map[string]bool{}
	for _, e := range events {
		for _, m := range e.Mentions {
			if read[m.Sentence] {
				continue
			}
			read[m.Sentence] = true
			for i, w := range nameWords(m.Sentence) {
				if i > 0 && isCapital(w) {
					known[w] = true
				}
			}
		}
	}
	runsOf := make(map[string][]string, len(read))
	raw := make([][]string, len(events))
	single := map[string]bool{}
	for i, e := range events {
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			runs, ok := runsOf[m.Sentence]
			if !ok {
				runs = capitalRuns(m.Sentence, known)
				runsOf[m.Sentence] = runs
			}
			for _, n := range runs {
				if !seen[n] {
					seen[n] = true
					raw[i] = append(raw[i], n)
				}
				if !strings.Contains(n, " ") {
					single[n] = true
				}
			}
		}
	}
	out := eventNameSet{perEvent: make([][]string, len(events))}
	count := map[string]int{}
	for i, ns := range raw {
		seen := map[string]bool{}
		for _, n := range ns {
			if j := strings.LastIndexByte(n, ' '); j >= 0 && single[n[j+1:]] {
				n = n[j+1:]
			}
			if !seen[n] {
				seen[n] = true
				out.perEvent[i] = append(out.perEvent[i], n)
				count[n]++
			}
		}
		sort.Strings(out.perEvent[i])
	}
	for n, c := range count {
		if c >= 2 {
			out.all = append(out.all, n)
		}
	}
	sort.Slice(out.all, func(i, j int) bool {
		a, b := out.all[i], out.all[j]
		return count[a] > count[b] || count[a] == count[b] && a < b
	})
	if len(out.all) > maxNames {
		out.all = out.all[:maxNames]
	}
	sort.Strings(out.all)
	return out
}

// nameWords splits a sentence into words, keeping apostrophes, hyphens
// and periods inside them ("O'Brien", "U.S.").
func nameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '\u2019' && r != '-' && r != '.'
	})
}

// capitalRuns returns the runs of capitalised words of a sentence. Its
// first word is capitalised anyway, so it counts only when known says
// the word is also capitalised in the middle of a sentence.
func capitalRuns(s string, known map[string]bool) []string {
	words := nameWords(s)
	var out, run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, w := range words {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "\u2019s")
		w = strings.Trim(w, "'\u2019-.")
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsUpper(r) || notNames[w] || utf8.RuneCountInString(w) < 2 {
			flush()
			continue
		}
		if i == 0 && !known[w] {
			continue
		}
		run = append(run, w)
	}
	flush()
	return out
}

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
