package dates

import (
	"strconv"
	"strings"
	"time"
)

// ---- modifiers: early/mid/late, the end of, about, more than ...

// modOf returns the TIMEX3 modifier a word expresses, or "".
func modOf(w string) string {
	switch w {
	case "early", "earlier":
		return "START"
	case "late", "later":
		return "END"
	case "mid":
		return "MID"
	case "about", "around", "approximately", "roughly", "some":
		return "APPROX"
	case "nearly", "almost":
		return "LESS_THAN"
	}
	return ""
}

// modified matches a modifier and the expression it modifies:
// "early 2022", "mid-1990s", "the end of the month", "about three years".
func (r *resolver) modified(i int) (hit, bool) {
	k := i
	mod := ""
	w := r.w(k)
	switch {
	case w == "the" && (r.w(k+1) == "end" || r.w(k+1) == "beginning" || r.w(k+1) == "start" || r.w(k+1) == "middle") && r.w(k+2) == "of":
		mod = map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[r.w(k+1)]
		k += 3
	case (w == "end" || w == "beginning" || w == "start" || w == "middle") && r.w(k+1) == "of":
		mod = map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[w]
		k += 2
	case w == "more" && r.w(k+1) == "than":
		mod, k = "MORE_THAN", k+2
	case w == "less" && r.w(k+1) == "than":
		mod, k = "LESS_THAN", k+2
	case w == "at" && r.w(k+1) == "least":
		mod, k = "EQUAL_OR_MORE", k+2
	case w == "the" && (r.w(k+1) == "early" || r.w(k+1) == "late" || r.w(k+1) == "mid"):
		mod, k = modOf(r.w(k+1)), k+2
	case modOf(w) != "":
		mod, k = modOf(w), k+1
	case (w == "pre" || w == "post") && r.punct(k+1, '-') && r.adjacent(k+1) && k+2 < len(r.t) && r.t[k+2].k == kNum && r.adjacent(k+2):
		// "post-1959 politics", "pre-1990s levels": after or before a
		// year or decade (the year rule keeps the number after the hyphen)
		mod, k = "AFTER", k+1
		if w == "pre" {
			mod = "BEFORE"
		}
	default:
		return hit{}, false
	}
	if r.punct(k, '-') && r.adjacent(k) {
		k++
	}
	if k >= len(r.t) {
		return hit{}, false
	}
	// "earlier in the year", "later in the day": a part of the current unit
	if (w == "earlier" || w == "later") && r.w(k) == "in" && r.w(k+1) == "the" && r.cls(k+2, cUnit) {
		if u := r.t[k+2].v; u == uDay || u == uWeek || u == uMonth || u == uYear {
			if ref, ok := r.refNearby(r.t[i].s); ok && u == uDay && ref.Before(r.anchor) {
				// "On Tuesday she flew to Dar es Salaam, and later in the
				// day to Nairobi": the day the text is telling
				return hit{end: k + 3, typ: TypeDate, val: DayValue(ref), mod: mod, rule: "discourse-unit", day: ref,
					note: r.refNote(r.text[r.t[i].s:r.t[k+2].e], ref, u)}, true
			}
			return hit{end: k + 3, typ: TypeDate, val: unitValue(u, r.anchor), mod: mod, rule: "this-unit"}, true
		}
	}
	// "mid-afternoon", "by mid afternoon", "in the early morning", "late
	// afternoon Tuesday": a part of the day, the publication day's unless
	// a day follows (or, in a past-tense story, the day just named)
	if (mod == "START" || mod == "MID" || mod == "END") && w != "earlier" && w != "later" && r.cls(k, cPartDay) &&
		!(r.t[k].v == 3 && r.punct(k-1, '-')) { // "late-night television": an adjective
		day, e, rule := r.anchor, k+1, "part-of-day"
		if h, ok := r.date(k + 1); ok && !h.day.IsZero() && (h.rule == "deictic" || strings.HasPrefix(h.rule, "weekday")) {
			day, e = h.day, h.end
		} else if ref, ok := r.refNearby(r.t[i].s); ok && ref.Before(r.anchor) && r.tense(i, e) == TensePast {
			day = ref
		}
		return hit{end: e, typ: TypeTime, val: DayValue(day) + "T" + partCodes[r.t[k].v], mod: mod, rule: rule, day: day}, true
	}
	// "the end of the month": the month the text is in
	if r.w(k) == "the" && r.cls(k+1, cUnit) && (mod == "START" || mod == "END" || mod == "MID") {
		if u := r.t[k+1].v; u == uWeek || u == uMonth || u == uYear || u == uQuarter || u == uDecade || u == uCentury {
			return hit{end: k + 2, typ: TypeDate, val: unitValue(u, r.anchor), mod: mod, rule: "this-unit"}, true
		}
	}
	h, ok := r.date(k)
	if !ok {
		if mod == "START" || mod == "END" || mod == "MID" {
			return hit{}, false
		}
		if h, ok = r.duration(k); !ok || h.typ != TypeDuration {
			return hit{}, false
		}
	}
	if (w == "pre" || w == "post") && h.rule != "year" && h.rule != "decade" {
		return hit{}, false
	}
	if (w == "earlier" || w == "later") && !(h.rule == "this-unit" || h.rule == "deictic" || h.rule == "discourse-unit") {
		return hit{}, false // "earlier" modifies only "this year", "today" ...
	}
	if mod == "APPROX" && !(h.typ == TypeDuration || h.rule == "units-ago" || h.rule == "year") {
		return hit{}, false // "around Wednesday's ruling": a preposition
	}
	if h.typ == TypeDuration && (mod == "START" || mod == "END" || mod == "MID") {
		return hit{}, false
	}
	if h.mod == "" {
		h.mod = mod
	}
	return h, true
}

// ---- dates

