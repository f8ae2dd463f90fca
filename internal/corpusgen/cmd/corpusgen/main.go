// Command corpusgen writes a generated benchmark site for timeline:
//
//	go run ./internal/corpusgen/cmd/corpusgen -n 10000 -o /tmp/site10k
//	timeline build -s /tmp/site10k --stats
//
// The same -n and -seed always give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/timeline-news/timeline/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("o", "", "site folder to write (must not have a content/ folder yet)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	dense := flag.Bool("dense", false, "write the first sessions' text, with twice as many date phrases per 8 KB as real news")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpusgen -n ARTICLES -o SITE [-seed N] [-dense]")
		os.Exit(2)
	}
	sum, err := corpusgen.Generate(*out, corpusgen.Options{Articles: *n, Seed: *seed, Dense: *dense})
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(2)
	}
	fmt.Printf("wrote %d articles (%d wire copies, %d stories), %.1f MB, into %s (gold phrases in %s)\n",
		sum.Articles, sum.WireCopies, sum.Stories, float64(sum.Bytes)/1e6, *out, corpusgen.GoldFile)
}
