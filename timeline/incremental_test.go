package timeline_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/corpusgen"
	"github.com/timeline-news/timeline/timeline"
)

// fullBuild is what `timeline build` computes: the reference the
// incremental builder must match.
func fullBuild(t testing.TB, dir string) *timeline.Chronology {
	t.Helper()
	s, err := timeline.LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	return timeline.Build(s)
}

func sameChronology(t *testing.T, got, want *timeline.Chronology) {
	t.Helper()
	if !reflect.DeepEqual(got.Config, want.Config) {
		t.Errorf("config differs")
	}
	if len(got.Articles) != len(want.Articles) {
		t.Fatalf("%d articles, want %d", len(got.Articles), len(want.Articles))
	}
	for i := range got.Articles {
		if !reflect.DeepEqual(got.Articles[i], want.Articles[i]) {
			t.Errorf("article %d (%s) differs from a full build", i, want.Articles[i].File)
		}
	}
	if !reflect.DeepEqual(got.Events, want.Events) {
		t.Errorf("events differ from a full build: %d vs %d", len(got.Events), len(want.Events))
	}
	if !reflect.DeepEqual(got.Unplaced, want.Unplaced) {
		t.Errorf("unplaced mentions differ from a full build")
	}
	if !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("warnings %v, want %v", got.Warnings, want.Warnings)
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Errorf("findings differ from a full build")
	}
}

func writeFile(t testing.TB, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIncremental(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.toml"), "title = \"T\"\n")
	genSite(t, dir, 12, 1)
	b := timeline.NewIncremental(dir)

	step := func(name string, parsed, resolved int) {
		t.Helper()
		var st timeline.Stats
		c, err := b.Build(timeline.WithStats(&st))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameChronology(t, c, fullBuild(t, dir))
		if b.Stats.Parsed != parsed || b.Stats.Resolved != resolved {
			t.Errorf("%s: parsed %d, resolved %d; want %d, %d", name, b.Stats.Parsed, b.Stats.Resolved, parsed, resolved)
		}
		// the stages as Build's, with what this build worked through
		var got []string
		for _, s := range st.Stages {
			got = append(got, fmt.Sprintf("%s %d %s", s.Name, s.Items, s.Unit))
		}
		want := []string{fmt.Sprintf("load %d files", b.Stats.Files), fmt.Sprintf("resolve %d articles", resolved),
			fmt.Sprintf("merge %d mentions", len(c.Unplaced)+mentionsIn(c)), fmt.Sprintf("check %d events", len(c.Events))}
		if b.Stats.Unchanged { // the last merge and checks, reused
			want = want[:2]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: stages %q, want %q", name, got, want)
		}
	}
	step("first build", 12, 12)
	step("nothing changed", 0, 0)

	one := filepath.Join(dir, "content", "a0005.md")
	src, _ := os.ReadFile(one)
	writeFile(t, one, string(src)+"\nThe talks resumed on August 20.\n")
	step("one article edited", 1, 1)

	// The same size and time, different bytes: only Invalidate can tell.
	info, _ := os.Stat(one)
	src, _ = os.ReadFile(one)
	writeFile(t, one, strings.Replace(string(src), "August 20", "August 21", 1))
	if err := os.Chtimes(one, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	b.Invalidate(one) // absolute name
	step("invalidated", 1, 1)

	// Invalidated but unchanged: read again, nothing redone.
	b.Invalidate("content/a0005.md")
	step("invalidated, unchanged", 0, 0)

	writeFile(t, one, "+++\ntitle = \"broken\n+++\n")
	step("broken article", 1, 0)
	writeFile(t, one, string(src))
	step("fixed article", 1, 1)

	// A new file whose ID collides with an old one's renames it: the
	// renamed article is resolved again, with its new ID.
	writeFile(t, filepath.Join(dir, "content", "A0003.md"), "+++\ntitle = \"Collides\"\ndate = 2025-08-01\n+++\nThey met on Monday.\n")
	step("colliding ID", 1, 2)

	if err := os.Remove(filepath.Join(dir, "content", "a0007.md")); err != nil {
		t.Fatal(err)
	}
	step("article removed", 0, 0)

	writeFile(t, filepath.Join(dir, "config.toml"), "title = \"T2\"\n")
	step("config changed", 0, 0)

	// Curation findings come from the merge: a stale override is one.
	writeFile(t, filepath.Join(dir, "config.toml"), "title = \"T2\"\n[[event]]\nid = \"no-such-event\"\nhide = true\n")
	step("curation", 0, 0)
	if c, _ := b.Build(); len(c.Findings) == 0 {
		t.Error("no finding for a stale [[event]] override")
	}

	writeFile(t, filepath.Join(dir, "config.toml"), "title = \n")
	if _, err := b.Build(); err == nil {
		t.Error("a broken config.toml built")
	}
}

// genSite writes n articles into dir/content, made by a seeded
// generator: the same seed gives the same site.
func genSite(t testing.TB, dir string, n int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 1))
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(dir, "content", fmt.Sprintf("a%04d.md", i)), genArticle(r, i, 0))
	}
}

var (
	genSubjects = []string{"The minister", "The committee", "Officials", "The president", "Negotiators",
		"The company", "Residents", "The court", "Protesters", "The envoy"}
	genVerbs = []string{"met", "announced the plan", "signed the agreement", "left the talks",
		"published the report", "voted", "arrived in the capital", "rejected the offer"}
	genWhen = []string{"on Monday", "last Friday", "on August %d", "on %d July 2025", "in February 2022",
		"next week", "on Wednesday", "in early 2024", "three days ago", "on %d September",
		"on August %d, 2025", "on July %d, 2025"}
	genFiller = []string{"Details remain limited.", "Observers were cautious about the outcome.",
		"The statement did not say what comes next.", "Both sides called the meeting constructive.",
		"Critics said the process lacked transparency."}
)

