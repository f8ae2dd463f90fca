package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// cleanSite writes a site whose one event two independent, dated
// reports tell: `timeline check` has nothing to report on it.
func cleanSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.toml"), "title = \"Clean\"\n")
	writeFile(t, filepath.Join(dir, "content", "a.md"), "+++\ntitle = \"Summit\"\ndate = 2025-08-16\nsource = \"Paper A\"\n+++\n\n"+
		"Donald Trump and Vladimir Putin met in Anchorage on August 15, 2025, for talks about Ukraine.\n")
	writeFile(t, filepath.Join(dir, "content", "b.md"), "+++\ntitle = \"Alaska talks\"\ndate = 2025-08-17\nsource = \"Paper B\"\n+++\n\n"+
		"The Anchorage summit of Putin and Trump on August 15, 2025, ended without a ceasefire in Ukraine.\n")
	return dir
}

// checkOutput is the part of `timeline check --json` the tests read.
type checkOutput struct {
	Events []struct {
		ID          string `json:"id"`
		Date        string `json:"date"`
		Title       string `json:"title"`
		Reports     int    `json:"reports"`
		Independent int    `json:"independent"`
	} `json:"events"`
	Findings []struct {
		Kind    string `json:"kind"`
		Event   string `json:"event"`
		Article string `json:"article"`
		Message string `json:"message"`
	} `json:"findings"`
	Warnings []string `json:"warnings"`
}

func TestCheckNoFindings(t *testing.T) {
	site := cleanSite(t)
	code, out, errs := runCLI(t, "check", "-s", site)
	if code != exitOK {
		t.Fatalf("exit %d, want 0\nstdout: %s\nstderr: %s", code, out, errs)
	}
	if !strings.HasPrefix(out, "1 events from 2 articles\n") || !strings.Contains(out, "(2 reports)") || !strings.HasSuffix(out, "\nno findings\n") {
		t.Errorf("output:\n%s", out)
	}
	code, out, _ = runCLI(t, "check", "-s", site, "--json")
	var doc checkOutput
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("--json does not parse: %v\n%s", err, out)
	}
	if code != exitOK || len(doc.Events) != 1 || doc.Events[0].Date != "2025-08-15" || doc.Events[0].Independent != 2 || len(doc.Findings) != 0 {
		t.Errorf("exit %d, json %+v", code, doc)
	}
}

func TestCheckFindings(t *testing.T) {
	site := exampleSite(t)
	code, text, errs := runCLI(t, "check", "-s", site)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", code, text, errs)
	}
	code, out, _ := runCLI(t, "check", "-s", site, "--json")
	if code != exitFindings {
		t.Errorf("--json exit %d, want 1", code)
	}
	var doc checkOutput
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("--json does not parse: %v\n%s", err, out)
	}
	if len(doc.Events) == 0 || len(doc.Findings) == 0 {
		t.Fatalf("want events and findings, got %+v", doc)
	}
	// The terminal output lists the same events and findings.
	for _, ev := range doc.Events {
		if !strings.Contains(text, "id "+ev.ID+"\n") || !strings.Contains(text, ev.Title) {
			t.Errorf("event %s %q missing from the terminal output", ev.ID, ev.Title)
		}
	}
	if !strings.Contains(text, fmt.Sprintf("\n%d findings\n", len(doc.Findings))) {
		t.Errorf("terminal output does not count %d findings:\n%s", len(doc.Findings), text)
	}
	kinds := map[string]bool{}
	for _, f := range doc.Findings {
		kinds[f.Kind] = true
		about := f.Event
		if about == "" {
			about = f.Article
		}
		if !strings.Contains(text, fmt.Sprintf("\n%-15s %s: %s\n", f.Kind, about, f.Message)) {
			t.Errorf("finding %s %s missing from the terminal output", f.Kind, about)
		}
	}
	for _, k := range []string{"single-source", "inferred-date"} {
		if !kinds[k] {
			t.Errorf("the example site should have a %s finding; got %v", k, kinds)
		}
	}
}

func TestCheckStaleOverride(t *testing.T) {
	site := cleanSite(t)
	writeFile(t, filepath.Join(site, "config.toml"), "title = \"Clean\"\n\n[[event]]\nid = \"2025-08-15-gone\"\ntitle = \"Old name\"\n")
	code, out, _ := runCLI(t, "check", "-s", site)
	if code != exitFindings || !strings.Contains(out, "stale-override  2025-08-15-gone: ") {
		t.Errorf("exit %d, want 1 with a stale-override finding:\n%s", code, out)
	}
}

func TestCheckErrors(t *testing.T) {
	badConfig := cleanSite(t)
	writeFile(t, filepath.Join(badConfig, "config.toml"), "title = \"T\"\n[[event]]\ndate = \"2025-08-15\"\n")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"missing site", []string{"check", "-s", filepath.Join(t.TempDir(), "nope")}, "timeline check: "},
		{"bad config", []string{"check", "-s", badConfig}, "config.toml:2: [[event]] 1: needs an id"},
		{"bad config, json", []string{"check", "-s", badConfig, "--json"}, "config.toml:2:"},
		{"stray argument", []string{"check", "extra"}, "unexpected argument"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != exitError || !strings.Contains(errs, tc.want) || out != "" {
				t.Errorf("exit %d (want 2), stdout %q, stderr %q (want %q)", code, out, errs, tc.want)
			}
		})
	}
}
