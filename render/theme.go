package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/timeline-news/timeline/themes"
)

// Theme is a loaded theme: the embedded default with a site theme's
// files laid over it, file by file.
type Theme struct {
	// files is the merged theme: path (layouts/, partials/, static/) → content.
	files map[string][]byte
	// origin maps a file's path in Files to where it came from
	// ("themes/default/layouts/index.html" or "themes/NAME/layouts/index.html"),
	// so that template errors name the file to fix.
	origin map[string]string
}

// LoadTheme returns the default theme overlaid with siteDir/themes/name
// (when name is not empty). A named theme folder that does not exist is
// an error.
func LoadTheme(siteDir, name string) (*Theme, error) {
	t := &Theme{origin: map[string]string{}}
	layers := []struct {
		fsys   fs.FS
		prefix string
	}{{themes.Default, "themes/default/"}}
	if name != "" {
		if strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
			return nil, fmt.Errorf("config.toml: theme %q must be a folder name under themes/", name)
		}
		dir := filepath.Join(siteDir, "themes", name)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("config.toml: theme %q: no folder themes/%s in the site", name, name)
		}
		layers = append(layers, struct {
			fsys   fs.FS
			prefix string
		}{os.DirFS(dir), "themes/" + name + "/"})
	}
	files := map[string][]byte{}
	for _, l := range layers {
		err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(l.fsys, p)
			if err != nil {
				return err
			}
			files[p] = b
			t.origin[p] = l.prefix + p
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
	}
	t.files = files
	return t, nil
}

// Static returns the theme's static files (path under static/ → bytes), sorted by path.
func (t *Theme) Static() ([]string, map[string][]byte) {
	m := map[string][]byte{}
	var names []string
	for p, b := range t.files {
		if rest, ok := strings.CutPrefix(p, "static/"); ok {
			m[rest] = b
			names = append(names, rest)
		}
	}
	sort.Strings(names)
	return names, m
}

// templates parses layouts/baseof.html and partials/*.html once, then
// each other layout into its own clone, keyed by layout name ("index").
func (t *Theme) templates(funcs template.FuncMap) (map[string]*template.Template, error) {
	files := t.files
	var partials, layouts []string
	for p := range files {
		switch {
		case strings.HasPrefix(p, "partials/") && strings.HasSuffix(p, ".html"):
			partials = append(partials, p)
		case strings.HasPrefix(p, "layouts/") && strings.HasSuffix(p, ".html") && p != "layouts/baseof.html":
			layouts = append(layouts, p)
		}
	}
	sort.Strings(partials)
	sort.Strings(layouts)
	if _, ok := files["layouts/baseof.html"]; !ok {
		return nil, errors.New("theme: layouts/baseof.html is missing")
	}
	root := template.New("layouts/baseof.html").Funcs(funcs)
	if _, err := root.Parse(string(files["layouts/baseof.html"])); err != nil {
		return nil, t.explain(err)
	}
	for _, p := range partials {
		if _, err := root.New(p).Parse(string(files[p])); err != nil {
			return nil, t.explain(err)
		}
	}
	out := map[string]*template.Template{}
	for _, p := range layouts {
		c, err := root.Clone()
		if err != nil {
			return nil, t.explain(err)
		}
		if _, err := c.New(p).Parse(string(files[p])); err != nil {
			return nil, t.explain(err)
		}
		out[strings.TrimSuffix(path.Base(p), ".html")] = c
	}
	return out, nil
}

