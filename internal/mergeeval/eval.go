package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// readGold reads a gold file written by corpusgen.Generate.
func readGold(name string) ([]corpusgen.Phrase, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var gold []corpusgen.Phrase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var p corpusgen.Phrase
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		gold = append(gold, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return gold, nil
}

// Report is the merge quality of one build against the gold.
type Report struct {
	Articles int
	// Events is the number of system events; GoldEvents the number of
	// gold events (distinct non-empty keys) the corpus reports, and
	// GoldEventsFound those at least one system mention was aligned to.
	Events, GoldEvents, GoldEventsFound int
	// Mentions counts all system mentions (in events or unplaced);
	// Aligned those that overlap a gold phrase; NonEvent the aligned ones
	// whose gold phrase is not an event (durations, sets) and
	// NonEventInEvents those of them the merger put in an event.
	Mentions, Aligned, NonEvent, NonEventInEvents int
	// GoldPhrases counts the gold phrases; SentenceMissing those whose
	// sentence could not be found in the article's text; PhraseMissed
	// those no system mention overlaps.
	GoldPhrases, SentenceMissing, PhraseMissed int
	// Items is the number of aligned mentions of gold events (the items
	// the clustering scores are computed on); Unplaced those of them
	// the merger left out of every event.
	Items, Unplaced int
	// Pairwise and BCubed are precision, recall and F1 of the clustering
	// (system event vs gold event) over Items; an unplaced mention is a
	// cluster of its own.
	Pairwise, BCubed PRF
	// DayItems are the Items that report a story event (a true day);
	// DayCorrect those whose system event is dated that day.
	DayItems, DayCorrect int
	// ValueItems are the Items of gold DATE phrases; ValueCorrect those
	// whose mention's own value equals the phrase's gold value (a
	// resolver figure, to tell resolving errors from merging errors).
	ValueItems, ValueCorrect int
	// Kinds breaks the figures down by kind of gold phrase.
	Kinds []KindRow
	// OverSplit lists the gold events split into the most system
	// events; OverMerged the system events holding the most gold events.
	OverSplit  []Split
	OverMerged []Merged
	// UnalignedPhrases are the commonest phrases of mentions that overlap
	// no gold phrase (words the generator did not write as dates), with counts.
	UnalignedPhrases []string
}

// PRF is a precision, recall and F1.
type PRF struct{ P, R, F float64 }

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// KindRow is the figures of one kind of gold phrase ("event: weekday",
// "background", "relative: next month"...).
type KindRow struct {
	Kind string
	// GoldEvents, Items and Clusters: gold events of this kind, their
	// aligned mentions, and the system clusters those fell into
	// (summed per gold event).
	GoldEvents, Items, Clusters int
	// InMain is the number of Items in the largest system cluster of their gold event.
	InMain int
}

// Split is a gold event and the system events it became.
type Split struct {
	Key, Example string
	Items        int
	// Events is the number of system events; Unplaced the mentions left out of any.
	Events, Unplaced int
	// Titles are the titles and dates of its largest system events.
	Titles []string
}

// Merged is a system event and the gold events in it.
type Merged struct {
	Title, Date string
	Items       int
	// Keys are its gold events, largest first, with their counts.
	Keys []string
	// NKeys is the number of distinct gold events; NonEvent the
	// mentions of durations and sets in it.
	NKeys, NonEvent int
}

type item struct {
	sys  int // index into events, or -1-k for the k-th unplaced mention
	gold int // index into the gold phrases
	m    *timeline.Mention
}

type gspan struct{ start, end, gold int }

// Evaluate aligns the mentions of c with the gold phrases and scores the merge.
func Evaluate(site *timeline.Site, c *timeline.Chronology, gold []corpusgen.Phrase, top int) *Report {
	r := &Report{Articles: len(site.Articles), Events: len(c.Events), GoldPhrases: len(gold)}
	byFile := map[string][]int{}
	keys := map[string]bool{}
	for i, g := range gold {
		byFile[g.Path] = append(byFile[g.Path], i)
		if g.Event != "" {
			keys[g.Event] = true
		}
	}
	r.GoldEvents = len(keys)

	// Gold phrase spans in each article's plain text, found by sentence, in order.
	spans := map[string][]gspan{} // by article ID
	for _, a := range site.Articles {
		at := 0
		var ss []gspan
		for _, gi := range byFile[a.File] {
			g := gold[gi]
			i := strings.Index(a.Text[at:], g.Sentence)
			pos := at + i
			if i < 0 {
				if pos = strings.Index(a.Text, g.Sentence); pos < 0 {
					r.SentenceMissing++
					continue
				}
			}
			at = pos + len(g.Sentence)
			s := pos + g.Offset
			ss = append(ss, gspan{s, s + len(g.Text), gi})
		}
		slices.SortFunc(ss, func(x, y gspan) int { return cmp.Compare(x.start, y.start) })
		spans[a.ID] = ss
	}
	align := func(m *timeline.Mention) int {
		ss := spans[m.Article]
		i, _ := slices.BinarySearchFunc(ss, m.Start, func(s gspan, t int) int { return cmp.Compare(s.end, t+1) })
		if i < len(ss) && ss[i].start < m.End && m.Start < ss[i].end {
			return ss[i].gold
		}
		return -1
	}

	found := make([]bool, len(gold))
	var items []item
	unaligned := map[string]int{}
	add := func(sys int, m *timeline.Mention) {
		r.Mentions++
		gi := align(m)
		if gi < 0 {
			unaligned[m.Phrase]++
			return
		}
		r.Aligned++
		found[gi] = true
		if gold[gi].Event == "" {
			r.NonEvent++
			if sys >= 0 {
				r.NonEventInEvents++
			}
			return
		}
		items = append(items, item{sys, gi, m})
	}
	for ei, e := range c.Events {
		for k := range e.Mentions {
			add(ei, &e.Mentions[k])
		}
	}
	for k := range c.Unplaced {
		add(-1-k, &c.Unplaced[k])
	}
	for _, f := range found {
		if !f {
			r.PhraseMissed++
		}
	}
	r.Items = len(items)
	var ph []string
	for p := range unaligned {
		ph = append(ph, p)
	}
	slices.SortFunc(ph, func(a, b string) int { return cmp.Or(cmp.Compare(unaligned[b], unaligned[a]), cmp.Compare(a, b)) })
	for _, p := range ph[:min(top, len(ph))] {
		r.UnalignedPhrases = append(r.UnalignedPhrases, fmt.Sprintf("%q×%d", p, unaligned[p]))
	}

	// Contingency counts: per (system, gold event) cell, per system cluster, per gold event.
	type cell struct {
		sys int
		key string
	}
	cells := map[cell]int{}
	sysN := map[int]int{}
	goldN := map[string]int{}
	for _, it := range items {
		k := gold[it.gold].Event
		cells[cell{it.sys, k}]++
		sysN[it.sys]++
		goldN[k]++
		if it.sys < 0 {
			r.Unplaced++
		}
		g := gold[it.gold]
		if g.Type == "DATE" {
			r.ValueItems++
			if v := it.m.Value; v == g.Value || strings.HasPrefix(v, g.Value+"T") {
				r.ValueCorrect++
			}
		}
		if g.Day != "" {
			r.DayItems++
			if it.sys >= 0 {
				if d := c.Events[it.sys].Date; len(d) >= 10 && d[:10] == g.Day {
					r.DayCorrect++
				}
			}
		}
	}
	r.GoldEventsFound = len(goldN)
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, sp, gp, b3p, b3r float64
	for c, n := range cells {
		tp += pairs(n)
		b3p += float64(n) * float64(n) / float64(sysN[c.sys])
		b3r += float64(n) * float64(n) / float64(goldN[c.key])
	}
	for _, n := range sysN {
		sp += pairs(n)
	}
	for _, n := range goldN {
		gp += pairs(n)
	}
	r.Pairwise = prf(ratio(tp, sp), ratio(tp, gp))
	if r.Items > 0 {
		r.BCubed = prf(b3p/float64(r.Items), b3r/float64(r.Items))
	}

	// Per gold event: its system clusters.
	perGold := map[string]map[int]int{}
	example := map[string]string{}
	kindOf := map[string]string{}
	for _, it := range items {
		g := gold[it.gold]
		if perGold[g.Event] == nil {
			perGold[g.Event] = map[int]int{}
			example[g.Event] = g.Sentence
		}
		perGold[g.Event][it.sys]++
	}
	kinds := map[string]*KindRow{}
	row := func(k string) *KindRow {
		if kinds[k] == nil {
			kinds[k] = &KindRow{Kind: k}
		}
		return kinds[k]
	}
	// Items by kind: the main cluster of each gold event is its largest
	// (ties to the lowest index, for determinism).
	main := map[string]int{}
	for key, cl := range perGold {
		best, bn := 0, -1
		for s, n := range cl {
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		main[key] = best
	}
	seenKind := map[[2]string]bool{}
	for _, it := range items {
		g := gold[it.gold]
		k := phraseKind(g)
		kindOf[g.Event] = k
		kr := row(k)
		kr.Items++
		if it.sys == main[g.Event] {
			kr.InMain++
		}
		if !seenKind[[2]string{k, g.Event}] {
			seenKind[[2]string{k, g.Event}] = true
			kr.GoldEvents++
		}
	}
	// Clusters per kind: distinct (gold event, system cluster) pairs among the kind's items.
	seenCl := map[string]bool{}
	for _, it := range items {
		g := gold[it.gold]
		id := fmt.Sprintf("%s\x00%s\x00%d", phraseKind(g), g.Event, it.sys)
		if !seenCl[id] {
			seenCl[id] = true
			row(phraseKind(g)).Clusters++
		}
	}
	for _, kr := range kinds {
		r.Kinds = append(r.Kinds, *kr)
	}
	slices.SortFunc(r.Kinds, func(a, b KindRow) int { return cmp.Compare(a.Kind, b.Kind) })

	for key, cl := range perGold {
		s := Split{Key: key, Example: example[key]}
		var sys []int
		for id, n := range cl {
			s.Items += n
			if id < 0 {
				s.Unplaced += n
			} else {
				s.Events++
				sys = append(sys, id)
			}
		}
		slices.SortFunc(sys, func(a, b int) int { return cmp.Or(cmp.Compare(cl[b], cl[a]), cmp.Compare(a, b)) })
		for _, id := range sys[:min(3, len(sys))] {
			e := c.Events[id]
			s.Titles = append(s.Titles, fmt.Sprintf("%s %q (%d)", e.Date, e.Title, cl[id]))
		}
		r.OverSplit = append(r.OverSplit, s)
	}
	slices.SortFunc(r.OverSplit, func(a, b Split) int {
		return cmp.Or(cmp.Compare(b.Events+b.Unplaced, a.Events+a.Unplaced), cmp.Compare(a.Key, b.Key))
	})
	r.OverSplit = r.OverSplit[:min(top, len(r.OverSplit))]

	perSys := map[int]map[string]int{}
	for _, it := range items {
		if it.sys < 0 {
			continue
		}
		if perSys[it.sys] == nil {
			perSys[it.sys] = map[string]int{}
		}
		perSys[it.sys][gold[it.gold].Event]++
	}
	for id, ks := range perSys {
		e := c.Events[id]
		m := Merged{Title: e.Title, Date: e.Date, NKeys: len(ks)}
		var names []string
		for k, n := range ks {
			m.Items += n
			names = append(names, k)
		}
		slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(ks[b], ks[a]), cmp.Compare(a, b)) })
		for _, k := range names[:min(4, len(names))] {
			m.Keys = append(m.Keys, fmt.Sprintf("%s×%d", k, ks[k]))
		}
		r.OverMerged = append(r.OverMerged, m)
	}
	slices.SortFunc(r.OverMerged, func(a, b Merged) int {
		return cmp.Or(cmp.Compare(b.NKeys, a.NKeys), cmp.Compare(b.Items, a.Items), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Title, b.Title))
	})
	r.OverMerged = r.OverMerged[:min(top, len(r.OverMerged))]
	return r
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

