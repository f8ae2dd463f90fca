package render

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes indented JSON straight into a byte slice, in the
// exact form encoding/json's Marshal followed by Indent(b, "", "  ")
// gives (HTML-escaped strings, a space after each colon, empty arrays
// as []). timeline.json holds every mention's sentence; going through
// reflection and then re-indenting the whole file took most of a large
// build's export time. TestJSONWriterMatchesEncodingJSON keeps the two
// byte-identical.
type jsonWriter struct {
	b     []byte
	depth int
	first bool // no member written yet at this depth
	// out, when set, receives b in chunks (see flush); err is its first error.
	out io.Writer
	err error
}

// jsonChunk is how much a streaming jsonWriter gathers before writing.
const jsonChunk = 1 << 20

// flush hands what is gathered to out once it is a chunk, or always
// when final; without out it keeps everything in b.
func (w *jsonWriter) flush(final bool) {
	if w.out == nil || w.err != nil || (!final && len(w.b) < jsonChunk) {
		return
	}
	_, w.err = w.out.Write(w.b)
	w.b = w.b[:0]
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// open starts an object or array ('{' or '[').
func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

// close ends an object or array ('}' or ']'); an empty one stays "{}".
func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.first {
		w.newline()
	}
	w.b = append(w.b, c)
	w.first = false
}

// elem starts the next array element.
func (w *jsonWriter) elem() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.newline()
}

// key starts the next object member.
func (w *jsonWriter) key(k string) {
	w.elem()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':', ' ')
}

func (w *jsonWriter) str(k, v string) {
	w.key(k)
	w.b = appendJSONString(w.b, v)
}

// strOmit writes the member unless v is empty (`json:",omitempty"`).
func (w *jsonWriter) strOmit(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *jsonWriter) boolean(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonWriter) boolOmit(k string, v bool) {
	if v {
		w.boolean(k, v)
	}
}

func (w *jsonWriter) integer(k string, v int) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

// float writes v as encoding/json does; a value JSON cannot hold (NaN,
// ±Inf) is written as 0 rather than failing the whole export.
func (w *jsonWriter) float(k string, v float64) {
	w.key(k)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, v, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

// strings writes a []string member: null when nil, as encoding/json.
func (w *jsonWriter) strings(k string, vs []string) {
	w.key(k)
	if vs == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for _, v := range vs {
		w.elem()
		w.b = appendJSONString(w.b, v)
	}
	w.close(']')
}

func (w *jsonWriter) stringsOmit(k string, vs []string) {
	if len(vs) > 0 {
		w.strings(k, vs)
	}
}

func (w *jsonWriter) ints(k string, vs []int) {
	w.key(k)
	if vs == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for _, v := range vs {
		w.elem()
		w.b = strconv.AppendInt(w.b, int64(v), 10)
	}
	w.close(']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json
// does with HTML escaping on: <, > and & as \u003c \u003e \u0026,
// U+2028 and U+2029 escaped, invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
