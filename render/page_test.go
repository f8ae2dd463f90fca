package render

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// buildDir loads and builds the site folder dir, as `timeline build` does.
func buildDir(t *testing.T, dir string) *timeline.Chronology {
	t.Helper()
	s, err := timeline.LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	return timeline.Build(s)
}

// sameFiles checks that a Site gives every file WriteTo writes, byte
// for byte, and no other. Each name in fresh (every file when nil) is
// asked first of a Site of its own, so that a page needing what no
// earlier page worked out is caught; then every file is asked of one
// Site, in reverse order.
func sameFiles(t *testing.T, c *timeline.Chronology, opts Options, bodies *Cache, fresh []string) {
	t.Helper()
	want := writeMem(t, c, opts)
	site, err := NewSite(c, opts, bodies)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	if got := site.Names(); !slices.Equal(got, names) {
		t.Fatalf("Names() = %d files, WriteTo wrote %d", len(got), len(names))
	}
	check := func(s *Site, name string) {
		t.Helper()
		got, err := s.File(name)
		if err != nil {
			t.Fatalf("File(%q): %v", name, err)
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("File(%q) differs from what WriteTo wrote (%d bytes, want %d)", name, len(got), len(want[name]))
		}
	}
	if fresh == nil {
		fresh = names
	}
	for _, name := range fresh {
		s, err := NewSite(c, opts, bodies)
		if err != nil {
			t.Fatal(err)
		}
		check(s, name)
	}
	for i := len(names) - 1; i >= 0; i-- {
		check(site, names[i])
	}
	if _, err := site.File("no/such/file.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("File of a name not in the site: %v, want a not-exist error", err)
	}
}

// onePerKind picks, from a site's files, the first of each kind of page
// and every other file.
func onePerKind(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		kind := n
		if i := strings.IndexByte(n, '/'); i >= 0 && strings.HasSuffix(n, "/index.html") {
			kind = n[:i]
		}
		if !seen[kind] {
			seen[kind] = true
			out = append(out, n)
		}
	}
	return out
}

func TestSiteSmall(t *testing.T) {
	sameFiles(t, small(t), Options{BaseURL: "https://example.org/news/"}, nil, nil)
}

func TestSiteExample(t *testing.T) {
	sameFiles(t, buildDir(t, ".."), Options{BaseURL: "/", SiteDir: ".."}, nil, nil)
}

// TestSiteGenerated checks a generated site, then the same site after
// an article is edited with the bodies of the first build kept, as
// `timeline serve` keeps them.
func TestSiteGenerated(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 120, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	c := buildDir(t, dir)
	// Pages show the views' every part: an event page lists its first
	// reports in full and the others compactly.
	many := false
	for _, e := range c.Events {
		many = many || len(e.Sources) > evidenceReports
	}
	if !many {
		t.Fatalf("no event of the generated site has over %d reports: choose another seed", evidenceReports)
	}
	opts := Options{BaseURL: "/", SiteDir: dir}
	var bodies Cache
	site, err := NewSite(c, opts, &bodies)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, c, opts, &bodies, onePerKind(site.Names()))

	a := c.Articles[7]
	path := filepath.Join(dir, filepath.FromSlash(a.File))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := append(src, "\n\nThe talks resumed on Monday, officials said, a week after the vote.\n"...)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	c2 := buildDir(t, dir)
	sameFiles(t, c2, opts, &bodies, []string{"articles/" + a.ID + "/index.html", "index.html"})
}

// TestSiteTheme checks a site theme, with which the first page works
// out everything.
func TestSiteTheme(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 20, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "themes", "mine", "partials", "footer.html")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(`<footer>{{len .Site.Events}} events; first report: {{with index .Site.Articles 0}}{{.Byline}}{{end}}</footer>`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := buildDir(t, dir)
	c.Config.Theme = "mine"
	opts := Options{BaseURL: "/", SiteDir: dir}
	sameFiles(t, c, opts, nil, []string{"about/index.html", "index.html"})
}
