package text_test

import (
	"fmt"

	"github.com/timeline-news/timeline/timeline/text"
)

func ExampleFromMarkdown() {
	fmt.Printf("%q\n", text.FromMarkdown([]byte("# Talks\n\nTrump *will* meet Putin\non Friday.")))
	// Output: "Talks\n\nTrump will meet Putin on Friday."
}

func ExampleSentences() {
	s := "U.S. President Trump met Putin on Friday. Talks went on."
	for _, span := range text.Sentences(s) {
		fmt.Println(s[span.Start:span.End])
	}
	// Output:
	// U.S. President Trump met Putin on Friday.
	// Talks went on.
}
