package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
	"github.com/timeline-news/timeline/timeline/dates"
)

func init() {
	commands["check"] = command{"list the chronology and what a journalist should check", runCheck}
}

// checkJSON is the shape of `timeline check --json`.
type checkJSON struct {
	Events   []checkEvent         `json:"events"`
	Findings []render.JSONFinding `json:"findings"`
	Warnings []string             `json:"warnings"`
}

type checkEvent struct {
	ID            string   `json:"id"`
	Date          string   `json:"date"`
	Mod           string   `json:"mod,omitempty"`
	Precision     string   `json:"precision"`
	Display       string   `json:"display_date"`
	Title         string   `json:"title"`
	Reports       int      `json:"reports"`
	Independent   int      `json:"independent"`
	Mentions      int      `json:"mentions"`
	Significance  float64  `json:"significance"`
	Key           bool     `json:"key"`
	FirstReported string   `json:"first_reported,omitempty"`
	LastReported  string   `json:"last_reported,omitempty"`
	Announced     string   `json:"announced,omitempty"`
	Flags         []string `json:"flags,omitempty"`
	Manual        bool     `json:"manual,omitempty"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("s", ".", "site folder")
	asJSON := fs.Bool("json", false, "print the chronology and findings as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline check [-s SITE] [--json]")
		fmt.Fprintln(stderr, "Prints the chronology, one line per event, then every finding.")
		fmt.Fprintln(stderr, "Exit status: 0 no findings, 1 findings, 2 error (no site, bad config).")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, false); !ok {
		return code
	}
	s, err := timeline.LoadSite(*site)
	if err != nil {
		fmt.Fprintln(stderr, "timeline check:", err)
		return exitError
	}
	c := timeline.Build(s)
	if *asJSON {
		out := checkJSON{Events: []checkEvent{}, Findings: []render.JSONFinding{}, Warnings: []string{}}
		for _, ev := range c.Events {
			out.Events = append(out.Events, checkEvent{ID: ev.ID, Date: ev.Date, Mod: ev.Mod, Precision: ev.Precision,
				Display: dates.Display(ev.Date, ev.Mod), Title: ev.Title, Reports: len(ev.Sources), Independent: ev.Independent,
				Mentions: len(ev.Mentions), Significance: ev.Significance, Key: ev.Key, FirstReported: ev.FirstReported,
				LastReported: ev.LastReported, Announced: ev.Announced, Flags: ev.Flags, Manual: ev.Manual})
		}
		for _, f := range c.Findings {
			out.Findings = append(out.Findings, render.JSONFinding(f))
		}
		for _, w := range c.Warnings {
			out.Warnings = append(out.Warnings, w.Error())
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, "timeline check:", err)
			return exitError
		}
	} else {
		printCheck(stdout, c)
	}
	if len(c.Findings) > 0 || len(c.Warnings) > 0 {
		return exitFindings
	}
	return exitOK
}

// printCheck writes the chronology one line per event, then the findings.
func printCheck(w io.Writer, c *timeline.Chronology) {
	fmt.Fprintf(w, "%d events from %d articles\n\n", len(c.Events), len(c.Articles))
	for _, ev := range c.Events {
		key := " "
		if ev.Key {
			key = "*"
		}
		reports := fmt.Sprintf("%d reports", len(ev.Sources))
		if len(ev.Sources) == 1 {
			reports = "1 report"
		}
		if ev.Independent != len(ev.Sources) {
			reports += fmt.Sprintf(", %d independent", ev.Independent)
		}
		if ev.Manual {
			reports = "added by hand"
		}
		var extra []string
		if ev.Announced != "" {
			extra = append(extra, "announced "+dates.Display(ev.Announced, "")+" for "+dates.Display(ev.Date, ev.Mod))
		}
		extra = append(extra, ev.Flags...)
		line := fmt.Sprintf("%s %-18s %s  (%s)", key, dates.Display(ev.Date, ev.Mod), ev.Title, reports)
		if len(extra) > 0 {
			line += " [" + strings.Join(extra, "; ") + "]"
		}
		fmt.Fprintln(w, line)
		fmt.Fprintf(w, "  %-18s id %s\n", "", ev.ID)
	}
	for _, p := range c.Warnings {
		fmt.Fprintln(w, "warning:", p.Error())
	}
	if len(c.Findings) == 0 {
		fmt.Fprintln(w, "\nno findings")
		return
	}
	fmt.Fprintf(w, "\n%d findings\n", len(c.Findings))
	for _, f := range c.Findings {
		about := f.Event
		if about == "" {
			about = f.Article
		}
		fmt.Fprintf(w, "%-15s %s: %s\n", f.Kind, about, f.Message)
	}
}
