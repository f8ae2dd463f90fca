package timeline

import (
	"strings"
	"unicode"

	"github.com/timeline-news/timeline/timeline/words"
)

// The rules that turn the sentence of a mention into a headline-style
// clause: subject + verb + object or place. Each works on the words
// of the sentence (punctuation stays attached, as written); the date
// phrase is one word, dateMark, until dropDate removes it. Each rule
// has its own table test in title_test.go.

// dateMark stands for the date phrase in a title's words.
const dateMark = "\x00"

// markDate returns the words of sentence s with the phrase at byte
// offsets [ps, pe) as one dateMark word (keeping the punctuation that
// follows it) and the parenthesised asides removed.
func markDate(s string, ps, pe int) []string {
	// the words before, the mark's place, the words after: one slice
	ws := appendFields(make([]string, 0, 32), s[:ps])
	at := len(ws)
	ws = appendFields(append(ws, ""), s[pe:])
	mark := dateMark
	if rest := ws[at+1:]; len(rest) > 0 && (strings.IndexFunc(rest[0], isWordRune) < 0 || pe < len(s) && s[pe] != ' ') {
		// "August 12," keeps its comma; "(Friday)" or "Friday," is
		// glued to the phrase
		mark += rest[0]
		ws = append(ws[:at+1], rest[1:]...)
	}
	ws[at] = mark
	return dropAsides(ws)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// dropAsides removes parenthesised words: "(due to sanctions pressure)".
func dropAsides(ws []string) []string {
	out := ws[:0] // in place: a word is written only after it is read
	depth := 0
	for _, w := range ws {
		open := strings.HasPrefix(w, "(") && !strings.HasPrefix(w, dateMark)
		if open {
			depth++
		}
		if depth == 0 {
			out = append(out, w)
		}
		if depth > 0 && strings.Contains(w, ")") {
			depth--
		}
	}
	return out
}

// bare is a word without surrounding punctuation, in lower case.
func bare(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			lower = false
			break
		}
	}
	if lower {
		return w // the common case: a plain lower-case word
	}
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '’' && r != '-' }))
}

// prepositions may stand before a date phrase; a title drops them with it.
var prepositions = map[string]bool{"on": true, "in": true, "at": true, "by": true, "during": true, "from": true, "until": true,
	"for": true, "of": true, "since": true, "before": true, "after": true, "around": true, "as": true, "through": true, "till": true}

// dropDate removes the date phrase and the preposition before it; the
// punctuation after the phrase moves to the word before it ("In a
// statement on August 12, Zelensky" → "In a statement, Zelensky").
func dropDate(ws []string) []string {
	for i, w := range ws {
		if !strings.HasPrefix(w, dateMark) {
			continue
		}
		punct := strings.TrimLeftFunc(w[len(dateMark):], isWordRune)
		j := i
		if j > 0 && prepositions[bare(ws[j-1])] && !strings.ContainsAny(ws[j-1], ",;:") {
			j--
		}
		out := append(append([]string(nil), ws[:j]...), ws[i+1:]...)
		if p := strings.Trim(punct, ")("); p != "" && j > 0 && !strings.ContainsAny(out[j-1][len(out[j-1])-1:], ",;:.") {
			out[j-1] += p
		}
		return out
	}
	return ws
}

