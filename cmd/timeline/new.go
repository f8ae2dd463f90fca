package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/timeline-news/timeline/internal/ingest"
	"github.com/timeline-news/timeline/timeline"
)

func init() {
	commands["new"] = command{"add an article to content/, from a title or a pasted page (--from)", runNew}
}

// stdin is where `timeline new --from -` reads; tests replace it.
var stdin io.Reader = os.Stdin

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("s", ".", "site folder")
	source := fs.String("source", "", "the outlet that published the report")
	url := fs.String("url", "", "where the report was published")
	date := fs.String("date", "", "publication date, YYYY-MM-DD (default: the date the page states, if any)")
	from := fs.String("from", "", "make the article from a pasted news page in this file (- for standard input)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: timeline new "Title" [--source NAME] [--url URL] [--date YYYY-MM-DD] [-s SITE]`)
		fmt.Fprintln(stderr, `       timeline new --from FILE|- ["Title"] [--source NAME] [--url URL] [--date YYYY-MM-DD] [-s SITE]`)
		fmt.Fprintln(stderr, "\nWrites SITE/content/<slug of the title>.md; never overwrites a file. With --from, the")
		fmt.Fprintln(stderr, "title, date and text come from the pasted page and the lines left out are listed.")
		fs.PrintDefaults()
	}
	pos, code := parseInterleaved(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 1 {
		fmt.Fprintf(stderr, "timeline new: one title expected, got %d words outside quotes; quote the title\n", len(pos))
		return exitError
	}
	title := ""
	if len(pos) == 1 {
		title = strings.TrimSpace(pos[0])
	}
	meta := ingest.Meta{Title: title, Source: strings.TrimSpace(*source), URL: strings.TrimSpace(*url)}
	if *date != "" {
		t, err := time.Parse("2006-01-02", strings.TrimSpace(*date))
		if err != nil {
			fmt.Fprintf(stderr, "timeline new: --date %q is not a date in YYYY-MM-DD form\n", *date)
			return exitError
		}
		meta.Date = t
	}
	var paragraphs []string
	var report []string
	if *from != "" {
		raw, err := readFrom(*from)
		if err != nil {
			fmt.Fprintln(stderr, "timeline new:", err)
			return exitError
		}
		r := ingest.Parse(string(raw))
		if len(r.Paragraphs) == 0 {
			fmt.Fprintf(stderr, "timeline new: %s: no article text found\n", fromName(*from))
			return exitError
		}
		paragraphs = r.Paragraphs
		if meta.Title == "" {
			meta.Title = r.Title
			report = append(report, fmt.Sprintf("title: %s (from %s)", r.Title, r.TitleFrom))
		}
		switch {
		case !meta.Date.IsZero():
		case !r.Date.IsZero():
			meta.Date = r.Date
			report = append(report, fmt.Sprintf("date: %s (from %s)", r.Date.Format("2006-01-02"), r.DateFrom))
		default:
			report = append(report, "date: none stated on the page; add date = YYYY-MM-DD to the front matter if you know it, or the build will infer one and flag it")
		}
		if meta.Source == "" && r.Source != "" {
			meta.Source = r.Source
			report = append(report, fmt.Sprintf("source: %s (from the byline)", r.Source))
		}
		if len(r.Dropped) > 0 {
			report = append(report, fmt.Sprintf("left out %d page furniture line(s):", len(r.Dropped)))
			for _, d := range r.Dropped {
				report = append(report, "  "+d.String())
			}
		}
	}
	if meta.Title == "" {
		fmt.Fprintln(stderr, `timeline new: a title is needed: timeline new "Title" (or --from FILE)`)
		return exitError
	}
	if info, err := os.Stat(*site); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "timeline new: %s is not a site folder (run timeline init %s first?)\n", *site, *site)
		return exitError
	}
	rel := timeline.ContentDir + "/" + timeline.Slug(meta.Title) + ".md"
	path := filepath.Join(*site, filepath.FromSlash(rel))
	if err := writeNew(path, ingest.Markdown(meta, paragraphs)); err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "timeline new: %s already exists and was left as it is; give another title or edit that file\n", rel)
		} else {
			fmt.Fprintln(stderr, "timeline new:", err)
		}
		return exitError
	}
	fmt.Fprintln(stdout, "created", filepath.Join(*site, filepath.FromSlash(rel)))
	for _, l := range report {
		fmt.Fprintln(stdout, l)
	}
	return exitOK
}

// writeNew creates path with data, failing with os.ErrExist rather than
// replacing a file that is already there (O_EXCL: no race either).
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

func readFrom(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}

func fromName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// parseInterleaved parses flags that may come before or after the
// positional arguments ("new "Title" --source X"), which the flag
// package alone stops at. code is -1 to go on, else the exit status.
func parseInterleaved(fs *flag.FlagSet, args []string) (pos []string, code int) {
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, exitOK
			}
			return nil, exitError
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, -1
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), -1
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
