package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

func init() {
	commands["export"] = command{"write the chronology as json, csv, ics, timelinejs or atom", runExport}
}

func runExport(args []string, stdout, stderr io.Writer) int {
	names := make([]string, len(render.Formats))
	for i, f := range render.Formats {
		names[i] = f.Name
	}
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "export format: "+strings.Join(names, ", "))
	site := fs.String("s", ".", "site folder")
	out := fs.String("o", "", "output file (default: standard output)")
	baseURL := fs.String("baseURL", "", "base URL for links in the export (overrides config.toml)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline export --format "+strings.Join(names, "|")+" [-s SITE] [-o FILE] [--baseURL URL]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, false); !ok {
		return code
	}
	s, err := timeline.LoadSite(*site)
	if err != nil {
		fmt.Fprintln(stderr, "timeline export:", err)
		return exitError
	}
	c := timeline.Build(s)
	for _, w := range c.Warnings {
		fmt.Fprintln(stderr, "warning:", w.Error())
	}
	base := c.Config.BaseURL
	if *baseURL != "" {
		base = *baseURL
	}
	b, err := render.Export(c, *format, base)
	if err != nil {
		fmt.Fprintln(stderr, "timeline export:", err)
		return exitError
	}
	if *out == "" || *out == "-" {
		if _, err := stdout.Write(b); err != nil {
			fmt.Fprintln(stderr, "timeline export:", err)
			return exitError
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, b); err != nil {
		fmt.Fprintln(stderr, "timeline export:", err)
		return exitError
	}
	return exitOK
}

// writeFileAtomic writes b to a temporary file next to name and renames
// it into place, so an interrupted export never leaves half a file.
func writeFileAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
