package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how finely a calendar value pins down time.
// Smaller values are finer.
type Precision int

// The precisions of calendar values, finest first.
const (
	PrecisionNone Precision = iota
	PrecisionTime
	PrecisionDay
	PrecisionWeek
	PrecisionMonth
	PrecisionSeason
	PrecisionQuarter
	PrecisionHalf
	PrecisionYear
	PrecisionDecade
	PrecisionCentury
)

var precisionNames = [...]string{"", "time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century"}

// String returns the lower-case name of the precision ("day", "month", ...).
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "precision(" + strconv.Itoa(int(p)) + ")"
}

// Span is the stretch of calendar time a TIMEX3 value denotes:
// days from Start (inclusive) to End (exclusive), both at midnight UTC.
type Span struct {
	Start, End time.Time
	Precision  Precision
}

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool {
	return !o.Start.Before(s.Start) && !o.End.After(s.End)
}

// Overlaps reports whether s and o share any day.
func (s Span) Overlaps(o Span) bool {
	return s.Start.Before(o.End) && o.Start.Before(s.End)
}

// Day returns midnight UTC of the given calendar day.
func Day(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// ParseSpan returns the calendar span of a TIMEX3 date or time value:
// 2025-08-15, 2025-08-15T19:00, 2025-W33, 2025-08, 2025-SU, 2025-Q3,
// 2025-H1, 2025, 199 (decade), 19 (century). Values that are not on the
// calendar (durations, sets, PRESENT_REF, values with X) return ok=false.
func ParseSpan(value string) (span Span, ok bool) {
	v := value
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
		start, ok := parseDay(v)
		if !ok {
			return Span{}, false
		}
		return Span{start, start.AddDate(0, 0, 1), PrecisionTime}, true
	}
	switch {
	case len(v) == 10:
		start, ok := parseDay(v)
		if !ok {
			return Span{}, false
		}
		return Span{start, start.AddDate(0, 0, 1), PrecisionDay}, true
	case len(v) == 8 && v[5] == 'W':
		y, ok1 := atoi(v[:4])
		w, ok2 := atoi(v[6:])
		if !ok1 || !ok2 || v[4] != '-' || w < 1 || w > 53 {
			return Span{}, false
		}
		start := isoWeekStart(y, w)
		return Span{start, start.AddDate(0, 0, 7), PrecisionWeek}, true
	case len(v) == 7 && v[4] == '-':
		y, ok := atoi(v[:4])
		if !ok {
			return Span{}, false
		}
		switch v[5:] {
		case "SP":
			return Span{Day(y, 3, 1), Day(y, 6, 1), PrecisionSeason}, true
		case "SU":
			return Span{Day(y, 6, 1), Day(y, 9, 1), PrecisionSeason}, true
		case "FA":
			return Span{Day(y, 9, 1), Day(y, 12, 1), PrecisionSeason}, true
		case "WI":
			return Span{Day(y, 12, 1), Day(y+1, 3, 1), PrecisionSeason}, true
		case "Q1", "Q2", "Q3", "Q4":
			q := int(v[6] - '0')
			start := Day(y, time.Month(3*q-2), 1)
			return Span{start, start.AddDate(0, 3, 0), PrecisionQuarter}, true
		case "H1", "H2":
			h := int(v[6] - '0')
			start := Day(y, time.Month(6*h-5), 1)
			return Span{start, start.AddDate(0, 6, 0), PrecisionHalf}, true
		}
		m, ok := atoi(v[5:])
		if !ok || m < 1 || m > 12 {
			return Span{}, false
		}
		start := Day(y, time.Month(m), 1)
		return Span{start, start.AddDate(0, 1, 0), PrecisionMonth}, true
	case len(v) == 4:
		y, ok := atoi(v)
		if !ok {
			return Span{}, false
		}
		return Span{Day(y, 1, 1), Day(y+1, 1, 1), PrecisionYear}, true
	case len(v) == 3:
		d, ok := atoi(v)
		if !ok {
			return Span{}, false
		}
		return Span{Day(d*10, 1, 1), Day(d*10+10, 1, 1), PrecisionDecade}, true
	case len(v) == 2:
		c, ok := atoi(v)
		if !ok {
			return Span{}, false
		}
		return Span{Day(c*100, 1, 1), Day(c*100+100, 1, 1), PrecisionCentury}, true
	}
	return Span{}, false
}

func parseDay(v string) (time.Time, bool) {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return time.Time{}, false
	}
	y, ok1 := atoi(v[:4])
	m, ok2 := atoi(v[5:7])
	d, ok3 := atoi(v[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := Day(y, time.Month(m), d)
	if t.Day() != d { // 2025-02-30 is not a day
		return time.Time{}, false
	}
	return t, true
}

// atoi parses a string of ASCII digits only (no sign, no spaces).
func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := Day(y, 1, 4)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w-1))
}

// DayValue formats t as a TIMEX3 day value (2025-08-15).
func DayValue(t time.Time) string { return t.Format("2006-01-02") }

// WeekValue formats the ISO week containing t as a TIMEX3 week value (2025-W33).
func WeekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// weekdaySetValue is the TIMEX3 set value of every such weekday
// (XXXX-WXX-1 for Mondays, 7 for Sundays), wd counted from Sunday = 0
// as time.Weekday counts.
func weekdaySetValue(wd int) string { return "XXXX-WXX-" + strconv.Itoa((wd+6)%7+1) }

// MonthValue formats the month containing t as a TIMEX3 month value (2025-08).
func MonthValue(t time.Time) string { return t.Format("2006-01") }

// Display renders a TIMEX3 value for a reader at its own precision:
// "Fri 15 Aug 2025", "Fri 15 Aug 2025, 19:00", "week 33, 2025",
// "Aug 2025", "summer 2025", "Q3 2025", "first half of 2025", "2021",
// "1990s". A mod adds "early", "mid", "late", "about", "before" or
// "after". Values that are not on the calendar are returned as given.
func Display(value, mod string) string {
	s := display(value)
	switch mod {
	case "START":
		return "early " + s
	case "MID":
		return "mid " + s
	case "END":
		return "late " + s
	case "APPROX":
		return "about " + s
	case "BEFORE":
		return "before " + s
	case "AFTER":
		return "after " + s
	}
	return s
}

func display(value string) string {
	span, ok := ParseSpan(value)
	if !ok {
		return value
	}
	y := span.Start.Year()
	switch span.Precision {
	case PrecisionTime:
		t := value[strings.IndexByte(value, 'T')+1:]
		return span.Start.Format("Mon 2 Jan 2006") + ", " + t
	case PrecisionDay:
		return span.Start.Format("Mon 2 Jan 2006")
	case PrecisionWeek:
		_, w := span.Start.ISOWeek()
		return fmt.Sprintf("week %d, %d", w, y)
	case PrecisionMonth:
		return span.Start.Format("Jan 2006")
	case PrecisionSeason:
		return map[time.Month]string{3: "spring", 6: "summer", 9: "autumn", 12: "winter"}[span.Start.Month()] + " " + strconv.Itoa(y)
	case PrecisionQuarter:
		return fmt.Sprintf("Q%d %d", (int(span.Start.Month())+2)/3, y)
	case PrecisionHalf:
		if span.Start.Month() == 1 {
			return fmt.Sprintf("first half of %d", y)
		}
		return fmt.Sprintf("second half of %d", y)
	case PrecisionYear:
		return strconv.Itoa(y)
	case PrecisionDecade:
		return strconv.Itoa(y) + "s"
	case PrecisionCentury:
		return fmt.Sprintf("%ds", y)
	}
	return value
}
