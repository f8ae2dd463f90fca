package timeline

import (
	"runtime"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Wire copies: the same agency story printed under several mastheads
// is one independent source. Each article is summarised by a bottom-k
// sketch of the hashes of its word 5-grams (shingles); articles are
// compared only when they share a sketch hash (an index from hash to
// articles, never all pairs), and two whose estimated resemblance
// (Jaccard similarity of their shingle sets) reaches wireThreshold are
// one wire group.
const (
	shingleWords  = 5
	sketchSize    = 64
	wireThreshold = 0.6
	// maxPosting caps how many articles one shingle hash may point at
	// (boilerplate shared by every article of a site says nothing).
	maxPosting = 32
)

// wireGroups returns, for each article, the index of the first article
// of its wire group (itself when it is not a copy). A cache, if any,
// gives the sketches of texts seen before and keeps this merge's.
func wireGroups(articles []*Article, cache *cacheUse) []int {
	n := len(articles)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// Each hash's articles form a posting list, capped at its first
	// maxPosting articles.
	sketches := make([][]uint64, n)
	workers := runtime.GOMAXPROCS(0)
	scratch := make([][]uint64, workers)
	// a text printed word for word under several mastheads is sketched once
	same := sameTexts(articles)
	forEachWorker(n, workers, func(w, i int) {
		if same[i] != int32(i) {
			return
		}
		if cache != nil {
			if sk, ok := cache.old.sketches[articles[i].Text]; ok {
				sketches[i] = sk
				return
			}
		}
		sketches[i], scratch[w] = appendSketch(scratch[w][:0], articles[i].Text)
	})
	for i, j := range same {
		sketches[i] = sketches[j]
	}
	if cache != nil {
		cache.next.sketches = make(map[string][]uint64, n)
		for i, a := range articles {
			if same[i] == int32(i) {
				cache.next.sketches[a.Text] = sketches[i]
			}
		}
	}
	// Each distinct hash gets a run, numbered as first seen; the
	// postings of a run list its articles in increasing order (articles
	// are visited in order), as sorting (hash, article) pairs would.
	total := 0
	for _, sk := range sketches {
		total += len(sk)
	}
	var runs hashRuns
	runs.init(total)
	runOf := make([]int32, total) // the run of each article's k-th hash
	off := make([]int, n+1)       // article i's hashes are runOf[off[i]:off[i+1]]
	var size []int32
	for i, sk := range sketches {
		for k, h := range sk {
			r := runs.get(h, int32(len(size)))
			if int(r) == len(size) {
				size = append(size, 0)
			}
			size[r]++
			runOf[off[i]+k] = r
		}
		off[i+1] = off[i] + len(sk)
	}
	starts := make([]int, len(size)+1)
	for r, c := range size {
		starts[r+1] = starts[r] + int(c)
	}
	all := make([]int32, total)
	fill := slices.Clone(starts[:len(size)])
	for i := range sketches {
		for _, r := range runOf[off[i]:off[i+1]] {
			all[fill[r]] = int32(i)
			fill[r]++
		}
	}
	// For each article, count the sketch hashes it shares with later
	// articles (a dense counter, reset through the list it touched).
	count := make([]int, n)
	var touched []int
	for i := range articles {
		touched = touched[:0]
		for _, r := range runOf[off[i]:off[i+1]] {
			lo, hi := starts[r], min(starts[r+1], starts[r]+maxPosting)
			// postings are in increasing article order: the later
			// articles are at the end
			for k := hi - 1; k >= lo && int(all[k]) > i; k-- {
				j := int(all[k])
				if count[j] == 0 {
					touched = append(touched, j)
				}
				count[j]++
			}
		}
		// any order: each union links the larger root under the smaller,
		// so every group's root is its first article whatever the order
		for _, j := range touched {
			// a resemblance of wireThreshold shares at least that many sketch hashes
			if float64(count[j]) >= wireThreshold*float64(min(len(sketches[i]), len(sketches[j]))) &&
				resemblance(sketches[i], sketches[j]) >= wireThreshold {
				a, b := find(i), find(j)
				if a > b {
					a, b = b, a
				}
				parent[b] = a
			}
			count[j] = 0
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// sameTexts returns, for each article, the index of the first article
// with the same text (itself when there is none before it). Texts are
// told apart by their length and their first and last bytes, then
// compared whole: only texts that are the same, or nearly, are read to
// the end.
func sameTexts(articles []*Article) []int32 {
	type print struct {
		n          int
		head, tail string
	}
	const edge = 64
	first := make(map[print]int32, len(articles))
	out := make([]int32, len(articles))
	for i, a := range articles {
		t := a.Text
		p := print{len(t), t[:min(len(t), edge)], t[max(0, len(t)-edge):]}
		out[i] = int32(i)
		if j, ok := first[p]; !ok {
			first[p] = int32(i)
		} else if articles[j].Text == t {
			out[i] = j
		}
	}
	return out
}

// hashRuns numbers distinct sketch hashes: an open-addressing table
// indexed by the hash's own bits (shingle hashes are already uniform).
type hashRuns struct {
	keys []uint64
	runs []int32 // run + 1; 0 for an empty slot
}

func (t *hashRuns) init(n int) {
	size := 1024
	for size < 2*n {
		size *= 2
	}
	t.keys, t.runs = make([]uint64, size), make([]int32, size)
}

// get returns the run of h, giving it next when h is new.
func (t *hashRuns) get(h uint64, next int32) int32 {
	mask := uint64(len(t.keys) - 1)
	for i := (h ^ h>>32) & mask; ; i = (i + 1) & mask {
		if t.runs[i] == 0 {
			t.keys[i], t.runs[i] = h, next+1
			return next
		}
		if t.keys[i] == h {
			return t.runs[i] - 1
		}
	}
}

// FNV-1a 64-bit parameters (as hash/fnv).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// sketch returns the sketchSize smallest distinct shingle hashes of a
// text, sorted (see appendSketch).
func sketch(text string) []uint64 {
	sk, _ := appendSketch(nil, text)
	return sk
}

// appendSketch returns the sketch of a text, in a slice of its own, and
// buf, which it uses as scratch space, grown to hold a hash for every
// word of the text. One pass over the text: words (runs of letters and
// digits, lower-cased) are found in order, each shingle is the FNV-1a
// hash of its five words each followed by a space, and every hash is
// appended to buf; then the sketchSize smallest distinct ones are
// picked (see smallestDistinct).
//
// The five shingles a word belongs to are hashed side by side while
// the word is read: each byte goes into five running hashes at once
// (independent multiplications, which the processor overlaps) instead
// of every word being hashed five times over, one shingle after
// another. The hashes are the same.
func appendSketch(buf []uint64, text string) (sketch, scratch []uint64) {
	// h0 is the shingle that starts at the current word, h1 the one
	// that started a word earlier, ... h4 the one it completes.
	h0, h1, h2, h3, h4 := uint64(fnvOffset), uint64(0), uint64(0), uint64(0), uint64(0)
	n := len(text)
	// Every word's h4 is stored at the word's index (those of the first
	// four words complete no shingle and are left out below): words are
	// at least a byte long and a byte apart, so there are at most
	// n/2+1. (No append: the loop keeps fewer values in registers.)
	if cap(buf) < n/2+1 {
		buf = make([]uint64, n/2+1)
	}
	hs := buf[:n/2+1]
	words := 0
	for i := 0; i < n; {
		// skip to the next letter or digit
		if x := byteWord[text[i]]; x == 0 {
			i++
			continue
		} else if x == nonASCII {
			if r, size := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += size
				continue
			}
		}
		// read the word, hashing its lower-case bytes into all five
		for i < n {
			if x := uint64(byteWord[text[i]]); x > nonASCII {
				h0 = (h0 ^ x) * fnvPrime
				h1 = (h1 ^ x) * fnvPrime
				h2 = (h2 ^ x) * fnvPrime
				h3 = (h3 ^ x) * fnvPrime
				h4 = (h4 ^ x) * fnvPrime
				i++
				continue
			} else if x == 0 {
				break
			}
			var size int
			var ok bool
			if size, ok, h0, h1, h2, h3, h4 = hashRune(text[i:], h0, h1, h2, h3, h4); !ok {
				break
			}
			i += size
		}
		const sp = uint64(' ')
		h0, h1, h2, h3, h4 = (h0^sp)*fnvPrime, (h1^sp)*fnvPrime, (h2^sp)*fnvPrime, (h3^sp)*fnvPrime, (h4^sp)*fnvPrime
		hs[words] = h4
		words++
		h0, h1, h2, h3, h4 = fnvOffset, h0, h1, h2, h3
	}
	if words < shingleWords {
		return smallestDistinct(nil, sketchSize), buf
	}
	return smallestDistinct(hs[shingleWords-1:words], sketchSize), buf
}

// hashRune reads the non-ASCII rune text starts with: when it is a
// letter or digit (ok), its lower-case form's bytes are hashed into
// the five running hashes (see appendSketch) and size is its length.
func hashRune(text string, h0, h1, h2, h3, h4 uint64) (size int, ok bool, g0, g1, g2, g3, g4 uint64) {
	r, size := utf8.DecodeRuneInString(text)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return size, false, h0, h1, h2, h3, h4
	}
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
		x := uint64(b)
		h0 = (h0 ^ x) * fnvPrime
		h1 = (h1 ^ x) * fnvPrime
		h2 = (h2 ^ x) * fnvPrime
		h3 = (h3 ^ x) * fnvPrime
		h4 = (h4 ^ x) * fnvPrime
	}
	return size, true, h0, h1, h2, h3, h4
}

// byteWord maps an ASCII letter or digit to its lower-case form, any
// other ASCII byte to 0 and the bytes of non-ASCII runes to nonASCII:
// one look-up and one comparison tell the common case, a letter or
// digit, from the others.
var byteWord = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = nonASCII
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = uint8(c)
		case c >= 'A' && c <= 'Z':
			t[c] = uint8(c + 'a' - 'A')
		}
	}
	return t
}()

