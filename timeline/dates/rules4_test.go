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
