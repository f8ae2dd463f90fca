package dates

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord = iota + 1
	kNum
	kPunct
)

// Word classes of the lexicon.
const (
	cMonth   = 1 << iota // january ... december; v = month
	cMonAbbr             // jan, feb, sept ...; v = month (needs "." or a number)
	cWeekday             // monday ... sunday; v = time.Weekday
	cUnit                // day, week, month, year ...; v = unit
	cUnits               // plural units; v = unit
	cNum                 // one ... ninety, a, an; v = value
	cOrd                 // first ... twelfth, 1st ...; v = value
	cSeason              // spring ... winter; v = season index
	cPartDay             // morning, afternoon, evening, night; v = index
	cPastCue             // was, were, had, said ...
	cFutCue              // will, 'll, shall, scheduled, upcoming ...
	cPresCue             // is, are, says ...
	cModal               // could, would, can, might, promised ...
	cZone                // gmt, utc, edt ...
	cStart               // may start an expression
)

// Units.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
)

// Parts of the day and their TIMEX3 codes.
var partCodes = [...]string{"MO", "AF", "EV", "NI"}

// Seasons and their TIMEX3 codes.
var seasonCodes = [...]string{"SP", "SU", "FA", "WI"}

type lexEntry struct {
	w string // the word, lower case (interned)
	c uint32
	v int
}

var lexicon = map[string]lexEntry{}

// lexFilter[n][a][b] is set when some lexicon word of n bytes starts
// with letter a and ends with letter b: most words of a text are
// refused without a map lookup.
var lexFilter [25][26][26]bool

func filterIndex(c byte) (int, bool) {
	c |= 0x20
	if c < 'a' || c > 'z' {
		return 0, false
	}
	return int(c - 'a'), true
}

// inFilter reports whether the lower-cased word w may be in the lexicon.
func inFilter(w []byte) bool {
	if len(w) >= len(lexFilter) {
		return false
	}
	a, ok1 := filterIndex(w[0])
	b, ok2 := filterIndex(w[len(w)-1])
	if !ok1 || !ok2 {
		return true
	}
	return lexFilter[len(w)][a][b]
}

func addLex(c uint32, v int, words ...string) {
	for _, w := range words {
		e := lexicon[w]
		e.w = w
		e.c |= c
		if c&(cMonth|cMonAbbr|cWeekday|cUnit|cUnits|cNum|cOrd|cSeason|cPartDay) != 0 {
			e.v = v
		}
		lexicon[w] = e
	}
}

