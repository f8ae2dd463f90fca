package timeline

import (
	"cmp"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/timeline-news/timeline/timeline/dates"
	"github.com/timeline-news/timeline/timeline/words"
)

// Thresholds of content similarity (cosine of idf-weighted word
// vectors, 0 to 1) that decide whether mentions report one happening.
// They are tested on cases of their own in merge_test.go.
const (
	// sameDayThreshold: a mention joins an event on its own day.
	sameDayThreshold = 0.2
	// coarseThreshold: a week, month or year mention joins a finer
	// event inside its span ("in 2022" → the invasion in February 2022).
	coarseThreshold = 0.15
	// conflictThreshold: two events a few days apart, told by different
	// reports, are one happening dated differently.
	conflictThreshold = 0.45
	// conflictWindow is how many days apart such dates may be.
	conflictWindow = 7
	// attachWindow: a clock time whose day the resolver assumed may
	// belong to an event of its article up to this many days later.
	attachWindow = 3
	// coarseSameThreshold: a coarse mention with no finer event to join
	// joins an event founded by a mention of the same period ("since
	// early 2020" and "since early 2020" in another report of the story).
	coarseSameThreshold = 0.5
	// nearConflictWindow: events at most this many days apart, in
	// nearly the same words, are one happening dated differently even
	// when a report tells both days, as long as most of the reports of
	// each give only one of them (a report that got the day wrong once).
	nearConflictWindow = 2
	// nearConflictThreshold: the similarity such events need.
	nearConflictThreshold = 0.35
)

// RuleTimeOfDay is the resolver rule of a clock time ("at 1900 GMT")
// whose day was assumed to be the anchor's: the merger attaches it to
// the matching event of its article in the following week, if any.
const RuleTimeOfDay = "time-of-day"

// Merge turns the mentions of all articles into events. Mentions that
// report the same happening become one event: their dates must be
// compatible (a day inside a mentioned week, month or year; or days a
// few apart, which is then a conflict) and their words must match
// (names, places, key words, weighted by how rare they are in the
// corpus: the same day alone is not enough). Mentions without a place
// on the calendar (durations, sets, vague references) are returned as
// unplaced. The curation in cfg.Events is applied last. mentions is
// not changed: the events and the unplaced hold copies of its mentions.
//
// Merge compares mentions only within date buckets (a day, the days
// near it, the months of a coarse date), never all pairs, so it stays
// near-linear in the number of mentions.
func Merge(articles []*Article, mentions []Mention, cfg Config) (events []*Event, unplaced []Mention) {
	r := MergeAll(articles, mentions, cfg)
	return r.Events, r.Unplaced
}

// MergeResult is everything Merge finds.
type MergeResult struct {
	// Events in chronological order, curated.
	Events []*Event
	// Unplaced are the mentions that are not events.
	Unplaced []Mention
	// Findings are the curation's own findings: overrides that matched
	// nothing ("stale-override").
	Findings []Finding
}

// MergeAll is Merge with the curation findings.
func MergeAll(articles []*Article, mentions []Mention, cfg Config) MergeResult {
	return mergeAll(articles, mentions, cfg, nil, false)
}

// mergeAll is MergeAll with a cache (see MergeCache), or none. When
// owned, mentions is the merge's to reorder: the events' and the
// unplaced mentions are parts of it (see regroup), not copies, and the
// caller must not use it afterwards. Otherwise it is copied first.
func mergeAll(articles []*Article, mentions []Mention, cfg Config, cache *cacheUse, owned bool) MergeResult {
	if !owned {
		mentions = slices.Clone(mentions)
	}
	m := newMergerWith(articles, mentions, cache)
	m.cluster()
	m.dropClustering()
	<-m.wireDone
	live := m.liveClusters()
	sorted := make([][]int, len(live))
	forEach(len(live), runtime.GOMAXPROCS(0), func(k int) { sorted[k] = m.sortMembers(live[k].members) })
	m.regroup(mentions, sorted)
	events := m.events(live, sorted)
	if cache != nil {
		cache.keepTitles(m, m.sentIndex)
	}
	events, findings := m.curate(events, cfg.Events)
	m.clearUnheld(events)
	finishCorpus(events)
	sortEvents(events)
	return MergeResult{Events: events, Unplaced: m.unplaced, Findings: findings}
}

// dropClustering frees what only clustering reads, before the events
// are built, where a build's memory peaks: the clusters' centroids and
// their dense copies, the posting lists, the article and day lists, and
// the slots' vectors. The events need of a cluster only its members.
func (m *merger) dropClustering() {
	for _, cl := range m.clusters {
		cl.centroid, cl.dense = nil, nil
	}
	m.posting, m.byArt, m.byDay = postTable{}, nil, nil
	m.slotVec, m.slotNorm = nil, nil
	m.seq = placer{}
}

// cand is a mention that has a place on the calendar.
type cand struct {
	m        *Mention // in the merger's mentions (moved by regroup, which updates it)
	span     dates.Span
	art      int   // index of the article in the merger's list
	cl       int   // the cluster it is in (-1 before it is placed)
	attached bool  // a time-of-day mention attached to an event of another day: it does not vote on the date
	period   int32 // a coarse mention's period (see merger.period), -1 before cluster sets it
	// at is the index of m in the mentions the merger was given, pos
	// its index there once regroup has put them in event order (-1
	// before).
	at, pos int32
	// slot is the index of its sentence and phrase among the distinct
	// ones (see newMergerWith): candidates of one slot share their
	// context, vector and title, kept once per slot (merger.slotCtx,
	// slotVec, slotNorm).
	slot int32
}

// cluster is a growing event: its mentions and the sum of their vectors.
type cluster struct {
	// What placing a coarse mention checks of every candidate cluster,
	// together: whether it is dead, its span in whole seconds (see
	// secSpan), its founder's period and its founder's article and
	// topics (see related), kept here so that the check reads nothing
	// else of the thousands of clusters it rejects.
	dead          bool  // merged into another cluster
	secExact      bool  // span starts and ends on whole seconds: start, end are exact
	founderPeriod int32 // the founder's period (see merger.period) if it is coarse, else -1
	start, end    int64
	founderArt    int
	founderSig    uint64  // topicSig of the founder's article
	founderTopics []int32 // the topics of the founder's article
	artSig        uint64  // bit art%64 set for each of its articles (see hasArticle)
	members       []int
	centroid      vector
	norm          float64    // norm of centroid
	span          dates.Span // the span of the mention that founded it
	founder       int        // the candidate that founded it
	months        []int32    // the months span overlaps (see monthNums)
	articles      []int32    // the articles of its members, sorted
	owned         bool       // centroid is the cluster's own (not its founder's vector)
	// dense holds the centroid's weights by key id once it has many
	// keys (see denseShare), for faster dot products; nil before.
	dense []float64
}

type merger struct {
	articles []*Article
	artIndex map[string]int
	wire     []int              // article index → wire group
	wireDone chan struct{}      // closed once wire is set (see newMergerWith)
	idKeysOf map[*Event][]int32 // the keys of each built event's id (see idKeys)
	cands    []cand
	unplaced []Mention
	// all is the mentions the merger was given, once regroup has put
	// them in event order (nil before): the events' mentions are runs
	// of it (see run). runAt is where each event built of a run starts;
	// redated keeps what redateClockTimes changed in all, by position,
	// so that an event built again of copies starts from the mention as
	// it was.
	all      []Mention
	runMu    sync.Mutex
	runAt    map[*Event]int32
	redated  map[int32]Mention
	clusters []*cluster
	byDay    map[int][]int // day number → clusters founded by a day mention
	// posting lists, for coarse mentions: the clusters whose span
	// overlaps a month and whose centroid has a key; and the clusters
	// holding each article's mentions.
	posting   postTable
	byArt     [][]int
	next      map[string]int   // see unique
	periods   []periodSpan     // see period
	seq       placer           // places candidates one after another (see placer)
	keys      []string         // every content key, in string order: a key's id is its index
	weight    []float64        // idf weight of each key id (see idfWeight)
	members   map[*Event][]int // an event's candidate indexes, for curation
	titles    titleCache       // see titleOf
	cache     *cacheUse        // nil: no cache
	sentIndex map[string]int32 // each distinct sentence's index, when caching
	slotCand  []int32          // the first candidate of each slot (see cand.slot)
	// each slot's context (without its bag), vector and vector norm
	slotCtx  []context
	slotVec  []vector
	slotNorm []float64
	solo     map[string]bool // capitalised words the corpus uses alone ("Putin"), for titles
	persons  map[string]bool // surnames of people named in full ("Donald Trump" → Trump), for pronouns in titles
	// topics holds each article's topic: the names it uses in two or
	// more of its dated sentences (sorted key ids), see related.
	topics [][]int32
	// topicSig is a 64-bit signature of each article's topics (bit
	// key%64 set for each key): articles whose signatures share no bit
	// share no topic.
	topicSig []uint64
}

