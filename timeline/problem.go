package timeline

import "fmt"

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

// Error formats the problem on one line.
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
	return s
}
