package dates

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Resolve finds the temporal expressions in text and resolves each
// against anchor, the publication date of the text (only its calendar
// day is used). Expressions are returned in text order and never overlap.
//
// The text is tokenized once; rules then match around the tokens that
// can start a temporal expression (month and weekday names, numbers,
// temporal nouns and their modifiers). Bare weekdays, yearless months
// and quarters take the direction the tense of their clause implies.
// Resolve is safe for concurrent use and never reads the clock.
func Resolve(text string, anchor time.Time) []Expr {
	r := getResolver(text, anchor)
	defer putResolver(r)
	r.run()
	if len(r.out) == 0 {
		return nil
	}
	out := make([]Expr, len(r.out))
	copy(out, r.out)
	return out
}

var pool = sync.Pool{New: func() any { return new(resolver) }}

func getResolver(text string, anchor time.Time) *resolver {
	r := pool.Get().(*resolver)
	r.text = text
	r.anchor = Day(anchor.Year(), anchor.Month(), anchor.Day())
	r.t = r.t[:0]
	r.out = r.out[:0]
	r.tenses = r.tenses[:0]
	r.wantTense = false
	r.whole = false
	r.reach = 12
	r.lastQY, r.lastQ, r.periodMonths = 0, 0, 0
	r.rt, r.refU, r.refText, r.refEnd = time.Time{}, 0, "", 0
	return r
}

func putResolver(r *resolver) {
	r.text = ""
	if cap(r.t) > 1<<20 {
		r.t = nil
	}
	if cap(r.out) > 1<<12 {
		r.out = nil
	}
	pool.Put(r)
}

// resolver holds the state of one Resolve call.
type resolver struct {
	text   string
	anchor time.Time
	t      []token
	out    []Expr
	// the last quarter the text named, for "the quarter", "a year earlier"
	lastQY, lastQ int
	// periodMonths is the length of the reporting period the text named
	// last when it is longer than a quarter ("the nine months", "the
	// first six months"); 0 when a quarter was named since
	periodMonths int
	// the discourse reference time: the last calendar date the text
	// named (day, month or year precision, refU the unit), for "that
	// year", "the following month", "the next day"
	rt      time.Time
	refU    int
	refText string
	refEnd  int // the byte offset where the reference's phrase ends
	// wantTense asks emit to record the clause tense of every expression
	// in tenses (for InferAnchor)
	wantTense  bool
	tenses     []Tense
	latestFull time.Time
	// whole tokenizes the text in one piece (InferAnchor reads tokens after run)
	whole bool
	// reach is how many tokens the tense scan looks either way
	reach int
	// scratch holds a lower-cased word (see lower)
	scratch [24]byte
}

// hit is a rule's match: tokens [start, end) and the resolution.
type hit struct {
	end   int
	typ   Type
	val   string
	mod   string
	rule  string
	tense Tense
	note  string
	day   time.Time // the day of a day-precision date, for a following time
}

// chunk sizes: the text is tokenized a paragraph-sized piece at a time,
// so the token buffer stays small and warm in the cache.
const (
	chunkMin = 8 << 10
	chunkMax = 64 << 10
)

// run resolves the whole text, chunk by chunk (whole: in one piece).
func (r *resolver) run() {
	for from := 0; from < len(r.text); {
		to := r.chunkEnd(from)
		if r.whole {
			to = len(r.text)
		}
		r.t = tokenize(r.text[:to], from, r.t[:0])
		r.runTokens()
		from = to
	}
}

// chunkEnd picks where the chunk starting at from ends: a paragraph
// break, else a line break, else a space, else a character boundary.
func (r *resolver) chunkEnd(from int) int {
	text := r.text
	if len(text)-from <= chunkMax {
		return len(text)
	}
	lo, hi := from+chunkMin, from+chunkMax
	win := text[lo:hi]
	if i := strings.Index(win, "\n\n"); i >= 0 {
		return lo + i + 2
	}
	if i := strings.IndexByte(win, '\n'); i >= 0 {
		return lo + i + 1
	}
	if i := strings.IndexByte(win, ' '); i >= 0 {
		return lo + i + 1
	}
	for hi > lo && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return hi
}

