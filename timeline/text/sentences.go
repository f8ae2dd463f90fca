package text

import "strings"

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// abbreviations end with a period but rarely end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"a.m": true, "p.m": true, "etc": true, "e.g": true, "i.e": true, "mt": true, "ft": true,
}

// Sentences splits plain text into sentences: at a blank line, and after
// '.', '!' or '?' (and any closing quotes or brackets) followed by space
// and a capital letter, digit or opening quote, unless the period ends a
// known abbreviation or a single initial. Leading and trailing space is
// left out of each span.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	add := func(end int) {
		a, b := start, end
		for a < b && isSpace(s[a]) {
			a++
		}
		for b > a && isSpace(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, Span{a, b})
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' && i+1 < len(s) && s[i+1] == '\n' {
			add(i)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && isCloser(s, j) {
			j += closerLen(s, j)
		}
		if j >= len(s) || !isSpace(s[j]) {
			continue
		}
		k := j
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k < len(s) && !startsSentence(s, k) {
			continue
		}
		if c == '.' && isAbbreviation(s[start:i]) {
			continue
		}
		add(j)
	}
	add(len(s))
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// closers are the quotes and brackets that may follow a full stop.
var closers = []string{"\"", "'", ")", "]", "\u201d", "\u2019", "\u00bb"}

func isCloser(s string, i int) bool { return closerLen(s, i) > 0 }

func closerLen(s string, i int) int {
	for _, c := range closers {
		if strings.HasPrefix(s[i:], c) {
			return len(c)
		}
	}
	return 0
}

func startsSentence(s string, k int) bool {
	c := s[k]
	if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '\'' || c == '(' || c == '[' {
		return true
	}
	if c >= 0x80 { // opening curly quotes and non-ASCII capitals
		return !strings.HasPrefix(s[k:], "\u2019")
	}
	return false
}

// isAbbreviation reports whether the sentence text before a period ends
// with an abbreviation or a one-letter initial.
func isAbbreviation(before string) bool {
	i := len(before)
	for i > 0 && before[i-1] != ' ' && before[i-1] != '\n' && before[i-1] != '(' {
		i--
	}
	word := strings.Trim(before[i:], "\"'(")
	if len(word) > maxAbbreviation && ascii(word) {
		return false // most words: too long, lowered or not
	}
	word = strings.ToLower(word)
	if len(word) == 1 && word[0] >= 'a' && word[0] <= 'z' {
		return true
	}
	return abbreviations[word]
}

// maxAbbreviation is the length of the longest of abbreviations. An
// ASCII word lowers to as many bytes; a word with other letters may
// lower to fewer (the Kelvin sign K to k), so it is looked up anyway.
var maxAbbreviation = func() int {
	n := 0
	for a := range abbreviations {
		n = max(n, len(a))
	}
	return n
}()

// ascii reports whether s is all ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
