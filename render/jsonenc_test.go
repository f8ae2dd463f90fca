package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// The hand-written timeline.json encoder gives the bytes encoding/json
// gives for ToJSON, on hostile strings, the hand-made fixture, the
// example site and a generated site.
func TestJSONWriterMatchesEncodingJSON(t *testing.T) {
	hostile := []string{"", "plain", `"quoted" \ back`, "<script>&amp;</script>", "tab\tnl\ncr\rbs\bff\f",
		"\x00\x01\x1f\x7f", "bad \xff\xfe utf8 \xe2\x80", "line\u2028para\u2029", "émoji 🗓 ünïcode", "\ufeffbom"}
	c := small(t)
	for i, s := range hostile {
		c.Config.Title += s
		if len(c.Events) > 0 {
			e := c.Events[i%len(c.Events)]
			e.Title += s
			e.Note = s
			if len(e.Mentions) > 0 {
				e.Mentions[0].Sentence += s
				e.Mentions[0].Note = s
			}
		}
		c.Findings = append(c.Findings, timeline.Finding{Kind: "conflict", Message: s, Event: s})
	}
	if len(c.Events) > 0 {
		c.Events[0].Significance = 1e-9
		c.Events[len(c.Events)-1].Significance = 123456.789
	}
	sites := map[string]*timeline.Chronology{"fixture+hostile": c}
	if s, err := timeline.LoadSite(".."); err == nil {
		sites["example site"] = timeline.Build(s)
	} else {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 150, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	s, err := timeline.LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	sites["generated"] = timeline.Build(s)
	for name, c := range sites {
		want, err := indentJSON(ToJSON(c))
		if err != nil {
			t.Fatal(err)
		}
		got, err := JSON(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: JSON differs from encoding/json at %s", name, firstDiff(string(want), string(got)))
		}
	}
}

func TestAppendJSONStringRandomBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("a<>&\"\\\x00\x1f\x7f\n\t\xe2\x80\xa8\xa9\xff\xc3\xa9 ")
	for range 5000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		want, _ := json.Marshal(string(b))
		if got := appendJSONString(nil, string(b)); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", b, got, want)
		}
	}
}

// TestAppendJSONStringEveryByte: each byte alone, and between letters,
// is written as encoding/json writes it.
func TestAppendJSONStringEveryByte(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b"} {
			want, _ := json.Marshal(s)
			if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
				t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
			}
		}
	}
}

// Streamed exports (written to disk a megabyte at a time) are the bytes
// of the in-memory ones; a generated site makes timeline.json and
// timeline.csv several chunks long (the dense text makes them longer).
func TestStreamedExportsMatch(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 120, Seed: 5, Dense: true}); err != nil {
		t.Fatal(err)
	}
	s, err := timeline.LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := timeline.Build(s)
	dest := filepath.Join(dir, "public")
	if _, err := Write(c, Options{Dest: dest, SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	mem := writeMem(t, c, Options{SiteDir: dir})
	for _, f := range Formats {
		got, err := os.ReadFile(filepath.Join(dest, f.File))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, mem[f.File]) {
			t.Errorf("%s streamed differs from in memory at %s", f.File, firstDiff(string(mem[f.File]), string(got)))
		}
		if f.Name == "json" && len(got) < 2*jsonChunk {
			t.Errorf("timeline.json is %d bytes: too small to test streaming in %d-byte chunks", len(got), jsonChunk)
		}
	}
}

// writeSizes records the size of each Write.
type writeSizes struct {
	bytes.Buffer
	sizes []int
}

func (w *writeSizes) Write(p []byte) (int, error) {
	w.sizes = append(w.sizes, len(p))
	return w.Buffer.Write(p)
}

// WriteJSON gives JSON's bytes a chunk at a time: no Write is much
// more than jsonChunk, however many warnings and findings a site has
// (a 10,000-article site has 39,000 findings, 4 MB of JSON).
func TestWriteJSONChunks(t *testing.T) {
	c := small(t)
	msg := string(bytes.Repeat([]byte("a finding's message "), 10))
	for i := range 20000 {
		c.Findings = append(c.Findings, timeline.Finding{Kind: "unresolved", Article: fmt.Sprint("a", i), Message: msg})
		if i%4 == 0 {
			c.Warnings = append(c.Warnings, timeline.Problem{File: fmt.Sprint("content/", i, ".md"), Message: msg})
		}
	}
	want, err := JSON(c)
	if err != nil {
		t.Fatal(err)
	}
	var w writeSizes
	if err := WriteJSON(&w, c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), want) {
		t.Fatal("WriteJSON and JSON differ")
	}
	if len(want) < 4*jsonChunk {
		t.Fatalf("timeline.json is %d bytes: too small to test the chunks", len(want))
	}
	for i, n := range w.sizes {
		if n > jsonChunk+64<<10 {
			t.Errorf("write %d of %d is %d bytes, more than a chunk (%d)", i, len(w.sizes), n, jsonChunk)
		}
	}
}
