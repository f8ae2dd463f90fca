package timeline

import (
	"maps"
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

// cachedTok is a tok whose key is a string, as ids change from merge to merge.
type cachedTok struct {
	key                string
	start, end         int32
	name, verb, idSkip bool
}

// MergeAll is MergeAll, reusing what earlier merges read; a nil
// MergeCache reuses nothing.
func (c *MergeCache) MergeAll(articles []*Article, mentions []Mention, cfg Config) MergeResult {
	if c == nil {
		return mergeAll(articles, mentions, cfg, nil)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == nil {
		c.data = &mergeCacheData{}
	}
	next := &mergeCacheData{}
	r := mergeAll(articles, mentions, cfg, &cacheUse{old: c.data, next: next})
	c.data = next
	return r
}

// cacheUse is a merge's view of a cache: what the last merge left, and
// what this one leaves.
type cacheUse struct {
	old, next *mergeCacheData
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
