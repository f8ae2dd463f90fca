package dates

import (
	"strconv"
	"time"
)

// ---- durations

var spanWords = map[string]bool{"past": true, "last": true, "next": true, "coming": true, "first": true, "final": true,
	"previous": true, "latest": true, "following": true, "prior": true}

// duration matches "three and a half years", "the past three years",
// "two-year", "six months", "several days", "the first nine months".
func (r *resolver) duration(i int) (hit, bool) {
	k := i
	lead := false
	if r.w(k) == "the" {
		k++
		lead = true
	}
	if spanWords[r.w(k)] {
		k++
		lead = true
	}
	if k >= len(r.t) {
		return hit{}, false
	}
	if r.w(i) == "the" && k == i+1 {
		// "the year ended March 31", "the fiscal year ending June 30":
		// a twelve-month accounting period, named by its last day
		kk := k
		if r.w(kk) == "fiscal" {
			kk++
		}
		if r.cls(kk, cUnit) && r.t[kk].v == uYear && (r.w(kk+1) == "ended" || r.w(kk+1) == "ending") {
			r.periodMonths = 12 // a year-earlier figure now compares this year's
			return hit{end: kk + 1, typ: TypeDuration, val: "P1Y", rule: "year-ended"}, true
		}
	}
	if r.w(i) == "the" && k == i+1 && r.cls(k, cUnits) {
		// "over the years", "in the years that followed", "in the weeks
		// ahead": a stretch of unstated length. "in the weeks before the
		// shooting" is a time before an event the text tells, not a
		// length; it is left alone.
		switch r.w(i - 1) {
		case "over", "in", "during", "through":
			u := r.t[k].v
			switch r.w(k + 1) {
			case "before", "after", "of", "since", "until", "between", "when", "leading", "prior":
			default:
				if u != uWeekend && u != uHalf && u != uQuarter {
					e := k + 1
					if r.w(e) == "ahead" {
						e++
					}
					return hit{end: e, typ: TypeDuration, val: durValue(-1, u, false), rule: "the-units"}, true
				}
			}
		}
	}
	if k == i && r.w(i-1) == "for" {
		// "for a while", "for some time": a stretch of unstated length
		if l := string(r.lower(i + 1)); (r.w(i) == "a" && l == "while") || (r.w(i) == "some" && l == "time") {
			return hit{end: i + 2, typ: TypeDuration, val: "PXX", rule: "units"}, true
		}
	}
	n, e, half, ok := r.count(k)
	if !ok && k == i {
		// "a day-long meeting", "decades-long feud", "a weeklong visit":
		// the length of a thing, one unit or an unstated number of them
		if l, ok := longUnits[r.w(k)]; ok {
			return hit{end: k + 1, typ: TypeDuration, val: durValue(1, l, false), rule: "unit-long"}, true
		}
		if r.cls(k, cUnit|cUnits) && r.punct(k+1, '-') && r.adjacent(k+1) && r.w(k+2) == "long" && r.adjacent(k+2) {
			u, n := r.t[k].v, 1
			if r.cls(k, cUnits) {
				n = -1
			}
			if u != uWeekend && u != uHalf && u != uQuarter {
				return hit{end: k + 3, typ: TypeDuration, val: durValue(n, u, false), rule: "unit-long"}, true
			}
		}
	}
	if !ok {
		// "years", "decades", "months" after for/over/within; "the first
		// time in years" (the clause ends there)
		if k == i && r.cls(k, cUnits) && (r.w(k-1) == "for" || r.w(k-1) == "over" || r.w(k-1) == "within" ||
			r.w(k-1) == "in" && (k+1 >= len(r.t) || r.t[k+1].k == kPunct)) {
			u := r.t[k].v
			if u == uWeekend || u == uHalf {
				return hit{}, false
			}
			return hit{end: k + 1, typ: TypeDuration, val: durValue(-1, u, false), rule: "units"}, true
		}
		return hit{}, false
	}
	if !r.cls(e, cUnit|cUnits) {
		return hit{}, false
	}
	if e == k+1 && r.cls(e, cUnits) && (r.w(k) == "a" || r.w(k) == "an") {
		return hit{}, false // "a months-long search": the article is the noun's
	}
	u := r.t[e].v
	if u == uHalf || u == uWeekend && n < 0 {
		return hit{}, false
	}
	// "a minute and a half", "two years and a half"
	tail := 0
	if !half && r.w(e+1) == "and" && r.w(e+2) == "a" && r.w(e+3) == "half" {
		half, tail = true, 3
	}
	a := r.w(k)
	if (a == "a" || a == "an") && !half && !lead {
		// "a year" alone is rarely a duration of its own ("$5 a year")
		switch r.w(k - 1) {
		case "for", "over", "within", "than", "about", "nearly", "almost", "after", "in", "past", "last", "around", "only", "just":
		default:
			// "as long as a month or two": a length all the same
			if nx := r.w(e + 2); r.w(e+1) != "or" || nx != "two" && nx != "so" && nx != "more" {
				return hit{}, false
			}
		}
	}
	if lead && r.w(i) == "the" && (a == "a" || a == "an") {
		return hit{}, false
	}
	end := e + 1 + tail
	// ages are not durations: "44 years old", "a 52-year-old"
	if r.w(end) == "old" || r.punct(end, '-') && r.w(end+1) == "old" {
		return hit{}, false
	}
	// "about three-quarters of its food", "more than a quarter of the
	// market": a fraction of something, not a span of time ("several
	// quarters of losses", "the first two quarters of 1990" are)
	if u == uQuarter && !lead && r.w(end) == "of" && end+1 < len(r.t) && r.t[end+1].k == kWord &&
		(isDeterminer(r.text[r.t[end+1].s:r.t[end+1].e]) || string(r.lower(end+1)) == "all") {
		if a := string(r.lower(end + 1)); a != "a" && a != "an" || !r.cls(end+2, cUnit) { // "a quarter of an hour" is time
			return hit{end: end, rule: ""}, true // consumed, not emitted
		}
	}
	// "the first two quarters of 1990", "the last six months of 2024":
	// a half or a quarter of that year, a date
	if sw := r.w(k - 1); lead && k > i && (sw == "first" || sw == "last" || sw == "final") && !half && r.w(end) == "of" {
		if y, ok := r.isYear(end + 1); ok && (u == uQuarter || u == uMonth) {
			months := n
			if u == uQuarter {
				months = 3 * n
			}
			part := ""
			switch {
			case months == 6 && sw == "first":
				part = strconv.Itoa(y) + "-H1"
			case months == 6:
				part = strconv.Itoa(y) + "-H2"
			case months == 3 && sw == "first":
				part = strconv.Itoa(y) + "-Q1"
			case months == 3:
				part = strconv.Itoa(y) + "-Q4"
			}
			if part != "" {
				return hit{end: end + 2, typ: TypeDate, val: part, rule: "part-of-year"}, true
			}
		}
	}
	// "the past three years" is a duration; "the three years" too
	if r.punct(end, '-') && r.w(end+1) == "long" && r.adjacent(end) {
		end += 2
	} else if r.w(end) == "long" {
		end++
	}
	// a time frame boasted or promised ("could end it in 24 hours"):
	// a hypothetical, not a reported span of time
	if k == i && r.w(i-1) == "in" && r.modalBefore(i-1) {
		return hit{end: end, rule: ""}, true // consumed, not emitted
	}
	if r.w(i) == "the" && u == uMonth && !half && n > 3 && n < 12 && n%3 == 0 {
		// "the nine months", "the first six months": a reporting period
		// longer than a quarter, which "a year earlier" now compares with
		r.periodMonths = n
	}
	return hit{end: end, typ: TypeDuration, val: durValue(n, u, half), rule: "duration"}, true
}