// monthKey is a month (see monthNums) and a content key.
type monthKey struct{ month, key int32 }

func newMerger(articles []*Article, mentions []Mention) *merger {
	m := newMergerWith(articles, mentions, nil)
	<-m.wireDone
	return m
}

// newMergerWith is newMerger reading from and filling a cache, if any.
func newMergerWith(articles []*Article, mentions []Mention, cache *cacheUse) *merger {
	m := &merger{articles: articles, artIndex: map[string]int{}, byDay: map[int][]int{},
		byArt: make([][]int, len(articles)+1)}
	m.seq = placer{m: m, sc: &placeScratch{}}
	m.cache = cache
	for i, a := range articles {
		m.artIndex[a.ID] = i
	}
	// Wire groups are needed only when events are built: they are found
	// beside the rest, filling the cores the sequential steps leave idle.
	m.wireDone = make(chan struct{})
	go func() {
		defer close(m.wireDone)
		m.wire = wireGroups(articles, cache)
	}()
	// The candidates and the unplaced mentions, in mention order, in
	// chunks on every core: one pass counts each chunk's, the second
	// writes them at their places.
	workers := runtime.GOMAXPROCS(0)
	const chunk = 4096
	nchunk := (len(mentions) + chunk - 1) / chunk
	// (each value parsed once: spans[j] is mention j's when placed[j])
	placed := make([]bool, len(mentions))
	spans := make([]dates.Span, len(mentions))
	counts := make([]int, nchunk)
	forEach(nchunk, workers, func(k int) {
		for j := k * chunk; j < min(len(mentions), (k+1)*chunk); j++ {
			mn := &mentions[j]
			if mn.Type != string(dates.TypeDate) && mn.Type != string(dates.TypeTime) {
				continue
			}
			spans[j], placed[j] = dates.ParseSpan(mn.Value)
			if placed[j] {
				counts[k]++
			}
		}
	})
	ncand := 0
	starts := make([]int, nchunk)
	for k, n := range counts {
		starts[k] = ncand
		ncand += n
	}
	m.cands = make([]cand, ncand)
	forEach(nchunk, workers, func(k int) {
		ci := starts[k]
		lastArt, ai := "", -1 // the article of the mention before, and its index
		for j := k * chunk; j < min(len(mentions), (k+1)*chunk); j++ {
			mn := &mentions[j]
			if !placed[j] {
				continue // unplaced: see regroup
			}
			span := spans[j]
			if mn.Article != lastArt || ai < 0 {
				var ok bool
				if ai, ok = m.artIndex[mn.Article]; !ok {
					ai = len(m.articles) // a mention of an unknown article sorts last
				}
				lastArt = mn.Article
			}
			m.cands[ci] = cand{m: mn, span: span, art: ai, cl: -1, period: -1, at: int32(j), pos: -1}
			ci++
		}
	})
	// Each distinct sentence is read once (wire copies and sentences
	// with several mentions repeat them), then each mention's words are
	// picked from it; both in chunks, on every core, each result stored
	// at its own index: the output does not depend on the parallelism.
	sentIndex := make(map[string]int32, len(m.cands)/2)
	sentOf := make([]int32, len(m.cands))
	var sents []string
	for i := range m.cands {
		c := &m.cands[i]
		if i > 0 && c.art == m.cands[i-1].art && c.m.SentenceStart == m.cands[i-1].m.SentenceStart &&
			c.m.Sentence == m.cands[i-1].m.Sentence {
			// the sentence of the mention before (no need to hash it)
			sentOf[i] = sentOf[i-1]
			continue
		}
		s := c.m.Sentence
		k, ok := sentIndex[s]
		if !ok {
			k = int32(len(sents))
			sentIndex[s] = k
			sents = append(sents, s)
		}
		sentOf[i] = k
	}
	if cache != nil {
		m.sentIndex = sentIndex
	}
	// Each distinct sentence and date phrase is a slot: the candidates
	// of one slot (wire copies, a sentence repeated across reports)
	// read alike, so their context, vector and title are made once.
	// (a sentence's slots are chained from its first: most have one)
	firstSlot := make([]int32, len(sents))
	for k := range firstSlot {
		firstSlot[k] = -1
	}
	var nextSlot []int32
	for i := range m.cands {
		c := &m.cands[i]
		ps, pe := c.m.Start-c.m.SentenceStart, c.m.End-c.m.SentenceStart
		slot, last := firstSlot[sentOf[i]], int32(-1)
		for slot >= 0 {
			if o := m.cands[m.slotCand[slot]].m; o.Start-o.SentenceStart == ps && o.End-o.SentenceStart == pe {
				break
			}
			slot, last = nextSlot[slot], slot
		}
		if slot < 0 {
			slot = int32(len(m.slotCand))
			m.slotCand = append(m.slotCand, int32(i))
			nextSlot = append(nextSlot, -1)
			if last < 0 {
				firstSlot[sentOf[i]] = slot
			} else {
				nextSlot[last] = slot
			}
		}
		c.slot = slot
	}
	nslot := len(m.slotCand)
	m.titles.slots = make([]atomic.Pointer[titleInfo], nslot)
	toks, segs := m.readSentences(sents, workers)
	// each slot's context, in chunks of slots
	ctxs := make([]context, nslot)
	pos := make([]ctxScratch, workers)
	for w := range pos {
		pos[w].pos = make([]int32, len(m.keys))
	}
	chunks := (nslot + candChunk - 1) / candChunk
	forEachWorker(chunks, workers, func(w, k int) {
		lo, hi := k*candChunk, min(nslot, (k+1)*candChunk)
		n := 0
		for sl := lo; sl < hi; sl++ {
			n += len(toks[sentOf[m.slotCand[sl]]])
		}
		bags, clauses := make([]term, 0, n), make([]tok, 0, n)
		for sl := lo; sl < hi; sl++ {
			i := m.slotCand[sl]
			s := sentOf[i]
			ctxs[sl], bags, clauses = mentionContext(m.cands[i].m, toks[s], segs[s], &pos[w], bags, clauses)
		}
	})
	// idf: how many mentions hold each key
	mult := make([]int32, nslot)
	for i := range m.cands {
		mult[m.cands[i].slot]++
	}
	df := make([]int32, len(m.keys))
	for sl := range ctxs {
		for _, t := range ctxs[sl].bag {
			df[t.key] += mult[sl]
		}
	}
	m.weight = idfWeights(df, len(m.cands))
	vecs := make([]vector, nslot)
	norms := make([]float64, nslot)
	forEach(chunks, workers, func(k int) {
		lo, hi := k*candChunk, min(nslot, (k+1)*candChunk)
		n := 0
		for sl := lo; sl < hi; sl++ {
			n += len(ctxs[sl].bag)
		}
		vs := make(vector, 0, n)
		for sl := lo; sl < hi; sl++ {
			vecs[sl], vs = vectorOf(ctxs[sl].bag, m.weight, vs)
			norms[sl] = vecs[sl].norm()
			ctxs[sl].bag = nil
		}
	})
	// every candidate shares its slot's (which no one changes)
	m.slotCtx, m.slotVec, m.slotNorm = ctxs, vecs, norms
	if cache != nil {
		m.titles.old = cache.titlesFor(m.solo, m.persons)
	}
	m.topics = articleTopics(len(m.articles)+1, m.cands, sentOf, toks, df)
	m.topicSig = make([]uint64, len(m.topics))
	for a, t := range m.topics {
		for _, k := range t {
			m.topicSig[a] |= 1 << (k & 63)
		}
	}
	return m
}

