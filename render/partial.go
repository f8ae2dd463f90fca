package render

import (
	"html/template"
	"sort"
	"strings"
	"sync"
	"text/template/parse"
)

// Partial is the partial template name executed for the page, as
// {{template name .}} in HTML text gives it: the default theme's
// baseof.html shows its header and footer with it. A partial that reads
// nothing of the page but its Site, Exports and Kind (see kindConstant)
// is the same for every page of a kind, so it is executed once per
// kind, not for each of the site's pages: a site theme's partials as
// well as the default theme's.
func (p page) Partial(name string) (template.HTML, error) {
	return p.r.partials.get(p, name)
}

// kindPartials keeps the partials that are the same for every page of
// a kind, by kind and name, once executed. It is safe for several
// goroutines; its zero value is empty and ready.
type kindPartials struct {
	mu   sync.Mutex
	made map[[2]string]template.HTML
	// constant says, by kind and name, whether the partial is the same
	// for every page of the kind (see kindConstant).
	constant map[[2]string]bool
}

func (k *kindPartials) get(p page, name string) (template.HTML, error) {
	r := p.r
	t := r.tmpls[p.Kind]
	key := [2]string{p.Kind, name}
	k.mu.Lock()
	h, made := k.made[key]
	constant, known := k.constant[key]
	k.mu.Unlock()
	if made {
		return h, nil
	}
	if !known {
		constant = kindConstant(r.theme.kindTrees(p.Kind), name)
		k.mu.Lock()
		if k.constant == nil {
			k.constant = map[[2]string]bool{}
		}
		k.constant[key] = constant
		k.mu.Unlock()
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, p); err != nil {
		return "", r.theme.explain(err)
	}
	h = template.HTML(b.String())
	if constant {
		k.mu.Lock()
		if k.made == nil {
			k.made = map[[2]string]template.HTML{}
		}
		k.made[key] = h
		k.mu.Unlock()
	}
	return h, nil
}

// pageConstant are the fields of page that are the same for every page
// of a kind.
var pageConstant = map[string]bool{"Site": true, "Exports": true, "Kind": true}

// kindConstant reports whether the template name of trees, executed
// with a page as its data, reads of the page only what is the same for every
// page of a kind: its Site, Exports and Kind, and what is reached from
// them. Template functions see only their arguments, so it is enough
// that no action names another field of the page or hands on the page
// itself (but to a template that is itself constant). It answers false
// when in doubt.
func kindConstant(trees map[string]*parse.Tree, name string) bool {
	c := constCheck{trees: trees, seen: map[string]bool{}}
	return c.template(name)
}

// kindTrees parses the theme's templates for the layout of kind as
// templates does, into trees of their own: html/template changes the
// trees of the templates it executes (it adds its escapers to them the
// first time), maybe on another goroutine, so they are not read here.
func (t *Theme) kindTrees(kind string) map[string]*parse.Tree {
	var partials []string
	for p := range t.files {
		if strings.HasPrefix(p, "partials/") && strings.HasSuffix(p, ".html") {
			partials = append(partials, p)
		}
	}
	sort.Strings(partials)
	trees := map[string]*parse.Tree{}
	for _, p := range append(append([]string{"layouts/baseof.html"}, partials...), "layouts/"+kind+".html") {
		src, ok := t.files[p]
		if !ok {
			continue
		}
		tr := parse.New(p)
		tr.Mode = parse.SkipFuncCheck
		set := map[string]*parse.Tree{}
		if _, err := tr.Parse(string(src), "", "", set); err != nil {
			return nil // the templates did not parse either
		}
		// A later definition replaces an earlier one, unless it is
		// empty, as text/template's AddParseTree does.
		for name, tree := range set {
			if old := trees[name]; old == nil || !parse.IsEmptyTree(tree.Root) {
				trees[name] = tree
			}
		}
	}
	return trees
}

type constCheck struct {
	trees map[string]*parse.Tree
	// seen are the templates checked with the page as data, or being
	// checked (true: a template calling itself adds nothing).
	seen map[string]bool
}

func (c *constCheck) template(name string) bool {
	if ok, done := c.seen[name]; done {
		return ok
	}
	c.seen[name] = true
	tree := c.trees[name]
	ok := tree != nil && c.node(tree.Root, true)
	c.seen[name] = ok
	return ok
}

// node checks n executed with the page as dot (page) or with a value
// reached from the constant fields.
func (c *constCheck) node(n parse.Node, page bool) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, x := range n.Nodes {
			if !c.node(x, page) {
				return false
			}
		}
		return true
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		return true
	case *parse.ActionNode:
		return c.pipe(n.Pipe, page)
	case *parse.IfNode:
		return c.pipe(n.Pipe, page) && c.node(n.List, page) && c.node(n.ElseList, page)
	case *parse.RangeNode:
		return c.pipe(n.Pipe, page) && c.node(n.List, false) && c.node(n.ElseList, page)
	case *parse.WithNode:
		return c.pipe(n.Pipe, page) && c.node(n.List, false) && c.node(n.ElseList, page)
	case *parse.TemplateNode:
		if n.Pipe == nil {
			return true
		}
		if page && len(n.Pipe.Decl) == 0 && len(n.Pipe.Cmds) == 1 && len(n.Pipe.Cmds[0].Args) == 1 {
			if _, dot := n.Pipe.Cmds[0].Args[0].(*parse.DotNode); dot {
				return c.template(n.Name)
			}
		}
		// Any other data is constant once its pipeline is, and the
		// template sees only that.
		return c.pipe(n.Pipe, page)
	}
	return false
}

func (c *constCheck) pipe(p *parse.PipeNode, page bool) bool {
	if p == nil {
		return true
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			if !c.arg(arg, page) {
				return false
			}
		}
	}
	return true
}

func (c *constCheck) arg(n parse.Node, page bool) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return !page || pageConstant[n.Ident[0]]
	case *parse.DotNode:
		return !page
	case *parse.VariableNode:
		// $ is the page wherever it is used; other variables were
		// checked where they were set.
		return n.Ident[0] != "$" || len(n.Ident) > 1 && pageConstant[n.Ident[1]]
	case *parse.ChainNode:
		return c.arg(n.Node, page)
	case *parse.PipeNode:
		return c.pipe(n, page)
	case *parse.IdentifierNode, *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return true
	}
	return false
}
