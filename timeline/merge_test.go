package timeline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
	"github.com/timeline-news/timeline/timeline/text"
)

// art builds an article from plain text, published on day ("" = undated).
func art(id, day, body string) *Article {
	a := &Article{ID: id, File: "content/" + id + ".md", Title: id, Text: body, Sentences: text.Sentences(body)}
	if day != "" {
		s, _ := dates.ParseSpan(day)
		a.Published = s.Start
	}
	return a
}

// at builds the mention of the n-th (0-based) occurrence of phrase in a.
func at(t testing.TB, a *Article, phrase string, n int, value, rule string) Mention {
	t.Helper()
	off := -1
	for k, from := 0, 0; k <= n; k++ {
		i := strings.Index(a.Text[from:], phrase)
		if i < 0 {
			t.Fatalf("%s: phrase %q (occurrence %d) not found", a.ID, phrase, n)
		}
		off = from + i
		from = off + len(phrase)
	}
	s := sentenceAt(a.Sentences, off)
	typ := string(dates.TypeDate)
	if strings.Contains(value, "T") {
		typ = string(dates.TypeTime)
	}
	if strings.HasPrefix(value, "P") {
		typ = string(dates.TypeDuration)
	}
	mod := ""
	if i := strings.IndexByte(value, '~'); i >= 0 {
		value, mod = value[:i], value[i+1:]
	}
	anchor := ""
	if !a.Published.IsZero() {
		anchor = dates.DayValue(a.Published)
	}
	return Mention{Article: a.ID, Sentence: a.Text[s.Start:s.End], SentenceStart: s.Start, Start: off, End: off + len(phrase),
		Phrase: phrase, Type: typ, Value: value, Mod: mod, Rule: rule, Anchor: anchor, AnchorInferred: a.PublishedInferred}
}

// summary prints events one per line: date, sources, phrases.
func summary(events []*Event) string {
	var b strings.Builder
	for _, ev := range events {
		var ph []string
		for _, m := range ev.Mentions {
			ph = append(ph, m.Article+":"+m.Phrase)
		}
		fmt.Fprintf(&b, "%s [%s] %s\n", ev.Date, strings.Join(ev.Sources, ","), strings.Join(ph, " | "))
	}
	return b.String()
}

func TestMergeTwoEventsOnOneDay(t *testing.T) {
	a := art("a", "2025-08-16", "Trump and Putin met in Anchorage on Friday for talks on Ukraine. An earthquake struck northern Japan on Friday, killing three people.")
	b := art("b", "2025-08-16", "The Anchorage summit between Putin and Trump ended on Friday without a deal. A strong earthquake hit Japan on Friday.")
	ms := []Mention{
		at(t, a, "on Friday", 0, "2025-08-15", "weekday-past"), at(t, a, "on Friday", 1, "2025-08-15", "weekday-past"),
		at(t, b, "on Friday", 0, "2025-08-15", "weekday-past"), at(t, b, "on Friday", 1, "2025-08-15", "weekday-past"),
	}
	events, _ := Merge([]*Article{a, b}, ms, Config{})
	got := summary(events)
	if len(events) != 2 {
		t.Fatalf("want 2 events on 15 Aug, got:\n%s", got)
	}
	for _, ev := range events {
		if len(ev.Sources) != 2 || len(ev.Mentions) != 2 || ev.Mentions[0].Sentence[:5] == ev.Mentions[1].Sentence[:5] && ev.Mentions[0].Article == ev.Mentions[1].Article {
			t.Errorf("event %s: want one mention from each report:\n%s", ev.ID, got)
		}
	}
}

