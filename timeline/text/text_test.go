package text

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
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
