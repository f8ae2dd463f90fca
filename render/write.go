package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/dates"
)

// Options say where and how a site is written.
type Options struct {
	// Dest is the output folder (usually SITE/public).
	Dest string
	// BaseURL, when set, overrides the config's baseURL.
	BaseURL string
	// SiteDir is the site folder, where themes/ is looked up.
	SiteDir string
}

// Result counts what Write wrote.
type Result struct {
	// Pages is the number of HTML pages; Files the number of all files.
	Pages, Files int
}

// Write renders the chronology into opts.Dest.
//
// This first version writes index.html and timeline.json; the themed
// site replaces it.
func Write(c *timeline.Chronology, opts Options) (Result, error) {
	out, err := OpenOutput(opts.Dest, Protect(opts.SiteDir))
	if err != nil {
		return Result{}, err
	}
	defer out.Abort() // a no-op after Commit
	js, err := JSON(c)
	if err != nil {
		return Result{}, err
	}
	if err := out.WriteFile("timeline.json", js); err != nil {
		return Result{}, err
	}
	var b strings.Builder
	if err := indexTemplate.Execute(&b, c); err != nil {
		return Result{}, fmt.Errorf("index.html: %w", err)
	}
	if err := out.WriteFile("index.html", []byte(b.String())); err != nil {
		return Result{}, err
	}
	if err := out.Commit(); err != nil {
		return Result{}, err
	}
	return Result{Pages: 1, Files: 2}, nil
}

var indexTemplate = template.Must(template.New("index").Funcs(template.FuncMap{"display": dates.Display}).Parse(`<!doctype html>
<html lang="{{.Config.LanguageCode}}"><meta charset="utf-8"><title>{{.Config.Title}}</title>
<h1>{{.Config.Title}}</h1>
<ol>{{range .Events}}<li><time datetime="{{.Date}}">{{display .Date .Mod}}</time> {{.Title}} ({{len .Sources}} reports)</li>
{{end}}</ol>
`))
