// Package text turns an article's Markdown into the plain text the
// resolver reads, and splits plain text into sentences. Render makes,
// from the same parse, the body's HTML with the place of each of its
// text runs in the plain text, so that the pages can mark date phrases
// in it without parsing the Markdown again.
//
// The plain text is the concatenation, in document order, of every
// inline text run of the Markdown, one block per paragraph, heading or
// list item, blocks separated by a blank line. Renderers that need to
// map a plain-text offset back to the Markdown walk the same tree with
// Walk or Offsets, so both sides agree on every byte.
package text

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockSeparator is written between two blocks of plain text.
const BlockSeparator = "\n\n"

// Parser is the goldmark instance used to read article bodies. It has
// no extensions that add raw HTML.
var Parser = goldmark.New()

// Parse parses Markdown source into a goldmark document.
func Parse(src []byte) ast.Node {
	return Parser.Parser().Parse(gmtext.NewReader(src))
}

// Run is one inline text run of a document and where it sits in the
// plain text.
type Run struct {
	// Node is the goldmark node (*ast.Text, *ast.String, *ast.CodeSpan's text).
	Node ast.Node
	// Value is the run's text as it appears in the plain text: entities
	// and backslash escapes resolved, not HTML-escaped.
	Value string
	// Offset is the byte offset of Value in the plain text.
	Offset int
}

// Walk calls fn for every inline text run of doc, in document order,
// with its offset in the plain text Plain(doc, src) returns.
func Walk(doc ast.Node, src []byte, fn func(Run)) {
	w := walker{src: src, fn: fn}
	w.walk(doc)
}

// Offsets calls fn for every inline text run of doc, in document order,
// with its node and its offset in the plain text, as Walk does, without
// making the run's text: what a renderer mapping offsets to nodes needs.
func Offsets(doc ast.Node, src []byte, fn func(n ast.Node, offset int)) {
	w := walker{src: src, at: fn}
	w.walk(doc)
}

// Plain returns the plain text of a parsed document: the runs Walk
// gives, each at its offset.
func Plain(doc ast.Node, src []byte) string {
	var b strings.Builder
	b.Grow(len(src)) // the text is about as long as its Markdown: one allocation, not a dozen
	// The runs are written straight into b (a run with nothing to
	// resolve is copied from src), not made as strings first.
	w := walker{src: src, out: &b}
	w.walk(doc)
	return b.String()
}

// FromMarkdown returns the plain text of Markdown source.
func FromMarkdown(src []byte) string {
	return Plain(Parse(src), src)
}

type walker struct {
	src     []byte
	fn      func(Run)
	at      func(ast.Node, int) // instead of fn, for Offsets
	out     *strings.Builder    // instead of fn, for Plain
	offset  int
	inBlock bool // a run has been written in the current block
	blocks  int  // blocks written so far
}

func (w *walker) emit(n ast.Node, s string) { w.emitLen(n, s, len(s)) }

// emitLen emits a run of size bytes, s, which is "" for Offsets.
func (w *walker) emitLen(n ast.Node, s string, size int) {
	if size == 0 {
		return
	}
	w.place()
	switch {
	case w.at != nil:
		w.at(n, w.offset)
	case w.out != nil:
		w.pad()
		w.out.WriteString(s)
	default:
		w.fn(Run{Node: n, Value: s, Offset: w.offset})
	}
	w.offset += size
}

// emitPlain writes v, which has nothing for decode to resolve, and a
// space after it when brk, as emit(n, decode(v)+" ") would (Plain only).
func (w *walker) emitPlain(v []byte, brk bool) {
	if len(v) == 0 && !brk {
		return
	}
	w.place()
	w.pad()
	w.out.Write(v)
	if brk {
		w.out.WriteByte(' ')
	}
	w.offset += len(v) + b2i(brk)
}

// place starts a block before the first run written in it.
func (w *walker) place() {
	if !w.inBlock {
		if w.blocks > 0 {
			w.offset += len(BlockSeparator)
		}
		w.inBlock = true
		w.blocks++
	}
}

// pad writes the block separator the offset has moved past (Plain only).
func (w *walker) pad() {
	for w.out.Len() < w.offset {
		w.out.WriteByte('\n')
	}
}

func (w *walker) walk(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(w.src)
		brk := n.SoftLineBreak() || n.HardLineBreak()
		if w.at != nil && plainText(v) {
			w.emitLen(n, "", len(v)+b2i(brk))
			return
		}
		if w.out != nil && plainText(v) {
			w.emitPlain(v, brk)
			return
		}
		s := decode(v)
		if brk {
			s += " "
		}
		w.emit(n, s)
		return
	case *ast.String:
		w.emit(n, string(n.Value))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return // raw HTML is not article text
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.endBlock()
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.emit(n, strings.TrimRight(string(seg.Value(w.src)), "\n")+" ")
		}
		w.endBlock()
		return
	}
	block := n.Type() == ast.TypeBlock && n.Kind() != ast.KindDocument
	if block {
		w.endBlock()
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.walk(c)
	}
	if block {
		w.endBlock()
	}
}

func (w *walker) endBlock() { w.inBlock = false }

// decode turns Markdown text source into the text a reader sees:
// backslash escapes and entity references resolved, as goldmark's HTML
// renderer does before escaping for HTML.
func decode(v []byte) string {
	if plainText(v) {
		return string(v) // nothing to resolve: most text
	}
	return string(util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(v))))
}

// plainText reports whether v has nothing for decode to resolve: no
// backslash escape, no entity reference.
func plainText(v []byte) bool {
	return bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
