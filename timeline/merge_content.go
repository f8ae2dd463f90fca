package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// A vector is a sparse, sorted bag of content keys with weights: the
// content of one mention, or the sum of an event's mentions.
type vector []term

type term struct {
	key int32 // index of the key in the merger's sorted key list: id order is key order
	w   float64
}

// Weights of the words of a mention's context: the clause the date
// phrase is in says what happened then; the rest of the sentence only
// hints at it. Names (people, places, organisations) weigh more than
// common words.
const (
	clauseWeight   = 1.0
	sentenceWeight = 0.3
	nameBoost      = 1.5
)

// clauseBreaks start a new clause inside a sentence: subordinating
// words after which a sentence usually talks about another happening
// ("Trump announced on Friday | that he and Putin will meet on August 15").
var clauseBreaks = map[string]bool{
	"that": true, "which": true, "who": true, "where": true, "when": true, "while": true, "because": true,
	"since": true, "although": true, "though": true, "whereas": true, "until": true, "unless": true,
}

// breakShape is what every clause break has in common (lengths, first
// letters), to skip most words without a map lookup.
var breakShape = func() (sh struct {
	min, max int
	first    [256]bool
}) {
	sh.min = 1 << 30
	for w := range clauseBreaks {
		sh.min, sh.max = min(sh.min, len(w)), max(sh.max, len(w))
		sh.first[w[0]] = true
	}
	return sh
}()

// relativeBreaks describe the words just before them ("the war, which began in 2022").
var relativeBreaks = map[string]bool{"which": true, "who": true, "where": true, "when": true, "that": true}

// minClauseWords is how many content words a clause needs before it is
// read alone; a shorter one ("On August 8,") borrows its neighbours.
const minClauseWords = 2

// context is the content of one mention: its words with weights, and
// the words of its clause in order (for titles and ids).
type context struct {
	// bag holds each key once, with its highest weight, in the order
	// the words come; it is dropped once the vector is made.
	bag    []term
	clause []tok
	// cs, ce are the clause's byte offsets in the sentence.
	cs, ce int
}

// tok is one content word of a sentence (see words.Tokens), with its
// key interned as an id (see merger.keys) and what the merger asks of
// its text precomputed.
type tok struct {
	key        int32 // the key's id: id order is key order
	start, end int32 // byte offsets in the sentence
	name       bool  // words.Token.Name
	verb       bool  // verbLike(text)
	idSkip     bool  // left out of event ids: an office title, a verb, a common word in -ing
}

// ctxScratch is one worker's scratch space for mentionContext: the
// position of each key in the bag being built, plus one.
type ctxScratch struct {
	pos []int32
}

// mentionContext reads the words around a mention's phrase; toks are
// the words of its sentence and segs its clauses (clauseSegments).
// The bag and clause are appended to the arenas given, which are
// returned grown.
func mentionContext(m *Mention, toks []tok, segs [][2]int, sc *ctxScratch, bags []term, clauses []tok) (context, []term, []tok) {
	sent := m.Sentence
	ps, pe := m.Start-m.SentenceStart, m.End-m.SentenceStart
	// find the segment holding the phrase
	si := 0
	for i, s := range segs {
		if ps >= s[0] && ps < s[1] {
			si = i
			break
		}
	}
	lo, hi := si, si
	count := func(lo, hi int) int {
		n := 0
		for _, t := range toks {
			if int(t.start) >= segs[lo][0] && int(t.end) <= segs[hi][1] && !(int(t.start) < pe && int(t.end) > ps) {
				n++
			}
		}
		return n
	}
	// A short clause borrows its neighbours: a relative clause ("which
	// began in 2022") the words before it, any other the words after.
	back := isWordIn(firstWord(sent[segs[si][0]:segs[si][1]]), relativeBreaks)
	for count(lo, hi) < minClauseWords && (lo > 0 || hi < len(segs)-1) {
		if back && lo > 0 || hi == len(segs)-1 {
			lo--
		} else {
			hi++
		}
	}
	c := context{cs: segs[lo][0], ce: segs[hi][1]}
	b0, c0 := len(bags), len(clauses)
	for k, t := range toks {
		if int(t.start) < pe && int(t.end) > ps { // the date phrase itself
			continue
		}
		// In a run of names ("President Vladimir Putin") only the last
		// word counts: the surname, the place, the organisation's noun.
		if t.name && k+1 < len(toks) && toks[k+1].name && toks[k+1].start == t.end+1 && sent[t.end] == ' ' {
			continue
		}
		w := sentenceWeight
		if int(t.start) >= c.cs && int(t.end) <= c.ce {
			w = clauseWeight
			clauses = append(clauses, t)
		}
		if t.name {
			w *= nameBoost
		}
		// keep the highest weight of each key
		if p := sc.pos[t.key]; p > 0 {
			if w > bags[p-1].w {
				bags[p-1].w = w
			}
			continue
		}
		bags = append(bags, term{t.key, w})
		sc.pos[t.key] = int32(len(bags))
	}
	for _, t := range bags[b0:] {
		sc.pos[t.key] = 0
	}
	c.bag = bags[b0:len(bags):len(bags)]
	if len(clauses) > c0 {
		c.clause = clauses[c0:len(clauses):len(clauses)]
	}
	return c, bags, clauses
}