// longUnits are the one-word lengths: "a weeklong visit", "a yearlong
// inquiry".
var longUnits = map[string]int{"hourlong": uHour, "daylong": uDay, "weeklong": uWeek, "monthlong": uMonth, "yearlong": uYear}

// modalBefore reports whether a modal or promise verb precedes token k
// in its clause.
func (r *resolver) modalBefore(k int) bool {
	for j := k - 1; j >= 0 && k-j < 10; j-- {
		t := &r.t[j]
		if t.k == kPunct && (t.ch == '.' || t.ch == ';' || t.ch == '!' || t.ch == '?') {
			return false
		}
		if t.k == kWord && t.c&cModal != 0 {
			return true
		}
	}
	return false
}

// ---- sets

var setAdverbs = map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
	"yearly": "P1Y", "quarterly": "P1Q", "hourly": "PT1H", "nightly": "P1D"}

// set matches "every Tuesday", "each year", "every two weeks", "daily".
func (r *resolver) set(i int) (hit, bool) {
	w := r.w(i)
	if v, ok := setAdverbs[w]; ok {
		// "quarterly dividend" is a kind of dividend; news corpora do
		// annotate "daily" in every use
		if nx := i + 1; w == "quarterly" && nx < len(r.t) && r.t[nx].k == kWord && r.t[nx].c == 0 {
			return hit{}, false
		}
		// "the Communist Party daily Granma", "the weekly Der Spiegel": a
		// newspaper named after it, not how often something happens
		if nx, p := i+1, i-1; nx < len(r.t) && r.t[nx].k == kWord && r.t[nx].up && r.t[nx].c&(cMonth|cMonAbbr|cWeekday) == 0 &&
			p >= 0 && r.t[p].k == kWord && (r.t[p].up || r.w(p) == "the") {
			return hit{end: i + 1, rule: ""}, true // consumed, not emitted
		}
		return hit{end: i + 1, typ: TypeSet, val: v, rule: "set-adverb"}, true
	}
	for d, pw := range pluralWeekdays {
		if w == pw {
			// "closed on Mondays", "Tuesdays and Thursdays": every such day
			return hit{end: i + 1, typ: TypeSet, val: weekdaySetValue(d), rule: "set-weekday"}, true
		}
	}
	if w != "every" && w != "each" {
		return hit{}, false
	}
	k := i + 1
	if r.cls(k, cWeekday) {
		return hit{end: k + 1, typ: TypeSet, val: weekdaySetValue(r.t[k].v), rule: "set-weekday"}, true
	}
	if r.cls(k, cUnit) {
		u := r.t[k].v
		if u == uWeekend {
			return hit{end: k + 1, typ: TypeSet, val: "XXXX-WXX-WE", rule: "set-unit"}, true
		}
		return hit{end: k + 1, typ: TypeSet, val: durValue(1, u, false), rule: "set-unit"}, true
	}
	if r.cls(k, cMonth) {
		return hit{end: k + 1, typ: TypeSet, val: "XXXX-" + twoDigits(r.t[k].v), rule: "set-month"}, true
	}
	if w == "every" {
		if n, e, _, ok := r.count(k); ok && n > 0 && r.cls(e, cUnits) {
			return hit{end: e + 1, typ: TypeSet, val: durValue(n, r.t[e].v, false), rule: "set-unit"}, true
		}
	}
	return hit{}, false
}

