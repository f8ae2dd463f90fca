package dates

import "testing"

// Rules added while raising TempEval-3 value F1 (issue 3); one table per rule.

func TestRecentYearsPastRef(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Prices soared in recent years.", "1989-11-01", "recent years", TypeDate, "PAST_REF", "", "recent-years"},
		{"Prices soared in recent weeks.", "1989-11-01", "recent weeks", TypeDuration, "PXW", "", "recent-units"},
	})
}

func TestMonthWithRelativeYear(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"In July last year in Phnom Penh, he was tried.", "1998-02-19", "July last year", TypeDate, "1997-07", "", "month-rel-year"},
		{"The process began in February this year.", "1998-12-03", "February this year", TypeDate, "1998-02", "", "month-rel-year"},
		{"They will join in April next year.", "1998-12-03", "April next year", TypeDate, "1999-04", "", "month-rel-year"},
		{"It was approved in early October this year.", "1998-12-03", "early October this year", TypeDate, "1998-10", "START", ""},
		{"He was freed on June 3 last year.", "1998-02-19", "June 3 last year", TypeDate, "1997-06-03", "", "month-day-rel-year"},
		// a comma ends the month's phrase: "last year" is its own
		{"It fell in June, last year it rose.", "1998-08-19", "June", TypeDate, "1998-06", "", ""},
	})
}

func TestQuarterUnderWayIsNotTheReportedQuarter(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// the third quarter is reported; the fourth is still under way
		{"Third-quarter profit fell. It has no estimate of the impact on fourth-quarter results. In the latest quarter, it lost $23 million.",
			"1989-11-01", "the latest quarter", TypeDate, "1989-Q3", "", "discourse-quarter"},
		{"Third-quarter profit fell. The plan is expected to result in a fourth-quarter charge. Sales rose 5% from a year ago.",
			"1989-11-01", "a year ago", TypeDate, "1988-Q3", "", "year-earlier-quarter"},
		// an earlier finished quarter recalled does not become the one
		// the text is about; "the latest quarter" is the latest
		{"Third-quarter profit fell. Second-quarter profit had risen. In the latest quarter, it lost $23 million.",
			"1989-11-01", "the latest quarter", TypeDate, "1989-Q3", "", "discourse-quarter"},
		// a later finished quarter does
		{"Second-quarter profit rose. Third-quarter profit fell. In the latest quarter, it lost $23 million.",
			"1989-11-01", "the latest quarter", TypeDate, "1989-Q3", "", "discourse-quarter"},
	})
}

func TestYearEnded(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It had revenue of $76 million for the year ended March 31.", "1989-11-01", "the year", TypeDuration, "P1Y", "", "year-ended"},
		{"In the fiscal year ended Jan. 31, sales rose.", "1989-11-01", "the fiscal year", TypeDuration, "P1Y", "", "year-ended"},
		{"It expects a loss for the year ending June 30, 1990.", "1989-11-01", "the year", TypeDuration, "P1Y", "", "year-ended"},
	})
}

func TestYearEnd(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The deal should close by year-end.", "1989-11-01", "year-end", TypeDate, "1989", "END", "year-end"},
		{"It will cut 6,000 jobs by year end.", "1989-11-01", "year end", TypeDate, "1989", "END", "year-end"},
		{"Rules should be in place by year's end.", "1989-11-01", "year's end", TypeDate, "1989", "END", "year-end"},
		{"The index is up 12% since year-end.", "1989-11-01", "year-end", TypeDate, "1988", "END", "year-end"},
	})
}

func TestGenericToday(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The case is for today's youth what the blockade was for us.", "2000-01-07", "", "", "", "", ""},
		{"They are the chips of choice in many of today's personal computers.", "1989-10-27", "", "", "", "", ""},
		{"If I were choosing the people of tomorrow, I would choose them.", "1989-11-02", "", "", "", "", ""},
		{"The offer appears in today's editions.", "1989-11-02", "today", TypeDate, "1989-11-02", "", "deictic"},
		{"Read all about it in TODAY'S", "1989-11-02", "TODAY", TypeDate, "1989-11-02", "", "deictic"}, // "'s" ends the text
		{"Markets will open tomorrow.", "1989-11-02", "tomorrow", TypeDate, "1989-11-03", "", "deictic"},
	})
}