// readSentences reads each sentence once, on every core: its content
// words (words.Tokens) with their keys interned, its clauses
// (clauseSegments) and the names it uses (nameReader), or takes them
// from the cache. It sets m.keys, every key in string order, so that
// vectors sorted by key id are sorted by key, and m.solo, m.persons.
func (m *merger) readSentences(sents []string, workers int) ([][]tok, [][][2]int) {
	toks := make([][]tok, len(sents))
	segs := make([][][2]int, len(sents))
	var entries []*sentEntry // what a cache keeps of each sentence
	var hit []bool           // the sentences the cache had
	if m.cache != nil {
		entries = make([]*sentEntry, len(sents))
		hit = make([]bool, len(sents))
	}
	chunks := (len(sents) + candChunk - 1) / candChunk
	// each worker interns keys in its own table; the ids are made
	// global (and put in key order) afterwards
	type reader struct {
		memo          words.Memo
		buf           []words.Token
		ids           map[string]int32
		keys          []string
		flags         map[string]uint8
		names         nameReader
		solo, persons map[string]bool
	}
	readers := make([]reader, workers)
	chunkReader := make([]int, chunks)
	forEachWorker(chunks, workers, func(w, k int) {
		r := &readers[w]
		if r.ids == nil {
			r.ids, r.flags = map[string]int32{}, map[string]uint8{}
			r.solo, r.persons = map[string]bool{}, map[string]bool{}
		}
		intern := func(key string) int32 {
			id, ok := r.ids[key]
			if !ok {
				id = int32(len(r.keys))
				r.ids[key] = id
				r.keys = append(r.keys, key)
			}
			return id
		}
		chunkReader[k] = w
		lo, hi := k*candChunk, min(len(sents), (k+1)*candChunk)
		bytes := 0
		for _, s := range sents[lo:hi] {
			bytes += len(s)
		}
		arena := make([]tok, 0, bytes/6+1)
		segArena := make([][2]int, 0, bytes/40+1)
		for i := lo; i < hi; i++ {
			s := sents[i]
			n0 := len(arena)
			if m.cache != nil {
				if e := m.cache.old.sents[s]; e != nil {
					// keys as the cache's ids (see keyDict), made ranks below
					for _, t := range e.toks {
						arena = append(arena, tok{key: t.key, start: t.start, end: t.end, name: t.name, verb: t.verb, idSkip: t.idSkip})
					}
					toks[i] = arena[n0:len(arena):len(arena)]
					hit[i] = true
					segs[i] = e.segs
					for _, w := range e.solo {
						r.solo[w] = true
					}
					for _, w := range e.persons {
						r.persons[w] = true
					}
					entries[i] = e
					continue
				}
			}
			r.buf = r.memo.AppendTokens(r.buf[:0], s)
			for _, t := range r.buf {
				f, ok := r.flags[t.Text]
				if !ok {
					f = textFlags(t.Text)
					r.flags[t.Text] = f
				}
				arena = append(arena, tok{key: intern(t.Key), start: int32(t.Start), end: int32(t.End), name: t.Name,
					verb: f&flagVerb != 0, idSkip: f&(flagVerb|flagRole) != 0 || !t.Name && f&flagIng != 0})
			}
			toks[i] = arena[n0:len(arena):len(arena)]
			s0 := len(segArena)
			segArena = appendClauseSegments(segArena, s)
			segs[i] = segArena[s0:len(segArena):len(segArena)]
			solo, persons := r.names.read(s)
			for _, w := range solo {
				r.solo[w] = true
			}
			for _, w := range persons {
				r.persons[w] = true
			}
			if entries != nil {
				e := &sentEntry{segs: segs[i], solo: slices.Clone(solo), persons: slices.Clone(persons)}
				e.toks = make([]cachedTok, len(r.buf))
				for j := range r.buf {
					at := toks[i][j]
					// the key's id is the reader's for now (see below)
					e.toks[j] = cachedTok{key: at.key, start: at.start, end: at.end, name: at.name, verb: at.verb, idSkip: at.idSkip}
				}
				entries[i] = e
			}
		}
	})
	// every key in string order, each tok's key its rank there; with a
	// cache, through the cache's ids (which hit sentences hold)
	dict := &keyDict{}
	if m.cache != nil {
		dict = m.cache.dict
	}
	keys := make([][]string, workers)
	for w := range readers {
		keys[w] = readers[w].keys
	}
	used := m.rankTokenKeys(toks, entries, hit, keys, chunkReader, dict, workers)
	if m.cache != nil {
		m.cache.used = used
	}
	// the names of all sentences (a union: the order does not matter)
	m.solo, m.persons = map[string]bool{}, map[string]bool{}
	for w := range readers {
		maps.Copy(m.solo, readers[w].solo)
		maps.Copy(m.persons, readers[w].persons)
	}
	if entries != nil {
		m.cache.next.sents = make(map[string]*sentEntry, len(sents))
		for i, s := range sents {
			m.cache.next.sents[s] = entries[i]
		}
	}
	return toks, segs
}

// What textFlags reports of a word as written.
const (
	flagVerb = 1 << iota // verbLike
	flagRole             // an office title ("president")
	flagIng              // ends in -ing
)

func textFlags(text string) uint8 {
	var f uint8
	if verbLike(text) {
		f |= flagVerb
	}
	if roles[strings.ToLower(text)] {
		f |= flagRole
	}
	if strings.HasSuffix(text, "ing") {
		f |= flagIng
	}
	return f
}

