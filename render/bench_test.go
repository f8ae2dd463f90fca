package render_test

// Benchmarks of rendering and writing a generated 1,000-article site:
//
//	go test -run '^$' -bench . -benchmem ./render/

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

func benchChronology(b *testing.B, n int) (*timeline.Chronology, string) {
	b.Helper()
	dir := b.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	// Loaded as timeline build and serve load: each body's HTML is made
	// with its text, and the pages mark their phrases in it.
	site, err := timeline.LoadSite(dir, timeline.RenderHTML())
	if err != nil {
		b.Fatal(err)
	}
	return timeline.Build(site), dir
}

// BenchmarkWrite renders every page and export and writes them to disk.
// MB/s is over the bytes written.
func BenchmarkWrite(b *testing.B) {
	c, dir := benchChronology(b, 1000)
	dest := filepath.Join(dir, "public")
	var written int64
	b.ReportAllocs()
	for b.Loop() {
		res, err := render.Write(c, render.Options{Dest: dest, SiteDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if written == 0 {
			written = dirSize(dest)
			b.ReportMetric(float64(res.Pages), "pages")
		}
	}
	if written > 0 {
		b.SetBytes(written)
	}
}

// BenchmarkJSON encodes timeline.json alone.
func BenchmarkJSON(b *testing.B) {
	c, _ := benchChronology(b, 1000)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		js, err := render.JSON(c)
		if err != nil {
			b.Fatal(err)
		}
		n = len(js)
	}
	b.SetBytes(int64(n))
}

// BenchmarkCSV encodes timeline.csv alone, as timeline build writes it
// (WriteCSV to a file; here to io.Discard).
func BenchmarkCSV(b *testing.B) {
	c, _ := benchChronology(b, 1000)
	var n countWriter
	b.ReportAllocs()
	for b.Loop() {
		n = 0
		if err := render.WriteCSV(&n, c, render.URLs{}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n))
}

// countWriter counts the bytes written to it.
type countWriter int64

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}
