// Package english writes the small pieces of English the command line
// prints, such as counts of things with the noun in the right number.
package english

import "strconv"

// Count writes n and a regular noun, singular for one and plural
// (noun + "s") otherwise: Count(1, "article") is "1 article",
// Count(0, "event") is "0 events".
func Count(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
