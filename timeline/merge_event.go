package timeline

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
)

// events turns clusters into events with ids, titles and every
// per-event field (date, conflicts, sources, reporting dates), sorted[k]
// being the members of clusters[k] in evidence order (sortMembers).
// Each event is built on its own, on every core, and stored at its
// cluster's index: the output does not depend on the parallelism.
func (m *merger) events(clusters []*cluster, sorted [][]int) []*Event {
	out := make([]*Event, len(clusters))
	ids := make([][]int32, len(clusters))
	forEach(len(clusters), runtime.GOMAXPROCS(0), func(k int) {
		out[k], ids[k] = m.buildSorted(sorted[k])
	})
	m.members = make(map[*Event][]int, len(out))
	m.idKeysOf = make(map[*Event][]int32, len(out))
	for k, ev := range out {
		m.members[ev] = sorted[k]
		m.idKeysOf[ev] = ids[k]
	}
	m.assignIDs(out, nil)
	return out
}

// eventOf builds an event from candidate indexes.
func (m *merger) eventOf(members []int) *Event {
	sorted := m.sortMembers(members)
	ev, ids := m.buildSorted(sorted)
	m.members[ev] = sorted
	m.idKeysOf[ev] = ids
	return ev
}

// sortMembers returns candidate indexes in evidence order: by article
// and position; between equals, in members' order (as a stable sort).
func (m *merger) sortMembers(members []int) []int {
	type order struct{ art, start, k int }
	keys := make([]order, len(members))
	for k, i := range members {
		keys[k] = order{m.cands[i].art, m.cands[i].m.Start, k}
	}
	slices.SortFunc(keys, func(x, y order) int {
		if x.art != y.art {
			return cmp.Compare(x.art, y.art)
		}
		if x.start != y.start {
			return cmp.Compare(x.start, y.start)
		}
		return cmp.Compare(x.k, y.k)
	})
	sorted := make([]int, len(members))
	for k, o := range keys {
		sorted[k] = members[o.k]
	}
	return sorted
}

// buildSorted builds an event from candidate indexes in evidence order
// (sortMembers) and returns it with the keys of its id (see idKeys). The
// event's Mentions are the run of the merger's mentions its members
// hold after regroup, when they hold one (a cluster's members do), or
// else copies, as the mentions were before any was redated.
func (m *merger) buildSorted(members []int) (*Event, []int32) {
	ev := &Event{}
	run, inRun := m.run(members)
	if !inRun {
		run = make([]Mention, len(members))
		for k, i := range members {
			run[k] = *m.cands[i].m
		}
	}
	m.runMu.Lock()
	if inRun {
		m.runAt[ev] = m.cands[members[0]].pos
	}
	for k, i := range members {
		// a mention an event built before redated (curation builds
		// events again): as it was before that
		if was, ok := m.redated[m.cands[i].pos]; ok {
			run[k] = was
		}
	}
	m.runMu.Unlock()
	ev.Mentions = run
	m.date(ev, members)
	m.redateClockTimes(ev, members, inRun)
	m.sources(ev, members)
	var forTitle, forID []int32
	if len(members) == 1 {
		forID = m.idKeys(members, idWords)
	} else {
		forTitle, forID = m.rankBoth(members)
	}
	ev.Title = m.titleRanked(members, forTitle)
	return ev, forID
}

// run returns the mentions of members, in order, as a part of the
// merger's mentions (capped: appending to it copies), if regroup put
// them side by side.
func (m *merger) run(members []int) ([]Mention, bool) {
	if m.all == nil || len(members) == 0 {
		return nil, false
	}
	p0 := m.cands[members[0]].pos
	for k, i := range members {
		if m.cands[i].pos != p0+int32(k) {
			return nil, false
		}
	}
	end := int(p0) + len(members)
	return m.all[p0:end:end], true
}

// redateClockTimes gives a clock time that joined an event of another
// day (its sentence named no day, so the resolver assumed the anchor)
// the event's day, and says so in its Note: "at 1900 GMT" in a Thursday
// report about a Friday summit is 19:00 on the Friday.
//
// When the event's mentions are a run of the merger's (inRun), the
// mention as it was is kept in m.redated first, for an event built of
// it again (see buildSorted).
func (m *merger) redateClockTimes(ev *Event, members []int, inRun bool) {
	if ev.Precision != dates.PrecisionDay.String() {
		return
	}
	for k, i := range members {
		mn := &ev.Mentions[k]
		t := strings.IndexByte(mn.Value, 'T')
		if !m.cands[i].attached || t < 0 {
			continue
		}
		if inRun {
			m.runMu.Lock()
			if _, ok := m.redated[m.cands[i].pos]; !ok {
				m.redated[m.cands[i].pos] = *mn
			}
			m.runMu.Unlock()
		}
		assumed := mn.Value[:t]
		mn.Value = ev.Date + mn.Value[t:]
		note := "the sentence gives only the time; the day is the event's (" + assumed + " was assumed from the anchor)"
		if mn.Note != "" {
			note = mn.Note + "; " + note
		}
		mn.Note = note
	}
}

