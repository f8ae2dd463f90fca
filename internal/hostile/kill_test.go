package hostile

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/timeline-news/timeline/render"
)

// TestKilledBuild runs the real timeline binary on a site and kills it
// (SIGKILL) at a spread of moments during the build. After each kill,
// and the recovery the next build does on start, the destination must
// hold one whole site, the previous or the new one, never a mix, and the
// user's own file in it must still be there.
func TestKilledBuild(t *testing.T) {
	if runtime.GOOS == "windows" || testing.Short() {
		t.Skip("kills processes; not in -short mode")
	}
	root := t.TempDir()
	bin := filepath.Join(root, "timeline")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/timeline").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(root, "site")
	if err := os.CopyFS(filepath.Join(site, "content"), os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(site, "public")
	setVersion := func(v int) {
		cfg := fmt.Sprintf("title = \"Version %d\"\n", v)
		if err := os.WriteFile(filepath.Join(site, "config.toml"), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func() error {
		cmd := exec.Command(bin, "build", "-s", site, "--quiet")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	}
	// The two whole sites, built without interruption.
	whole := map[int]map[string][]byte{}
	for _, v := range []int{0, 1} {
		setVersion(v)
		if err := run(); err != nil {
			t.Fatal(err)
		}
		whole[v] = outputFiles(t, dest)
	}
	if err := os.WriteFile(filepath.Join(dest, "CNAME"), []byte("news.example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Measure one build to spread the kills over it.
	start := time.Now()
	if err := run(); err != nil {
		t.Fatal(err)
	}
	span := time.Since(start)
	const kills = 16
	midway := map[string]int{} // kills that left a staging or old folder: mid-build
	defer func() { t.Logf("build takes %v; of %d kills, these left work mid-way: %v", span, kills, midway) }()
	for i := 0; i < kills; i++ {
		v := i % 2
		setVersion(v)
		cmd := exec.Command(bin, "build", "-s", site, "--quiet")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(span * time.Duration(i) / kills)
		cmd.Process.Kill()
		cmd.Wait()
		for _, leftover := range []string{".timeline-staging-public", ".timeline-old-public"} {
			if _, err := os.Lstat(filepath.Join(site, leftover)); err == nil {
				midway[leftover]++
			}
		}
		// What the next build finds first: recovery, then nothing written.
		o, err := render.OpenOutput(dest, render.Protect(site))
		if err != nil {
			t.Fatalf("kill %d: next build cannot start: %v", i, err)
		}
		o.Abort()
		got := outputFiles(t, dest)
		if !bytes.Equal(got["CNAME"], []byte("news.example.org\n")) {
			t.Fatalf("kill %d: the user's CNAME was lost", i)
		}
		delete(got, "CNAME")
		if !sameTree(got, whole[0]) && !sameTree(got, whole[1]) {
			t.Fatalf("kill %d after %v: the destination holds neither whole site (%d files)", i, span*time.Duration(i)/kills, len(got))
		}
		ents, _ := os.ReadDir(site)
		for _, e := range ents {
			if n := e.Name(); n != "content" && n != "public" && n != "config.toml" {
				t.Fatalf("kill %d: %s left beside the site after recovery", i, n)
			}
		}
	}
	// And a normal build after all that gives the whole new site.
	setVersion(1)
	if err := run(); err != nil {
		t.Fatal(err)
	}
	got := outputFiles(t, dest)
	delete(got, "CNAME")
	if !sameTree(got, whole[1]) {
		t.Error("the build after the kills is not the whole site")
	}
}

func sameTree(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for n, x := range a {
		if y, ok := b[n]; !ok || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}
