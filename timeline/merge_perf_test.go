package timeline

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/timeline-news/timeline/timeline/dates"
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
	// long texts: many compactions, and repeated phrases (equal hashes)
	for n := 0; n < 5; n++ {
		var b strings.Builder
		for k := 0; k < 3000; k++ {
			b.WriteString(vocab[rng.Intn(len(vocab))])
			b.WriteString(" ")
			if k%50 == 0 {
				b.WriteString("the agency said the talks went on ")
			}
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

func TestSmallestDistinct(t *testing.T) {
	seq := func(from, n, step uint64) []uint64 {
		var out []uint64
		for k := uint64(0); k < n; k++ {
			out = append(out, from+k*step)
		}
		return out
	}
	rng := rand.New(rand.NewSource(3))
	uniform := make([]uint64, 5000)
	for k := range uniform {
		uniform[k] = rng.Uint64()
	}
	repeated := make([]uint64, 5000)
	for k := range repeated {
		repeated[k] = uniform[k%40] // fewer than k distinct: every bound fails
	}
	for _, tc := range []struct {
		name string
		in   []uint64
		k    int
	}{
		{"none", nil, 64},
		{"fewer than k, with duplicates", []uint64{5, 3, 5, 9, 3}, 64},
		{"the largest value", []uint64{^uint64(0), 1, ^uint64(0)}, 2},
		{"exactly k", seq(100, 64, 1), 64},
		{"small values only: the first bound holds them all", seq(1, 2000, 1), 64},
		{"large values only: the bound doubles up to none", seq(^uint64(0)-5000, 2000, 2), 64},
		{"uniform", uniform, 64},
		{"uniform, duplicated", append(slices.Clone(uniform), uniform...), 64},
		{"uniform, k=1", uniform, 1},
		{"40 distinct values repeated", repeated, 64},
	} {
		want := slices.Compact(slices.Sorted(slices.Values(tc.in)))
		want = want[:min(len(want), tc.k)]
		in := slices.Clone(tc.in)
		got := smallestDistinct(in, tc.k)
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, want)
		}
		if !slices.Equal(slices.Sorted(slices.Values(in)), slices.Sorted(slices.Values(tc.in))) {
			t.Errorf("%s: hs is no longer a reordering of its values", tc.name)
		}
	}
}