// dayGroup is the mentions that give one day to an event.
type dayGroup struct {
	day           int // year*10000 + month*100 + day
	value         string
	idx           []int     // indexes into Event.Mentions
	articles      []int     // sorted and distinct once the groups are made
	first, last   time.Time // earliest and latest publication of those articles
	undatedSource bool
}

// date sets the event's Date, Precision, Mod and Conflicts. With day
// mentions, the day most independent sources give wins, unless the
// days follow one another in report order (announced for one day,
// later reported for another): then the latest report's day wins and
// the change is a move. Without day mentions, the finest date wins.
func (m *merger) date(ev *Event, members []int) {
	// the groups in order of first mention (an event has a few days)
	var order []*dayGroup
	for k, i := range members {
		c := &m.cands[i]
		if !isDay(c.span) || c.attached {
			continue
		}
		y, mo, d := c.span.Start.Date()
		day := y*10000 + int(mo)*100 + d
		var g *dayGroup
		for _, o := range order {
			if o.day == day {
				g = o
				break
			}
		}
		if g == nil {
			g = &dayGroup{day: day, value: dates.DayValue(c.span.Start)}
			order = append(order, g)
		}
		g.idx = append(g.idx, k)
		g.articles = append(g.articles, c.art)
		pub := m.published(c.art)
		if pub.IsZero() {
			g.undatedSource = true
			continue
		}
		if g.first.IsZero() || pub.Before(g.first) {
			g.first = pub
		}
		if pub.After(g.last) {
			g.last = pub
		}
	}
	if len(order) == 0 {
		m.coarseDate(ev, members)
		return
	}
	for _, g := range order {
		slices.Sort(g.articles)
		g.articles = slices.Compact(g.articles)
	}
	sort.Slice(order, func(a, b int) bool {
		if !order[a].first.Equal(order[b].first) {
			return order[a].first.Before(order[b].first)
		}
		return order[a].value < order[b].value
	})
	moved := len(order) > 1
	for k := 0; k+1 < len(order) && moved; k++ {
		a, b := order[k], order[k+1]
		if a.undatedSource || b.undatedSource || a.last.IsZero() || b.first.IsZero() || !a.last.Before(b.first) {
			moved = false
		}
	}
	chosen := order[len(order)-1]
	if !moved {
		chosen = order[0]
		for _, g := range order[1:] {
			ni, nc := m.independentOf(g.articles), m.independentOf(chosen.articles)
			if ni > nc || ni == nc && (len(g.idx) > len(chosen.idx) || len(g.idx) == len(chosen.idx) && g.last.After(chosen.last)) {
				chosen = g
			}
		}
	}
	ev.Date, ev.Precision, ev.Mod = chosen.value, dates.PrecisionDay.String(), ""
	for _, g := range order {
		if g != chosen {
			ev.Conflicts = append(ev.Conflicts, Conflict{Value: g.value, Mentions: g.idx, Moved: moved})
		}
	}
	sort.SliceStable(ev.Conflicts, func(a, b int) bool { return ev.Conflicts[a].Value < ev.Conflicts[b].Value })
}

// coarseDate picks the finest value of an event without day mentions;
// between values of one precision, the one most mentions give.
func (m *merger) coarseDate(ev *Event, members []int) {
	count := map[string]int{}
	best := -1
	for _, i := range members {
		count[m.cands[i].m.Value]++
	}
	for _, i := range members {
		c := &m.cands[i]
		if best < 0 {
			best = i
			continue
		}
		b := &m.cands[best]
		switch {
		case c.span.Precision < b.span.Precision,
			c.span.Precision == b.span.Precision && count[c.m.Value] > count[b.m.Value],
			c.span.Precision == b.span.Precision && count[c.m.Value] == count[b.m.Value] && b.m.Mod != "" && c.m.Mod == "":
			best = i
		}
	}
	c := &m.cands[best]
	ev.Date, ev.Precision, ev.Mod = c.m.Value, c.span.Precision.String(), c.m.Mod
}