func TestTitlesAreNotDates(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{`He said on CBS's "60 Minutes" that he would stay.`, "2000-04-17", "", "", "", "", ""},
		{`Baker, speaking on ABC News' "This Week," said so.`, "1990-08-13", "", "", "", "", ""},
		{"It recalled the film High Noon to him.", "1999-03-12", "", "", "", "", ""},
		{"This is VOA Today.", "1998-03-31", "", "", "", "", ""},
		// holidays and sentence-initial words keep their capitals
		{"He was found on Thanksgiving Day at sea.", "2000-01-07", "Thanksgiving Day", TypeDate, "1999-11-25", "", "holiday"},
		{"This week, the giant paid for the shares.", "1989-11-01", "This week", TypeDate, "1989-W44", "", ""},
		{"Today, the rate is equal.", "1998-03-05", "Today", TypeDate, "1998-03-05", "", "deictic"},
	})
}

func TestWeekdayPartOfDay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"He was killed Thursday evening.", "1998-02-13", "Thursday evening", TypeTime, "1998-02-12TEV", "", "weekday-past"},
		{"They met Tuesday afternoon.", "1998-02-13", "Tuesday afternoon", TypeTime, "1998-02-10TAF", "", "weekday-past"},
		// night and morning keep the day alone
		{"Castro spoke Wednesday night.", "2000-04-06", "Wednesday night", TypeDate, "2000-04-05", "", "weekday-past"},
		{"The blast came Friday morning.", "1998-08-08", "Friday morning", TypeDate, "1998-08-07", "", "weekday-past"},
	})
}

func TestIntervalLaterEarlier(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Three days later, as of Friday's close, the index fell.", "1989-11-06", "Three days", TypeDuration, "P3D", "", "interval-later"},
		{"A few days later, the company announced losses.", "1989-11-06", "A few days", TypeDuration, "PXD", "", "interval-later"},
		{"A day earlier, scores of trucks crossed.", "1990-08-16", "A day", TypeDuration, "P1D", "", "interval-earlier"},
		{"He was declared dead an hour later.", "1998-10-25", "an hour", TypeDuration, "PT1H", "", "interval-later"},
		// counted from publication: still dates
		{"He left two weeks ago.", "1998-03-22", "two weeks ago", TypeDate, "1998-W10", "", "units-ago"},
		{"Profit rose from a year earlier.", "1989-11-06", "a year earlier", TypeDate, "1988", "", ""},
	})
}

func TestWithinIsNotABoast(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// "in 24 hours" after a modal is a boast; "within" is a deadline
		{"He could end the war in 24 hours.", "2025-08-14", "", "", "", "", ""},
		{"Ships could head for the gulf within a few days.", "1990-08-13", "a few days", TypeDuration, "PXD", "", "duration"},
		{"If the family fails to appeal within 14 days, he can go.", "2000-06-01", "14 days", TypeDuration, "P14D", "", "duration"},
	})
}

func TestFractionAndMoreUnits(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"They lived in camps for 2 1/2 years.", "1998-02-27", "2 1/2 years", TypeDuration, "P2Y6M", "", "duration"},
		{"It keeps the base for at least 20 more years.", "1998-02-27", "at least 20 more years", TypeDuration, "P20Y", "EQUAL_OR_MORE", "duration"},
		{"He stays for two more weeks.", "2000-06-01", "two more weeks", TypeDuration, "P2W", "", "duration"},
		// a date, not a fraction of a unit
		{"The vote is on 1/2.", "2000-06-01", "", "", "", "", ""},
	})
}