func init() {
	defer func() {
		for w, e := range lexicon {
			if e.c&(cMonth|cMonAbbr|cWeekday|cUnit|cUnits|cNum|cOrd|cSeason) != 0 || startWords[w] {
				e.c |= cStart
				lexicon[w] = e
			}
			a, ok1 := filterIndex(w[0])
			b, ok2 := filterIndex(w[len(w)-1])
			if ok1 && ok2 && len(w) < len(lexFilter) {
				lexFilter[len(w)][a][b] = true
			}
		}
	}()
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	abbr := [][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}
	for i, m := range months {
		addLex(cMonth, i+1, m)
		addLex(cMonAbbr, i+1, abbr[i]...)
	}
	for i, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		addLex(cWeekday, i, d)
	}
	addLex(0, 0, pluralWeekdays[:]...) // "on Mondays": a set (see set)
	units := []struct {
		u        int
		one, pl  string
		extraOne []string
	}{
		{uSecond, "second", "seconds", nil}, {uMinute, "minute", "minutes", nil}, {uHour, "hour", "hours", nil},
		{uDay, "day", "days", nil}, {uWeek, "week", "weeks", nil}, {uWeekend, "weekend", "weekends", nil},
		{uMonth, "month", "months", nil}, {uQuarter, "quarter", "quarters", nil}, {uHalf, "half", "halves", nil},
		{uYear, "year", "years", nil}, {uDecade, "decade", "decades", nil}, {uCentury, "century", "centuries", nil},
	}
	for _, u := range units {
		addLex(cUnit, u.u, u.one)
		addLex(cUnits, u.u, u.pl)
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, n := range nums {
		addLex(cNum, i, n)
	}
	for i, n := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		addLex(cNum, 30+10*i, n)
	}
	addLex(cNum, 100, "hundred")
	addLex(cNum, 1, "a", "an")
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
		"thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, o := range ords[1:] {
		addLex(cOrd, i+1, o)
	}
	addLex(cOrd, 21, "twenty-first")
	addLex(cOrd, 1, "1st")
	addLex(cOrd, 2, "2nd")
	addLex(cOrd, 3, "3rd")
	addLex(cOrd, 4, "4th")
	for i, s := range []string{"spring", "summer", "fall", "winter"} {
		addLex(cSeason, i, s)
	}
	addLex(cSeason, 2, "autumn")
	for i, p := range []string{"morning", "afternoon", "evening", "night"} {
		addLex(cPartDay, i, p)
	}
	addLex(cPastCue, 0, "was", "were", "had", "did", "said", "told", "met", "began", "came", "went", "made", "took", "gave",
		"held", "left", "fell", "rose", "won", "lost", "sold", "bought", "paid", "spent", "got", "saw", "found", "kept", "led",
		"ran", "hit", "set", "put", "cut", "quit", "broke", "spoke", "wrote", "became", "brought", "thought", "felt", "fled",
		"knew", "grew", "drew", "threw", "flew", "shot", "struck", "sent", "built", "meant", "sought", "fought", "taught",
		"caught", "wore", "tore", "swore", "chose", "froze", "hid", "bit", "ate", "drove", "rode", "sang", "stood", "understood",
		"ago", "earlier", "last", "yesterday", "previously", "wasn't", "weren't", "didn't", "hadn't", "been")
	addLex(cFutCue, 0, "will", "'ll", "shall", "won't", "scheduled", "upcoming", "expected", "expects", "plan", "plans", "planned",
		"planning", "going", "due", "next", "tomorrow", "coming", "forthcoming", "would", "intends", "aims", "hopes", "later", "must", "should")
	addLex(cPresCue, 0, "is", "are", "says", "say", "am", "isn't", "aren't", "now", "today")
	addLex(cModal, 0, "could", "would", "can", "might", "promised", "vowed", "pledged", "claimed", "boasted", "if")
	addLex(cZone, 0, "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "msk", "et", "pt", "jst", "akdt", "akst")
	// Every other word a rule names, so it is interned and compared cheaply.
	addLex(0, 0, "the", "this", "that", "these", "those", "next", "last", "past", "previous", "prior", "coming", "following",
		"current", "currently", "present", "latest", "recent", "recently", "same", "ago", "earlier", "later", "before", "after",
		"from", "now", "today", "tonight", "tomorrow", "yesterday", "early", "mid", "late", "end", "beginning", "start", "middle",
		"of", "about", "around", "approximately", "nearly", "almost", "some", "roughly", "more", "less", "than", "at", "least",
		"every", "each", "per", "daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "nightly", "fiscal",
		"future", "soon", "nowadays", "formerly", "once", "noon", "midnight", "midday", "am", "pm", "a.m", "p.m", "in", "on",
		"for", "over", "within", "during", "since", "until", "till", "through", "by", "to", "and", "few", "several", "many",
		"couple", "dozen", "s", "period", "time", "times", "eve", "day", "christmas", "thanksgiving", "new", "years",
		"halloween", "valentine", "independence", "labor", "memorial", "election", "o'clock", "long", "old", "percent", "per", "cent",
		"troops", "people", "men", "soldiers", "points", "shares", "miles", "kilometers", "feet", "meters", "votes", "seats",
		"jobs", "dollars", "tons", "barrels", "cars", "members", "workers", "deaths", "cases", "employees", "units", "homes",
		"route", "highway", "interstate", "flight", "room", "no", "number", "page", "chapter", "article", "section", "channel", "apollo",
		"first", "second", "third", "fourth", "final", "ended", "ending", "ends", "season", "term", "year-earlier", "year-ago",
		"year-end", "nine", "decade", "century", "moment", "date", "so", "far", "far,", "then", "just", "only", "not", "yet",
		"still", "already", "ever", "always", "never", "quarterly", "as", "has", "have", "hrs", "or", "foreseeable",
		"near", "p", "m", "previously", "must", "should", "be", "being", "pre", "post", "weekend", "ahead", "term", "end", "earlier", "ago", "while", "when",
		"thousand", "supposed", "originally", "initially", "afterward", "afterwards", "thereafter",
		"hourlong", "daylong", "weeklong", "monthlong", "yearlong", "easter", "good")
}

