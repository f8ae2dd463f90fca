package render

import (
	"slices"
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
	// it: each distinct sentence is read once in each pass, and the
	// passes run on every core.
	sents, sentOf := distinctSentences(events)
	mids := make([][]string, len(sents))
	inParallel(len(sents), func(lo, hi int) {
		for j := lo; j < hi; j++ {
			mids[j] = midCapitals(sents[j])
		}
	})
	known := map[string]bool{}
	for _, ws := range mids {
		for _, w := range ws {
			known[w] = true
		}
	}
	runs := make([][]string, len(sents))
	inParallel(len(sents), func(lo, hi int) {
		for j := lo; j < hi; j++ {
			runs[j] = capitalRuns(sents[j], known)
		}
	})
	raw := make([][]string, len(events))
	inParallel(len(events), func(lo, hi int) {
		seen := map[string]bool{}
		for i := lo; i < hi; i++ {
			clear(seen)
			for _, j := range sentOf[i] {
				for _, n := range runs[j] {
					if !seen[n] {
						seen[n] = true
						raw[i] = append(raw[i], n)
					}
				}
			}
		}
	})
	single := map[string]bool{}
	for _, ns := range raw {
		for _, n := range ns {
			if !strings.Contains(n, " ") {
				single[n] = true
			}
		}
	}
	out := eventNameSet{perEvent: make([][]string, len(events))}
	inParallel(len(events), func(lo, hi int) {
		seen := map[string]bool{}
		for i := lo; i < hi; i++ {
			clear(seen)
			for _, n := range raw[i] {
				if j := strings.LastIndexByte(n, ' '); j >= 0 && single[n[j+1:]] {
					n = n[j+1:]
				}
				if !seen[n] {
					seen[n] = true
					out.perEvent[i] = append(out.perEvent[i], n)
				}
			}
			sort.Strings(out.perEvent[i])
		}
	})
	count := map[string]int{}
	for _, ns := range out.perEvent {
		for _, n := range ns {
			count[n]++
		}
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

// distinctSentences lists the distinct sentences of the events'
// mentions, in the order first met, and for each event the index in
// that list of its mentions' sentences, in order (a sentence repeated
// in a row is listed once).
func distinctSentences(events []*timeline.Event) (sents []string, sentOf [][]int32) {
	index := map[string]int32{}
	sentOf = make([][]int32, len(events))
	for i, e := range events {
		prev := int32(-1)
		for _, m := range e.Mentions {
			// An event's mentions come in article then text order: one
			// sentence dating several of them comes in a row, and is
			// then the same string, which compares without reading it.
			if prev >= 0 && sents[prev] == m.Sentence {
				continue
			}
			j, ok := index[m.Sentence]
			if !ok {
				j = int32(len(sents))
				index[m.Sentence] = j
				sents = append(sents, m.Sentence)
			}
			sentOf[i] = append(sentOf[i], j)
			prev = j
		}
	}
	return sents, sentOf
}

// midCapitals returns the capitalised words of sentence s after its
// first word: the words seen capitalised where capitals do not merely
// open a sentence.
func midCapitals(s string) []string {
	var out []string
	for i, w := range nameWords(s) {
		if i == 0 || 'a' <= w[0] && w[0] <= 'z' {
			continue
		}
		if w = nameForm(w); isCapital(w) {
			out = append(out, w)
		}
	}
	return out
}

// nameForm is word w as a name: a possessive 's and the apostrophes,
// hyphens and periods around it dropped ("Putin's" and "Alaska." are
// "Putin" and "Alaska"), but for the last period of an abbreviation
// ("U.S." stays "U.S."): the form capitalRuns looks up in known.
func nameForm(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "\u2019s")
	w = strings.Trim(w, "'\u2019-")
	trimmed := strings.Trim(w, "'\u2019-.")
	if strings.HasSuffix(w, ".") && strings.Contains(trimmed, ".") {
		return strings.TrimLeft(w, "'\u2019-.") // an abbreviation: keep its period
	}
	return trimmed
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
		if c := w[0]; 'a' <= c && c <= 'z' {
			// Most words: trimming keeps a leading letter, so the
			// word stays lower case and ends any run.
			flush()
			continue
		}
		w = nameForm(w)
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

// The names of a site's events, kept from one build to the next (see
// Cache): eventNames works them out over the whole site at once; a
// nameIndex gives the same result after each build while working out
// again only the names of the events that changed, and those of the
// events a change elsewhere affects. What eventNames reads of the whole
// site is three sets, each kept as a count of the events that put a word
// in it:
//
//   - known: the capitalised words inside a sentence, which decide
//     whether a sentence's first word starts a name (capitalRuns);
//   - single: the names of one word, which shorten the longer names
//     ending in them ("Vladimir Putin" → "Putin");
//   - count: each name's number of events, which chooses the names
//     offered in the filter.
//
// A word entering or leaving known or single makes the events whose
// runs or names read it work them out again.
type nameIndex struct {
	known, single, count map[string]int
	all                  []string
	allDone              bool
}

// entryNames is what an event adds to a nameIndex.
type entryNames struct {
	sents []*sentenceNames // of each mention
	// mid are the words of its sentences that make them known; firsts
	// the first words of its sentences whose runs depend on known.
	mid, firsts []string
	// raw are the event's runs, each once (in the order of eventNames),
	// worked out when rawDone; singles those of one word.
	raw, singles []string
	rawDone      bool
	// names are raw shortened for single (eventNames' perEvent), made
	// when namesDone.
	names     []string
	namesDone bool
}

// sentenceNames is what eventNames reads of one sentence.
type sentenceNames struct {
	mid []string // its capitalised words after the first, each once
	// first is its first word when that word may start a name (the
	// runs depend on whether it is known), else "".
	first string
	// runs are capitalRuns of the sentence when first is not known
	// ([0]) and when it is ([1]).
	runs [2][]string
}

func newSentenceNames(s string) *sentenceNames {
	sn := &sentenceNames{}
	for i, w := range nameWords(s) {
		w = nameForm(w)
		if i == 0 {
			r, _ := utf8.DecodeRuneInString(w)
			if w != "" && unicode.IsUpper(r) && !notNames[w] && utf8.RuneCountInString(w) >= 2 {
				sn.first = w
			}
		} else if isCapital(w) && !slices.Contains(sn.mid, w) {
			sn.mid = append(sn.mid, w)
		}
	}
	sn.runs[0] = capitalRuns(s, nil)
	sn.runs[1] = sn.runs[0]
	if sn.first != "" {
		sn.runs[1] = capitalRuns(s, map[string]bool{sn.first: true})
	}
	return sn
}

// newEntryNames reads the sentences of e, finding each in seen or else
// reading it and adding it there.
func newEntryNames(e *timeline.Event, seen map[string]*sentenceNames) entryNames {
	var en entryNames
	en.sents = make([]*sentenceNames, len(e.Mentions))
	mid, firsts := map[string]bool{}, map[string]bool{}
	for i, m := range e.Mentions {
		sn := seen[m.Sentence]
		if sn == nil {
			sn = newSentenceNames(m.Sentence)
			seen[m.Sentence] = sn
		}
		en.sents[i] = sn
		for _, w := range sn.mid {
			if !mid[w] {
				mid[w] = true
				en.mid = append(en.mid, w)
			}
		}
		if sn.first != "" && !firsts[sn.first] {
			firsts[sn.first] = true
			en.firsts = append(en.firsts, sn.first)
		}
	}
	return en
}

// flips records the words whose presence in a counted set may change,
// with their presence before; changed lists those present after but not
// before, or before but not after.
type flips map[string]bool

func (f flips) add(counts map[string]int, words []string, by int) {
	for _, w := range words {
		if _, ok := f[w]; !ok {
			f[w] = counts[w] > 0
		}
		counts[w] += by
		if counts[w] == 0 {
			delete(counts, w)
		}
	}
}

func (f flips) changed(counts map[string]int) map[string]bool {
	out := map[string]bool{}
	for w, was := range f {
		if (counts[w] > 0) != was {
			out[w] = true
		}
	}
	return out
}

// update makes the index that of the events of a build, given their
// entries in order (added: entries new to the index; gone: entries no
// longer in the site), and returns each event's names and the site's.
// Entries of no change keep what they had.
func (x *nameIndex) update(entries, added, gone []*entryNames) (perEvent [][]string, all []string) {
	if x.known == nil {
		x.known, x.single, x.count = map[string]int{}, map[string]int{}, map[string]int{}
	}
	knownF, singleF, countF := flips{}, flips{}, flips{}
	for _, en := range gone {
		knownF.add(x.known, en.mid, -1)
		if en.rawDone {
			singleF.add(x.single, en.singles, -1)
		}
		if en.namesDone {
			countF.add(x.count, en.names, -1)
		}
	}
	for _, en := range added {
		knownF.add(x.known, en.mid, 1)
		if en.rawDone {
			singleF.add(x.single, en.singles, 1)
		}
		if en.namesDone {
			countF.add(x.count, en.names, 1)
		}
	}
	knownChanged := knownF.changed(x.known)
	for _, en := range entries {
		if en.rawDone && !readsChanged(en, knownChanged) {
			continue
		}
		if en.rawDone {
			singleF.add(x.single, en.singles, -1)
		}
		if en.namesDone {
			countF.add(x.count, en.names, -1)
			en.namesDone = false
		}
		en.runs(x.known)
		singleF.add(x.single, en.singles, 1)
	}
	singleChanged := singleF.changed(x.single)
	for _, en := range entries {
		if en.namesDone && !endsChanged(en.raw, singleChanged) {
			continue
		}
		if en.namesDone {
			countF.add(x.count, en.names, -1)
		}
		en.names = shortNames(en.raw, x.single)
		en.namesDone = true
		countF.add(x.count, en.names, 1)
	}
	if len(countF) > 0 || !x.allDone {
		x.all, x.allDone = allNames(x.count), true
	}
	perEvent = make([][]string, len(entries))
	for i, en := range entries {
		perEvent[i] = en.names
	}
	return perEvent, x.all
}

// readsChanged reports whether the runs of en depend on whether a word
// of changed is known.
func readsChanged(en *entryNames, changed map[string]bool) bool {
	if len(changed) == 0 {
		return false
	}
	for _, w := range en.firsts {
		if changed[w] {
			return true
		}
	}
	return false
}

// endsChanged reports whether a name of raw of several words ends in a
// word of changed.
func endsChanged(raw []string, changed map[string]bool) bool {
	if len(changed) == 0 {
		return false
	}
	for _, n := range raw {
		if j := strings.LastIndexByte(n, ' '); j >= 0 && changed[n[j+1:]] {
			return true
		}
	}
	return false
}

// runs works out en.raw and en.singles for known, as eventNames does.
func (en *entryNames) runs(known map[string]int) {
	en.raw, en.singles = nil, nil
	seen := map[string]bool{}
	for _, sn := range en.sents {
		k := 0
		if sn.first != "" && known[sn.first] > 0 {
			k = 1
		}
		for _, n := range sn.runs[k] {
			if seen[n] {
				continue
			}
			seen[n] = true
			en.raw = append(en.raw, n)
			if !strings.Contains(n, " ") {
				en.singles = append(en.singles, n)
			}
		}
	}
	en.rawDone = true
}

// shortNames is raw with each name of several words shortened to its
// last word when that is a name of one word, each once, sorted.
func shortNames(raw []string, single map[string]int) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range raw {
		if j := strings.LastIndexByte(n, ' '); j >= 0 && single[n[j+1:]] > 0 {
			n = n[j+1:]
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// allNames are the names of two events or more, the maxNames most
// frequent, sorted: eventNameSet.all.
func allNames(count map[string]int) []string {
	var all []string
	for n, c := range count {
		if c >= 2 {
			all = append(all, n)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		return count[a] > count[b] || count[a] == count[b] && a < b
	})
	if len(all) > maxNames {
		all = all[:maxNames]
	}
	sort.Strings(all)
	return all
}