// nonASCII marks a byte of a non-ASCII rune in byteWord (no letter or
// digit is 1).
const nonASCII = 1

// smallestDistinct returns the k smallest distinct values of hs
// (all of them when fewer), sorted, in a slice of its own; it reorders
// hs. Shingle hashes are spread evenly, so about 1.5k of the n values
// are below 1.5k/n of the largest value: only those are sorted (fewer
// than k distinct are below it about once in 2,000 texts). When fewer
// than k distinct values are below the bound (a text repeating itself)
// the bound is doubled, up to taking every value. Whenever k distinct
// values are below the bound they hold the k smallest of all, so the
// result is exact whatever the values.
func smallestDistinct(hs []uint64, k int) []uint64 {
	bound := uint64(0) // 0: no bound, every value
	if n := uint64(len(hs)); n > 4*uint64(k) {
		bound = ^uint64(0) / n * uint64(3*k/2)
	}
	for {
		below := hs
		if bound != 0 {
			// the values below bound, moved to the front of hs
			m := 0
			for j, h := range hs {
				if h < bound {
					hs[m], hs[j] = h, hs[m]
					m++
				}
			}
			below = hs[:m]
		}
		slices.Sort(below)
		out := make([]uint64, 0, k)
		for j, h := range below {
			if len(out) == k {
				break
			}
			if j == 0 || h != below[j-1] {
				out = append(out, h)
			}
		}
		if len(out) == k || bound == 0 {
			return out
		}
		if bound > ^uint64(0)/2 {
			bound = 0
		} else {
			bound *= 2
		}
	}
}

// resemblance estimates the Jaccard similarity of two shingle sets from
// their bottom-k sketches: the share of the k smallest hashes of the
// union that both sets hold.
func resemblance(a, b []uint64) float64 {
	k := sketchSize
	if len(a) < k {
		k = len(a)
	}
	if len(b) < k {
		k = len(b)
	}
	if k == 0 {
		return 0
	}
	i, j, taken, both := 0, 0, 0, 0
	for taken < k && i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			both++
			i++
			j++
		}
		taken++
	}
	return float64(both) / float64(k)
}
