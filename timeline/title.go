package timeline

import (
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/timeline/words"
)

// Titles are headline-style clauses made from the sentence of one of
// the event's mentions: the clause holding the date phrase, without
// the phrase, its dateline, leading adjuncts ("In a statement on
// August 12,"), attributions ("X said"), office titles and hedges,
// with a pronoun subject replaced by the name it stands for and the
// verb in the headline present ("met" → "meet", "is set to meet" →
// "meets"), cut after the object and place (see title_rules.go). The
// mention whose title best covers the words most of the event's
// sources share wins; day mentions and clauses with a verb first.
const maxTitleWords = 12

// title makes the title of an event from its mentions.
func (m *merger) title(members []int) string {
	if len(members) == 1 {
		return m.titleRanked(members, nil)
	}
	return m.titleRanked(members, m.rankKeys(members, titleKeys, false))
}

// titleRanked is title with the event's keys already ranked (rankKeys
// for a title); one member needs none.
func (m *merger) titleRanked(members []int, ranked []int32) string {
	if len(members) == 1 { // one candidate: no need to score it
		if t := m.titleOf(&m.cands[members[0]]); t.title != "" {
			return t.title
		}
		return clip(m.cands[members[0]].m.Sentence)
	}
	var keys [titleKeys]string
	for r, id := range ranked {
		keys[r] = m.keys[id]
	}
	best, bestScore := "", -1e9
	for _, i := range m.titleCandidates(members) {
		c := &m.cands[i]
		t := m.titleOf(c)
		if t.title == "" {
			continue
		}
		score := 0.0
		for _, tk := range t.keys {
			for r, k := range keys[:len(ranked)] {
				if tk == k {
					score += 1 / float64(r+1)
				}
			}
		}
		switch n := t.words; {
		case n < 3:
			score -= 1
		case n > 8:
			score -= 0.1 * float64(n-8)
		}
		if t.verb {
			score += 0.5
		}
		if t.quoted {
			score -= 2
		}
		if isDay(c.span) {
			score += 0.25
		}
		if c.attached || c.m.Rule == RuleTimeOfDay {
			score -= 0.5
		}
		if score > bestScore+1e-9 {
			best, bestScore = t.title, score
		}
	}
	if best == "" && len(members) > 0 {
		best = clip(m.cands[members[0]].m.Sentence)
	}
	return best
}

// titleInfo is the title one mention proposes, with what scoring it needs.
type titleInfo struct {
	title        string
	verb, quoted bool
	pronoun      bool     // the title names the person a pronoun stands for: it depends on the article
	keys         []string // the keys of its words (words.Tokens)
	words        int      // how many words it has (strings.Fields)
}

// titleKey identifies a mention's title: its sentence and date phrase.
type titleKey struct {
	sentence string
	ps, pe   int
}

// titleCache holds the title of each distinct sentence and date phrase
// of a merge (a slot, see merger.titleSlot): wire copies and events of
// many mentions ask for the same ones. A title is a function of its
// sentence and phrase (except one with a pronoun, which is not kept),
// so the cache changes no result, whatever the order in which events
// are built. Slots are filled on demand, from every core: two workers
// asking for one slot at once both make the same title, and either is
// kept.
type titleCache struct {
	slots []atomic.Pointer[titleInfo]
	// old holds the titles a MergeCache kept from the last merge, by
	// key (nil: none); it is only read.
	old map[titleKey]*titleInfo
}

