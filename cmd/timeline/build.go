package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

func init() {
	commands["build"] = command{"build the site into public/", runBuild}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("s", ".", "site folder")
	dest := fs.String("d", "", "destination folder (default SITE/public)")
	baseURL := fs.String("baseURL", "", "base URL the site is served from (overrides config.toml)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline build [-s SITE] [-d DEST] [--baseURL URL]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	start := time.Now() // for the summary line only; never reaches the output
	s, err := timeline.LoadSite(*site)
	if err != nil {
		fmt.Fprintln(stderr, "timeline build:", err)
		return exitError
	}
	c := timeline.Build(s)
	for _, w := range c.Warnings {
		fmt.Fprintln(stderr, "warning:", w.Error())
	}
	out := *dest
	if out == "" {
		out = filepath.Join(*site, "public")
	}
	res, err := render.Write(c, render.Options{Dest: out, BaseURL: *baseURL, SiteDir: *site})
	if err != nil {
		fmt.Fprintln(stderr, "timeline build:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "built %d articles, %d events, %d pages, %d files into %s in %s",
		len(c.Articles), len(c.Events), res.Pages, res.Files, out, time.Since(start).Round(time.Millisecond))
	if n := len(c.Warnings); n > 0 {
		fmt.Fprintf(stdout, " (%d skipped or with warnings)\n", n)
		return exitFindings
	}
	fmt.Fprintln(stdout)
	return exitOK
}
