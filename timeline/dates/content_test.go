package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// body returns the Markdown body of an example article (front matter dropped).
func body(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "content", prefix+"-*.md"))
	if len(m) != 1 {
		t.Skipf("example article %s not found", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.HasPrefix(s, "+++") {
		if i := strings.Index(s[3:], "+++"); i >= 0 {
			s = s[i+6:]
		}
	}
	return s
}

type want struct {
	phrase, value, mod string
}

// TestExampleSite checks the values the chronology of the example site
// rests on, each article resolved against its publication date.
func TestExampleSite(t *testing.T) {
	cases := []struct {
		file   string
		anchor time.Time
		wants  []want
		not    []string
	}{
		{"000", Day(2025, 8, 8), []want{{"next Friday", "2025-08-15", ""}, {"early 2022", "2022", "START"}}, nil},
		{"001", Day(2025, 8, 8), []want{{"Friday", "2025-08-08", ""}, {"next week", "2025-W33", ""}, {"August 15", "2025-08-15", ""},
			{"February 2022", "2022-02", ""}, {"three and a half years", "P3Y6M", ""}, {"February", "2025-02", ""}, {"2021", "2021", ""}}, nil},
		{"002", Day(2025, 8, 12), []want{{"August 15, 2025", "2025-08-15", ""}, {"August 6", "2025-08-06", ""}, {"August 8", "2025-08-08", ""},
			{"August 10", "2025-08-10", ""}, {"August 12", "2025-08-12", ""}}, nil},
		{"003", Day(2025, 8, 15), []want{{"Friday", "2025-08-15", ""}, {"2022", "2022", ""}, {"today", "2025-08-15", ""}}, []string{"2025"}},
		{"004", Day(2025, 8, 14), []want{{"1900 GMT", "2025-08-14T19:00", ""}, {"Friday", "2025-08-15", ""}, {"three-and-a-half years", "P3Y6M", ""},
			{"Wednesday", "2025-08-13", ""}, {"tomorrow (Friday)", "2025-08-15", ""}}, []string{"24 hours"}},
	}
	for _, c := range cases {
		es := Resolve(body(t, c.file), c.anchor)
		for _, w := range c.wants {
			found := false
			for _, e := range es {
				if e.Text == w.phrase {
					found = true
					if e.Value != w.value || e.Mod != w.mod {
						t.Errorf("%s: %q = %s %s (%s), want %s %s", c.file, w.phrase, e.Value, e.Mod, e.Rule, w.value, w.mod)
					}
				}
			}
			if !found {
				t.Errorf("%s: %q not found in %v", c.file, w.phrase, texts(es))
			}
		}
		for _, n := range c.not {
			for _, e := range es {
				if e.Text == n {
					t.Errorf("%s: %q must not be a date (got %s, %s)", c.file, n, e.Value, e.Rule)
				}
			}
		}
	}
	// the 1900 GMT time was assumed on the anchor day, and says so
	for _, e := range Resolve(body(t, "004"), Day(2025, 8, 14)) {
		if e.Text == "1900 GMT" && e.Rule != "time-of-day" {
			t.Errorf("1900 GMT rule = %s, want time-of-day", e.Rule)
		}
	}
}

// TestInferAnchorExamples checks the publication windows of the two
// undated example articles.
func TestInferAnchorExamples(t *testing.T) {
	for _, c := range []struct {
		file                     string
		anchor, earliest, latest string
		evidence                 string
	}{
		{"001", "2025-08-08", "2025-08-08", "2025-08-10", "announced on Friday"},
		{"002", "2025-08-12", "2025-08-12", "2025-08-14", `latest past date reported: "statement on August 12" (2025-08-12)`},
	} {
		inf, ok := InferAnchor(body(t, c.file))
		if !ok {
			t.Errorf("%s: no inference", c.file)
			continue
		}
		got := DayValue(inf.Anchor) + " " + DayValue(inf.Earliest) + " " + DayValue(inf.Latest)
		if got != c.anchor+" "+c.earliest+" "+c.latest {
			t.Errorf("%s: anchor, window = %s, want %s %s %s; evidence %q", c.file, got, c.anchor, c.earliest, c.latest, inf.Evidence)
		}
		if !strings.Contains(strings.Join(inf.Evidence, "\n"), c.evidence) {
			t.Errorf("%s: evidence %q lacks %q", c.file, inf.Evidence, c.evidence)
		}
	}
}

func TestInferAnchorNothing(t *testing.T) {
	if _, ok := InferAnchor("No dates here at all."); ok {
		t.Error("inferred an anchor from nothing")
	}
	inf, ok := InferAnchor("The company said on March 3, 1999 that it would merge on March 20, 1999.")
	if !ok || DayValue(inf.Earliest) != "1999-03-03" || DayValue(inf.Latest) != "1999-03-19" {
		t.Errorf("got %+v %v", inf, ok)
	}
}