// ---- vague references

// pastVerbAt reports whether token k is a past-tense verb ("became",
// "released"), not a word like "last" that only cues the past.
func (r *resolver) pastVerbAt(k int) bool {
	if k >= len(r.t) || r.t[k].k != kWord {
		return false
	}
	if r.t[k].c&cPastCue != 0 {
		switch r.t[k].w {
		case "last", "yesterday", "earlier", "ago", "previously", "been":
			return false
		}
		return true
	}
	return r.t[k].w == "" && r.isPastVerb(k)
}

// ref matches now, currently, recently, the past, the future, soon ...
func (r *resolver) ref(i int) (hit, bool) {
	w := r.w(i)
	present := hit{end: i + 1, typ: TypeDate, val: "PRESENT_REF", rule: "present-ref"}
	past := hit{end: i + 1, typ: TypeDate, val: "PAST_REF", rule: "past-ref"}
	future := hit{end: i + 1, typ: TypeDate, val: "FUTURE_REF", rule: "future-ref"}
	switch w {
	case "now", "currently", "nowadays":
		return present, true
	case "current":
		if r.cls(i+1, cUnit) || r.w(i+1) == "fiscal" && r.cls(i+2, cUnit) {
			return hit{}, false // "the current quarter", "the current fiscal year"
		}
		return present, true
	case "then":
		// "at 50% of the then current market price": the present of a
		// past moment
		if r.w(i+1) == "current" || r.w(i+1) == "present" {
			past.end = i + 2
			return past, true
		}
	case "these":
		if r.w(i+1) == "days" {
			present.end = i + 2
			return present, true
		}
	case "recently":
		return past, true
	case "coming", "upcoming":
		// "in coming months", "coming quarters": the vague future
		if r.cls(i+1, cUnits) {
			future.end, future.rule = i+2, "coming-units"
			return future, true
		}
	case "recent":
		// "recent years": the vague past (TimeML PAST_REF); "recent
		// weeks" and shorter stay an unspecified stretch up to now
		if r.cls(i+1, cUnits) && r.t[i+1].v == uYear {
			past.end, past.rule = i+2, "recent-years"
			return past, true
		}
		if r.cls(i+1, cUnits) {
			u := r.t[i+1].v
			if u == uQuarter {
				u = uMonth
			}
			return hit{end: i + 2, typ: TypeDuration, val: durValue(-1, u, false), rule: "recent-units"}, true
		}
		return hit{}, false
	case "soon":
		if r.w(i+1) == "as" || r.w(i-1) == "as" {
			return hit{}, false
		}
		// "soon after he was captured", "he was soon released", "a
		// trickle that soon became a flood": shortly after a past event
		// the text narrates, not after publication
		if n := r.w(i + 1); n == "after" || n == "afterward" || n == "afterwards" || n == "thereafter" {
			return hit{}, false
		}
		if p := r.w(i - 1); p == "was" || p == "were" || p == "had" || p == "been" || r.pastVerbAt(i+1) {
			return hit{}, false
		}
		return future, true
	case "future":
		return hit{}, false // the adjective: "future payments"
	case "a":
		// "at a later date": an unstated time to come
		if r.w(i+1) == "later" && r.w(i+2) == "date" {
			future.end = i + 3
			return future, true
		}
	case "the":
		switch r.w(i + 1) {
		case "past":
			if r.w(i-1) == "in" || r.punct(i+2, '.') || r.punct(i+2, ',') {
				past.end = i + 2
				return past, true
			}
		case "future":
			if r.w(i+2) != "of" {
				future.end = i + 2
				return future, true
			}
		case "coming", "upcoming":
			if r.cls(i+2, cUnits) {
				future.end, future.rule = i+3, "coming-units"
				return future, true
			}
		case "near", "foreseeable":
			if r.w(i+2) == "future" {
				future.end = i + 3
				return future, true
			}
			if r.w(i+1) == "near" && r.w(i+2) == "term" && r.t[i+2].sp {
				// "the challenges of the near term" ("near-term" is an adjective)
				future.end = i + 3
				return future, true
			}
		case "long":
			if r.w(i+2) == "term" && r.t[i+2].sp {
				// "in the long term"; "the long-term debt" is an adjective
				future.end = i + 3
				return future, true
			}
		case "":
			if l := string(r.lower(i + 1)); (l == "short" || l == "longer") && r.w(i+2) == "term" && r.t[i+2].sp {
				// "in the short term", "over the longer term"
				future.end = i + 3
				return future, true
			}
		case "present":
			if r.w(i-1) == "at" || r.w(i-1) == "until" {
				present.end = i + 2
				return present, true
			}
		}
	}
	return hit{}, false
}

