// Package words reads the content of a sentence for comparison: it
// splits text into words, drops stopwords and calendar words, folds
// word forms to a rough lemma ("meeting", "met" → "meet") and marks
// capitalised names. It knows nothing of articles or dates; the merger
// uses it to tell whether two sentences report the same happening.
package words

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one content word of a text.
type Token struct {
	// Text is the word as written (without possessive 's).
	Text string
	// Key is the folded form used for comparison: lower case, rough
	// lemma, synonyms mapped to one concept ("summit", "talks" → "meet").
	Key string
	// Name is true for a capitalised word that is not at the start of
	// its sentence, or any capitalised word that is part of a run of
	// capitalised words: a person, place or organisation.
	Name bool
	// Start and End are the word's byte offsets in the text.
	Start, End int
}

// Tokens returns the content words of s in order: stopwords, calendar
// words and numbers are left out.
func Tokens(s string) []Token {
	raw := split(nil, s)
	return appendTokens(make([]Token, 0, len(raw)), raw, nil)
}

// appendTokens appends the content words among raw to out; memo, when
// not nil, remembers the reading of each word.
func appendTokens(out []Token, raw []rawWord, memo *Memo) []Token {
	// each word is read once: the reading of the word before is kept,
	// the one after read ahead
	var prev, r, next reading
	if len(raw) > 0 {
		next = memo.read(raw[0].text)
	}
	for i, w := range raw {
		text := w.text
		prev, r = r, next
		if i+1 < len(raw) {
			next = memo.read(raw[i+1].text)
		}
		if r.skip {
			continue
		}
		name := false
		if r.capital {
			prevCap := i > 0 && !w.afterBreak && prev.capStart
			nextCap := i+1 < len(raw) && !raw[i+1].afterBreak && next.capital
			name = !w.sentenceStart || prevCap || nextCap
		}
		if r.forceName {
			name = true
		}
		out = append(out, Token{Text: text, Key: r.key, Name: name, Start: w.start, End: w.end})
		if r.hasExtra {
			out = append(out, Token{Text: text, Key: r.extra, Start: w.start, End: w.end})
		}
	}
	return out
}

// reading is what Tokens makes of one word as written, whatever its
// neighbours.
type reading struct {
	skip      bool // a stopword, calendar word, number or a word too short: no token
	capital   bool // it starts with an upper-case letter
	capStart  bool // capital, and not a stopword: it continues a name run
	forceName bool // US, U.S.: always a name
	key       string
	extra     string // a second key it implies ("invasion" → begin)
	hasExtra  bool
}

// read returns the reading of text, from the memo when it has it.
func (m *Memo) read(text string) reading {
	if m != nil {
		if r, ok := m.seen[text]; ok {
			return r
		}
	}
	var r reading
	lower := strings.ToLower(text)
	r.capital = unicode.IsUpper(firstRune(text))
	r.capStart = r.capital && !Stopword(lower)
	if isNumberish(lower) || Stopword(lower) || calendar[lower] {
		r.skip = true
	} else {
		r.key = Fold(lower)
		if text == "US" || lower == "u.s" || lower == "u.s." {
			r.key, r.forceName = "usa", true
		}
		if r.key == "" {
			r.skip = true
		} else {
			r.extra, r.hasExtra = implies[Stem(lower)]
		}
	}
	if m != nil {
		if m.seen == nil {
			m.seen = map[string]reading{}
		}
		m.seen[text] = r
	}
	return r
}

// A Memo reads many sentences of one vocabulary faster than Tokens: it
// remembers what it made of each word and reuses its buffers. Its
// tokens are the same as Tokens'. A Memo is not safe for concurrent use.
type Memo struct {
	seen map[string]reading
	raw  []rawWord
}

// AppendTokens appends the tokens of s (as Tokens returns them) to dst.
func (m *Memo) AppendTokens(dst []Token, s string) []Token {
	m.raw = split(m.raw[:0], s)
	return appendTokens(dst, m.raw, m)
}

type rawWord struct {
	text          string
	start, end    int
	sentenceStart bool // first word of the text or after . ! ? or a line break
	afterBreak    bool // punctuation (other than an apostrophe or hyphen) separates it from the word before
}

