package timeline

import (
	"cmp"
	"slices"
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
	// (hash, article) pairs sorted by hash: each run of one hash is a
	// posting list, capped at its first maxPosting articles.
	sketches := make([][]uint64, n)
	type posting struct {
		h   uint64
		art int32
	}
	var all []posting
	for i, a := range articles {
		sketches[i] = sketch(a.Text)
		for _, h := range sketches[i] {
			all = append(all, posting{h, int32(i)})
		}
	}
	slices.SortFunc(all, func(x, y posting) int {
		if x.h != y.h {
			return cmp.Compare(x.h, y.h)
		}
		return cmp.Compare(x.art, y.art)
	})
	// runs: each distinct hash and where its postings start
	var hashes []uint64
	var starts []int
	for k := range all {
		if k == 0 || all[k].h != all[k-1].h {
			hashes = append(hashes, all[k].h)
			starts = append(starts, k)
		}
	}
	starts = append(starts, len(all))
	// For each article, count the sketch hashes it shares with later
	// articles (a dense counter, reset through the list it touched).
	count := make([]int, n)
	var touched []int
	for i := range articles {
		touched = touched[:0]
		for _, h := range sketches[i] {
			r, _ := slices.BinarySearch(hashes, h)
			lo, hi := starts[r], min(starts[r+1], starts[r]+maxPosting)
			for _, p := range all[lo:hi] {
				if j := int(p.art); j > i {
					if count[j] == 0 {
						touched = append(touched, j)
					}
					count[j]++
				}
			}
		}
		slices.Sort(touched)
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

// FNV-1a 64-bit parameters (as hash/fnv).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// sketch returns the sketchSize smallest distinct shingle hashes of a
// text, sorted.
func sketch(text string) []uint64 {
	ws := sketchWords(text)
	if len(ws) < shingleWords {
		return nil
	}
	hs := make([]uint64, 0, len(ws)-shingleWords+1)
	for i := 0; i+shingleWords <= len(ws); i++ {
		// FNV-1a over the words, each followed by a space
		h := uint64(fnvOffset)
		for _, w := range ws[i : i+shingleWords] {
			for k := 0; k < len(w); k++ {
				h ^= uint64(w[k])
				h *= fnvPrime
			}
			h ^= ' '
			h *= fnvPrime
		}
		hs = append(hs, h)
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	if len(hs) > sketchSize {
		hs = hs[:sketchSize]
	}
	return hs
}

// sketchWords splits text into lower-case words of letters and digits.
// ASCII text (most news) is cut in place: the words are substrings of
// one lower-cased copy.
func sketchWords(text string) []string {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	lower := strings.ToLower(text)
	ws := make([]string, 0, len(lower)/6)
	start := -1
	for i := 0; i <= len(lower); i++ {
		alnum := i < len(lower) && (lower[i] >= 'a' && lower[i] <= 'z' || lower[i] >= '0' && lower[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			ws = append(ws, lower[start:i])
			start = -1
		}
	}
	return ws
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