// articleTopics returns, for each article, the keys of the names
// (people, places, organisations) it uses in at least two of its dated
// sentences: what the article is about. cands name their article and
// sentOf their sentence, whose words are toks; df counts the mentions
// holding each key (a key in none, such as a first name always
// followed by a surname, is not a topic).
func articleTopics(narts int, cands []cand, sentOf []int32, toks [][]tok, df []int32) [][]int32 {
	// each (article, sentence) pair once, by article
	pairs := make([]int64, len(cands))
	for i := range cands {
		pairs[i] = int64(cands[i].art)<<32 | int64(sentOf[i])
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	out := make([][]int32, narts)
	count := make([]int32, len(df))
	last := make([]int32, len(df)) // the pair (plus one) that last counted the key
	var touched []int32
	for p := 0; p < len(pairs); {
		art := int(pairs[p] >> 32)
		touched = touched[:0]
		for ; p < len(pairs) && int(pairs[p]>>32) == art; p++ {
			for _, t := range toks[int32(pairs[p])] {
				if !t.name || df[t.key] == 0 || last[t.key] == int32(p+1) {
					continue
				}
				last[t.key] = int32(p + 1)
				if count[t.key] == 0 {
					touched = append(touched, t.key)
				}
				count[t.key]++
			}
		}
		for _, k := range touched {
			if count[k] >= 2 {
				out[art] = append(out[art], k)
			}
			count[k] = 0
		}
		slices.Sort(out[art])
	}
	return out
}

// related reports whether candidate i may join cluster cl as far as
// their stories go: it is from one of the cluster's articles, or its
// article and the cluster's founding article share a topic name (see
// articleTopics), or either has no topic. Two reports of different stories that say the same
// words ("the issue was first raised last year", "relations have been
// strained since early 2020") speak of different happenings; shared
// generic words must not outweigh different names and places.
func (m *merger) related(i int, cl *cluster) bool {
	art := m.cands[i].art
	return relatedTopics(m.topics[art], m.topicSig[art], art, cl)
}

// relatedTopics is related for a candidate of article art, whose
// topics and their signature are topics and sig.
func relatedTopics(topics []int32, sig uint64, art int, cl *cluster) bool {
	// an article too short to name anything twice says nothing of its
	// story; the checks go cheapest first (their result is an or)
	b := cl.founderTopics
	if len(topics) == 0 || len(b) == 0 || sig&cl.founderSig != 0 && intersects(topics, b) {
		return true
	}
	return hasArticle(cl, art)
}

// intersects reports whether two sorted lists share an element.
func intersects(a, b []int32) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// candChunk is how many candidates one worker reads at a time.
const candChunk = 512

func dayNum(s dates.Span) int { return int(s.Start.Unix() / 86400) }

func isDay(s dates.Span) bool {
	return s.Precision == dates.PrecisionDay || s.Precision == dates.PrecisionTime
}

// cluster groups the candidates: days first (by content within the
// day; repeated references within one article; clock times; dates a
// few days apart), then coarser dates from the finest up.
func (m *merger) cluster() {
	var days, timesOfDay, coarse []int
	for i, c := range m.cands {
		switch {
		case c.m.Rule == RuleTimeOfDay:
			timesOfDay = append(timesOfDay, i)
		case isDay(c.span):
			days = append(days, i)
		default:
			coarse = append(coarse, i)
		}
	}
	// each coarse mention's period, in candidate order
	index := map[periodKey]int32{}
	for _, i := range coarse {
		c := &m.cands[i]
		k := periodKey{c.m.Value, c.m.Mod}
		p, ok := index[k]
		if !ok {
			w := narrow(c.span, c.m.Mod)
			p = int32(len(m.periods))
			ps := periodSpan{within: w, months: monthNums(w)}
			ps.start, ps.end, ps.secExact = secSpan(w)
			m.periods = append(m.periods, ps)
			index[k] = p
		}
		c.period = p
	}
	m.sortCands(days)
	m.placeDays(days)
	m.joinRepeatedDays()
	m.sortCands(timesOfDay)
	// the day mentions of each sentence, for clock times beside a date
	type sentKey struct{ art, start int }
	daysOf := map[sentKey][]int{}
	if len(timesOfDay) > 0 {
		// only the sentences of clock times; each list in days order
		for _, i := range timesOfDay {
			c := &m.cands[i]
			daysOf[sentKey{c.art, c.m.SentenceStart}] = nil
		}
		for _, i := range days {
			c := &m.cands[i]
			k := sentKey{c.art, c.m.SentenceStart}
			if l, ok := daysOf[k]; ok {
				daysOf[k] = append(l, i)
			}
		}
	}
	for _, i := range timesOfDay {
		c := &m.cands[i]
		if m.attachToSentenceDay(i, daysOf[sentKey{c.art, c.m.SentenceStart}]) {
			continue
		}
		if !m.attachTimeOfDay(i) {
			m.placeDay(i)
		}
	}
	m.joinConflicts()
	m.sortCands(coarse)
	m.placeCoarseAll(coarse)
}

// placeCoarseAll places the coarse mentions (sorted by sortCands),
// finest first. A coarse mention reads only the clusters posted in the
// months of its span and changes only clusters inside its span (and
// the posting lists of their months), so mentions of one precision
// whose spans cover disjoint months do not see each other: each group
// of them is placed on its own, on every core, numbering the clusters
// it founds in a range of its own; the clusters are then renumbered in
// mention order, as placing the mentions one after another numbers
// them, and the groups' posting lists and article lists join the
// merger's. The result does not depend on the parallelism.
func (m *merger) placeCoarseAll(coarse []int) {
	workers := runtime.GOMAXPROCS(0)
	scratch := make([]placeScratch, workers)
	for lo := 0; lo < len(coarse); {
		prec := m.cands[coarse[lo]].span.Precision
		hi := lo
		var groups [][]int
		g, last := lo, 0 // the group's first mention, its last month
		for ; hi < len(coarse) && m.cands[coarse[hi]].span.Precision == prec; hi++ {
			first, end := monthRange(m.cands[coarse[hi]].span)
			if hi > g && first > last {
				groups = append(groups, coarse[g:hi])
				g = hi
			}
			if hi == g {
				last = end
			} else {
				last = max(last, end)
			}
		}
		groups = append(groups, coarse[g:hi])
		if len(groups) == 1 || !placeInGroups {
			for _, i := range coarse[lo:hi] {
				m.seq.placeCoarse(i)
			}
		} else {
			m.placeGroups(groups, scratch)
		}
		lo = hi
	}
}

// placeInGroups lets tests place day and coarse mentions one after
// another (see TestCoarseGroupsSameAsSequential).
var placeInGroups = true

// monthRange returns the first and last month (year*12+month-1) a span
// overlaps, as monthNums lists them but never cut.
func monthRange(s dates.Span) (first, last int) {
	first = s.Start.Year()*12 + int(s.Start.Month()) - 1
	end := s.End.UTC()
	last = end.Year()*12 + int(end.Month()) - 1
	if !dates.Day(end.Year(), end.Month(), 1).Before(s.End) {
		last--
	}
	return first, max(first, last)
}

// placeGroups places groups of coarse mentions that see disjoint
// months (see placeCoarseAll), each with a placer of its own.
func (m *merger) placeGroups(groups [][]int, scratch []placeScratch) {
	base := len(m.clusters)
	n := 0
	placers := make([]*placer, len(groups))
	for g, list := range groups {
		placers[g] = &placer{m: m, local: true, byArt: map[int][]int{}, next: base + n}
		n += len(list)
	}
	m.clusters = append(m.clusters, make([]*cluster, n)...)
	forEachWorker(len(groups), len(scratch), func(w, g int) {
		p := placers[g]
		p.sc = &scratch[w]
		for _, i := range groups[g] {
			p.placeCoarse(i)
		}
	})
	// number the new clusters in mention order: group by group, each in
	// the order it founded them
	provisional := append([]*cluster(nil), m.clusters[base:]...)
	final := make([]int, n) // provisional id - base → final id
	m.clusters = m.clusters[:base]
	for _, p := range placers {
		for _, id := range p.created {
			final[id-base] = len(m.clusters)
			cl := provisional[id-base]
			for _, i := range cl.members {
				m.cands[i].cl = len(m.clusters)
			}
			m.clusters = append(m.clusters, cl)
		}
	}
	renumber := func(ids []int) {
		for k, id := range ids {
			if id >= base {
				ids[k] = final[id-base]
			}
		}
	}
	for _, p := range placers {
		for _, sl := range p.posting.slots {
			if sl.list == 0 {
				continue
			}
			l := p.posting.lists[sl.list-1]
			renumber(l)
			m.posting.set(monthKey{int32(sl.key >> 32), int32(uint32(sl.key))}, l)
		}
		arts := make([]int, 0, len(p.byArt))
		for a := range p.byArt {
			arts = append(arts, a)
		}
		slices.Sort(arts)
		for _, a := range arts {
			l := p.byArt[a]
			renumber(l)
			m.byArt[a] = append(m.byArt[a], l...)
		}
	}
}

// sortCands orders candidates finest first, then by date, then by
// article and position: the order decides which mention founds an event.
func (m *merger) sortCands(idx []int) {
	// Each candidate's key (precision, start in seconds and
	// nanoseconds, article, position, index) packed into three words
	// compared in order; idx is in increasing order, so ties keep it,
	// as a stable sort would.
	type sortKey struct{ hi, mid, lo uint64 }
	keys := make([]sortKey, len(idx))
	for k, i := range idx {
		c := &m.cands[i]
		p := c.span.Precision
		if p == dates.PrecisionTime {
			p = dates.PrecisionDay
		}
		start, nsec, pos := c.span.Start.Unix(), c.span.Start.Nanosecond(), c.m.Start
		if p < 0 || p >= 32 || start < -1<<57 || start >= 1<<57 || c.art >= 1<<34 || pos < -1<<31 || pos >= 1<<31 || i >= 1<<32 {
			m.sortCandsSlow(idx)
			return
		}
		keys[k] = sortKey{uint64(p)<<58 | uint64(start+1<<57), uint64(nsec)<<34 | uint64(c.art), uint64(pos+1<<31)<<32 | uint64(i)}
	}
	compare := func(x, y sortKey) int {
		if x.hi != y.hi {
			return cmp.Compare(x.hi, y.hi)
		}
		if x.mid != y.mid {
			return cmp.Compare(x.mid, y.mid)
		}
		return cmp.Compare(x.lo, y.lo)
	}
	// two halves sorted on two cores, then merged: keys are distinct,
	// so the order is the same whatever the parallelism
	half := len(keys) / 2
	if len(keys) < 4096 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(keys, compare)
	} else {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			slices.SortFunc(keys[:half], compare)
		}()
		slices.SortFunc(keys[half:], compare)
		wg.Wait()
		a, b := keys[:half], keys[half:]
		for k := range idx {
			if len(b) == 0 || len(a) > 0 && compare(a[0], b[0]) < 0 {
				idx[k] = int(a[0].lo & (1<<32 - 1))
				a = a[1:]
			} else {
				idx[k] = int(b[0].lo & (1<<32 - 1))
				b = b[1:]
			}
		}
		return
	}
	for k := range keys {
		idx[k] = int(keys[k].lo & (1<<32 - 1))
	}
}

// sortCandsSlow is sortCands for keys out of the packed ranges.
func (m *merger) sortCandsSlow(idx []int) {
	type sortKey struct {
		prec  dates.Precision
		start int64 // span start: Unix seconds and nanoseconds (UnixNano overflows before 1678)
		nsec  int
		art   int
		pos   int
		i     int
	}
	keys := make([]sortKey, len(idx))
	for k, i := range idx {
		c := &m.cands[i]
		p := c.span.Precision
		if p == dates.PrecisionTime {
			p = dates.PrecisionDay
		}
		keys[k] = sortKey{p, c.span.Start.Unix(), c.span.Start.Nanosecond(), c.art, c.m.Start, i}
	}
	slices.SortFunc(keys, func(x, y sortKey) int {
		if x.prec != y.prec {
			return cmp.Compare(x.prec, y.prec)
		}
		if x.start != y.start {
			return cmp.Compare(x.start, y.start)
		}
		if x.nsec != y.nsec {
			return cmp.Compare(x.nsec, y.nsec)
		}
		if x.art != y.art {
			return cmp.Compare(x.art, y.art)
		}
		if x.pos != y.pos {
			return cmp.Compare(x.pos, y.pos)
		}
		return cmp.Compare(x.i, y.i)
	})
	for k := range keys {
		idx[k] = keys[k].i
	}
}

