package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/text"
)

// renderBody says which phrases it wrote an id for: those it marked,
// once each, and not one it could not mark (inside inline code). The
// event pages link a phrase to its id only where it was written.
func TestRenderBodyAnchors(t *testing.T) {
	src := []byte("They met on Friday, not on `Monday`.\n\nThe *talks on Tuesday* ran long.\n")
	plain := text.FromMarkdown(src)
	var hls []highlight
	var starts []int
	for _, p := range []string{"Friday", "Monday", "on Tuesday"} {
		i := strings.Index(plain, p)
		if i < 0 {
			t.Fatalf("%q not in the text %q", p, plain)
		}
		hls = append(hls, highlight{Start: i, End: i + len(p), ID: mentionID(i)})
		starts = append(starts, i)
	}
	// The same phrase twice (two mentions of one phrase) gets one id.
	hls = append(hls, hls[0])
	html, anchors, err := renderBody(&timeline.Article{Body: src}, hls, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{starts[0], starts[2]}
	if !slices.Equal(anchors, want) {
		t.Errorf("anchors %v, want %v (Friday, on Tuesday; not the code)\n%s", anchors, want, html)
	}
	for i, s := range starts {
		marked := i != 1
		if got := hasAnchor(anchors, s); got != marked {
			t.Errorf("hasAnchor(%d) = %v, want %v", s, got, marked)
		}
		n := strings.Count(string(html), `id="`+mentionID(s)+`"`)
		if marked && n != 1 || !marked && n != 0 {
			t.Errorf("id %s written %d times\n%s", mentionID(s), n, html)
		}
	}
}