// date matches the calendar expressions: months and days, years,
// decades, seasons, weekdays, today/yesterday/tomorrow, this/last/next
// units, units ago, quarters and halves, holidays.
func (r *resolver) date(i int) (hit, bool) {
	if i >= len(r.t) {
		return hit{}, false // "0 am()": a clock time's parenthesis ends the text
	}
	t := &r.t[i]
	switch {
	case t.k == kNum:
		if h, ok := r.numericDate(i); ok {
			return h, true
		}
		if h, ok := r.dayMonth(i); ok {
			return h, true
		}
		if h, ok := r.unitsAgo(i); ok {
			return h, true
		}
		return r.year(i)
	case t.c&(cMonth|cMonAbbr) != 0:
		return r.monthDate(i)
	case t.c&cWeekday != 0:
		return r.weekday(i, 0, i)
	case t.c&cOrd != 0:
		if h, ok := r.dayMonth(i); ok {
			return h, true
		}
		if h, ok := r.century(i); ok {
			return h, true
		}
		return r.quarter(i, i, 0)
	case t.c&cSeason != 0:
		return r.season(i, i, 0)
	}
	switch t.w {
	case "the":
		if h, ok := r.dayOf(i); ok {
			return h, true
		}
		if h, ok := r.anaphoric(i); ok {
			return h, true
		}
		if h, ok := r.yearWords(i); ok {
			return h, true
		}
		if h, ok := r.quarter(i+1, i, 0); ok {
			return h, true
		}
		if r.w(i+1) == "fiscal" {
			// "the fiscal first quarter", "the fiscal-first quarter":
			// one expression (quarter reads the fiscal before start+1)
			k := i + 2
			if r.punct(k, '-') && r.adjacent(k) {
				k++
			}
			if h, ok := r.quarter(k, i, 0); ok {
				return h, true
			}
		}
		if y, ok := r.isYear(i + 1); ok {
			if h, ok := r.quarter(i+2, i, y); ok {
				return h, true
			}
		}
		if r.w(i+1) == "weekend" {
			return r.weekend(i, i+2)
		}
		if r.cls(i+1, cOrd) {
			if h, ok := r.century(i + 1); ok {
				return h, true
			}
		}
		if h, ok := r.spelledDecade(i); ok {
			return h, true
		}
		if string(r.lower(i+1)) == "full" && r.cls(i+2, cUnit) && r.t[i+2].v == uYear {
			// "sales for the full year": the year the report is about
			return hit{end: i + 3, typ: TypeDate, val: yearValue(r.reportYear(i, i+3)), rule: "full-year"}, true
		}
		if r.cls(i+1, cUnit) && r.t[i+1].v == uYear && !r.t[i+1].up && theYearOf[string(r.lower(i-1))] &&
			(i+2 >= len(r.t) || r.t[i+2].k == kPunct && r.t[i+2].ch != '-' && !isQuote(r.text, r.t[i+2]) || afterTheYear[string(r.lower(i+2))]) {
			// "For the year, volume was flat", "a high for the year",
			// "the first nine months of the year": the year under way
			// (or just reported). "the year before", "the year ended
			// March 31", "the year that followed", "Person of the Year"
			// are other years, or a period, or a title.
			return hit{end: i + 2, typ: TypeDate, val: yearValue(r.reportYear(i, i+2)), rule: "the-year"}, true
		}
		if r.w(i+1) == "past" && r.cls(i+2, cUnit) && (r.t[i+2].v == uDecade || r.t[i+2].v == uCentury) {
			// "over the past decade": the ten years up to now, as "the
			// past ten years" is
			v := "P10Y"
			if r.t[i+2].v == uCentury {
				v = "P100Y"
			}
			return hit{end: i + 3, typ: TypeDuration, val: v, rule: "past-unit-span"}, true
		}
		if h, ok := r.decade(i); ok {
			return h, true
		}
		if h, ok := r.relUnit(i); ok {
			return h, true
		}
		return r.discourseQuarter(i)
	case "that":
		return r.anaphoric(i)
	case "today", "tonight", "tomorrow", "yesterday":
		return r.deictic(i)
	case "this", "last", "next", "past", "coming", "previous", "current", "following", "prior":
		if h, ok := r.relUnit(i); ok {
			return h, true
		}
		if r.cls(i+1, cWeekday) {
			return r.weekday(i+1, relDir(t.w), i)
		}
		if r.cls(i+1, cSeason) {
			return r.season(i+1, i, relDir(t.w))
		}
		if r.cls(i+1, cMonth) {
			if h, ok := r.monthDate(i + 1); ok {
				return h.relative(r, relDir(t.w), i)
			}
		}
		if t.w == "this" && r.cls(i+1, cPartDay) {
			return hit{end: i + 2, typ: TypeTime, val: DayValue(r.anchor) + "T" + partCodes[r.t[i+1].v], rule: "this-part-of-day"}, true
		}
		if t.w == "last" && r.w(i+1) == "night" {
			return hit{end: i + 2, typ: TypeTime, val: DayValue(r.anchor.AddDate(0, 0, -1)) + "TNI", rule: "last-night"}, true
		}
	case "fiscal":
		if h, ok := r.year(i + 1); ok && h.rule == "year" {
			h.rule = "fiscal-year"
			if r.w(h.end) == "first" || r.w(h.end) == "second" || r.w(h.end) == "third" || r.w(h.end) == "fourth" {
				y, _ := strconv.Atoi(h.val)
				if q, ok := r.quarter(h.end, i, y); ok {
					return q, true
				}
			}
			return h, true
		}
		if r.w(i+1) == "year" {
			if h, ok := r.year(i + 2); ok && h.rule == "year" {
				h.rule = "fiscal-year"
				return h, true
			}
		}
	case "a", "an", "one", "several", "few", "many":
		return r.unitsAgo(i)
	case "year":
		if r.punct(i+1, '-') && r.adjacent(i+1) && (r.w(i+2) == "earlier" || r.w(i+2) == "ago") {
			return r.yearEarlier(i, i+3)
		}
		return r.yearEnd(i)
	case "christmas", "thanksgiving", "new", "halloween", "valentine", "independence", "labor", "memorial", "election", "easter", "good":
		return r.holiday(i)
	case "mid", "early", "late":
		return hit{}, false
	}
	if t.c&cNum != 0 {
		if h, ok := r.yearWords(i); ok {
			return h, true
		}
		return r.unitsAgo(i)
	}
	return hit{}, false
}

func relDir(w string) int {
	switch w {
	case "last", "past", "previous", "prior":
		return -1
	case "next", "coming", "following":
		return 1
	}
	return 0
}

// relative turns "last April" / "next March" / "this May" into a month
// of a definite year.
func (h hit) relative(r *resolver, dir, start int) (hit, bool) {
	if h.rule != "month-past" && h.rule != "month-future" && h.rule != "month" {
		return hit{}, false
	}
	m, _ := strconv.Atoi(h.val[5:7])
	y := r.anchor.Year()
	switch {
	case dir < 0 && m >= int(r.anchor.Month()):
		y--
	case dir > 0 && m <= int(r.anchor.Month()):
		y++
	}
	h.val = yearValue(y) + h.val[4:]
	h.rule = "relative-month"
	return h, true
}

// yearOf picks the year of a yearless month-day (day > 0) or month
// (day == 0): the occurrence nearest the anchor, unless the tense puts
// it on the other side: a past-tense date more than a few weeks after
// the anchor is last year's, a future-tense one before it next year's.
func (r *resolver) yearOf(month, day int, tense Tense) int {
	a := r.anchor
	y := a.Year()
	if day == 0 {
		am := int(a.Month())
		switch {
		case month-am > 6:
			y--
		case am-month > 6:
			y++
		}
		if tense == TensePast && (y-a.Year())*12+month-am > 1 {
			y--
		}
		if tense == TenseFuture && (y-a.Year())*12+month-am < 0 {
			y++
		}
		return y
	}
	d := Day(y, time.Month(month), day)
	const half = 183 * 24 * time.Hour
	if d.Sub(a) > half {
		y--
	} else if a.Sub(d) > half {
		y++
	}
	d = Day(y, time.Month(month), day)
	if tense == TensePast && d.Sub(a) > 60*24*time.Hour {
		y--
	}
	if tense == TenseFuture && a.Sub(d) > 30*24*time.Hour {
		// a future-tense date a few days back is reported speech or a
		// deadline just passed ("ordered him returned by Jan. 14"), not
		// next year's
		y++
	}
	return y
}

func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= 31 && Day(y, time.Month(m), d).Day() == d
}

// isYear reports whether token k is a plausible year number.
func (r *resolver) isYear(k int) (int, bool) {
	v, ok := r.num(k)
	if !ok || r.digits(k) != 4 || v < 1000 || v > 2999 {
		return 0, false
	}
	return v, true
}

var monthGuard = map[string]bool{"in": true, "since": true, "until": true, "till": true, "by": true, "of": true, "last": true,
	"next": true, "this": true, "early": true, "late": true, "mid": true, "from": true, "through": true, "to": true,
	"during": true, "before": true, "after": true, "end": true, "the": true, "and": true, "or": true, "between": true,
	"for": true, "on": true, "that": true, "each": true, "every": true, "beginning": true, "start": true, "middle": true}

// monthDate matches "August 15, 2025", "Aug. 15", "August 2025", "August".
func (r *resolver) monthDate(i int) (hit, bool) {
	t := &r.t[i]
	m := t.v
	k := i + 1
	abbr := t.c&cMonth == 0
	if r.punct(k, '.') && r.adjacent(k) {
		k++
	} else if abbr && !r.cls(k, cNum) && r.t[min(k, len(r.t)-1)].k != kNum {
		return hit{}, false
	}
	if k < len(r.t) {
		// day: "August 15", "Aug. 15th"
		d, ok := r.num(k)
		if !ok && r.cls(k, cOrd) && r.t[k].v <= 31 && r.t[k].w == "" {
			d, ok = r.t[k].v, true
		}
		if ok && r.digits(k) <= 2 && d >= 1 && d <= 31 && !r.punct(k+1, '%') && !(r.punct(k+1, ':') && r.adjacent(k+2) && r.t[k+2].k == kNum) {
			e := k + 1
			kk := e
			if r.punct(kk, ',') {
				kk++
			}
			if y, ok := r.isYear(kk); ok {
				if !validDay(y, m, d) {
					return hit{end: kk + 1}, true // "February 30, 2025": no day; consumed, not emitted
				}
				day := Day(y, time.Month(m), d)
				return hit{end: kk + 1, typ: TypeDate, val: DayValue(day), rule: "month-day-year", day: day}, true
			}
			if y, ee, ok := r.relYearAfter(e); ok {
				// "June 3 last year": the day in the year the phrase names
				if !validDay(y, m, d) {
					return hit{}, false
				}
				day := Day(y, time.Month(m), d)
				return hit{end: ee, typ: TypeDate, val: DayValue(day), rule: "month-day-rel-year", day: day}, true
			}
			tense := r.tense(i, e)
			y := r.yearOf(m, d, tense)
			if !validDay(y, m, d) {
				return hit{}, false
			}
			day := Day(y, time.Month(m), d)
			return hit{end: e, typ: TypeDate, val: DayValue(day), rule: "month-day-yearless" + tenseSuffix(tense), tense: tense, day: day}, true
		}
		// year: "August 2025", "August, 2025", "August of 2025"
		kk := k
		if r.punct(kk, ',') || r.w(kk) == "of" {
			kk++
		}
		if y, e, ok := r.yearAt(kk); ok {
			return hit{end: e, typ: TypeDate, val: yearValue(y) + "-" + twoDigits(m), rule: "month-year"}, true
		}
	}
	if abbr {
		return hit{}, false
	}
	if t.w == "may" || t.w == "march" {
		// the modal verb and the verb: a capital and a preposition before
		if !t.up || t.caps || !monthGuard[r.w(i-1)] {
			return hit{}, false
		}
	}
	if y, e, ok := r.relYearAfter(i + 1); ok {
		// "in July last year", "January this year", "April next year"
		return hit{end: e, typ: TypeDate, val: yearValue(y) + "-" + twoDigits(m), rule: "month-rel-year"}, true
	}
	tense := r.tense(i, i+1)
	y := r.yearOf(m, 0, tense)
	return hit{end: i + 1, typ: TypeDate, val: yearValue(y) + "-" + twoDigits(m), rule: "month" + tenseSuffix(tense), tense: tense}, true
}

