package render

import (
	"path/filepath"
	"strings"
	"testing"
	"text/template/parse"
)

func TestKindConstant(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`<p>{{.Site.Title}} {{len .Site.Findings}}{{if eq .Kind "index"}} here{{end}}</p>`, true},
		{`{{range $i, $f := .Exports}}{{if $i}} ·{{end}}<a href="{{url $f.File}}">{{$f.Label}}</a>{{end}}`, true},
		{`{{with .Site}}{{.Title}}{{range .Events}}{{.Title}}{{end}}{{end}}`, true},
		{`{{range .Exports}}{{$.Kind}}{{end}}`, true},
		{`{{(.Site).Title | printf "%s"}}{{template "site" .Site}}`, true},
		{`{{template "constant" .}}`, true},
		{`{{template "self" .}}`, true},
		{`{{.Title}}`, false},
		{`{{if .NoIndex}}x{{end}}`, false},
		{`{{with .Event}}{{.Title}}{{end}}`, false},
		{`{{with .Site}}{{$.Path}}{{end}}`, false},
		{`{{range .Exports}}{{$}}{{end}}`, false},
		{`{{$p := .}}{{$p.Site.Title}}`, false},
		{`{{printf "%v" .}}`, false},
		{`{{template "uses-title" .}}`, false},
		{`{{template "site" .Article}}`, false},
		{`{{with .Site}}x{{else}}{{.Title}}{{end}}`, false},
	} {
		trees := map[string]*parse.Tree{}
		for name, src := range map[string]string{"t": tc.src, "constant": `{{.Site.Title}}`,
			"self": `{{if false}}{{template "self" .}}{{end}}{{.Kind}}`, "uses-title": `{{.Site.Title}} {{.Title}}`, "site": `{{.Title}}`} {
			tr := parse.New(name)
			tr.Mode = parse.SkipFuncCheck
			if _, err := tr.Parse(src, "", "", trees); err != nil {
				t.Fatal(err)
			}
		}
		if got := kindConstant(trees, "t"); got != tc.want {
			t.Errorf("kindConstant(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// The default theme's header and footer are made once per kind of page.
func TestDefaultPartialsConstant(t *testing.T) {
	theme, err := LoadTheme("", "")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"partials/header.html": true, "partials/footer.html": true, "partials/head-links.html": true, "partials/head.html": false} {
		if got := kindConstant(theme.kindTrees("article"), name); got != want {
			t.Errorf("kindConstant(%s) = %v, want %v", name, got, want)
		}
	}
}

// A site theme's footer that shows the page's title is made for each
// page; one that shows only the site's once, with the same markup.
func TestPartialPerPage(t *testing.T) {
	for _, tc := range []struct{ footer, want string }{
		{`<footer>{{.Title}}</footer>`, "<footer>Checks</footer>"},
		{`<footer>{{.Site.Title}} {{.Kind}}</footer>`, "<footer>Alaska &amp; summit checks</footer>"},
	} {
		dir := t.TempDir()
		mustWrite(t, filepath.Join(dir, "themes", "mine", "partials", "footer.html"), tc.footer)
		c := small(t)
		c.Config.Theme = "mine"
		c.Config.Title = "Alaska & summit"
		w := writeMem(t, c, Options{SiteDir: dir})
		if got := string(w["checks/index.html"]); !strings.Contains(got, tc.want) {
			t.Errorf("footer %s: checks page has no %s", tc.footer, tc.want)
		}
		if got := string(w["sources/index.html"]); strings.Contains(got, tc.want) {
			t.Errorf("footer %s: sources page has the checks page's %s", tc.footer, tc.want)
		}
	}
}

// A layout that defines a partial again has its own, for its kind only.
func TestKindTreesLayoutRedefines(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "themes", "mine", "layouts", "sources.html"),
		`{{define "main"}}<p>sources</p>{{end}}{{define "partials/footer.html"}}<footer>{{.Title}}</footer>{{end}}`)
	theme, err := LoadTheme(dir, "mine")
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]bool{"sources": false, "checks": true} {
		if got := kindConstant(theme.kindTrees(kind), "partials/footer.html"); got != want {
			t.Errorf("%s: kindConstant(footer) = %v, want %v", kind, got, want)
		}
	}
	c := small(t)
	c.Config.Theme = "mine"
	w := writeMem(t, c, Options{SiteDir: dir})
	if got := string(w["sources/index.html"]); !strings.Contains(got, "<footer>Sources</footer>") {
		t.Errorf("sources page without its layout's footer:\n%s", got)
	}
}