func TestMergeCoarseIntoDay(t *testing.T) {
	a := art("a", "2025-09-01", "The ceasefire talks in Istanbul collapsed on August 20, 2025, officials said.")
	b := art("b", "2025-10-01", "After the Istanbul ceasefire talks collapsed in August, fighting resumed.")
	c := art("c", "2025-10-02", "Parliament passed a budget in August.")
	ms := []Mention{
		at(t, a, "on August 20, 2025", 0, "2025-08-20", "month-day-year"),
		at(t, b, "in August", 0, "2025-08", "month-past"),
		at(t, c, "in August", 0, "2025-08", "month-past"),
	}
	debugSims(t, []*Article{a, b, c}, ms)
	events, _ := Merge([]*Article{a, b, c}, ms, Config{})
	got := summary(events)
	if len(events) != 2 || events[0].Date != "2025-08" || events[1].Date != "2025-08-20" || len(events[1].Mentions) != 2 {
		t.Errorf("want the budget in Aug and the talks on 20 Aug with the month mention:\n%s", got)
	}
	if events[1].Precision != "day" || events[0].Precision != "month" {
		t.Errorf("precisions: %s, %s", events[0].Precision, events[1].Precision)
	}
}

func TestMergeEarlyYearIntoMonth(t *testing.T) {
	a := art("a", "2025-08-08", "The war in Ukraine, which began in early 2022, goes on.")
	b := art("b", "2025-08-09", "The war began with Russia's invasion in February 2022.")
	c := art("c", "2025-08-09", "Late in 2022 the war spread to new regions.")
	ms := []Mention{
		at(t, a, "in early 2022", 0, "2022~START", "year"),
		at(t, b, "in February 2022", 0, "2022-02", "month-year"),
		at(t, c, "Late in 2022", 0, "2022~END", "year"),
	}
	debugSims(t, []*Article{a, b, c}, ms)
	events, _ := Merge([]*Article{a, b, c}, ms, Config{})
	got := summary(events)
	if len(events) != 2 || events[1].Date != "2022-02" || len(events[1].Mentions) != 2 {
		t.Errorf("early 2022 belongs to Feb 2022; late 2022 does not:\n%s", got)
	}
}

func TestMergeConflictingWeekdays(t *testing.T) {
	a := art("a", "2025-08-14", "Zelensky spoke with Macron by phone on Tuesday about security guarantees.")
	b := art("b", "2025-08-14", "Zelensky and Macron discussed security guarantees by phone on Wednesday.")
	c := art("c", "2025-08-15", "In a phone call on Tuesday, Zelensky and Macron talked about security guarantees.")
	ms := []Mention{
		at(t, a, "on Tuesday", 0, "2025-08-12", "weekday-past"),
		at(t, b, "on Wednesday", 0, "2025-08-13", "weekday-past"),
		at(t, c, "on Tuesday", 0, "2025-08-12", "weekday-past"),
	}
	debugSims(t, []*Article{a, b, c}, ms)
	events, _ := Merge([]*Article{a, b, c}, ms, Config{})
	got := summary(events)
	if len(events) != 1 {
		t.Fatalf("want one event with a conflict:\n%s", got)
	}
	ev := events[0]
	if ev.Date != "2025-08-12" || len(ev.Conflicts) != 1 || ev.Conflicts[0].Value != "2025-08-13" || ev.Conflicts[0].Moved {
		t.Errorf("want 12 Aug (two sources) with 13 Aug in conflict: %+v", ev)
	}
	if !contains(ev.Flags, "conflict") {
		t.Errorf("flags %v lack conflict", ev.Flags)
	}
}

func TestMergeMovedDate(t *testing.T) {
	a := art("a", "2025-08-01", "The leaders will hold a summit in Geneva on August 15, 2025.")
	b := art("b", "2025-08-10", "The leaders will now hold their summit in Geneva on August 16, 2025.")
	ms := []Mention{
		at(t, a, "on August 15, 2025", 0, "2025-08-15", "month-day-year"),
		at(t, b, "on August 16, 2025", 0, "2025-08-16", "month-day-year"),
	}
	events, _ := Merge([]*Article{a, b}, ms, Config{})
	if len(events) != 1 {
		t.Fatalf("want one moved event:\n%s", summary(events))
	}
	ev := events[0]
	if ev.Date != "2025-08-16" || len(ev.Conflicts) != 1 || !ev.Conflicts[0].Moved || ev.Conflicts[0].Value != "2025-08-15" {
		t.Errorf("want 16 Aug, moved from 15 Aug: %+v", ev)
	}
	if ev.Announced != "2025-08-01" || ev.FirstReported != "2025-08-01" || ev.LastReported != "2025-08-10" {
		t.Errorf("reported %s..%s announced %s", ev.FirstReported, ev.LastReported, ev.Announced)
	}
}

