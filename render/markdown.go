package render

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/text"
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

// renderBody renders the body of article a to HTML with each highlight
// wrapped in <mark>, linked to its event when it has an Href: into the
// article's HTML made at load (a.HTML, see timeline.RenderHTML) when it
// was made with the markup setting unsafe, else into its Markdown
// rendered now. Raw HTML is dropped unless unsafe. It sorts hls in
// place. It returns the Start of each highlight whose id it wrote,
// sorted (see hasAnchor).
func renderBody(a *timeline.Article, hls []highlight, unsafe bool) (template.HTML, []int, error) {
	h := a.HTML
	if h == nil || h.Unsafe != unsafe {
		if h != nil && a.Body == nil {
			return "", nil, fmt.Errorf("body rendered with markup unsafe = %v and its Markdown released", h.Unsafe)
		}
		var err error
		if _, h, err = text.Render(a.Body, unsafe); err != nil {
			return "", nil, err
		}
	}
	body, written := markBody(h, hls)
	return body, written, nil
}

// markBody returns h's Markup with each highlight marked. Only the text
// runs that a highlight falls in are written again, from their text
// (text.HTML.Value), escaped, with the marks; the rest of Markup is
// copied. The result is, byte for byte, what rendering the Markdown
// with a text renderer that marks does (refRenderBody in the tests).
// It sorts hls in place and returns the Start of each highlight whose
// id it wrote, sorted.
func markBody(h *text.HTML, hls []highlight) (template.HTML, []int) {
	sort.Slice(hls, func(i, j int) bool { return hls[i].Start < hls[j].Start })
	hr, _ := highlighters.Get().(*highlighter)
	if hr == nil {
		hr = &highlighter{written: map[int]bool{}}
	}
	defer highlighters.Put(hr)
	hr.hls = hls
	defer func() { hr.hls = nil; clear(hr.written) }()
	// Written into the highlighter's scratch buffer, then copied out at
	// its size, as the string pages show: the bodies of a site are held
	// together until the pages are written.
	w := &hr.buf
	w.Reset()
	pos, marked := 0, false // bytes of Markup written; whether any run was
	for _, r := range h.Runs {
		if !hr.marks(int(r.Offset), int(r.Len)) {
			continue
		}
		w.WriteString(h.Markup[pos:r.Start])
		hr.value = h.Value(r, hr.value[:0])
		hr.write(w, int(r.Offset), hr.value)
		pos, marked = int(r.End), true
	}
	if !marked {
		return template.HTML(h.Markup), nil // nothing marked
	}
	w.WriteString(h.Markup[pos:])
	written := make([]int, 0, len(hr.written))
	for start := range hr.written {
		written = append(written, start)
	}
	slices.Sort(written)
	return template.HTML(w.String()), written
}

// hasAnchor reports whether anchors, as renderBody returns them, hold
// the id of the phrase starting at start.
func hasAnchor(anchors []int, start int) bool {
	_, ok := slices.BinarySearch(anchors, start)
	return ok
}

// highlighters keep the scratch of markBody.
var highlighters sync.Pool

// highlighter writes text runs, marking the parts that fall inside a
// highlight.
type highlighter struct {
	hls []highlight
	// written holds the Start of each highlight whose id is written.
	written map[int]bool
	buf     bufWriter
	value   []byte // scratch for a run's text
}

// bufWriter is a bytes.Buffer as the util.BufWriter goldmark's
// html.Writer writes into.
type bufWriter struct{ bytes.Buffer }

func (w *bufWriter) Buffered() int { return 0 }
func (w *bufWriter) Flush() error  { return nil }

// marks reports whether write would mark any byte of a run of n bytes
// of text at plain-text offset off: the loop of write, up to its first
// mark.
func (h *highlighter) marks(off, n int) bool {
	i := sort.Search(len(h.hls), func(i int) bool { return h.hls[i].End > off })
	for ; i < len(h.hls); i++ {
		hl := h.hls[i]
		a, b := hl.Start-off, hl.End-off
		if a >= n {
			break
		}
		if max(a, 0) < min(b, n) {
			return true
		}
	}
	return false
}

// write writes value, the text of a run at plain-text offset off (see
// text.HTML.Value), escaped, with marks around the bytes that fall
// inside highlights. value is the run's part of the plain text, so a
// mark lands on its phrase in a run with an entity or a backslash
// escape too ("AT&amp;T met on Friday").
func (h *highlighter) write(w util.BufWriter, off int, value []byte) {
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
		html.DefaultWriter.RawWrite(w, value[pos:a])
		h.open(w, hl)
		html.DefaultWriter.RawWrite(w, value[a:b])
		h.close(w, hl)
		pos = b
	}
	html.DefaultWriter.RawWrite(w, value[pos:])
}

func (h *highlighter) open(w util.BufWriter, hl highlight) {
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

// writeEscaped writes s escaped as util.EscapeHTML escapes it, without
// making a []byte of it first: a large site's bodies have hundreds of
// thousands of marks.
func writeEscaped(w util.BufWriter, s string) {
	n := 0
	for i := 0; i < len(s); i++ {
		if e := util.EscapeHTMLByte(s[i]); e != nil {
			_, _ = w.WriteString(s[n:i])
			_, _ = w.Write(e)
			n = i + 1
		}
	}
	_, _ = w.WriteString(s[n:])
}

func (h *highlighter) close(w util.BufWriter, hl highlight) {
	if hl.Href != "" {
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</mark>")
}

// mentionID is the fragment id of the phrase starting at byte start of an article's text.
func mentionID(start int) string { return "m" + strconv.Itoa(start) }