// titleOf returns the title candidate c proposes (see titleFrom).
func (m *merger) titleOf(c *cand) *titleInfo {
	slot := &m.titles.slots[c.slot]
	if t := slot.Load(); t != nil {
		return t
	}
	if m.titles.old != nil {
		if t, ok := m.titles.old[titleKey{c.m.Sentence, c.m.Start - c.m.SentenceStart, c.m.End - c.m.SentenceStart}]; ok {
			slot.Store(t)
			return t
		}
	}
	t := &titleInfo{}
	t.title, t.verb, t.quoted, t.pronoun = m.titleFrom(c)
	if t.title != "" {
		memo := titleMemos.Get().(*titleMemo)
		memo.buf = memo.memo.AppendTokens(memo.buf[:0], t.title)
		t.keys = make([]string, len(memo.buf))
		for i, tok := range memo.buf {
			t.keys[i] = tok.Key
		}
		titleMemos.Put(memo)
		t.words = len(strings.Fields(t.title))
	}
	if !t.pronoun {
		slot.Store(t)
	}
	return t
}

// titleMemos hold the words.Memo that reads titles, one per goroutine at a time.
var titleMemos = sync.Pool{New: func() any { return new(titleMemo) }}

type titleMemo struct {
	memo words.Memo
	buf  []words.Token
}

// maxTitleCandidates is how many mentions of a large event propose a
// title: scoring every one of an event with a thousand mentions costs
// much and says little more.
const maxTitleCandidates = 24

// titleCandidates returns the mentions that propose titles: all of a
// small event's; for a large one, one mention per article, day
// mentions first, in article order, up to maxTitleCandidates.
func (m *merger) titleCandidates(members []int) []int {
	if len(members) <= maxTitleCandidates {
		return members
	}
	var out []int
	seen := map[int]bool{}
	for pass := 0; pass < 2 && len(out) < maxTitleCandidates; pass++ {
		for _, i := range members {
			c := &m.cands[i]
			if seen[c.art] || (pass == 0) != isDay(c.span) || c.attached || c.m.Rule == RuleTimeOfDay {
				continue
			}
			seen[c.art] = true
			out = append(out, i)
			if len(out) == maxTitleCandidates {
				break
			}
		}
	}
	if len(out) == 0 {
		out = members[:maxTitleCandidates]
	}
	return out
}

// trailWords are dropped from the end of a title.
var trailWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "its": true, "their": true,
	"his": true, "her": true, "that": true, "which": true, "as": true, "about": true, "into": true, "under": true}

// roles are words of a title or office that stand before a name.
var roles = map[string]bool{"president": true, "minister": true, "chancellor": true, "secretary": true, "king": true,
	"queen": true, "pope": true, "senator": true, "governor": true, "general": true, "chief": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "envoy": true, "ambassador": true, "premier": true, "mayor": true,
	"leader": true, "commissioner": true, "official": true, "director": true, "head": true}

// titleFrom makes a candidate title from one mention's sentence; verb
// tells whether it found a verb, quoted whether the date phrase is
// inside a quotation, pronoun whether it put a name for a pronoun
// (found in the article's earlier text).
func (m *merger) titleFrom(c *cand) (title string, verb, quoted, pronoun bool) {
	s := c.m.Sentence
	ps, pe := c.m.Start-c.m.SentenceStart, c.m.End-c.m.SentenceStart
	if ps < 0 || pe > len(s) || ps >= pe {
		return "", false, false, false
	}
	quoted = inQuote(s[:ps])
	ws := markDate(s, ps, pe)
	ws = dropDateline(ws)
	ws = dropLeadAdjuncts(ws)
	ws = clauseOf(ws)
	ws = dropDate(ws)
	ws = dropAttribution(ws)
	ws = dropLeadAdjuncts(ws)
	ws = m.dropRoles(ws)
	ws = m.shortenNames(ws)
	if hasPronoun(ws) {
		pronoun = true
		person, pair := "", ""
		if c.art < len(m.articles) {
			// the names written before the pronoun: earlier sentences,
			// then this sentence up to the pronoun
			text := m.articles[c.art].Text
			if c.m.SentenceStart <= len(text) {
				before := text[:c.m.SentenceStart] + " " + s[:pronounAt(s)]
				person, pair = namesBefore(before, m.persons)
			}
		}
		ws = resolveSubject(ws, person, pair)
	}
	ws = dropHedges(ws)
	ws, v := headlineVerb(ws)
	verb = v >= 0
	ws = cutTail(ws, v)
	ws = dropPlaceQualifiers(ws)
	if len(ws) > maxTitleWords {
		ws = ws[:maxTitleWords]
	}
	for len(ws) > 0 {
		last := strings.ToLower(strings.Trim(ws[len(ws)-1], ",;:—–-“”\"'."))
		if last != "" && !trailWords[last] && !words.Stopword(last) {
			break
		}
		ws = ws[:len(ws)-1]
	}
	t := strings.Trim(strings.Join(ws, " "), " ,;:—–-“”\"'.")
	if strings.ContainsAny(t, ",“”\"\x00") {
		t = titleCleaner.Replace(t)
	}
	if t == "" {
		return "", false, quoted, pronoun
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:], verb, quoted, pronoun
}