// genArticle makes one article of about 2 KB with a dozen date phrases.
// edit varies the body so that a benchmark can change the file.
func genArticle(r *rand.Rand, i, edit int) string {
	var b strings.Builder
	day := 1 + r.IntN(28)
	fmt.Fprintf(&b, "+++\ntitle = \"Report %d\"\ndate = 2025-%02d-%02d\nsource = \"Outlet %d\"\n+++\n\n",
		i, 6+r.IntN(3), day, r.IntN(40))
	for p := 0; p < 6; p++ {
		for s := 0; s < 3; s++ {
			when := genWhen[r.IntN(len(genWhen))]
			if strings.Contains(when, "%d") {
				when = fmt.Sprintf(when, 1+r.IntN(28))
			}
			fmt.Fprintf(&b, "%s %s %s. %s ", genSubjects[r.IntN(len(genSubjects))],
				genVerbs[r.IntN(len(genVerbs))], when, genFiller[r.IntN(len(genFiller))])
		}
		b.WriteString("\n\n")
	}
	if edit > 0 {
		fmt.Fprintf(&b, "Update %d: the talks resumed on August %d.\n", edit, 1+edit%28)
	}
	return b.String()
}

// BenchmarkIncrementalOneArticle measures a rebuild of a 1,000-article
// site after one article changed: re-read and re-resolve that article,
// then merge and check the whole site. Rendering is not included (see
// internal/serve's benchmarks).
func BenchmarkIncrementalOneArticle(b *testing.B) {
	dir := b.TempDir()
	genSite(b, dir, 1000, 42)
	inc := timeline.NewIncremental(dir)
	if _, err := inc.Build(); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	path := filepath.Join(dir, "content", "a0500.md")
	var events int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		writeFile(b, path, genArticle(r, 500, i+1))
		inc.Invalidate(path)
		c, err := inc.Build()
		if err != nil {
			b.Fatal(err)
		}
		if inc.Stats.Resolved != 1 {
			b.Fatalf("resolved %d articles, want 1", inc.Stats.Resolved)
		}
		events = len(c.Events)
	}
	b.ReportMetric(float64(events), "events")
}

// BenchmarkFullBuild1000 is the same site built from scratch, for comparison.
func BenchmarkFullBuild1000(b *testing.B) {
	dir := b.TempDir()
	genSite(b, dir, 1000, 42)
	b.ReportAllocs()
	for b.Loop() {
		fullBuild(b, dir)
	}
}

// TestIncrementalGenerated edits a generated site of realistic reports
// (wire copies, stories followed for weeks) the way a journalist does,
// and checks after each step that the incremental builder, whose merge
// reuses what earlier merges read (MergeCache), gives what a full
// build gives.
func TestIncrementalGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and builds a 120-article site several times")
	}
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, corpusgen.Options{Articles: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	sort.Strings(files)
	b := timeline.NewIncremental(dir)
	read := func(p string) string {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(src)
	}
	var last *timeline.Chronology
	// step builds again and checks the result against a full build, and
	// that the last Chronology was returned again if and only if
	// unchanged.
	step := func(name string, unchanged bool) {
		t.Helper()
		c, err := b.Build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b.Stats.Unchanged != unchanged || (c == last) != unchanged {
			t.Errorf("%s: Stats.Unchanged %v, the last Chronology returned %v; want %v", name, b.Stats.Unchanged, c == last, unchanged)
		}
		last = c
		want := fullBuild(t, dir)
		sameChronology(t, c, want)
		if t.Failed() {
			t.Fatalf("after %s", name)
		}
	}
	step("first build", false)
	step("nothing changed", true)
	// Saved with the same bytes, and named by the watcher.
	writeFile(t, files[5], read(files[5]))
	b.Invalidate(files[5])
	step("saved unchanged", true)
	b.Reassemble()
	step("reassembled", false)
	// A paragraph added that dates a happening other reports date too.
	first := read(files[10])
	writeFile(t, files[10], first+"\n\nOfficials said the talks resumed on Monday, a week after the vote.\n")
	step("paragraph added", false)
	// A sentence of it changed, which changes its words and the idf of the site.
	writeFile(t, files[10], strings.Replace(first, ".", ", the minister said.", 3))
	step("sentences changed", false)
	writeFile(t, files[10], first)
	step("edit undone", false)
	// A wire copy of another report under a new masthead.
	copySrc := read(files[40])
	writeFile(t, filepath.Join(dir, "content", "zz-wire-copy.md"), strings.Replace(copySrc, "source = ", "source = \"Copy Desk\"\nx_old_source = ", 1))
	step("wire copy added", false)
	if err := os.Remove(files[20]); err != nil {
		t.Fatal(err)
	}
	step("article removed", false)
	writeFile(t, files[30], "+++\ntitle = \"broken\n+++\n")
	step("article broken", false)
	step("nothing changed since", true)
	writeFile(t, filepath.Join(dir, "config.toml"), read(filepath.Join(dir, "config.toml"))+"\n[[event]]\nid = \"no-such-event\"\nhide = true\n")
	step("curation added", false)
}

// mentionsIn counts the mentions of c's events.
func mentionsIn(c *timeline.Chronology) int {
	n := 0
	for _, ev := range c.Events {
		n += len(ev.Mentions)
	}
	return n
}