// isWordIn reports whether the lower-case form of w, a word of ASCII
// letters (see firstWord), is in set, without allocating.
func isWordIn(w string, set map[string]bool) bool {
	var buf [16]byte
	if len(w) == 0 || len(w) > len(buf) {
		return len(w) > 0 && set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// clauseSegments cuts a sentence into clauses at , ; : — – ( ) and
// before clause-breaking words. It returns [start, end) byte offsets.
func clauseSegments(s string) [][2]int { return appendClauseSegments(nil, s) }

// appendClauseSegments appends the clauses of s (see clauseSegments) to segs.
func appendClauseSegments(segs [][2]int, s string) [][2]int {
	n0 := len(segs)
	start := 0
	cut := func(at int) {
		if strings.TrimSpace(s[start:at]) == "" {
			return // keep leading spaces with the next clause
		}
		if at > start {
			segs = append(segs, [2]int{start, at})
		}
		start = at
	}
	for i := 0; i < len(s); i++ {
		if !clauseByte[s[i]] {
			continue // most bytes: one look-up
		}
		switch s[i] {
		case ',', ';', ':', '(', ')':
			cut(i + 1)
			continue
		case ' ':
			// the word after may be a break only if its first letter is
			// one a break starts with (no word at all: no break)
			if k := skipWordSpace(s, i+1); k < len(s) && breakShape.first[s[k]|0x20] {
				if w := firstWord(s[i+1:]); len(w) >= breakShape.min && len(w) <= breakShape.max &&
					breakShape.first[w[0]|0x20] && isWordIn(w, clauseBreaks) {
					cut(i + 1)
				}
			}
		case 0xE2: // the first byte of — and –
			if strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–") {
				cut(i + len("—"))
			}
		}
	}
	cut(len(s))
	if len(segs) == n0 {
		segs = append(segs, [2]int{0, len(s)})
	}
	return segs
}

// clauseByte marks the bytes appendClauseSegments looks at: the
// punctuation that ends a clause, the space before a word and the
// first byte of a dash.
var clauseByte = [256]bool{',': true, ';': true, ':': true, '(': true, ')': true, ' ': true, 0xE2: true}

// firstWord returns the ASCII letters that open s, after spaces and
// punctuation " \t\n,;:".
func firstWord(s string) string {
	i := skipWordSpace(s, 0)
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	return s[i:j]
}

// skipWordSpace returns the index of the first byte of s from i on
// that is not a space or punctuation firstWord skips (" \t\n,;:"),
// len(s) if there is none.
func skipWordSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ',' || s[i] == ';' || s[i] == ':') {
		i++
	}
	return i
}

// idf weighs each key by how rare it is across all mentions of the
// corpus: words in most mentions (the story's own subject, "Trump",
// "Ukraine" in a story about Ukraine talks) tell events apart poorly.
// df counts the mentions whose bag holds each key id.
func idfWeights(df []int32, n int) []float64 {
	w := make([]float64, len(df))
	for k, d := range df {
		w[k] = idfWeight(int(d), n)
	}
	return w
}

// idfWeight is log(1 + n/df): a word in every mention weighs log 2, one
// in a single mention of 10,000 about 9; small corpora stay readable.
func idfWeight(df, n int) float64 {
	if df == 0 {
		df = 1
	}
	return math.Log(1 + float64(n)/float64(df))
}

// vectorOf turns a bag into a unit vector weighted by idf, sorted by
// key id, appended to the arena vs; it returns the vector and the
// arena.
func vectorOf(bag []term, weight []float64, vs vector) (vector, vector) {
	n0 := len(vs)
	vs = append(vs, bag...)
	v := vs[n0:len(vs):len(vs)]
	slices.SortFunc(v, func(a, b term) int { return cmp.Compare(a.key, b.key) })
	for i := range v {
		v[i].w *= weight[v[i].key]
	}
	if n := v.norm(); n != 0 {
		for i := range v {
			v[i].w /= n
		}
	}
	return v, vs
}

func (v vector) norm() float64 {
	s := 0.0
	for _, t := range v {
		s += t.w * t.w
	}
	return math.Sqrt(s)
}

func (v vector) unit() vector {
	n := v.norm()
	if n == 0 {
		return v
	}
	out := make(vector, len(v))
	for i, t := range v {
		out[i] = term{t.key, t.w / n}
	}
	return out
}

// dot is the dot product of two sorted vectors.
func dot(a, b vector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key < b[j].key:
			i++
		case a[i].key > b[j].key:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// cosine is the cosine similarity of two vectors; 0 when either is empty.
func cosine(a, b vector) float64 {
	na, nb := a.norm(), b.norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return dot(a, b) / (na * nb)
}

// add returns a + b, sorted.
func add(a, b vector) vector {
	out := make(vector, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i].key < b[j].key:
			out = append(out, a[i])
			i++
		case i >= len(a) || b[j].key < a[i].key:
			out = append(out, b[j])
			j++
		default:
			out = append(out, term{a[i].key, a[i].w + b[j].w})
			i++
			j++
		}
	}
	return out
}

// addInPlace adds b to a (both sorted) and returns the sum, reusing a's
// storage: fresh is how many keys of b a lacks. Each weight is the same
// sum add computes; a large event's centroid grows without being
// copied at every mention it gains.
func addInPlace(a, b vector, fresh int) vector {
	if fresh == 0 {
		i := 0
		for _, t := range b {
			for a[i].key < t.key {
				i++
			}
			a[i].w += t.w
		}
		return a
	}
	n := len(a)
	a = slices.Grow(a, fresh)[:n+fresh]
	// merge from the end, so nothing is overwritten before it is read
	i, j, k := n-1, len(b)-1, n+fresh-1
	for j >= 0 {
		switch {
		case i >= 0 && a[i].key > b[j].key:
			a[k] = a[i]
			i--
		case i >= 0 && a[i].key == b[j].key:
			a[k] = term{a[i].key, a[i].w + b[j].w}
			i--
			j--
		default:
			a[k] = b[j]
			j--
		}
		k--
	}
	return a
}
