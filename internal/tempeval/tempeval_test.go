package tempeval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; rose <TIMEX3 tid="t2" type="DURATION" value="P5Y">five years</TIMEX3> ago.
</TEXT>
</TimeML>`

func TestReadDoc(t *testing.T) {
	d, err := ReadDoc("x.tml", strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.DCT.Format("2006-01-02"); got != "1998-01-08" {
		t.Errorf("DCT = %s", got)
	}
	if len(d.Gold) != 2 {
		t.Fatalf("gold = %d", len(d.Gold))
	}
	if got := d.Text[d.Gold[0].Start:d.Gold[0].End]; got != "yesterday" {
		t.Errorf("gold[0] text = %q", got)
	}
	if got := d.Text[d.Gold[1].Start:d.Gold[1].End]; got != "five years" || d.Gold[1].Type != "DURATION" {
		t.Errorf("gold[1] = %q %+v", got, d.Gold[1])
	}
	if !strings.Contains(d.Text, "& rose") {
		t.Errorf("entity not decoded: %q", d.Text)
	}
}

func TestScore(t *testing.T) {
	d, _ := ReadDoc("x.tml", strings.NewReader(sample))
	i := strings.Index(d.Text, "yesterday")
	j := strings.Index(d.Text, "five years ago")
	k := strings.Index(d.Text, "Prices")
	tag := func(string, time.Time) []Timex {
		return []Timex{
			{Start: k, End: k + 6, Type: "DATE", Value: "X"},                        // spurious
			{Start: i, End: i + 9, Type: "DATE", Value: "1998-01-07"},               // strict, right
			{Start: j, End: j + len("five years ago"), Type: "DATE", Value: "1993"}, // relaxed, wrong type and value
		}
	}
	s, errs := Score(d, tag)
	want := Scores{Docs: 1, Gold: 2, System: 3, Strict: 1, Relaxed: 2, TypeOK: 1, ValueOK: 1}
	if s != want {
		t.Errorf("scores = %+v, want %+v", s, want)
	}
	if len(errs) != 4 { // span, type, value of the second; spurious
		t.Errorf("errors = %d: %+v", len(errs), errs)
	}
	if _, _, f := s.ValuePRF(); f < 39.9 || f > 40.1 { // P 1/3, R 1/2
		t.Errorf("value F1 = %.2f", f)
	}
}

func TestAlignListsAgreements(t *testing.T) {
	d, _ := ReadDoc("x.tml", strings.NewReader(sample))
	i := strings.Index(d.Text, "yesterday")
	tag := func(string, time.Time) []Timex {
		return []Timex{{Start: i, End: i + 9, Type: "DATE", Value: "1998-01-07"}}
	}
	s, pairs := Align(d, tag)
	kinds := map[string]int{}
	for _, p := range pairs {
		kinds[p.Kind]++
	}
	// "yesterday" agrees; "five years" is missed
	if kinds["ok"] != 1 || kinds["missed"] != 1 || len(pairs) != 2 {
		t.Errorf("pairs = %+v", pairs)
	}
	if _, errs := Score(d, tag); len(errs) != 1 || errs[0].Kind != "missed" {
		t.Errorf("Score errors = %+v", errs)
	}
	if s.ValueOK != 1 {
		t.Errorf("scores = %+v", s)
	}
}

// corpusDir is the TempEval-3 folder: $TEMPEVAL_DIR, or the shared copy
// next to the repository.
func corpusDir() string {
	if d := os.Getenv("TEMPEVAL_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "corpora", "tempeval3-tbaq")
}

// floors are the figures the resolver must not fall below (value F1,
// relaxed span F1); raise them as the resolver improves.
var floors = map[string][2]float64{
	"TimeBank": {85.9, 94.6},
	"AQUAINT":  {79.9, 94.5},
}

// TestTempEval scores the resolver on TempEval-3 TimeBank and AQUAINT
// and fails on a regression below the recorded floors.
func TestTempEval(t *testing.T) {
	dir := corpusDir()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("TempEval-3 corpus not found at %s (set TEMPEVAL_DIR)", dir)
	}
	corpora, err := Evaluate(dir, Resolver)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range corpora {
		t.Logf("%-10s %s", c.Name, c.Scores)
		f, ok := floors[c.Name]
		if !ok {
			continue
		}
		_, _, vf := c.Scores.ValuePRF()
		_, _, rf := c.Scores.RelaxedPRF()
		if vf < f[0] || rf < f[1] {
			t.Errorf("%s: value F1 %.1f, relaxed F1 %.1f; floors %.1f, %.1f", c.Name, vf, rf, f[0], f[1])
		}
	}
}
