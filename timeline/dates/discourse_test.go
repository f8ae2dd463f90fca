package dates

import "testing"

// The discourse reference time: anaphoric expressions take the last date
// the text named, not the publication date.
func TestDiscourseReference(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"He fled to Florida in June 1998 and returned later that year.", "2000-01-28", "later that year", TypeDate, "1998", "END", "discourse-unit"},
		{"In 1995 he was made a general, and the following year he was posted to Paris.", "1998-04-18", "the following year", TypeDate, "1996", "", "discourse-unit"},
		{"The bid was made in March 1989. The following month, the company put itself up for sale.", "1989-11-02", "The following month", TypeDate, "1989-04", "", "discourse-unit"},
		{"He was shot on Oct. 23, 1998. Earlier that day, the family sent a fax.", "1999-10-24", "Earlier that day", TypeDate, "1998-10-23", "START", "discourse-unit"},
		{"He appeared in court on Feb. 22, 2000, and again the next morning.", "2000-02-24", "the next morning", TypeDate, "2000-02-23", "", "discourse-unit"},
		{"Imports reached $1.5 billion in 1988, and exports fell that same year.", "1989-10-26", "that same year", TypeDate, "1988", "", "discourse-unit"},
		{"The offer was filed on May 3, 1999; the previous day, shares jumped.", "1999-06-01", "the previous day", TypeDate, "1999-05-02", "", "discourse-unit"},
		// a day reference is too coarse for a year-precision date: the anchor counts
		{"It began in 1995; the next day nobody came.", "1998-04-18", "the next day", TypeDate, "1998-04-19", "", "next-day"},
		// nothing to refer to: "that year" is left alone
		{"Sales rose that year.", "1998-04-18", "", "", "", "", ""},
	})
}

func TestThatQuarter(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Profit rose in the second quarter. Results for that quarter included a charge.", "1989-11-02", "that quarter", TypeDate, "1989-Q2", "", "discourse-unit"},
	})
}

// Years written out in words, as broadcast transcripts do.
func TestSpelledYears(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Atlanta, nineteen ninety-six. A bomb blast shocks the games.", "1998-02-27", "nineteen ninety-six", TypeDate, "1996", "", "year-words"},
		{"In nineteen ninety one Keating was convicted.", "1998-01-15", "nineteen ninety one", TypeDate, "1991", "", "year-words"},
		{"The approach of the year two thousand worries them.", "1998-03-03", "the year two thousand", TypeDate, "2000", "", "year-words"},
		{"One person is killed. January nineteen ninety-seven. Atlanta again.", "1998-02-27", "January nineteen ninety-seven", TypeDate, "1997-01", "", "month-year"},
		{"Prices fell to levels we saw in the winter of nineteen ninety-four.", "1998-02-23", "winter of nineteen ninety-four", TypeDate, "1994-WI", "", "season-year"},
		{"That was in nineteen hundred.", "1998-02-23", "nineteen hundred", TypeDate, "1900", "", "year-words"},
		// counts, not years
		{"They sent two thousand troops.", "1998-02-23", "", "", "", "", ""},
		{"He paid nineteen twenty-dollar bills.", "1998-02-23", "", "", "", "", ""},
	})
}

// Tense cues added with the discourse rules.
func TestSinceAndSupposedTo(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The carrier has been on patrol since March and was scheduled to return.", "1990-08-13", "March", TypeDate, "1990-03", "", "month-past"},
		{"The talks are supposed to conclude by May, officials said.", "1998-03-22", "May", TypeDate, "1998-05", "", "month-future"},
		// a future-tense date a day before publication is a deadline just passed
		{"The agency will repatriate the child by Jan. 14.", "2000-01-15", "Jan. 14", TypeDate, "2000-01-14", "", "month-day-yearless-future"},
		{"The summit will be held on Jan. 14.", "2000-08-15", "Jan. 14", TypeDate, "2001-01-14", "", "month-day-yearless-future"},
	})
}

// Halves and spelled-out counts.
func TestHalvesAndSpelledCounts(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Earnings for the last half of 1989 will fall.", "1989-11-02", "the last half of 1989", TypeDate, "1989-H2", "", "half"},
		{"In the last twenty four hours, stocks fell.", "1998-01-08", "the last twenty four hours", TypeDuration, "PT24H", "", "duration"},
		{"But a minute and a half later, a pilot called.", "1998-01-14", "a minute and a half", TypeDuration, "PT1M30S", "", "duration"},
		{"He ruled for two years and a half.", "1998-01-14", "two years and a half", TypeDuration, "P2Y6M", "", "duration"},
	})
}
