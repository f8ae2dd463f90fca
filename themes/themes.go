// Package themes holds the default theme of a timeline site, embedded in
// the binary: HTML layouts and partials for html/template, a stylesheet,
// a small script and a favicon. A site overrides any of its files, file
// by file, with the same path under themes/NAME/ (see render.LoadTheme).
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default is the default theme: layouts/*.html (one per page kind,
// plus baseof.html, the frame they fill), partials/*.html, and
// static/* (copied to the site as is).
var Default fs.FS = mustSub(embedded, "default")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // cannot happen: dir is embedded above
	}
	return sub
}