func (r *resolver) runTokens() {
	for i := 0; i < len(r.t); {
		t := &r.t[i]
		if t.k == kPunct || t.k == kWord && t.c&cStart == 0 ||
			t.w == "that" && !r.cls(i+1, cUnit) && r.w(i+1) != "same" { // "that" starts only "that year", "that same day"
			i++
			continue
		}
		h, ok := r.match(i)
		if !ok || h.end <= i {
			i++
			continue
		}
		if h.rule != "" && h.val != "" && (h.rule == "holiday" || !r.titleName(i, h.end)) {
			r.emit(i, h)
			if h2, k, ok := r.secondDay(h); ok {
				r.emit(k, h2)
				h.end = h2.end
			}
		}
		i = h.end
	}
}

func (r *resolver) emit(i int, h hit) {
	s, e := r.t[i].s, r.t[h.end-1].e
	r.out = append(r.out, Expr{Start: s, End: e, Text: r.text[s:e], Type: h.typ, Value: h.val, Mod: h.mod,
		Rule: h.rule, Tense: h.tense, Anchor: r.anchor, Note: h.note})
	if h.typ == TypeDate || h.typ == TypeTime {
		r.setRef(h.val, r.text[s:e], e)
	}
	if r.wantTense {
		t := h.tense
		if t == TenseNone {
			t = r.tense(i, h.end)
		}
		r.tenses = append(r.tenses, t)
	}
}

// secondDay matches a second day of the same month after a month-day
// date: "April 24 and 25", "May 3 or 4". It returns the hit of the
// second day and the token it starts at.
func (r *resolver) secondDay(h hit) (hit, int, bool) {
	if h.day.IsZero() || !strings.HasPrefix(h.rule, "month-day") {
		return hit{}, 0, false
	}
	k := h.end
	if w := r.w(k); w != "and" && w != "or" {
		return hit{}, 0, false
	}
	d, ok := r.num(k + 1)
	if !ok || r.digits(k+1) > 2 || d <= h.day.Day() || d > 31 {
		return hit{}, 0, false
	}
	// "April 24 and 25 percent", "May 3 and 4 p.m.", "June 1 and 2,000 troops"
	if nx := k + 2; nx < len(r.t) && (r.t[nx].k == kWord && !(r.t[nx].c == 0 && r.t[nx].up) && !afterDay[r.w(nx)] || r.punct(nx, '%') || r.punct(nx, ':') || r.punct(nx, '/')) {
		return hit{}, 0, false
	}
	day := Day(h.day.Year(), h.day.Month(), d)
	if day.Month() != h.day.Month() {
		return hit{}, 0, false
	}
	return hit{end: k + 2, typ: TypeDate, val: DayValue(day), rule: "month-second-day", day: day}, k + 1, true
}

// afterDay are the words that may follow the second day of "April 24
// and 25": any other word makes the number a quantity ("25 troops").
var afterDay = map[string]bool{"in": true, "at": true, "on": true, "when": true, "to": true, "for": true,
	"and": true, "or": true, "before": true, "after": true, "during": true, "the": true, "this": true, "next": true, "last": true}

// titleName reports whether tokens [i, e) are part of a title or name
// written with capitals mid-sentence: CBS's "60 Minutes", ABC's "This
// Week", the film "High Noon", "VOA Today". A unit word or today, noon,
// now with a capital is a name when it does not begin the expression,
// or when the word before it is capitalized too. Month and weekday names
// are always capitalized and never count; nor do all-caps words.
func (r *resolver) titleName(i, e int) bool {
	for k := i; k < e; k++ {
		t := &r.t[k]
		if t.k != kWord || !t.up || t.caps || !(t.c&(cUnit|cUnits|cPartDay) != 0 || t.w == "today" || t.w == "noon" || t.w == "now" || t.w == "tonight") {
			continue
		}
		if k > i {
			return true
		}
		if p := k - 1; p >= 0 && r.t[p].k == kWord && r.t[p].up && r.t[p].c&(cMonth|cMonAbbr|cWeekday) == 0 {
			return true
		}
	}
	return false
}