func TestMergeSameArticleTwoDaysStaysApart(t *testing.T) {
	a := art("a", "2025-08-20", "Negotiators met in Doha on Monday and met again in Doha on Wednesday.")
	ms := []Mention{at(t, a, "on Monday", 0, "2025-08-18", "weekday-past"), at(t, a, "on Wednesday", 0, "2025-08-20", "weekday-past")}
	events, _ := Merge([]*Article{a}, ms, Config{})
	if len(events) != 2 {
		t.Errorf("one report giving two days tells two happenings:\n%s", summary(events))
	}
}

func TestMergeWireCopies(t *testing.T) {
	story := "Russian and Ukrainian negotiators agreed on a prisoner exchange in Istanbul on Tuesday, the first such deal in months, officials from both sides said after talks that lasted late into the night. The exchange will involve hundreds of soldiers held by each side, according to people familiar with the agreement."
	a := art("a", "2025-06-04", story)
	b := art("b", "2025-06-04", "ISTANBUL (Wire) — "+story)
	c := art("c", "2025-06-05", "Officials in Kyiv confirmed that a prisoner exchange was agreed in Istanbul on Tuesday between the two countries.")
	ms := []Mention{
		at(t, a, "on Tuesday", 0, "2025-06-03", "weekday-past"),
		at(t, b, "on Tuesday", 0, "2025-06-03", "weekday-past"),
		at(t, c, "on Tuesday", 0, "2025-06-03", "weekday-past"),
	}
	debugSims(t, []*Article{a, b, c}, ms)
	events, _ := Merge([]*Article{a, b, c}, ms, Config{})
	if len(events) != 1 || len(events[0].Sources) != 3 || events[0].Independent != 2 {
		t.Fatalf("want one event, 3 reports, 2 independent:\n%s%+v", summary(events), events)
	}
}

func TestMergeUnplaced(t *testing.T) {
	a := art("a", "2025-08-14", "The war has dragged on for three-and-a-half years. Trump could end it in 24 hours, he said.")
	ms := []Mention{at(t, a, "three-and-a-half years", 0, "P3Y6M", "duration"), at(t, a, "in 24 hours", 0, "PT24H", "duration")}
	events, unplaced := Merge([]*Article{a}, ms, Config{})
	if len(events) != 0 || len(unplaced) != 2 {
		t.Errorf("durations are not events: %d events, %d unplaced", len(events), len(unplaced))
	}
}

