package dates

import (
	"strconv"
	"strings"
	"time"
)

// setRef makes a calendar date the discourse reference time: the date
// that "that year", "the following month" or "the next day" refer to.
// Only values of the forms YYYY, YYYY-MM and YYYY-MM-DD (with an
// optional time) count; vague references, weeks, quarters and seasons
// leave the reference as it was.
func (r *resolver) setRef(v, text string, end int) {
	if len(v) < 4 || !allDigits(v[:4]) || len(v) >= 7 && !allDigits(v[5:7]) || len(v) >= 10 && !allDigits(v[8:10]) {
		return // not a calendar value (and no error allocated by strconv)
	}
	y, _ := strconv.Atoi(v[:4])
	switch {
	case len(v) == 4:
		r.rt, r.refU = Day(y, 1, 1), uYear
	case len(v) == 7 && v[4] == '-':
		m, err := strconv.Atoi(v[5:7])
		if err != nil || m < 1 || m > 12 {
			return
		}
		r.rt, r.refU = Day(y, time.Month(m), 1), uMonth
	case len(v) >= 10 && v[4] == '-' && v[7] == '-' && (len(v) == 10 || v[10] == 'T'):
		m, err1 := strconv.Atoi(v[5:7])
		d, err2 := strconv.Atoi(v[8:10])
		if err1 != nil || err2 != nil || !validDay(y, m, d) {
			return
		}
		r.rt, r.refU = Day(y, time.Month(m), d), uDay
	default:
		return
	}
	r.refText = text
	r.refEnd = end
}

// refNearby returns the discourse reference day when the text named it
// close before byte offset at: in the same sentence or the one before,
// in the same paragraph. A clock time or "later in the day" in a story
// about an earlier day belongs to that day ("The fire broke out on
// Tuesday. Firefighters arrived at 10 p.m.").
func (r *resolver) refNearby(at int) (time.Time, bool) {
	if r.refU != uDay || r.refEnd > at || at-r.refEnd > 400 {
		return time.Time{}, false
	}
	gap := r.text[r.refEnd:at]
	if strings.Contains(gap, "\n\n") || strings.Contains(gap, "\r\n\r\n") {
		return time.Time{}, false
	}
	ends := 0
	for j := 0; j+2 < len(gap); j++ {
		c := gap[j]
		if c != '.' && c != '!' && c != '?' || gap[j+1] != ' ' && gap[j+1] != '\n' {
			continue
		}
		n := gap[j+2]
		if !(n >= 'A' && n <= 'Z' || n == '"' || n == '`' || n == '\'') {
			continue
		}
		if c == '.' {
			// "a.m. Tuesday", "Mr. Smith", "Oct. 5": no sentence end
			w := j
			for w > 0 && isASCIILetter(gap[w-1]) {
				w--
			}
			if j-w <= 3 && (j-w == 1 || w < len(gap) && gap[w] >= 'A' && gap[w] <= 'Z') {
				continue
			}
		}
		if ends++; ends > 1 {
			return time.Time{}, false
		}
	}
	return r.rt, true
}

// refFor returns the discourse reference time when it is precise enough
// for unit u: a day for days and weeks, a month for months and
// quarters, a year for years.
func (r *resolver) refFor(u int) (time.Time, bool) {
	if r.refU == 0 {
		return time.Time{}, false
	}
	switch u {
	case uDay, uWeek, uWeekend:
		return r.rt, r.refU == uDay
	case uMonth, uQuarter, uHalf:
		return r.rt, r.refU == uDay || r.refU == uMonth
	case uYear:
		return r.rt, true
	}
	return time.Time{}, false
}

func (r *resolver) refNote(phrase string, t time.Time, u int) string {
	return "\"" + phrase + "\" read against the last date the text named, \"" + r.refText + "\" (" + unitValue(r.refU, t) + ")"
}

