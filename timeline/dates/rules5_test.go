package dates

import "testing"

// Rules added in the fifth round of raising TempEval-3 figures (issue 3);
// one table per rule, from invented sentences.

func TestVagueFutureTerms(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The board sees no relief in the near term.", "2025-06-02", "the near term", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"Prices may fall in the short term, analysts said.", "2025-06-02", "the short term", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"Over the long term, the plan pays for itself.", "2025-06-02", "the long term", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"The fund looks to the longer term.", "2025-06-02", "the longer term", TypeDate, "FUTURE_REF", "", "future-ref"},
		{"The shares will be sold at a later date.", "2025-06-02", "a later date", TypeDate, "FUTURE_REF", "", "future-ref"},
		// adjectives are not time expressions
		{"The near-term outlook is weak.", "2025-06-02", "", "", "", "", ""},
		{"It repaid the long-term debt.", "2025-06-02", "", "", "", "", ""},
	})
}

func TestHighNoonIdiom(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"For the party, high noon comes at the vote.", "2025-06-02", "", "", "", "", ""},
		{"The vote is at noon.", "2025-06-02", "noon", TypeTime, "2025-06-02T12:00", "", "time-of-day"},
	})
}

func TestUnitLong(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The union ended its day-long strike.", "2025-06-02", "day-long", TypeDuration, "P1D", "", "unit-long"},
		{"She began a weeklong tour of the region.", "2025-06-02", "weeklong", TypeDuration, "P1W", "", "unit-long"},
		{"A yearlong inquiry followed.", "2025-06-02", "yearlong", TypeDuration, "P1Y", "", "unit-long"},
		{"The decades-long feud is over.", "2025-06-02", "decades-long", TypeDuration, "PXDE", "", "unit-long"},
		{"After a months-long search, the boat was found.", "2025-06-02", "months-long", TypeDuration, "PXM", "", "unit-long"},
		// with a count the duration rule has it already
		{"They held a three-day-long summit.", "2025-06-02", "three-day-long", TypeDuration, "P3D", "", "duration"},
	})
}

func TestYearModifiers(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Families were split by post-1975 politics.", "2025-06-02", "post-1975", TypeDate, "1975", "AFTER", "year"},
		{"Output is back to pre-1990s levels.", "2025-06-02", "pre-1990s", TypeDate, "199", "BEFORE", "decade"},
		{"The mine will not reopen until 2028 or later.", "2025-06-02", "2028 or later", TypeDate, "2028", "ON_OR_AFTER", "year"},
		{"It gave forecasts for 2026 and beyond.", "2025-06-02", "2026 and beyond", TypeDate, "2026", "ON_OR_AFTER", "year"},
		{"The files date from 1985 or earlier.", "2025-06-02", "1985 or earlier", TypeDate, "1985", "ON_OR_BEFORE", "year"},
		// the word after "or" begins the next phrase
		{"Compare 2024 or later models.", "2025-06-02", "2024", TypeDate, "2024", "", "year"},
		// "post-war" is no year
		{"The post-war order was built.", "2025-06-02", "", "", "", "", ""},
	})
}

func TestPartOfYear(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Weak demand should last through the first two quarters of 2026.", "2025-10-20", "the first two quarters of 2026", TypeDate, "2026-H1", "", "part-of-year"},
		{"Sales slowed in the last six months of 2024.", "2025-10-20", "the last six months of 2024", TypeDate, "2024-H2", "", "part-of-year"},
		{"Prices rose in the first three months of 2025.", "2025-10-20", "the first three months of 2025", TypeDate, "2025-Q1", "", "part-of-year"},
		// nine months is no named part of the year: a duration, and the year
		{"Profit rose in the first nine months of 2025.", "2025-10-20", "the first nine months", TypeDuration, "P9M", "", "duration"},
	})
}

func TestYearInName(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"He set up a venture called Orion 2010, making satellite parts.", "2025-06-02", "", "", "", "", ""},
		{"The office still runs Windows 2000.", "2025-06-02", "", "", "", "", ""},
		// a year before a noun, after a function word or a month, or
		// beginning a sentence stays a year
		{"It repealed the Reagan 1981 tax cut.", "2025-06-02", "1981", TypeDate, "1981", "", "year"},
		{"Since 1993, three clinics have closed.", "2025-06-02", "1993", TypeDate, "1993", "", "year"},
		{"The bridge opened in Easter 1916.", "2025-06-02", "Easter 1916", TypeDate, "1916-04-23", "", "holiday"},
		{"Clinton won the election in November 1996.", "2025-06-02", "November 1996", TypeDate, "1996-11", "", ""},
	})
}

func TestClockTimeOnToldDay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// a past-tense story about an earlier day: the clock time is that day's
		{"The fire broke out on Tuesday in the old mill. Firefighters arrived at 10 p.m. and fought it all night.",
			"2025-03-14", "10 p.m.", TypeTime, "2025-03-11T22:00", "", "time-of-day"},
		{"The doctor was shot on Oct. 23 at his home. He died at 11:40 p.m. in hospital.",
			"2025-11-02", "11:40 p.m.", TypeTime, "2025-10-23T23:40", "", "time-of-day"},
		// the day named too far back (two sentences, or another paragraph) does not carry over
		{"The fire broke out on Tuesday. It spread fast. Firefighters arrived at 10 p.m.",
			"2025-03-14", "10 p.m.", TypeTime, "2025-03-14T22:00", "", "time-of-day"},
		{"The fire broke out on Tuesday.\n\nFirefighters arrived at 10 p.m.",
			"2025-03-14", "10 p.m.", TypeTime, "2025-03-14T22:00", "", "time-of-day"},
		// not in the past tense: a time of the publication day, as before
		{"The fire broke out on Tuesday. Talks resume at 10 p.m.",
			"2025-03-14", "10 p.m.", TypeTime, "2025-03-14T22:00", "", "time-of-day"},
		// abbreviations are no sentence ends
		{"Mr. Ruiz left on Oct. 2. Mr. Ruiz landed at 6 a.m. in Lima.",
			"2025-10-10", "6 a.m.", TypeTime, "2025-10-02T06:00", "", "time-of-day"},
	})
}

