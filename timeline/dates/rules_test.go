package dates

import (
	"testing"
	"time"
)

// ruleCase is one phrase in a sentence: the expression Resolve must find
// (its exact text) and its resolution.
type ruleCase struct {
	text   string // the sentence
	anchor string // publication day
	phrase string // the expression expected ("" = none at all)
	typ    Type
	value  string
	mod    string
	rule   string
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		a, err := time.Parse("2006-01-02", c.anchor)
		if err != nil {
			t.Fatal(err)
		}
		got := Resolve(c.text, a)
		if c.phrase == "" {
			if len(got) != 0 {
				t.Errorf("%q: want nothing, got %+v", c.text, got)
			}
			continue
		}
		var e *Expr
		for i := range got {
			if got[i].Text == c.phrase {
				e = &got[i]
			}
		}
		if e == nil {
			t.Errorf("%q: %q not found; got %v", c.text, c.phrase, texts(got))
			continue
		}
		if e.Type != c.typ || e.Value != c.value || e.Mod != c.mod || (c.rule != "" && e.Rule != c.rule) {
			t.Errorf("%q: %q = %s %s %s (%s), want %s %s %s (%s)", c.text, c.phrase, e.Type, e.Value, e.Mod, e.Rule, c.typ, c.value, c.mod, c.rule)
		}
		if e.Text != c.text[e.Start:e.End] {
			t.Errorf("%q: Text %q is not text[Start:End] %q", c.text, e.Text, c.text[e.Start:e.End])
		}
	}
}

func texts(es []Expr) []string {
	var s []string
	for _, e := range es {
		s = append(s, e.Text+"="+e.Value)
	}
	return s
}

// 2025-08-08 is a Friday, 2025-08-14 a Thursday.

func TestWeekdayByTense(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"On Wednesday, he reassured allies.", "2025-08-14", "Wednesday", TypeDate, "2025-08-13", "", "weekday-past"},
		{"The leaders will meet Friday in Alaska.", "2025-08-14", "Friday", TypeDate, "2025-08-15", "", "weekday-future"},
		{"The two men met in Anchorage on Friday.", "2025-08-15", "Friday", TypeDate, "2025-08-15", "", "weekday-past"},
		{"Trump announced on Friday that he would go.", "2025-08-10", "Friday", TypeDate, "2025-08-08", "", "weekday-past"},
		{"The talks are scheduled to start Monday.", "2025-08-14", "Monday", TypeDate, "2025-08-18", "", "weekday-future"},
		{"Officials are to meet on Tuesday.", "2025-08-14", "Tuesday", TypeDate, "2025-08-19", "", "weekday-future"},
		{"The relatives have until 9 a.m. Tuesday to sign.", "2025-08-14", "9 a.m. Tuesday", TypeTime, "2025-08-19T09:00", "", "time-day"},
		{"Crowds rallied Friday night in the plaza.", "2025-08-09", "Friday night", TypeDate, "2025-08-08", "", "weekday-past"},
	})
}

