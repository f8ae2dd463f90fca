package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date patterns as news pages print publication dates. Each captures
// (month name, day, year) or (year, month, day) or (day, month name, year).
const (
	monthName = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekday   = `(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`
	mdy       = weekday + monthName + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`
	dmy       = weekday + `(\d{1,2})(?:st|nd|rd|th)?\s+` + monthName + `,?\s+(\d{4})`
	iso       = `(\d{4})-(\d{2})-(\d{2})`
	// Anything that may follow a date on its line: a time, a zone, a separator.
	timeTail = `(?:\s*(?:[|,·•–—-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5}|[+-]\d{2}:?\d{2}|utc[+-]\d+)?)?\s*$`
	// Words that may stand before a date on its line.
	datePrefix = `^(?:(?:published|posted|updated|last updated|first published|date|dated|on)\s*(?:on|at)?\s*:?\s*)?`
)

var (
	dateLineMDY = regexp.MustCompile(datePrefix + mdy + timeTail)
	dateLineDMY = regexp.MustCompile(datePrefix + dmy + timeTail)
	dateLineISO = regexp.MustCompile(datePrefix + iso + `(?:t\d{2}:\d{2}\S*)?` + timeTail)

	// A dateline opens the first paragraph: "WASHINGTON, Aug. 15, 2025 (Reuters) —",
	// "KYIV, Ukraine, 15 August 2025 –". The place is in capitals.
	datelineStart = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]+(?:,\s*[\p{L} .]+?)?,\s+`)
	datelineMDY   = regexp.MustCompile(`^` + mdy + `\s*(?:\([^)]*\))?\s*[\p{Pd}:]`)
	datelineDMY   = regexp.MustCompile(`^` + dmy + `\s*(?:\([^)]*\))?\s*[\p{Pd}:]`)
)

// dateLine reads a line that is only a publication date ("August 8,
// 2025", "Published: 15 Aug 2025 10:32 GMT", "2025-08-15"). A line that
// says more than a date is not a date line.
func dateLine(line string) (time.Time, bool) {
	n := norm(line)
	if m := dateLineMDY.FindStringSubmatch(n); m != nil {
		return makeDate(m[3], month(m[1]), m[2])
	}
	if m := dateLineDMY.FindStringSubmatch(n); m != nil {
		return makeDate(m[3], month(m[2]), m[1])
	}
	if m := dateLineISO.FindStringSubmatch(n); m != nil {
		mo, _ := strconv.Atoi(m[2])
		return makeDate(m[1], time.Month(mo), m[3])
	}
	return time.Time{}, false
}

// dateline reads the date of a dateline at the start of a paragraph.
// A dateline without a year ("ANCHORAGE, Aug 15 (Reuters) -") or
// without a date ("ANCHORAGE, Alaska —") gives none.
func dateline(para string) (time.Time, bool) {
	loc := datelineStart.FindStringIndex(para)
	if loc == nil {
		return time.Time{}, false
	}
	rest := strings.ToLower(para[loc[1]:])
	if m := datelineMDY.FindStringSubmatch(rest); m != nil {
		return makeDate(m[3], month(m[1]), m[2])
	}
	if m := datelineDMY.FindStringSubmatch(rest); m != nil {
		return makeDate(m[3], month(m[2]), m[1])
	}
	return time.Time{}, false
}

func month(name string) time.Month {
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name[:3]) {
			return m
		}
	}
	return 0
}

// makeDate checks that the parts make a real calendar day.
func makeDate(y string, m time.Month, d string) (time.Time, bool) {
	yi, err1 := strconv.Atoi(y)
	di, err2 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || m < 1 || m > 12 || yi < 1800 || yi > 2999 {
		return time.Time{}, false
	}
	t := time.Date(yi, m, di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di || t.Month() != m {
		return time.Time{}, false
	}
	return t, true
}
