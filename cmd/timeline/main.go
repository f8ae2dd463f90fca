// Command timeline turns a folder of news articles into one checked
// chronology, published as a static site.
//
// Usage:
//
//	timeline <command> [flags]
//
// Run "timeline help" for the commands. Exit status: 0 success,
// 1 the command ran but found problems (skipped articles, findings),
// 2 usage or fatal error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/timeline-news/timeline/internal/collector"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = "dev"

// Exit statuses, documented in the README.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// command is one subcommand: its one-line summary and its entry point,
// which gets the arguments after the command name.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is filled by each command's file in its init function.
var commands = map[string]command{}

func main() {
	collector.Tune(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run([]string{"-h"}, stdout, stderr)
			}
		}
		usage(stdout)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "timeline", version)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "timeline: unknown command %q; run \"timeline help\"\n", name)
		return exitError
	}
	return c.run(args[1:], stdout, stderr)
}

// parseFlags parses a command's arguments. ok is false when the command
// must stop at once with code: after -h (exitOK), on a bad flag, or on a
// stray argument to a command that takes none (exitError).
func parseFlags(fs *flag.FlagSet, args []string, allowArgs bool) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK, false
		}
		return exitError, false
	}
	if !allowArgs && fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "timeline %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitError, false
	}
	return exitOK, true
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "timeline turns a folder of news articles into one checked chronology, published as a static site.")
	fmt.Fprintln(w, "\nUsage: timeline <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "  %-9s %s\n  %-9s %s\n", "version", "print the version", "help", "show this help, or a command's")
	fmt.Fprintln(w, "\nRun \"timeline <command> -h\" for a command's flags.")
}
