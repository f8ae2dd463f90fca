package timeline

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
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
// of its wire group (itself when it is not a copy).
func wireGroups(articles []*Article) []int {
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
	sketches := make([][]uint64, n)
	postings := map[uint64][]int{}
	for i, a := range articles {
		sketches[i] = sketch(a.Text)
		for _, h := range sketches[i] {
			if len(postings[h]) < maxPosting {
				postings[h] = append(postings[h], i)
			}
		}
	}
	for i := range articles {
		shared := map[int]int{}
		for _, h := range sketches[i] {
			for _, j := range postings[h] {
				if j > i {
					shared[j]++
				}
			}
		}
		var cands []int
		for j, k := range shared {
			// a resemblance of wireThreshold shares at least that many sketch hashes
			if float64(k) >= wireThreshold*float64(min(len(sketches[i]), len(sketches[j]))) {
				cands = append(cands, j)
			}
		}
		sort.Ints(cands)
		for _, j := range cands {
			if resemblance(sketches[i], sketches[j]) >= wireThreshold {
				a, b := find(i), find(j)
				if a > b {
					a, b = b, a
				}
				parent[b] = a
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// sketch returns the sketchSize smallest distinct shingle hashes of a
// text, sorted.
func sketch(text string) []uint64 {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(ws) < shingleWords {
		return nil
	}
	seen := map[uint64]bool{}
	var hs []uint64
	for i := 0; i+shingleWords <= len(ws); i++ {
		h := fnv.New64a()
		for _, w := range ws[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		v := h.Sum64()
		if !seen[v] {
			seen[v] = true
			hs = append(hs, v)
		}
	}
	sort.Slice(hs, func(a, b int) bool { return hs[a] < hs[b] })
	if len(hs) > sketchSize {
		hs = hs[:sketchSize]
	}
	return hs
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
