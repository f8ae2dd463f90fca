// Package ingest turns the text of a news page, as a journalist copies
// it from a browser, into a content file: it finds the headline and the
// publication date, and drops the page furniture around the story
// (share buttons, related posts, comment prompts, download links, author
// boxes, photo captions), listing everything it dropped so that nothing
// is lost silently.
//
// Every rule is general: it looks for the shapes news pages share, never
// for one site's text. A date is taken only from a line that states one
// (a date line or a dateline); none is ever guessed.
package ingest

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Result is what Parse makes of a pasted page.
type Result struct {
	// Title is the headline; TitleFrom says where it was found.
	Title, TitleFrom string
	// Date is the publication day, zero when the text states none;
	// DateFrom is the line it was read from.
	Date     time.Time
	DateFrom string
	// Source is the outlet a byline names ("Report by “Outlet”"), or "".
	Source string
	// Paragraphs are the story's blocks in Markdown, in order.
	Paragraphs []string
	// Dropped lists every line left out, with the rule that dropped it.
	Dropped []Dropped
}

// Dropped is one line (or run of lines) of the pasted text left out of the article.
type Dropped struct {
	// Line is the 1-based line number in the pasted text; Lines how many
	// lines from there were dropped together (1 for one line).
	Line, Lines int
	// Text is the (first) dropped line.
	Text string
	// Rule names why it was dropped.
	Rule string
}

// String prints a Dropped for the terminal: "line 12: share buttons: Spread the love".
func (d Dropped) String() string {
	s := fmt.Sprintf("line %d: %s: %s", d.Line, d.Rule, clip(d.Text, 70))
	if d.Lines > 1 {
		s += fmt.Sprintf(" (and the %d lines after it)", d.Lines-1)
	}
	return s
}

// line is one non-empty line of the pasted text.
type line struct {
	n    int // 1-based line number
	text string
}

// Parse reads a pasted news page.
func Parse(raw string) Result {
	var r Result
	lines := splitLines(raw)
	lines = r.cutTail(lines)
	lines = r.dropFurniture(lines)
	lines = r.findTitle(lines)
	lines = r.findDate(lines)
	r.Paragraphs = paragraphs(lines)
	if r.Date.IsZero() && len(r.Paragraphs) > 0 {
		if d, ok := dateline(r.Paragraphs[0]); ok {
			r.Date, r.DateFrom = d, "dateline: "+clip(r.Paragraphs[0], 60)
		}
	}
	sort.SliceStable(r.Dropped, func(i, j int) bool { return r.Dropped[i].Line < r.Dropped[j].Line })
	return r
}

// splitLines returns the non-empty lines, trimmed, with their numbers.
// Control characters (a NUL, an escape...: never text) are made spaces
// first, so that the file written from the lines is text the build
// reads.
func splitLines(raw string) []line {
	raw = strings.ToValidUTF8(raw, "\uFFFD")
	raw = strings.TrimPrefix(raw, "\uFEFF")
	raw = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u2028", "\n", "\u2029", "\n").Replace(raw)
	var out []line
	for i, l := range strings.Split(raw, "\n") {
		l = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && r != '\t' {
				return ' '
			}
			return r
		}, l)
		l = strings.TrimFunc(l, unicode.IsSpace)
		if l != "" {
			out = append(out, line{i + 1, l})
		}
	}
	return out
}

// isProse reports whether l reads as a paragraph of the story: several
// words ending like a sentence.
func isProse(l string) bool {
	return len(strings.Fields(l)) >= 12 && endsSentence(l)
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, `"'”’)»]`)
	r, _ := utf8.DecodeLastRuneInString(l)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// cutTail drops, from the first tail marker after the story has begun,