func TestCenturiesAndSpelledDecades(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"She is a 20th century democrat.", "1998-02-13", "20th century", TypeDate, "19", "", "century"},
		{"Angkor Wat, the fabled 11th-century temple, draws tourists.", "1998-02-19", "11th-century", TypeDate, "10", "", "century"},
		{"It was one of the events of the 20th century.", "1989-11-01", "the 20th century", TypeDate, "19", "", "century"},
		{"Numbers dropped through the nineties.", "1998-03-03", "the nineties", TypeDate, "199", "", "decade"},
		{"Sales peaked in the twenties.", "2025-08-14", "the twenties", TypeDate, "202", "", "decade"},
		{"Highs will be in the nineties.", "1998-07-03", "", "", "", "", ""},
		{"Crime fell over the past decade.", "1998-10-25", "the past decade", TypeDuration, "P10Y", "", "past-unit-span"},
	})
}

func TestComingUnits(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The economy will slow in coming months.", "1998-02-06", "coming months", TypeDate, "FUTURE_REF", "", "coming-units"},
		{"They will buy equipment in the coming years.", "1999-03-12", "the coming years", TypeDate, "FUTURE_REF", "", "coming-units"},
		{"It will open in the coming year.", "1999-03-12", "the coming year", TypeDate, "2000", "", ""},
	})
}

func TestEarlierLaterInTheUnit(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Planting was delayed earlier in the year by rain.", "1989-10-26", "earlier in the year", TypeDate, "1989", "START", "this-unit"},
		{"He arrived in Philadelphia later in the day.", "1998-02-13", "later in the day", TypeDate, "1998-02-13", "END", "this-unit"},
	})
}

func TestFullYear(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It forecast an earnings increase for the full year.", "1989-10-27", "the full year", TypeDate, "1989", "", "full-year"},
		{"Sales for the full year were $6.6 billion.", "1990-01-25", "the full year", TypeDate, "1989", "", "full-year"},
	})
}

func TestQuarterOfTheYearBefore(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Third-quarter net fell. For the quarter a year ago, it earned $16.3 million.", "1989-11-01", "the quarter a year ago", TypeDate, "1988-Q3", "", "discourse-quarter"},
		{"Its third-quarter loss compares with net income for the corresponding period last year.", "1989-11-01", "the corresponding period last year", TypeDate, "1988-Q3", "", "discourse-quarter"},
		{"Third-quarter net fell. For the quarter, sales rose.", "1989-11-01", "the quarter", TypeDate, "1989-Q3", "", "discourse-quarter"},
	})
}

func TestVagueUnitsAgo(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It rose from 35 percent several years ago to 51 percent.", "1998-02-13", "several years ago", TypeDate, "PAST_REF", "", "units-ago"},
		{"The machines were removed a few years ago.", "1998-02-12", "a few years ago", TypeDate, "PAST_REF", "", "units-ago"},
		{"He has not spoken to her for several years.", "2000-04-14", "several years", TypeDuration, "PXY", "", "duration"},
	})
}

func TestSecondDayOfMonth(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"NATO meets in Washington on April 24 and 25. The accession follows.", "1999-02-10", "25", TypeDate, "1999-04-25", "", "month-second-day"},
		{"The talks are set for May 3 or 4 in Geneva.", "1999-02-10", "4", TypeDate, "1999-05-04", "", "month-second-day"},
		// a quantity, not a day
		{"On April 24 and 25 troops arrived.", "1999-02-10", "April 24", TypeDate, "1998-04-24", "", ""},
	})
	if got := Resolve("On April 24 and 25 troops arrived.", Day(1999, 2, 10)); len(got) != 1 {
		t.Errorf("'25 troops' read as a day: %v", texts(got))
	}
}

func TestFormerlyIsNotADate(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Robert Angelo, formerly senior vice president, joined the group.", "1989-11-01", "", "", "", "", ""},
	})
}