// match tries every rule at token i and keeps the longest match.
func (r *resolver) match(i int) (hit, bool) {
	var best hit
	found := false
	try := func(h hit, ok bool) {
		if ok && (!found || h.end > best.end) {
			best, found = h, true
		}
	}
	try(r.modified(i))
	try(r.date(i))
	try(r.duration(i))
	try(r.set(i))
	try(r.ref(i))
	try(r.clock(i))
	return best, found
}

// ---- token helpers

func (r *resolver) w(i int) string {
	if i < 0 || i >= len(r.t) || r.t[i].k != kWord {
		return ""
	}
	return r.t[i].w
}

func (r *resolver) cls(i int, c uint32) bool {
	return i >= 0 && i < len(r.t) && r.t[i].k == kWord && r.t[i].c&c != 0
}

func (r *resolver) punct(i int, ch byte) bool {
	return i >= 0 && i < len(r.t) && r.t[i].k == kPunct && r.t[i].ch == ch
}

// adjacent reports whether token i directly follows token i-1 (no space).
func (r *resolver) adjacent(i int) bool {
	return i > 0 && i < len(r.t) && !r.t[i].sp
}

func (r *resolver) num(i int) (int, bool) {
	if i < 0 || i >= len(r.t) || r.t[i].k != kNum || r.t[i].v < 0 {
		return 0, false
	}
	return r.t[i].v, true
}

func (r *resolver) digits(i int) int { return r.t[i].e - r.t[i].s }

// ---- values