func (m *merger) newCluster(i int) int { return m.seq.newCluster(i) }

// newCluster founds a cluster with candidate i. A worker's placer
// numbers it in its own range of ids (see placeCoarseAll).
func (p *placer) newCluster(i int) int {
	m := p.m
	c := &m.cands[i]
	cl := &cluster{members: []int{i}, centroid: m.slotVec[c.slot], norm: m.slotNorm[c.slot], span: c.span, founder: i, articles: []int32{int32(c.art)}}
	if isDay(c.span) {
		cl.span = dates.Span{Start: c.span.Start, End: c.span.Start.AddDate(0, 0, 1), Precision: dates.PrecisionDay}
	}
	cl.start, cl.end, cl.secExact = secSpan(cl.span)
	cl.founderArt, cl.founderSig, cl.founderTopics = c.art, m.topicSig[c.art], m.topics[c.art]
	cl.founderPeriod = c.period // -1 unless c is a coarse mention (see cluster)
	cl.artSig = artBit(c.art)
	var id int
	if p.local || p.day {
		id = p.next
		p.next++
		m.clusters[id] = cl
		p.created = append(p.created, id)
	} else {
		id = len(m.clusters)
		m.clusters = append(m.clusters, cl)
		if isDay(cl.span) {
			m.byDay[dayNum(cl.span)] = append(m.byDay[dayNum(cl.span)], id)
		}
	}
	c.cl = id
	cl.months = monthNums(cl.span)
	p.post(id, m.slotVec[c.slot])
	p.addByArt(c.art, id)
	return id
}

// placer places candidates into clusters: the merger's own (seq), which
// writes to the merger, or a worker's, which places the coarse mentions
// of one group of months (see placeCoarseAll) and keeps what it changes
// in the merger's shared indexes to itself until the group is done.
type placer struct {
	m  *merger
	sc *placeScratch
	// for a worker's placer:
	local   bool
	posting postTable     // the posting lists it changed, copied on first change
	byArt   map[int][]int // clusters it added to articles
	next    int           // the next id of its range
	created []int         // the clusters it founded, in order
	// for a worker's placer of one day's mentions (see placeDays), which
	// reads no posting or article list: what it adds to them, in order.
	day  bool
	ops  []placeOp
	keys []int32 // the keys of post ops
}

// placeOp is an addition to the posting lists (keys[from:to] of cluster
// id) or, with art >= 0, to the clusters of an article.
type placeOp struct {
	id, art  int
	from, to int
}

// placeScratch is placeCoarse's and join's scratch space.
type placeScratch struct {
	// seen, epoch and ids collect a coarse mention's candidate clusters.
	seen     []int
	epoch    int
	ids      []int
	byWeight vector        // probeTerms'
	lists    []postingList // placeCoarse's
	ranks    []int         // placeCoarse's
	listKeys []uint64      // sortLists'
	sorted   []postingList // sortLists'
	fresh    vector        // join's
}

// postingOf returns the posting list of k as the placer sees it.
func (p *placer) postingOf(k monthKey) []int {
	if p.local && p.posting.n > 0 {
		if l := p.posting.get(k); l != nil {
			return l
		}
	}
	return p.m.posting.get(k)
}

// addByArt records that cluster id holds a mention of article art.
func (p *placer) addByArt(art, id int) {
	if p.day {
		p.ops = append(p.ops, placeOp{id: id, art: art})
		return
	}
	if p.local {
		p.byArt[art] = append(p.byArt[art], id)
		return
	}
	p.m.byArt[art] = append(p.m.byArt[art], id)
}

// postTable maps a month and a key to a posting list: an open
// addressing hash table, faster than a map for these 8-byte keys.
type postTable struct {
	slots []postSlot // a power of two long
	lists [][]int
	n     int
}

type postSlot struct {
	key  uint64
	list int32 // index in lists plus one; 0 for an empty slot
}

func (k monthKey) pack() uint64 { return uint64(uint32(k.month))<<32 | uint64(uint32(k.key)) }

func (t *postTable) slot(key uint64) int {
	mask := len(t.slots) - 1
	h := int((key * 0x9E3779B97F4A7C15) >> 32)
	for i := h & mask; ; i = (i + 1) & mask {
		if s := t.slots[i]; s.list == 0 || s.key == key {
			return i
		}
	}
}

// get returns the posting list of k, nil when there is none.
func (t *postTable) get(k monthKey) []int {
	if t.n == 0 {
		return nil
	}
	if s := t.slots[t.slot(k.pack())]; s.list != 0 {
		return t.lists[s.list-1]
	}
	return nil
}

// set makes l the posting list of k.
func (t *postTable) set(k monthKey, l []int) {
	t.add(k, -1)
	i := t.slots[t.slot(k.pack())].list - 1
	t.lists[i] = l
}

// add appends id to the posting list of k.
func (t *postTable) add(k monthKey, id int) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]postSlot, max(1024, 2*len(old)))
		for _, s := range old {
			if s.list != 0 {
				t.slots[t.slot(s.key)] = s
			}
		}
	}
	key := k.pack()
	i := t.slot(key)
	if t.slots[i].list == 0 {
		t.lists = append(t.lists, nil)
		t.slots[i] = postSlot{key, int32(len(t.lists))}
		t.n++
	}
	l := t.slots[i].list - 1
	t.lists[l] = append(t.lists[l], id)
}

// post adds cluster id to the posting lists of its months for keys of v.
func (p *placer) post(id int, v vector) {
	if p.day {
		from := len(p.keys)
		for _, t := range v {
			p.keys = append(p.keys, t.key)
		}
		p.ops = append(p.ops, placeOp{id: id, art: -1, from: from, to: len(p.keys)})
		return
	}
	for _, mo := range p.m.clusters[id].months {
		for _, t := range v {
			k := monthKey{mo, t.key}
			if !p.local {
				p.m.posting.add(k, id)
				continue
			}
			if p.posting.get(k) == nil {
				// copy the shared list before changing it
				if l := p.m.posting.get(k); l != nil {
					p.posting.set(k, append(make([]int, 0, len(l)+4), l...))
				}
			}
			p.posting.add(k, id)
		}
	}
}

func (m *merger) join(ci, i int) { m.seq.join(ci, i) }

// join adds candidate i to cluster ci.
func (p *placer) join(ci, i int) {
	m := p.m
	cl := m.clusters[ci]
	c := &m.cands[i]
	cl.members = append(cl.members, i)
	c.cl = ci
	p.sc.fresh = appendNewKeys(p.sc.fresh[:0], cl.centroid, m.slotVec[c.slot])
	fresh := p.sc.fresh
	if len(fresh) > 0 {
		p.post(ci, fresh)
	}
	if !cl.owned {
		// the founder's vector is shared with its candidate: copy it once
		cl.centroid = append(make(vector, 0, len(cl.centroid)+len(fresh)+8), cl.centroid...)
		cl.owned = true
	}
	cl.centroid = addInPlace(cl.centroid, m.slotVec[c.slot], len(fresh))
	cl.norm = cl.centroid.norm()
	switch {
	case cl.dense != nil:
		// the same sums addInPlace made, in the same order
		for _, t := range m.slotVec[c.slot] {
			cl.dense[t.key] += t.w
		}
	case len(m.keys) <= denseShare*len(cl.centroid)+denseMin:
		cl.dense = make([]float64, len(m.keys))
		for _, t := range cl.centroid {
			cl.dense[t.key] = t.w
		}
	}
	if k, found := slices.BinarySearch(cl.articles, int32(c.art)); !found {
		cl.articles = slices.Insert(cl.articles, k, int32(c.art))
		cl.artSig |= artBit(c.art)
		p.addByArt(c.art, ci)
	}
}

// hasArticle reports whether one of cl's members is from article art.
func hasArticle(cl *cluster, art int) bool {
	if cl.artSig&artBit(art) == 0 {
		return false // most clusters lack most articles: no search
	}
	_, found := slices.BinarySearch(cl.articles, int32(art))
	return found
}

