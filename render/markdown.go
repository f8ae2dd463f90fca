package render

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/timeline-news/timeline/timeline/text"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// highlight is one date phrase to mark in an article body: a byte range
// of the article's plain text (see package text), the anchor id the
// mark gets, and where it links (empty for no link).
type highlight struct {
	Start, End int
	ID, Href   string
	// Title is the mark's tooltip: what the phrase was resolved to.
	Title string
}

// renderBody renders an article's Markdown to HTML with each highlight
// wrapped in <mark>, linked to its event when it has an Href. Offsets
// are mapped onto goldmark's text nodes with text.Walk, the walk that
// built the plain text, so both agree on every byte. Raw HTML is
// dropped unless unsafe. It returns the ids of the highlights it wrote.
func renderBody(src []byte, hls []highlight, unsafe bool) ([]byte, map[string]bool, error) {
	doc := text.Parse(src)
	runs := map[ast.Node][]text.Run{}
	text.Walk(doc, src, func(r text.Run) { runs[r.Node] = append(runs[r.Node], r) })
	sort.Slice(hls, func(i, j int) bool { return hls[i].Start < hls[j].Start })
	hr := &highlighter{runs: runs, hls: hls, written: map[string]bool{}}
	opts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(hr, 100))}
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	md := goldmark.New(goldmark.WithRendererOptions(opts...))
	hr.Config = html.NewConfig()
	if unsafe {
		hr.Unsafe = true
	}
	hr.Writer = html.DefaultWriter
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), hr.written, nil
}

// highlighter renders ast.Text and ast.String nodes, marking the parts
// that fall inside a highlight.
type highlighter struct {
	html.Config
	runs    map[ast.Node][]text.Run
	hls     []highlight
	written map[string]bool
}

// RegisterFuncs registers the text renderers in place of goldmark's.
func (h *highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, h.renderText)
	reg.Register(ast.KindString, h.renderString)
}

func (h *highlighter) renderText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(src)
	if n.IsRaw() {
		h.Writer.RawWrite(w, value)
	} else {
		h.write(w, node, value)
	}
	if n.HardLineBreak() {
		_, _ = w.WriteString("<br>\n")
	} else if n.SoftLineBreak() {
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

func (h *highlighter) renderString(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.String)
	if n.IsCode() {
		_, _ = w.Write(n.Value)
		return ast.WalkContinue, nil
	}
	if n.IsRaw() {
		h.Writer.RawWrite(w, n.Value)
		return ast.WalkContinue, nil
	}
	h.write(w, node, n.Value)
	return ast.WalkContinue, nil
}

// write writes value, the text of node, escaped, with marks around the
// bytes that fall inside highlights.
func (h *highlighter) write(w util.BufWriter, node ast.Node, value []byte) {
	rs := h.runs[node]
	if len(rs) == 0 {
		h.Writer.Write(w, value)
		return
	}
	off := rs[0].Offset // plain-text offset of value[0]
	pos := 0
	i := sort.Search(len(h.hls), func(i int) bool { return h.hls[i].End > off })
	for ; i < len(h.hls) && pos < len(value); i++ {
		hl := h.hls[i]
		a, b := hl.Start-off, hl.End-off
		if a >= len(value) {
			break
		}
		a = max(a, pos)
		b = min(b, len(value))
		if a >= b {
			continue
		}
		h.Writer.Write(w, value[pos:a])
		h.open(w, hl)
		h.Writer.Write(w, value[a:b])
		h.close(w, hl)
		pos = b
	}
	h.Writer.Write(w, value[pos:])
}

func (h *highlighter) open(w util.BufWriter, hl highlight) {
	_, _ = w.WriteString(`<mark class="phrase"`)
	if !h.written[hl.ID] {
		// Only the first piece of a phrase split across nodes gets the id.
		h.written[hl.ID] = true
		_, _ = w.WriteString(` id="` + hl.ID + `"`)
	}
	if hl.Title != "" {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(hl.Title)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	if hl.Href != "" {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML([]byte(hl.Href)))
		_, _ = w.WriteString(`">`)
	}
}

func (h *highlighter) close(w util.BufWriter, hl highlight) {
	if hl.Href != "" {
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</mark>")
}

// mentionID is the fragment id of the phrase starting at byte start of an article's text.
func mentionID(start int) string { return "m" + strconv.Itoa(start) }
