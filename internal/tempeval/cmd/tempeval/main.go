// Command tempeval scores the timeline date resolver on a folder of
// TimeML documents (TempEval-3 TimeBank and AQUAINT) and prints the
// TempEval-3 measures per corpus; -errors lists every disagreement.
//
//	go run ./internal/tempeval/cmd/tempeval -dir ../shared/corpora/tempeval3-tbaq [-errors]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/timeline-news/timeline/internal/tempeval"
)

func main() {
	dir := flag.String("dir", "../shared/corpora/tempeval3-tbaq", "folder of .tml files, or of folders of them")
	showErrors := flag.Bool("errors", false, "list every disagreement with the gold annotation")
	flag.Parse()
	corpora, err := tempeval.Evaluate(*dir, tempeval.Resolver)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tempeval:", err)
		os.Exit(2)
	}
	var all tempeval.Scores
	for _, c := range corpora {
		if *showErrors {
			for _, e := range c.Errors {
				g, s := "-", "-"
				if e.Gold != nil {
					g = fmt.Sprintf("%q %s %s %s", e.GoldText, e.Gold.Type, e.Gold.Value, e.Gold.Mod)
				}
				if e.Sys != nil {
					s = fmt.Sprintf("%q %s %s %s", e.SysText, e.Sys.Type, e.Sys.Value, e.Sys.Mod)
				}
				fmt.Printf("%-8s %s | gold %s | sys %s | %s\n", e.Kind, e.Doc, g, s, e.Context)
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