func TestMergeDeterministicIDs(t *testing.T) {
	a := art("a", "2025-08-16", "Trump and Putin met in Anchorage on Friday for talks on Ukraine.")
	b := art("b", "2025-08-17", "The Anchorage summit of Putin and Trump on Friday ended without a deal.")
	c := art("c", "2025-08-17", "A ferry sank off Crete on Friday.")
	ms := []Mention{at(t, a, "on Friday", 0, "2025-08-15", "weekday-past"), at(t, b, "on Friday", 0, "2025-08-15", "weekday-past")}
	e1, _ := Merge([]*Article{a, b}, ms, Config{})
	e2, _ := Merge([]*Article{a, b, c}, append(ms, at(t, c, "on Friday", 0, "2025-08-15", "weekday-past")), Config{})
	if len(e1) != 1 || len(e2) != 2 {
		t.Fatalf("events: %s / %s", summary(e1), summary(e2))
	}
	id := e1[0].ID
	if !strings.HasPrefix(id, "2025-08-15-") {
		t.Errorf("id %q should start with the date", id)
	}
	found := false
	for _, ev := range e2 {
		found = found || ev.ID == id
	}
	if !found {
		t.Errorf("id %q did not survive a new article: %v, %v", id, e2[0].ID, e2[1].ID)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var _ = sort.Strings
var _ = time.Now

// storyArticle is an article of a story about person in place: two
// dated sentences naming them (its topic), then extra.
func storyArticle(t *testing.T, id, pub, person, place, extra string) (*Article, []Mention) {
	a := art(id, pub, person+" met lawyers in "+place+" on June 3. "+person+" will appeal in "+place+" on June 9. "+extra)
	return a, []Mention{at(t, a, "on June 3", 0, "2024-06-03", "month-day"), at(t, a, "on June 9", 0, "2024-06-09", "month-day")}
}

// coarseEvents returns the events of precision coarser than day.
func coarseEvents(events []*Event) []*Event {
	var out []*Event
	for _, ev := range events {
		if ev.Precision != "day" {
			out = append(out, ev)
		}
	}
	return out
}

func TestMergeCoarseSamePeriod(t *testing.T) {
	// Mentions of one period with no finer event to join cluster among
	// themselves by content; a different period or different words stay apart.
	cases := []struct {
		name   string
		extras [3]string
		values [3]string
		want   int // coarse events
	}{
		{"same words, same period", [3]string{"Relations have been strained since early 2020, analysts say.", "Relations have been strained since early 2020, analysts say.", "Relations have been strained since early 2020, analysts say."}, [3]string{"2020~START", "2020~START", "2020~START"}, 1},
		{"same words, early and late", [3]string{"Relations have been strained since early 2020, analysts say.", "Relations have been strained since late 2020, analysts say.", "Relations have been strained since early 2020, analysts say."}, [3]string{"2020~START", "2020~END", "2020~START"}, 2},
		{"different words", [3]string{"The report is due by the end of the year.", "The bridge will reopen by the end of the year.", "The report is due by the end of the year."}, [3]string{"2024~END", "2024~END", "2024~END"}, 2},
	}
	phrases := map[string]string{"2020~START": "early 2020", "2020~END": "late 2020", "2024~END": "the end of the year"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var arts []*Article
			var ms []Mention
			for k := range 3 {
				a, m := storyArticle(t, fmt.Sprintf("a%d", k), "2024-06-10", "Haddad", "Rabat", tc.extras[k])
				arts, ms = append(arts, a), append(append(ms, m...), at(t, a, phrases[tc.values[k]], 0, tc.values[k], "year"))
			}
			events, _ := Merge(arts, ms, Config{})
			if got := coarseEvents(events); len(got) != tc.want {
				t.Errorf("want %d coarse events, got:\n%s", tc.want, summary(events))
			}
		})
	}
}

func TestMergeCoarseNeedsSharedStory(t *testing.T) {
	// The same generic sentence in reports of different stories (no
	// shared name) tells different happenings: it joins neither the
	// other story's coarse event nor its finer event.
	a, ma := storyArticle(t, "a", "2024-06-10", "Haddad", "Rabat", "The issue was first raised last year, and the court promised a response.")
	b, mb := storyArticle(t, "b", "2024-06-11", "Haddad", "Rabat", "The issue was first raised last year, and the court promised a response.")
	c, mc := storyArticle(t, "c", "2024-06-12", "Lindqvist", "Geneva", "The issue was first raised last year, and the commission promised a response.")
	d := art("d", "2024-06-12", "Lindqvist first raised the issue of campaign finance in Geneva on March 3, 2023. Lindqvist spoke to reporters in Geneva on March 4, 2023.")
	ms := append(append(append(ma, mb...), mc...),
		at(t, a, "last year", 0, "2023", "last-unit"), at(t, b, "last year", 0, "2023", "last-unit"), at(t, c, "last year", 0, "2023", "last-unit"),
		at(t, d, "on March 3, 2023", 0, "2023-03-03", "month-day-year"), at(t, d, "on March 4, 2023", 0, "2023-03-04", "month-day-year"))
	events, _ := Merge([]*Article{a, b, c, d}, ms, Config{})
	var got []string
	for _, ev := range events {
		if strings.HasPrefix(ev.Date, "2023") {
			got = append(got, ev.Date+" "+strings.Join(ev.Sources, ","))
		}
	}
	want := []string{"2023 a,b", "2023-03-03 c,d", "2023-03-04 d"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q:\n%s", got, want, summary(events))
	}
}