// artBit is article art's bit in a cluster's artSig.
func artBit(art int) uint64 { return 1 << (uint(art) & 63) }

// newKeys returns the terms of v whose keys a lacks (both sorted).
func newKeys(a, v vector) vector { return appendNewKeys(nil, a, v) }

// appendNewKeys appends the terms of v whose keys a lacks (both sorted) to out.
func appendNewKeys(out, a, v vector) vector {
	i := 0
	for _, t := range v {
		for i < len(a) && a[i].key < t.key {
			i++
		}
		if i >= len(a) || a[i].key != t.key {
			out = append(out, t)
		}
	}
	return out
}

// sim is the cosine similarity of candidate i and cluster cl, from
// their cached norms: the same value as cosine(vec, centroid).
func (m *merger) sim(v vector, vn float64, cl *cluster) float64 {
	if vn == 0 || cl.norm == 0 {
		return 0
	}
	if cl.dense != nil {
		return dotDense(v, cl.dense) / (vn * cl.norm)
	}
	return dot(v, cl.centroid) / (vn * cl.norm)
}

// A cluster's centroid gets a dense copy (8 bytes per key of the
// corpus) when it joins a second mention, if the corpus has at most
// denseShare × its keys + denseMin keys: the copy costs at most four
// times the sparse centroid (16 bytes a key) and 4 KB, and a dot
// product with it reads only the mention's keys. On a corpus of a few
// hundred keys every event has one; on one of 50,000 keys only events
// of thousands of keys do.
const (
	denseShare = 8
	denseMin   = 512
)

// dotDense is dot(v, c) for a centroid c given by its dense weights:
// the same products added in the same (key) order; keys c lacks add
// +0, which changes no sum of positive weights.
func dotDense(v vector, dense []float64) float64 {
	s := 0.0
	for _, t := range v {
		s += t.w * dense[t.key]
	}
	return s
}

// best returns the live cluster among ids most similar to vector v, and
// its similarity; -1 when there is none.
func (m *merger) best(ids []int, v vector, vn float64, ok func(*cluster) bool) (int, float64) {
	bi, bs := -1, 0.0
	for _, id := range ids {
		cl := m.clusters[id]
		if cl.dead || (ok != nil && !ok(cl)) {
			continue
		}
		if s := m.sim(v, vn, cl); bi < 0 || s > bs {
			bi, bs = id, s
		}
	}
	return bi, bs
}

// bestOf is best over ids in any order: the most similar live cluster,
// the lowest id of equally similar ones, as best over sorted ids.
func (m *merger) bestOf(ids []int, v vector, vn float64, ok func(*cluster) bool) (int, float64) {
	bi, bs := -1, 0.0
	for _, id := range ids {
		cl := m.clusters[id]
		if cl.dead || (ok != nil && !ok(cl)) {
			continue
		}
		if s := m.sim(v, vn, cl); bi < 0 || s > bs || s == bs && id < bi {
			bi, bs = id, s
		}
	}
	return bi, bs
}

// periodKey is a coarse mention's value and modifier.
type periodKey struct{ value, mod string }

// periodSpan is the part of a period a modifier points at (see narrow)
// and the months it overlaps.
type periodSpan struct {
	within     dates.Span
	months     []int32
	secExact   bool // within in whole seconds (see secSpan)
	start, end int64
}

// secSpan returns the start and end of s in Unix seconds, and whether
// they are exact (no fraction of a second): then comparing them is
// comparing the times.
func secSpan(s dates.Span) (start, end int64, exact bool) {
	return s.Start.Unix(), s.End.Unix(), s.Start.Nanosecond() == 0 && s.End.Nanosecond() == 0
}

// period returns narrow(c.span, c.m.Mod) and its months for a coarse
// mention, computed once per value and modifier (c.span is a function
// of the value) when cluster starts.
func (m *merger) period(c *cand) (dates.Span, []int32) {
	p := &m.periods[c.period]
	return p.within, p.months
}

// placeDays places the day mentions (sorted by sortCands). A day
// mention reads and changes only the clusters of its own day, and the
// mentions of one day come together: each day is placed on its own, on
// every core, numbering the clusters it founds in a range of its own
// and noting what it adds to the posting and article lists; then the
// clusters are renumbered and the additions made day after day, in the
// order placing the mentions one after another makes them. The result
// does not depend on the parallelism.
func (m *merger) placeDays(days []int) {
	if !placeInGroups || len(days) == 0 {
		for _, i := range days {
			m.placeDay(i)
		}
		return
	}
	var groups [][]int
	for lo := 0; lo < len(days); {
		d := dayNum(m.cands[days[lo]].span)
		hi := lo + 1
		for hi < len(days) && dayNum(m.cands[days[hi]].span) == d {
			hi++
		}
		groups = append(groups, days[lo:hi])
		lo = hi
	}
	base := len(m.clusters)
	placers := make([]placer, len(groups))
	n := 0
	for g := range groups {
		placers[g] = placer{m: m, day: true, next: base + n}
		n += len(groups[g])
	}
	m.clusters = append(m.clusters, make([]*cluster, n)...)
	workers := runtime.GOMAXPROCS(0)
	scratch := make([]placeScratch, workers)
	// chunks of days, so that a worker's scratch serves many
	const daysPerChunk = 16
	forEachWorker((len(groups)+daysPerChunk-1)/daysPerChunk, workers, func(w, k int) {
		for g := k * daysPerChunk; g < min(len(groups), (k+1)*daysPerChunk); g++ {
			p := &placers[g]
			p.sc = &scratch[w]
			for _, i := range groups[g] {
				c := &m.cands[i]
				if ci, s := m.best(p.created, m.slotVec[c.slot], m.slotNorm[c.slot], nil); ci >= 0 && s >= sameDayThreshold {
					p.join(ci, i)
					continue
				}
				p.newCluster(i)
			}
		}
	})
	// number the clusters day after day, then replay the additions
	provisional := append([]*cluster(nil), m.clusters[base:]...)
	final := make([]int, n)
	m.clusters = m.clusters[:base]
	for g := range placers {
		p := &placers[g]
		for _, id := range p.created {
			f := len(m.clusters)
			final[id-base] = f
			cl := provisional[id-base]
			for _, i := range cl.members {
				m.cands[i].cl = f
			}
			m.clusters = append(m.clusters, cl)
			d := dayNum(cl.span)
			m.byDay[d] = append(m.byDay[d], f)
		}
		for _, op := range p.ops {
			id := final[op.id-base]
			if op.art >= 0 {
				m.byArt[op.art] = append(m.byArt[op.art], id)
				continue
			}
			for _, mo := range m.clusters[id].months {
				for _, key := range p.keys[op.from:op.to] {
					m.posting.add(monthKey{mo, key}, id)
				}
			}
		}
	}
}

// placeDay puts a day mention into the most similar event of its day,
// or founds a new one.
func (m *merger) placeDay(i int) {
	c := &m.cands[i]
	if ci, s := m.best(m.byDay[dayNum(c.span)], m.slotVec[c.slot], m.slotNorm[c.slot], nil); ci >= 0 && s >= sameDayThreshold {
		m.join(ci, i)
		return
	}
	m.newCluster(i)
}

// joinRepeatedDays folds an event of one mention into its article's
// only other event of that day when they share any word: an article
// that names the same day twice ("will meet Friday ... terms will be
// agreed tomorrow (Friday)") usually speaks of one happening.
func (m *merger) joinRepeatedDays() {
	for si, s := range m.clusters {
		if s.dead || len(s.members) != 1 || !isDay(s.span) {
			continue
		}
		c := &m.cands[s.members[0]]
		target := -1
		for _, ti := range m.byDay[dayNum(s.span)] {
			if t := m.clusters[ti]; ti != si && !t.dead && hasArticle(t, c.art) {
				if target >= 0 {
					target = -2 // more than one: ambiguous, leave it
					break
				}
				target = ti
			}
		}
		if target >= 0 && m.sim(m.slotVec[c.slot], m.slotNorm[c.slot], m.clusters[target]) > 0 {
			m.join(target, s.members[0])
			s.dead = true
		}
	}
}

// attachToSentenceDay attaches a clock time whose day the resolver
// assumed to the event of the day its own sentence names ("at 2 p.m.
// local time on June 30": the time is on June 30): days are the day
// mentions of its sentence; the nearest one wins.
func (m *merger) attachToSentenceDay(i int, days []int) bool {
	c := &m.cands[i]
	best, dist := -1, 0
	for _, j := range days {
		d := m.cands[j].m.Start - c.m.Start
		if d < 0 {
			d = -d
		}
		if m.cands[j].cl >= 0 && (best < 0 || d < dist) {
			best, dist = j, d
		}
	}
	if best < 0 {
		return false
	}
	ci := m.cands[best].cl
	c.attached = dayNum(m.clusters[ci].span) != dayNum(c.span)
	m.join(ci, i)
	return true
}