// dropDateline removes a dateline: "ANCHORAGE, Alaska — US President...".
func dropDateline(ws []string) []string {
	if len(ws) == 0 || !allCaps(ws[0]) {
		return ws
	}
	for i := 0; i < len(ws) && i < 5; i++ {
		if w := ws[i]; w == "—" || w == "–" || w == "--" || w == "-" {
			return ws[i+1:]
		}
	}
	return ws
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// leadWords open an adjunct or a connective a title drops: "On
// Wednesday, he ...", "In a subsequent statement, Zelensky ...",
// "According to officials, ...", "As both leaders approach ..., the".
var leadWords = map[string]bool{"on": true, "in": true, "at": true, "as": true, "after": true, "before": true, "during": true,
	"following": true, "amid": true, "with": true, "while": true, "since": true, "when": true, "according": true, "by": true,
	"for": true, "despite": true, "under": true, "over": true, "earlier": true, "later": true, "meanwhile": true,
	"however": true, "additionally": true, "also": true, "then": true, "and": true, "but": true, "so": true, "ultimately": true,
	"furthermore": true, "moreover": true, "still": true, "previously": true, "apparently": true, "now": true, "yet": true}

// maxAdjunctWords is how long a leading adjunct may be.
const maxAdjunctWords = 12

// dropLeadAdjuncts removes leading adjuncts ending in a comma and
// single leading connectives.
func dropLeadAdjuncts(ws []string) []string {
	for len(ws) > 0 {
		first := bare(ws[0])
		if ws[0] == dateMark || strings.HasPrefix(ws[0], dateMark) && strings.ContainsAny(ws[0], ",") {
			ws = ws[1:] // the date phrase opens the sentence
			continue
		}
		if !leadWords[first] {
			break
		}
		if strings.HasSuffix(ws[0], ",") || connectives[first] {
			ws = ws[1:]
			continue
		}
		cut := -1
		for i := 1; i < len(ws) && i <= maxAdjunctWords; i++ {
			if strings.HasSuffix(ws[i], ",") {
				cut = i
				break
			}
		}
		if cut < 0 {
			break
		}
		ws = ws[cut+1:]
	}
	return ws
}

// connectives are leading words dropped alone.
var connectives = map[string]bool{"however": true, "meanwhile": true, "additionally": true, "also": true, "then": true,
	"and": true, "but": true, "so": true, "ultimately": true, "furthermore": true, "moreover": true, "still": true,
	"previously": true, "apparently": true, "now": true, "yet": true}

// clauseWords start a clause inside a sentence.
var clauseWords = map[string]bool{"that": true, "which": true, "who": true, "where": true, "while": true, "because": true,
	"although": true, "though": true, "whereas": true, "since": true, "until": true, "unless": true, "when": true, "if": true}

// relatives start a clause about the words before them.
var relatives = map[string]bool{"which": true, "who": true, "where": true}

// clauseOf returns the clause holding the date phrase: the main
// clause up to the next subordinate one; a complement after "that";
// a relative clause with the noun phrase it is about ("the war, which
// began in 2022" → "the war began"); a subordinate clause without its
// conjunction ("since the war began"). A clause without a verb takes
// a relative clause that follows it ("their summit in 2021, which took
// place in Geneva").
func clauseOf(ws []string) []string {
	mark := -1
	for i, w := range ws {
		if strings.HasPrefix(w, dateMark) {
			mark = i
		}
	}
	if mark < 0 {
		mark = 0 // the phrase was in a leading adjunct: the main clause
	}
	var bounds []int // starts of clauses
	bounds = append(bounds, 0)
	for i := 1; i < len(ws); i++ {
		prev := ws[i-1]
		if clauseWords[bare(ws[i])] && i != mark || strings.HasSuffix(prev, ";") || prev == "—" || prev == "–" {
			bounds = append(bounds, i)
		}
	}
	k := 0
	for i, b := range bounds {
		if b <= mark {
			k = i
		}
	}
	start := bounds[k]
	end := len(ws)
	if k+1 < len(bounds) {
		end = bounds[k+1]
	}
	clause := append([]string(nil), ws[start:end]...)
	lead := bare(ws[start])
	if start > 0 {
		before := ws[:start]
		if ws[start-1] == "—" || ws[start-1] == "–" {
			return clause
		}
		switch {
		case relatives[lead] || lead == "that" && !complementAfter(before):
			np := nounPhraseBefore(before)
			clause = append(np, clause[1:]...)
		default:
			clause = clause[1:]
		}
	}
	next := len(ws)
	if k+2 < len(bounds) {
		next = bounds[k+2]
	}
	switch {
	case len(clause) == 0 || end == len(ws):
	case !hasVerb(clause) && relatives[bare(ws[end])]:
		// "their summit in 2021, which took place in Geneva"
		clause[len(clause)-1] = strings.TrimRight(clause[len(clause)-1], ",")
		clause = append(clause, ws[end+1:next]...)
	case bare(ws[end]) == "that" && verbLike(clause[len(clause)-1]) && verbIndex(clause) == len(clause)-1:
		// "Kallas stressed that any agreement must ..."
		clause = append(clause, ws[end+1:next]...)
	}
	return clause
}

// complementVerbs take a clause after "that": "announced on Friday
// that he and Putin will meet" (base forms, see words.Base).
var complementVerbs = map[string]bool{"say": true, "announce": true, "stress": true, "warn": true, "confirm": true,
	"agree": true, "hope": true, "believe": true, "expect": true, "insist": true, "argue": true, "suggest": true,
	"tell": true, "state": true, "claim": true, "note": true, "add": true, "report": true, "write": true, "think": true,
	"know": true, "deny": true, "reveal": true, "indicate": true, "explain": true, "acknowledge": true, "admit": true,
	"emphasize": true, "emphasise": true, "underline": true, "ensure": true, "decide": true, "show": true, "find": true}

// complementAfter reports whether a "that" after these words opens a
// complement (the word before it is a verb, or a complement verb is
// among the last five words) rather than a relative clause.
func complementAfter(before []string) bool {
	if len(before) == 0 {
		return false
	}
	if verbLike(before[len(before)-1]) {
		return true
	}
	for i := len(before) - 1; i >= 0 && i >= len(before)-5; i-- {
		b := bare(before[i])
		if base, ok := words.Base(b); ok && complementVerbs[base] || complementVerbs[strings.TrimSuffix(b, "s")] {
			return true
		}
	}
	return false
}

// nounPhraseBefore returns the noun phrase that ends the words before a
// relative clause: back to a preposition, a verb or a clause start.
func nounPhraseBefore(ws []string) []string {
	i := len(ws) - 1
	for i > 0 {
		p := ws[i-1]
		b := bare(p)
		if strings.HasSuffix(p, ",") && !unicode.IsUpper(firstRune(ws[i])) || prepositions[b] && !unicode.IsUpper(firstRune(ws[i])) || npStops[b] ||
			verbLike(p) || clauseWords[b] || len(ws)-i >= 5 {
			break
		}
		i--
	}
	np := append([]string(nil), ws[i:]...)
	np[len(np)-1] = strings.TrimRight(np[len(np)-1], ",")
	return np
}

// npStops end a noun phrase read backwards, whatever follows them.
var npStops = map[string]bool{"to": true, "with": true, "about": true, "against": true, "into": true, "between": true,
	"among": true, "near": true, "toward": true, "towards": true, "and": true, "or": true, "but": true}

// auxiliaries and modals start a verb group.
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "has": true,
	"have": true, "had": true, "could": true, "can": true, "may": true, "might": true, "must": true, "should": true, "shall": true}

