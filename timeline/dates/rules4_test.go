package dates

import "testing"

// Rules added in the fourth round of raising TempEval-3 value F1 (issue 3);
// one table per rule, from invented sentences.

func TestYearEarlierAfterLongerPeriod(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// after "the nine months" the comparison is with those months a
		// year before, so at year precision, not the quarter
		{"Third-quarter profit rose 5%. For the nine months, net fell 2% from a year earlier.",
			"2025-10-28", "a year earlier", TypeDate, "2024", "", "year-earlier"},
		{"Third-quarter profit rose 5%. In the first six months, it earned $4 million, compared with year-earlier net of $3 million.",
			"2025-10-28", "year-earlier", TypeDate, "2024", "", "year-earlier"},
		{"Third-quarter profit rose 5%. For the nine months, sales rose. The year-earlier period included a gain.",
			"2025-10-28", "The year-earlier period", TypeDuration, "P9M", "", "year-earlier-period"},
		{"Third-quarter profit rose 5%. For the nine months, sales rose. Net for the year-earlier nine months included a gain.",
			"2025-10-28", "the year-earlier nine months", TypeDuration, "P9M", "", "duration"},
		{"In the first nine months, net was $306 million, compared with a loss in the 2024 period.",
			"2025-10-28", "the 2024 period", TypeDate, "2024", "", "year-period"},
		// a quarter named after the longer period is the text's subject again
		{"For the nine months, sales rose. In the third quarter, net rose 8% from a year earlier.",
			"2025-10-28", "a year earlier", TypeDate, "2024-Q3", "", "year-earlier-quarter"},
		// without a longer period the quarter stands
		{"Third-quarter profit rose 5% from a year earlier.",
			"2025-10-28", "a year earlier", TypeDate, "2024-Q3", "", "year-earlier-quarter"},
	})
}

func TestClockTimeDayNearby(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// the weekday after a conversion to another zone is the time's day
		{"The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.", "2025-08-16", "10:35 a.m.", TypeTime, "2025-08-15T10:35", "", "time-day"},
		// a comma between the time and its date
		{"The offer runs until 5 p.m. EST, Nov. 6.", "2025-10-30", "5 p.m. EST, Nov. 6", TypeTime, "2025-11-06T17:00", "", "time-day"},
		// the day in a parenthesis restating the time
		{"He will leave at 4 in the morning (4 a.m. EDT Thursday), officials said.", "2025-04-09", "4 in the morning", TypeTime, "2025-04-10T04:00", "", "time-day"},
		{"He will leave at 4 in the morning (4 a.m. EDT Thursday), officials said.", "2025-04-09", "4 a.m. EDT Thursday", TypeTime, "2025-04-10T04:00", "", "time-day"},
	})
}

func TestClockPartOfDay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The train leaves at 4 in the morning.", "2025-04-09", "4 in the morning", TypeTime, "2025-04-09T04:00", "", "time-of-day"},
		{"They met at 8 in the evening.", "2025-04-09", "8 in the evening", TypeTime, "2025-04-09T20:00", "", "time-of-day"},
		{"Talks resumed at 3 in the afternoon.", "2025-04-09", "3 in the afternoon", TypeTime, "2025-04-09T15:00", "", "time-of-day"},
		// a count of things is no time
		{"He scored 4 in the morning session.", "2025-04-09", "", "", "", "", ""},
	})
}

func TestClockConversionNotRepeated(t *testing.T) {
	// the time in another zone in parentheses is the same time said again
	text := "The blast occurred at 10:35 a.m. (0735 GMT) Friday."
	for _, e := range Resolve(text, Day(2025, 8, 16)) {
		if e.Text == "0735 GMT" {
			t.Errorf("%q: the conversion is an expression of its own: %+v", text, e)
		}
	}
}