// The finite verb decides the tense around a plan ("planned to", "was
// expected to", "had been due to"); 2025-08-14 is a Thursday.
func TestWeekdayFiniteVerb(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// a fronted weekday belongs to the past finite verb after it
		{"On Friday, the government planned to pay the first claims.", "2025-08-14", "Friday", TypeDate, "2025-08-08", "", "weekday-past"},
		// a weekday inside the infinitive is the planned act: ahead
		{"The team planned to leave Nairobi on Friday.", "2025-08-14", "Friday", TypeDate, "2025-08-15", "", "weekday-future"},
		{"He was seized on Wednesday as he was about to be deported.", "2025-08-14", "Wednesday", TypeDate, "2025-08-13", "", "weekday-past"},
		{"Wednesday morning, as he was expected to testify, he fled.", "2025-08-14", "Wednesday morning", TypeDate, "2025-08-13", "", ""},
		// past perfect: a superseded plan
		{"The offer had been due to expire Friday evening.", "2025-08-14", "Friday evening", TypeTime, "2025-08-08TEV", "", ""},
		{"It previously had been scheduled to expire Friday.", "2025-08-14", "Friday", TypeDate, "2025-08-08", "", "weekday-past"},
		{"The attack began as previously planned Saturday night.", "2025-08-14", "Saturday night", TypeDate, "2025-08-09", "", ""},
		// a present plan and a plan still under way look ahead
		{"Talks are expected to resume Monday.", "2025-08-14", "Monday", TypeDate, "2025-08-18", "", "weekday-future"},
		{"They rallied and were planning to drive to the airport on Monday.", "2025-08-14", "Monday", TypeDate, "2025-08-18", "", "weekday-future"},
		// "plans" the noun and "planned" the adjective are not verbs
		{"On Friday, when she set aside vacation plans for the hastily planned trip, officials lifted a warning.", "2025-08-14", "Friday", TypeDate, "2025-08-08", "", ""},
		// "until" with a past perfect is a state that lasted up to a past day
		{"Until Wednesday, they had not called him a suspect.", "2025-08-14", "Wednesday", TypeDate, "2025-08-13", "", "weekday-past"},
		{"The relatives have until Tuesday to sign.", "2025-08-14", "Tuesday", TypeDate, "2025-08-19", "", "weekday-future"},
		// ", officials said" is a clause of its own, not the tense of the date
		{"The minister will travel to Moscow on Friday, officials said.", "2025-08-14", "Friday", TypeDate, "2025-08-15", "", "weekday-future"},
		// an -ed word after a determiner is an adjective, not a past verb
		{"The split would be paid on a still unspecified date in January.", "1989-10-26", "January", TypeDate, "1990-01", "", ""},
		{"The payment would come on an unspecified day in January.", "1989-10-26", "January", TypeDate, "1990-01", "", ""},
		// a parenthesis takes the tense of the clause around it
		{"The talks will resume soon (Monday) in Geneva.", "2025-08-14", "Monday", TypeDate, "2025-08-18", "", "weekday-future"},
	})
}

func TestNextLastWeekday(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"They are scheduled to meet next Friday.", "2025-08-08", "next Friday", TypeDate, "2025-08-15", "", "next-weekday"},
		{"They meet next Friday.", "2025-08-14", "next Friday", TypeDate, "2025-08-15", "", "next-weekday"},
		{"They met last Tuesday.", "2025-08-14", "last Tuesday", TypeDate, "2025-08-12", "", "last-weekday"},
	})
	// "next Friday" on a Thursday is ambiguous: the note says so
	e := Resolve("They meet next Friday.", Day(2025, 8, 14))
	if len(e) != 1 || e[0].Note == "" {
		t.Errorf("want a note on the ambiguous reading, got %+v", e)
	}
}

func TestDeictic(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Prices fell today.", "2025-08-14", "today", TypeDate, "2025-08-14", "", "deictic"},
		{"Prices fell yesterday.", "2025-08-14", "yesterday", TypeDate, "2025-08-13", "", "deictic"},
		{"He arrives tomorrow.", "2025-08-14", "tomorrow", TypeDate, "2025-08-15", "", "deictic"},
		{"He spoke this morning.", "2025-08-14", "this morning", TypeTime, "2025-08-14TMO", "", "this-part-of-day"},
		{"He will speak tonight.", "2025-08-14", "tonight", TypeTime, "2025-08-14TNI", "", "deictic"},
		{"Talks resume late yesterday.", "2025-08-14", "late yesterday", TypeDate, "2025-08-13", "END", "deictic"},
		{"Terms will be agreed upon tomorrow (Friday) because", "2025-08-14", "tomorrow (Friday)", TypeDate, "2025-08-15", "", "tomorrow-check"},
	})
	e := Resolve("Terms will be agreed upon tomorrow (Saturday).", Day(2025, 8, 14))
	if len(e) != 1 || e[0].Note == "" || e[0].Value != "2025-08-15" {
		t.Errorf("tomorrow (Saturday) on a Thursday: want 2025-08-15 with a note, got %+v", e)
	}
}