// verbLike reports whether a word looks like a finite verb: an
// auxiliary, an irregular past, or a regular past in -ed.
func verbLike(w string) bool {
	b := bare(w)
	if auxiliaries[b] {
		return true
	}
	if unicode.IsUpper(firstRune(w)) {
		return false
	}
	if strings.HasSuffix(b, "ed") && len(b) > 4 {
		return true
	}
	_, ok := words.Base(b)
	return ok
}

func hasVerb(ws []string) bool {
	for _, w := range ws {
		if verbLike(w) {
			return true
		}
	}
	return false
}

// verbIndex returns the index of the main verb: the first verb-like
// word after at least one word of subject, or -1.
//
// A past participle right before another verb modifies the subject
// ("the agreement reached expired"): the later verb is the main one.
func verbIndex(ws []string) int {
	for i := 1; i < len(ws) && i <= 8; i++ {
		if verbLike(ws[i]) && !determiners[bare(ws[i-1])] {
			if i+1 < len(ws) && !auxiliaries[bare(ws[i])] && !strings.HasSuffix(ws[i], ",") && verbLike(ws[i+1]) && !auxiliaries[bare(ws[i+1])] {
				return i + 1
			}
			return i
		}
	}
	return -1
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "any": true, "some": true, "each": true}

// plans turn a planned action into the headline's present: "are
// scheduled to meet", "is set to meet", "will meet" → "meet(s)".
var plans = map[string]bool{"set": true, "scheduled": true, "due": true, "expected": true, "going": true, "poised": true, "planning": true, "slated": true}

// lightVerbs are a verb and noun that say one verb: "made an
// announcement" → "announce".
var lightVerbs = map[string]string{"made an announcement": "announce", "made a visit": "visit", "paid a visit": "visit",
	"held talks": "meet", "held a meeting": "meet", "made a call": "call", "held a call": "call", "made a statement": "say",
	"made a decision": "decide", "gave a speech": "speak", "made a proposal": "propose", "launched an attack": "attack"}

// aboutWords may follow a light verb's noun and go with it: "made an
// announcement regarding the meeting" → "announces the meeting".
var aboutWords = map[string]bool{"regarding": true, "about": true, "on": true, "concerning": true, "of": true, "to": true}