// phraseKind classifies a gold phrase: story events by the form of the
// phrase ("event: weekday"), background and relative references by
// template ("relative: next month").
func phraseKind(g corpusgen.Phrase) string {
	key := g.Event[strings.IndexByte(g.Event, '/')+1:]
	switch {
	case strings.HasPrefix(key, "background"):
		return "background"
	case strings.HasPrefix(key, "relative"):
		t := strings.ToLower(g.Text)
		if len(t) == 4 && t[0] == '2' {
			t = "in YEAR"
		} else if strings.HasPrefix(t, "this ") {
			t = "this SEASON"
		} else if !strings.Contains(t, " ") {
			t = "back in MONTH"
		}
		return "relative: " + t
	}
	t := strings.ToLower(g.Text)
	switch {
	case strings.Contains(t, "gmt"), strings.Contains(t, "local time"):
		return "event: clock time"
	case t == "yesterday", t == "tomorrow", t == "next week", t == "last month":
		return "event: " + t
	case strings.Contains(t, ", 20"):
		return "event: month day, year"
	}
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.HasSuffix(t, d) {
			return "event: weekday"
		}
	}
	return "event: month day"
}

// Print writes the report for a terminal.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "articles %d, system events %d, gold events %d (%d found by the resolver): %.1f system events per gold event\n",
		r.Articles, r.Events, r.GoldEvents, r.GoldEventsFound, ratio(float64(r.Events), float64(r.GoldEvents)))
	fmt.Fprintf(w, "mentions %d: %d aligned to gold phrases, %d not (phrases the generator did not mark); %d durations/sets, %d of them put in events\n",
		r.Mentions, r.Aligned, r.Mentions-r.Aligned, r.NonEvent, r.NonEventInEvents)
	if len(r.UnalignedPhrases) > 0 {
		fmt.Fprintf(w, "  commonest not aligned: %s\n", strings.Join(r.UnalignedPhrases, ", "))
	}
	fmt.Fprintf(w, "gold phrases %d: %d sentences not found in the text, %d phrases no mention overlaps\n",
		r.GoldPhrases, r.SentenceMissing, r.PhraseMissed)
	fmt.Fprintf(w, "scored mentions %d (%d unplaced)\n", r.Items, r.Unplaced)
	fmt.Fprintf(w, "pairwise  P %.3f  R %.3f  F1 %.3f\n", r.Pairwise.P, r.Pairwise.R, r.Pairwise.F)
	fmt.Fprintf(w, "B-cubed   P %.3f  R %.3f  F1 %.3f\n", r.BCubed.P, r.BCubed.R, r.BCubed.F)
	fmt.Fprintf(w, "event date = true day: %.1f%% of %d story-event mentions; mention value = gold value: %.1f%% of %d\n",
		pct(r.DayCorrect, r.DayItems), r.DayItems, pct(r.ValueCorrect, r.ValueItems), r.ValueItems)
	fmt.Fprintf(w, "\nby kind of phrase               gold ev  mentions  sys clusters/gold ev  in main cluster\n")
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "  %-30s %7d %9d %21.2f %15.1f%%\n", k.Kind, k.GoldEvents, k.Items,
			ratio(float64(k.Clusters), float64(k.GoldEvents)), pct(k.InMain, k.Items))
	}
	fmt.Fprintf(w, "\ntop over-split gold events (system events + unplaced mentions)\n")
	for _, s := range r.OverSplit {
		fmt.Fprintf(w, "  %-32s %3d mentions -> %3d events + %d unplaced; e.g. %q\n", s.Key, s.Items, s.Events, s.Unplaced, s.Example)
		for _, t := range s.Titles {
			fmt.Fprintf(w, "      %s\n", t)
		}
	}
	fmt.Fprintf(w, "\ntop over-merged system events (distinct gold events)\n")
	for _, m := range r.OverMerged {
		fmt.Fprintf(w, "  %s %q: %d mentions, %d gold events: %s\n", m.Date, m.Title, m.Items, m.NKeys, strings.Join(m.Keys, ", "))
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
