package text

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
)

func TestFromMarkdown(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"paragraphs", "One.\n\nTwo.", "One.\n\nTwo."},
		{"soft break joins lines", "One\ntwo.", "One two."},
		{"emphasis and links keep their text", "A *big* [deal](http://x).", "A big deal."},
		{"heading and list items are blocks", "# Title\n\n- a\n- b", "Title\n\na\n\nb"},
		{"raw HTML is not text", "Hi <b>there</b>.\n\n<div>block</div>\n\nEnd.", "Hi there.\n\nEnd."},
		{"entities are decoded", "Fish &amp; chips", "Fish & chips"},
		{"code block text is kept", "```\nx := 1\n```", "x := 1 "},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromMarkdown([]byte(tt.md)); got != tt.want {
				t.Errorf("FromMarkdown(%q) = %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}

// TestWalkOffsets checks that every run's offset points at its value in
// the plain text, which is what renderers rely on to place highlights.
func TestWalkOffsets(t *testing.T) {
	src := []byte("# Head\n\nOn *Friday*, he [met](u) Putin\nin Alaska.\n\n> Quote &amp; more.\n\n1. one\n2. two")
	doc := Parse(src)
	plain := Plain(doc, src)
	n := 0
	Walk(doc, src, func(r Run) {
		n++
		if plain[r.Offset:r.Offset+len(r.Value)] != r.Value {
			t.Errorf("run %q at %d does not match plain text %q", r.Value, r.Offset, plain[r.Offset:r.Offset+len(r.Value)])
		}
	})
	if n == 0 {
		t.Fatal("no runs")
	}
	checkPlain(t, src)
	checkPlain(t, []byte("A line\nbroken  \nhard, \\*escaped\\* &amp; `code`\n\n\n- item\n\n  more\n\n```\nblock\n```\n"))
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"abbreviation", "U.S. President Trump met Mr. Putin. Then he left.", []string{"U.S. President Trump met Mr. Putin.", "Then he left."}},
		{"initial", "Donald J. Trump spoke. Putin listened.", []string{"Donald J. Trump spoke.", "Putin listened."}},
		{"quote closes sentence", "He said, \u201cNo.\u201d Then he left.", []string{"He said, \u201cNo.\u201d", "Then he left."}},
		{"question and exclamation", "Why? Because! Yes.", []string{"Why?", "Because!", "Yes."}},
		{"lowercase after period stays", "It rose 2.5 percent. e.g. this stays.", []string{"It rose 2.5 percent. e.g. this stays."}},
		{"blank line splits", "Headline without period\n\nBody starts here.", []string{"Headline without period", "Body starts here."}},
		{"number starts sentence", "It ended. 2021 was different.", []string{"It ended.", "2021 was different."}},
		{"month abbreviation", "It happened on Aug. 15 in Alaska. Nobody came.", []string{"It happened on Aug. 15 in Alaska.", "Nobody came."}},
		{"empty", "", nil},
		{"only space", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.in) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q) =\n %q\nwant\n %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestOffsets checks that Offsets reports the nodes and offsets Walk does.
func TestOffsets(t *testing.T) {
	for _, src := range []string{
		"# Head\n\nOn *Friday*, he [met](u) Putin\nin Alaska.\n\n> Quote &amp; more.\n\n1. one\n2. two",
		"a \\* b  \nhard break &copy; &#106;\n\n```\ncode\nlines\n```\n\n    indented\n\n<b>raw</b> `code span` ![alt *x*](i.png)",
	} {
		checkOffsets(t, []byte(src))
	}
}

// checkOffsets fails t when Offsets and Walk disagree on src.
func checkOffsets(t *testing.T, src []byte) {
	t.Helper()
	doc := Parse(src)
	var want, got []Run
	Walk(doc, src, func(r Run) { want = append(want, Run{Node: r.Node, Offset: r.Offset}) })
	Offsets(doc, src, func(n ast.Node, off int) { got = append(got, Run{Node: n, Offset: off}) })
	if !slices.Equal(want, got) {
		t.Errorf("%q: Offsets gave %v, Walk %v", src, got, want)
	}
}

// TestRender checks the runs of the HTML Render makes: each is where
// html.DefaultWriter wrote its node's source text, which Value gives
// back (kept aside only when the HTML does not give it: an entity, a
// backslash escape), at the offset Offsets gives the node.
func TestRender(t *testing.T) {
	tests := []struct {
		name, md string
		// runs are the texts of the runs; kept how many are kept aside
		runs []string
		kept int
	}{
		{"plain", "On Friday.", []string{"On Friday."}, 0},
		{"escaped by the writer", `a < b > & "c"`, []string{"a ", "< b > & \"c\""}, 0},
		{"entities", "AT&amp;T &#x46;ri &copy;", []string{"AT&T Fri ©"}, 0},
		{"not an entity", "AT&T &bogus; &#xZ;", []string{"AT&T &bogus; &#xZ;"}, 0},
		{"backslash escapes", `a \*b\* \q`, []string{`a *b* \q`}, 0},
		{"nul reference", "x&#0;y", []string{"x\uFFFDy"}, 0},
		// goldmark writes "&amp;amp;": the HTML does not give the text back
		{"escaped ampersand before an entity", `x \&amp; y`, []string{"x & y"}, 1},
		{"soft break and emphasis", "One *two*\nthree", []string{"One ", "two", "", "three"}, 0},
		{"code span and image not runs", "A `code` ![alt](x.png) b", []string{"A ", " ", " b"}, 0},
		{"raw HTML not a run", "a <i>b</i>", []string{"a ", "b"}, 0},
		{"empty", "", nil, 0},
	}
	for _, tt := range tests {
		for _, unsafe := range []bool{false, true} {
			src := []byte(tt.md)
			plain, h, err := Render(src, unsafe)
			if err != nil {
				t.Fatal(err)
			}
			if want := FromMarkdown(src); plain != want {
				t.Errorf("%s: text %q, FromMarkdown %q", tt.name, plain, want)
			}
			if h.Unsafe != unsafe {
				t.Errorf("%s: Unsafe %v, want %v", tt.name, h.Unsafe, unsafe)
			}
			var runs []string
			kept := 0
			for i, r := range h.Runs {
				v := h.Value(r, nil)
				runs = append(runs, string(v))
				if int(r.Len) != len(v) {
					t.Errorf("%s: run %d: Len %d, text %q", tt.name, i, r.Len, v)
				}
				if end := int(r.Offset) + len(v); end > len(plain) || plain[r.Offset:end] != string(v) {
					t.Errorf("%s: run %d: text %q is not the plain text's at %d (%q)", tt.name, i, v, r.Offset, plain)
				}
				var w bufWriter
				html.DefaultWriter.RawWrite(&w, v)
				if got := h.Markup[r.Start:r.End]; got != w.String() && r.src < 0 {
					t.Errorf("%s: run %d is %q in the HTML, not %q escaped", tt.name, i, got, v)
				}
				if r.src >= 0 {
					kept++
				}
			}
			if !slices.Equal(runs, tt.runs) || kept != tt.kept {
				t.Errorf("%s: runs %q (%d kept aside), want %q (%d)\n%s", tt.name, runs, kept, tt.runs, tt.kept, h.Markup)
			}
			// the offsets are those of Offsets
			doc := Parse(src)
			offs := map[string][]int{}
			Offsets(doc, src, func(n ast.Node, off int) {
				if n.Kind() == ast.KindText || n.Kind() == ast.KindString {
					offs[n.Kind().String()] = append(offs[n.Kind().String()], off)
				}
			})
			for _, r := range h.Runs {
				all := append(offs["Text"], offs["String"]...)
				if !slices.Contains(all, int(r.Offset)) {
					t.Errorf("%s: run offset %d not an offset of Offsets %v", tt.name, r.Offset, all)
				}
			}
		}
	}
}

func TestUnescape(t *testing.T) {
	for _, s := range []string{"", "plain", "a & b", `<a href="x">`, "&&amp;;", "&", "x&"} {
		var w bufWriter
		html.DefaultWriter.RawWrite(&w, []byte(s))
		if got := string(unescape(nil, w.String())); got != s {
			t.Errorf("unescape(%q) = %q, want %q", w.String(), got, s)
		}
		if !unescapes(w.Bytes(), []byte(s)) {
			t.Errorf("unescapes(%q, %q) = false", w.String(), s)
		}
		if unescapes(w.Bytes(), []byte(s+"x")) || s != "" && unescapes(w.Bytes(), []byte(s[1:])) {
			t.Errorf("unescapes(%q) true for another text", w.String())
		}
	}
}

func TestIsAbbreviation(t *testing.T) {
	for _, c := range []struct {
		before string
		want   bool
	}{
		{"He met Mr", true},
		{"at 9 a.m", true},
		{"in the U.S", true},
		{"in the U.\u212a", true}, // the Kelvin sign lowers to k: 5 bytes, still u.k
		{"by J", true},
		{"he said", false},
		{"the (Sept", true},
		{"the \"Corp", true},
		{"Government", false},
		{"", false},
	} {
		if got := isAbbreviation(c.before); got != c.want {
			t.Errorf("isAbbreviation(%q) = %v, want %v", c.before, got, c.want)
		}
	}
}

// BenchmarkSentences splits the plain text of a 200-article generated
// site into sentences; MB/s is over that text:
//
//	go test -run '^$' -bench Sentences -benchmem ./timeline/text
func BenchmarkSentences(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 200, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		t := FromMarkdown(src)
		texts = append(texts, t)
		size += len(t)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Sentences(t)
		}
	}
}