// attachTimeOfDay attaches a clock time whose day the resolver assumed
// (its sentence names no day) to the most similar event of the same
// article within the next few days, when their words agree.
func (m *merger) attachTimeOfDay(i int) bool {
	c := &m.cands[i]
	var ids []int
	d := dayNum(c.span)
	for k := 0; k <= attachWindow; k++ {
		ids = append(ids, m.byDay[d+k]...)
	}
	ci, s := m.best(ids, m.slotVec[c.slot], m.slotNorm[c.slot], func(cl *cluster) bool { return hasArticle(cl, c.art) })
	if ci < 0 || s < sameDayThreshold {
		return false
	}
	c.attached = dayNum(m.clusters[ci].span) != d
	m.join(ci, i)
	return true
}

// joinConflicts merges events a few days apart that different reports
// tell in nearly the same words: one happening, dated differently. An
// article that already tells one of them keeps them apart (it would be
// telling two happenings).
func (m *merger) joinConflicts() {
	type pair struct {
		a, b int
		sim  float64
	}
	// The pairs, found in chunks of clusters on every core (nothing
	// changes while they are found) and joined in cluster order, as one
	// pass would list them; the similarity first, as most pairs of
	// nearby days are different happenings, then the articles.
	const chunk = 256
	found := make([][]pair, (len(m.clusters)+chunk-1)/chunk)
	forEach(len(found), runtime.GOMAXPROCS(0), func(ch int) {
		var pairs []pair
		for ai := ch * chunk; ai < min(len(m.clusters), (ch+1)*chunk); ai++ {
			a := m.clusters[ai]
			if a.dead || !isDay(a.span) {
				continue
			}
			d := dayNum(a.span)
			for k := 1; k <= conflictWindow; k++ {
				for _, bi := range m.byDay[d+k] {
					b := m.clusters[bi]
					if b.dead {
						continue
					}
					if s := m.sim(a.centroid, a.norm, b); (s >= conflictThreshold || k <= nearConflictWindow && s >= nearConflictThreshold) && m.conflictable(a, b, k) {
						pairs = append(pairs, pair{ai, bi, s})
					}
				}
			}
		}
		found[ch] = pairs
	})
	pairs := slices.Concat(found...)
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].sim > pairs[j].sim })
	for _, p := range pairs {
		a, b := m.clusters[p.a], m.clusters[p.b]
		if a.dead || b.dead || !m.conflictable(a, b, dayNum(b.span)-dayNum(a.span)) {
			continue
		}
		keep, drop := p.a, p.b
		if len(b.members) > len(a.members) {
			keep, drop = p.b, p.a
		}
		for _, i := range m.clusters[drop].members {
			m.join(keep, i)
		}
		m.clusters[drop].dead = true
		// the dropped day still finds the merged event
		d := dayNum(m.clusters[drop].span)
		m.byDay[d] = append(m.byDay[d], keep)
	}
}

