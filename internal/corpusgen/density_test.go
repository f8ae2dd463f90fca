package corpusgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/timeline-news/timeline/internal/tempeval"
	"github.com/timeline-news/timeline/timeline/dates"
	"github.com/timeline-news/timeline/timeline/text"
)

// density is date phrases per 8 KB of plain text.
type density struct {
	docs, bytes, gold, found int
}

func (d density) per8K(n int) float64 { return float64(n) * 8192 / float64(d.bytes) }

func (d density) String() string {
	return fmt.Sprintf("%4d docs %8d bytes: %5.1f gold, %5.1f found by the resolver per 8 KB",
		d.docs, d.bytes, d.per8K(d.gold), d.per8K(d.found))
}

// tempevalDir is the TempEval-3 folder: $TEMPEVAL_DIR, or the shared
// copy next to the repository.
func tempevalDir() string {
	if d := os.Getenv("TEMPEVAL_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "corpora", "tempeval3-tbaq")
}

// TestDateDensity measures date phrases per 8 KB of text in TempEval-3's
// real news (gold TIMEX3 and what dates.Resolve finds) and in a
// generated corpus, and fails when the generated text is not within
// the range of real news. Run it with -v to see the figures:
//
//	go test ./internal/corpusgen -run DateDensity -v
func TestDateDensity(t *testing.T) {
	dir := tempevalDir()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("TempEval-3 corpus not found at %s (set TEMPEVAL_DIR)", dir)
	}
	real := map[string]density{}
	for _, part := range []string{"TimeBank", "AQUAINT"} {
		docs, err := tempeval.ReadDir(filepath.Join(dir, part))
		if err != nil {
			t.Fatal(err)
		}
		var d density
		for _, doc := range docs {
			d.docs++
			d.bytes += len(doc.Text)
			d.gold += len(doc.Gold)
			d.found += len(dates.Resolve(doc.Text, doc.DCT))
		}
		real[part] = d
		t.Logf("%-10s %s", part, d)
	}
	lo, hi := 1e9, 0.0
	for _, d := range real {
		lo = min(lo, d.per8K(d.gold), d.per8K(d.found))
		hi = max(hi, d.per8K(d.gold), d.per8K(d.found))
	}
	for _, dense := range []bool{false, true} {
		gen := generatedDensity(t, Options{Articles: 400, Seed: 1, Dense: dense})
		name := "corpusgen"
		if dense {
			name = "-dense"
		}
		t.Logf("%-10s %s", name, gen)
		if dense {
			continue
		}
		// Within a tenth of the range real news spans.
		for _, v := range []float64{gen.per8K(gen.gold), gen.per8K(gen.found)} {
			if v < lo*0.9 || v > hi*1.1 {
				t.Errorf("generated text has %.1f date phrases per 8 KB; real news has %.1f to %.1f", v, lo, hi)
			}
		}
	}
}

// generatedDensity measures the date phrases of a generated corpus: its
// gold phrases and what dates.Resolve finds in the articles' plain text,
// anchored at their dates.
func generatedDensity(t *testing.T, opts Options) density {
	files, _ := collect(t, opts)
	var gen density
	for _, f := range files[1:] {
		end := bytes.Index(f.Data, []byte("\n+++\n"))
		if end < 0 {
			t.Fatalf("%s: no front matter", f.Path)
		}
		var pub time.Time
		if i := bytes.Index(f.Data[:end], []byte("\ndate = ")); i >= 0 {
			pub, _ = time.Parse("2006-01-02", string(f.Data[i+8:i+18]))
		}
		plain := text.FromMarkdown(f.Data[end+5:])
		gen.docs++
		gen.bytes += len(plain)
		gen.gold += len(f.Gold)
		gen.found += len(dates.Resolve(plain, pub))
	}
	return gen
}