func TestMonthDay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"They will meet on August 15, 2025.", "2025-08-01", "August 15, 2025", TypeDate, "2025-08-15", "", "month-day-year"},
		{"They will convene on August 15 in Alaska.", "2025-08-08", "August 15", TypeDate, "2025-08-15", "", "month-day-yearless-future"},
		{"The envoy visited on August 6.", "2025-08-12", "August 6", TypeDate, "2025-08-06", "", "month-day-yearless-past"},
		{"The shooting on Oct. 23 shocked the town.", "1998-11-20", "Oct. 23", TypeDate, "1998-10-23", "", ""},
		{"The deal closes Jan. 14.", "1999-12-30", "Jan. 14", TypeDate, "2000-01-14", "", ""},
		{"He was born on 15 August 1947.", "2025-08-14", "15 August 1947", TypeDate, "1947-08-15", "", "day-month-year"},
		{"Filed 2025-08-15 in court.", "2025-08-20", "2025-08-15", TypeDate, "2025-08-15", "", "iso-date"},
		{"Filed 8/15/2025 in court.", "2025-08-20", "8/15/2025", TypeDate, "2025-08-15", "", "numeric-date"},
		{"On February 30, 2025 nothing happened.", "2025-08-14", "", "", "", "", ""},
	})
}

func TestMonthsAndYears(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The invasion began in February 2022.", "2025-08-08", "February 2022", TypeDate, "2022-02", "", "month-year"},
		{"The last call happened in February.", "2025-08-08", "February", TypeDate, "2025-02", "", "month-past"},
		{"Their last summit was in 2021.", "2025-08-08", "2021", TypeDate, "2021", "", "year"},
		{"The war began in early 2022.", "2025-08-08", "early 2022", TypeDate, "2022", "START", "year"},
		{"Sales peaked in late November.", "1999-12-10", "late November", TypeDate, "1999-11", "END", ""},
		{"Growth slowed in the 1990s.", "2025-08-08", "the 1990s", TypeDate, "199", "", "decade"},
		{"Growth slowed in the mid-1990s.", "2025-08-08", "the mid-1990s", TypeDate, "199", "MID", "decade"},
		{"Earnings rose in fiscal 1989.", "1989-11-01", "fiscal 1989", TypeDate, "1989", "", "fiscal-year"},
		{"Last April they sold.", "1999-10-01", "Last April", TypeDate, "1999-04", "", "relative-month"},
	})
}

func TestQuarters(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Profit rose in the third quarter.", "1989-10-27", "the third quarter", TypeDate, "1989-Q3", "", "quarter"},
		{"Third-quarter profit rose.", "1989-10-27", "Third-quarter", TypeDate, "1989-Q3", "", "quarter"},
		{"Profit rose in the fourth quarter.", "1990-01-15", "the fourth quarter", TypeDate, "1989-Q4", "", "quarter"},
		{"It expects a loss in the fourth quarter.", "1989-10-27", "the fourth quarter", TypeDate, "1989-Q4", "", "quarter"},
		{"Net fell in the first half of 1989.", "1989-10-27", "the first half of 1989", TypeDate, "1989-H1", "", "half"},
		{"In the third quarter net rose 5% from a year earlier.", "1989-10-27", "a year earlier", TypeDate, "1988-Q3", "", "year-earlier-quarter"},
		{"In the third quarter sales rose. In the quarter, costs fell.", "1989-10-27", "the quarter", TypeDate, "1989-Q3", "", "discourse-quarter"},
	})
}

