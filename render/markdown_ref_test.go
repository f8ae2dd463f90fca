package render

import (
	"bufio"
	"bytes"
	"html/template"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/timeline-news/timeline/timeline/text"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// This file keeps the body renderer as it was before bodies were
// rendered at load (parent of the commit that added it), as the
// reference renderBody must equal byte for byte: it parsed the
// Markdown and marked the highlights in goldmark's text renderer. One
// change since: a run a highlight falls in is written from its text as
// the plain text has it (text.Walk), not from its Markdown source, so
// that marks land on their phrases in runs with entities or escapes.

// refRenderBody renders an article's Markdown to HTML with each highlight
// wrapped in <mark>, linked to its event when it has an Href. Offsets
// are mapped onto goldmark's text nodes with text.Offsets, the walk that
// built the plain text, so both agree on every byte. Raw HTML is
// dropped unless unsafe. It sorts hls in place. It returns the Start of
// each highlight whose id it wrote, sorted (see hasAnchor).
func refRenderBody(src []byte, hls []highlight, unsafe bool) (template.HTML, []int, error) {
	doc := text.Parse(src)
	pool := &refRenderers[refB2i(unsafe)]
	br, _ := pool.Get().(*refRenderer)
	if br == nil {
		br = newRefRenderer(unsafe)
	}
	defer pool.Put(br)
	hr := br.hr
	text.Walk(doc, src, func(r text.Run) {
		if _, ok := hr.offsets[r.Node]; !ok {
			v := r.Value
			if t, ok := r.Node.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
				v = strings.TrimSuffix(v, " ") // the break's space, not the node's
			}
			hr.offsets[r.Node] = refRun{r.Offset, v}
		}
	})
	sort.Slice(hls, func(i, j int) bool { return hls[i].Start < hls[j].Start })
	hr.hls = hls
	defer func() { hr.hls = nil; clear(hr.offsets); clear(hr.written) }() // hold no article's nodes in the pool
	// Rendered into the renderer's scratch buffer, then copied out at
	// its size, as the string pages show: the bodies of a site are held
	// together until the pages are written.
	br.buf.Reset()
	br.w.Reset(&br.buf)
	if err := br.md.Renderer().Render(&br.w, src, doc); err != nil {
		return "", nil, err
	}
	written := make([]int, 0, len(hr.written))
	for start := range hr.written {
		written = append(written, start)
	}
	slices.Sort(written)
	return template.HTML(br.buf.String()), written, nil
}

// refRenderers keep goldmark renderers with their refHighlighter for
// refRenderBody, by unsafe (0 or 1): making one costs more than rendering
// a short article.
var refRenderers [2]sync.Pool

// refRenderer is a goldmark instance whose text renderer is hr.
type refRenderer struct {
	md  goldmark.Markdown
	hr  *refHighlighter
	buf bytes.Buffer
	// w writes into buf: goldmark wraps a writer that is not a
	// util.BufWriter in a new bufio.Writer on every Render.
	w bufio.Writer
}

func newRefRenderer(unsafe bool) *refRenderer {
	hr := &refHighlighter{offsets: map[ast.Node]refRun{}, written: map[int]bool{}}
	opts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(hr, 100))}
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	hr.Config = html.NewConfig()
	hr.Unsafe = unsafe
	hr.Writer = html.DefaultWriter
	return &refRenderer{md: goldmark.New(goldmark.WithRendererOptions(opts...)), hr: hr}
}

func refB2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refHighlighter renders ast.Text and ast.String nodes, marking the parts
// that fall inside a highlight.
type refHighlighter struct {
	html.Config
	// offsets are the plain-text offsets and texts of the text nodes
	// (text.Walk).
	offsets map[ast.Node]refRun
	hls     []highlight
	// written holds the Start of each highlight whose id is written.
	written map[int]bool
}

// RegisterFuncs registers the text renderers in place of goldmark's.
func (h *refHighlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, h.renderText)
	reg.Register(ast.KindString, h.renderString)
}

func (h *refHighlighter) renderText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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

func (h *refHighlighter) renderString(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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
func (h *refHighlighter) write(w util.BufWriter, node ast.Node, source []byte) {
	run, ok := h.offsets[node]
	if !ok || !h.marks(run) {
		h.Writer.Write(w, source)
		return
	}
	off, value := run.off, []byte(run.text)
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
		h.Writer.RawWrite(w, value[pos:a])
		h.open(w, hl)
		h.Writer.RawWrite(w, value[a:b])
		h.close(w, hl)
		pos = b
	}
	h.Writer.RawWrite(w, value[pos:])
}

// refRun is a text node's plain-text offset and text.
type refRun struct {
	off  int
	text string
}

// marks reports whether a highlight falls in run.
func (h *refHighlighter) marks(run refRun) bool {
	for _, hl := range h.hls {
		if max(hl.Start, run.off) < min(hl.End, run.off+len(run.text)) {
			return true
		}
	}
	return false
}

func (h *refHighlighter) open(w util.BufWriter, hl highlight) {
	_, _ = w.WriteString(`<mark class="phrase"`)
	if !h.written[hl.Start] {
		// Only the first piece of a phrase split across nodes gets the id.
		h.written[hl.Start] = true
		_, _ = w.WriteString(` id="`)
		_, _ = w.WriteString(hl.ID)
		_ = w.WriteByte('"')
	}
	if hl.Title != "" {
		_, _ = w.WriteString(` title="`)
		writeEscaped(w, hl.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	if hl.Href != "" {
		_, _ = w.WriteString(`<a href="`)
		writeEscaped(w, hl.Href)
		_, _ = w.WriteString(`">`)
	}
}

func (h *refHighlighter) close(w util.BufWriter, hl highlight) {
	if hl.Href != "" {
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</mark>")
}
