// Command tempeval scores the timeline date resolver on a folder of
// TimeML documents (TempEval-3 TimeBank and AQUAINT) and prints the
// TempEval-3 measures per corpus; -errors lists every disagreement.
//
//	go run ./internal/tempeval/cmd/tempeval -dir ../shared/corpora/tempeval3-tbaq [-errors]
//
// -grep REGEXP lists every gold and system expression whose text matches,
// agreements ("ok") included, with a count per verdict: how a whole class
// of expressions fares, before and after a rule.
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"

	"github.com/timeline-news/timeline/internal/tempeval"
	"github.com/timeline-news/timeline/timeline/dates"
)

// showDoc prints the resolver's expressions for one document, with the
// rule that produced each, then the gold ones.
func showDoc(dir, name string) error {
	docs, err := tempeval.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if d.Name != name {
			continue
		}
		fmt.Printf("%s DCT %s\n", d.Name, d.DCT.Format("2006-01-02"))
		for _, e := range dates.Resolve(d.Text, d.DCT) {
			fmt.Printf("sys  %6d %-30q %-8s %-14s %-10s %s %s\n", e.Start, e.Text, e.Type, e.Value, e.Mod, e.Rule, e.Tense)
		}
		for _, g := range d.Gold {
			fmt.Printf("gold %6d %-30q %-8s %-14s %s\n", g.Start, d.Text[g.Start:g.End], g.Type, g.Value, g.Mod)
		}
		return nil
	}
	return fmt.Errorf("no document %s under %s", name, dir)
}

// grep prints every aligned pair (see tempeval.Align) whose gold or
// system text matches re, then the number of pairs of each kind.
func grep(dir string, re *regexp.Regexp) error {
	docs, err := tempeval.ReadDir(dir)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, d := range docs {
		_, pairs := tempeval.Align(d, tempeval.Resolver)
		for _, e := range pairs {
			if !re.MatchString(e.GoldText) && !re.MatchString(e.SysText) {
				continue
			}
			counts[e.Kind]++
			fmt.Println(line(e))
		}
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Printf("%-8s %d\n", k, counts[k])
	}
	return nil
}

// line formats one disagreement (or agreement) for a person.
func line(e tempeval.Error) string {
	g, s := "-", "-"
	if e.Gold != nil {
		g = fmt.Sprintf("%q %s %s %s", e.GoldText, e.Gold.Type, e.Gold.Value, e.Gold.Mod)
	}
	if e.Sys != nil {
		s = fmt.Sprintf("%q %s %s %s", e.SysText, e.Sys.Type, e.Sys.Value, e.Sys.Mod)
	}
	return fmt.Sprintf("%-8s %s | gold %s | sys %s | %s", e.Kind, e.Doc, g, s, e.Context)
}

func main() {
	dir := flag.String("dir", "../shared/corpora/tempeval3-tbaq", "folder of .tml files, or of folders of them")
	showErrors := flag.Bool("errors", false, "list every disagreement with the gold annotation")
	doc := flag.String("doc", "", "list the resolver's expressions (with rule) and the gold ones for the named document, e.g. wsj_0144.tml")
	pattern := flag.String("grep", "", "list every expression (agreements too) whose gold or system text matches this regular expression, e.g. '(?i)a year (ago|earlier)'")
	flag.Parse()
	if *pattern != "" {
		re, err := regexp.Compile(*pattern)
		if err == nil {
			err = grep(*dir, re)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "tempeval:", err)
			os.Exit(2)
		}
		return
	}
	if *doc != "" {
		if err := showDoc(*dir, *doc); err != nil {
			fmt.Fprintln(os.Stderr, "tempeval:", err)
			os.Exit(2)
		}
		return
	}
	corpora, err := tempeval.Evaluate(*dir, tempeval.Resolver)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tempeval:", err)
		os.Exit(2)
	}
	var all tempeval.Scores
	for _, c := range corpora {
		if *showErrors {
			for _, e := range c.Errors {
				fmt.Println(line(e))
			}
		}
		all.Add(c.Scores)
	}
	for _, c := range corpora {
		fmt.Printf("%-10s %s\n", c.Name, c.Scores)
	}
	if len(corpora) > 1 {
		fmt.Printf("%-10s %s\n", "all", all)
	}
}
