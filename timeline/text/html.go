package text

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// HTML is a Markdown body rendered to HTML by the parse that makes its
// plain text (see Render), with the place of each of its text runs in
// the plain text: what a renderer needs to mark spans of the plain
// text in the HTML without parsing the Markdown again.
//
// Each run is the text of one ast.Text or ast.String node written by
// goldmark's html.DefaultWriter (escaped, entities and backslash
// escapes resolved). A renderer that marks part of a run writes the
// run again from Value, the run's part of the plain text, in pieces,
// escaped; the rest of Markup is kept as it is.
type HTML struct {
	// Markup is the body as goldmark renders it, nothing marked; raw
	// HTML is omitted unless Unsafe.
	Markup string
	// Unsafe is the setting Markup was rendered with.
	Unsafe bool
	// Runs are the text runs of Markup that have a place in the plain
	// text, in order.
	Runs []HTMLRun
	// sources holds the text of the runs that cannot be had back from
	// Markup (see HTMLRun.src).
	sources string
}

// HTMLRun is one text run of an HTML's Markup.
type HTMLRun struct {
	// Offset is the plain-text offset of the run's node, as Offsets
	// gives it.
	Offset int32
	// Start and End are the run's bytes in Markup.
	Start, End int32
	// Len is the length of the run's text (see HTML.Value): the part
	// of the plain text from Offset that the run shows.
	Len int32
	// src is where the run's text starts in HTML.sources, or -1 when
	// Markup[Start:End] unescaped gives it back (most runs).
	src int32
}

// Value appends the text of r, a run of h, to buf and returns the
// result: the run's part of the plain text (entities and backslash
// escapes resolved), which Markup[r.Start:r.End] shows escaped.
func (h *HTML) Value(r HTMLRun, buf []byte) []byte {
	if r.src >= 0 {
		return append(buf, h.sources[r.src:r.src+r.Len]...)
	}
	return unescape(buf, h.Markup[r.Start:r.End])
}

// Render parses Markdown source once and returns its plain text (as
// FromMarkdown) and its HTML (goldmark's, raw HTML omitted unless
// unsafe), with the place of each text run. The error is the
// renderer's.
func Render(src []byte, unsafe bool) (string, *HTML, error) {
	doc := Parse(src)
	plain := Plain(doc, src)
	pool := &recorders[b2i(unsafe)]
	rec, _ := pool.Get().(*recorder)
	if rec == nil {
		rec = newRecorder(unsafe)
	}
	defer pool.Put(rec)
	Offsets(doc, src, func(n ast.Node, off int) {
		if _, ok := rec.offsets[n]; !ok {
			rec.offsets[n] = off
		}
	})
	defer rec.reset()
	if err := rec.md.Renderer().Render(rec.w, src, doc); err != nil {
		return "", nil, err
	}
	if rec.w.Len() > math.MaxInt32 || len(plain) > math.MaxInt32 { // the runs' offsets are int32
		return "", nil, errors.New("text: HTML over 2 GB")
	}
	h := &HTML{Markup: rec.w.String(), Unsafe: unsafe, sources: string(rec.sources)}
	if len(rec.runs) > 0 {
		h.Runs = make([]HTMLRun, len(rec.runs))
		copy(h.Runs, rec.runs)
	}
	return plain, h, nil
}

// recorders keep the goldmark renderers of Render, by unsafe (0 or 1):
// making one costs more than rendering a short article.
var recorders [2]sync.Pool

// recorder is a goldmark instance whose text renderer notes where each
// text run goes.
type recorder struct {
	html.Config
	md goldmark.Markdown
	w  *bufWriter
	// offsets are the plain-text offsets of the text nodes (Offsets).
	offsets map[ast.Node]int
	runs    []HTMLRun
	sources []byte
}