// ---- clock times

// afterPart are the words that may follow "4 in the morning" as a time;
// any other ("4 in the morning session") makes the part of day a noun's.
var afterPart = map[string]bool{"on": true, "of": true, "and": true, "or": true, "when": true, "to": true, "at": true,
	"local": true, "but": true, "after": true, "before": true, "until": true, "with": true, "from": true, "for": true,
	"as": true, "the": true, "that": true, "while": true, "in": true}

// clock matches "10:35 a.m.", "3 p.m. EDT", "1900 GMT", "noon",
// "10 p.m. Wednesday". The day is the one the expression names, else
// the anchor (rule time-of-day: the day was assumed, not stated).
func (r *resolver) clock(i int) (hit, bool) {
	hh, mm := -1, 0
	k := i
	w := r.w(i)
	restated := false
	switch {
	case w == "noon" || w == "midday":
		if string(r.lower(i-1)) == "high" {
			return hit{}, false // "high noon comes today": the decisive hour, an idiom
		}
		hh, k = 12, i+1
	case w == "midnight":
		hh, k = 24, i+1
	case r.t[i].k == kNum && r.t[i].v >= 0:
		v := r.t[i].v
		nd := r.digits(i)
		k = i + 1
		if nd <= 2 && r.punct(k, ':') && r.adjacent(k) && r.adjacent(k+1) {
			m, ok := r.num(k + 1)
			if !ok || r.digits(k+1) != 2 || m > 59 || v > 24 {
				return hit{}, false
			}
			hh, mm, k = v, m, k+2
		} else if nd <= 2 && v <= 12 {
			hh = v
		} else if nd == 4 && v/100 <= 23 && v%100 <= 59 {
			if !r.cls(k, cZone) && r.w(k) != "hours" && r.w(k) != "hrs" {
				return hit{}, false
			}
			hh, mm = v/100, v%100
			if r.w(k) == "hours" || r.w(k) == "hrs" {
				k++
			}
		} else {
			return hit{}, false
		}
		if i > 0 && !r.t[i].sp && r.t[i-1].k == kPunct && r.t[i-1].ch != '(' {
			return hit{}, false
		}
		if r.punct(i-1, '(') && (r.cls(i-2, cZone) || r.w(i-2) == "m" || r.punct(i-2, '.') && r.w(i-3) == "m") {
			// "10:35 a.m. (0735 GMT)": the same time in another zone,
			// said again; consumed, not a second expression
			restated = true
		}
	default:
		return hit{}, false
	}
	// a.m. / p.m.
	pm, ampm := false, false
	switch {
	case (r.w(k) == "a" || r.w(k) == "p") && r.punct(k+1, '.') && r.w(k+2) == "m":
		pm, ampm = r.w(k) == "p", true
		k += 3
		if r.punct(k, '.') && r.adjacent(k) {
			k++
		}
	case (r.w(k) == "am" || r.w(k) == "pm") && r.t[i].k == kNum:
		pm, ampm = r.w(k) == "pm", true
		k++
	case r.w(k) == "o'clock":
		k++
		ampm = true
	case r.t[i].k == kNum && r.digits(i) <= 2 && hh >= 1 && hh <= 12 && r.w(k) == "in" && r.w(k+1) == "the" && r.cls(k+2, cPartDay) &&
		(k+3 >= len(r.t) || r.t[k+3].k == kPunct || afterPart[string(r.lower(k+3))]):
		// "at 4 in the morning", "8 in the evening": the part of the day
		// says a.m. or p.m.
		part := r.t[k+2].v // morning, afternoon, evening, night
		pm, ampm = part == 1 || part == 2 || part == 3 && hh >= 6, true
		k += 3
	}
	if r.t[i].k == kNum && r.digits(i) <= 2 && !ampm && !r.punct(i+1, ':') {
		return hit{}, false
	}
	if ampm && hh > 12 {
		return hit{}, false
	}
	if pm && hh < 12 {
		hh += 12
	} else if ampm && !pm && hh == 12 {
		hh = 0
	}
	zoned := false
	if r.cls(k, cZone) {
		k++
		zoned = true
	}
	_ = zoned
	day := r.anchor
	rule := "time-of-day"
	// "10 p.m. Wednesday", "3 p.m. today", "9 a.m. on Friday"
	kk := k
	if r.w(kk) == "on" || r.punct(kk, ',') && r.cls(kk+1, cMonth|cMonAbbr) {
		kk++ // "5 p.m. EST, Nov. 6"
	}
	if kk < len(r.t) {
		if h, ok := r.date(kk); ok && h.day != (time.Time{}) {
			day, k, rule = h.day, h.end, "time-day"
		} else if r.punct(kk, '(') {
			// "10:35 a.m. (0735 GMT) Friday": the day after the
			// conversion to another zone is the time's, and so is a day
			// inside the parenthesis ("at 4 in the morning (4 a.m. EDT
			// Thursday)"); that day stays an expression of its own
			for p := kk + 1; p < len(r.t) && p < kk+8; p++ {
				if r.punct(p, ')') {
					if h, ok := r.date(p + 1); ok && h.day != (time.Time{}) && h.typ == TypeDate {
						day, rule = h.day, "time-day"
					}
					break
				}
				if r.cls(p, cWeekday|cMonth|cMonAbbr) {
					if h, ok := r.date(p); ok && h.day != (time.Time{}) {
						day, rule = h.day, "time-day"
						break
					}
				}
			}
		}
	}
	if w == "" && (r.w(i-1) == "at" || r.w(i-1) == "by" || r.w(i-1) == "until") {
		// still a clock time; nothing to add
	}
	note := ""
	if rule == "time-of-day" && !restated {
		// "He was shot at 10 p.m." right after the text named the day
		// of the shooting: that day, not publication's. The rule stays
		// time-of-day, so the merger still knows no day was written.
		if ref, ok := r.refNearby(r.t[i].s); ok && ref.Before(r.anchor) && r.tense(i, k) == TensePast {
			day = ref
			note = "the day of \"" + r.refText + "\", named just before, in a past-tense story; no day written with the time"
		}
	}
	if restated {
		rule = ""
	}
	v := DayValue(day) + "T" + twoDigits(hh) + ":" + twoDigits(mm)
	return hit{end: k, typ: TypeTime, val: v, rule: rule, day: day, note: note}, true
}