// anaphoric matches expressions that take their date from the narrative
// rather than from the publication date: "that year", "that same day",
// "that month", "that quarter" (the reference's own unit), "the
// following year", "the previous month", "the next day", "the next
// morning" (one unit after or before it). Without a reference of the
// right precision, "that ..." is not resolved and "the following ..." /
// "the next day" count from the anchor.
func (r *resolver) anaphoric(i int) (hit, bool) {
	k := i
	dir := 0
	switch r.w(k) {
	case "that":
		k++
		if r.w(k) == "same" {
			k++
		}
	case "the":
		switch r.w(k + 1) {
		case "following":
			dir = 1
		case "previous", "prior":
			dir = -1
		case "next":
			// "the next day", "the next morning"; "the next year" is the
			// coming one (relUnit)
			if !(r.cls(k+2, cUnit) && r.t[k+2].v == uDay || r.cls(k+2, cPartDay) && r.t[k+2].v == 0) {
				return hit{}, false
			}
			dir = 1
		default:
			return hit{}, false
		}
		k += 2
	default:
		return hit{}, false
	}
	u := 0
	switch {
	case r.cls(k, cUnit):
		u = r.t[k].v
	case dir > 0 && r.cls(k, cPartDay) && r.t[k].v == 0: // "the next morning"
		u = uDay
	}
	switch u {
	case uDay, uWeek, uMonth, uQuarter, uYear:
	default:
		return hit{}, false
	}
	phrase := r.text[r.t[i].s:r.t[k].e]
	if u == uQuarter && r.lastQ != 0 {
		// "that quarter", "the following quarter": the quarter the text
		// last named
		d := shift(Day(r.lastQY, time.Month(3*r.lastQ-2), 1), uQuarter, dir)
		return hit{end: k + 1, typ: TypeDate, val: unitValue(uQuarter, d), rule: "discourse-unit"}, true
	}
	ref, ok := r.refFor(u)
	if !ok {
		if dir == 0 {
			return hit{}, false // "that year" with nothing to refer to
		}
		if u == uDay {
			d := r.anchor.AddDate(0, 0, dir)
			return hit{end: k + 1, typ: TypeDate, val: DayValue(d), rule: "next-day", day: d}, true
		}
		return hit{end: k + 1, typ: TypeDate, val: unitValue(u, shift(r.anchor, u, dir)), rule: "next-unit"}, true
	}
	d := ref
	if dir != 0 {
		if u == uDay {
			d = ref.AddDate(0, 0, dir)
		} else {
			d = shift(ref, u, dir)
			if u == uWeek {
				d = ref.AddDate(0, 0, 7*dir)
			}
		}
	}
	h := hit{end: k + 1, typ: TypeDate, val: unitValue(u, d), rule: "discourse-unit", note: r.refNote(phrase, ref, u)}
	if u == uDay {
		h.day = d
	}
	return h, true
}

// spelledYear reads a year written out in words at token k, as
// broadcast transcripts do: "nineteen ninety-six", "nineteen ninety
// six", "nineteen eighty", "nineteen hundred", "nineteen twelve", "two
// thousand", "two thousand and one". It returns the year and the token
// after it.
func (r *resolver) spelledYear(k int) (y, end int, ok bool) {
	if !r.cls(k, cNum) || r.t[k].w == "a" || r.t[k].w == "an" {
		return 0, 0, false
	}
	v := r.t[k].v
	j := k + 1
	switch {
	case v >= 11 && v <= 19:
		c := v * 100
		if r.w(j) == "hundred" {
			return c, j + 1, true
		}
		if !r.cls(j, cNum) || r.t[j].w == "a" || r.t[j].w == "an" {
			return 0, 0, false
		}
		t := r.t[j].v
		switch {
		case t >= 10 && t <= 19:
			return c + t, j + 1, true
		case t >= 20 && t < 100 && t%10 == 0:
			n, e := t, j+1
			if r.punct(e, '-') && r.adjacent(e) && r.cls(e+1, cNum) && r.t[e+1].v >= 1 && r.t[e+1].v <= 9 && r.t[e+1].w != "a" && r.t[e+1].w != "an" {
				n, e = n+r.t[e+1].v, e+2
			} else if r.punct(e, '-') && r.adjacent(e) {
				return 0, 0, false // "nineteen twenty-dollar bills"
			} else if r.cls(e, cNum) && r.t[e].v >= 1 && r.t[e].v <= 9 && r.t[e].w != "a" && r.t[e].w != "an" {
				n, e = n+r.t[e].v, e+1
			}
			return c + n, e, true
		}
	case v == 2 && r.w(j) == "thousand":
		y, e := 2000, j+1
		n := e
		if r.w(n) == "and" {
			n++
		}
		if r.cls(n, cNum) && r.t[n].v >= 1 && r.t[n].v <= 19 && r.t[n].w != "a" && r.t[n].w != "an" {
			y, e = y+r.t[n].v, n+1
		}
		return y, e, true
	}
	return 0, 0, false
}

// yearWords matches a spelled-out year where it cannot be a count: after
// "the year" ("the year two thousand") or as a "nineteen ..." year on its
// own ("in nineteen ninety-six"). "two thousand" alone is a number.
func (r *resolver) yearWords(i int) (hit, bool) {
	k := i
	if r.w(k) == "the" && r.w(k+1) == "year" {
		k += 2
	}
	y, e, ok := r.spelledYear(k)
	if !ok || k == i && (y < 1700 || y >= 2000) {
		return hit{}, false
	}
	if r.cls(e, cUnit|cUnits) || countNouns[r.w(e)] {
		return hit{}, false // "nineteen twenty-dollar bills", "nineteen hundred troops"
	}
	return hit{end: e, typ: TypeDate, val: yearValue(y), rule: "year-words"}, true
}

// yearAt reads a year at token k, in digits or in words, and returns it
// and the token after it.
func (r *resolver) yearAt(k int) (y, end int, ok bool) {
	if y, ok := r.isYear(k); ok {
		return y, k + 1, true
	}
	return r.spelledYear(k)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