func (m *merger) published(art int) time.Time {
	if art < len(m.articles) {
		return m.articles[art].Published
	}
	return time.Time{}
}

// independentOf counts the wire groups among articles (distinct).
func (m *merger) independentOf(arts []int) int {
	groups := make([]int, len(arts))
	for k, a := range arts {
		groups[k] = a
		if a < len(m.wire) {
			groups[k] = m.wire[a]
		}
	}
	slices.Sort(groups)
	return len(slices.Compact(groups))
}

// sources sets Sources, Independent, FirstReported, LastReported,
// Announced and Flags.
func (m *merger) sources(ev *Event, members []int) {
	arts := make([]int, 0, len(members))
	for _, i := range members {
		if a := m.cands[i].art; len(arts) == 0 || arts[len(arts)-1] != a {
			arts = append(arts, a)
		}
	}
	slices.Sort(arts)
	arts = slices.Compact(arts)
	ev.Sources = ev.Sources[:0]
	for k := range ev.Mentions {
		if a := ev.Mentions[k].Article; len(ev.Sources) == 0 || ev.Sources[len(ev.Sources)-1] != a {
			ev.Sources = append(ev.Sources, a)
		}
	}
	slices.Sort(ev.Sources)
	ev.Sources = slices.Compact(ev.Sources)
	ev.Independent = m.independentOf(arts)
	span, _ := dates.ParseSpan(ev.Date)
	var first, last, announced time.Time
	inferred := false
	for _, a := range arts {
		pub := m.published(a)
		if pub.IsZero() {
			continue
		}
		if a < len(m.articles) && m.articles[a].PublishedInferred {
			inferred = true
		}
		if first.IsZero() || pub.Before(first) {
			first = pub
		}
		if pub.After(last) {
			last = pub
		}
		if pub.Before(span.Start) && (announced.IsZero() || pub.Before(announced)) {
			announced = pub
		}
	}
	ev.FirstReported, ev.LastReported, ev.Announced = dayOrEmpty(first), dayOrEmpty(last), dayOrEmpty(announced)
	ev.Flags = nil
	for _, c := range ev.Conflicts {
		if c.Moved {
			ev.Flags = appendOnce(ev.Flags, "moved")
		} else {
			ev.Flags = appendOnce(ev.Flags, "conflict")
		}
	}
	if ev.Independent == 1 && !ev.Manual {
		ev.Flags = append(ev.Flags, "single-source")
	}
	if inferred {
		ev.Flags = append(ev.Flags, "inferred-date")
	}
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func dayOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dates.DayValue(t)
}

// Significance weights (see docs/CHECKING.md): each independent source
// counts most, more mentions and a longer time the story kept citing
// the event count less.
const (
	sigPerSource  = 2.0
	sigMentions   = 1.0 // × log2(1 + mentions)
	sigReportDays = 1.0 // × log2(1 + days between first and last report)
)

// Significance scores an event: 2 × independent sources + log2(1 +
// mentions) + log2(1 + days from its first to its last report).
func Significance(ev *Event) float64 {
	s := sigPerSource*float64(ev.Independent) + sigMentions*math.Log2(1+float64(len(ev.Mentions)))
	if f, ok := dates.ParseSpan(ev.FirstReported); ok {
		if l, ok := dates.ParseSpan(ev.LastReported); ok {
			s += sigReportDays * math.Log2(1+l.Start.Sub(f.Start).Hours()/24)
		}
	}
	return math.Round(s*1000) / 1000
}

// finishCorpus scores every event and marks the key ones: the top
// ceil(sqrt(number of events)) by significance, among events with at
// least two independent sources (one when the corpus has one source).
func finishCorpus(events []*Event) {
	maxInd := 0
	for _, ev := range events {
		ev.Significance = Significance(ev)
		ev.Key = false
		if ev.Independent > maxInd {
			maxInd = ev.Independent
		}
	}
	minInd := 2
	if maxInd < 2 {
		minInd = 1
	}
	ranked := append([]*Event(nil), events...)
	sort.SliceStable(ranked, func(i, j int) bool {
		if ranked[i].Significance != ranked[j].Significance {
			return ranked[i].Significance > ranked[j].Significance
		}
		return ranked[i].ID < ranked[j].ID
	})
	n := int(math.Ceil(math.Sqrt(float64(len(events)))))
	for k, ev := range ranked {
		if k >= n {
			break
		}
		if ev.Independent >= minInd || ev.Manual {
			ev.Key = true
		}
	}
}