// conflictable reports whether events a and b, apart days apart, may
// be one happening dated differently as far as their reports go: no
// report tells both; or, at most nearConflictWindow days apart, fewer
// than half the reports of the larger tell both (a report that got the
// day wrong once among its mentions of the right one). One report
// alone giving two days tells two happenings.
func (m *merger) conflictable(a, b *cluster, apart int) bool {
	shared := 0
	for i, j := 0, 0; i < len(a.articles) && j < len(b.articles); {
		switch {
		case a.articles[i] < b.articles[j]:
			i++
		case a.articles[i] > b.articles[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	if shared == 0 {
		return true
	}
	return apart <= nearConflictWindow && 2*shared < max(len(a.articles), len(b.articles))
}

// placeCoarse puts a week, month, year... mention into the most similar
// event inside its span, or founds a new one.
func (p *placer) placeCoarse(i int) {
	m, sc := p.m, p.sc
	c := &m.cands[i]
	within, months := m.period(c)
	pe := &m.periods[c.period]
	inside := func(cl *cluster) bool {
		if cl.secExact && pe.secExact {
			return cl.start >= pe.start && cl.end <= pe.end
		}
		return within.Contains(cl.span)
	}
	// Only clusters sharing a key with the mention can reach the
	// threshold: they come from the posting lists of its months. In id
	// order, the first of equally similar clusters wins, as over all.
	sc.epoch++
	for len(sc.seen) < len(m.clusters) {
		sc.seen = append(sc.seen, 0)
	}
	ids := sc.ids[:0]
	probe := sc.probeTerms(m.slotVec[c.slot], m.slotNorm[c.slot], coarseThreshold)
	lists := sc.lists[:0]
	total := 0
	// each probe term's rank by weight, heavier first, equal weights
	// sharing a rank (probe is sorted by weight, lighter first)
	ranks := sc.ranks[:0]
	for range probe {
		ranks = append(ranks, 0)
	}
	for k, r := len(probe)-2, 0; k >= 0; k-- {
		if probe[k].w != probe[k+1].w {
			r++
		}
		ranks[k] = r
	}
	sc.ranks = ranks
	for _, mo := range months {
		for k, t := range probe {
			if l := p.postingOf(monthKey{mo, t.key}); len(l) > 0 {
				lists = append(lists, postingList{l, t.w, ranks[k], len(lists)})
				total += len(l)
			}
		}
	}
	sc.lists = lists
	budget := total
	if total > coarseBudget {
		// the most specific lists first (see coarseBudget)
		budget = coarseBudget
		lists = sc.sortLists(lists)
	}
	for _, l := range lists {
		if budget <= 0 {
			break
		}
		if len(l.ids) > budget {
			l.ids = l.ids[:budget]
		}
		budget -= len(l.ids)
		for _, id := range l.ids {
			if sc.seen[id] != sc.epoch {
				sc.seen[id] = sc.epoch
				ids = append(ids, id)
			}
		}
	}
	sc.ids = ids
	// In one pass over the clusters, each similarity computed once: the
	// most similar inside the period, and the most similar founded by a
	// mention of the same period, both of the same story. ids are
	// unsorted: ties go to the lowest id, as over sorted ids (bestOf).
	in, ins, same, sames := -1, 0.0, -1, 0.0
	topics, sig := m.topics[c.art], m.topicSig[c.art]
	for _, id := range ids {
		cl := m.clusters[id]
		if cl.dead {
			continue
		}
		// isSame: founded by a coarse mention of the same period, the
		// same value and modifier ("early 2020" and "early 2020", not
		// "late 2020")
		isIn, isSame := inside(cl), cl.founderPeriod == c.period
		if !isIn && !isSame || !relatedTopics(topics, sig, c.art, cl) {
			continue
		}
		s := m.sim(m.slotVec[c.slot], m.slotNorm[c.slot], cl)
		if isIn && (in < 0 || s > ins || s == ins && id < in) {
			in, ins = id, s
		}
		if isSame && (same < 0 || s > sames || s == sames && id < same) {
			same, sames = id, s
		}
	}
	if in >= 0 && ins >= coarseThreshold {
		p.join(in, i)
		return
	}
	// No finer event: an event founded by a mention of the same period
	// (same value and modifier) in the same words, of the same story.
	if same >= 0 && sames >= coarseSameThreshold {
		p.join(same, i)
		return
	}
	// An article that names a period holding exactly one of its own
	// events ("as both leaders approach their meeting next week") speaks
	// of that event when the words allow it.
	// (an article's clusters in any order: what counts is whether
	// exactly one is inside)
	own := -1
	for _, list := range [2][]int{m.byArt[c.art], p.byArt[c.art]} {
		for _, id := range list {
			if cl := m.clusters[id]; !cl.dead && inside(cl) && id != own {
				if own >= 0 {
					own = -2
					break
				}
				own = id
			}
		}
		if own == -2 {
			break
		}
	}
	if own >= 0 && m.sim(m.slotVec[c.slot], m.slotNorm[c.slot], m.clusters[own]) > 0 {
		p.join(own, i)
		return
	}
	p.newCluster(i)
}

// coarseBudget bounds the work of placing one coarse mention: how
// many posting-list entries (clusters sharing one of its terms in one
// month of its span) it reads. When its lists hold no more than this
// (every small site, and most mentions of large ones) all are read and
// the search is exhaustive. On a crowded calendar (a year mention on a
// site of 10,000 articles meets thousands of clusters through the
// story's names) the shortest lists are read first — a term in a month
// where few clusters use it is the most specific evidence, and between
// lists of one length the heavier (rarer) term first — until the
// budget is spent; the longest lists, of the story's most common
// words, are read only in part or not at all. This keeps the cost per
// mention bounded, so merging stays linear in the number of mentions.
const coarseBudget = 512

// postingList is one posting list a coarse mention reads, with the
// weight of its term in the mention.
type postingList struct {
	ids  []int
	w    float64
	rank int // the rank of w among the mention's terms, heavier first (equal weights, equal ranks)
	ord  int // its place in the order the lists are gathered
}

// sortLists orders lists shortest first, then by the weight of their
// term, heavier first, then in the order they were gathered (as a
// stable sort): through keys packed in one word when they fit, the
// lists themselves otherwise. It returns the sorted lists.
func (sc *placeScratch) sortLists(lists []postingList) []postingList {
	keys := sc.listKeys[:0]
	for _, l := range lists {
		if len(l.ids) >= 1<<32 || l.rank >= 1<<12 || l.ord >= 1<<20 {
			slices.SortFunc(lists, comparePostingLists)
			return lists
		}
		keys = append(keys, uint64(len(l.ids))<<32|uint64(l.rank)<<20|uint64(l.ord))
	}
	slices.Sort(keys)
	sorted := sc.sorted[:0]
	for _, k := range keys {
		sorted = append(sorted, lists[k&(1<<20-1)])
	}
	sc.listKeys, sc.sorted = keys, sorted
	return sorted
}

// comparePostingLists is the order sortLists gives: shorter first, then
// heavier term first, then in the order gathered.
func comparePostingLists(a, b postingList) int {
	if len(a.ids) != len(b.ids) {
		return cmp.Compare(len(a.ids), len(b.ids))
	}
	if a.w != b.w {
		return cmp.Compare(b.w, a.w)
	}
	return cmp.Compare(a.ord, b.ord)
}

// probeTerms returns the terms of v (norm vn) whose posting lists must
// be read to find every cluster whose similarity with v can reach
// threshold. The similarity of v with a cluster is the sum, over the
// terms they share, of v's weight times the cluster's unit weight; by
// Cauchy-Schwarz it is at most the norm of v restricted to the shared
// terms. So the lightest terms of v, as long as their joint norm stays
// below threshold (less a margin for rounding), cannot bring a cluster
// to it alone: a cluster sharing only those is never chosen, and
// needs not be looked at. The result is the same as reading every
// term's list, with far fewer clusters scored (the story's common
// words are the light ones and have the longest lists).
func (sc *placeScratch) probeTerms(v vector, vn float64, threshold float64) vector {
	if vn == 0 {
		return nil
	}
	sc.byWeight = append(sc.byWeight[:0], v...)
	slices.SortFunc(sc.byWeight, func(a, b term) int {
		if a.w != b.w {
			return cmp.Compare(a.w, b.w)
		}
		return cmp.Compare(a.key, b.key)
	})
	limit := (threshold - 1e-9) * vn
	limit *= limit
	sum, k := 0.0, 0
	for k < len(sc.byWeight) && sum+sc.byWeight[k].w*sc.byWeight[k].w < limit {
		sum += sc.byWeight[k].w * sc.byWeight[k].w
		k++
	}
	return sc.byWeight[k:]
}

// narrow returns the part of a span a modifier points at: the first,
// middle or last third for START ("early 2022"), MID and END.
func narrow(s dates.Span, mod string) dates.Span {
	days := int(s.End.Sub(s.Start).Hours() / 24)
	third := days / 3
	if third < 1 {
		return s
	}
	switch mod {
	case "START":
		return dates.Span{Start: s.Start, End: s.Start.AddDate(0, 0, days-2*third), Precision: s.Precision}
	case "MID":
		return dates.Span{Start: s.Start.AddDate(0, 0, third), End: s.End.AddDate(0, 0, -third), Precision: s.Precision}
	case "END":
		return dates.Span{Start: s.End.AddDate(0, 0, -third-days%3), End: s.End, Precision: s.Precision}
	}
	return s
}

// monthNums lists the months a span overlaps as year*12+month-1: the
// months whose first day (UTC) is before the span's end, from the
// month of its start; a century at most.
func monthNums(s dates.Span) []int32 {
	first := s.Start.Year()*12 + int(s.Start.Month()) - 1
	end := s.End.UTC()
	last := end.Year()*12 + int(end.Month()) - 1
	if !dates.Day(end.Year(), end.Month(), 1).Before(s.End) {
		last--
	}
	if last < first {
		return nil
	}
	n := min(last-first+1, 1201)
	out := make([]int32, n)
	for k := range out {
		out[k] = int32(first + k)
	}
	return out
}

// regroup reorders all, the mentions the merger was given, in place:
// the members of each cluster of sorted (candidate indexes, a cluster's
// in evidence order) side by side, cluster after cluster; then any
// candidate in none (there should be none); then the unplaced mentions
// (not dates on the calendar), in their order, which become m.unplaced.
// Each candidate's m then points to its mention's new place. Events are
// built of these runs (see run) rather than of copies, so a build does
// not hold every mention twice.
func (m *merger) regroup(all []Mention, sorted [][]int) {
	dest := make([]int32, len(all)) // all[j] goes to dest[j]
	for j := range dest {
		dest[j] = -1
	}
	p := int32(0)
	for _, members := range sorted {
		for _, i := range members {
			c := &m.cands[i]
			c.pos, dest[c.at] = p, p
			p++
		}
	}
	for i := range m.cands {
		if c := &m.cands[i]; c.pos < 0 {
			c.pos, dest[c.at] = p, p
			p++
		}
	}
	unplaced := p
	for j := range dest {
		if dest[j] < 0 {
			dest[j] = p
			p++
		}
	}
	// each swap puts one mention at its place
	for j := range all {
		for d := dest[j]; d != int32(j); d = dest[j] {
			all[j], all[d] = all[d], all[j]
			dest[j], dest[d] = dest[d], d
		}
	}
	for i := range m.cands {
		m.cands[i].m = &all[m.cands[i].pos]
	}
	m.all, m.runAt, m.redated = all, map[*Event]int32{}, map[int32]Mention{}
	if int(unplaced) < len(all) {
		m.unplaced = all[unplaced:len(all):len(all)]
	}
}

// clearUnheld empties the mentions of all that neither one of events
// (built of a run of it) nor the unplaced hold: those of events that
// curation rebuilt of copies. They would otherwise keep their
// articles' texts in memory through the render (see ReleaseText).
func (m *merger) clearUnheld(events []*Event) {
	if m.all == nil {
		return
	}
	held := make([]bool, len(m.all)-len(m.unplaced))
	for _, ev := range events {
		if p0, ok := m.runAt[ev]; ok {
			for k := range ev.Mentions {
				held[int(p0)+k] = true
			}
		}
	}
	for p, h := range held {
		if !h {
			m.all[p] = Mention{}
		}
	}
}

func (m *merger) liveClusters() []*cluster {
	var out []*cluster
	for _, cl := range m.clusters {
		if !cl.dead {
			out = append(out, cl)
		}
	}
	return out
}

// sortEvents sorts events in eventLess's order, stably, parsing each
// event's date once instead of twice at every comparison.
func sortEvents(events []*Event) {
	type keyed struct {
		span dates.Span
		ev   *Event
	}
	ks := make([]keyed, len(events))
	for i, ev := range events {
		s, _ := dates.ParseSpan(ev.Date)
		ks[i] = keyed{s, ev}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case !a.span.Start.Equal(b.span.Start):
			return a.span.Start.Compare(b.span.Start)
		case a.span.Precision != b.span.Precision:
			return cmp.Compare(b.span.Precision, a.span.Precision) // coarser first
		}
		return strings.Compare(a.ev.ID, b.ev.ID)
	})
	for i := range ks {
		events[i] = ks[i].ev
	}
}

// eventLess orders events by start day, then coarser first, then ID.
func eventLess(a, b *Event) bool {
	sa, _ := dates.ParseSpan(a.Date)
	sb, _ := dates.ParseSpan(b.Date)
	if !sa.Start.Equal(sb.Start) {
		return sa.Start.Before(sb.Start)
	}
	if sa.Precision != sb.Precision {
		return sa.Precision > sb.Precision
	}
	return strings.Compare(a.ID, b.ID) < 0
}
