package timeline

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/timeline/words"
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

// relativeBreaks describe the words just before them ("the war, which began in 2022").
var relativeBreaks = map[string]bool{"which": true, "who": true, "where": true, "when": true, "that": true}

// minClauseWords is how many content words a clause needs before it is
// read alone; a shorter one ("On August 8,") borrows its neighbours.
const minClauseWords = 2

// context is the content of one mention: its words with weights, and
// the words of its clause in order (for titles).
type context struct {
	// bag holds each key once, with its highest weight (a slice: a
	// sentence has a few dozen words, a map per mention costs more).
	bag    []bagTerm
	clause []words.Token
	// cs, ce are the clause's byte offsets in the sentence.
	cs, ce int
}

type bagTerm struct {
	key string
	w   float64
}

// put keeps the highest weight of key.
func (c *context) put(key string, w float64) {
	for i := range c.bag {
		if c.bag[i].key == key {
			if w > c.bag[i].w {
				c.bag[i].w = w
			}
			return
		}
	}
	c.bag = append(c.bag, bagTerm{key, w})
}

// mentionContext reads the words around a mention's phrase; toks are
// the words of its sentence (words.Tokens).
func mentionContext(m Mention, toks []words.Token) context {
	sent := m.Sentence
	ps, pe := m.Start-m.SentenceStart, m.End-m.SentenceStart
	segs := clauseSegments(sent)
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
			if t.Start >= segs[lo][0] && t.End <= segs[hi][1] && !(t.Start < pe && t.End > ps) {
				n++
			}
		}
		return n
	}
	// A short clause borrows its neighbours: a relative clause ("which
	// began in 2022") the words before it, any other the words after.
	back := relativeBreaks[strings.ToLower(firstWord(sent[segs[si][0]:segs[si][1]]))]
	for count(lo, hi) < minClauseWords && (lo > 0 || hi < len(segs)-1) {
		if back && lo > 0 || hi == len(segs)-1 {
			lo--
		} else {
			hi++
		}
	}
	c := context{bag: make([]bagTerm, 0, len(toks)), cs: segs[lo][0], ce: segs[hi][1]}
	for k, t := range toks {
		if t.Start < pe && t.End > ps { // the date phrase itself
			continue
		}
		// In a run of names ("President Vladimir Putin") only the last
		// word counts: the surname, the place, the organisation's noun.
		if t.Name && k+1 < len(toks) && toks[k+1].Name && toks[k+1].Start == t.End+1 && sent[t.End] == ' ' {
			continue
		}
		w := sentenceWeight
		if t.Start >= segs[lo][0] && t.End <= segs[hi][1] {
			w = clauseWeight
			c.clause = append(c.clause, t)
		}
		if t.Name {
			w *= nameBoost
		}
		c.put(t.Key, w)
	}
	return c
}

// clauseSegments cuts a sentence into clauses at , ; : — – ( ) and
// before clause-breaking words. It returns [start, end) byte offsets.
func clauseSegments(s string) [][2]int {
	var segs [][2]int
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
		switch s[i] {
		case ',', ';', ':', '(', ')':
			cut(i + 1)
			continue
		case ' ':
			w := firstWord(s[i+1:])
			if clauseBreaks[strings.ToLower(w)] {
				cut(i + 1)
			}
		}
		if strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–") {
			cut(i + len("—"))
		}
	}
	cut(len(s))
	if len(segs) == 0 {
		segs = [][2]int{{0, len(s)}}
	}
	return segs
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " \t\n,;:")
	end := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if end < 0 {
		return s
	}
	return s[:end]
}

// idfTable weighs each key by how rare it is across all mentions of the
// corpus: words in most mentions (the story's own subject, "Trump",
// "Ukraine" in a story about Ukraine talks) tell events apart poorly.
type idfTable struct {
	df map[string]int
	n  int
}

func newIDF(cands []cand) idfTable {
	t := idfTable{df: map[string]int{}, n: len(cands)}
	for i := range cands {
		for _, b := range cands[i].ctx.bag {
			t.df[b.key]++
		}
	}
	return t
}

// weight is log(1 + n/df): a word in every mention weighs log 2, one
// in a single mention of 10,000 about 9; small corpora stay readable.
func (t idfTable) weight(key string) float64 {
	df := t.df[key]
	if df == 0 {
		df = 1
	}
	return math.Log(1 + float64(t.n)/float64(df))
}

// keyIDs numbers every key of the table in string order, so that
// vectors sorted by id are sorted by key.
func (t idfTable) keyIDs() map[string]int32 {
	keys := make([]string, 0, len(t.df))
	for k := range t.df {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ids := make(map[string]int32, len(keys))
	for i, k := range keys {
		ids[k] = int32(i)
	}
	return ids
}

// vectorOf turns a context into a unit vector weighted by idf; ids
// numbers the keys (see keyIDs).
func (t idfTable) vectorOf(c context, ids map[string]int32) vector {
	v := make(vector, 0, len(c.bag))
	for _, b := range c.bag {
		v = append(v, term{ids[b.key], b.w * t.weight(b.key)})
	}
	sort.Slice(v, func(i, j int) bool { return v[i].key < v[j].key })
	return v.unit()
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