func newRecorder(unsafe bool) *recorder {
	r := &recorder{w: &bufWriter{}, offsets: map[ast.Node]int{}}
	opts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(r, 100))}
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	r.Config = html.NewConfig()
	r.Unsafe = unsafe
	r.Writer = html.DefaultWriter
	r.md = goldmark.New(goldmark.WithRendererOptions(opts...))
	return r
}

// reset drops what the last Render noted: the pool holds no article's
// nodes or text.
func (r *recorder) reset() {
	clear(r.offsets)
	r.runs = r.runs[:0]
	r.sources = r.sources[:0]
	r.w.Reset()
}

// RegisterFuncs registers the text renderers in place of goldmark's.
func (r *recorder) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
	reg.Register(ast.KindString, r.renderString)
}

func (r *recorder) renderText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(src)
	if n.IsRaw() {
		r.Writer.RawWrite(w, value)
	} else {
		r.write(node, value)
	}
	if n.HardLineBreak() {
		_, _ = w.WriteString("<br>\n")
	} else if n.SoftLineBreak() {
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

func (r *recorder) renderString(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.String)
	if n.IsCode() {
		_, _ = w.Write(n.Value)
		return ast.WalkContinue, nil
	}
	if n.IsRaw() {
		r.Writer.RawWrite(w, n.Value)
		return ast.WalkContinue, nil
	}
	r.write(node, n.Value)
	return ast.WalkContinue, nil
}

// write writes value, the source text of node, escaped, and notes the
// run when the node has a place in the plain text, with its text as
// the plain text has it (decode: what Walk gives, but for the space a
// line break adds after it).
func (r *recorder) write(node ast.Node, value []byte) {
	off, ok := r.offsets[node]
	start := r.w.Len()
	r.Writer.Write(r.w, value)
	if !ok {
		return
	}
	end := r.w.Len()
	shown := value
	if _, isText := node.(*ast.Text); isText && !plainText(value) {
		shown = []byte(decode(value))
	}
	run := HTMLRun{Offset: int32(off), Start: int32(start), End: int32(end), Len: int32(len(shown)), src: -1}
	if !unescapes(r.w.Bytes()[start:end], shown) {
		run.src = int32(len(r.sources))
		r.sources = append(r.sources, shown...)
	}
	r.runs = append(r.runs, run)
}

// escapes are the bytes html.DefaultWriter escapes and their escapes
// (util.EscapeHTMLByte but for NUL, which it makes U+FFFD).
var escapes = [...]struct {
	c byte
	s string
}{{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}}

// unescape appends s with the escapes of escapes undone to buf.
func unescape(buf []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			return append(buf, s...)
		}
		buf = append(buf, s[:i]...)
		s = s[i:]
		c, n := byte('&'), 1 // a bare '&', which the escaper does not write
		for _, e := range escapes {
			if strings.HasPrefix(s, e.s) {
				c, n = e.c, len(e.s)
				break
			}
		}
		buf = append(buf, c)
		s = s[n:]
	}
}

// unescapes reports whether out, unescaped, is value: whether a run's
// text can be had back from its HTML.
func unescapes(out, value []byte) bool {
	for {
		i := bytes.IndexByte(out, '&')
		if i < 0 {
			return bytes.Equal(out, value)
		}
		if i >= len(value) || !bytes.Equal(out[:i], value[:i]) {
			return false
		}
		out, value = out[i:], value[i:]
		n := 0
		for _, e := range escapes {
			if bytes.HasPrefix(out, []byte(e.s)) {
				if value[0] != e.c {
					return false
				}
				n = len(e.s)
				break
			}
		}
		if n == 0 {
			return false // a bare '&' is never written
		}
		out, value = out[n:], value[1:]
	}
}

// bufWriter is a bytes.Buffer as the util.BufWriter goldmark writes
// into: without it, goldmark wraps the writer in a new bufio.Writer
// on every Render, and the bytes are copied twice.
type bufWriter struct{ bytes.Buffer }

func (w *bufWriter) Buffered() int { return 0 }
func (w *bufWriter) Flush() error  { return nil }