// explain rewrites template names in an error into the theme files they
// came from, so "layouts/index.html:12" reads "themes/NAME/layouts/index.html:12".
func (t *Theme) explain(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	names := make([]string, 0, len(t.origin))
	for p := range t.origin {
		names = append(names, p)
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	for _, p := range names {
		if strings.Contains(msg, p+":") || strings.Contains(msg, `"`+p+`"`) {
			msg = replaceName(msg, p, t.origin[p])
		}
	}
	return errors.New(msg)
}

// replaceName replaces p by full in msg where p is not already part of a longer path.
func replaceName(msg, p, full string) string {
	var b strings.Builder
	for {
		i := strings.Index(msg, p)
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		if i > 0 && msg[i-1] == '/' {
			b.WriteString(msg[:i+len(p)])
		} else {
			b.WriteString(msg[:i] + full)
		}
		msg = msg[i+len(p):]
	}
}

// defaultTrees are, by layout (goKindNames), the templates of
// the embedded default theme's set for the layout (see kindTrees), each
// as its parse tree prints: worked out once, for sameAsDefault.
var defaultTrees = sync.OnceValue(func() map[string]map[string]string {
	def, err := LoadTheme("", "")
	if err != nil {
		return nil
	}
	out := map[string]map[string]string{}
	for _, kind := range goKindNames {
		out[kind] = map[string]string{}
		for name, tree := range def.kindTrees(kind) {
			out[kind][name] = tree.Root.String()
		}
	}
	return out
})

// sameAsDefault returns a function reporting whether the template name
// of layout kind's set (see templates) executes, through t's templates,
// exactly what it executes through the embedded default theme's: it and
// every template it calls, by {{template}}, {{block}} or .Partial, have
// the default's parse tree. A page of kind is the default's when
// "layouts/baseof.html" is. A site theme that overrides only static
// files, or templates the page does not reach (the index's card, say),
// leaves it the default's; one that overrides any template it reaches
// does not, nor one whose partial file redefines such a template with
// {{define}}.
func (t *Theme) sameAsDefault(kind string) func(name string) bool {
	ours := true
	for p, o := range t.origin {
		ours = ours && o == "themes/default/"+p
	}
	theirs, known := defaultTrees()[kind]
	if ours || !known {
		return func(string) bool { return ours }
	}
	mine := t.kindTrees(kind)
	return func(name string) bool {
		seen := map[string]bool{}
		var same func(name string) bool
		same = func(name string) bool {
			if seen[name] {
				return true
			}
			seen[name] = true
			a := mine[name]
			b, ok := theirs[name]
			if a == nil || !ok || a.Root.String() != b {
				return false
			}
			for _, n := range calledTemplates(a.Root, nil) {
				if !same(n) {
					return false
				}
			}
			return true
		}
		return same(name)
	}
}

// calledTemplates appends to names the templates n calls: by
// {{template}} (or {{block}}) and by .Partial "name".
func calledTemplates(n parse.Node, names []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, x := range n.Nodes {
				names = calledTemplates(x, names)
			}
		}
	case *parse.ActionNode:
		names = calledTemplates(n.Pipe, names)
	case *parse.IfNode:
		names = calledBranch(&n.BranchNode, names)
	case *parse.RangeNode:
		names = calledBranch(&n.BranchNode, names)
	case *parse.WithNode:
		names = calledBranch(&n.BranchNode, names)
	case *parse.TemplateNode:
		names = append(names, n.Name)
		names = calledTemplates(n.Pipe, names)
	case *parse.PipeNode:
		if n != nil {
			for _, cmd := range n.Cmds {
				names = calledTemplates(cmd, names)
			}
		}
	case *parse.CommandNode:
		if len(n.Args) == 2 {
			if f, ok := n.Args[0].(*parse.FieldNode); ok && len(f.Ident) == 1 && f.Ident[0] == "Partial" {
				if s, ok := n.Args[1].(*parse.StringNode); ok {
					names = append(names, s.Text)
				}
			}
		}
		for _, a := range n.Args {
			names = calledTemplates(a, names)
		}
	case *parse.ChainNode:
		names = calledTemplates(n.Node, names)
	}
	return names
}

func calledBranch(n *parse.BranchNode, names []string) []string {
	names = calledTemplates(n.Pipe, names)
	names = calledTemplates(n.List, names)
	return calledTemplates(n.ElseList, names)
}
