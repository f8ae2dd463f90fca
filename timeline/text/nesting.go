package text

import "bytes"

// MaxNesting bounds Nesting's work for Markdown the loader parses.
// goldmark's parser slows down with the square of a line's length on
// lines that open many blocks ("> > > ...", "1. 1. 1. ...") or many
// links ("[a](" again and again): 50 KB of them take a second, 400 KB
// most of a minute. At the bound, the slowest of them parses in about
// 15 ms. No news report comes near it: the heaviest of 10,000
// generated articles and the example site weighs 3,815, and a 10 KB
// line with a hundred links 10^6. A file over it is refused before it
// is parsed.
const MaxNesting = 10_000_000

// Nesting measures the Markdown constructs that make goldmark's parser
// slow: over the lines of src, the sum of each line's length times the
// blocks it opens at its start (quotes, list items) and the links it
// opens ("]("). It also returns the 1-based number of the line that
// weighs most, and how many blocks and links that line opens.
func Nesting(src []byte) (work int64, line, opens int) {
	var most int64
	for n := 1; len(src) > 0; n++ {
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		k := blocksOpened(l) + bytes.Count(l, []byte("]("))
		w := int64(len(l)) * int64(k)
		work += w
		if w > most {
			most, line, opens = w, n, k
		}
	}
	return work, line, opens
}

// blocksOpened counts the container blocks l opens at its start: block
// quote markers and list item markers (bullets, and numbers of up to
// nine digits followed by "." or ")"), each after up to three spaces.
func blocksOpened(l []byte) int {
	n := 0
	for {
		i := 0
		for i < len(l) && i < 3 && l[i] == ' ' {
			i++
		}
		l = l[i:]
		switch {
		case len(l) > 0 && l[0] == '>':
			l = l[1:]
		case len(l) > 1 && (l[0] == '-' || l[0] == '+' || l[0] == '*') && (l[1] == ' ' || l[1] == '\t'):
			l = l[2:]
		default:
			d := 0
			for d < len(l) && d < 9 && l[d] >= '0' && l[d] <= '9' {
				d++
			}
			if d == 0 || d+1 >= len(l) || l[d] != '.' && l[d] != ')' || l[d+1] != ' ' && l[d+1] != '\t' {
				return n
			}
			l = l[d+2:]
		}
		n++
	}
}