func TestMergeClockTime(t *testing.T) {
	// A clock time whose day the resolver assumed (the anchor) belongs
	// to the day its sentence names; without one, to an event of its
	// article a few days ahead in the same words; never weeks away.
	cases := []struct {
		name, body, clockValue string
		days                   map[string]string // phrase → value
		wantWith               string            // the phrase whose event holds the clock time; "" = an event of its own
	}{
		{"date in the sentence", "At 2 p.m. local time on June 30, Haddad will be released on bail. Haddad will address the court on May 18.",
			"2024-05-17T14:00", map[string]string{"on June 30": "2024-06-30", "on May 18": "2024-05-18"}, "on June 30"},
		{"same words two days ahead", "Haddad will be released on bail at 2 p.m. local time. Haddad will be released on bail in Rabat on May 19.",
			"2024-05-17T14:00", map[string]string{"on May 19": "2024-05-19"}, "on May 19"},
		{"same words weeks ahead", "Haddad will be released on bail at 2 p.m. local time. Haddad will be released on bail in Rabat on June 30.",
			"2024-05-17T14:00", map[string]string{"on June 30": "2024-06-30"}, ""},
		{"other words next day", "The court opens at 2 p.m. local time. Haddad will be released on bail in Rabat on May 18.",
			"2024-05-17T14:00", map[string]string{"on May 18": "2024-05-18"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := art("a", "2024-05-17", tc.body)
			ms := []Mention{at(t, a, "2 p.m.", 0, tc.clockValue, RuleTimeOfDay)}
			for _, p := range slicesSorted(tc.days) {
				ms = append(ms, at(t, a, p, 0, tc.days[p], "month-day"))
			}
			events, _ := Merge([]*Article{a}, ms, Config{})
			for _, ev := range events {
				has := false
				for _, mn := range ev.Mentions {
					has = has || mn.Phrase == "2 p.m."
				}
				if !has {
					continue
				}
				if tc.wantWith == "" && len(ev.Mentions) != 1 || tc.wantWith != "" && (len(ev.Mentions) != 2 || ev.Mentions[1].Phrase != tc.wantWith && ev.Mentions[0].Phrase != tc.wantWith) {
					t.Errorf("clock time in the wrong event:\n%s", summary(events))
				}
				if tc.wantWith != "" && ev.Date != tc.days[tc.wantWith] {
					t.Errorf("event dated %s, want %s (a clock time does not vote on the day)", ev.Date, tc.days[tc.wantWith])
				}
				for _, mn := range ev.Mentions {
					if mn.Phrase != "2 p.m." {
						continue
					}
					// An attached clock time takes the event's day and says so.
					want := tc.clockValue
					if tc.wantWith != "" {
						want = tc.days[tc.wantWith] + "T14:00"
					}
					if mn.Value != want {
						t.Errorf("clock time valued %s, want %s", mn.Value, want)
					}
					if (want != tc.clockValue) != strings.Contains(mn.Note, "day is the event's") {
						t.Errorf("clock time note %q", mn.Note)
					}
				}
			}
		})
	}
}

func slicesSorted(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestMergeNearDayConflict(t *testing.T) {
	// A report that once gives the day before, among reports of the
	// right day, is a conflict in one event dated by most sources;
	// a different happening the day before stays apart.
	cases := []struct {
		name, wrong string
		want        int // events
	}{
		{"same words, a day off", "Fischer was released on bail in Rabat on June 29.", 1},
		{"other words, a day off", "Parliament debated the budget bill in Rabat on June 29.", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var arts []*Article
			var ms []Mention
			for k := range 3 {
				body := "Fischer was released on bail in Rabat on June 30."
				if k == 0 {
					body += " " + tc.wrong
				}
				a := art(fmt.Sprintf("a%d", k), "2024-07-02", body)
				arts, ms = append(arts, a), append(ms, at(t, a, "on June 30", 0, "2024-06-30", "month-day"))
				if k == 0 {
					ms = append(ms, at(t, a, "on June 29", 0, "2024-06-29", "month-day"))
				}
			}
			events, _ := Merge(arts, ms, Config{})
			if len(events) != tc.want {
				t.Fatalf("want %d events:\n%s", tc.want, summary(events))
			}
			if tc.want == 1 && (events[0].Date != "2024-06-30" || len(events[0].Conflicts) != 1 || events[0].Conflicts[0].Value != "2024-06-29" || !contains(events[0].Flags, "conflict")) {
				t.Errorf("want 30 June with 29 June in conflict: %+v", events[0])
			}
		})
	}
}

