package timeline

import (
	"maps"
	"slices"
	"sync"
)

// MergeCache lets a program that merges a site again and again, as
// `timeline serve` does after every edit, skip the work that depends
// only on text it has seen before: the wire sketch of each article
// text, the words, clauses and names of each sentence, and the title
// each sentence and date phrase propose (kept while the site's names
// are the same). Each merge keeps what the site holds now and drops
// the rest, so the cache stays the size of one site. Its results are
// MergeAll's, byte for byte.
//
// The zero MergeCache is empty and ready to use. A MergeCache may be
// used by one merge at a time.
type MergeCache struct {
	mu   sync.Mutex
	data *mergeCacheData
	dict keyDict // the ids of the keys of data's sentences
}

// keyDict gives every key a merge has read an id of its own, which stays
// the key's from merge to merge, so that the words of a sentence read
// before are kept as ids (cachedTok) and a merge turns them into its
// ranks with no lookup by string. Keys are only ever added; the cache
// starts afresh when most of them are no longer used (see MergeAll).
type keyDict struct {
	ids  map[string]int32
	keys []string // by id
}

// intern returns k's id, giving it the next one if it has none.
func (d *keyDict) intern(k string) int32 {
	id, ok := d.ids[k]
	if !ok {
		if d.ids == nil {
			d.ids = map[string]int32{}
		}
		id = int32(len(d.keys))
		d.ids[k] = id
		d.keys = append(d.keys, k)
	}
	return id
}

// mergeCacheData is what one merge leaves for the next. It is never
// changed once made.
type mergeCacheData struct {
	sketches map[string][]uint64   // by article text
	sents    map[string]*sentEntry // by sentence
	titles   map[titleKey]*titleInfo
	// solo and persons are the names the titles were made with.
	solo, persons map[string]bool
}

// sentEntry is what reading one sentence gives.
type sentEntry struct {
	toks          []cachedTok
	segs          [][2]int
	solo, persons []string // see nameReader
}

// cachedTok is a tok whose key is the cache's id of it (see keyDict):
// the ids of a merge, ranks in key order, change from merge to merge.
type cachedTok struct {
	key                int32
	start, end         int32
	name, verb, idSkip bool
}

// MergeAll is MergeAll, reusing what earlier merges read; a nil
// MergeCache reuses nothing.
func (c *MergeCache) MergeAll(articles []*Article, mentions []Mention, cfg Config) MergeResult {
	return c.mergeAll(articles, mentions, cfg, false)
}

// mergeAll is MergeAll; when owned, mentions is the merge's to reorder
// and hand on (see the function mergeAll).
func (c *MergeCache) mergeAll(articles []*Article, mentions []Mention, cfg Config, owned bool) MergeResult {
	if c == nil {
		return mergeAll(articles, mentions, cfg, nil, owned)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == nil {
		c.data = &mergeCacheData{}
	}
	next := &mergeCacheData{}
	u := &cacheUse{old: c.data, next: next, dict: &c.dict}
	r := mergeAll(articles, mentions, cfg, u, owned)
	c.data = next
	if len(c.dict.keys) > 2*u.used+dictSlack {
		// Most ids are of keys no sentence uses any more: start the ids
		// afresh and drop the sentences, which hold them (the next merge
		// reads every sentence again; the sketches and titles stay).
		next.sents, c.dict = nil, keyDict{}
	}
	return r
}

// cacheUse is a merge's view of a cache: what the last merge left, and
// what this one leaves.
type cacheUse struct {
	old, next *mergeCacheData
	dict      *keyDict
	used      int // how many of dict's keys this merge's sentences use
}

// keepTitles fills next with the titles of this merge's sentences
// (made by this merge, or kept from the last one), and the names they
// were made with.
func (u *cacheUse) keepTitles(m *merger, sents map[string]int32) {
	u.next.solo, u.next.persons = m.solo, m.persons
	u.next.titles = make(map[titleKey]*titleInfo, len(m.titles.slots))
	for k, t := range m.titles.old {
		if _, ok := sents[k.sentence]; ok {
			u.next.titles[k] = t
		}
	}
	for slot := range m.titles.slots {
		if t := m.titles.slots[slot].Load(); t != nil {
			c := &m.cands[m.slotCand[slot]]
			u.next.titles[titleKey{c.m.Sentence, c.m.Start - c.m.SentenceStart, c.m.End - c.m.SentenceStart}] = t
		}
	}
}

// titlesFor returns the titles the last merge made, if they still hold
// for names solo and persons. The map is the cache's: only read it.
func (u *cacheUse) titlesFor(solo, persons map[string]bool) map[titleKey]*titleInfo {
	if u.old.titles == nil || !maps.Equal(u.old.solo, solo) || !maps.Equal(u.old.persons, persons) {
		return nil
	}
	return u.old.titles
}

// rankTokenKeys sets m.keys, every key the sentences use in string order,
// and makes the key of each tok its rank there; it returns how many keys
// that is. The toks of the sentences a cache had (hit) hold dict's ids
// of their keys; the others hold ids of the reader that read them:
// readerKeys[w] are the keys of reader w by its ids, and readerOf[k] the
// reader of chunk k. Those keys are given ids in dict first, which the
// entries kept for the next merge (nil without a cache) take. hit and
// entries are nil without a cache, and dict then a fresh one.
func (m *merger) rankTokenKeys(toks [][]tok, entries []*sentEntry, hit []bool, readerKeys [][]string, readerOf []int, dict *keyDict, workers int) int {
	// the readers' keys, reader by reader (the ids never reach the
	// output: only the order of the keys' strings does); every one is
	// used, as is every key of a hit sentence
	stable := make([][]int32, len(readerKeys))
	for w, keys := range readerKeys {
		stable[w] = make([]int32, len(keys))
		for local, key := range keys {
			stable[w][local] = dict.intern(key)
		}
	}
	used := make([]bool, len(dict.keys))
	for _, ids := range stable {
		for _, id := range ids {
			used[id] = true
		}
	}
	for i, ts := range toks {
		if hit != nil && hit[i] {
			for _, t := range ts {
				used[t.key] = true
			}
		}
	}
	var all []string
	for id, u := range used {
		if u {
			all = append(all, dict.keys[id])
		}
	}
	slices.Sort(all)
	m.keys = all
	rank := make([]int32, len(dict.keys))
	for r, key := range all {
		rank[dict.ids[key]] = int32(r)
	}
	chunks := (len(toks) + candChunk - 1) / candChunk
	forEach(chunks, workers, func(k int) {
		ids := stable[readerOf[k]]
		for i := k * candChunk; i < min(len(toks), (k+1)*candChunk); i++ {
			if hit != nil && hit[i] {
				for j := range toks[i] {
					toks[i][j].key = rank[toks[i][j].key]
				}
				continue
			}
			for j := range toks[i] {
				id := ids[toks[i][j].key]
				if entries != nil {
					entries[i].toks[j].key = id
				}
				toks[i][j].key = rank[id]
			}
		}
	})
	return len(all)
}

// dictSlack is how many unused keys a cache keeps ids for, beyond as
// many as are used, before it starts afresh (a variable for tests).
var dictSlack = 4096