// pluralWeekdays are the weekdays in the plural, Sunday first.
var pluralWeekdays = [...]string{"sundays", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays"}

// startWords are the words besides month, weekday, unit and number
// names that can begin an expression.
var startWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range pluralWeekdays {
		m[w] = true
	}
	for _, w := range []string{"the", "this", "last", "next", "past", "coming", "previous", "current", "following", "prior",
		"fiscal", "year", "christmas", "thanksgiving", "new", "halloween", "valentine", "independence", "labor", "memorial", "election",
		"mid", "early", "late", "earlier", "later", "end", "beginning", "start", "middle", "more", "less", "at", "about",
		"around", "approximately", "roughly", "some", "nearly", "almost", "every", "each", "daily", "weekly", "monthly",
		"annually", "yearly", "quarterly", "hourly", "nightly", "now", "currently", "nowadays", "these", "recently",
		"formerly", "previously", "recent", "soon", "future", "today", "tonight", "tomorrow", "yesterday", "noon",
		"midnight", "midday", "several", "few", "many", "years", "months", "weeks", "days", "decades", "that", "then",
		"hourlong", "daylong", "weeklong", "monthlong", "yearlong", "a", "pre", "post", "easter", "good"} {
		m[w] = true
	}
	return m
}()

type token struct {
	s, e  int
	k     int8
	sp    bool // whitespace (or start of text) before
	up    bool // first letter upper case
	caps  bool // all letters upper case, more than one letter
	comma bool // number written with a thousands separator
	dot   bool // number written with a decimal point
	ch    byte // the byte of a punct token (0 for non-ASCII)
	w     string
	c     uint32
	v     int
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
func isDigit(b byte) bool       { return b >= '0' && b <= '9' }

// tokenize splits text[from:] into words, numbers and single punctuation
// marks; offsets are offsets into text.
// Words of ASCII or Unicode letters keep inner apostrophes ("year's");
// numbers keep thousands separators and a decimal point ("1,900", "3.5").
func tokenize(text string, from int, toks []token) []token {
	var buf [24]byte
	sp := true
	for i := from; i < len(text); {
		b := text[i]
		switch {
		case b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v':
			sp = true
			i++
			continue
		case isDigit(b):
			j := i + 1
			t := token{s: i, k: kNum, sp: sp}
			for j < len(text) {
				if isDigit(text[j]) {
					j++
				} else if text[j] == ',' && j+4 <= len(text) && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) && (j+4 == len(text) || !isDigit(text[j+4])) {
					t.comma = true
					j += 4
				} else if text[j] == '.' && !t.dot && j+1 < len(text) && isDigit(text[j+1]) {
					t.dot = true
					j += 2
				} else {
					break
				}
			}
			// ordinals and decades written with digits: 1st, 15th, 1990s
			if j+2 <= len(text) && j-i <= 2 {
				suf := lower2(text[j:])
				if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (j+2 == len(text) || !isASCIILetter(text[j+2])) {
					n, _ := atoi(text[i:j])
					t.e, t.k, t.w, t.c, t.v = j+2, kWord, "", cOrd|cStart, n
					toks = append(toks, t)
					i, sp = j+2, false
					continue
				}
			}
			t.e = j
			if !t.comma && !t.dot {
				t.v, _ = atoi(text[i:j])
				if j-i > 9 {
					t.v = -1
				}
			} else {
				t.v = -1
			}
			toks = append(toks, t)
			i, sp = j, false
			continue
		case b < utf8.RuneSelf && isASCIILetter(b) || b >= utf8.RuneSelf && startsLetter(text[i:]):
			j := i
			up := false
			lowers, uppers := 0, 0
			apos := -1
			for j < len(text) {
				c := text[j]
				if c < utf8.RuneSelf {
					if isASCIILetter(c) {
						if c < 'a' {
							uppers++
						} else {
							lowers++
						}
						j++
						continue
					}
					// inner apostrophe or a.m./p.m. style dots
					if (c == '\'') && j+1 < len(text) && isASCIILetter(text[j+1]) && j > i {
						if apos < 0 {
							apos = j
						}
						j++
						continue
					}
					break
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if r == '’' && j > i && j+n < len(text) && isASCIILetter(text[j+n]) {
					if apos < 0 {
						apos = j
					}
					j += n
					continue
				}
				if !unicode.IsLetter(r) {
					break
				}
				if unicode.IsUpper(r) {
					uppers++
				} else {
					lowers++
				}
				j += n
			}
			up = text[i] >= 'A' && text[i] <= 'Z'
			t := token{s: i, e: j, k: kWord, sp: sp, up: up, caps: uppers > 1 && lowers == 0}
			if n := j - i; n <= len(buf) {
				for k := 0; k < n; k++ {
					c := text[i+k]
					if c >= 'A' && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf[k] = c
				}
				w := buf[:n]
				// the typographic apostrophe is looked up as the plain one
				if !inFilter(w) && apos < 0 {
					// not a lexicon word
				} else if e, ok := lexicon[string(w)]; ok {
					t.w, t.c, t.v = e.w, e.c, e.v
				} else if k := indexCurly(w); k >= 0 {
					var b2 [24]byte
					m := copy(b2[:], w[:k])
					b2[m] = '\''
					m++
					m += copy(b2[m:], w[k+3:])
					if e, ok := lexicon[string(b2[:m])]; ok {
						t.w, t.c, t.v = e.w, e.c, e.v
					}
				}
			}
			if t.w == "" && apos > i {
				// "Wednesday's": the word before the apostrophe; the
				// apostrophe and the rest follow as tokens of their own
				j = apos
				t.e = j
				t.caps = t.caps && j-i > 1
				t.w, t.c, t.v = "", 0, 0
				if n := j - i; n <= len(buf) && inFilter(buf[:n]) {
					if e, ok := lexicon[string(buf[:n])]; ok {
						t.w, t.c, t.v = e.w, e.c, e.v
					}
				}
			}
			toks = append(toks, t)
			i, sp = j, false
			continue
		default:
			n := 1
			if b >= utf8.RuneSelf {
				_, n = utf8.DecodeRuneInString(text[i:])
				toks = append(toks, token{s: i, e: i + n, k: kPunct, sp: sp})
			} else {
				toks = append(toks, token{s: i, e: i + 1, k: kPunct, sp: sp, ch: b})
			}
			i += n
			sp = false
		}
	}
	return toks
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func indexCurly(w []byte) int {
	for k := 0; k+2 < len(w); k++ {
		if w[k] == 0xE2 && w[k+1] == 0x80 && w[k+2] == 0x99 {
			return k
		}
	}
	return -1
}

func lower2(s string) string {
	if len(s) < 2 {
		return ""
	}
	a, b := s[0]|0x20, s[1]|0x20
	switch {
	case a == 's' && b == 't':
		return "st"
	case a == 'n' && b == 'd':
		return "nd"
	case a == 'r' && b == 'd':
		return "rd"
	case a == 't' && b == 'h':
		return "th"
	}
	return ""
}
