package timeline

import (
	"encoding/json"
	"math/rand"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestMergeSameWhateverParallelism merges one corpus with 1, 2 and 4
// workers (GOMAXPROCS) and compares the results byte for byte.
func TestMergeSameWhateverParallelism(t *testing.T) {
	arts, ms := benchCorpus(400)
	// wire copies too: the same text under two mastheads
	for i := 0; i < 40; i += 2 {
		arts[i+1].Text = arts[i].Text
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []byte
	for _, p := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(p)
		r := MergeAll(arts, ms, Config{})
		got, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
			continue
		}
		if string(got) != string(want) {
			t.Fatalf("GOMAXPROCS=%d: merge differs from GOMAXPROCS=1", p)
		}
	}
}

// refSketch is the sketch as first written: lower-case the text, cut it
// into words of letters and digits, hash each 5-gram with FNV-1a (a
// space after each word), keep the 64 smallest distinct hashes.
func refSketch(text string) []uint64 {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var hs []uint64
	for i := 0; i+shingleWords <= len(ws); i++ {
		h := uint64(fnvOffset)
		for _, w := range ws[i : i+shingleWords] {
			for k := 0; k < len(w); k++ {
				h = (h ^ uint64(w[k])) * fnvPrime
			}
			h = (h ^ ' ') * fnvPrime
		}
		hs = append(hs, h)
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	return hs[:min(len(hs), sketchSize)]
}

func TestSketchMatchesReference(t *testing.T) {
	texts := []string{
		"",
		"one two three four",
		"One two three four five",
		"ANCHORAGE, Alaska — President Donald Trump and Russian President Vladimir Putin met on Friday at Joint Base Elmendorf-Richardson.",
		"Zürich: Ärzte und Öffentlichkeit — İstanbul'da ΣΟΦΊΑ говорит «Привет» 2025年8月15日 the talks went on.",
		"bad \xff utf-8 \xc3 bytes in the middle of five or more words here",
	}
	rng := rand.New(rand.NewSource(1))
	vocab := []string{"the", "Talks", "MET", "in", "Genève", "2025", "ÉTÉ", "news", "agency", "said", "—", ",", "Straße", "İ"}
	for n := 0; n < 50; n++ {
		var b strings.Builder
		for k := 0; k < 20+rng.Intn(400); k++ {
			b.WriteString(vocab[rng.Intn(len(vocab))])
			b.WriteByte(" .,\n"[rng.Intn(4)])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		got, want := sketch(s), refSketch(s)
		if !slices.Equal(got, want) {
			t.Errorf("sketch(%.40q) = %d hashes, want %d (or different values)", s, len(got), len(want))
		}
	}
}

func TestAddInPlaceMatchesAdd(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	randVec := func() vector {
		var v vector
		for k := int32(0); k < 40; k++ {
			if rng.Intn(3) == 0 {
				v = append(v, term{k, rng.Float64()})
			}
		}
		return v
	}
	for n := 0; n < 200; n++ {
		a, b := randVec(), randVec()
		want := add(a, b)
		got := addInPlace(append(vector(nil), a...), b, len(newKeys(a, b)))
		if !slices.Equal(got, want) {
			t.Fatalf("addInPlace(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}
