package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/text"
)

// markCase is a body and the phrases to mark in it: each phrase at its
// first place in the plain text at or after the end of the one before
// (at the start again when it is not there).
type markCase struct {
	name, md string
	phrases  []string
	// want, when set, is the body renderBody must give (safe markup):
	// spelt out where the marks land oddly.
	want string
}

var markCases = []markCase{
	{name: "plain", md: "They met on Friday in Alaska.\n", phrases: []string{"Friday"},
		want: `<p>They met on <mark class="phrase" id="m12" title="t12"><a href="#e12">Friday</a></mark> in Alaska.</p>` + "\n"},
	{name: "no phrase", md: "They met *on* Friday.\n"},
	{name: "across emphasis", md: "The *talks on Tuesday* ran long and **late on** Friday.\n", phrases: []string{"on Tuesday", "late on Friday"}},
	{name: "across soft break", md: "They met on\nFriday, and again on\nMonday.\n", phrases: []string{"on Friday", "on Monday"}},
	{name: "hard break", md: "On Friday  \nthey met.\n", phrases: []string{"Friday", "they"}},
	{name: "code span not marked", md: "Not on `Monday` but on Friday.\n", phrases: []string{"Monday", "Friday"}},
	{name: "code block", md: "```\nMonday\n```\n\nOn Friday.\n", phrases: []string{"Monday", "Friday"}},
	{name: "link", md: "See [the report of 8 August](https://example.com/a?b=1&c=2) today.\n", phrases: []string{"8 August", "today"}},
	{name: "image alt not marked", md: "![on Friday](x.png) on Friday.\n", phrases: []string{"on Friday", "on Friday"}},
	{name: "heading and list", md: "# Summit on Friday\n\n- Monday: talks\n- Tuesday\n\n> Quote of Wednesday.\n", phrases: []string{"Friday", "Monday", "Tuesday", "Wednesday"}},
	{name: "escaped bytes", md: `Fish <b> "chips" > on Friday` + "\n", phrases: []string{"on Friday"}},
	{name: "bare ampersand", md: "AT&T met on Friday.\n", phrases: []string{"Friday"},
		want: `<p>AT&amp;T met on <mark class="phrase" id="m12" title="t12"><a href="#e12">Friday</a></mark>.</p>` + "\n"},
	// In a run with an entity or a backslash escape, the mark is on
	// the phrase all the same (it was off before: the plain-text offset
	// was applied to the Markdown source).
	{name: "entity before phrase", md: "AT&amp;T met on Friday.\n", phrases: []string{"Friday"},
		want: `<p>AT&amp;T met on <mark class="phrase" id="m12" title="t12"><a href="#e12">Friday</a></mark>.</p>` + "\n"},
	{name: "entities before phrase", md: "Tom &lt;b&gt; on Friday\n", phrases: []string{"on Friday"},
		want: `<p>Tom &lt;b&gt; <mark class="phrase" id="m8" title="t8"><a href="#e8">on Friday</a></mark></p>` + "\n"},
	{name: "backslash escape", md: "A \\*star\\* on Friday.\n", phrases: []string{"on Friday"},
		want: `<p>A *star* <mark class="phrase" id="m9" title="t9"><a href="#e9">on Friday</a></mark>.</p>` + "\n"},
	{name: "numeric references", md: "Mon&#100;ay and &#x46;riday, &#0; on Friday.\n", phrases: []string{"Monday", "Friday", "on Friday"}},
	{name: "entity inside phrase", md: "Late &amp; early on Friday &copy; 2025.\n", phrases: []string{"& early", "Friday © 2025"}},
	{name: "escape at the end", md: "On Friday\\\nthey met\\!\n", phrases: []string{"Friday", "met!"}},
	{name: "overlapping phrases", md: "They met on Friday 15 August 2025.\n", phrases: []string{"Friday 15 August", "15 August 2025"}},
	{name: "raw HTML", md: "Hi <b>on Friday</b>.\n\n<div>Monday</div>\n\nOn <i>Tuesday</i>.\n", phrases: []string{"on Friday", "Tuesday"}},
	{name: "dangerous link", md: "[on Friday](javascript:alert(1)) and <https://x.org/Monday>.\n", phrases: []string{"on Friday"}},
	{name: "empty", md: ""},
}

// highlightsOf places the phrases of c in the plain text of its
// Markdown; each gets an id, a title and a link.
func highlightsOf(t *testing.T, c markCase) []highlight {
	t.Helper()
	plain := text.FromMarkdown([]byte(c.md))
	var hls []highlight
	at := 0
	for _, p := range c.phrases {
		i := strings.Index(plain[at:], p)
		if i < 0 {
			at = 0
			if i = strings.Index(plain, p); i < 0 {
				t.Fatalf("%q not in the text %q", p, plain)
			}
		}
		i += at
		at = i + len(p)
		hls = append(hls, highlight{Start: i, End: i + len(p), ID: mentionID(i), Href: "#e" + itoa(i), Title: "t" + itoa(i)})
	}
	return hls
}

func itoa(i int) string { return strings.TrimPrefix(mentionID(i), "m") }

