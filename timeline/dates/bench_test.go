package dates_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"

	"github.com/timeline-news/timeline/internal/tempeval"
	"github.com/timeline-news/timeline/timeline/dates"
)

// benchText is a few MB of news: the TempEval-3 documents when the corpus
// is present ($TEMPEVAL_DIR or ../shared next to the repository), else
// the example site's articles, repeated to at least 2 MB.
var benchText = sync.OnceValue(func() string {
	var parts []string
	dir := os.Getenv("TEMPEVAL_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora", "tempeval3-tbaq")
	}
	if docs, err := tempeval.ReadDir(dir); err == nil {
		for _, d := range docs {
			parts = append(parts, d.Text)
		}
	}
	if len(parts) == 0 {
		files, _ := filepath.Glob(filepath.Join("..", "..", "content", "*.md"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			parts = append(parts, string(b))
		}
	}
	one := strings.Join(parts, "\n\n")
	if one == "" {
		one = "The leaders will meet on Friday, August 15, 2025, three and a half years into the war."
	}
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.WriteString(one)
		b.WriteString("\n\n")
	}
	return b.String()
})

var anchor = time.Date(1998, 3, 5, 0, 0, 0, 0, time.UTC)

// BenchmarkResolve runs the resolver over the whole text on one core.
func BenchmarkResolve(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(dates.Resolve(text, anchor))
	}
	b.ReportMetric(float64(n), "exprs")
}

// BenchmarkWhen runs github.com/olebedev/when over the same text,
// sentence by sentence, taking every match of each sentence (when
// returns one match per call, so each call continues after the last).
func BenchmarkWhen(b *testing.B) {
	text := benchText()
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	sentences := splitSentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, s := range sentences {
			for s != "" {
				r, err := w.Parse(s, anchor)
				if err != nil || r == nil {
					break
				}
				n++
				end := r.Index + len(r.Text)
				if end <= 0 || end > len(s) {
					break
				}
				s = s[end:]
			}
		}
	}
	b.ReportMetric(float64(n), "exprs")
}

func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' || (c == '.' || c == '?' || c == '!') && i+1 < len(text) && text[i+1] == ' ' {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
