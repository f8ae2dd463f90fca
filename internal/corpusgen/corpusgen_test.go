package corpusgen

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func collect(t *testing.T, opts Options) ([]File, Summary) {
	t.Helper()
	var files []File
	sum, err := Each(opts, func(f File) error { files = append(files, f); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return files, sum
}

func digest(files []File) [32]byte {
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write(f.Data)
	}
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

func TestDeterministic(t *testing.T) {
	a, _ := collect(t, Options{Articles: 300, Seed: 7})
	b, _ := collect(t, Options{Articles: 300, Seed: 7})
	c, _ := collect(t, Options{Articles: 300, Seed: 8})
	if digest(a) != digest(b) {
		t.Error("same seed gave different corpora")
	}
	if digest(a) == digest(c) {
		t.Error("different seeds gave the same corpus")
	}
}

func TestShape(t *testing.T) {
	files, sum := collect(t, Options{Articles: 500, Seed: 1})
	if len(files) != 501 || files[0].Path != "config.toml" || sum.Articles != 500 {
		t.Fatalf("got %d files (first %q), summary %+v; want config.toml and 500 articles", len(files), files[0].Path, sum)
	}
	if avg := sum.Bytes / int64(sum.Articles); avg < 7000 || avg > 10000 {
		t.Errorf("average article size %d bytes, want about 8 KB", avg)
	}
	if sum.WireCopies < 50 || sum.WireCopies > 250 {
		t.Errorf("%d wire copies in 500 articles; want a realistic share", sum.WireCopies)
	}
	paths := map[string]bool{}
	sources := map[string]bool{}
	undated := 0
	srcRe := regexp.MustCompile(`(?m)^source = "(.*)"$`)
	for _, f := range files[1:] {
		if paths[f.Path] {
			t.Errorf("duplicate path %s", f.Path)
		}
		paths[f.Path] = true
		if !strings.HasPrefix(f.Path, "content/") || !strings.HasSuffix(f.Path, ".md") {
			t.Errorf("bad path %s", f.Path)
		}
		if !bytes.HasPrefix(f.Data, []byte("+++\ntitle = ")) {
			t.Errorf("%s: no front matter", f.Path)
		}
		if !bytes.Contains(f.Data, []byte("\ndate = ")) {
			undated++
		}
		if m := srcRe.FindSubmatch(f.Data); m != nil {
			sources[string(m[1])] = true
		}
	}
	if len(sources) < 30 {
		t.Errorf("only %d outlets", len(sources))
	}
	if undated == 0 || undated > 25 {
		t.Errorf("%d undated articles; want a few", undated)
	}
}

// TestDatePhrases checks that the corpus uses every kind of date phrase
// the resolver must handle, so benchmarks exercise all of its rules.
func TestDatePhrases(t *testing.T) {
	files, _ := collect(t, Options{Articles: 400, Seed: 3})
	var all bytes.Buffer
	for _, f := range files[1:] {
		all.Write(f.Data)
	}
	for name, re := range map[string]string{
		"past weekday":   `(met|held|arrived|signed|briefed|voted|published|conceded|was|opened|delivered|heard|filed|walked|called|resumed|blocked|put|made|ordered|reopened|declared|announced|approved|completed|reported)\b[^.]* on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
		"future weekday": `will [^.]* on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
		"month-day":      `on (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}[ ,.]`,
		"month-day-year": `(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d`,
		"next week":      `next week`,
		"last month":     `last month`,
		"yesterday":      `yesterday`,
		"early year":     `early 20\d\d`,
		"duration":       `for (two|five|six) years`,
		"GMT time":       `at \d{4} GMT`,
		"local time":     `at \d{1,2} [ap]\.m\. local time`,
		"season":         `this (winter|spring|summer|autumn)`,
	} {
		if !regexp.MustCompile(re).Match(all.Bytes()) {
			t.Errorf("no %s phrase (%s) in the corpus", name, re)
		}
	}
}

// TestWireCopies checks that syndicated copies repeat a body under other mastheads.
func TestWireCopies(t *testing.T) {
	files, _ := collect(t, Options{Articles: 300, Seed: 5})
	found := 0
	for _, f := range files[1:] {
		if i := bytes.Index(f.Data, []byte("*This article was originally published by ")); i >= 0 {
			found++
			if bytes.Contains(f.Data[:i], []byte(`source = "Reuters"`)) {
				t.Errorf("%s: a copy carries the agency as its source", f.Path)
			}
		}
	}
	if found == 0 {
		t.Error("no wire copies")
	}
}

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	sum, err := Generate(dir, Options{Articles: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	if n != 20 || sum.Articles != 20 {
		t.Errorf("wrote %d files, summary %d; want 20", n, sum.Articles)
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil {
		t.Error(err)
	}
	if _, err := Generate(dir, Options{Articles: 5, Seed: 1}); err == nil {
		t.Error("Generate wrote into a folder that already has content/")
	}
}
