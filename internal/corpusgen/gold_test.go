package corpusgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGold checks that every gold phrase is where it says, in its
// article, and that story events, background, relative references and
// durations are all recorded.
func TestGold(t *testing.T) {
	files, _ := collect(t, Options{Articles: 300, Seed: 4})
	if files[0].Gold != nil {
		t.Error("config.toml has gold phrases")
	}
	kinds := map[string]int{}
	for _, f := range files[1:] {
		if len(f.Gold) == 0 {
			t.Errorf("%s: no gold phrases", f.Path)
		}
		at := 0
		for _, p := range f.Gold {
			if p.Path != f.Path {
				t.Fatalf("%s: gold phrase names %s", f.Path, p.Path)
			}
			if p.Sentence[p.Offset:p.Offset+len(p.Text)] != p.Text {
				t.Errorf("%s: phrase %q not at offset %d of %q", f.Path, p.Text, p.Offset, p.Sentence)
			}
			i := bytes.Index(f.Data[at:], []byte(p.Sentence))
			if i < 0 {
				t.Errorf("%s: sentence %q not found in order", f.Path, p.Sentence)
				continue
			}
			at += i
			switch {
			case p.Event == "":
				kinds[p.Type]++
				if p.Type == "DATE" {
					t.Errorf("%s: date %q without an event key", f.Path, p.Text)
				}
			case strings.Contains(p.Event, "/event"):
				kinds["event"]++
				if len(p.Day) != 10 {
					t.Errorf("%s: story event %q has day %q", f.Path, p.Text, p.Day)
				}
			case strings.Contains(p.Event, "/background"):
				kinds["background"]++
			case strings.Contains(p.Event, "/relative"):
				kinds["relative"]++
			default:
				t.Errorf("%s: unknown gold key %q", f.Path, p.Event)
			}
		}
	}
	for _, k := range []string{"event", "background", "relative", "DURATION", "SET"} {
		if kinds[k] == 0 {
			t.Errorf("no %s phrases in the gold", k)
		}
	}
}

// TestGoldRelativeValues pins the value of each relative phrase on one day.
func TestGoldRelativeValues(t *testing.T) {
	pub := periodStart.AddDate(0, 2, 0) // 2024-03-01, a Friday
	s := &story{id: 7}
	want := []string{"2023", "2024-03", "2024-04", "2024-W08", "2024", "2023", "2024-01", "2024-SP", "2024-W10", "2024-02", "XXXX-WXX-1"}
	for i, w := range want {
		g := &gen{}
		g.noteRelative(s, i, "x "+relativePhrases[i]+" y", relativePhrases[i], pub)
		if got := g.gold[0].Value; got != w {
			t.Errorf("relative %d (%q) on %s = %s, want %s", i, relativePhrases[i], pub.Format("2006-01-02"), got, w)
		}
	}
}

func TestGenerateGold(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Articles: 30, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, GoldFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var p Phrase
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p.Path))); err != nil {
			t.Errorf("line %d: %v", n+1, err)
		}
		n++
	}
	files, _ := collect(t, Options{Articles: 30, Seed: 2})
	want := 0
	for _, f := range files {
		want += len(f.Gold)
	}
	if n != want || n == 0 {
		t.Errorf("%s has %d lines, want %d", GoldFile, n, want)
	}
}
