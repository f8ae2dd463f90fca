package dates

import (
	"strconv"
	"strings"
	"time"
)

// Inference is a publication date inferred from an article's own text,
// for articles that do not state one.
type Inference struct {
	// Anchor is the day the article's relative dates are resolved against.
	Anchor time.Time
	// Earliest and Latest bound the window the article was published in (inclusive days).
	Earliest, Latest time.Time
	// Evidence lists, in plain words, the cues the window rests on.
	Evidence []string
}

// InferAnchor infers a publication window from text alone, for an
// article that does not state its date:
//
//   - the year comes from the text's own full dates ("August 15, 2025"),
//     or from an elapsed time ("fought over for three and a half years"
//     after "February 2022"), or, weakest, from the latest year it names;
//   - a date reported in the past tense ("On August 8, Trump made ...")
//     means the article is not earlier; a date it announces ("will meet
//     on August 15") means it is earlier;
//   - "announced on Friday" puts publication on that Friday or in the six
//     days after it; "will meet Friday" in the six days before it;
//   - "next week" with an announced date puts publication in the week
//     before that date's week.
//
// The anchor is the earliest day of the window. ok is false when the
// text gives no year to go on.
func InferAnchor(text string) (inf Inference, ok bool) {
	r := getResolver(text, time.Time{})
	defer putResolver(r)
	// pass 1: explicit years only (the anchor year does not matter for them)
	r.anchor = Day(2000, 7, 1)
	r.wantTense = true
	r.whole = true
	r.reach = 20 // a publication cue may sit further from its verb
	r.run()
	year, est, why := r.inferYear()
	if year == 0 {
		return Inference{}, false
	}
	if est.IsZero() {
		est = Day(year, 7, 1)
		if r.latestFull.Year() == year {
			est = r.latestFull
		}
	}
	inf, ok = r.window(est)
	if !ok {
		return Inference{}, false
	}
	// pass 2: resolve again against the window's start, so yearless
	// dates near a year boundary land in the right year
	inf2, ok2 := r.window(inf.Anchor)
	if ok2 {
		inf = inf2
	}
	inf.Evidence = append([]string{why}, inf.Evidence...)
	return inf, true
}

// inferYear finds the year an undated text was written in and, when it
// can, a rough date in it.
func (r *resolver) inferYear() (year int, est time.Time, why string) {
	best := time.Time{}
	bestText := ""
	maxYear, maxYearText := 0, ""
	for i, e := range r.out {
		switch e.Rule {
		case "month-day-year", "day-month-year", "iso-date", "numeric-date", "month-year":
			if s, ok := ParseSpan(e.Value); ok && s.Start.After(best) {
				best, bestText = s.Start, e.Text
			}
		case "year":
			if y, _ := strconv.Atoi(e.Value); y > maxYear {
				maxYear, maxYearText = y, e.Text
			}
		case "duration":
			// "fought over for three and a half years" after "February 2022"
			if s, when, ok := r.elapsed(i); ok && (est.IsZero() || s.After(est)) {
				est = s
				why = "year from an elapsed time: \"" + when + "\" + \"" + e.Text + "\" (" + MonthValue(s) + ")"
			}
		}
	}
	if !est.IsZero() && est.Year() >= best.Year() && est.Year() >= maxYear {
		return est.Year(), est, why
	}
	r.latestFull = best
	if !best.IsZero() && best.Year() >= maxYear {
		return best.Year(), time.Time{}, "year from the latest full date: \"" + bestText + "\" (" + strconv.Itoa(best.Year()) + ")"
	}
	if maxYear > 0 {
		return maxYear, time.Time{}, "year from the latest year named: \"" + maxYearText + "\" (weak)"
	}
	return 0, time.Time{}, ""
}

// elapsed reads out[i], a duration in a perfect-tense clause ("has
// dragged on for three years", "that's been fought over for ..."), as
// time elapsed since the latest month or day the text named before it.
func (r *resolver) elapsed(i int) (time.Time, string, bool) {
	e := r.out[i]
	ti := r.tokenAt(e.Start)
	if ti < 1 || r.w(ti-1) != "for" && r.w(ti-1) != "past" {
		return time.Time{}, "", false
	}
	perfect := false
	for k := ti - 2; k >= 0 && ti-k < 12; k-- {
		if r.t[k].k == kPunct && (r.t[k].ch == '.' || r.t[k].ch == ';') {
			break
		}
		if w := r.w(k); w == "been" || w == "has" || w == "have" {
			perfect = true
			break
		}
	}
	if !perfect {
		return time.Time{}, "", false
	}
	for j := i - 1; j >= 0; j-- {
		p := r.out[j]
		if e.Start-p.End > 400 {
			break // too far back to be what the time elapsed since
		}
		if p.Rule != "month-year" && p.Rule != "month-day-year" && p.Rule != "day-month-year" && p.Rule != "iso-date" {
			continue
		}
		s, ok := ParseSpan(p.Value)
		if !ok {
			return time.Time{}, "", false
		}
		y, m, d, ok := durationParts(e.Value)
		if !ok {
			return time.Time{}, "", false
		}
		return s.Start.AddDate(y, m, d), p.Text, true
	}
	return time.Time{}, "", false
}