func TestSameTexts(t *testing.T) {
	long := strings.Repeat("a", 200)
	for _, tc := range []struct {
		name  string
		texts []string
		want  []int32
	}{
		{"none", nil, []int32{}},
		{"all different", []string{"a", "b", ""}, []int32{0, 1, 2}},
		{"copies point at the first", []string{"x", "y", "x", "", "x", ""}, []int32{0, 1, 0, 3, 0, 3}},
		{"same length, head and tail, different middle", []string{long + "b" + long, long + "c" + long, long + "b" + long}, []int32{0, 1, 0}},
		{"a text differing from the first of its print is not merged", []string{long + "b" + long, long + "c" + long, long + "c" + long}, []int32{0, 1, 2}},
	} {
		var arts []*Article
		for _, x := range tc.texts {
			arts = append(arts, &Article{Text: x})
		}
		if got := sameTexts(arts); !slices.Equal(got, tc.want) {
			t.Errorf("%s: sameTexts = %v, want %v", tc.name, got, tc.want)
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

// refMonthNums is monthNums as first written: a walk month by month.
func refMonthNums(s dates.Span) []int32 {
	var out []int32
	for t := dates.Day(s.Start.Year(), s.Start.Month(), 1); t.Before(s.End); t = t.AddDate(0, 1, 0) {
		out = append(out, int32(t.Year()*12+int(t.Month())-1))
		if len(out) > 1200 {
			break
		}
	}
	return out
}

func TestMonthNumsMatchesReference(t *testing.T) {
	values := []string{"2025-08-15", "2025-08-31", "2025-01-01", "2025-08-15T19:00", "2025-W33", "2025-W01", "2026-W01", "2025-08",
		"2025-12", "2025-SU", "2025-WI", "2025-Q4", "2025-H2", "2025", "202", "20", "1999-12-31", "0001", "2025-02-28T23:59"}
	for _, v := range values {
		s, ok := dates.ParseSpan(v)
		if !ok {
			continue
		}
		for _, mod := range []string{"", "START", "MID", "END"} {
			w := narrow(s, mod)
			if got, want := monthNums(w), refMonthNums(w); !slices.Equal(got, want) {
				t.Errorf("monthNums(%s %s) = %v, want %v", v, mod, got, want)
			}
		}
	}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 2000; n++ {
		start := dates.Day(1900+rng.Intn(200), time.Month(1+rng.Intn(12)), 1+rng.Intn(28)).Add(time.Duration(rng.Intn(86400)) * time.Second)
		end := start.Add(time.Duration(rng.Int63n(int64(150 * 365 * 24 * time.Hour))))
		s := dates.Span{Start: start, End: end}
		if got, want := monthNums(s), refMonthNums(s); !slices.Equal(got, want) {
			t.Fatalf("monthNums(%v) = %v, want %v", s, got, want)
		}
	}
}

func TestFieldsAndTrimMatchStrings(t *testing.T) {
	texts := []string{"", " ", "a", "  Trump  met\tPutin\n", "“Putin,” said (Trump). “”", "x\u00a0y\u2003z\u0085w", "bad \xff utf-8 \xe2\x80",
		"\"Hello!?\" — ANCHORAGE, Alaska’s “Kremlin” (U.S.)", "“", "”", "“”", ",;:.!?\"()",
		" \u00a0lead", "trail\u2003", "ü ö\tä\u3000é", "\u2003"}
	for _, s := range texts {
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
		for _, w := range append(strings.Fields(s), s) {
			if got, want := trimNamePunct(w), strings.Trim(w, ",;:.!?\"“”()"); got != want {
				t.Errorf("trimNamePunct(%q) = %q, want %q", w, got, want)
			}
		}
	}
}

// TestConflictMessageMainEvidence checks that the evidence of a
// conflict's own mentions is never listed on the main side, even for a
// mention whose value gives the event's date.
func TestConflictMessageMainEvidence(t *testing.T) {
	ev := &Event{Title: "Talks", Date: "2025-08-15", Mentions: []Mention{
		{Article: "a", Phrase: "Friday", Value: "2025-08-15", Anchor: "2025-08-14"},
		{Article: "b", Phrase: "Saturday", Value: "2025-08-16", Anchor: "2025-08-14"},
		{Article: "c", Phrase: "August 15", Value: "2025-08-15", Anchor: "2025-08-16"},
	}}
	src := map[string]*Article{"a": {ID: "a", Source: "AP"}}
	main := mainEvidence(ev, nil, src)
	got := conflictMessage(ev, Conflict{Value: "2025-08-16", Mentions: []int{1, 2}}, src, main)
	want := `"Talks": 1 report says ` + dates.Display("2025-08-15", "") + ` ("Friday" in AP, published 2025-08-14), but ` +
		dates.Display("2025-08-16", "") + ` ("Saturday" in b, published 2025-08-14; "August 15" in c, published 2025-08-16)`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestCoarseGroupsSameAsSequential merges a corpus with day mentions of
// many days and coarse mentions of many months and years placed in
// groups (see placeDays, placeCoarseAll) and one after another, and
// compares the clusters and the results byte for byte.
func TestCoarseGroupsSameAsSequential(t *testing.T) {
	arts, ms := benchCorpus(600)
	// year and season mentions too, overlapping the months
	for i := 0; i < len(ms); i += 7 {
		m := ms[i]
		m.Value, m.Rule = m.Value[:4], "year"
		if i%3 == 0 {
			m.Mod = "START"
		}
		ms = append(ms, m)
	}
	defer func() { placeInGroups = true }()
	var want, wantClusters []byte
	for _, grouped := range []bool{false, true} {
		placeInGroups = grouped
		got, err := json.Marshal(MergeAll(arts, ms, Config{}))
		if err != nil {
			t.Fatal(err)
		}
		// the clusters themselves, in order: members and each candidate's cluster
		m := newMerger(arts, ms)
		m.cluster()
		var b strings.Builder
		for id, cl := range m.clusters {
			fmt.Fprintln(&b, id, cl.dead, cl.members, cl.articles)
		}
		for i := range m.cands {
			fmt.Fprint(&b, m.cands[i].cl, " ")
		}
		if want == nil {
			want, wantClusters = got, []byte(b.String())
			continue
		}
		if string(got) != string(want) {
			t.Error("coarse mentions placed in groups merge differently from one after another")
		}
		if b.String() != string(wantClusters) {
			t.Error("coarse mentions placed in groups make other clusters than one after another")
		}
	}
}

func TestSortCandsMatchesSlow(t *testing.T) {
	arts, ms := benchCorpus(3000) // over 4096 candidates: the two-core path
	rng := rand.New(rand.NewSource(4))
	for i := range ms {
		if rng.Intn(3) == 0 { // ties of precision and start between articles
			ms[i].Value = ms[rng.Intn(len(ms))].Value
		}
	}
	m := newMerger(arts, ms)
	idx := make([]int, len(m.cands))
	for i := range idx {
		idx[i] = i
	}
	fast, slow := slices.Clone(idx), slices.Clone(idx)
	m.sortCands(fast)
	m.sortCandsSlow(slow)
	if !slices.Equal(fast, slow) {
		t.Fatal("sortCands and sortCandsSlow disagree")
	}
}

// TestMergeCacheSameResults merges with a MergeCache, cold and warm,
// after an article changes and after the site's names change, and
// compares each result with MergeAll's.
func TestMergeCacheSameResults(t *testing.T) {
	arts, ms := benchCorpus(300)
	for i := 0; i < 40; i += 2 { // wire copies
		arts[i+1].Text = arts[i].Text
	}
	var cache MergeCache
	check := func(step string, arts []*Article, ms []Mention) {
		t.Helper()
		want, err := json.Marshal(MergeAll(arts, ms, Config{}))
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(cache.MergeAll(arts, ms, Config{}))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: the cached merge differs from MergeAll", step)
		}
	}
	check("cold", arts, ms)
	check("warm", arts, ms)
	// one article edited: new text, new sentence for its first mention
	a2 := *arts[7]
	a2.Text = "Officials said on Monday that Zelensky met Kallas in Brussels. " + a2.Text
	arts2 := slices.Clone(arts)
	arts2[7] = &a2
	ms2 := slices.Clone(ms)
	for i := range ms2 {
		if ms2[i].Article == a2.ID {
			ms2[i].Sentence = "Zelensky met Kallas in Brussels with the delegation on " + ms2[i].Phrase + "."
			ms2[i].SentenceStart = 0
			ms2[i].Start = strings.Index(ms2[i].Sentence, ms2[i].Phrase)
			ms2[i].End = ms2[i].Start + len(ms2[i].Phrase)
			break
		}
	}
	check("one article edited", arts2, ms2)
	// a new person named in full: the titles' names change
	ms3 := slices.Clone(ms2)
	ms3[0].Sentence = "Prime Minister Giorgia Meloni said Putin met " + ms3[0].Sentence
	ms3[0].Start += len("Prime Minister Giorgia Meloni said Putin met ")
	ms3[0].End += len("Prime Minister Giorgia Meloni said Putin met ")
	check("names changed", arts2, ms3)
	check("back to the first site", arts, ms)
}

// TestMergeCacheNamesChange checks that a cached title made before the
// site's names changed is not reused: "Kaja Kallas" is written
// "Kallas" once another report names her alone.
func TestMergeCacheNamesChange(t *testing.T) {
	a := art("a", "2025-03-04", "Kaja Kallas met Rubio in Oslo on March 3, 2025.")
	b := art("b", "2025-03-06", "Kallas spoke to reporters in Oslo on March 5, 2025.")
	ma := at(t, a, "March 3, 2025", 0, "2025-03-03", "month-day-year")
	mb := at(t, b, "March 5, 2025", 0, "2025-03-05", "month-day-year")
	var cache MergeCache
	for _, site := range []struct {
		arts []*Article
		ms   []Mention
	}{{[]*Article{a}, []Mention{ma}}, {[]*Article{a, b}, []Mention{ma, mb}}} {
		want := MergeAll(site.arts, site.ms, Config{})
		got := cache.MergeAll(site.arts, site.ms, Config{})
		if w, g := want.Events[0].Title, got.Events[0].Title; w != g {
			t.Errorf("%d articles: cached title %q, want %q", len(site.arts), g, w)
		}
	}
	if r := MergeAll([]*Article{a}, []Mention{ma}, Config{}); r.Events[0].Title == MergeAll([]*Article{a, b}, []Mention{ma, mb}, Config{}).Events[0].Title {
		t.Errorf("the test needs a title that changes with the names: %q", r.Events[0].Title)
	}
}

// TestSortLists: sortLists orders posting lists as the field-by-field
// sort does (shortest first, heavier term first, gathering order),
// with ties of length and weight, and with a rank too large to pack.
func TestSortLists(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := range 200 {
		n := 1 + rng.Intn(60)
		weights := []float64{0.1, 0.2, 0.2, 0.35, 0.5}
		var lists []postingList
		for k := range n {
			w := rng.Intn(len(weights))
			lists = append(lists, postingList{ids: make([]int, 1+rng.Intn(5)), w: weights[w], ord: k})
		}
		// ranks as placeCoarse gives them: heavier first, equal weights equal ranks
		for k := range lists {
			r := 0
			seen := map[float64]bool{}
			for _, w := range weights {
				if w > lists[k].w && !seen[w] {
					seen[w] = true
					r++
				}
			}
			lists[k].rank = r
			if round%50 == 0 {
				lists[k].rank += 1 << 12 // too large to pack: the fallback
			}
		}
		want := slices.Clone(lists)
		slices.SortFunc(want, comparePostingLists)
		var sc placeScratch
		got := sc.sortLists(slices.Clone(lists))
		for k := range want {
			if got[k].ord != want[k].ord {
				t.Fatalf("round %d: at %d got list %d, want %d", round, k, got[k].ord, want[k].ord)
			}
		}
	}
}

// refClauseSegments is appendClauseSegments before its byte table and
// first-letter test: every byte through the switch, every word after a
// space read whole.
func refClauseSegments(s string) [][2]int {
	var segs [][2]int
	start := 0
	cut := func(at int) {
		if strings.TrimSpace(s[start:at]) == "" {
			return
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
			j := i + 1
			for j < len(s) && strings.IndexByte(" \t\n,;:", s[j]) >= 0 {
				j++
			}
			k := j
			for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
				k++
			}
			if clauseBreaks[strings.ToLower(s[j:k])] {
				cut(i + 1)
			}
		case 0xE2:
			if strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–") {
				cut(i + len("—"))
			}
		}
	}
	cut(len(s))
	if len(segs) == 0 {
		segs = append(segs, [2]int{0, len(s)})
	}
	return segs
}

func TestClauseSegmentsMatchReference(t *testing.T) {
	pieces := []string{"the war", "which", "Which", "WHILE", "whilst", "that", "thatch", "who", "since", "Since 2022",
		"although", "Wheres", "when", "until", "unless", ",", ";", ":", "(", ")", "—", "–", "\xe2\x80", "\xe2",
		" ", "  ", "\t", "\n", ", which", " ,;: that", "Putin", "met", "ÉTÉ", "on Friday", "who’s", "2025"}
	rng := rand.New(rand.NewSource(7))
	texts := []string{"", " ", "which", " which", "a, b", "x — y", "talks that began", "end :"}
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(20); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(2) == 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := clauseSegments(s), refClauseSegments(s); !slices.Equal(got, want) {
			t.Fatalf("clauseSegments(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSkipWordSpace(t *testing.T) {
	for _, tc := range []struct {
		s        string
		from, at int
	}{
		{"", 0, 0},
		{"abc", 0, 0},
		{" \t\n,;:abc", 0, 6},
		{"a  ,b", 1, 4},
		{"a ;;", 1, 4},
		{"x. y", 1, 1}, // a dot is not skipped
	} {
		if got := skipWordSpace(tc.s, tc.from); got != tc.at {
			t.Errorf("skipWordSpace(%q, %d) = %d, want %d", tc.s, tc.from, got, tc.at)
		}
	}
}
