package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/timeline-news/timeline/timeline"
)

func TestInitThenBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	code, out, errs := runCLI(t, "init", dir)
	if code != exitOK {
		t.Fatalf("init exit %d: %s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "build", "-s", dir)
	if code != exitOK {
		t.Fatalf("build in a new site: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error(err)
	}
	s, err := timeline.LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := timeline.Build(s)
	if len(c.Articles) != 1 || len(c.Events) == 0 {
		t.Errorf("the example site has %d articles and %d events", len(c.Articles), len(c.Events))
	}
}

func TestInitRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "notes.txt"), "mine")
	code, _, errs := runCLI(t, "init", dir)
	if code != exitError || !strings.Contains(errs, "not empty") {
		t.Errorf("init in a non-empty folder: exit %d, %q", code, errs)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("init wrote into a non-empty folder: %d entries", len(entries))
	}
	if code, _, _ := runCLI(t, "init"); code != exitError {
		t.Errorf("init without DIR: exit %d", code)
	}
}

// TestInitConfigHasEveryKey checks that the new site's config.toml names
// every key timeline.Config knows (set, or in a commented example), and
// that what it sets decodes.
func TestInitConfigHasEveryKey(t *testing.T) {
	var keys []string
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			keys = append(keys, prefix+tag)
			walk(prefix+tag+".", f.Type)
		}
	}
	walk("", reflect.TypeOf(timeline.Config{}))
	for _, k := range keys {
		parts := strings.Split(k, ".")
		last := parts[len(parts)-1]
		var re *regexp.Regexp
		if len(parts) == 1 {
			re = regexp.MustCompile(`(?m)^#? ?(` + regexp.QuoteMeta(last) + ` =|\[\[?` + regexp.QuoteMeta(last) + `\]\]?)`)
		} else {
			re = regexp.MustCompile(`(?m)^#? ?(` + regexp.QuoteMeta(last) + ` =|\[\[?` + regexp.QuoteMeta(strings.Join(parts, ".")) + `\]\]?)`)
		}
		if !re.MatchString(initConfig) {
			t.Errorf("config.toml of timeline init lacks the key %s", k)
		}
	}
	var cfg timeline.Config
	md, err := toml.Decode(initConfig, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("unknown keys %v", u)
	}
	// The commented [[event]] example, uncommented, must decode too.
	var ex strings.Builder
	for _, l := range strings.Split(initConfig, "\n") {
		if strings.HasPrefix(l, "# [[event") || strings.HasPrefix(l, "# ") && strings.Contains(l, " = ") {
			ex.WriteString(strings.TrimPrefix(l, "# ") + "\n")
		}
	}
	var cfg2 timeline.Config
	md, err = toml.Decode(ex.String(), &cfg2)
	if err != nil {
		t.Fatalf("the [[event]] example does not decode: %v\n%s", err, ex.String())
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("the [[event]] example has unknown keys %v", u)
	}
	if len(cfg2.Events) != 1 {
		t.Errorf("the [[event]] example decodes to %d events", len(cfg2.Events))
	}
}