// TestClusterFounderFields checks what a cluster keeps of its founder
// for placing coarse mentions against the founder itself: its period
// (-1 for a day), article and topics; and its articles' signature
// against its articles.
func TestArtBit(t *testing.T) {
	for _, tc := range []struct {
		art  int
		want uint64
	}{{0, 1}, {1, 2}, {63, 1 << 63}, {64, 1}, {130, 4}} {
		if got := artBit(tc.art); got != tc.want {
			t.Errorf("artBit(%d) = %x, want %x", tc.art, got, tc.want)
		}
	}
}

func TestClusterFounderFields(t *testing.T) {
	arts, ms := benchCorpus(400)
	// and events founded by coarse mentions, with no day to join
	for k, year := range []string{"2030", "2031"} {
		a := art(fmt.Sprintf("later%d", k), "2024-05-01", "The treaty will lapse in "+year+", officials in Oslo said.")
		arts = append(arts, a)
		ms = append(ms, at(t, a, year, 0, year, "year"))
	}
	m := newMerger(arts, ms)
	m.cluster()
	days, coarse := 0, 0
	for id, cl := range m.clusters {
		f := &m.cands[cl.founder]
		want := int32(-1)
		if isDay(f.span) {
			days++
		} else {
			coarse++
			want = f.period
			if want < 0 {
				t.Fatalf("cluster %d: coarse founder without a period", id)
			}
		}
		var sig uint64
		for _, a := range cl.articles {
			sig |= artBit(int(a))
		}
		if cl.artSig != sig {
			t.Errorf("cluster %d: articles %v, signature %x, want %x", id, cl.articles, cl.artSig, sig)
		}
		if cl.founderPeriod != want || cl.founderArt != f.art || !slices.Equal(cl.founderTopics, m.topics[f.art]) {
			t.Errorf("cluster %d: founder period %d, article %d, topics %v; its founder's are %d, %d, %v",
				id, cl.founderPeriod, cl.founderArt, cl.founderTopics, want, f.art, m.topics[f.art])
		}
	}
	if days == 0 || coarse == 0 {
		t.Fatalf("%d clusters founded by days, %d by coarse mentions: want both", days, coarse)
	}
}

func TestSortEvents(t *testing.T) {
	ev := func(id, date string) *Event { return &Event{ID: id, Date: date} }
	for _, tc := range []struct {
		name   string
		events []*Event
	}{
		{"none", nil},
		{"by day", []*Event{ev("b", "2024-03-02"), ev("a", "2024-03-01"), ev("c", "2023-12-31")}},
		{"coarser first on one start", []*Event{ev("x", "2024-03-01"), ev("y", "2024-03"), ev("z", "2024"), ev("w", "2024-W09")}},
		{"then by id", []*Event{ev("b", "2024-03-01"), ev("a", "2024-03-01"), ev("c", "2024-03-01")}},
		{"equal keys keep their order", []*Event{ev("same", "2024-05"), ev("other", "2024-04"), ev("same", "2024-05"), ev("same", "2024-05")}},
		{"clock times and days", []*Event{ev("t", "2024-03-01T19:00"), ev("d", "2024-03-01"), ev("u", "2024-03-01T08:00")}},
		{"unparsable dates", []*Event{ev("b", "soon"), ev("a", "2024-03-01"), ev("c", "")}},
	} {
		want := slices.Clone(tc.events)
		sort.SliceStable(want, func(i, j int) bool { return eventLess(want[i], want[j]) })
		got := slices.Clone(tc.events)
		sortEvents(got)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: event %d is %s %s, want %s %s", tc.name, i, got[i].ID, got[i].Date, want[i].ID, want[i].Date)
			}
		}
	}
}
