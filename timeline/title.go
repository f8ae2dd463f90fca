package timeline

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/timeline/words"
)

// Titles are made from the clause of one of the event's mentions:
// the clause that best covers the event's key words, with the date
// phrase, leading connectives, role titles ("Russian President") and
// first names of people the corpus also names alone removed, cut at
// the first comma or subordinate clause and at maxTitleWords words.
const maxTitleWords = 10

// title makes the title of an event from its mentions.
func (m *merger) title(members []int) string {
	keys := m.topKeys(members, 5)
	best, bestScore := "", -1e9
	for _, i := range members {
		c := &m.cands[i]
		t := m.titleFrom(c)
		if t == "" {
			continue
		}
		score := 0.0
		for _, tok := range words.Tokens(t) {
			for r, k := range keys {
				if tok.Key == k {
					score += 1 / float64(r+1)
				}
			}
		}
		n := len(strings.Fields(t))
		if n < 3 {
			score -= 1
		}
		if c.attached || c.m.Rule == RuleTimeOfDay {
			score -= 0.5
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	if best == "" && len(members) > 0 {
		best = clip(m.cands[members[0]].m.Sentence)
	}
	return best
}

// leadWords are dropped from the start of a title.
var leadWords = map[string]bool{"however": true, "meanwhile": true, "additionally": true, "previously": true,
	"apparently": true, "also": true, "then": true, "and": true, "but": true, "so": true, "ultimately": true,
	"furthermore": true, "moreover": true, "still": true, "that": true, "which": true, "while": true, "since": true,
	"when": true, "where": true, "who": true, "because": true, "although": true, "as": true, "on": true, "in": true,
	"at": true, "by": true, "until": true, "from": true, "for": true, "during": true, "after": true, "before": true}

// trailWords are dropped from the end of a title.
var trailWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "its": true, "their": true,
	"his": true, "her": true, "that": true, "which": true, "as": true, "about": true, "into": true}

// roles are words of a title or office that stand before a name.
var roles = map[string]bool{"president": true, "minister": true, "chancellor": true, "secretary": true, "king": true,
	"queen": true, "pope": true, "senator": true, "governor": true, "general": true, "chief": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "envoy": true, "ambassador": true, "premier": true, "mayor": true,
	"leader": true, "commissioner": true, "official": true, "director": true, "head": true}

// titleFrom makes a candidate title from one mention's clause.
func (m *merger) titleFrom(c *cand) string {
	s := c.m.Sentence
	ps, pe := c.m.Start-c.m.SentenceStart, c.m.End-c.m.SentenceStart
	cs, ce := c.ctx.cs, c.ctx.ce
	if ps < cs || pe > ce || ps < 0 || pe > len(s) {
		return ""
	}
	clause := s[cs:ps] + " " + s[pe:ce]
	// "the war, which began" → "the war began"
	for _, rel := range []string{", which ", ", who ", " which ", " who "} {
		clause = strings.Replace(clause, rel, " ", 1)
	}
	ws := strings.Fields(clause)
	// cut at the first comma (after three words) or subordinate clause
	for i, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if i >= 3 && (clauseBreaks[lw] || lw == "while" || lw == "aimed") {
			ws = ws[:i]
			break
		}
		if i >= 2 && strings.HasSuffix(w, ",") && i+1 < len(ws) && !unicode.IsUpper(firstRune(ws[i+1])) {
			ws[i] = strings.TrimSuffix(w, ",")
			ws = ws[:i+1]
			break
		}
	}
	ws = m.dropRoles(ws)
	ws = m.shortenNames(ws)
	for len(ws) > 0 && (leadWords[strings.ToLower(strings.Trim(ws[0], ",;:"))] || strings.Trim(ws[0], ",;:—–-") == "") {
		ws = ws[1:]
	}
	if len(ws) > maxTitleWords {
		ws = ws[:maxTitleWords]
	}
	for len(ws) > 0 {
		last := strings.ToLower(strings.Trim(ws[len(ws)-1], ",;:—–-“”\"'."))
		if last != "" && !trailWords[last] && !words.Stopword(last) || last == "" && false {
			break
		}
		ws = ws[:len(ws)-1]
	}
	t := strings.Trim(strings.Join(ws, " "), " ,;:—–-“”\"'.")
	t = strings.NewReplacer(" ,", ",", "“", "", "”", "", "\"", "").Replace(t)
	if t == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// dropRoles removes office titles before a name: "Russian President
// Vladimir Putin" → "Vladimir Putin", "EU foreign policy chief Kaja
// Kallas" → "Kaja Kallas".
func (m *merger) dropRoles(ws []string) []string {
	for i := 0; i+1 < len(ws); i++ {
		w := strings.ToLower(strings.Trim(ws[i], ",;:"))
		if !roles[w] || strings.HasSuffix(ws[i], ",") || !unicode.IsUpper(firstRune(ws[i+1])) {
			continue
		}
		j := i
		for j > 0 {
			p := strings.ToLower(strings.Trim(ws[j-1], ",;:"))
			if strings.HasSuffix(ws[j-1], ",") || words.Stopword(p) || trailWords[p] || strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s") {
				break
			}
			j--
		}
		ws = append(ws[:j:j], ws[i+1:]...)
		i = j
	}
	return ws
}

