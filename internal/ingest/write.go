package ingest

import (
	"fmt"
	"strings"
	"time"
)

// Meta is the front matter of a new article.
type Meta struct {
	Title, Source, URL string
	// Date is the publication day; zero leaves the date out, to be
	// inferred by the build.
	Date time.Time
}

// Markdown writes an article file: TOML front matter between +++
// lines, then the paragraphs separated by blank lines.
func Markdown(m Meta, paragraphs []string) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", tomlString(m.Title))
	if !m.Date.IsZero() {
		fmt.Fprintf(&b, "date = %s\n", m.Date.Format("2006-01-02"))
	}
	if m.Source != "" {
		fmt.Fprintf(&b, "source = %s\n", tomlString(m.Source))
	}
	if m.URL != "" {
		fmt.Fprintf(&b, "url = %s\n", tomlString(m.URL))
	}
	b.WriteString("+++\n")
	for _, p := range paragraphs {
		b.WriteString("\n")
		b.WriteString(p)
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