// TestRenderBodyAsBefore checks that a body marked in the HTML made at
// load (timeline.RenderHTML) is the body marked while rendering its
// Markdown, as it was made before (refRenderBody), byte for byte, with
// the same ids written: with and without raw HTML, from an article's
// HTML and from its Markdown alone.
func TestRenderBodyAsBefore(t *testing.T) {
	for _, c := range markCases {
		for _, unsafe := range []bool{false, true} {
			hls := highlightsOf(t, c)
			want, wantIDs, err := refRenderBody([]byte(c.md), slices.Clone(hls), unsafe)
			if err != nil {
				t.Fatal(err)
			}
			if c.want != "" && !unsafe && string(want) != c.want {
				t.Errorf("%s: the reference gives\n%s\nwant\n%s", c.name, want, c.want)
			}
			plain, h, err := text.Render([]byte(c.md), unsafe)
			if err != nil {
				t.Fatal(err)
			}
			if plain != text.FromMarkdown([]byte(c.md)) {
				t.Errorf("%s: text.Render's text %q, FromMarkdown's %q", c.name, plain, text.FromMarkdown([]byte(c.md)))
			}
			for _, a := range []*timeline.Article{
				{Body: []byte(c.md), HTML: h}, // made at load
				{HTML: h},                     // Markdown released
				{Body: []byte(c.md)},          // no HTML: parsed now
				{Body: []byte(c.md), HTML: &text.HTML{Markup: "stale", Unsafe: !unsafe}}, // another setting
			} {
				got, ids, err := renderBody(a, slices.Clone(hls), unsafe)
				if err != nil {
					t.Fatal(err)
				}
				if got != want || !slices.Equal(ids, wantIDs) && len(ids)+len(wantIDs) > 0 {
					t.Errorf("%s (unsafe %v, HTML %v, Markdown %v):\ngot  %s ids %v\nwant %s ids %v", c.name, unsafe, a.HTML != nil, a.Body != nil, got, ids, want, wantIDs)
				}
			}
		}
	}
}

// A body made at load with another markup setting, its Markdown
// released, cannot be rendered: an error, not a wrong body.
func TestRenderBodyReleasedOtherSetting(t *testing.T) {
	_, h, err := text.Render([]byte("Hi <b>there</b>."), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := renderBody(&timeline.Article{HTML: h}, nil, true); err == nil {
		t.Error("no error for a safe body asked for unsafe with no Markdown")
	}
}

// FuzzRenderBody checks renderBody against the reference on any
// Markdown, with a phrase at each of a few offsets.
func FuzzRenderBody(f *testing.F) {
	for _, c := range markCases {
		f.Add(c.md, uint16(3), uint16(7), false)
	}
	f.Add("a &amp; b &#x3C; \\* c", uint16(1), uint16(5), true)
	f.Fuzz(func(t *testing.T, md string, at, size uint16, unsafe bool) {
		plain := text.FromMarkdown([]byte(md))
		var hls []highlight
		for s := int(at); len(plain) > 0 && len(hls) < 4; s += int(size) + 1 {
			s %= len(plain)
			e := min(s+int(size)%16+1, len(plain))
			hls = append(hls, highlight{Start: s, End: e, ID: mentionID(s), Href: "#x", Title: "a\"<"})
		}
		want, wantIDs, err := refRenderBody([]byte(md), slices.Clone(hls), unsafe)
		if err != nil {
			t.Skip(err)
		}
		_, h, err := text.Render([]byte(md), unsafe)
		if err != nil {
			t.Fatal(err)
		}
		got, ids, err := renderBody(&timeline.Article{HTML: h}, hls, unsafe)
		if err != nil {
			t.Fatal(err)
		}
		if got != want || !slices.Equal(ids, wantIDs) && len(ids)+len(wantIDs) > 0 {
			t.Fatalf("%q %v:\ngot  %s ids %v\nwant %s ids %v", md, hls, got, ids, want, wantIDs)
		}
	})
}

// BenchmarkRenderBody renders the body of every article of a generated
// 1,000-article site with its phrases marked: "markdown" from the
// Markdown (parsed and rendered now, as without timeline.RenderHTML),
// "html" from the HTML made at load (as timeline build and serve do).
// MB/s is over the Markdown.
func BenchmarkRenderBody(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	site, err := timeline.LoadSite(dir, timeline.RenderHTML())
	if err != nil {
		b.Fatal(err)
	}
	c := timeline.Build(site)
	hls := map[string][]highlight{}
	for _, e := range c.Events {
		for _, m := range e.Mentions {
			hls[m.Article] = append(hls[m.Article], highlight{Start: m.Start, End: m.End, ID: mentionID(m.Start), Href: "/events/" + e.ID + "/", Title: m.Value})
		}
	}
	var size int64
	for _, a := range c.Articles {
		size += int64(len(a.Body))
	}
	for _, from := range []string{"markdown", "html"} {
		b.Run(from, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range c.Articles {
					x := *a
					if from == "markdown" {
						x.HTML = nil
					}
					if _, _, err := renderBody(&x, slices.Clone(hls[a.ID]), false); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
