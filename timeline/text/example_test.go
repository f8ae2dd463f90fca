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

func ExampleRender() {
	plain, h, err := text.Render([]byte("AT&amp;T met on *Friday*."), false)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", plain)
	fmt.Print(h.Markup)
	for _, r := range h.Runs {
		// each run: its place in the plain text, its text, its bytes in the HTML
		fmt.Printf("%d %q %q\n", r.Offset, h.Value(r, nil), h.Markup[r.Start:r.End])
	}
	// Output:
	// "AT&T met on Friday."
	// <p>AT&amp;T met on <em>Friday</em>.</p>
	// 0 "AT&T met on " "AT&amp;T met on "
	// 12 "Friday" "Friday"
	// 18 "." "."
}

func ExampleNesting() {
	for _, md := range []string{"A report with [a link](https://example.org).", "> > > > > > > > nested quotes"} {
		work, line, opens := text.Nesting([]byte(md))
		fmt.Println(work, line, opens, work > text.MaxNesting)
	}
	// Output:
	// 44 1 1 false
	// 232 1 8 false
}