// durationParts reads PnY, PnM, PnW, PnD and PnYnM durations.
func durationParts(v string) (y, m, d int, ok bool) {
	if !strings.HasPrefix(v, "P") || strings.Contains(v, "T") || strings.Contains(v, "X") {
		return 0, 0, 0, false
	}
	n := 0
	digits := false
	for _, c := range v[1:] {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits = true
			continue
		case c == 'Y':
			y = n
		case c == 'M':
			m = n
		case c == 'W':
			d += 7 * n
		case c == 'D':
			d += n
		default:
			return 0, 0, 0, false
		}
		n = 0
	}
	return y, m, d, digits
}

// tokenAt returns the index of the token starting at byte offset off.
func (r *resolver) tokenAt(off int) int {
	lo, hi := 0, len(r.t)
	for lo < hi {
		mid := (lo + hi) / 2
		if r.t[mid].s < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// window resolves the text against anchor and intersects the
// constraints its dates put on the publication day.
func (r *resolver) window(anchor time.Time) (Inference, bool) {
	r.anchor = anchor
	r.out = r.out[:0]
	r.tenses = r.tenses[:0]
	r.lastQY, r.lastQ, r.periodMonths = 0, 0, 0
	r.run()
	lo, hi := time.Time{}, time.Time{}
	raise := func(d time.Time) {
		if lo.IsZero() || d.After(lo) {
			lo = d
		}
	}
	lower := func(d time.Time) {
		if hi.IsZero() || d.Before(hi) {
			hi = d
		}
	}
	quote := func(e Expr) string { return "\"" + r.clause(e) + "\"" }
	var ev []string
	nextWeek := false
	lastPast, firstFuture := -1, -1
	var lastPastDay, firstFutureDay time.Time
	// absolute days first: reported (past) and announced (future)
	for i, e := range r.out {
		if e.Rule == "next-unit" && strings.Contains(e.Value, "-W") {
			nextWeek = true
		}
		if e.Type != TypeDate || len(e.Value) != 10 || !absoluteRule(e.Rule) {
			continue
		}
		d, ok := ParseSpan(e.Value)
		if !ok {
			continue
		}
		switch r.tenses[i] {
		case TensePast:
			if lastPast < 0 || d.Start.After(lastPastDay) {
				lastPast, lastPastDay = i, d.Start
			}
		case TenseFuture:
			if firstFuture < 0 || d.Start.Before(firstFutureDay) {
				firstFuture, firstFutureDay = i, d.Start
			}
		}
	}
	if lastPast >= 0 {
		raise(lastPastDay)
		ev = append(ev, "latest past date reported: "+quote(r.out[lastPast])+" ("+DayValue(lastPastDay)+")")
	}
	if firstFuture >= 0 {
		lower(firstFutureDay.AddDate(0, 0, -1))
		ev = append(ev, "announced as still to come: "+quote(r.out[firstFuture])+" ("+DayValue(firstFutureDay)+")")
		if nextWeek {
			mon := isoMonday(firstFutureDay).AddDate(0, 0, -7)
			raise(mon)
			lower(mon.AddDate(0, 0, 6))
			ev = append(ev, "\"next week\" for the announced "+DayValue(firstFutureDay)+": published in the week of Monday "+DayValue(mon))
		}
	}
	// weekday cues: the weekday nearest the window that fits
	for i, e := range r.out {
		if !strings.HasPrefix(e.Rule, "weekday") || len(e.Value) < 10 {
			continue
		}
		d, ok := ParseSpan(e.Value[:10])
		if !ok {
			continue
		}
		wd := d.Start.Weekday()
		switch r.tenses[i] {
		case TensePast:
			f := hi
			if f.IsZero() {
				f = anchor
			}
			for f.Weekday() != wd {
				f = f.AddDate(0, 0, -1)
			}
			raise(f)
			lower(f.AddDate(0, 0, 6))
			ev = append(ev, "weekday cue: "+quote(e)+": a "+wd.String()+" on or before publication ("+DayValue(f)+")")
		case TenseFuture:
			f := lo
			if f.IsZero() {
				f = anchor
			}
			for f.Weekday() != wd {
				f = f.AddDate(0, 0, 1)
			}
			lower(f)
			raise(f.AddDate(0, 0, -6))
			ev = append(ev, "weekday cue: "+quote(e)+": a "+wd.String()+" on or after publication ("+DayValue(f)+")")
		}
	}
	if lo.IsZero() && hi.IsZero() {
		return Inference{}, false
	}
	out := ev
	switch {
	case lo.IsZero():
		lo = hi
		out = append(out, "no earlier bound in the text: assumed published on "+DayValue(hi))
	case hi.IsZero():
		hi = lo
		out = append(out, "no later bound in the text: assumed published on "+DayValue(lo))
	case hi.Before(lo):
		out = append(out, "the cues conflict ("+DayValue(lo)+" is after "+DayValue(hi)+"): kept the latest past date")
		hi = lo
	}
	return Inference{Anchor: lo, Earliest: lo, Latest: hi, Evidence: out}, true
}

func isoMonday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// clause returns the expression with a few words of context, for evidence.
func (r *resolver) clause(e Expr) string {
	i := r.tokenAt(e.Start)
	j := i
	for j < len(r.t) && r.t[j].s < e.End {
		j++
	}
	a := i
	for n := 0; a > 0 && n < 2 && r.t[a-1].k == kWord; n++ {
		a--
	}
	return strings.Join(strings.Fields(r.text[r.t[a].s:e.End]), " ")
}

// absoluteRule reports whether a rule dates a day by itself, not
// relative to the anchor.
func absoluteRule(rule string) bool {
	return strings.HasPrefix(rule, "month-day") || strings.HasPrefix(rule, "day-month") || rule == "iso-date" || rule == "numeric-date"
}