func TestTheYearUnderWay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"For the year, ticket sales were flat.", "2025-10-28", "the year", TypeDate, "2025", "", "the-year"},
		{"It was the warmest month of the year.", "2025-07-30", "the year", TypeDate, "2025", "", "the-year"},
		{"Shares hit a high for the year in June.", "2025-10-28", "the year", TypeDate, "2025", "", "the-year"},
		// a report in January on the year just ended
		{"For the year, the company earned $4 million.", "2026-01-20", "the year", TypeDate, "2025", "", "the-year"},
		// another year, a period or a title
		{"The year before, sales fell.", "2025-10-28", "", "", "", "", ""},
		{"Sales for the year ended June 30 fell.", "2025-10-28", "the year", TypeDuration, "P1Y", "", "year-ended"},
		{"She was named Person of the Year.", "2025-10-28", "", "", "", "", ""},
		{"In the year-earlier quarter, it lost money.", "2025-10-28", "the year-earlier quarter", TypeDate, "2024-Q3", "", ""},
	})
}

func TestQuarterFraction(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The country imports about three-quarters of its food.", "2025-08-15", "", "", "", "", ""},
		{"The fund holds more than a quarter of the market.", "2025-08-15", "", "", "", "", ""},
		{"One quarter of all voters stayed home.", "2025-08-15", "", "", "", "", ""},
		// spans of quarters stay
		{"It turned a profit after several quarters of losses.", "2025-08-15", "several quarters", TypeDuration, "PXQ", "", "duration"},
		{"Losses will last through the first two quarters of 2026.", "2025-08-15", "the first two quarters of 2026", TypeDate, "2026-H1", "", "part-of-year"},
		{"Losses will last through the first two quarters.", "2025-08-15", "the first two quarters", TypeDuration, "P2Q", "", ""},
	})
}

func TestTheYearWordsOutsideLexicon(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Prices rose throughout the year, but wages did not.", "2025-10-28", "the year", TypeDate, "2025", "", "the-year"},
		{"Prices rose during the year because demand grew.", "2025-10-28", "the year", TypeDate, "2025", "", "the-year"},
		{"The convoy left at 5 in the morning with the wounded.", "2025-04-09", "5 in the morning", TypeTime, "2025-04-09T05:00", "", "time-of-day"},
	})
}

func TestDayOfNamedDate(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The day before last Tuesday's hearing, he flew to Miami.", "2025-02-24", "The day before last Tuesday", TypeDate, "2025-02-17", "", "day-before-after"},
		{"They left the day after Christmas.", "2025-01-10", "the day after Christmas", TypeDate, "2024-12-26", "", "day-before-after"},
		{"The case will be heard the week of March 6.", "2025-02-24", "the week of March 6", TypeDate, "2025-W10", "", "week-of"},
		// "the previous Friday" is the Friday before the day the text reports
		{"Stocks fell Friday. The index closed down 4.5% from the previous Friday.", "2025-10-27", "the previous Friday", TypeDate, "2025-10-17", "", "discourse-weekday"},
		{"The strike began March 3, 2025. The following Monday, talks resumed.", "2025-06-01", "The following Monday", TypeDate, "2025-03-10", "", "discourse-weekday"},
		// with no day named, from publication
		{"Prices were down from the previous Friday.", "2025-10-27", "the previous Friday", TypeDate, "2025-10-24", "", "last-weekday"},
		// "the day before" with no date is not fixed by this rule
		{"He had arrived the day before.", "2025-10-27", "", "", "", "", ""},
	})
}

func TestSentenceEndsAfterNumber(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// the past verb of the next sentence is not the date's tense
		{"The case will be heard on March 6. They left in a hurry.", "2025-10-30", "March 6", TypeDate, "2026-03-06", "", ""},
	})
}

func TestEffectiveDate(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The board named a new chairman, effective Feb. 1.", "2025-10-30", "Feb. 1", TypeDate, "2026-02-01", "", ""},
		{"Workers ratified the pact, effective June 1.", "2025-10-30", "June 1", TypeDate, "2026-06-01", "", ""},
	})
}

func TestIrregularParticipleBeforeDate(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The index is near its record high set on Aug. 6.", "2026-02-06", "Aug. 6", TypeDate, "2025-08-06", "", "month-day-yearless-past"},
		// a plan is not a participle
		{"The vote is set for Aug. 6.", "2026-02-06", "Aug. 6", TypeDate, "2026-08-06", "", ""},
	})
}

