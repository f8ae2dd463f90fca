package corpusgen_test

import (
	"fmt"

	"github.com/timeline-news/timeline/internal/corpusgen"
)

func ExampleEach() {
	n := 0
	sum, err := corpusgen.Each(corpusgen.Options{Articles: 100, Seed: 1}, func(f corpusgen.File) error {
		n++
		return nil
	})
	fmt.Println(n, "files,", sum.Articles, "articles,", err)
	// Output: 101 files, 100 articles, <nil>
}
