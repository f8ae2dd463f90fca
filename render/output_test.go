package render

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// tree returns every file under dir as name -> content (symlinks as "-> target").
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if d.Type()&os.ModeSymlink != 0 {
			l, _ := os.Readlink(path)
			got[rel] = "-> " + l
			return nil
		}
		b, err := os.ReadFile(path)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func writeAll(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func build(t *testing.T, dest string, files map[string]string, opts ...OutputOption) error {
	t.Helper()
	o, err := OpenOutput(dest, opts...)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := o.WriteFile(n, []byte(files[n])); err != nil {
			o.Abort()
			return err
		}
	}
	return o.Commit()
}

// siblings lists the entries beside dest, to check nothing is left behind.
func siblings(t *testing.T, dest string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestOutputFreshBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, map[string]string{"index.html": "A", "events/e1.html": "E1"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "A", "events/e1.html": "E1", ManifestName: "events/e1.html\nindex.html\n"}
	if got := tree(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("tree = %v, want %v", got, want)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

func TestOutputRebuildKeepsUserFilesDropsStale(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, map[string]string{"index.html": "A", "events/old.html": "OLD", "events/kept.html": "K1"}); err != nil {
		t.Fatal(err)
	}
	// The user adds their own files, also inside a folder the build uses.
	writeAll(t, dest, map[string]string{"CNAME": "news.example.org", "google123.html": "verify", "events/notes.txt": "mine", "media/photo.jpg": "JPEG"})
	if err := os.Symlink("media/photo.jpg", filepath.Join(dest, "latest.jpg")); err != nil {
		t.Fatal(err)
	}
	if err := build(t, dest, map[string]string{"index.html": "B", "events/kept.html": "K2", "events/new.html": "NEW"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"index.html": "B", "events/kept.html": "K2", "events/new.html": "NEW",
		"CNAME": "news.example.org", "google123.html": "verify", "events/notes.txt": "mine", "media/photo.jpg": "JPEG",
		"latest.jpg": "-> media/photo.jpg",
		ManifestName: "events/kept.html\nevents/new.html\nindex.html\n",
	}
	if got := tree(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("tree =\n%v\nwant\n%v", got, want)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

// A folder that only the previous build's files were in goes with
// them; an empty folder of the user's stays.
func TestOutputRebuildDropsStaleFolders(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, map[string]string{"index.html": "A", "events/old/index.html": "OLD", "events/kept/index.html": "K"}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dest, "drafts", "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := build(t, dest, map[string]string{"index.html": "B", "events/kept/index.html": "K"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "events", "old")); !os.IsNotExist(err) {
		t.Errorf("events/old left behind after the build that wrote it was replaced (err %v)", err)
	}
	if fi, err := os.Stat(filepath.Join(dest, "drafts", "empty")); err != nil || !fi.IsDir() {
		t.Errorf("the user's empty folder drafts/empty was not kept: %v", err)
	}
}

func TestOutputUserFileCollision(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeAll(t, dest, map[string]string{"index.html": "the user's own page"})
	err := build(t, dest, map[string]string{"index.html": "built"})
	if err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Fatalf("err = %v, want a collision error naming index.html", err)
	}
	if got := tree(t, dest); !reflect.DeepEqual(got, map[string]string{"index.html": "the user's own page"}) {
		t.Errorf("user's file touched: %v", got)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

func TestOutputAbortLeavesPreviousSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, map[string]string{"index.html": "A"}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	o, err := OpenOutput(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.WriteFile("index.html", []byte("half")); err != nil {
		t.Fatal(err)
	}
	if err := o.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("after abort %v, want %v", got, before)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

// A build killed before Commit leaves a staging folder; the previous site
// is whole, and the next build cleans the staging folder up.
func TestOutputKilledBeforeCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, map[string]string{"index.html": "A"}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	o, err := OpenOutput(dest)
	if err != nil {
		t.Fatal(err)
	}
	o.WriteFile("index.html", []byte("half"))
	// killed: no Commit, no Abort
	if got := tree(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("previous site changed: %v", got)
	}
	if err := build(t, dest, map[string]string{"index.html": "B"}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest)["index.html"]; got != "B" {
		t.Errorf("index.html = %q", got)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

// A build killed between the two renames of the swap leaves the previous
// site at .timeline-old-NAME; the next OpenOutput puts it back.
func TestOutputKilledMidSwap(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if err := build(t, dest, map[string]string{"index.html": "A"}); err != nil {
		t.Fatal(err)
	}
	writeAll(t, dest, map[string]string{"CNAME": "x"})
	before := tree(t, dest)
	if err := os.Rename(dest, filepath.Join(root, ".timeline-old-public")); err != nil {
		t.Fatal(err)
	}
	o, err := OpenOutput(dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("restored %v, want %v", got, before)
	}
	o.Abort()
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

// Killed after the swap but before the old tree was removed.
func TestOutputKilledAfterSwap(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	old := filepath.Join(root, ".timeline-old-public")
	writeAll(t, old, map[string]string{"index.html": "A", "CNAME": "x", ManifestName: "index.html\n"})
	writeAll(t, dest, map[string]string{"index.html": "B", "CNAME": "x", ManifestName: "index.html\n"})
	o, err := OpenOutput(dest)
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
	if got := tree(t, dest); got["CNAME"] != "x" || got["index.html"] != "B" {
		t.Errorf("dest = %v", got)
	}
}

func TestOutputRefusesDangerousDest(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	writeAll(t, site, map[string]string{"config.toml": "", "content/a.md": "+++\n"})
	if err := os.Symlink(site, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{
		"/",
		site,
		site + "/.",
		filepath.Join(site, "content"),
		filepath.Join(site, "content", "public"),
		root,
		filepath.Join(root, "link"),
		filepath.Join(site, "public", ".."),
	} {
		if _, err := OpenOutput(dest, Protect(site)); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("OpenOutput(%q) err = %v, want a refusal", dest, err)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		if _, err := OpenOutput(home); err == nil {
			t.Errorf("OpenOutput(home) accepted")
		}
	}
	for _, dest := range []string{filepath.Join(site, "public"), filepath.Join(root, "out")} {
		o, err := OpenOutput(dest, Protect(site))
		if err != nil {
			t.Errorf("OpenOutput(%q): %v", dest, err)
			continue
		}
		o.Abort()
	}
	if got := tree(t, site); len(got) != 2 {
		t.Errorf("site changed: %v", got)
	}
}

func TestOutputDestSymlinkFollowed(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "www")
	writeAll(t, real, map[string]string{"CNAME": "x"})
	link := filepath.Join(root, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := build(t, link, map[string]string{"index.html": "A"}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", fi, err)
	}
	if got := tree(t, real); got["CNAME"] != "x" || got["index.html"] != "A" {
		t.Errorf("www = %v", got)
	}
}

func TestOutputStagingNotOurs(t *testing.T) {
	root := t.TempDir()
	writeAll(t, filepath.Join(root, ".timeline-staging-public"), map[string]string{"precious.txt": "p"})
	if _, err := OpenOutput(filepath.Join(root, "public")); err == nil {
		t.Fatal("removed a folder it did not make")
	}
	if got := tree(t, filepath.Join(root, ".timeline-staging-public")); got["precious.txt"] != "p" {
		t.Error("folder touched")
	}
}

// A build killed just after it made the staging folder leaves it
// empty; one killed after it dropped the marker, just before the swap,
// leaves the manifest in it. Both are timeline's to remove.
func TestOutputStagingLeftByKilledBuild(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"empty":         nil,
		"manifest only": {ManifestName: "index.html\n", "index.html": "A"},
	} {
		root := t.TempDir()
		staging := filepath.Join(root, ".timeline-staging-public")
		if err := os.Mkdir(staging, 0o755); err != nil {
			t.Fatal(err)
		}
		writeAll(t, staging, files)
		o, err := OpenOutput(filepath.Join(root, "public"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		o.Abort()
	}
}

func TestCheckOutputName(t *testing.T) {
	good := []string{"index.html", "events/2025-08-15.html", "a/b/c.json", "feed.xml", "ünïcode.html", "console.html", "com10.txt"}
	bad := []string{"", "/etc/passwd", "../x", "a/../../x", "a//b", "a/", "./a", "a/./b", "a\\b", "c:x", "a\x00b", "a\nb",
		".timeline-manifest", "x/.timeline-staging", "CON", "nul.txt", "events/aux.html", "COM1", "lpt9.html", "trail.", "trail ", "\xff"}
	for _, n := range good {
		if err := CheckOutputName(n); err != nil {
			t.Errorf("CheckOutputName(%q) = %v, want ok", n, err)
		}
	}
	for _, n := range bad {
		if err := CheckOutputName(n); err == nil {
			t.Errorf("CheckOutputName(%q) = nil, want an error", n)
		}
	}
}

func TestOutputWriteTwice(t *testing.T) {
	o, err := OpenOutput(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer o.Abort()
	if err := o.WriteFile("events/a.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := o.WriteFile("events/a.html", nil); err == nil {
		t.Error("second write of the same name accepted")
	}
	if err := o.WriteFile("Events/A.html", nil); err == nil {
		t.Error("case clash accepted")
	}
	if err := o.WriteFile("../escape.html", nil); err == nil {
		t.Error("escape accepted")
	}
}

func ExampleOpenOutput() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	out, err := OpenOutput(filepath.Join(dir, "public"), Protect(dir+"/site"))
	if err != nil {
		panic(err)
	}
	out.WriteFile("index.html", []byte("<!doctype html>"))
	out.WriteFile("events/e1.html", []byte("<!doctype html>"))
	if err := out.Commit(); err != nil {
		panic(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "public", ManifestName))
	os.Stdout.Write(b)
	// Output:
	// events/e1.html
	// index.html
}

// Killed while removing the previous site: some of its files are gone,
// the rest (still listed in its manifest, which is removed last) differ
// from the new site's. The next OpenOutput finishes the cleanup.
func TestOutputKilledDuringCleanup(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	old := filepath.Join(root, ".timeline-old-public")
	writeAll(t, old, map[string]string{"events/a.html": "OLD", "index.html": "A", "CNAME": "x", ManifestName: "events/a.html\nindex.html\nz.html\n"})
	writeAll(t, dest, map[string]string{"events/a.html": "NEW", "index.html": "B", "CNAME": "x", ManifestName: "events/a.html\nindex.html\n"})
	o, err := OpenOutput(dest)
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
	want := map[string]string{"events/a.html": "NEW", "index.html": "B", "CNAME": "x", ManifestName: "events/a.html\nindex.html\n"}
	if got := tree(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("dest = %v", got)
	}
}

// A file written again with the same bytes is the previous build's
// file, hard-linked: a changed one, or one whose permissions the user
// changed, is written anew.
func TestOutputRebuildReusesUnchangedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first := map[string]string{"index.html": "A", "events/e/index.html": "E", "articles/a/index.html": "old", "private.html": "P"}
	if err := build(t, dest, first); err != nil {
		t.Fatal(err)
	}
	stat := func(name string) os.FileInfo {
		t.Helper()
		info, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	if err := os.Chmod(filepath.Join(dest, "private.html"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for name := range first {
		before[name] = stat(name)
	}
	second := map[string]string{"index.html": "A", "events/e/index.html": "E", "articles/a/index.html": "new", "private.html": "P", "sources/index.html": "S"}
	if err := build(t, dest, second); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ManifestName: "articles/a/index.html\nevents/e/index.html\nindex.html\nprivate.html\nsources/index.html\n"}
	for name, content := range second {
		want[name] = content
	}
	if got := tree(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("tree =\n%v\nwant\n%v", got, want)
	}
	for name, reused := range map[string]bool{"index.html": true, "events/e/index.html": true, "articles/a/index.html": false, "private.html": false} {
		if got := os.SameFile(before[name], stat(name)); got != reused {
			t.Errorf("%s: reused %v, want %v", name, got, reused)
		}
	}
	if perm := stat("private.html").Mode().Perm(); perm != stat("index.html").Mode().Perm() {
		t.Errorf("private.html written with %v, want the permissions of a new file", perm)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}

// A previous file replaced by a symbolic link to a file with the same
// bytes is not reused: the site gets a file, not the link.
func TestOutputReuseNoSymlink(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	if err := build(t, dest, map[string]string{"index.html": "A"}); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(dir, "outside.html")
	if err := os.WriteFile(outside, []byte("A"), 0o644); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dest, "index.html")
	if err := os.Remove(index); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, index); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := build(t, dest, map[string]string{"index.html": "A"}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(index)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Mode().IsRegular() {
		t.Errorf("index.html is %v, want a regular file", info.Mode())
	}
	if b, err := os.ReadFile(outside); err != nil || string(b) != "A" {
		t.Errorf("outside.html = %q, %v; want it untouched", b, err)
	}
}

// An aborted build that reused a file leaves it in the previous site.
func TestOutputAbortAfterReuse(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, dest, map[string]string{"index.html": "A", "events/e/index.html": "E"}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	o, err := OpenOutput(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "events/e/index.html"} {
		if err := o.WriteFile(name, []byte(before[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); !reflect.DeepEqual(got, before) {
		t.Errorf("after abort %v, want %v", got, before)
	}
	if got := siblings(t, dest); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside dest: %v", got)
	}
}