// relYearAfter matches "last year", "this year", "next year" (or "of
// last year") at token k, after a month or a month and day, and returns
// the year it names and the token after it.
func (r *resolver) relYearAfter(k int) (y, end int, ok bool) {
	if r.w(k) == "of" {
		k++
	}
	if !r.cls(k+1, cUnit) || r.t[k+1].v != uYear || r.punct(k, ',') {
		return 0, 0, false
	}
	switch r.w(k) {
	case "last":
		return r.anchor.Year() - 1, k + 2, true
	case "this":
		return r.anchor.Year(), k + 2, true
	case "next":
		return r.anchor.Year() + 1, k + 2, true
	}
	return 0, 0, false
}

func tenseSuffix(t Tense) string {
	switch t {
	case TensePast:
		return "-past"
	case TenseFuture:
		return "-future"
	}
	return ""
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// dayMonth matches "15 August 2025", "15th August".
func (r *resolver) dayMonth(i int) (hit, bool) {
	d := r.t[i].v
	if r.t[i].k == kNum && r.digits(i) > 2 || d < 1 || d > 31 {
		return hit{}, false
	}
	k := i + 1
	if r.w(k) == "of" {
		k++
	}
	if !r.cls(k, cMonth|cMonAbbr) {
		return hit{}, false
	}
	m := r.t[k].v
	k++
	if r.punct(k, '.') && r.adjacent(k) {
		k++
	}
	if y, ok := r.isYear(k); ok {
		if !validDay(y, m, d) {
			return hit{}, false
		}
		day := Day(y, time.Month(m), d)
		return hit{end: k + 1, typ: TypeDate, val: DayValue(day), rule: "day-month-year", day: day}, true
	}
	tense := r.tense(i, k)
	y := r.yearOf(m, d, tense)
	if !validDay(y, m, d) {
		return hit{}, false
	}
	day := Day(y, time.Month(m), d)
	return hit{end: k, typ: TypeDate, val: DayValue(day), rule: "day-month-yearless" + tenseSuffix(tense), tense: tense, day: day}, true
}

// numericDate matches ISO dates "2025-08-15" and US dates "8/15/2025".
func (r *resolver) numericDate(i int) (hit, bool) {
	if y, ok := r.isYear(i); ok && r.punct(i+1, '-') && r.adjacent(i+1) && r.adjacent(i+2) {
		m, ok1 := r.num(i + 2)
		if ok1 && r.digits(i+2) == 2 && m >= 1 && m <= 12 {
			if r.punct(i+3, '-') && r.adjacent(i+3) && r.adjacent(i+4) {
				if d, ok := r.num(i + 4); ok && r.digits(i+4) == 2 && validDay(y, m, d) {
					day := Day(y, time.Month(m), d)
					return hit{end: i + 5, typ: TypeDate, val: DayValue(day), rule: "iso-date", day: day}, true
				}
			}
		}
		return hit{}, false
	}
	m, ok := r.num(i)
	if !ok || r.digits(i) > 2 || !r.punct(i+1, '/') || !r.adjacent(i+1) || !r.adjacent(i+2) {
		return hit{}, false
	}
	d, ok := r.num(i + 2)
	if !ok || !r.punct(i+3, '/') || !r.adjacent(i+3) || !r.adjacent(i+4) {
		return hit{}, false
	}
	y, ok := r.isYear(i + 4)
	if !ok || !validDay(y, m, d) {
		return hit{}, false
	}
	day := Day(y, time.Month(m), d)
	return hit{end: i + 5, typ: TypeDate, val: DayValue(day), rule: "numeric-date", day: day}, true
}

var countNouns = map[string]bool{"percent": true, "troops": true, "people": true, "men": true, "soldiers": true,
	"points": true, "shares": true, "miles": true, "kilometers": true, "feet": true, "meters": true, "votes": true,
	"seats": true, "jobs": true, "dollars": true, "tons": true, "barrels": true, "cars": true, "members": true,
	"workers": true, "deaths": true, "cases": true, "employees": true, "units": true, "homes": true, "times": true}

var numberNouns = map[string]bool{"route": true, "highway": true, "interstate": true, "flight": true, "room": true,
	"no": true, "number": true, "page": true, "chapter": true, "article": true, "section": true, "channel": true, "apollo": true}

// year matches a four-digit year, "1990s", "2022 third quarter", and
// refuses money, percentages, counts and numbered things.
func (r *resolver) year(i int) (hit, bool) {
	y, ok := r.isYear(i)
	if !ok {
		return hit{}, false
	}
	if i > 0 && !r.t[i].sp {
		switch r.text[r.t[i-1].e-1] {
		case '-':
			if w := r.w(i - 2); w != "mid" && w != "early" && w != "late" && w != "pre" && w != "post" {
				return hit{}, false
			}
		case '$', '#', '/', '.', ',', '+':
			return hit{}, false
		}
	}
	if i > 0 && r.t[i-1].k == kNum { // "555 1999": a phone number, a code
		return hit{}, false
	}
	if i > 0 && r.t[i-1].k == kPunct && r.t[i-1].ch == 0 && !r.t[i].sp { // €, £
		return hit{}, false
	}
	if numberNouns[r.w(i-1)] {
		return hit{}, false
	}
	nx := i + 1
	if r.punct(nx, '%') || countNouns[r.w(nx)] || r.cls(nx, cZone) {
		return hit{}, false
	}
	if r.w(nx) == "s" && r.adjacent(nx) && y%10 == 0 { // 1990s
		return hit{end: nx + 1, typ: TypeDate, val: yearValue(y)[:3], rule: "decade"}, true
	}
	if r.punct(nx, '-') && r.adjacent(nx) && r.cls(nx+1, cNum) { // 1990-91: the first year
		if r.t[nx+1].k == kNum && r.digits(nx+1) <= 4 {
			return hit{}, false
		}
	}
	if r.labelQuote(i) {
		return hit{}, false
	}
	if q, ok := r.quarter(nx, i, y); ok {
		return q, true
	}
	if r.nameYear(i) {
		return hit{}, false
	}
	h := hit{end: nx, typ: TypeDate, val: yearValue(y), rule: "year"}
	// "until 1994 or later", "for 1990 and beyond", "1985 or earlier":
	// an open end
	if c := r.w(nx); c == "or" || c == "and" {
		switch r.w(nx + 1) {
		case "later", "after":
			h.end, h.mod = nx+2, "ON_OR_AFTER"
		case "earlier", "before":
			h.end, h.mod = nx+2, "ON_OR_BEFORE"
		case "":
			if c == "and" && string(r.lower(nx+1)) == "beyond" {
				h.end, h.mod = nx+2, "ON_OR_AFTER"
			}
		}
		if h.end > nx && nx+2 < len(r.t) && r.t[nx+2].k != kPunct {
			// "1994 or later years", "1990 and after the war": the word
			// belongs to what follows
			if nw := r.t[nx+2]; nw.k == kWord && !nw.up && r.w(nx+2) != "and" && r.w(nx+2) != "when" {
				h.end, h.mod = nx, ""
			}
		}
	}
	return h, true
}

// nameYear reports whether the year at token i is part of a name: it
// follows a capitalized word that is no calendar or function word, in
// the middle of a sentence, and ends the phrase ("a venture called
// Orion 1980, making ...", "runs Windows 2000."). A year before a noun
// ("the Reagan 1981 tax cut") stays a year.
func (r *resolver) nameYear(i int) bool {
	p := i - 1
	if p < 1 || r.t[p].k != kWord || !r.t[p].up || r.t[p].caps || r.t[p].w != "" || !r.t[i].sp {
		return false // a lexicon word ("In 1988", "May 1998", "Christmas 1980") or none
	}
	if q := r.t[p-1]; q.k != kWord || q.up {
		return false // the name begins the sentence, or is longer ("World Cup 1998")
	}
	switch l := string(r.lower(p)); l {
	case "easter", "passover", "ramadan", "hanukkah", "diwali", "spring", "summer", "autumn", "winter":
		return false
	}
	nx := i + 1
	if nx >= len(r.t) {
		return true
	}
	t := &r.t[nx]
	switch {
	case t.k == kPunct:
		return t.ch != '-' && t.ch != '/'
	case t.k == kWord:
		return t.up || t.w == "and" || t.w == "or"
	}
	return false
}

// labelQuote reports whether token i sits in a quoted all-caps label
// ("ALASKA 2025" on a backdrop): a name, not a happening.
func (r *resolver) labelQuote(i int) bool {
	caps := 0
	k := i - 1
	for ; k >= 0 && i-k < 8; k-- {
		t := &r.t[k]
		if t.k == kWord && t.caps {
			caps++
			continue
		}
		if t.k == kNum {
			continue
		}
		break
	}
	if caps == 0 || k < 0 || !isQuote(r.text, r.t[k]) {
		return false
	}
	e := i + 1
	for ; e < len(r.t) && e-i < 8 && (r.t[e].k == kWord && r.t[e].caps || r.t[e].k == kNum); e++ {
	}
	return e < len(r.t) && isQuote(r.text, r.t[e])
}

func isQuote(text string, t token) bool {
	if t.k != kPunct {
		return false
	}
	switch text[t.s:t.e] {
	case `"`, "“", "”", "'", "‘", "’", "«", "»":
		return true
	}
	return false
}

// pluralParts are the parts of the day in the plural, after a weekday:
// "Tuesday nights" is every Tuesday night.
var pluralParts = map[string]string{"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}

// dayOf matches, after "the" at token i, a day or week fixed by a date
// the text gives: "the day before last Tuesday's hearing", "the day
// after Christmas", "the week of March 6", and "the previous Friday",
// "the following Monday" (the weekday before or after the last day the
// text named, or the publication day when it named none).
func (r *resolver) dayOf(i int) (hit, bool) {
	switch w := r.w(i + 1); {
	case r.cls(i+1, cOrd) && r.w(i+2) == "day" && r.w(i+3) == "of":
		// "Today is the eighth day of the blockade", "It's the second day
		// of the offensive": in the present tense, the day of writing
		p := string(r.lower(i - 1))
		contracted := p == "s" && i >= 2 && r.t[i-2].k == kPunct && r.adjacent(i-1) // "It's": It, ', s
		day := r.anchor
		switch {
		case p == "is" || contracted:
		case p == "was" && i >= 2 && r.refU == uDay && len(r.out) > 0 && r.out[len(r.out)-1].End == r.t[i-2].e:
			// "Monday was the third day of the strike": the day just named
			day = r.rt
		default:
			return hit{}, false
		}
		return hit{end: i + 3, typ: TypeDate, val: DayValue(day), rule: "nth-day-of", day: day}, true
	case w == "day" && (r.w(i+2) == "before" || r.w(i+2) == "after"):
		h, ok := r.date(i + 3)
		if !ok || h.day.IsZero() || h.typ != TypeDate || len(h.val) != 10 {
			return hit{}, false
		}
		n := -1
		if r.w(i+2) == "after" {
			n = 1
		}
		d := h.day.AddDate(0, 0, n)
		return hit{end: h.end, typ: TypeDate, val: DayValue(d), rule: "day-before-after", day: d}, true
	case w == "week" && r.w(i+2) == "of":
		h, ok := r.date(i + 3)
		if !ok || h.day.IsZero() || h.typ != TypeDate {
			return hit{}, false
		}
		return hit{end: h.end, typ: TypeDate, val: WeekValue(h.day), rule: "week-of"}, true
	case (w == "previous" || w == "prior" || w == "following") && r.cls(i+2, cWeekday):
		ref, ok := r.refFor(uDay)
		if !ok {
			return r.weekday(i+2, relDir(w), i)
		}
		wd := time.Weekday(r.t[i+2].v)
		d := ref
		for step := relDir(w); ; {
			d = d.AddDate(0, 0, step)
			if d.Weekday() == wd {
				break
			}
		}
		h := hit{end: i + 3, typ: TypeDate, val: DayValue(d), rule: "discourse-weekday", day: d,
			note: r.refNote(r.text[r.t[i].s:r.t[i+2].e], ref, uDay)}
		return h, true
	}
	return hit{}, false
}

// figureBefore reports whether "last year" at token i ends a comparison
// of figures: "compared with a loss of $3 million last year", "down from
// $21.4 million last year", "up 13% from last year's $1.55 billion". A
// figure without a comparison ("revenue of $4 billion last year") or a
// sentence that compares with this year ("$4 a share for this year, up
// from last year's $3.27") is a year's.
func (r *resolver) figureBefore(i int) bool {
	p := i - 1
	if p < 0 {
		return false
	}
	if comparing(string(r.lower(p))) {
		// "from last year's $1.55 billion"
		return i+2 < len(r.t) && isQuote(r.text, r.t[i+2]) && r.w(i+3) == "s" && !r.thisYearBefore(i)
	}
	switch string(r.lower(p)) {
	case "million", "billion", "cents", "share", "percent":
	default:
		if r.t[p].k != kNum && !r.punct(p, '%') {
			return false
		}
	}
	for j := p - 1; j >= 0 && i-j < 12 && !r.sentenceEnd(j); j-- {
		if comparing(string(r.lower(j))) {
			return !r.thisYearBefore(i)
		}
	}
	return false
}

// comparing reports whether w introduces the figure compared with.
func comparing(w string) bool {
	return w == "from" || w == "with" || w == "than" || w == "versus"
}

// sentenceEnd reports whether token j is a full stop or semicolon that
// ends a sentence ("Aug." and "$3.27" do not).
func (r *resolver) sentenceEnd(j int) bool {
	return r.t[j].k == kPunct && (r.t[j].ch == '.' && !r.cls(j-1, cMonAbbr) && (j+1 >= len(r.t) || r.t[j+1].sp) || r.t[j].ch == ';')
}

// thisYearBefore reports whether the sentence names "this year" before
// token i.
func (r *resolver) thisYearBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j < 30 && !r.sentenceEnd(j); j-- {
		if r.w(j) == "this" && r.cls(j+1, cUnit) && r.t[j+1].v == uYear {
			return true
		}
	}
	return false
}

// theYearOf are the prepositions before a bare "the year" that mean the
// year under way: "for the year", "of the year", "during the year".
var theYearOf = map[string]bool{"for": true, "of": true, "during": true, "through": true, "throughout": true}

// afterTheYear are the words that may follow such a "the year": any
// other ("the year before", "the year ended", "the year that followed")
// makes it another year or a period.
var afterTheYear = map[string]bool{"in": true, "and": true, "so": true, "as": true, "to": true, "but": true,
	"from": true, "because": true, "on": true}

// reportYear is the year a report written on the anchor is about: the
// anchor's, or last year's in a January or February report in the past
// tense (the results of the year just ended).
func (r *resolver) reportYear(i, j int) int {
	y := r.anchor.Year()
	if r.anchor.Month() <= 2 && r.tense(i, j) == TensePast {
		y--
	}
	return y
}

// decade matches "the 1990s", "the '90s".
func (r *resolver) decade(i int) (hit, bool) {
	k := i + 1
	if r.punct(k, '\'') || k < len(r.t) && r.text[r.t[k].s:r.t[k].e] == "’" {
		if v, ok := r.num(k + 1); ok && r.digits(k+1) == 2 && v%10 == 0 && r.w(k+2) == "s" && r.adjacent(k+2) {
			c := 19
			if v < 30 {
				c = 20
			}
			return hit{end: k + 3, typ: TypeDate, val: strconv.Itoa(c) + strconv.Itoa(v/10), rule: "decade"}, true
		}
		return hit{}, false
	}
	if h, ok := r.year(k); ok && h.rule == "decade" {
		return h, true
	}
	return hit{}, false
}

// quarter matches "third quarter", "third-quarter", "the first half"
// at token k (the expression starts at token start); y is a year the
// text gave, or 0.
func (r *resolver) quarter(k, start, y int) (hit, bool) {
	if r.w(k) == "last" && r.cls(k+1, cUnit) && r.t[k+1].v == uHalf && r.w(k+2) == "of" {
		// "the last half of 1989": the second half, when a year says of what
		if yy, ok := r.isYear(k + 3); ok {
			return hit{end: k + 4, typ: TypeDate, val: yearValue(yy) + "-H2", rule: "half"}, true
		}
	}
	if !r.cls(k, cOrd) {
		return hit{}, false
	}
	n := r.t[k].v
	e := k + 1
	if r.punct(e, '-') && r.adjacent(e) {
		e++
	}
	fiscal := false
	if r.w(e) == "fiscal" {
		fiscal = true
		e++
	}
	var u int
	switch {
	case r.cls(e, cUnit) && r.t[e].v == uQuarter && n >= 1 && n <= 4:
		u = uQuarter
	case r.cls(e, cUnit) && r.t[e].v == uHalf && n >= 1 && n <= 2:
		u = uHalf
	default:
		return hit{}, false
	}
	e++
	if y == 0 {
		kk := e
		if r.w(kk) == "of" || r.punct(kk, ',') {
			kk++
		}
		if r.w(kk) == "fiscal" {
			kk++
		}
		if yy, ok := r.isYear(kk); ok {
			y, e = yy, kk+1
		}
	}
	tense := TenseNone
	rule := "quarter"
	if u == uHalf {
		rule = "half"
	}
	if y == 0 {
		tense = r.tense(start, e)
		y = r.anchor.Year()
		startMonth := 3*n - 2
		if u == uHalf {
			startMonth = 6*n - 5
		}
		if startMonth > int(r.anchor.Month()) && tense != TenseFuture {
			y--
		}
	}
	var val string
	if u == uQuarter {
		val = yearValue(y) + "-Q" + strconv.Itoa(n)
		fiscal = fiscal || r.w(k-1) == "fiscal" || r.w(start+1) == "fiscal"
		if r.lastQ == 0 || tense != TenseFuture && !Day(y, time.Month(3*n), 1).AddDate(0, 1, 0).After(r.anchor) &&
			(fiscal || y*4+n >= r.lastQY*4+r.lastQ) {
			// a quarter still under way or forecast ("the impact on
			// fourth-quarter results", "expected to result in a
			// fourth-quarter charge") does not change the finished
			// quarter the text reports on; nor does an earlier one
			// recalled ("After a flat second quarter, ..." in a
			// third-quarter report). A fiscal quarter starts another
			// company's report: its own calendar.
			r.lastQY, r.lastQ = y, n
			r.periodMonths = 0
		}
	} else {
		val = yearValue(y) + "-H" + strconv.Itoa(n)
	}
	return hit{end: e, typ: TypeDate, val: val, rule: rule, tense: tense}, true
}

// discourseQuarter matches "the quarter", "the latest quarter", "the
// year-earlier quarter": the quarter the text is about.
func (r *resolver) discourseQuarter(i int) (hit, bool) {
	k := i + 1
	w := r.w(k)
	if w == "" {
		// "the corresponding period", "the comparable quarter"
		if l := r.lower(k); string(l) == "corresponding" || string(l) == "comparable" {
			w = "same"
		}
	}
	back := 0
	switch w {
	case "latest", "same", "current", "recent", "most", "corresponding", "comparable":
		k++
		if w == "most" && r.w(k) == "recent" {
			k++
		}
	case "year-earlier", "year-ago":
		back = 1
		k++
	case "year":
		if r.punct(k+1, '-') && (r.w(k+2) == "earlier" || r.w(k+2) == "ago") {
			back = 1
			k += 3
		}
	}
	if back == 1 && (r.cls(k, cOrd) || r.w(k) == "fiscal") {
		return r.yearEarlier(i, k) // "the year-ago third quarter"
	}
	if back == 1 && r.periodMonths > 0 {
		// after "For the nine months": "the year-earlier period", "the
		// year-earlier nine months" are that period a year before
		if h, ok := r.duration(k); r.w(k) == "period" || ok && h.typ == TypeDuration {
			return r.yearEarlier(i, k)
		}
	}
	yy, explicitYear := r.isYear(k)
	if explicitYear {
		k++
		if r.w(k) == "period" && r.periodMonths > 0 {
			// "the 1988 period" after "In the first nine months": the
			// part of 1988 the report compares with, at year precision
			return hit{end: k + 1, typ: TypeDate, val: yearValue(yy), rule: "year-period"}, true
		}
	}
	if !r.isQuarterNoun(k) {
		return hit{}, false
	}
	y, q := r.lastQY, r.lastQ
	if w == "current" {
		y, q = r.anchor.Year(), (int(r.anchor.Month())+2)/3
	} else if q == 0 {
		p := shift(r.anchor, uQuarter, -1)
		y, q = p.Year(), (int(p.Month())+2)/3
	}
	if explicitYear {
		y = yy
	}
	e := k + 1
	if back == 0 && !explicitYear {
		// "the quarter a year ago", "the corresponding period last year":
		// the same quarter of the year before
		switch {
		case (r.w(e) == "a" || r.w(e) == "one") && r.cls(e+1, cUnit) && r.t[e+1].v == uYear && (r.w(e+2) == "ago" || r.w(e+2) == "earlier"):
			back, e = 1, e+3
		case r.w(e) == "last" && r.cls(e+1, cUnit) && r.t[e+1].v == uYear:
			back, e = 1, e+2
		}
	}
	return hit{end: e, typ: TypeDate, val: yearValue(y-back) + "-Q" + strconv.Itoa(q), rule: "discourse-quarter"}, true
}

// yearEarlier resolves "a year earlier", "year-earlier", "a year ago"
// ending before token e: the same quarter a year before when the text
// is about a quarter, else last year. "year-earlier quarter" takes the
// noun along.
func (r *resolver) yearEarlier(i, e int) (hit, bool) {
	y, q := r.lastQY, r.lastQ
	if m := r.periodMonths; m > 0 {
		// the text last reported a period longer than a quarter ("For
		// the nine months, net rose 5% from a year earlier"): the
		// comparison is with that period a year before, not a quarter
		if h, ok := r.duration(e); ok && h.typ == TypeDuration {
			return h, true // "the year-earlier nine months": that period
		}
		if r.w(e) == "period" {
			return hit{end: e + 1, typ: TypeDuration, val: "P" + strconv.Itoa(m) + "M", rule: "year-earlier-period"}, true
		}
		return hit{end: e, typ: TypeDate, val: yearValue(r.anchor.Year() - 1), rule: "year-earlier"}, true
	}
	if r.w(e) == "fiscal" && r.cls(e+1, cOrd) {
		e++
	}
	if r.cls(e, cOrd) {
		// "the year-earlier third quarter": that quarter a year before
		// the one the text reports
		if h, ok := r.quarter(e, i, 0); ok && len(h.val) > 4 {
			r.lastQY, r.lastQ = y, q // the text is still about its own quarter
			if yy, err := strconv.Atoi(h.val[:4]); err == nil {
				h.val = yearValue(yy-1) + h.val[4:]
				h.rule = "year-earlier-quarter"
				return h, true
			}
		}
	}
	if r.isQuarterNoun(e) {
		if q == 0 {
			p := shift(r.anchor, uQuarter, -1)
			y, q = p.Year(), (int(p.Month())+2)/3
		}
		return hit{end: e + 1, typ: TypeDate, val: yearValue(y-1) + "-Q" + strconv.Itoa(q), rule: "year-earlier-quarter"}, true
	}
	if q != 0 {
		return hit{end: e, typ: TypeDate, val: yearValue(y-1) + "-Q" + strconv.Itoa(q), rule: "year-earlier-quarter"}, true
	}
	return hit{end: e, typ: TypeDate, val: yearValue(r.anchor.Year() - 1), rule: "year-earlier"}, true
}

// quarterOfYear matches "third quarter", "first half" at token k as a
// quarter or half of year y ("this year's third quarter").
func (r *resolver) quarterOfYear(k, start, y int) (hit, bool) {
	if r.w(k) == "fiscal" && r.cls(k+1, cOrd) {
		k++
	}
	if !r.cls(k, cOrd) {
		return hit{}, false
	}
	return r.quarter(k, start, y)
}

// isQuarterNoun reports whether token k is "quarter", or "period" in a
// text about quarters.
func (r *resolver) isQuarterNoun(k int) bool {
	return r.cls(k, cUnit) && r.t[k].v == uQuarter || r.w(k) == "period" && r.lastQ != 0
}

// season matches "summer", "last fall", "the summer of 2025".
func (r *resolver) season(k, start, dir int) (hit, bool) {
	s := r.t[k].v
	e := k + 1
	kk := e
	if r.w(kk) == "of" {
		kk++
	}
	if y, e, ok := r.yearAt(kk); ok {
		return hit{end: e, typ: TypeDate, val: yearValue(y) + "-" + seasonCodes[s], rule: "season-year"}, true
	}
	if start == k && !seasonGuard(r, k) {
		return hit{}, false // "fall" the verb, "spring" the noun
	}
	if start < k && r.w(start) == "the" {
		return hit{}, false
	}
	// the season's start month in the anchor's year
	sm := [...]int{3, 6, 9, 12}[s]
	am := int(r.anchor.Month())
	y := r.anchor.Year()
	cur := y // the most recent season of that name that has begun
	if sm > am {
		cur--
	}
	if s == 3 && am < 3 { // January, February: in the winter that began last December
		cur = y - 1
	}
	tense := TenseNone
	rule := "season"
	switch dir {
	case -1:
		y = cur
		rule = "last-season"
	case 1:
		y = cur + 1
		rule = "next-season"
	default:
		if r.w(start) == "this" {
			y = r.anchor.Year()
			if s == 3 && am < 3 {
				y--
			}
			rule = "this-season"
			break
		}
		tense = r.tense(start, e)
		y = cur
		if tense == TenseFuture && !(sm <= am && am < sm+3) {
			y = cur + 1
		}
		rule = "season" + tenseSuffix(tense)
	}
	if rule == "this-season" {
		tense = TenseNone
	}
	return hit{end: e, typ: TypeDate, val: yearValue(y) + "-" + seasonCodes[s], rule: rule, tense: tense}, true
}

// relUnit matches "this week", "last year", "next month", "the past
// year", "the coming weekend", "the current quarter".
func (r *resolver) relUnit(i int) (hit, bool) {
	k := i
	if r.w(k) == "the" {
		k++
	}
	w := r.w(k)
	dir := 0
	switch w {
	case "this", "current":
		dir = 0
	case "last", "past", "previous", "prior":
		dir = -1
	case "next", "coming", "following":
		dir = 1
	default:
		return hit{}, false
	}
	if k == i && (w == "past" || w == "coming" || w == "previous" || w == "following" || w == "prior" || w == "current") {
		return hit{}, false // "past year" without "the" is an adjective phrase
	}
	k++
	if r.w(k) == "fiscal" && r.cls(k+1, cUnit) && (r.t[k+1].v == uYear || r.t[k+1].v == uQuarter) {
		k++ // "the current fiscal year", "next fiscal year": named by the calendar year it mostly lies in
	}
	if !r.cls(k, cUnit) {
		return hit{}, false
	}
	u := r.t[k].v
	if u == uHour || u == uMinute || u == uSecond || u == uHalf {
		return hit{}, false
	}
	if w == "this" && u == uDay {
		return hit{}, false
	}
	if u == uQuarter && dir == 0 {
		if w == "this" && r.lastQ != 0 && k+2 < len(r.t) && isQuote(r.text, r.t[k+1]) && r.w(k+2) == "s" && r.tense(i, k+3) != TenseFuture {
			// "This quarter's loss includes charges" in a report on a
			// finished quarter: the results are that quarter's
			return hit{end: k + 1, typ: TypeDate, val: yearValue(r.lastQY) + "-Q" + strconv.Itoa(r.lastQ), rule: "discourse-quarter"}, true
		}
		return hit{end: k + 1, typ: TypeDate, val: unitValue(uQuarter, r.anchor), rule: "this-unit"}, true
	}
	d := shift(r.anchor, u, dir)
	if u == uYear && k+2 < len(r.t) && isQuote(r.text, r.t[k+1]) && r.w(k+2) == "s" {
		// "this year's third quarter", "next year's first half": the
		// quarter of that year; "last year's quarter": the quarter the
		// text is about, a year before
		if h, ok := r.quarterOfYear(k+3, i, d.Year()); ok {
			return h, true
		}
		if dir < 0 && r.isQuarterNoun(k+3) {
			return r.yearEarlier(i, k+3)
		}
	}
	if u == uYear && w == "last" && k == i+1 && r.lastQ != 0 && r.periodMonths == 0 && r.figureBefore(i) {
		// "compared with a loss of $3 million last year", "up 13% from
		// last year's $1.55 billion" in a quarterly report: the figure
		// of the same quarter a year before, as "a year ago" is
		return r.yearEarlier(i, k+1)
	}
	rule := "this-unit"
	if dir < 0 {
		rule = "last-unit"
	} else if dir > 0 {
		rule = "next-unit"
	}
	if r.w(i) == "the" && (u == uDay) {
		return hit{}, false
	}
	return hit{end: k + 1, typ: TypeDate, val: unitValue(u, d), rule: rule}, true
}

// unitsAgo matches "two weeks ago", "a year earlier", "three days later",
// "a year from now", starting at a number.
func (r *resolver) unitsAgo(i int) (hit, bool) {
	n, k, half, ok := r.count(i)
	if !ok || !r.cls(k, cUnit|cUnits) {
		return hit{}, false
	}
	u := r.t[k].v
	if u == uHalf {
		return hit{}, false // "a minute and a half later": not half a year
	}
	e := k + 1
	mod := ""
	if r.w(e) == "or" && r.w(e+1) == "so" && r.w(e+2) == "ago" {
		e, mod = e+2, "APPROX" // "a week or so ago"
	}
	w := r.w(e)
	dir := 0
	switch {
	case w == "ago":
		dir = -1
		if n == 1 && u == uYear && r.lastQ != 0 {
			return r.yearEarlier(i, e+1)
		}
	case w == "earlier":
		dir = -1
		if n == 1 && u == uYear {
			return r.yearEarlier(i, e+1)
		}
	case w == "later":
		dir = 1
	case w == "from" && r.w(e+1) == "now":
		dir = 1
		e++
	default:
		return hit{}, false
	}
	if w == "later" || w == "earlier" {
		// "three days later", "a day earlier": counted from an event the
		// story tells, not from publication; the length of time is what
		// the phrase states (TimeML tags it as a duration, the adverb as
		// its signal)
		return hit{end: k + 1, typ: TypeDuration, val: durValue(n, u, half), rule: "interval-" + w}, true
	}
	if n < 0 {
		if dir < 0 {
			return hit{end: e + 1, typ: TypeDate, val: "PAST_REF", rule: "units-ago"}, true
		}
		return hit{end: e + 1, typ: TypeDate, val: "FUTURE_REF", rule: "units-later"}, true
	}
	if u == uHour || u == uMinute || u == uSecond {
		return hit{end: e + 1, typ: TypeDate, val: DayValue(r.anchor), rule: "units-ago"}, true
	}
	var d time.Time
	if u == uDay {
		d = r.anchor.AddDate(0, 0, dir*n)
	} else {
		d = shift(r.anchor, u, dir*n)
		if u == uWeek || u == uWeekend {
			d = r.anchor.AddDate(0, 0, 7*dir*n)
		}
	}
	rule := "units-ago"
	if w != "ago" {
		rule = "units-" + w
	}
	return hit{end: e + 1, typ: TypeDate, val: unitValue(u, d), mod: mod, rule: rule}, true
}

// count reads a number of units at token i: "three", "3", "a", "a few",
// "several", "twenty-four", "three and a half", "three-and-a-half". n is
// -1 when the number is unspecified. k is the token after the number.
func (r *resolver) count(i int) (n, k int, half bool, ok bool) {
	if i < 0 || i >= len(r.t) {
		return 0, 0, false, false
	}
	t := &r.t[i]
	k = i + 1
	switch {
	case t.k == kNum:
		if t.v < 0 || r.digits(i) > 4 || r.digits(i) == 4 && t.v >= 1000 {
			return 0, 0, false, false
		}
		n = t.v
		if i > 0 && !t.sp && r.t[i-1].k == kPunct { // $5, #3
			switch r.text[r.t[i-1].s] {
			case '$', '#', '.', '-', '/':
				return 0, 0, false, false
			}
		}
	case t.c&cNum != 0:
		n = t.v
		if (t.w == "a" || t.w == "an") && r.w(k) == "few" {
			n, k = -1, k+1
		} else if (t.w == "a" || t.w == "an") && r.w(k) == "couple" && r.w(k+1) == "of" {
			n, k = 2, k+2
		} else if n >= 20 && n < 100 && r.punct(k, '-') && r.cls(k+1, cNum) && r.t[k+1].v < 10 {
			n += r.t[k+1].v
			k += 2
		} else if n >= 20 && n < 100 && n%10 == 0 && r.cls(k, cNum) && r.t[k].v >= 1 && r.t[k].v <= 9 && r.t[k].w != "a" && r.t[k].w != "an" {
			n += r.t[k].v // "twenty four hours"
			k++
		}
	case t.w == "several" || t.w == "few" || t.w == "many":
		n = -1
	case t.w == "couple" && r.w(k) == "of" && spanWords[r.w(i-1)]:
		// "the next couple of years", "the past couple of weeks"
		n, k = 2, k+1
	default:
		return 0, 0, false, false
	}
	// "2 1/2 years": a number and a half written as a fraction
	if t.k == kNum && n >= 0 {
		if v, ok := r.num(k); ok && v == 1 && r.punct(k+1, '/') && r.adjacent(k+1) && r.adjacent(k+2) {
			if v2, ok := r.num(k + 2); ok && v2 == 2 && r.cls(k+3, cUnit|cUnits) {
				return n, k + 3, true, true
			}
		}
	}
	// "20 more years", "two more weeks": a number of further units
	if r.w(k) == "more" && r.cls(k+1, cUnits) {
		k++
	}
	// "an additional year", "two extra weeks", "a further month"
	if r.t[k-1].k != kPunct && r.cls(k+1, cUnit|cUnits) {
		if l := string(r.lower(k)); l == "additional" || l == "extra" || l == "further" {
			k++
		}
	}
	// "three and a half", "three-and-a-half"
	kk := k
	if r.punct(kk, '-') {
		kk++
	}
	if r.w(kk) == "and" {
		kk++
		if r.punct(kk, '-') {
			kk++
		}
		if r.w(kk) == "a" || r.w(kk) == "one" {
			kk++
			if r.punct(kk, '-') {
				kk++
			}
			if r.w(kk) == "half" {
				kk++
				if r.punct(kk, '-') {
					kk++
				}
				return n, kk, true, true
			}
		}
	}
	if r.punct(k, '-') && r.adjacent(k) && r.cls(k+1, cUnit|cUnits) {
		k++
	}
	return n, k, false, true
}

// weekday matches "Friday", "next Friday", "last Tuesday", "Friday
// morning", "Friday, August 15". dir is -1 for last, +1 for next, 0 for
// this or none; start is the first token of the expression.
func (r *resolver) weekday(k, dir, start int) (hit, bool) {
	wd := time.Weekday(r.t[k].v)
	e := k + 1
	// "Friday, August 15": the explicit date decides.
	kk := e
	if r.punct(kk, ',') {
		kk++
	}
	if r.cls(kk, cMonth|cMonAbbr) {
		if h, ok := r.monthDate(kk); ok && h.day != (time.Time{}) {
			if h.day.Weekday() != wd {
				h.note = "the text names " + wd.String() + " but " + DayValue(h.day) + " is a " + h.day.Weekday().String() + "; kept the date"
			}
			return h, true
		}
	}
	a := r.anchor
	diff := int(wd) - int(a.Weekday()) // -6..6
	var day time.Time
	var rule, note string
	tense := TenseNone
	prefix := r.w(start)
	switch {
	case dir > 0:
		// "next Friday": the first Friday after the anchor; within two
		// days it may also mean the one a week later.
		n := (diff + 7) % 7
		if n == 0 {
			n = 7
		}
		day = a.AddDate(0, 0, n)
		rule = "next-weekday"
		if n <= 2 {
			note = "\"" + r.text[r.t[start].s:r.t[k].e] + "\" written on a " + a.Weekday().String() + ": read as " + DayValue(day) +
				", the first " + wd.String() + " after the anchor; it may mean " + DayValue(day.AddDate(0, 0, 7))
		}
	case dir < 0:
		n := (-diff + 7) % 7
		if n == 0 {
			n = 7
		}
		day = a.AddDate(0, 0, -n)
		rule = "last-weekday"
		if n <= 2 {
			note = "\"" + r.text[r.t[start].s:r.t[k].e] + "\" written on a " + a.Weekday().String() + ": read as " + DayValue(day) +
				", the last " + wd.String() + " before the anchor; it may mean " + DayValue(day.AddDate(0, 0, -7))
		}
	default:
		tense = r.tense(start, e)
		if prefix == "this" && tense == TenseNone {
			tense = TenseFuture
		}
		back := (-diff + 7) % 7 // days back to the previous such weekday (0: the anchor)
		fwd := (diff + 7) % 7
		switch tense {
		case TenseFuture:
			day = a.AddDate(0, 0, fwd)
			rule = "weekday-future"
			if fwd == 0 {
				note = wd.String() + " in the future tense written on a " + wd.String() + ": read as the anchor day; it may mean a week later"
			}
		case TensePast:
			day = a.AddDate(0, 0, -back)
			rule = "weekday-past"
		default:
			// no tense: news mostly reports what happened; the nearest
			// day on or before the anchor within the week, unless the
			// following day is meant
			if fwd == 1 && tense == TensePresent {
				day = a.AddDate(0, 0, 1)
			} else {
				day = a.AddDate(0, 0, -back)
			}
			rule = "weekday"
		}
	}
	// "on Monday and Tuesday nights": every such night, a set; the first
	// weekday shares the plural part of the second
	pe := e
	if r.w(e) == "and" && r.cls(e+1, cWeekday) {
		pe = e + 2
	}
	if part, ok := pluralParts[string(r.lower(pe))]; ok {
		end := e
		if pe == e {
			end = e + 1
		}
		return hit{end: end, typ: TypeSet, val: weekdaySetValue(int(wd)) + "T" + part, rule: "set-weekday-part"}, true
	}
	h := hit{end: e, typ: TypeDate, val: DayValue(day), rule: rule, tense: tense, note: note, day: day}
	if r.cls(e, cPartDay) {
		// "Friday night", "Friday morning": the day. News annotation
		// gives these the day alone as often as a part of day (TempEval-3:
		// night 5 none, 6 TNI, 3 TEV; morning 5 none, 3 TMO), and a
		// chronology places them by their day. "Friday evening" and
		// "Friday afternoon" are not "night" stretched past midnight:
		// they take the part of day (TEV, TAF), as "this evening" does.
		h.end = e + 1
		if p := partCodes[r.t[e].v]; p == "EV" || p == "AF" {
			h.typ, h.val = TypeTime, h.val+"T"+p
		}
	}
	return h, true
}

// deictic matches today, tonight, tomorrow, yesterday, "yesterday
// morning", "the day before yesterday", and checks "tomorrow (Friday)".
func (r *resolver) deictic(i int) (hit, bool) {
	a := r.anchor
	var day time.Time
	w := r.w(i)
	switch w {
	case "today", "tonight":
		day = a
	case "tomorrow":
		day = a.AddDate(0, 0, 1)
	case "yesterday":
		day = a.AddDate(0, 0, -1)
	}
	h := hit{end: i + 1, typ: TypeDate, val: DayValue(day), rule: "deictic", day: day}
	if w == "tonight" {
		h.typ, h.val = TypeTime, DayValue(day)+"TNI"
	}
	if w == "today" && r.punct(i+1, '\'') && r.w(i+2) == "s" && (genericNow[string(r.lower(i+3))] || i+3 < len(r.t) && r.t[i+3].k == kWord && genericNow[string(r.lower(i+4))]) {
		// "today's youth", "in today's world", "today's personal
		// computers": the present age, not the day; left untagged
		return hit{end: i + 3}, true
	}
	if (w == "today" || w == "tomorrow") && r.w(i-1) == "of" && i >= 2 && r.t[i-2].k == kWord && r.t[i-2].c == 0 && !r.t[i-2].up {
		// "the people of tomorrow", "the leaders of today": generic
		return hit{end: i + 1}, true
	}
	if r.cls(i+1, cPartDay) && w != "tonight" {
		h.end, h.typ, h.val = i+2, TypeTime, DayValue(day)+"T"+partCodes[r.t[i+1].v]
	}
	// "tomorrow (Friday)", "yesterday, Tuesday,"
	k := h.end
	if r.punct(k, '(') || r.punct(k, ',') {
		if r.cls(k+1, cWeekday) {
			e := k + 2
			if r.punct(k, '(') {
				if !r.punct(e, ')') {
					return h, true
				}
				e++
			}
			wd := time.Weekday(r.t[k+1].v)
			h.end = e
			h.rule = w + "-check"
			if wd != day.Weekday() {
				h.note = "\"" + w + "\" from the anchor " + DayValue(a) + " is " + day.Weekday().String() + " " + DayValue(day) +
					" but the text says " + wd.String() + "; kept " + w
			}
		}
	}
	return h, true
}

var holidays = []struct {
	words []string
	month int
	day   int // > 0: fixed day; < 0: nth weekday (see wd)
	wd    time.Weekday
}{
	{[]string{"christmas", "eve"}, 12, 24, 0},
	{[]string{"christmas", "day"}, 12, 25, 0},
	{[]string{"christmas"}, 12, 25, 0},
	{[]string{"new", "year's", "eve"}, 12, 31, 0},
	{[]string{"new", "year's", "day"}, 1, 1, 0},
	{[]string{"new", "year's"}, 1, 1, 0},
	{[]string{"halloween"}, 10, 31, 0},
	{[]string{"valentine's", "day"}, 2, 14, 0},
	{[]string{"independence", "day"}, 7, 4, 0},
	{[]string{"thanksgiving", "day"}, 11, -4, time.Thursday},
	{[]string{"thanksgiving"}, 11, -4, time.Thursday},
	{[]string{"labor", "day"}, 9, -1, time.Monday},
	{[]string{"memorial", "day"}, 5, -9, time.Monday},    // last Monday
	{[]string{"election", "day"}, 11, -10, time.Tuesday}, // the Tuesday after the first Monday
	// movable feasts: day easter counts from Easter Sunday (month 0 holds the offset)
	{[]string{"easter", "sunday"}, 0, easter, 0},
	{[]string{"easter", "monday"}, 1, easter, 0},
	{[]string{"good", "friday"}, -2, easter, 0},
	{[]string{"easter", "week"}, -6, easterWeek, 0}, // the week that ends on Easter Sunday, from its Monday
	{[]string{"easter"}, 0, easter, 0},
}

// nameNouns, after a feast, make it the name of a treaty or event.
var nameNouns = map[string]bool{"accord": true, "accords": true, "agreement": true, "deal": true, "pact": true,
	"peace": true, "rising": true, "uprising": true, "offensive": true, "island": true}

// Codes of the movable feasts in holidays.
const (
	easter     = -20
	easterWeek = -21
)

// easterSunday returns Easter Sunday of year y (the Gregorian computus).
func easterSunday(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Day(y, time.Month(month), day)
}

// holiday matches the fixed holidays of US news: Christmas, New Year's
// Day, Thanksgiving, Labor Day ...
func (r *resolver) holiday(i int) (hit, bool) {
	for _, hd := range holidays {
		ok := true
		e := i
		for _, w := range hd.words {
			if e = r.matchWord(e, w); e < 0 {
				ok = false
				break
			}
		}
		if !ok || !r.t[i].up {
			continue
		}
		if hd.day == easter || hd.day == easterWeek {
			// "Easter Island", "the Easter Rising", "the Good Friday
			// Agreement", "the Good Friday accord": names, not days
			if nx := e; nx < len(r.t) && r.t[nx].k == kWord && (r.t[nx].up && !r.cls(nx, cMonth|cWeekday) || nameNouns[string(r.lower(nx))]) {
				return hit{end: e}, true // consumed, not emitted ("Friday" is no weekday here)
			}
		}
		tense := r.tense(i, e)
		y := r.anchor.Year()
		kk := e
		if r.punct(kk, ',') {
			kk++
		}
		yy, explicit := r.isYear(kk)
		if explicit {
			y, e = yy, kk+1
		}
		d := holidayDay(y, hd.month, hd.day, hd.wd)
		if !explicit {
			if tense == TensePast && d.After(r.anchor) {
				d = holidayDay(y-1, hd.month, hd.day, hd.wd)
			} else if tense != TensePast && d.Before(r.anchor.AddDate(0, -6, 0)) {
				d = holidayDay(y+1, hd.month, hd.day, hd.wd)
			}
		}
		if hd.day == easterWeek {
			return hit{end: e, typ: TypeDate, val: WeekValue(d), rule: "holiday", tense: tense}, true
		}
		return hit{end: e, typ: TypeDate, val: DayValue(d), rule: "holiday", tense: tense, day: d}, true
	}
	return hit{}, false
}

func holidayDay(y, m, d int, wd time.Weekday) time.Time {
	if d > 0 {
		return Day(y, time.Month(m), d)
	}
	if d == easter || d == easterWeek {
		return easterSunday(y).AddDate(0, 0, m)
	}
	if d == -10 { // the first such weekday after the first Monday (US Election Day)
		t := Day(y, time.Month(m), 1)
		for t.Weekday() != time.Monday {
			t = t.AddDate(0, 0, 1)
		}
		for t = t.AddDate(0, 0, 1); t.Weekday() != wd; t = t.AddDate(0, 0, 1) {
		}
		return t
	}
	if d == -9 { // last such weekday of the month
		t := Day(y, time.Month(m)+1, 1).AddDate(0, 0, -1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	t := Day(y, time.Month(m), 1)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(-d-1))
}

// weekend resolves "the weekend" (tokens [i, e)): the one before the
// anchor in the past tense, the coming one otherwise.
func (r *resolver) weekend(i, e int) (hit, bool) {
	a := r.anchor
	tense := r.tense(i, e)
	d := a
	if tense == TensePast && a.Weekday() != time.Saturday && a.Weekday() != time.Sunday {
		d = a.AddDate(0, 0, -7)
	}
	return hit{end: e, typ: TypeDate, val: WeekValue(d) + "-WE", rule: "weekend" + tenseSuffix(tense), tense: tense}, true
}

// matchWord matches word w at token k and returns the token after it, or
// -1. A word ending in "'s" matches the word, an apostrophe and "s".
func (r *resolver) matchWord(k int, w string) int {
	if base, ok := strings.CutSuffix(w, "'s"); ok {
		if r.w(k) == base && k+2 < len(r.t) && isQuote(r.text, r.t[k+1]) && r.w(k+2) == "s" {
			return k + 3
		}
		return -1
	}
	if r.w(k) == w {
		return k + 1
	}
	return -1
}

// seasonGuard reports whether the bare season name at token k is a time:
// "in spring", "during the summer", "early fall", not "prices fall".
func seasonGuard(r *resolver, k int) bool {
	switch r.w(k - 1) {
	case "in", "during", "since", "until", "till", "by", "through", "early", "late", "mid", "this", "last", "next", "every", "each", "over":
		return true
	case "the":
		switch r.w(k - 2) {
		case "in", "during", "since", "until", "till", "by", "through", "over", "for":
			return true
		}
		// "well into the summer", "throughout the winter" (words outside
		// the lexicon); not "the fall of the empire"
		if l := string(r.lower(k - 2)); (l == "into" || l == "throughout") && (r.w(k+1) != "of" || r.t[k].v != 2) {
			return true
		}
	}
	return false
}

// yearEnd matches "year-end", "year's end", "by year end": the end of
// the publication year, or of the year before after "since" ("up 5%
// since year-end").
func (r *resolver) yearEnd(i int) (hit, bool) {
	e := 0
	switch {
	case r.punct(i+1, '-') && r.adjacent(i+1) && r.adjacent(i+2) && r.w(i+2) == "end":
		e = i + 3
	case r.punct(i+1, '\'') && r.w(i+2) == "s" && r.w(i+3) == "end":
		e = i + 4
	case r.w(i+1) == "end" && r.w(i-1) != "the" && r.w(i-1) != "fiscal" && r.w(i-1) != "a":
		e = i + 2
	default:
		return hit{}, false
	}
	y := r.anchor.Year()
	if r.w(i-1) == "since" {
		y--
	}
	return hit{end: e, typ: TypeDate, val: yearValue(y), mod: "END", rule: "year-end"}, true
}

// genericNow are nouns after which "today's" means the present age
// ("today's youth", "today's world"), not the day of publication.
var genericNow = map[string]bool{"world": true, "society": true, "youth": true, "young": true, "generation": true,
	"children": true, "kids": true, "teenagers": true, "computers": true, "technology": true, "economy": true,
	"standards": true, "dollars": true, "culture": true, "families": true, "consumers": true, "politics": true,
	"medicine": true, "science": true, "music": true, "art": true, "environment": true, "times": true, "age": true}

// notDecadeCue are words before "the nineties" that make it a
// temperature or an age.
var notDecadeCue = map[string]bool{"temperature": true, "temperatures": true, "degrees": true, "highs": true,
	"lows": true, "high": true, "low": true, "mid": true, "upper": true, "lower": true, "age": true, "ages": true, "aged": true}

// lower returns the ASCII-lower-cased text of word token k (any word,
// not only lexicon words) in a scratch buffer valid until the next
// call, or nil when k is not a word or is longer than the buffer. Use it
// as string(r.lower(k)) in a comparison or map index, which does not
// allocate.
func (r *resolver) lower(k int) []byte {
	if k < 0 || k >= len(r.t) || r.t[k].k != kWord {
		return nil
	}
	s := r.text[r.t[k].s:r.t[k].e]
	if len(s) > len(r.scratch) {
		return nil
	}
	b := r.scratch[:len(s)]
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[j] = c
	}
	return b
}

// century matches "20th century", "the 11th-century temple" at the
// ordinal token k: TIMEX3 gives a century its first two digits
// ("20th century" = 19).
func (r *resolver) century(k int) (hit, bool) {
	n := r.t[k].v
	e := k + 1
	if r.punct(e, '-') && r.adjacent(e) {
		e++
	}
	if n < 1 || n > 30 || !r.cls(e, cUnit) || r.t[e].v != uCentury {
		return hit{}, false
	}
	return hit{end: e + 1, typ: TypeDate, val: twoDigits(n - 1), rule: "century"}, true
}

// decadeWords are the spelled-out decades, by their tens digit.
var decadeWords = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
	"seventies": 7, "eighties": 8, "nineties": 9}

// spelledDecade matches "the nineties", "the sixties" after "the" at
// token i: the latest such decade that began by the anchor year. Not
// after temperatures or ages ("highs in the nineties", "in their forties"
// has no "the").
func (r *resolver) spelledDecade(i int) (hit, bool) {
	d, ok := decadeWords[string(r.lower(i+1))]
	if !ok {
		return hit{}, false
	}
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if notDecadeCue[string(r.lower(j))] {
			return hit{}, false
		}
	}
	y := r.anchor.Year()/100*100 + 10*d
	if y > r.anchor.Year() {
		y -= 100
	}
	return hit{end: i + 2, typ: TypeDate, val: yearValue(y)[:3], rule: "decade"}, true
}