// shortenNames writes "Donald Trump" as "Trump" when the corpus also
// names him alone: the first word of a run of capitalised words goes
// when the run's last word is used alone elsewhere.
func (m *merger) shortenNames(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		j := i
		for j < len(ws) && unicode.IsUpper(firstRune(ws[j])) && !strings.ContainsAny(ws[j][:len(ws[j])-1], ",;") && j-i < 3 {
			j++
			if strings.HasSuffix(ws[j-1], ",") {
				break
			}
		}
		if j-i >= 2 {
			last := strings.Trim(ws[j-1], ",;:.'’s")
			last = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(ws[j-1], ",;:."), "'s"), "’s")
			if m.solo[last] && !words.Stopword(strings.ToLower(ws[i])) {
				out = append(out, ws[j-1])
				i = j - 1
				continue
			}
		}
		out = append(out, ws[i])
	}
	return out
}

// soloNames collects capitalised words that stand alone (no capitalised
// neighbour) in the sentences of the mentions: surnames and places.
func soloNames(cands []cand) map[string]bool {
	solo := map[string]bool{}
	seen := map[string]bool{}
	for _, c := range cands {
		if seen[c.m.Sentence] {
			continue
		}
		seen[c.m.Sentence] = true
		ws := strings.Fields(c.m.Sentence)
		for i, w := range ws {
			w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ",;:.!?\"“”()"), "'s"), "’s")
			if w == "" || !unicode.IsUpper(firstRune(w)) || words.Stopword(strings.ToLower(w)) {
				continue
			}
			prev := i > 0 && unicode.IsUpper(firstRune(ws[i-1])) && !strings.HasSuffix(ws[i-1], ",") && !strings.HasSuffix(ws[i-1], ".")
			next := i+1 < len(ws) && unicode.IsUpper(firstRune(ws[i+1])) && !strings.HasSuffix(ws[i], ",")
			if !prev && !next {
				solo[w] = true
			}
		}
	}
	return solo
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func clip(s string) string {
	ws := strings.Fields(s)
	if len(ws) > maxTitleWords {
		ws = append(ws[:maxTitleWords], "…")
	}
	return strings.Join(ws, " ")
}

// topKeys returns the event's most distinctive content keys: the keys
// most of its articles use in the clause of their date phrase, rarer
// keys first between equals.
func (m *merger) topKeys(members []int, n int) []string {
	arts := map[string]map[int]bool{}
	for _, i := range members {
		c := &m.cands[i]
		for _, t := range c.ctx.clause {
			if arts[t.Key] == nil {
				arts[t.Key] = map[int]bool{}
			}
			arts[t.Key][c.art] = true
		}
	}
	type kw struct {
		key   string
		score float64
	}
	var list []kw
	for k, a := range arts {
		list = append(list, kw{k, float64(len(a)) * m.idf.weight(k)})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].key < list[j].key
	})
	var out []string
	for _, k := range list {
		if len(out) == n {
			break
		}
		out = append(out, k.key)
	}
	return out
}

// idWords is how many content words an event id carries after its date.
const idWords = 3

// assignIDs gives each event without one a stable id: its date at its
// own precision and its three most distinctive words, as written
// ("2025-08-15-putin-meet-anchorage"). Ids already in taken, or given
// earlier in the list, get -2, -3... in list order.
func (m *merger) assignIDs(events []*Event, taken map[string]bool) {
	if taken == nil {
		taken = map[string]bool{}
	}
	for _, ev := range events {
		if ev.ID != "" {
			taken[ev.ID] = true
		}
	}
	for _, ev := range events {
		if ev.ID != "" {
			continue
		}
		base := strings.ToLower(ev.Date)
		if base == "" {
			base = "event"
		}
		var parts []string
		members := m.members[ev]
		for _, k := range m.topKeys(members, idWords) {
			parts = append(parts, m.surfaceOf(members, k))
		}
		if len(parts) > 0 {
			base += "-" + strings.Join(parts, "-")
		}
		id := Slug(base)
		if id == "" {
			id = "event"
		}
		ev.ID = unique(id, taken)
	}
}

func unique(id string, taken map[string]bool) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	taken[out] = true
	return out
}

// surfaceOf returns how the event's mentions most often write key.
func (m *merger) surfaceOf(members []int, key string) string {
	count := map[string]int{}
	for _, i := range members {
		for _, t := range m.cands[i].ctx.clause {
			if t.Key == key {
				count[strings.ToLower(t.Text)]++
			}
		}
	}
	best := key
	n := 0
	for w, c := range count {
		if c > n || c == n && w < best {
			best, n = w, c
		}
	}
	return best
}