// A year with a possessive, or "year-ago", says which year's quarter.
func TestQuarterOfNamedYear(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Net sales for this year's third quarter were $14 million.", "1989-10-30", "this year's third quarter", TypeDate, "1989-Q3", "", "quarter"},
		{"It could be effective as early as next year's first quarter.", "1989-10-30", "next year's first quarter", TypeDate, "1990-Q1", "", "quarter"},
		{"Sales rose in the third quarter. Sales for last year's quarter were $3 million.", "1989-10-30", "last year's quarter", TypeDate, "1988-Q3", "", "year-earlier-quarter"},
		{"In the year-earlier third quarter, it earned $5 million.", "1989-10-30", "the year-earlier third quarter", TypeDate, "1988-Q3", "", "year-earlier-quarter"},
		{"The company in the year-ago fourth quarter earned $22.5 million.", "1990-01-20", "the year-ago fourth quarter", TypeDate, "1988-Q4", "", "year-earlier-quarter"},
		// the possessive alone stays a year
		{"Last year's results were weak.", "1989-10-30", "Last year", TypeDate, "1988", "", "last-unit"},
	})
}

func TestSeasonsAndUnits(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The plant opened last spring.", "1989-10-01", "last spring", TypeDate, "1989-SP", "", "last-season"},
		{"The plant opens this summer.", "1998-03-01", "this summer", TypeDate, "1998-SU", "", "this-season"},
		{"It happened in the summer of 2019.", "2025-08-08", "summer of 2019", TypeDate, "2019-SU", "", "season-year"},
		{"Talks resume next week.", "2025-08-08", "next week", TypeDate, "2025-W33", "", "next-unit"},
		{"Talks ended last week.", "2025-08-08", "last week", TypeDate, "2025-W31", "", "last-unit"},
		{"Sales rose last month.", "2025-08-08", "last month", TypeDate, "2025-07", "", "last-unit"},
		{"Sales rose this year.", "2025-08-08", "this year", TypeDate, "2025", "", "this-unit"},
		{"Sales rose earlier this year.", "2025-08-08", "earlier this year", TypeDate, "2025", "START", "this-unit"},
		{"It opens at the end of the month.", "2025-08-08", "the end of the month", TypeDate, "2025-08", "END", "this-unit"},
		{"They met two weeks ago.", "2025-08-08", "two weeks ago", TypeDate, "2025-W30", "", "units-ago"},
		{"They met a year ago.", "2025-08-08", "a year ago", TypeDate, "2024", "", "units-ago"},
		{"Ties were cut five years ago.", "1989-11-01", "five years ago", TypeDate, "1984", "", "units-ago"},
		{"They will meet this weekend.", "2025-08-08", "this weekend", TypeDate, "2025-W32-WE", "", "this-unit"},
		{"They met over the weekend.", "2025-08-11", "the weekend", TypeDate, "2025-W32-WE", "", "weekend-past"},
	})
}

func TestDurations(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The war has dragged on for three and a half years.", "2025-08-14", "three and a half years", TypeDuration, "P3Y6M", "", "duration"},
		{"The war has dragged on for three-and-a-half years.", "2025-08-14", "three-and-a-half years", TypeDuration, "P3Y6M", "", "duration"},
		{"Prices rose over the past three years.", "2025-08-14", "the past three years", TypeDuration, "P3Y", "", "duration"},
		{"He was jailed for six months.", "2025-08-14", "six months", TypeDuration, "P6M", "", "duration"},
		{"It was a two-year study.", "2025-08-14", "two-year", TypeDuration, "P2Y", "", "duration"},
		{"Sales in the first nine months rose.", "1989-11-01", "the first nine months", TypeDuration, "P9M", "", "duration"},
		{"The talks lasted about three hours.", "2025-08-14", "about three hours", TypeDuration, "PT3H", "APPROX", "duration"},
		{"Prices have risen in recent years.", "2025-08-14", "recent years", TypeDate, "PAST_REF", "", "recent-years"},
		{"The strike lasted 24 hours.", "2025-08-14", "24 hours", TypeDuration, "PT24H", "", "duration"},
	})
}

func TestSetsAndRefs(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The market meets every Tuesday.", "2025-08-14", "every Tuesday", TypeSet, "XXXX-WXX-2", "", "set-weekday"},
		{"Prices are reported weekly.", "2025-08-14", "weekly", TypeSet, "P1W", "", "set-adverb"},
		{"He runs every day.", "2025-08-14", "every day", TypeSet, "P1D", "", "set-unit"},
		{"Prices are now higher.", "2025-08-14", "now", TypeDate, "PRESENT_REF", "", "present-ref"},
		{"He currently lives in Ohio.", "2025-08-14", "currently", TypeDate, "PRESENT_REF", "", "present-ref"},
		{"He recently moved.", "2025-08-14", "recently", TypeDate, "PAST_REF", "", "past-ref"},
		{"Talks may resume in the future.", "2025-08-14", "the future", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"It cut its quarterly dividend.", "2025-08-14", "", "", "", "", ""},
	})
}