// headlineVerb rewrites the main verb in the headline present:
// "met" → "meet", "reassured" → "reassures", "are scheduled to meet
// with" → "meet", "made an announcement regarding" → "announces".
// Verbs whose base form is a guess stay as written.
func headlineVerb(ws []string) ([]string, int) {
	v := verbIndex(ws)
	if v < 0 {
		return ws, -1
	}
	plural := false
	for _, w := range ws[:v] {
		b := bare(w)
		if prepositions[b] || npStops[b] && b != "and" {
			break // "dialogue between Trump and Putin" is one dialogue
		}
		if b == "and" || b == "they" || b == "both" || b == "we" {
			plural = true
		}
	}
	present := func(base string) string {
		if plural {
			return base
		}
		return words.Third(base)
	}
	out := append([]string(nil), ws[:v]...)
	rest := ws[v:]
	b0 := bare(rest[0])
	var base string
	n := 1
	switch {
	case (b0 == "is" || b0 == "are") && len(rest) > 3 && plans[bare(rest[1])] && bare(rest[2]) == "to":
		base, n = bare(rest[3]), 4
	case b0 == "will" && len(rest) > 1 && !verbLike(rest[1]) && bare(rest[1]) != "be" && bare(rest[1]) != "not":
		base, n = bare(rest[1]), 2
	case len(rest) > 2 && lightVerbs[b0+" "+bare(rest[1])+" "+bare(rest[2])] != "":
		base, n = lightVerbs[b0+" "+bare(rest[1])+" "+bare(rest[2])], 3
		if len(rest) > 3 && aboutWords[bare(rest[3])] {
			n = 4
		}
	case len(rest) > 1 && lightVerbs[b0+" "+bare(rest[1])] != "":
		base, n = lightVerbs[b0+" "+bare(rest[1])], 2
	case auxiliaries[b0]:
		return ws, v
	default:
		b, ok := words.Base(b0)
		if !ok {
			return ws, v
		}
		base = b
	}
	verb := present(base)
	if p := strings.TrimLeftFunc(rest[n-1], func(r rune) bool { return isWordRune(r) || r == '-' }); p != "" {
		verb += p
	}
	out = append(out, verb)
	rest = rest[n:]
	if base == "meet" && len(rest) > 0 && bare(rest[0]) == "with" {
		rest = rest[1:] // "meet with Putin" → "meets Putin"
	}
	return append(out, rest...), v
}

// cutTail ends a title after its verb (at index v, or -1) and the
// verb's object and place: at a purpose clause ("to discuss ..."), a
// participle ("aimed at ...", "marking ..."), a second verb ("and
// expressed ..."), a comma before lower-case words, or a subordinate
// clause. A modifier "aimed at resolving the war" before the rest of
// the clause ("must include") is dropped, not cut.
func cutTail(ws []string, v int) []string {
	if v < 0 {
		v = 0
	}
	ws = dropModifiers(ws)
	for i := v + 1; i < len(ws); i++ {
		b := bare(ws[i])
		switch {
		case i >= v+2 && b == "to" && i+1 < len(ws) && unicode.IsLower(firstRune(ws[i+1])) && !determiners[bare(ws[i+1])]:
			return ws[:i]
		case b == "aimed" || b == "while" || b == "amid" || clauseWords[b] && i >= v+2:
			return ws[:i]
		case strings.HasSuffix(b, "ing") && i >= v+2 && strings.HasSuffix(ws[i-1], ","):
			return ws[:i]
		case b == "and" && i+1 < len(ws) && verbLike(ws[i+1]):
			return ws[:i]
		case strings.HasSuffix(ws[i-1], ",") && i-1 >= v && !unicode.IsUpper(firstRune(ws[i])):
			return ws[:i]
		}
	}
	return ws
}

// modifiers open a participle phrase that qualifies a noun: "any
// agreement aimed at resolving the war must include ...".
var modifiers = map[string]bool{"aimed": true, "designed": true, "intended": true, "meant": true}

// dropModifiers removes a participle modifier that a modal or
// auxiliary follows within eight words (the clause goes on after it).
func dropModifiers(ws []string) []string {
	for i := 1; i < len(ws); i++ {
		if !modifiers[bare(ws[i])] {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+8; j++ {
			if auxiliaries[bare(ws[j])] {
				return append(append([]string(nil), ws[:i]...), ws[j:]...)
			}
		}
	}
	return ws
}

// dropPlaceQualifiers keeps the first of two comma-joined places:
// "in Anchorage, Alaska for talks" → "in Anchorage for talks".
func dropPlaceQualifiers(ws []string) []string {
	// in place: out is never longer than the words read, and ws[i-1]
	// is read only where out has not overwritten it, or holds it still
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if strings.HasSuffix(w, ",") && i > 0 && i+1 < len(ws) && unicode.IsUpper(firstRune(w)) && prepositions[bare(ws[i-1])] &&
			unicode.IsUpper(firstRune(ws[i+1])) && (i+2 == len(ws) || !unicode.IsUpper(firstRune(ws[i+2]))) {
			out = append(out, strings.TrimSuffix(w, ",")+strings.TrimLeftFunc(ws[i+1], func(r rune) bool { return isWordRune(r) || r == '.' || r == '\'' }))
			i++
			continue
		}
		out = append(out, w)
	}
	return out
}