func TestFiscalQuarterStartsItsOwnReport(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// a third-quarter report, then another company's fiscal second quarter
		{"Acme's third-quarter profit fell. Bolt Corp. posted net income for the fiscal second quarter of $8 million. The latest period included a gain.",
			"2025-10-28", "The latest period", TypeDate, "2025-Q2", "", "discourse-quarter"},
	})
}

func TestCurrentFiscalYearAndThenCurrent(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It expects sales in the current fiscal year to rise.", "2025-10-28", "the current fiscal year", TypeDate, "2025", "", "this-unit"},
		{"Holders may buy shares at half the then current market price.", "2025-10-28", "then current", TypeDate, "PAST_REF", "", "past-ref"},
		{"Current market conditions are tough.", "2025-10-28", "Current", TypeDate, "PRESENT_REF", "", "present-ref"},
	})
}

func TestLastYearFigureInQuarterlyReport(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// a figure compared with last year in a third-quarter report is
		// last year's third quarter
		{"Third-quarter net fell 8%. The unit lost $7 million, compared with earnings of $6 million last year.",
			"2025-10-28", "last year", TypeDate, "2024-Q3", "", "year-earlier-quarter"},
		{"Fourth-quarter earnings fell. Sales were $1.76 billion, a 13% increase from last year's $1.55 billion.",
			"2025-10-28", "last year", TypeDate, "2024-Q4", "", "year-earlier-quarter"},
		// a year compared with a year, or a reported act, stays the year
		{"Third-quarter net fell. Analysts predicted $4 a share for this year, up from last year's $3.27 a share.",
			"2025-10-28", "last year", TypeDate, "2024", "", "last-unit"},
		{"Third-quarter net fell. Profit will be lower than the 16 cents a share it reported last year.",
			"2025-10-28", "last year", TypeDate, "2024", "", "last-unit"},
		// after the year ended, the year
		{"Fourth-quarter sales fell. Net for the year ended Aug. 31 was $2 million, down from $9 million last year.",
			"2025-10-28", "last year", TypeDate, "2024", "", "last-unit"},
		// no quarter reported: the year
		{"Revenue was $4 million, up from $3 million last year.", "2025-10-28", "last year", TypeDate, "2024", "", "last-unit"},
	})
}

func TestEndedIsPast(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It had revenue of $980 million in the year ended March 31.", "2025-11-01", "March 31", TypeDate, "2025-03-31", "", "month-day-yearless-past"},
		{"The talks ended Friday without a deal.", "2025-11-05", "Friday", TypeDate, "2025-10-31", "", "weekday-past"},
	})
}

func TestPlanToLooksAhead(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// the weekday inside "plan to ..." is the planned act, even when
		// the plan is denied in the past tense
		{"Officials said they did not plan to remove the boy on Thursday morning.", "2025-03-26", "Thursday morning", TypeDate, "2025-03-27", "", "weekday-future"},
		{"They plan to vote Monday.", "2025-03-26", "Monday", TypeDate, "2025-03-31", "", "weekday-future"},
		// the noun is no plan verb
		{"Under the plan approved Monday, fares rise.", "2025-03-26", "Monday", TypeDate, "2025-03-24", "", ""},
	})
}

func TestNewspaperNamedDaily(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The Communist Party daily Granma compared him with a hero.", "2025-01-28", "", "", "", "", ""},
		{"It was reported by the daily Le Monde.", "2025-01-28", "", "", "", "", ""},
		// the frequency stays
		{"Protesters gather daily outside the house.", "2025-01-28", "daily", TypeSet, "P1D", "", "set-adverb"},
		{"Rallies are held almost daily.", "2025-01-28", "daily", TypeSet, "P1D", "", "set-adverb"},
	})
}

