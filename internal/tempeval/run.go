package tempeval

import (
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
)

// Resolver is the project's tagger: dates.Resolve as a Tagger.
func Resolver(text string, dct time.Time) []Timex {
	es := dates.Resolve(text, dct)
	out := make([]Timex, len(es))
	for i, e := range es {
		out[i] = Timex{Start: e.Start, End: e.End, Type: string(e.Type), Value: e.Value, Mod: e.Mod}
	}
	return out
}

// Corpus is one folder of TimeML documents and its scores.
type Corpus struct {
	Name   string
	Scores Scores
	Errors []Error
}

// Evaluate scores tag on every .tml file under dir. It returns one Corpus
// per immediate subfolder holding .tml files (TimeBank, AQUAINT), or one
// for dir itself when its files lie directly in it.
func Evaluate(dir string, tag Tagger) ([]Corpus, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var parts []string
	for _, e := range entries {
		if e.IsDir() {
			if m, _ := filepath.Glob(filepath.Join(dir, e.Name(), "*.tml")); len(m) > 0 {
				parts = append(parts, e.Name())
			}
		}
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		parts = []string{"."}
	}
	var out []Corpus
	for _, p := range parts {
		docs, err := ReadDir(filepath.Join(dir, p))
		if err != nil {
			return nil, err
		}
		c := Corpus{Name: filepath.Base(filepath.Join(dir, p))}
		for _, d := range docs {
			s, errs := Score(d, tag)
			c.Scores.Add(s)
			c.Errors = append(c.Errors, errs...)
		}
		out = append(out, c)
	}
	return out, nil
}