// split cuts s into words: letters, digits, inner apostrophes, dots of
// abbreviations ("U.S."); hyphens split words ("Trump-Putin").
func split(out []rawWord, s string) []rawWord {
	if out == nil {
		out = make([]rawWord, 0, len(s)/5+1)
	}
	start := -1
	sentenceStart, afterBreak := true, true
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := trimRightDotsQuotes(s[start:end])
		// possessives: Russia's, Alaska’s (both end in s: a word that
		// does not has neither)
		if len(w) > 0 && w[len(w)-1] == 's' {
			for _, p := range []string{"'s", "’s"} {
				w = strings.TrimSuffix(w, p)
			}
		}
		if w != "" {
			out = append(out, rawWord{text: w, start: start, end: start + len(w), sentenceStart: sentenceStart, afterBreak: afterBreak})
		}
		sentenceStart, afterBreak = false, false
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		var alnum bool
		if r < utf8.RuneSelf {
			alnum = asciiAlnum[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			alnum = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		at := i // the rune's offset
		i += size
		switch {
		case alnum:
			if start < 0 {
				start = at
			}
			// the rest of a run of ASCII letters and digits at once: each
			// would only stay in the word
			for i < len(s) && s[i] < utf8.RuneSelf && asciiAlnum[s[i]] {
				i++
			}
		case (r == '\'' || r == '’' || r == '.') && start >= 0 && at+utf8.RuneLen(r) < len(s) && isLetterAt(s, at+utf8.RuneLen(r)):
			// inner apostrophe or abbreviation dot: stay in the word
		default:
			flush(at)
			switch {
			case r == '.' || r == '!' || r == '?' || r == '\n':
				sentenceStart, afterBreak = true, true
			case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' || r == '—' || r == '–':
				afterBreak = true
			}
		}
	}
	flush(len(s))
	return out
}

// asciiAlnum tells the ASCII letters and digits (unicode.IsLetter or
// unicode.IsDigit).
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// trimRightDotsQuotes is strings.TrimRight(w, ".'’"), without its
// slow path for a cutset that is not ASCII.
func trimRightDotsQuotes(w string) string {
	for len(w) > 0 {
		switch {
		case w[len(w)-1] == '.' || w[len(w)-1] == '\'':
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
	return w
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isNumberish(w string) bool {
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	// 2025, 15th, 1900gmt, 20%
	return digits*2 >= utf8.RuneCountInString(w) || strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd")
}

// Fold returns the comparison key of a lower-case word: its rough
// lemma, mapped to a concept when it is one of a small set of news
// synonyms. It returns "" for words too short to carry meaning.
func Fold(lower string) string {
	if utf8.RuneCountInString(lower) < 2 {
		return ""
	}
	stem := Stem(lower)
	if c, ok := concepts[stem]; ok {
		return c
	}
	return stem
}

// Stem strips common English inflections and derivations: "meetings",
// "meeting" → "meet"; "announced", "announcement" → "announc";
// irregular past forms come from a table ("met" → "meet").
func Stem(w string) string {
	if base, ok := irregular[w]; ok {
		return base
	}
	s := w
	for _, suf := range []string{"ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s"} {
		if !strings.HasSuffix(s, suf) || len(s)-len(suf) < 3 {
			continue
		}
		switch suf {
		case "ied", "ies":
			s = s[:len(s)-len(suf)] + "y"
		case "es":
			root := s[:len(s)-2]
			if !(strings.HasSuffix(root, "s") || strings.HasSuffix(root, "x") || strings.HasSuffix(root, "z") ||
				strings.HasSuffix(root, "ch") || strings.HasSuffix(root, "sh")) {
				s = s[:len(s)-1] // "announces" → "announce"
			} else {
				s = root
			}
		case "s":
			if strings.HasSuffix(s, "ss") || strings.HasSuffix(s, "us") || strings.HasSuffix(s, "is") {
				continue
			}
			s = s[:len(s)-1]
		default:
			s = s[:len(s)-len(suf)]
		}
		break
	}
	s = strings.TrimSuffix(s, "e")
	// planned → plann → plan; but keep "ll", "ss" (call, press)
	if n := len(s); n >= 4 && s[n-1] == s[n-2] && !strings.ContainsRune("lsaeiou", rune(s[n-1])) {
		s = s[:n-1]
	}
	return s
}
