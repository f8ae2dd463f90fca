package timeline

// Timings of the merge phases and of its parts on a generated site:
//
//	MERGEDIGEST=/tmp/site1k go test ./timeline -run MergePhases -v
//	MERGEDIGEST=/tmp/site1k go test ./timeline -run XXX -bench 'SketchAll|WireGroups|TokensAll'

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/timeline-news/timeline/timeline/words"
)

func TestMergePhases(t *testing.T) {
	dir := os.Getenv("MERGEDIGEST")
	if dir == "" {
		t.Skip("MERGEDIGEST not set")
	}
	c := loadCached(t, dir)
	for rep := 0; rep < 3; rep++ {
		t0 := time.Now()
		wireGroups(c.Articles, nil)
		t1 := time.Now()
		mentions := slices.Clone(c.Mentions)
		m := newMerger(c.Articles, mentions)
		t2 := time.Now()
		m.cluster()
		t3 := time.Now()
		live := m.liveClusters()
		sorted := make([][]int, len(live))
		for k, cl := range live {
			sorted[k] = m.sortMembers(cl.members)
		}
		m.regroup(mentions, sorted)
		events := m.events(live, sorted)
		t4 := time.Now()
		events, _ = m.curate(events, c.Config.Events)
		finishCorpus(events)
		sort.SliceStable(events, func(i, j int) bool { return eventLess(events[i], events[j]) })
		t5 := time.Now()
		Check(&Chronology{Config: c.Config, Articles: c.Articles, Events: events, Unplaced: m.unplaced})
		t6 := time.Now()
		fmt.Printf("wire %v newMerger(incl wire) %v cluster %v events %v curate+sort %v check %v\n", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4), t6.Sub(t5))
	}
}

func BenchmarkSketchAll(b *testing.B) {
	c := loadCachedB(b)
	n := 0
	for _, a := range c.Articles {
		n += len(a.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var buf []uint64
	for b.Loop() {
		for _, a := range c.Articles {
			_, buf = appendSketch(buf, a.Text)
		}
	}
}

func BenchmarkWireGroups(b *testing.B) {
	c := loadCachedB(b)
	for b.Loop() {
		wireGroups(c.Articles, nil)
	}
}

func TestCountSents(t *testing.T) {
	if os.Getenv("MERGEDIGEST") == "" {
		t.Skip("MERGEDIGEST not set")
	}
	c := loadCached(t, os.Getenv("MERGEDIGEST"))
	m := newMerger(c.Articles, c.Mentions)
	d := map[string]bool{}
	n := 0
	for _, cd := range m.cands {
		if !d[cd.m.Sentence] {
			d[cd.m.Sentence] = true
			n += len(cd.m.Sentence)
		}
	}
	nt := 0
	for _, cd := range m.cands {
		nt += len(m.slotVec[cd.slot])
	}
	fmt.Println("cands", len(m.cands), "distinct sents", len(d), "bytes", n, "keys", len(m.keys), "vector terms", nt)
}

func distinctSents(c mergeInput) []string {
	d := map[string]bool{}
	var out []string
	for _, m := range c.Mentions {
		if !d[m.Sentence] {
			d[m.Sentence] = true
			out = append(out, m.Sentence)
		}
	}
	return out
}

func BenchmarkTokensAll(b *testing.B) {
	sents := distinctSents(loadCachedB(b))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			words.Tokens(s)
		}
	}
}

func BenchmarkClauseSegmentsAll(b *testing.B) {
	sents := distinctSents(loadCachedB(b))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			clauseSegments(s)
		}
	}
}

func loadCachedB(b *testing.B) mergeInput {
	if os.Getenv("MERGEDIGEST") == "" {
		b.Skip("MERGEDIGEST not set")
	}
	return loadCached(b, os.Getenv("MERGEDIGEST"))
}

func TestCountTitles(t *testing.T) {
	if os.Getenv("MERGEDIGEST") == "" {
		t.Skip("MERGEDIGEST not set")
	}
	c := loadCached(t, os.Getenv("MERGEDIGEST"))
	m := newMerger(c.Articles, c.Mentions)
	m.cluster()
	type key struct {
		s      string
		ps, pe int
	}
	calls, distinct, multi := 0, map[key]bool{}, 0
	for _, cl := range m.liveClusters() {
		if len(cl.members) == 1 {
			calls++
			continue
		}
		multi++
		for _, i := range m.titleCandidates(cl.members) {
			calls++
			cd := m.cands[i]
			distinct[key{cd.m.Sentence, cd.m.Start - cd.m.SentenceStart, cd.m.End - cd.m.SentenceStart}] = true
		}
	}
	fmt.Println("clusters", len(m.liveClusters()), "multi", multi, "titleFrom calls", calls, "distinct", len(distinct))
}

func TestCountCoarse(t *testing.T) {
	if os.Getenv("MERGEDIGEST") == "" {
		t.Skip("MERGEDIGEST not set")
	}
	c := loadCached(t, os.Getenv("MERGEDIGEST"))
	m := newMerger(c.Articles, c.Mentions)
	days, coarse := 0, 0
	for _, cd := range m.cands {
		if isDay(cd.span) {
			days++
		} else {
			coarse++
		}
	}
	m.cluster()
	dense, sparse, terms := 0, 0, 0
	for _, cl := range m.clusters {
		if cl.dead {
			continue
		}
		terms += len(cl.centroid)
		if cl.dense != nil {
			dense++
		} else {
			sparse++
		}
	}
	fmt.Println("keys", len(m.keys), "days", days, "coarse", coarse, "clusters", len(m.clusters), "live dense", dense, "sparse", sparse, "centroid terms", terms, "postings", m.posting.n)
}

func BenchmarkClusterOnly(b *testing.B) {
	c := loadCachedB(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		m := newMerger(c.Articles, c.Mentions)
		b.StartTimer()
		m.cluster()
	}
}