// the marker and everything after it.
func (r *Result) cutTail(lines []line) []line {
	begun := false
	for i, l := range lines {
		if begun {
			for _, rule := range tailRules {
				if rule.match(l.text) {
					r.Dropped = append(r.Dropped, Dropped{Line: l.n, Lines: lines[len(lines)-1].n - l.n + 1, Text: l.text, Rule: rule.name})
					return lines[:i]
				}
			}
		}
		begun = begun || isProse(l.text)
	}
	return lines
}

// dropFurniture drops single furniture lines, author boxes and the
// credit under a photo caption.
func (r *Result) dropFurniture(lines []line) []line {
	var out []line
	drop := func(l line, rule string) {
		r.Dropped = append(r.Dropped, Dropped{Line: l.n, Lines: 1, Text: l.text, Rule: rule})
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if isAvatar(l.text) {
			drop(l, "author box")
			// The author's name, then a bio that names them.
			if i+1 < len(lines) && isCredit(lines[i+1].text) {
				name := lines[i+1].text
				i++
				drop(lines[i], "author box")
				if i+1 < len(lines) && strings.Contains(lines[i+1].text, name) && len(strings.Fields(lines[i+1].text)) < 60 {
					i++
					drop(lines[i], "author box")
				}
			}
			continue
		}
		if name, ok := byline(l.text); ok {
			drop(l, "byline")
			if r.Source == "" {
				r.Source = name
			}
			continue
		}
		matched := false
		for _, rule := range lineRules {
			if rule.match(l.text) {
				drop(l, rule.name)
				matched = true
				if rule.name == "photo caption" && i+1 < len(lines) && isCredit(lines[i+1].text) && !looksLikeHighlight(lines, i+1) {
					i++
					drop(lines[i], "photo credit")
				}
				break
			}
		}
		if !matched {
			out = append(out, l)
		}
	}
	return out
}

// looksLikeHighlight reports whether the line at i starts a run of
// summary bullets rather than being a lone credit line.
func looksLikeHighlight(lines []line, i int) bool {
	return len(strings.Fields(lines[i].text)) > 3
}

// headline reports whether l could be a headline: a few words, not
// ending like a sentence or a label.
func headline(l string) bool {
	n := len(strings.Fields(l))
	return n >= 4 && n <= 25 && !endsSentence(l) && !strings.HasSuffix(l, ":")
}

// findTitle picks the headline: a headline-like line the page repeats
// near its top (pages print it as a breadcrumb and as the heading),
// else the first headline-like line before the story, else the first
// sentence. Short labels above the headline ("Top Stories") and
// repeats of it are dropped.
func (r *Result) findTitle(lines []line) []line {
	const top = 12
	idx := -1
	count := map[string]int{}
	for i := 0; i < len(lines) && i < top; i++ {
		count[norm(lines[i].text)]++
	}
	for i := 0; i < len(lines) && i < top; i++ {
		if count[norm(lines[i].text)] > 1 && headline(lines[i].text) {
			idx = i
			r.TitleFrom = fmt.Sprintf("line %d (repeated on the page)", lines[i].n)
			break
		}
	}
	if idx < 0 {
		for i := 0; i < len(lines) && i < top; i++ {
			if isProse(lines[i].text) {
				break
			}
			if headline(lines[i].text) {
				idx = i
				r.TitleFrom = fmt.Sprintf("line %d", lines[i].n)
				break
			}
		}
	}
	if idx < 0 {
		if len(lines) == 0 {
			return lines
		}
		r.Title = firstSentence(lines[0].text)
		r.TitleFrom = fmt.Sprintf("the first sentence, line %d: no headline found, edit it", lines[0].n)
		return lines
	}
	r.Title = lines[idx].text
	var out []line
	for i, l := range lines {
		switch {
		case i == idx:
		case norm(l.text) == norm(r.Title):
			r.Dropped = append(r.Dropped, Dropped{Line: l.n, Lines: 1, Text: l.text, Rule: "headline repeated"})
		case i < idx && !isProse(l.text) && len(strings.Fields(l.text)) < 4:
			r.Dropped = append(r.Dropped, Dropped{Line: l.n, Lines: 1, Text: l.text, Rule: "label above the headline"})
		default:
			out = append(out, l)
		}
	}
	return out
}