// titleCleaner removes quotation marks and the date mark from a title.
var titleCleaner = strings.NewReplacer(" ,", ",", "“", "", "”", "", "\"", "", dateMark, "")

// inQuote reports whether the end of s is inside a quotation.
func inQuote(s string) bool {
	return strings.Count(s, "“") > strings.Count(s, "”") || strings.Count(s, "\"")%2 == 1
}

// pronounAt returns the offset of the first subject pronoun in s, or len(s).
func pronounAt(s string) int {
	at := len(s)
	for _, p := range []string{"he", "she", "they", "their", "He", "She", "They", "Their"} {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], p)
			if i < 0 {
				break
			}
			i += from
			end := i + len(p)
			if (i == 0 || !isWordRune(rune(s[i-1]))) && (end == len(s) || !isWordRune(rune(s[end]))) {
				at = min(at, i)
				break
			}
			from = end
		}
	}
	return at
}

// hasPronoun reports whether a pronoun opens the title's first words.
func hasPronoun(ws []string) bool {
	for i, w := range ws {
		if i > 3 {
			break
		}
		switch bare(w) {
		case "he", "she", "they", "their":
			return true
		}
	}
	return false
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
			if strings.HasSuffix(ws[j-1], ",") || words.Stopword(p) && !allCaps(strings.Trim(ws[j-1], ".")) && p != "us" || trailWords[p] || strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s") {
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
	out := ws[:0] // in place: words are written only after they are read
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

// nameReader finds the names of one sentence at a time, remembering
// the stopword test of each word: solo names, capitalised words that
// stand alone (no capitalised neighbour), surnames and places; and
// persons, the last words of runs of two or three capitalised words
// ("Donald Trump" → "Trump") that are not datelines or roles.
type nameReader struct {
	stop          map[string]bool // words.Stopword of the lower-case form, by word as written
	ws            []string
	solo, persons []string
}

// read returns the solo names and persons of sent, in slices it reuses.
func (r *nameReader) read(sent string) (solo, persons []string) {
	if r.stop == nil {
		r.stop = map[string]bool{}
	}
	isStop := func(w string) bool {
		s, ok := r.stop[w]
		if !ok {
			s = words.Stopword(strings.ToLower(w))
			r.stop[w] = s
		}
		return s
	}
	r.solo, r.persons = r.solo[:0], r.persons[:0]
	ws := appendFields(r.ws[:0], sent)
	r.ws = ws
	for i, w := range ws {
		w = trimNamePunct(w)
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w == "" || !unicode.IsUpper(firstRune(w)) || isStop(w) {
			continue
		}
		prev := i > 0 && unicode.IsUpper(firstRune(ws[i-1])) && !strings.HasSuffix(ws[i-1], ",") && !strings.HasSuffix(ws[i-1], ".")
		next := i+1 < len(ws) && unicode.IsUpper(firstRune(ws[i+1])) && !strings.HasSuffix(ws[i], ",")
		if !prev && !next {
			r.solo = append(r.solo, w)
		}
		if prev && !next && i >= 1 && !strings.HasSuffix(ws[i-1], "—") {
			first := trimNamePunct(ws[i-1])
			if !allCaps(first) && !allCaps(w) && !isStop(first) && !roles[strings.ToLower(first)] &&
				first != "The" && (i < 2 || !unicode.IsUpper(firstRune(ws[i-2])) || strings.HasSuffix(ws[i-2], ",")) && !strings.ContainsAny(w, "-") {
				r.persons = append(r.persons, w)
			}
		}
	}
	return r.solo, r.persons
}

// trimNamePunct is strings.Trim(w, ",;:.!?\"“”()"), faster.
func trimNamePunct(w string) string {
	for len(w) > 0 {
		if n := namePunctAt(w, 0); n > 0 {
			w = w[n:]
			continue
		}
		break
	}
	for len(w) > 0 {
		if c := w[len(w)-1]; c < utf8.RuneSelf {
			if isNamePunct(c) {
				w = w[:len(w)-1]
				continue
			}
			break
		}
		if strings.HasSuffix(w, "“") || strings.HasSuffix(w, "”") {
			w = w[:len(w)-len("“")]
			continue
		}
		break
	}
	return w
}

// namePunctAt returns the length of the trimmed punctuation mark at w[i:], or 0.
func namePunctAt(w string, i int) int {
	if c := w[i]; c < utf8.RuneSelf {
		if isNamePunct(c) {
			return 1
		}
		return 0
	}
	if strings.HasPrefix(w[i:], "“") || strings.HasPrefix(w[i:], "”") {
		return len("“")
	}
	return 0
}

func isNamePunct(c byte) bool {
	switch c {
	case ',', ';', ':', '.', '!', '?', '"', '(', ')':
		return true
	}
	return false
}

// appendFields appends the fields of s, as strings.Fields returns them, to ws.
func appendFields(ws []string, s string) []string {
	for i := 0; i < len(s); {
		// skip the spaces
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		// a field, up to the next space
		start := i
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		ws = append(ws, s[start:i])
	}
	return ws
}

// asciiSpace marks the ASCII bytes strings.Fields splits at.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

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

// idKeys are the keys of an event's id: its most distinctive names,
// places and nouns; names count double, and verbs and office titles
// ("met", "announced", "chief") are left out.
func (m *merger) idKeys(members []int, n int) []int32 { return m.rankKeys(members, n, true) }

// rankPool holds rankKeys' scratch space, one per goroutine at a time.
var rankPool = sync.Pool{New: func() any { return new(rankScratch) }}

type rankScratch struct {
	pairs []uint64 // key<<33 | article<<1 | name
	keys  [2]keyCounter
	top   []keyScore
}

// keyCounter counts, per key id, the articles using it (arts), the
// last article counted plus one (last) and whether a name used it;
// touched lists the keys counted.
type keyCounter struct {
	arts, last []int32
	name       []bool
	touched    []int32
}

func (kc *keyCounter) count(key int32, art int, name bool) {
	if kc.last[key] == 0 {
		kc.touched = append(kc.touched, key)
	}
	if kc.last[key] != int32(art)+1 {
		kc.last[key] = int32(art) + 1
		kc.arts[key]++
	}
	kc.name[key] = kc.name[key] || name
}

// top returns the n keys of highest score (articles × idf weight,
// names double for ids), higher first, then by id, and resets kc.
func (kc *keyCounter) top(n int, weight []float64, forID bool, top []keyScore) ([]int32, []keyScore) {
	top = top[:0]
	for _, key := range kc.touched {
		k := keyScore{key, float64(kc.arts[key]) * weight[key]}
		if forID && kc.name[key] {
			k.score *= 2
		}
		kc.arts[key], kc.last[key], kc.name[key] = 0, 0, false
		if len(top) == n && !k.before(top[n-1]) {
			continue
		}
		if len(top) < n {
			top = append(top, k)
		} else {
			top[n-1] = k
		}
		for j := len(top) - 1; j > 0 && top[j].before(top[j-1]); j-- {
			top[j], top[j-1] = top[j-1], top[j]
		}
	}
	kc.touched = kc.touched[:0]
	out := make([]int32, len(top))
	for j, k := range top {
		out[j] = k.key
	}
	return out, top
}

type keyScore struct {
	key   int32
	score float64
}

// before orders keys by score, higher first, then by id.
func (a keyScore) before(b keyScore) bool {
	return a.score > b.score || a.score == b.score && a.key < b.key
}

// scratch returns a rankScratch sized for the merger's keys.
func (m *merger) rankScratch() *rankScratch {
	sc := rankPool.Get().(*rankScratch)
	for k := range sc.keys {
		if kc := &sc.keys[k]; len(kc.arts) < len(m.keys) {
			kc.arts, kc.last, kc.name = make([]int32, len(m.keys)), make([]int32, len(m.keys)), make([]bool, len(m.keys))
		}
	}
	return sc
}

// byArticle reports whether members come grouped by article.
func (m *merger) byArticle(members []int) bool {
	return slices.IsSortedFunc(members, func(a, b int) int { return cmp.Compare(m.cands[a].art, m.cands[b].art) })
}

// rankKeys ranks the keys of the clauses of members by the number of
// articles using them times their idf weight (names double for ids),
// and returns the first n ids: for titles (forID false), the event's
// most distinctive content keys, the keys most of its articles use in
// the clause of their date phrase, rarer keys first between equals.
func (m *merger) rankKeys(members []int, n int, forID bool) []int32 {
	if n <= 0 {
		return nil
	}
	sc := m.rankScratch()
	defer rankPool.Put(sc)
	kc := &sc.keys[0]
	if m.byArticle(members) {
		// the members of an article are together: a key's articles are
		// counted as they change
		for _, i := range members {
			c := &m.cands[i]
			for _, t := range m.slotCtx[c.slot].clause {
				if !forID || !t.idSkip {
					kc.count(t.key, c.art, t.name)
				}
			}
		}
	} else {
		pairs := sc.pairs[:0]
		for _, i := range members {
			c := &m.cands[i]
			for _, t := range m.slotCtx[c.slot].clause {
				if forID && t.idSkip {
					continue
				}
				p := uint64(t.key)<<33 | uint64(c.art)<<1
				if t.name {
					p |= 1
				}
				pairs = append(pairs, p)
			}
		}
		slices.Sort(pairs)
		for _, p := range pairs {
			kc.count(int32(p>>33), int(p>>1&(1<<32-1)), p&1 != 0)
		}
		sc.pairs = pairs
	}
	var out []int32
	out, sc.top = kc.top(n, m.weight, forID, sc.top)
	return out
}

// rankBoth is rankKeys for a title (titleKeys keys) and for an id
// (idWords keys) in one pass over the members.
func (m *merger) rankBoth(members []int) (forTitle, forID []int32) {
	if !m.byArticle(members) {
		return m.rankKeys(members, titleKeys, false), m.rankKeys(members, idWords, true)
	}
	sc := m.rankScratch()
	defer rankPool.Put(sc)
	kt, ki := &sc.keys[0], &sc.keys[1]
	for _, i := range members {
		c := &m.cands[i]
		for _, t := range m.slotCtx[c.slot].clause {
			kt.count(t.key, c.art, t.name)
			if !t.idSkip {
				ki.count(t.key, c.art, t.name)
			}
		}
	}
	forTitle, sc.top = kt.top(titleKeys, m.weight, false, sc.top)
	forID, sc.top = ki.top(idWords, m.weight, true, sc.top)
	return forTitle, forID
}

// titleKeys is how many of an event's keys score its title candidates.
const titleKeys = 5

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
	// the ids before suffixes, on every core; the suffixes in list order
	bases := make([]string, len(events))
	forEach(len(events), runtime.GOMAXPROCS(0), func(k int) {
		ev := events[k]
		if ev.ID != "" {
			return
		}
		base := strings.ToLower(ev.Date)
		if base == "" {
			base = "event"
		}
		members := m.members[ev]
		ids, ok := m.idKeysOf[ev]
		if !ok {
			ids = m.idKeys(members, idWords)
		}
		parts := m.surfacesOf(members, ids)
		if len(parts) > 0 {
			base += "-" + strings.Join(parts, "-")
		}
		id := Slug(base)
		if id == "" {
			id = "event"
		}
		bases[k] = id
	})
	for k, ev := range events {
		if ev.ID == "" {
			ev.ID = m.unique(bases[k], taken)
		}
	}
}