func TestWeekdayPluralPartIsSet(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Two new flights will leave on Monday and Tuesday nights from March 30.", "2025-02-13", "Tuesday nights", TypeSet, "XXXX-WXX-2TNI", "", "set-weekday-part"},
		{"Two new flights will leave on Monday and Tuesday nights from March 30.", "2025-02-13", "Monday", TypeSet, "XXXX-WXX-1TNI", "", "set-weekday-part"},
		{"The show airs Sunday evenings.", "2025-02-13", "Sunday evenings", TypeSet, "XXXX-WXX-7TEV", "", "set-weekday-part"},
		// one night stays a date
		{"They met Monday and Tuesday.", "2025-02-13", "Monday", TypeDate, "2025-02-10", "", ""},
	})
}

func TestThisQuartersResultsInReport(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It reported a loss for the third quarter ended Sept. 30. This quarter's loss includes charges of $4 million.",
			"2025-11-03", "This quarter", TypeDate, "2025-Q3", "", "discourse-quarter"},
		// a forecast is about the quarter under way
		{"It reported a loss for the third quarter. This quarter's sales will suffer from the strike.",
			"2025-11-03", "This quarter", TypeDate, "2025-Q4", "", "this-unit"},
		{"Sales this quarter are strong.", "2025-11-03", "this quarter", TypeDate, "2025-Q4", "", "this-unit"},
	})
}

func TestElectionDay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// the Tuesday after the first Monday of November
		{"It will be a theme of the campaign from now to Election Day.", "1998-10-26", "Election Day", TypeDate, "1998-11-03", "", "holiday"},
		{"Voters go to the polls on Election Day.", "2025-10-01", "Election Day", TypeDate, "2025-11-04", "", "holiday"},
		{"Turnout was high on Election Day.", "2026-11-20", "Election Day", TypeDate, "2026-11-03", "", "holiday"},
		// November 1 a Tuesday: the Tuesday after the first Monday is the 8th
		{"Polls open on Election Day.", "2022-10-20", "Election Day", TypeDate, "2022-11-08", "", "holiday"},
	})
}

func TestVagueLengths(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"They will have to live without power for a while.", "2025-01-11", "a while", TypeDuration, "PXX", "", "units"},
		{"Troops could stay in the region for some time.", "2025-01-11", "some time", TypeDuration, "PXX", "", "units"},
		{"Sales surged for the first time in years.", "2025-01-11", "years", TypeDuration, "PXY", "", "units"},
		{"The appeal could take as long as a month or two.", "2025-01-11", "a month", TypeDuration, "P1M", "", "duration"},
		{"Then, a week or so ago, the general picked a date.", "2025-02-25", "a week or so ago", TypeDate, "2025-W08", "APPROX", "units-ago"},
		// not lengths: "in years of drought", "$5 a month", "at some time"
		{"The lake was dry in years of drought.", "2025-01-11", "", "", "", "", ""},
		{"It costs $5 a month.", "2025-01-11", "", "", "", "", ""},
	})
}

func TestSeasonAfterInto(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"It was hard to meet demand well into the summer.", "2025-10-20", "summer", TypeDate, "2025-SU", "", ""},
		{"Heating costs stayed high throughout the winter.", "2025-03-20", "winter", TypeDate, "2024-WI", "", ""},
		{"The country slid into the fall of its government.", "2025-10-20", "", "", "", "", ""},
	})
}

func TestLastYearFigureWithoutComparison(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// a figure stated, not compared: the year's
		{"Third-quarter net fell 8%. The unit had revenue of $4 billion last year.",
			"2025-10-28", "last year", TypeDate, "2024", "", "last-unit"},
		{"Third-quarter net fell 8%. Sales were down from $21.4 million last year.",
			"2025-10-28", "last year", TypeDate, "2024-Q3", "", "year-earlier-quarter"},
	})
}

func TestPluralWeekdayIsSet(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The museum is closed on Mondays.", "2025-08-14", "Mondays", TypeSet, "XXXX-WXX-1", "", "set-weekday"},
		{"Talks are held on Sundays.", "2025-08-14", "Sundays", TypeSet, "XXXX-WXX-7", "", "set-weekday"},
	})
}