// firstSentence returns s up to its first sentence end, without the final period.
func firstSentence(s string) string {
	for i, c := range s {
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(s) || s[i+1] == ' ') && !abbreviation(s[:i]) {
			if c == '.' {
				return s[:i]
			}
			return s[:i+1]
		}
	}
	return s
}

// abbreviation reports whether the text before a period ends in an
// abbreviation or an initial ("U.S", "Mr", "J").
// It reads only the last word, so that finding a first sentence is
// linear in the line, however many periods it has.
func abbreviation(before string) bool {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	if before == "" {
		return false
	}
	w := before
	if i := strings.LastIndexFunc(before, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		w = before[i+size:]
	}
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no", "vs":
		return true
	}
	return false
}

// findDate takes the first date line among the lines before the story's
// second paragraph and drops it.
func (r *Result) findDate(lines []line) []line {
	prose := 0
	for i, l := range lines {
		if d, ok := dateLine(l.text); ok {
			r.Date, r.DateFrom = d, fmt.Sprintf("line %d: %s", l.n, l.text)
			r.Dropped = append(r.Dropped, Dropped{Line: l.n, Lines: 1, Text: l.text, Rule: "date line (used as the date)"})
			return append(lines[:i:i], lines[i+1:]...)
		}
		if isProse(l.text) {
			prose++
			if prose >= 2 {
				break
			}
		}
	}
	return lines
}

// paragraphs turns the remaining lines into Markdown blocks: a line
// broken in the middle of a sentence is joined to the next, a quotation
// left open runs on into the following lines, and a run of three or
// more short lines without sentence punctuation becomes a list.
func paragraphs(lines []line) []string {
	var paras []string
	for i := 0; i < len(lines); i++ {
		p := lines[i].text
		for i+1 < len(lines) && (brokenLine(p, lines[i+1].text) || openQuote(p) && !openQuote(lines[i+1].text+" ")) {
			i++
			p += " " + lines[i].text
		}
		paras = append(paras, p)
	}
	var out []string
	for i := 0; i < len(paras); {
		j := i
		for j < len(paras) && listItem(paras[j]) {
			j++
		}
		if j-i >= 3 {
			items := make([]string, 0, j-i)
			for _, p := range paras[i:j] {
				items = append(items, "- "+p)
			}
			out = append(out, strings.Join(items, "\n"))
			i = j
			continue
		}
		out = append(out, escapeStart(paras[i]))
		i++
	}
	return out
}

// brokenLine reports whether next continues a sentence cut at the end of p.
func brokenLine(p, next string) bool {
	if endsSentence(p) || strings.HasSuffix(p, ":") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) && len(strings.Fields(p)) >= 6
}

// openQuote reports whether p opens a quotation it does not close.
func openQuote(p string) bool {
	if strings.Count(p, "“") > strings.Count(p, "”") {
		return true
	}
	return strings.Count(p, "\"")%2 == 1
}

// listItem: a short line without sentence punctuation, as in a
// story's summary bullets.
func listItem(p string) bool {
	n := len(strings.Fields(p))
	return n >= 2 && n <= 15 && !endsSentence(p) && !strings.HasSuffix(p, ":")
}

// escapeStart keeps a paragraph from being read as Markdown structure
// (a heading, list, quote, rule or front-matter fence).
func escapeStart(p string) string {
	if p == "" {
		return p
	}
	switch p[0] {
	case '#', '>', '-', '+', '*', '=', '_', '|', '<':
		return `\` + p
	}
	i := 0
	for i < len(p) && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i > 0 && i < len(p)-1 && (p[i] == '.' || p[i] == ')') && p[i+1] == ' ' {
		return p[:i] + `\` + p[i:]
	}
	return p
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
