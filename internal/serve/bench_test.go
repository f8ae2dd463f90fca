package serve

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

var (
	benchSubjects = []string{"The minister", "The committee", "Officials", "The president", "Negotiators", "The envoy"}
	benchVerbs    = []string{"met", "announced the plan", "signed the agreement", "left the talks", "voted", "rejected the offer"}
	benchWhen     = []string{"on Monday", "last Friday", "on August %d, 2025", "on %d July 2025", "in February 2022",
		"next week", "in early 2024", "on July %d, 2025"}
)

// benchSite writes n articles of about 2 KB, from a seeded generator:
// the same n gives the same site.
func benchSite(b *testing.B, n int) string {
	dir := b.TempDir()
	r := rand.New(rand.NewPCG(42, 1))
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, "content", fmt.Sprintf("a%04d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(benchArticle(r, i, 0)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func benchArticle(r *rand.Rand, i, edit int) string {
	var s strings.Builder
	fmt.Fprintf(&s, "+++\ntitle = \"Report %d\"\ndate = 2025-%02d-%02d\nsource = \"Outlet %d\"\n+++\n\n", i, 6+r.IntN(3), 1+r.IntN(28), r.IntN(40))
	for p := 0; p < 6; p++ {
		for k := 0; k < 3; k++ {
			when := benchWhen[r.IntN(len(benchWhen))]
			if strings.Contains(when, "%d") {
				when = fmt.Sprintf(when, 1+r.IntN(28))
			}
			fmt.Fprintf(&s, "%s %s %s. ", benchSubjects[r.IntN(len(benchSubjects))], benchVerbs[r.IntN(len(benchVerbs))], when)
		}
		s.WriteString("\n\n")
	}
	if edit > 0 {
		fmt.Fprintf(&s, "Update %d: the talks resumed on August %d, 2025.\n", edit, 1+edit%28)
	}
	return s.String()
}

// BenchmarkServeRebuild1000 is what serve does after one article of a
// 1,000-article site is saved: incremental build plus a full render.
func BenchmarkServeRebuild1000(b *testing.B) {
	site := benchSite(b, 1000)
	s, err := New(Options{Site: site})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, buildErr, _, _ := s.state(); buildErr != nil {
		b.Fatal(buildErr)
	}
	r := rand.New(rand.NewPCG(7, 7))
	path := filepath.Join(site, "content", "a0500.md")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := os.WriteFile(path, []byte(benchArticle(r, 500, i+1)), 0o644); err != nil {
			b.Fatal(err)
		}
		s.Rebuild(path)
		if _, buildErr, _, _ := s.state(); buildErr != nil {
			b.Fatal(buildErr)
		}
	}
}

// BenchmarkRender1000 is the render step alone on the same site.
func BenchmarkRender1000(b *testing.B) {
	site := benchSite(b, 1000)
	c, err := timeline.NewIncremental(site).Build()
	if err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	var res render.Result
	b.ReportAllocs()
	for b.Loop() {
		if res, err = render.Write(c, render.Options{Dest: dest, BaseURL: "/", SiteDir: site}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Files), "files")
	b.ReportMetric(float64(len(c.Events)), "events")
}
