package timeline

import (
	"fmt"
	"testing"

	"github.com/timeline-news/timeline/timeline/dates"
)

// benchCorpus makes n articles about n/5 happenings spread over two
// years: each article reports one happening with its own words (a
// place, a person, an act) on its day and mentions one older happening
// by month, as a story followed for months does.
func benchCorpus(n int) ([]*Article, []Mention) {
	places := []string{"Geneva", "Istanbul", "Doha", "Riyadh", "Anchorage", "Minsk", "Vienna", "Oslo", "Cairo", "Ankara"}
	people := []string{"Putin", "Trump", "Zelensky", "Macron", "Erdogan", "Scholz", "Kallas", "Witkoff", "Lavrov", "Rubio"}
	acts := []string{"met", "signed a deal", "held talks", "announced sanctions", "visited troops", "spoke by phone", "opened a summit", "agreed a ceasefire"}
	start := dates.Day(2024, 1, 1)
	var arts []*Article
	var ms []Mention
	happenings := n/5 + 1
	for i := 0; i < n; i++ {
		h := (i * 7919) % happenings
		day := start.AddDate(0, 0, h*730/happenings)
		who, where, what := people[h%len(people)], places[(h/len(people))%len(places)], acts[(h/3)%len(acts)]
		extra := fmt.Sprintf("delegation%d", h)
		s1 := fmt.Sprintf("%s %s in %s with the %s on %s.", who, what, where, extra, day.Format("January 2, 2006"))
		old := (h + happenings/2) % happenings
		oday := start.AddDate(0, 0, old*730/happenings)
		s2 := fmt.Sprintf("Earlier, %s %s in %s with the delegation%d in %s.", people[old%len(people)], acts[(old/3)%len(acts)], places[(old/len(people))%len(places)], old, oday.Format("January 2006"))
		text := s1 + " " + s2
		a := art(fmt.Sprintf("a%05d", i), dates.DayValue(day.AddDate(0, 0, 1+i%3)), text)
		p1 := " on " + day.Format("January 2, 2006")
		o1 := len(s1) - 1 - len(p1) + 1
		ms = append(ms, Mention{Article: a.ID, Sentence: s1, SentenceStart: 0, Start: o1, End: o1 + len(p1) - 1, Phrase: p1[1:], Type: "DATE", Value: dates.DayValue(day), Rule: "month-day-year", Anchor: dates.DayValue(a.Published)})
		p2 := oday.Format("January 2006")
		o2 := len(s1) + 1 + len(s2) - 1 - len(p2)
		ms = append(ms, Mention{Article: a.ID, Sentence: s2, SentenceStart: len(s1) + 1, Start: o2, End: o2 + len(p2), Phrase: p2, Type: "DATE", Value: dates.MonthValue(oday), Rule: "month-year", Anchor: dates.DayValue(a.Published)})
		arts = append(arts, a)
	}
	return arts, ms
}

// BenchmarkMerge merges 1k and 10k articles; ns/op per article should
// stay roughly flat as the corpus grows (no all-pairs comparison).
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		arts, ms := benchCorpus(n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var events int
			for i := 0; i < b.N; i++ {
				ev, _ := Merge(arts, ms, Config{})
				events = len(ev)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/article")
			b.ReportMetric(float64(events), "events")
		})
	}
}
