package render

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/timeline-news/timeline/render/internal/fixture"
	"github.com/timeline-news/timeline/timeline"
)

// TestLinks builds the example site (through the real pipeline) and the
// hand-made summit chronology at / and under /sub/path/, parses every
// page and wants every internal href, src and #fragment to resolve.
func TestLinks(t *testing.T) {
	site, err := timeline.LoadSite("..")
	if err != nil {
		t.Fatal(err)
	}
	example := timeline.Build(site)
	summit, err := fixture.Summit("..")
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*timeline.Chronology{"example": example, "summit": summit} {
		for _, base := range []string{"/", "/sub/path/", "https://owner.github.io/repo/"} {
			t.Run(name+" at "+base, func(t *testing.T) {
				files := writeMem(t, c, Options{BaseURL: base, SiteDir: ".."})
				checkLinks(t, files, base)
			})
		}
	}
}

func checkLinks(t *testing.T, files memWriter, baseURL string) {
	u, _ := NewURLs(baseURL)
	ids := map[string]map[string]bool{}
	type link struct{ page, attr, ref string }
	var links []link
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s does not parse: %v", name, err)
			continue
		}
		ids[name] = map[string]bool{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch a.Key {
					case "id":
						if ids[name][a.Val] {
							t.Errorf("%s: duplicate id %q", name, a.Val)
						}
						ids[name][a.Val] = true
					case "href", "src":
						links = append(links, link{name, a.Key, a.Val})
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if !bytes.Contains(data, []byte(`<html lang="`)) {
			t.Errorf("%s: no lang attribute", name)
		}
	}
	if len(ids) < 6 {
		t.Fatalf("only %d pages", len(ids))
	}
	checked := 0
	for _, l := range links {
		pageURL := &url.URL{Path: u.Base + strings.TrimSuffix(l.page, "index.html")}
		ref, err := url.Parse(l.ref)
		if err != nil {
			t.Errorf("%s: bad %s %q", l.page, l.attr, l.ref)
			continue
		}
		if ref.Scheme != "" && (ref.Host != strings.TrimPrefix(u.Origin, "https://") || u.Origin == "") {
			continue // external
		}
		abs := pageURL.ResolveReference(ref)
		if !strings.HasPrefix(abs.Path, u.Base) {
			t.Errorf("%s: %s %q leaves the base path %s", l.page, l.attr, l.ref, u.Base)
			continue
		}
		rel := strings.TrimPrefix(abs.Path, u.Base)
		target := rel
		if target == "" || strings.HasSuffix(target, "/") {
			target += "index.html"
		}
		target = strings.TrimPrefix(path.Clean("/"+target), "/")
		if _, ok := files[target]; !ok {
			t.Errorf("%s: %s %q: no file %s", l.page, l.attr, l.ref, target)
			continue
		}
		if ref.Fragment != "" {
			if !ids[target][ref.Fragment] {
				t.Errorf("%s: %s %q: no id %q in %s", l.page, l.attr, l.ref, ref.Fragment, target)
				continue
			}
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d internal links checked", checked)
	}
}
