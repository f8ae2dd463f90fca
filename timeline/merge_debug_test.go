package timeline

import (
	"fmt"
	"os"
	"testing"
)

func debugSims(t *testing.T, articles []*Article, ms []Mention) {
	if os.Getenv("MERGEDEBUG") == "" {
		return
	}
	m := newMerger(articles, ms)
	for i := range m.cands {
		var terms []string
		for _, t := range m.slotVec[m.cands[i].slot] {
			terms = append(terms, fmt.Sprintf("%s:%.3f", m.keys[t.key], t.w))
		}
		fmt.Printf("%d %s %q vec=%v clause=%q\n", i, m.cands[i].m.Article, m.cands[i].m.Phrase, terms, m.cands[i].m.Sentence[m.slotCtx[m.cands[i].slot].cs:m.slotCtx[m.cands[i].slot].ce])
	}
	for i := range m.cands {
		for j := i + 1; j < len(m.cands); j++ {
			fmt.Printf("  %d-%d %.3f\n", i, j, cosine(m.slotVec[m.cands[i].slot], m.slotVec[m.cands[j].slot]))
		}
	}
}
