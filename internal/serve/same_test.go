package serve

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

// built is what `timeline build` writes for the site folder: each file's
// slash name and bytes (the manifest left out).
func built(t *testing.T, site string) map[string][]byte {
	t.Helper()
	s, err := timeline.LoadSite(site)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := render.Write(timeline.Build(s), render.Options{Dest: dest, BaseURL: "/", SiteDir: site}); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if rel == render.ManifestName {
			return nil
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameAsBuild asks the server for every file `timeline build` writes and
// checks that it gets the same bytes, HTML pages with only the
// live-reload script added; and that the server has no other file.
func sameAsBuild(t *testing.T, s *Server, site string) {
	t.Helper()
	want := built(t, site)
	if got := len(s.current().Names()); got != len(want) {
		t.Errorf("the server has %d files, the build wrote %d", got, len(want))
	}
	h := s.Handler()
	for name, b := range want {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+name, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET /%s = %d", name, rec.Code)
			continue
		}
		got := rec.Body.Bytes()
		if strings.HasSuffix(name, ".html") {
			got = bytes.Replace(got, []byte(scriptTag), nil, 1)
		}
		if !bytes.Equal(got, b) {
			t.Errorf("GET /%s: %d bytes differ from the %d bytes timeline build writes", name, len(got), len(b))
		}
	}
}

func TestServedFilesAreTheBuildsExampleSite(t *testing.T) {
	s, err := New(Options{Site: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameAsBuild(t, s, "../..")
}

// TestServedFilesAreTheBuildsAfterEdits edits a generated site and
// checks after each rebuild that what is served is what a build from
// scratch writes.
func TestServedFilesAreTheBuildsAfterEdits(t *testing.T) {
	site := t.TempDir()
	if _, err := corpusgen.Generate(site, corpusgen.Options{Articles: 40, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameAsBuild(t, s, site)

	var files []string
	filepath.WalkDir(filepath.Join(site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	src, err := os.ReadFile(files[5])
	if err != nil {
		t.Fatal(err)
	}
	write(t, files[5], string(edited(src, 3)))
	s.Rebuild(files[5])
	sameAsBuild(t, s, site)

	if err := os.Remove(files[9]); err != nil {
		t.Fatal(err)
	}
	s.Rebuild(files[9])
	sameAsBuild(t, s, site)
}
