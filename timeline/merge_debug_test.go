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
		fmt.Printf("%d %s %q bag=%v clause=%q\n", i, m.cands[i].m.Article, m.cands[i].m.Phrase, m.cands[i].ctx.bag, m.cands[i].m.Sentence[m.cands[i].ctx.cs:m.cands[i].ctx.ce])
	}
	for i := range m.cands {
		for j := i + 1; j < len(m.cands); j++ {
			fmt.Printf("  %d-%d %.3f\n", i, j, cosine(m.cands[i].vec, m.cands[j].vec))
		}
	}
}
