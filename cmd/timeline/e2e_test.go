package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleSite copies the repository's example site (config.toml and
// content/) into a temporary folder and returns it.
func exampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join("..", "..", "config.toml"), filepath.Join(dir, "config.toml"))
	entries, err := os.ReadDir(filepath.Join("..", "..", "content"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		copyFile(t, filepath.Join("..", "..", "content", e.Name()), filepath.Join(dir, "content", e.Name()))
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCLI runs the timeline command in-process as a user would.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuildExampleSite(t *testing.T) {
	site := exampleSite(t)
	code, out, errs := runCLI(t, "build", "-s", site)
	if code != exitOK {
		t.Fatalf("build exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	summary := regexp.MustCompile(`(?m)^built 5 articles, \d+ events, \d+ pages, \d+ files into .+ in \S+$`)
	if !summary.MatchString(out) {
		t.Errorf("summary line missing or malformed: %q", out)
	}
	for _, f := range []string{"index.html", "timeline.json"} {
		if _, err := os.Stat(filepath.Join(site, "public", f)); err != nil {
			t.Errorf("public/%s: %v", f, err)
		}
	}

	// timeline.json keeps the fields other tools rely on.
	b, err := os.ReadFile(filepath.Join(site, "public", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Title    *string `json:"title"`
		Articles []map[string]any
		Events   []struct {
			ID, Date, Precision, Title string
			Mentions                   []map[string]any
		}
		Warnings []any `json:"warnings"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title == nil || doc.Warnings == nil {
		t.Error("timeline.json lacks title or warnings")
	}
	if len(doc.Articles) != 5 {
		t.Fatalf("timeline.json has %d articles, want 5", len(doc.Articles))
	}
	for _, a := range doc.Articles {
		for _, k := range []string{"id", "title", "source", "url", "file", "published", "published_inferred"} {
			if _, ok := a[k]; !ok {
				t.Errorf("article %v lacks %q", a["id"], k)
			}
		}
		if !strings.HasPrefix(a["file"].(string), "content/") {
			t.Errorf("article file %q is not relative to the site folder", a["file"])
		}
	}
	for _, e := range doc.Events {
		if e.ID == "" || e.Date == "" || e.Precision == "" || e.Title == "" || len(e.Mentions) == 0 {
			t.Errorf("event lacks a field: %+v", e)
		}
		for _, m := range e.Mentions {
			for _, k := range []string{"article", "sentence", "phrase", "value", "anchor"} {
				if _, ok := m[k]; !ok {
					t.Errorf("mention in %s lacks %q", e.ID, k)
				}
			}
		}
	}
}

// TestBuildBadInput checks that each kind of broken input is a clear
// one-line message naming file and line, with the right exit status.
func TestBuildBadInput(t *testing.T) {
	const good = "+++\ntitle = \"Good\"\ndate = 2025-08-08\n+++\n\nTrump will meet Putin on August 15, 2025.\n"
	tests := []struct {
		name   string
		files  map[string]string
		code   int
		stderr string // a regexp the error output must match
	}{
		{"malformed front matter", map[string]string{"content/bad.md": "+++\ntitle = \"Bad\ndate = 2025-08-08\n+++\nbody\n"},
			exitFindings, `content/bad\.md:\d+(:\d+)?: `},
		{"unclosed front matter", map[string]string{"content/bad.md": "+++\ntitle = \"Bad\"\n"},
			exitFindings, `content/bad\.md:1: front matter is not closed`},
		{"impossible date string", map[string]string{"content/bad.md": "+++\ntitle = \"Bad\"\ndate = \"2025-02-30\"\n+++\nbody\n"},
			exitFindings, `content/bad\.md:3: date "2025-02-30" is not a calendar date`},
		{"unknown front matter key", map[string]string{"content/bad.md": "+++\ntitle = \"Bad\"\nauthr = \"x\"\n+++\nbody\n"},
			exitFindings, `content/bad\.md:3: unknown key "authr"`},
		{"unknown config key", map[string]string{"config.toml": "title = \"T\"\nbaseULR = \"/\"\n"},
			exitError, `config\.toml:2: unknown key "baseULR"`},
		{"malformed config", map[string]string{"config.toml": "title = \n"},
			exitError, `config\.toml:1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			writeFile(t, filepath.Join(site, "content", "good.md"), good)
			for name, content := range tt.files {
				writeFile(t, filepath.Join(site, name), content)
			}
			code, out, errs := runCLI(t, "build", "-s", site)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if !regexp.MustCompile(tt.stderr).MatchString(errs) {
				t.Errorf("stderr %q does not match %q", errs, tt.stderr)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("want one line of errors, got %q", errs)
			}
			if tt.code == exitFindings { // the rest of the site still builds
				if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
					t.Errorf("good article not built: %v", err)
				}
			}
		})
	}
}

func TestBuildMissingSite(t *testing.T) {
	code, _, errs := runCLI(t, "build", "-s", filepath.Join(t.TempDir(), "nope"))
	if code != exitError || !strings.Contains(errs, "nope") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming the folder", code, errs)
	}
}

func TestHelpAndVersion(t *testing.T) {
	if code, out, _ := runCLI(t, "help"); code != exitOK || !strings.Contains(out, "build") {
		t.Errorf("help: exit %d, %q", code, out)
	}
	if code, out, _ := runCLI(t, "version"); code != exitOK || !strings.HasPrefix(out, "timeline ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, errs := runCLI(t, "build", "-h"); code != exitOK || !strings.Contains(errs, "-baseURL") {
		t.Errorf("build -h: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != exitError {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}