// unique returns id, or id-2, id-3... the first one not in taken,
// and marks it taken. It remembers, per id, the suffix it reached: a
// thousand events of one id cost a thousand steps, not a million. Every taken map the merger uses holds all ids given
// before, so the suffixes skipped are still taken and the result is
// the same.
func (m *merger) unique(id string, taken map[string]bool) string {
	if m.next == nil {
		m.next = map[string]int{}
	}
	out := id
	n := max(m.next[id], 2)
	if taken[out] {
		out = id + "-" + strconv.Itoa(n)
	}
	for taken[out] {
		n++
		out = id + "-" + strconv.Itoa(n)
	}
	m.next[id] = n
	taken[out] = true
	return out
}

// surfacesOf returns how the event's mentions most often write each
// of keys (ids); between forms as frequent, the first in string order.
func (m *merger) surfacesOf(members []int, keys []int32) []string {
	// count each way of writing as written, then by form ("U.S." and
	// "US" are both "us"): few, as a key is written a few ways
	type written struct {
		k, n int
		w    string
	}
	type kw struct {
		k int
		w string
	}
	var raw []written
	var index map[kw]int // raw's index, once raw is long (a large event)
	// members of one slot write alike: each slot is read once, counted
	// as many times as it has members
	slots := make([]int32, len(members))
	for k, i := range members {
		slots[k] = m.cands[i].slot
	}
	slices.Sort(slots)
	for lo := 0; lo < len(slots); {
		hi := lo + 1
		for hi < len(slots) && slots[hi] == slots[lo] {
			hi++
		}
		times := hi - lo
		c := &m.cands[m.slotCand[slots[lo]]]
		lo = hi
		for _, t := range m.slotCtx[c.slot].clause {
			if t.verb {
				continue
			}
			for k, key := range keys {
				if t.key != key {
					continue
				}
				w := c.m.Sentence[t.start:t.end]
				f := -1
				if index != nil {
					if at, ok := index[kw{k, w}]; ok {
						f = at
					}
				} else {
					for at := range raw {
						if raw[at].k == k && raw[at].w == w {
							f = at
							break
						}
					}
				}
				if f >= 0 {
					raw[f].n += times
					continue
				}
				raw = append(raw, written{k, times, w})
				if index != nil {
					index[kw{k, w}] = len(raw) - 1
				} else if len(raw) > 16 {
					index = make(map[kw]int, 64)
					for at, r := range raw {
						index[kw{r.k, r.w}] = at
					}
				}
			}
		}
	}
	var forms []written
	for _, r := range raw {
		w := surfaceForm(r.w)
		found := false
		for f := range forms {
			if forms[f].k == r.k && forms[f].w == w {
				forms[f].n += r.n
				found = true
				break
			}
		}
		if !found {
			forms = append(forms, written{r.k, r.n, w})
		}
	}
	out := make([]string, len(keys))
	n := make([]int, len(keys))
	for k, key := range keys {
		out[k] = m.keys[key]
	}
	for _, f := range forms {
		if f.n > n[f.k] || f.n == n[f.k] && f.w < out[f.k] {
			out[f.k], n[f.k] = f.w, f.n
		}
	}
	return out
}

// surfaceForm is a word lower-cased without its dots ("U.S." → "us"),
// allocating only when it changes.
func surfaceForm(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c == '.' || c >= utf8.RuneSelf {
			return strings.ReplaceAll(strings.ToLower(w), ".", "")
		}
	}
	return w
}
