package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Problem is an error in the input, located at a file, line and column.
// It prints as esbuild and Go print theirs: "file:line:col: message".
type Problem struct {
	// File is the path relative to the site folder.
	File string
	// Line and Col are 1-based; 0 when unknown.
	Line, Col int
	// Message says what is wrong; Hint, when set, how to fix it.
	Message, Hint string
}

// Error formats the problem on one line: a line break or other control
// character in it (one quoted from the input by a TOML error, say) is
// written as an escape, \r or \u001b.
func (p Problem) Error() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	s += ": " + p.Message
	if p.Hint != "" {
		s += " (" + p.Hint + ")"
	}
	return escapeControls(s)
}

// escapeControls writes the control characters of s, and the line and
// paragraph separators, as Go escapes.
func escapeControls(s string) string {
	if strings.IndexFunc(s, isLineBreaking) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isLineBreaking(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // '\r', '\x1b', '\u2028'
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func isLineBreaking(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}