func TestLaterInTheToldDay(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"On Tuesday she flew to Dar es Salaam, and later in the day to Nairobi.",
			"2025-03-14", "later in the day", TypeDate, "2025-03-11", "END", "discourse-unit"},
		{"Bombs went off on Friday in two cities. Police made arrests earlier in the day.",
			"2025-08-09", "earlier in the day", TypeDate, "2025-08-08", "START", "discourse-unit"},
		// with no day named just before, the publication day
		{"The market rose later in the day.", "2025-03-14", "later in the day", TypeDate, "2025-03-14", "END", "this-unit"},
	})
}

func TestPartOfDayModified(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"By mid afternoon, the rebels had withdrawn.", "2025-03-14", "mid afternoon", TypeTime, "2025-03-14TAF", "MID", "part-of-day"},
		{"Shares were up 2% at mid-afternoon yesterday.", "2025-03-14", "mid-afternoon yesterday", TypeTime, "2025-03-13TAF", "MID", "part-of-day"},
		{"The raid began in the early morning.", "2025-03-14", "the early morning", TypeTime, "2025-03-14TMO", "START", "part-of-day"},
		{"Talks ended late afternoon Tuesday.", "2025-03-14", "late afternoon Tuesday", TypeTime, "2025-03-11TAF", "END", "part-of-day"},
		// "late-night" before a noun is an adjective
		{"He hosts a late-night show.", "2025-03-14", "", "", "", "", ""},
	})
}

func TestFiscalQuarterPhrase(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Profit rose 8% in the fiscal first quarter.", "2025-11-02", "the fiscal first quarter", TypeDate, "2025-Q1", "", "quarter"},
		{"It earned $4 million for the fiscal-second quarter.", "2025-11-02", "the fiscal-second quarter", TypeDate, "2025-Q2", "", "quarter"},
	})
}

func TestTheUnitsStretch(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Over the years, the town lost its mills.", "2025-06-02", "the years", TypeDuration, "PXY", "", "the-units"},
		{"In the years that followed, the rebels took the hills.", "2025-06-02", "the years", TypeDuration, "PXY", "", "the-units"},
		{"Funds may have to sell bonds in the weeks ahead.", "2025-06-02", "the weeks ahead", TypeDuration, "PXW", "", "the-units"},
		// a time before or after an event is not a length
		{"His car was seen in the days before the shooting.", "2025-06-02", "", "", "", "", ""},
		{"She spoke in the months after the war.", "2025-06-02", "", "", "", "", ""},
	})
}

func TestCoupleAfterSpanWord(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Over the next couple of years, sales should double.", "2025-06-02", "the next couple of years", TypeDuration, "P2Y", "", "duration"},
		{"Prices fell over the past couple of weeks.", "2025-06-02", "the past couple of weeks", TypeDuration, "P2W", "", "duration"},
	})
}

func TestNthDayOf(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Today is the eighth day of the blockade.", "2025-03-14", "the eighth day", TypeDate, "2025-03-14", "", "nth-day-of"},
		{"It's the second day of the strike at the port.", "2025-03-14", "the second day", TypeDate, "2025-03-14", "", "nth-day-of"},
		{"Tuesday was the third day of talks.", "2025-03-14", "the third day", TypeDate, "2025-03-11", "", "nth-day-of"},
		// with no present tense and no day just before, nothing to anchor on
		{"It was the third day of talks.", "2025-03-14", "", "", "", "", ""},
	})
}

func TestAdditionalUnits(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The loan may be extended for an additional year.", "2025-03-14", "an additional year", TypeDuration, "P1Y", "", "duration"},
		{"The strike lasted two extra weeks.", "2025-03-14", "two extra weeks", TypeDuration, "P2W", "", "duration"},
	})
}

func TestEaster(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Pilgrims filled the square as Easter week began.", "2025-04-14", "Easter week", TypeDate, "2025-W16", "", "holiday"},
		{"The shops will close on Easter Sunday.", "2025-04-14", "Easter Sunday", TypeDate, "2025-04-20", "", "holiday"},
		{"He was arrested on Good Friday.", "2025-05-02", "Good Friday", TypeDate, "2025-04-18", "", "holiday"},
		{"The rebels rose on Easter Monday, 1916.", "2025-05-02", "Easter Monday, 1916", TypeDate, "1916-04-24", "", "holiday"},
		{"In 2027, the feast falls late; Easter 2027 is on March 28.", "2025-05-02", "Easter 2027", TypeDate, "2027-03-28", "", "holiday"},
		// names, not days
		{"The Good Friday Agreement still holds.", "2025-05-02", "", "", "", "", ""},
		{"They sailed on to Easter Island.", "2025-05-02", "", "", "", "", ""},
		{"The Good Friday accord was signed.", "2025-05-02", "", "", "", "", ""},
	})
}