// "soon" looks ahead from publication only when the text does: after a
// past event it narrates, it is not a time expression of its own.
func TestSoon(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The budget will soon move into surplus.", "1998-03-01", "soon", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"Prosecutors told him that they may soon seek an indictment.", "1998-03-01", "soon", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"He was soon released.", "1998-03-01", "", "", "", "", ""},
		{"A trickle of cash soon became a flood.", "1998-03-01", "", "", "", "", ""},
		{"He was probably killed soon after being captured.", "1998-03-01", "", "", "", "", ""},
	})
}

func TestClockTimes(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The summit takes place in Alaska at 1900 GMT", "2025-08-14", "1900 GMT", TypeTime, "2025-08-14T19:00", "", "time-of-day"},
		{"The blast occurred at about 10:35 a.m. local time.", "1998-08-07", "10:35 a.m.", TypeTime, "1998-08-07T10:35", "", "time-of-day"},
		{"Polls close at 3 p.m. EDT.", "2025-08-14", "3 p.m. EDT", TypeTime, "2025-08-14T15:00", "", "time-of-day"},
		{"It was set afire at 10 p.m. Wednesday.", "1998-02-13", "10 p.m. Wednesday", TypeTime, "1998-02-11T22:00", "", "time-day"},
		{"Lunch is at noon.", "2025-08-14", "noon", TypeTime, "2025-08-14T12:00", "", "time-of-day"},
	})
}

// TestNotDates lists things that look like dates and are not.
func TestNotDates(t *testing.T) {
	for _, s := range []string{
		"He once claimed he could end it in 24 hours.",
		"Moscow holds approximately 20% of the territory.",
		"The bill came to $2,021 in total.",
		"They drove down Route 66 to the coast.",
		"The army sent 1,900 troops.",
		"The army sent 1900 troops.",
		"It may rain, said Mr. May.",
		"Protesters march to the capital.",
		"The Sun reported the story.",
		"They stood before a backdrop marked “ALASKA 2025”, as media watched.",
		"They stood before a banner reading \"PEACE 2025\".",
		"A 44-year-old man and a man, 52 years old, were held.",
		"Shares fell 2000 points.",
		"The rate is 1.5 percent.",
		"Call 555 1999 now", // a phone number: "now" remains
	} {
		got := Resolve(s, Day(2025, 8, 14))
		for _, e := range got {
			if e.Value == "PRESENT_REF" && e.Text == "now" {
				continue
			}
			t.Errorf("%q: found %q = %s (%s)", s, e.Text, e.Value, e.Rule)
		}
	}
}

func TestOffsetsAndOrder(t *testing.T) {
	text := "Ünïcödé — on August 15, 2025, “next week” and yesterday."
	es := Resolve(text, Day(2025, 8, 8))
	if len(es) != 3 {
		t.Fatalf("got %v", texts(es))
	}
	for i, e := range es {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("offsets of %q wrong", e.Text)
		}
		if i > 0 && e.Start < es[i-1].End {
			t.Errorf("overlap or disorder at %q", e.Text)
		}
		if !e.Anchor.Equal(Day(2025, 8, 8)) {
			t.Errorf("anchor of %q = %v", e.Text, e.Anchor)
		}
	}
}

func TestAnchorTimeOfDayIgnored(t *testing.T) {
	a := time.Date(2025, 8, 14, 23, 59, 0, 0, time.FixedZone("X", -7*3600))
	es := Resolve("He left yesterday.", a)
	if len(es) != 1 || es[0].Value != "2025-08-13" {
		t.Errorf("got %+v", es)
	}
}