// hedges are adjectives a headline leaves out.
var hedges = map[string]bool{"upcoming": true, "ongoing": true, "potential": true, "possible": true, "recent": true,
	"latest": true, "current": true, "subsequent": true, "so-called": true, "reported": true, "alleged": true}

// dropHedges removes hedging adjectives ("the upcoming meeting") and a
// "most" before them, and a leading article.
func dropHedges(ws []string) []string {
	out := ws[:0] // in place: a word is written only after it is read
	for i, w := range ws {
		b := bare(w)
		if hedges[b] && !strings.ContainsAny(w, ",;:") {
			if len(out) > 0 && bare(out[len(out)-1]) == "most" {
				out = out[:len(out)-1]
			}
			continue
		}
		if i == 0 && (b == "the" || b == "a" || b == "an") && len(ws) > 2 {
			continue
		}
		out = append(out, w)
	}
	return out
}

// attributions are reporting verbs: a clause "X said" after the
// content goes, and "X said (that) ..." before it keeps the content.
var attributions = map[string]bool{"said": true, "says": true, "told": true, "stated": true, "added": true, "noted": true,
	"claimed": true, "insisted": true, "reported": true, "wrote": true, "tweeted": true, "posted": true}

// dropAttribution removes a trailing ", X said" or ", X told
// reporters" (the reporting verb among the last five words, its
// subject after a comma), and a leading "X said that".
func dropAttribution(ws []string) []string {
	for i := len(ws) - 1; i > 0 && i >= len(ws)-5; i-- {
		if !attributions[bare(ws[i])] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			if strings.HasSuffix(strings.TrimRight(ws[j], "”\"'’"), ",") {
				return ws[:j+1]
			}
		}
	}
	if v := verbIndex(ws); v > 0 && v <= 3 && attributions[bare(ws[v])] && v+2 < len(ws) && bare(ws[v+1]) == "that" {
		return ws[v+2:]
	}
	return ws
}

// resolveSubject replaces a pronoun subject with the name it stands
// for: "he" and "she" with the nearest person named before, "their"
// and "they" with the nearest "X and Y" pair of names before.
func resolveSubject(ws []string, person string, pair string) []string {
	if len(ws) == 0 {
		return ws
	}
	out := append([]string(nil), ws...)
	for i, w := range out {
		if i > 3 {
			break
		}
		b := bare(w)
		switch {
		case (b == "he" || b == "she") && person != "":
			out[i] = person + w[len(b):]
		case b == "they" && pair != "":
			out[i] = pair + w[len(b):]
		case b == "their" && pair != "":
			out[i] = pair + "'s" + w[len(b):]
		default:
			continue
		}
		return out
	}
	return out
}

// namesBefore finds in text the nearest person (the surname of a run
// of two or three capitalised words, "Donald Trump" → "Trump", or a
// capitalised word the corpus uses alone that such a run ended) and
// the nearest pair of names joined by "and" ("Trump and Putin").
func namesBefore(text string, persons map[string]bool) (person, pair string) {
	// Read the last couple of thousand bytes first (from a space, so
	// no word is cut); the whole text only when they name no one.
	if len(text) > namesWindow {
		if i := strings.IndexByte(text[len(text)-namesWindow:], ' '); i >= 0 {
			p, q := namesIn(text[len(text)-namesWindow+i:], persons)
			if p != "" && q != "" {
				return p, q
			}
		}
	}
	return namesIn(text, persons)
}

// namesWindow is how many bytes before a pronoun namesBefore reads first.
const namesWindow = 2000

func namesIn(text string, persons map[string]bool) (person, pair string) {
	ws := strings.Fields(text)
	for i := len(ws) - 1; i >= 0 && (person == "" || pair == ""); i-- {
		w := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(ws[i], ",;:.!?\"“”()"), "'s"), "’s")
		if person == "" && persons[w] {
			person = w
		}
		if pair == "" && bare(ws[i]) == "and" && i > 0 && i+1 < len(ws) {
			a := strings.Trim(ws[i-1], ",;:.!?\"“”()")
			b := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(ws[i+1], ",;:.!?\"“”()"), "'s"), "’s")
			for j := i + 2; j < len(ws) && j < i+4 && unicode.IsUpper(firstRune(ws[j])); j++ {
				b = strings.Trim(ws[j], ",;:.!?\"“”()")
			}
			if persons[a] && persons[b] {
				pair = a + " and " + b
			}
		}
	}
	return person, pair
}
