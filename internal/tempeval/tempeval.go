// Package tempeval reads TimeML documents (the TempEval-3 format) and
// scores a temporal tagger against their gold TIMEX3 annotations with the
// TempEval-3 measures: strict and relaxed span precision, recall and F1,
// type accuracy and value F1.
//
// The reader keeps only the document creation time and the TEXT element:
// the text a tagger sees is the character data of TEXT with every tag
// removed and entities decoded, and gold offsets are byte offsets into it.
package tempeval

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Timex is one temporal expression: a byte span of a document's text and
// its TIMEX3 attributes.
type Timex struct {
	Start, End int
	Type       string
	Value      string
	Mod        string
}

// Doc is one TimeML document.
type Doc struct {
	// Name is the file name without directory.
	Name string
	// DCT is the document creation time (its calendar day).
	DCT time.Time
	// Text is the plain text of the TEXT element.
	Text string
	// Gold holds the annotated expressions of Text, in text order.
	Gold []Timex
}

// ReadDoc parses one TimeML document.
func ReadDoc(name string, r io.Reader) (*Doc, error) {
	d := &Doc{Name: name}
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var (
		text      strings.Builder
		inText    bool
		inDCT     bool
		open      *Timex
		depth     int
		haveDCT   bool
		textDepth int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "DCT":
				inDCT = true
			case "TEXT":
				inText, textDepth = true, depth
			case "TIMEX3":
				if inDCT && !haveDCT {
					v := attr(t, "value")
					if len(v) >= 10 {
						if day, err := time.Parse("2006-01-02", v[:10]); err == nil {
							d.DCT, haveDCT = day, true
						}
					}
				}
				if inText {
					open = &Timex{Start: text.Len(), Type: attr(t, "type"), Value: attr(t, "value"), Mod: attr(t, "mod")}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "DCT":
				inDCT = false
			case "TEXT":
				if depth == textDepth {
					inText = false
				}
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					if open.End > open.Start {
						d.Gold = append(d.Gold, *open)
					}
					open = nil
				}
			}
			depth--
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !haveDCT {
		return nil, fmt.Errorf("%s: no document creation time (DCT)", name)
	}
	d.Text = text.String()
	return d, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// ReadDir reads every .tml file under dir (recursively), sorted by path.
func ReadDir(dir string) ([]*Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ReadDoc(filepath.Base(p), f)
		f.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Tagger finds the temporal expressions of a text written on dct.
type Tagger func(text string, dct time.Time) []Timex

// Scores are the TempEval-3 measures over a set of documents.
type Scores struct {
	Docs, Gold, System int
	// Strict and Relaxed count span matches: exact offsets, or overlap.
	Strict, Relaxed int
	// TypeOK and ValueOK count relaxed matches with the right type or value.
	TypeOK, ValueOK int
}

// P, R and F1 of a match count.
func (s Scores) prf(n int) (p, r, f float64) {
	if s.System > 0 {
		p = 100 * float64(n) / float64(s.System)
	}
	if s.Gold > 0 {
		r = 100 * float64(n) / float64(s.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// StrictPRF returns strict span precision, recall and F1 (percent).
func (s Scores) StrictPRF() (p, r, f float64) { return s.prf(s.Strict) }

// RelaxedPRF returns relaxed span precision, recall and F1 (percent).
func (s Scores) RelaxedPRF() (p, r, f float64) { return s.prf(s.Relaxed) }

// ValuePRF returns value precision, recall and F1 (percent): a value is
// correct when it equals the gold value on a relaxed span match.
func (s Scores) ValuePRF() (p, r, f float64) { return s.prf(s.ValueOK) }

// TypeAccuracy is the share of relaxed matches with the gold type (percent).
func (s Scores) TypeAccuracy() float64 {
	if s.Relaxed == 0 {
		return 0
	}
	return 100 * float64(s.TypeOK) / float64(s.Relaxed)
}

// Add accumulates o into s.
func (s *Scores) Add(o Scores) {
	s.Docs += o.Docs
	s.Gold += o.Gold
	s.System += o.System
	s.Strict += o.Strict
	s.Relaxed += o.Relaxed
	s.TypeOK += o.TypeOK
	s.ValueOK += o.ValueOK
}

// String formats the scores as one line.
func (s Scores) String() string {
	sp, sr, sf := s.StrictPRF()
	rp, rr, rf := s.RelaxedPRF()
	vp, vr, vf := s.ValuePRF()
	return fmt.Sprintf("docs %d gold %d system %d | strict P %.1f R %.1f F1 %.1f | relaxed P %.1f R %.1f F1 %.1f | type acc %.1f | value P %.1f R %.1f F1 %.1f",
		s.Docs, s.Gold, s.System, sp, sr, sf, rp, rr, rf, s.TypeAccuracy(), vp, vr, vf)
}

// Error is one disagreement between the tagger and the gold annotation.
type Error struct {
	Doc string
	// Kind is "missed" (gold, no system overlap), "spurious" (system, no
	// gold overlap), "span" (overlap, different offsets), "type" or "value";
	// Align also gives "ok" (all agree).
	Kind      string
	Gold, Sys *Timex
	GoldText  string
	SysText   string
	Context   string
}

// Score runs tag over doc and compares its expressions with the gold ones.
// Each gold expression is matched with at most one system expression (the
// first overlapping one not yet taken), as in the TempEval-3 scorer.
func Score(doc *Doc, tag Tagger) (Scores, []Error) {
	s, all := Align(doc, tag)
	errs := all[:0]
	for _, e := range all {
		if e.Kind != "ok" {
			errs = append(errs, e)
		}
	}
	return s, errs
}

// Align is Score that also lists every agreement: a relaxed match with the
// gold offsets, type and value has Kind "ok". It lets one count how a
// class of expressions (all the "a year ago", say) fares, not only its errors.
func Align(doc *Doc, tag Tagger) (Scores, []Error) {
	sys := tag(doc.Text, doc.DCT)
	s := Scores{Docs: 1, Gold: len(doc.Gold), System: len(sys)}
	var errs []Error
	used := make([]bool, len(sys))
	ctx := func(a, b int) string {
		a, b = max(0, a-40), min(len(doc.Text), b+40)
		return strings.Join(strings.Fields(doc.Text[a:b]), " ")
	}
	for gi := range doc.Gold {
		g := &doc.Gold[gi]
		match := -1
		for i := range sys {
			if !used[i] && sys[i].Start < g.End && g.Start < sys[i].End {
				match = i
				break
			}
		}
		if match < 0 {
			errs = append(errs, Error{Doc: doc.Name, Kind: "missed", Gold: g, GoldText: doc.Text[g.Start:g.End], Context: ctx(g.Start, g.End)})
			continue
		}
		used[match] = true
		m := &sys[match]
		s.Relaxed++
		e := Error{Doc: doc.Name, Gold: g, Sys: m, GoldText: doc.Text[g.Start:g.End], SysText: doc.Text[m.Start:m.End], Context: ctx(g.Start, g.End)}
		if m.Start == g.Start && m.End == g.End {
			s.Strict++
		} else {
			e.Kind = "span"
			errs = append(errs, e)
		}
		if m.Type == g.Type {
			s.TypeOK++
		} else {
			e.Kind = "type"
			errs = append(errs, e)
		}
		if m.Value == g.Value {
			s.ValueOK++
		} else {
			e.Kind = "value"
			errs = append(errs, e)
		}
		if e.Kind == "" {
			e.Kind = "ok"
			errs = append(errs, e)
		}
	}
	for i := range sys {
		if !used[i] {
			m := &sys[i]
			errs = append(errs, Error{Doc: doc.Name, Kind: "spurious", Sys: m, SysText: doc.Text[m.Start:m.End], Context: ctx(m.Start, m.End)})
		}
	}
	return s, errs
}
