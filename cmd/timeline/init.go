package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func init() {
	commands["init"] = command{"make a new site folder with a commented config.toml and one example article", runInit}
}

// initConfig is the config.toml of a new site: every key, commented.
// TestInitConfigHasEveryKey keeps it in step with timeline.Config.
const initConfig = `# config.toml: the settings of this timeline site. Every key is optional;
# the values below are the defaults unless said otherwise.

# The site's title, shown on every page.
title = "My timeline"

# One sentence on what the chronology covers, shown under the title.
description = "What happened when, as the reports tell it."

# Where the site will be published. Its path is put in front of every link,
# so a GitHub Pages project site needs e.g. "https://owner.github.io/repo/".
# "timeline serve" ignores it and serves from /.
baseURL = "/"

# The language of the articles (an IETF tag such as "en", "fr", "pt-BR").
languageCode = "en"

# A folder under themes/ whose files replace, one by one, those of the
# built-in theme (layouts/, partials/, static/). Empty: the built-in theme.
theme = ""

[markup]
# Let raw HTML written in articles through to the pages. Off by default:
# turn it on only for articles you wrote yourself.
unsafe = false

# Corrections of the merged events, one [[event]] table each, keyed by the
# event id that "timeline check" prints. Remove the # to use one.
#
# [[event]]
# id = "2025-08-15-anchorage-summit"  # the event to correct
# title = "Summit in Anchorage"        # rename it
# date = "2025-08-15"                  # pin its date (2025-08-15, 2025-W33, 2025-08, 2025)
# hide = false                         # true leaves it out of the chronology
# merge = ["2025-08-15-alaska-talks"]  # fold these events into it
# note = "Date confirmed by the White House schedule."  # shown with the event
# link = "https://example.org/schedule"                 # shown with the note
# add = false                          # true: an event added by hand (needs id, date, title)
#
# [[event.split]]                      # move some mentions out into a new event
# articles = ["some-article"]          # the mentions of these articles (file names without .md)
# phrases = ["next Friday"]            # and those with these phrases
# title = "A separate meeting"         # the new event's title (optional)
# id = "separate-meeting"              # and id (optional)
`

// initArticle is the example article of a new site.
const initArticle = `+++
title = "Example: council approves the new harbour bridge"
date = 2025-03-14
source = "Example Gazette"
url = "https://example.org/harbour-bridge"
+++

This is an example article: replace it with the reports you are checking
(one file each, or "timeline new --from page.txt" for a pasted news page).

The city council approved the new harbour bridge on Tuesday, after a
debate that began on February 3, 2025. Work is due to start in June and
to end in late 2027, the mayor said.

The old bridge, opened in 1962, will close on March 31.
`

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline init DIR")
		fmt.Fprintln(stderr, "\nMakes DIR (which must be missing or empty) a site folder: config.toml with every")
		fmt.Fprintln(stderr, "setting commented, and content/ with one example article. Then: timeline serve -s DIR")
	}
	pos, code := parseInterleaved(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitError
	}
	dir := pos[0]
	if err := initSite(dir); err != nil {
		fmt.Fprintln(stderr, "timeline init:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "created a site in %s: config.toml, content/%s\n", dir, "example.md")
	fmt.Fprintf(stdout, "next: timeline serve -s %s   (or timeline build -s %s)\n", dir, dir)
	return exitOK
}

// initSite writes a new site into dir, which must be missing or empty.
func initSite(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty (it has %s); give a new or empty folder", dir, entries[0].Name())
	}
	files := []struct{ name, data string }{
		{"config.toml", initConfig},
		{filepath.Join("content", "example.md"), initArticle},
		{".gitignore", "/public/\n"},
	}
	for _, f := range files {
		if err := writeNew(filepath.Join(dir, f.name), []byte(f.data)); err != nil {
			return err
		}
	}
	return nil
}
