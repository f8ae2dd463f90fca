package timeline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeline/dates"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// seedChronology renders a chronology for reading: one block per event
// with its date, title, id, counts, and every mention with its evidence.
func seedChronology(c *Chronology) string {
	var b strings.Builder
	for _, ev := range c.Events {
		fmt.Fprintf(&b, "%s  %s\n  id %s; %d reports, %d independent; significance %.3f key=%v; reported %s..%s announced %q; flags %v\n",
			dates.Display(ev.Date, ev.Mod), ev.Title, ev.ID, len(ev.Sources), ev.Independent, ev.Significance, ev.Key,
			ev.FirstReported, ev.LastReported, ev.Announced, ev.Flags)
		for _, m := range ev.Mentions {
			fmt.Fprintf(&b, "  - %s %q = %s%s (rule %s, anchor %s)\n", m.Article[:3], m.Phrase, m.Value, modSuffix(m.Mod), m.Rule, m.Anchor)
		}
	}
	fmt.Fprintln(&b, "unplaced:")
	for _, m := range c.Unplaced {
		fmt.Fprintf(&b, "  - %s %q = %s\n", m.Article[:3], m.Phrase, m.Value)
	}
	fmt.Fprintln(&b, "findings:")
	for _, f := range c.Findings {
		fmt.Fprintf(&b, "  - %s %s: %s\n", f.Kind, strings.Trim(f.Event+" "+f.Article, " "), f.Message)
	}
	return b.String()
}

func modSuffix(mod string) string {
	if mod == "" {
		return ""
	}
	return " " + mod
}

// TestSeeds builds the example site as `timeline build` does and checks
// the issue-2 chronology event by event, then the whole readable
// chronology against testdata/seeds.golden (go test ./timeline -run
// Seeds -update rewrites it).
func TestSeeds(t *testing.T) {
	site, err := LoadSite("..")
	if err != nil {
		t.Fatal(err)
	}
	c := Build(site)
	checkSeedChronology(t, c.Events)
	got := seedChronology(c)
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("chronology differs from %s (run with -update after checking):\n%s", golden, got)
	}
}