func yearValue(y int) string {
	if y < 0 || y > 9999 {
		return ""
	}
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func unitValue(u int, t time.Time) string {
	switch u {
	case uDay:
		return DayValue(t)
	case uWeek:
		return WeekValue(t)
	case uWeekend:
		return WeekValue(t) + "-WE"
	case uMonth:
		return MonthValue(t)
	case uQuarter:
		return yearValue(t.Year()) + "-Q" + strconv.Itoa((int(t.Month())+2)/3)
	case uHalf:
		return yearValue(t.Year()) + "-H" + strconv.Itoa((int(t.Month())+5)/6)
	case uYear:
		return yearValue(t.Year())
	case uDecade:
		return yearValue(t.Year())[:3]
	case uCentury:
		return yearValue(t.Year())[:2]
	}
	return ""
}

func shift(t time.Time, u, n int) time.Time {
	switch u {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		return Day(t.Year(), t.Month(), 1).AddDate(0, n, 0)
	case uQuarter:
		return Day(t.Year(), t.Month(), 1).AddDate(0, 3*n, 0)
	case uHalf:
		return Day(t.Year(), t.Month(), 1).AddDate(0, 6*n, 0)
	case uYear:
		return Day(t.Year()+n, 1, 1)
	case uDecade:
		return Day(t.Year()+10*n, 1, 1)
	case uCentury:
		return Day(t.Year()+100*n, 1, 1)
	case uHour, uMinute, uSecond:
		return t
	}
	return t
}

// durValue formats n units (n < 0: unspecified) plus half a unit.
func durValue(n, u int, half bool) string {
	x := "X"
	if n >= 0 {
		x = strconv.Itoa(n)
	}
	if half {
		switch u {
		case uYear:
			return "P" + x + "Y6M"
		case uDay:
			return "P" + x + "DT12H"
		case uHour:
			return "PT" + x + "H30M"
		case uMonth:
			return "P" + x + "M15D"
		case uWeek:
			return "P" + strconv.Itoa(7*max(n, 0)+3) + "DT12H"
		case uMinute:
			return "PT" + x + "M30S"
		}
	}
	switch u {
	case uSecond:
		return "PT" + x + "S"
	case uMinute:
		return "PT" + x + "M"
	case uHour:
		return "PT" + x + "H"
	case uDay:
		return "P" + x + "D"
	case uWeek:
		return "P" + x + "W"
	case uWeekend:
		return "P" + x + "WE"
	case uMonth:
		return "P" + x + "M"
	case uQuarter:
		return "P" + x + "Q"
	case uHalf:
		if n >= 0 {
			return "P" + strconv.Itoa(6*n) + "M"
		}
		return "PXM"
	case uYear:
		return "P" + x + "Y"
	case uDecade:
		return "P" + x + "DE"
	case uCentury:
		return "P" + x + "CE"
	}
	return ""
}

// ---- tense

// tense reads the verbs of the clause around tokens [i, j): the nearest
// cue wins, a cue before the expression on a tie.
func (r *resolver) tense(i, j int) Tense {
	// a deadline looks ahead: "until Tuesday", "as soon as Tuesday",
	// "until 9 a.m. Tuesday"
	b := i
	for b > 0 && i-b < 7 && (r.t[b-1].k == kNum || r.t[b-1].k == kPunct && (r.t[b-1].ch == '.' || r.t[b-1].ch == ':') ||
		r.w(b-1) == "a" || r.w(b-1) == "p" || r.w(b-1) == "m" || r.w(b-1) == "am" || r.w(b-1) == "pm" || r.cls(b-1, cZone)) {
		b--
	}
	if b < i && r.t[b].k != kNum {
		b = i
	}
	// "since March": a time already past
	if r.w(b-1) == "since" {
		return TensePast
	}
	if string(r.lower(b-1)) == "effective" {
		// "a new pact effective June 1": when an announced change takes
		// effect, at or after the announcement ("took effect" says past)
		return TenseFuture
	}
	if p := r.w(b - 1); p == "until" || p == "till" || p == "by" && b >= 2 && r.t[b-2].k == kWord && r.w(b-2) != "was" && r.w(b-2) != "were" ||
		(p == "as" && (r.w(b-2) == "soon" || r.w(b-2) == "early")) {
		if _, lt := r.scanTense(b-1, -1); (lt != TensePast || p != "by") && !r.pastPerfectClause(b-1, i) {
			return TenseFuture
		}
	}
	left, lt := r.scanTense(i-1, -1)
	right, rt := r.scanTense(j, 1)
	switch {
	case lt == TenseNone:
		return rt
	case rt == TenseNone:
		return lt
	case left <= right:
		return lt
	}
	return rt
}

// pastPerfectClause reports whether the nearest tense cue around tokens
// [i, j) is a past perfect ("Until Thursday, they had not called him a
// suspect"): a state that lasted up to a past day.
func (r *resolver) pastPerfectClause(i, j int) bool {
	left, lt := r.scanTense(i-1, -1)
	right, rt := r.scanTense(j, 1)
	k := -1
	switch {
	case lt != TenseNone && (rt == TenseNone || left <= right):
		k = i - 1 - left
	case rt != TenseNone:
		k = j + right
	}
	w := r.w(k)
	return w == "had" || w == "hadn't"
}

// scanTense walks from token k in direction d to the clause boundary and
// returns the distance to the first tense cue and its tense.
func (r *resolver) scanTense(k, d int) (int, Tense) {
	comma := false
	words := 0 // the reach counts words and numbers: "4 a.m. EDT" is three, not six
	for n := 0; words < r.reach && k >= 0 && k < len(r.t); n, k = n+1, k+d {
		t := &r.t[k]
		if t.k != kPunct {
			words++
		}
		if t.k == kPunct && t.ch == ',' {
			comma = true
		}
		if comma && d > 0 && t.k == kWord && (t.w == "said" || t.w == "says" || t.w == "told") {
			// ", Castro said": the attribution is a clause of its own
			return 0, TenseNone
		}
		if t.k == kPunct {
			switch t.ch {
			case '.', '!', '?', ';', ':', '(', ')':
				if t.ch == '.' && k > 0 && (r.cls(k-1, cMonAbbr) || r.t[k-1].k == kWord && r.t[k-1].e-r.t[k-1].s == 1) {
					// "Aug.", "a.m.", "J. Smith": not the end of a sentence ("on March 6." is)
					continue
				}
				if t.ch == '(' && d < 0 || t.ch == ')' && d > 0 {
					// leaving a parenthesis the expression is in: its
					// tense is the enclosing clause's ("will leave at 4
					// in the morning (4 a.m. EDT Thursday)")
					continue
				}
				return 0, TenseNone
			}
			continue
		}
		if t.k != kWord {
			continue
		}
		w := t.w
		// "is to meet", "are set to", "is due to": a present plan looks
		// ahead; "was to meet", "were about to" are past plans and fall
		// through to the past cue of their finite verb
		if w == "is" || w == "are" {
			if planWord(r.w(k + 1)) {
				return n, TenseFuture
			}
		}
		if w == "ended" {
			return n, TensePast // "talks ended Friday", "the year ended March 31": a lexicon word, so not caught by isPastVerb
		}
		// "were planning to", "was going to": a plan still under way
		if (w == "was" || w == "were") && d > 0 && (r.w(k+1) == "planning" || r.w(k+1) == "going") {
			return n, TenseFuture
		}
		if w == "set" && r.w(k+1) == "to" {
			if pastAux(r, k) {
				return n, TensePast // "was set to open Friday"
			}
			return n, TenseFuture
		}
		switch {
		case t.c&cFutCue != 0:
			if w == "next" || w == "coming" || w == "tomorrow" || w == "later" {
				continue // these are date words, not verbs
			}
			if (w == "plans" || w == "planning") && r.w(k+1) != "to" && !planAux(r.w(k-1)) || w == "plan" && r.w(k+1) != "to" {
				continue // "vacation plans", "under the plan approved Friday": a noun
			}
			if w == "planned" && d > 0 && r.w(k+1) != "to" && !planAux(r.w(k-1)) && !pastPerfect(r, k) {
				continue // "On Friday, ... the hastily planned trip": an adjective after the date
			}
			// the finite verb decides. A plan that "had been due to" or
			// was "previously planned" was superseded: past. A fronted
			// date ("On Friday, the government planned to pay", "Friday
			// morning, as he was expected to") belongs to the past verb
			// after it; a date inside the infinitive ("planned to leave on
			// Thursday") belongs to the planned act and still looks ahead.
			if w != "planning" && w != "going" {
				if pastPerfect(r, k) || d > 0 && (pastAux(r, k) || w == "planned" && r.w(k+1) == "to" && !planAux(r.w(k-1))) {
					return n, TensePast
				}
			}
			return n, TenseFuture
		case t.c&cPastCue != 0:
			if p := r.w(k - 1); (p == "be" || p == "being") && w != "been" {
				continue // "will be held": a passive, no tense of its own
			}
			if w == "set" || w == "put" || w == "cut" || w == "hit" {
				// "a record set on Aug. 6": the participle governs the
				// date, past; "is set for", "will cut" are not
				if p := r.w(k - 1); d < 0 && (r.w(k+1) == "on" || r.w(k+1) == "in") && p != "be" && p != "is" && p != "are" &&
					p != "will" && p != "to" && p != "being" && p != "been" {
					return n, TensePast
				}
				continue
			}
			if w == "last" || w == "yesterday" || w == "earlier" || w == "ago" {
				continue
			}
			return n, TensePast
		case t.c&cPresCue != 0:
			if w == "now" || w == "today" {
				continue
			}
			if nx := r.w(k + 1); nx == "been" || nx == "were" {
				return n, TensePast
			}
			return n, TensePresent
		case w == "" && r.isPastVerb(k):
			if r.w(k-1) == "be" || r.w(k-1) == "to" || r.w(k-1) == "being" {
				continue // "must be returned": a passive, no tense of its own
			}
			return n, TensePast
		}
	}
	return 0, TenseNone
}

// planWord reports whether w, after "is" or "are", makes a plan ("is to",
// "are set to", "is due", "is scheduled", "are about to").
func planWord(w string) bool {
	switch w {
	case "to", "supposed", "set", "due", "scheduled", "expected", "going", "planning", "about":
		return true
	}
	return false
}

// planAux reports whether w is a present-tense auxiliary before a plan
// word ("is planning", "are expected", "be scheduled").
func planAux(w string) bool {
	return w == "is" || w == "are" || w == "be" || w == "am" || w == "isn't" || w == "aren't"
}

// pastAux reports whether the plan word at token k is governed by a past
// finite verb: "was/were (not) expected", "had been due", "had (been)
// planned", "previously/originally scheduled".
func pastAux(r *resolver, k int) bool {
	p := r.w(k - 1)
	if p == "not" || p == "previously" || p == "originally" || p == "initially" {
		if p != "not" {
			return true
		}
		k--
		p = r.w(k - 1)
	}
	switch p {
	case "was", "were", "wasn't", "weren't", "had", "hadn't":
		return true
	case "been":
		q := r.w(k - 2)
		return q == "had" || q == "hadn't"
	}
	return false
}

// pastPerfect reports whether the plan word at token k is in the past
// perfect or marked as superseded: "had been due", "had planned",
// "previously scheduled", "originally planned".
func pastPerfect(r *resolver, k int) bool {
	switch p := r.w(k - 1); p {
	case "previously", "originally", "initially", "had", "hadn't":
		return true
	case "been":
		q := r.w(k - 2)
		return q == "had" || q == "hadn't"
	}
	return false
}

// isDeterminer reports whether word w is an article or possessive
// determiner, after which an -ed word is an adjective.
func isDeterminer(w string) bool {
	if len(w) > 5 {
		return false
	}
	var b [5]byte
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	switch string(b[:len(w)]) {
	case "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those":
		return true
	}
	return false
}

var notPast = map[string]bool{"need": true, "speed": true, "indeed": true, "seed": true, "bed": true, "red": true, "united": true,
	"hundred": true, "shed": true, "feed": true, "breed": true, "proceed": true, "succeed": true, "exceed": true, "embed": true,
	"creed": true, "greed": true, "weed": true, "reed": true, "naked": true, "wicked": true, "sacred": true, "kindred": true,
	"limited": true, "based": true, "concerned": true, "expected": true, "scheduled": true, "planned": true, "alleged": true,
	"armed": true, "related": true, "detailed": true, "advanced": true, "interested": true, "unprecedented": true, "talked": false}

// isPastVerb reports whether word token k looks like a past-tense verb
// (ends in -ed and is not a known adjective or noun).
func (r *resolver) isPastVerb(k int) bool {
	t := &r.t[k]
	n := t.e - t.s
	if n < 4 || n > 20 {
		return false
	}
	s := r.text[t.s:t.e]
	if s[n-1]|0x20 != 'd' || s[n-2]|0x20 != 'e' {
		return false
	}
	if t.up && k > 0 && !r.punct(k-1, '.') { // a name like "Ahmed"
		return false
	}
	// after a determiner it is an adjective: "a still unspecified date",
	// "the proposed merger", "its revised forecast"
	p := k - 1
	if p > 0 && r.t[p].k == kWord && (r.w(p) == "still" || r.w(p) == "yet" || r.w(p) == "newly" || r.w(p) == "recently") {
		p--
	}
	if p >= 0 && r.t[p].k == kWord && isDeterminer(r.text[r.t[p].s:r.t[p].e]) {
		return false
	}
	var b [20]byte
	for i := 0; i < n; i++ {
		b[i] = s[i] | 0x20
	}
	return !notPast[string(b[:n])]
}
