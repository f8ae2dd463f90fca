package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
)

func init() {
	commands["dates"] = command{"list the date expressions of a text and their TimeML values", runDates}
}

// dateRecord is one line of `timeline dates --json`.
type dateRecord struct {
	File  string `json:"file,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
	Rule  string `json:"rule,omitempty"`
	Note  string `json:"note,omitempty"`
}

func runDates(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dates", flag.ContinueOnError)
	fs.SetOutput(stderr)
	anchorFlag := fs.String("anchor", "", "publication date the text is resolved against, YYYY-MM-DD (inferred from the text when empty)")
	asJSON := fs.Bool("json", false, "one JSON object per line: start, end (byte offsets), text, type, value, mod")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline dates --anchor YYYY-MM-DD [--json] [FILE...]")
		fmt.Fprintln(stderr, "Lists every date expression of each FILE (stdin when none), resolved against the anchor.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, true); !ok {
		return code
	}
	var anchor time.Time
	if *anchorFlag != "" {
		a, err := time.Parse("2006-01-02", *anchorFlag)
		if err != nil {
			fmt.Fprintf(stderr, "timeline dates: --anchor %q is not a date like 2025-08-15\n", *anchorFlag)
			return exitError
		}
		anchor = a
	}
	type input struct {
		name string
		text string
	}
	var inputs []input
	if fs.NArg() == 0 {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(stderr, "timeline dates: reading stdin:", err)
			return exitError
		}
		inputs = append(inputs, input{"", string(b)})
	}
	for _, f := range fs.Args() {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(stderr, "timeline dates:", err)
			return exitError
		}
		inputs = append(inputs, input{f, string(b)})
	}
	many := len(inputs) > 1
	var tw *tabwriter.Writer
	if !*asJSON {
		tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		if many {
			fmt.Fprint(tw, "FILE\t")
		}
		fmt.Fprintln(tw, "START\tEND\tTEXT\tTYPE\tVALUE\tMOD\tRULE\tNOTE")
	}
	status := exitOK
	for _, in := range inputs {
		a := anchor
		var inf dates.Inference
		var ok bool
		var found []dates.Expr
		if err := safely(func() {
			if a.IsZero() {
				if inf, ok = dates.InferAnchor(in.text); !ok {
					return
				}
				a = inf.Anchor
			}
			found = dates.Resolve(in.text, a)
		}); err != nil {
			fmt.Fprintf(stderr, "timeline dates: %s: %v\n", nameOr(in.name), err)
			status = exitFindings
			continue
		}
		if anchor.IsZero() {
			if !ok {
				fmt.Fprintf(stderr, "timeline dates: %s: no --anchor and no date to infer one from\n", nameOr(in.name))
				status = exitFindings
				continue
			}
			fmt.Fprintf(stderr, "%s: anchor inferred as %s (window %s..%s)\n", nameOr(in.name), dates.DayValue(a),
				dates.DayValue(inf.Earliest), dates.DayValue(inf.Latest))
			for _, e := range inf.Evidence {
				fmt.Fprintln(stderr, "  -", e)
			}
		}
		for _, e := range found {
			rec := dateRecord{Start: e.Start, End: e.End, Text: e.Text, Type: string(e.Type), Value: e.Value, Mod: e.Mod, Rule: e.Rule, Note: e.Note}
			if many {
				rec.File = in.name
			}
			if *asJSON {
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(true)
				if err := enc.Encode(rec); err != nil {
					fmt.Fprintln(stderr, "timeline dates:", err)
					return exitError
				}
				stdout.Write(buf.Bytes())
				continue
			}
			if many {
				fmt.Fprintf(tw, "%s\t", in.name)
			}
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Start, e.End, oneLine(e.Text), e.Type, e.Value, e.Mod, e.Rule, e.Note)
		}
	}
	if tw != nil {
		tw.Flush()
	}
	return status
}

// safely runs f, which resolves dates, and returns a panic there, a bug
// of the resolver, as a one-line error: the other inputs are still read.
func safely(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the date resolver failed (%s); a bug in timeline: please report it with this input", oneLine(fmt.Sprint(r)))
		}
	}()
	f()
	return nil
}

func nameOr(name string) string {
	if name == "" {
		return "stdin"
	}
	return name
}

// oneLine keeps a table row on one line: an expression may span a line break.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
