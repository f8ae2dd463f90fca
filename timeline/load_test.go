package timeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

const goodArticle = "+++\ntitle = \"Good\"\ndate = 2025-08-08\nsource = \"Wire\"\n+++\n\nTrump will meet Putin on August 15, 2025.\n"

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLoadSiteBadArticles checks that each kind of broken article gives
// exactly one one-line warning naming file and line, and that the good
// article beside it still loads.
func TestLoadSiteBadArticles(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string // regexp for the one warning
	}{
		{"malformed front matter", "+++\ntitle = \"Bad\ndate = 2025-08-08\n+++\nbody\n", `^content/bad\.md:2:\d+: `},
		{"unclosed front matter", "+++\ntitle = \"Bad\"\n", `^content/bad\.md:1: front matter is not closed`},
		{"no front matter", "Just text.\n", `^content/bad\.md:1: no front matter`},
		{"yaml front matter", "---\ntitle: Bad\n---\nbody\n", `^content/bad\.md:1: front matter must be TOML between \+\+\+ lines, not YAML`},
		{"unknown key", "+++\ntitle = \"Bad\"\nauthr = \"x\"\n+++\nbody\n", `^content/bad\.md:3: unknown key "authr" \(the front matter keys are title, date, source, url\)$`},
		{"unknown table", "+++\ntitle = \"Bad\"\n[extra]\na = 1\n+++\nbody\n", `^content/bad\.md:4: unknown key "extra\.a"`},
		{"title is a number", "+++\ntitle = 5\n+++\nbody\n", `^content/bad\.md:2: title must be text in quotes, not a number`},
		{"source is a list", "+++\ntitle = \"Bad\"\nsource = [\"a\"]\n+++\nbody\n", `^content/bad\.md:3: source must be text in quotes, not a list`},
		{"date is a number", "+++\ntitle = \"Bad\"\ndate = 20250808\n+++\nbody\n", `^content/bad\.md:3: date must be a date like 2025-08-08, not a number`},
		{"impossible TOML date", "+++\ntitle = \"Bad\"\ndate = 2025-02-30\n+++\nbody\n", `^content/bad\.md:3:\d+: date 2025-02-30 is not a calendar date \(February 2025 has 28 days\)`},
		{"impossible string date", "+++\ntitle = \"Bad\"\ndate = \"2025-02-30\"\n+++\nbody\n", `^content/bad\.md:3: date "2025-02-30" is not a calendar date \(February 2025 has 28 days\)`},
		{"month 13", "+++\ntitle = \"Bad\"\ndate = \"2025-13-01\"\n+++\nbody\n", `^content/bad\.md:3: date "2025-13-01" is not a calendar date \(there is no month 13\)`},
		{"not a date", "+++\ntitle = \"Bad\"\ndate = \"last Friday\"\n+++\nbody\n", `^content/bad\.md:3: date "last Friday" is not a calendar date in YYYY-MM-DD form`},
		{"nested too deeply", "+++\ntitle = \"Bad\"\n+++\n" + strings.Repeat("> ", 5000) + "x\n", `^content/bad\.md:4: this line opens 5000 quotes, list items or links: nested too deeply`},
		{"year 0", "+++\ntitle = \"Bad\"\ndate = \"0000-01-01T0:00:00+00:00\"\n+++\nbody\n", `^content/bad\.md:3: date 0000-01-01 is outside the years 1 to 9999`},
		{"time without day", "+++\ntitle = \"Bad\"\ndate = 07:32:00\n+++\nbody\n", `^content/bad\.md:3: date 07:32:00 has a time but no day`},
		{"duplicate key", "+++\ntitle = \"Bad\"\ntitle = \"Again\"\n+++\nbody\n", `^content/bad\.md:3:\d+: `},
		{"invalid UTF-8", "+++\ntitle = \"Bad\"\n+++\nline\n\xff\xfe bad\n", `^content/bad\.md:5: not valid UTF-8 text; skipped \(save the file as UTF-8\)$`},
		{"NUL byte", "+++\ntitle = \"Bad\"\n+++\nline\nx\x00y\n", `^content/bad\.md:5: contains a NUL byte: this is a binary file`},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", `^content/bad\.md:3: contains a NUL byte`},
		{"empty", "", `^content/bad\.md:1: empty file; skipped$`},
		{"blank", " \n\n\t\n", `^content/bad\.md:1: empty file`},
		{"unsafe url", "+++\ntitle = \"Bad\"\nurl = \"javascript:alert(1)\"\n+++\nbody\n", `^content/bad\.md:3: url "javascript:alert\(1\)" is not an http or https address; dropped$`},
		{"no title", "+++\ndate = 2025-08-08\n+++\nbody\n", `^content/bad\.md:1: front matter has no title; the file name is used`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{"content/good.md": goodArticle, "content/bad.md": tt.content})
			site, err := LoadSite(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(site.Warnings) != 1 {
				t.Fatalf("warnings = %q, want exactly one", site.Warnings)
			}
			msg := site.Warnings[0].Error()
			if !regexp.MustCompile(tt.want).MatchString(msg) {
				t.Errorf("warning %q does not match %q", msg, tt.want)
			}
			if strings.ContainsAny(msg, "\n\r") {
				t.Errorf("warning is not one line: %q", msg)
			}
			found := false
			for _, a := range site.Articles {
				found = found || a.File == "content/good.md"
			}
			if !found {
				t.Errorf("the good article was not loaded")
			}
		})
	}
}

func TestLoadSiteTooLarge(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/good.md": goodArticle})
	big := bytes.Repeat([]byte("Trump met Putin on Friday. "), (50<<20)/27)
	big = append([]byte("+++\ntitle = \"Big\"\n+++\n"), big...)
	if err := os.WriteFile(filepath.Join(dir, "content", "big.md"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	site, err := LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Warnings) != 1 || !regexp.MustCompile(`^content/big\.md:1: file is 50\.0 MB, over the 8 MB limit`).MatchString(site.Warnings[0].Error()) {
		t.Errorf("warnings = %q", site.Warnings)
	}
	if len(site.Articles) != 1 {
		t.Errorf("articles = %d, want the good one", len(site.Articles))
	}
	if _, err := ParseArticle("content/big.md", big); err == nil {
		t.Error("ParseArticle accepted a 50 MB article")
	}
}

func TestLoadSiteUTF16(t *testing.T) {
	src := "\ufeff+++\ntitle = \"Сводка\"\ndate = 2025-08-08\n+++\nПутин и Трамп встретятся 15 августа.\n"
	var le []byte
	le = append(le, 0xFF, 0xFE)
	for _, r := range strings.TrimPrefix(src, "\ufeff") {
		le = append(le, byte(r), byte(r>>8))
	}
	a, err := ParseArticle("content/ru.md", le)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Сводка" || !strings.Contains(a.Text, "Путин") {
		t.Errorf("title %q text %q", a.Title, a.Text)
	}
}

func TestLoadSiteFilesystem(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links and permissions")
	}
	outside := writeSite(t, map[string]string{"secret.md": "+++\ntitle = \"Secret\"\n+++\nkey\n"})
	dir := writeSite(t, map[string]string{
		"content/good.md":           goodArticle,
		"content/.hidden.md":        "ignored",
		"content/.git/x.md":         "ignored",
		"content/sub/nested.md":     strings.Replace(goodArticle, "Good", "Nested", 1),
		"content/photo.jpg":         "\x00\x01binary but not an article",
		"shared/linked-article.md":  strings.Replace(goodArticle, "Good", "Linked", 1),
		"content/unreadable.md":     goodArticle,
		"content/notes/readme.txt":  "not an article",
		"content/dir.md/inner.md":   strings.Replace(goodArticle, "Good", "Inner", 1),
		"content/zz/deeper/deep.md": strings.Replace(goodArticle, "Good", "Deep", 1),
	})
	c := filepath.Join(dir, "content")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("a.md", filepath.Join(c, "b.md")))                                  // loop b -> a -> b
	must(os.Symlink("b.md", filepath.Join(c, "a.md")))                                  //
	must(os.Symlink("../shared/linked-article.md", filepath.Join(c, "linked.md")))      // inside the site: followed
	must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(c, "steal.md"))) // outside: refused
	must(os.Symlink("missing.md", filepath.Join(c, "broken.md")))
	must(os.Symlink("..", filepath.Join(c, "zz", "deeper", "up")))         // folder loop
	must(os.Symlink(outside, filepath.Join(c, "outdir")))                  // folder outside
	must(os.Symlink("missing", filepath.Join(c, "broken-folder-or-file"))) // not .md: ignored
	must(os.Chmod(filepath.Join(c, "unreadable.md"), 0))
	root := os.Geteuid() == 0

	site, err := LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range site.Articles {
		titles = append(titles, a.Title)
	}
	wantTitles := "Inner Good Linked Nested Deep"
	if root { // root reads everything
		wantTitles = "Inner Good Linked Nested Good Deep"
	}
	if got := strings.Join(titles, " "); got != wantTitles {
		t.Errorf("titles = %q, want %q", got, wantTitles)
	}
	var msgs []string
	for _, w := range site.Warnings {
		msgs = append(msgs, w.Error())
	}
	want := []string{
		"content/a.md: symbolic link cannot be followed: too many levels of symbolic links",
		"content/b.md: symbolic link cannot be followed: too many levels of symbolic links",
		"content/broken.md: symbolic link cannot be followed: no such file or directory",
		"content/outdir: symbolic link points outside the site folder, not followed",
		"content/steal.md: symbolic link points outside the site folder, not followed",
	}
	if !root {
		want = append(want, "content/unreadable.md: cannot read: permission denied")
	}
	want = append(want, "content/zz/deeper/up: symbolic link loop: the folder contains itself, not followed")
	if got := strings.Join(msgs, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	for _, a := range site.Articles {
		if strings.Contains(a.Text, "key") && a.Title == "Secret" {
			t.Error("read a file outside the site through a symbolic link")
		}
	}
}

func TestLoadSiteUniqueIDs(t *testing.T) {
	same := "+++\ntitle = \"Same title\"\n+++\nbody\n"
	dir := writeSite(t, map[string]string{
		"content/Summit.md":      same,
		"content/summit.md":      same,
		"content/2024/summit.md": same,
		"content/summit!.md":     same,
		"content/путин.md":       same,
		"content/трамп.md":       same,
		"content/con.md":         same,
	})
	site, err := LoadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, a := range site.Articles {
		if prev, ok := seen[a.ID]; ok {
			t.Errorf("%s and %s share the id %q", prev, a.File, a.ID)
		}
		seen[a.ID] = a.File
		if a.ID != Slug(a.ID) && !strings.HasPrefix(a.ID, Slug(a.ID)) {
			t.Errorf("id %q is not a slug", a.ID)
		}
		if !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(a.ID) {
			t.Errorf("id %q of %s is not safe", a.ID, a.File)
		}
	}
	if len(site.Articles) != 7 {
		t.Errorf("%d articles, want 7: %v", len(site.Articles), seen)
	}
	// Stable: the same files give the same ids.
	again, _ := LoadSite(dir)
	for i, a := range again.Articles {
		if a.ID != site.Articles[i].ID {
			t.Errorf("id of %s changed from %q to %q", a.File, site.Articles[i].ID, a.ID)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Trump–Putin summit":     "trump-putin-summit",
		"../../etc/passwd":       "etc-passwd",
		".hidden":                "hidden",
		"":                       "article",
		"CON":                    "con-1",
		"com1":                   "com1-1",
		"lpt9":                   "lpt9-1",
		"nul.txt":                "nul-txt",
		"путин":                  Slug("путин"),
		"2025-08-15":             "2025-08-15",
		strings.Repeat("a", 200): strings.Repeat("a", 80),
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if a, b := Slug("путин"), Slug("трамп"); a == b || !strings.HasPrefix(a, "article-") {
		t.Errorf("non-Latin names: %q and %q", a, b)
	}
}

func TestParseArticleHostileMetadata(t *testing.T) {
	src := "+++\ntitle = \"\"\"Line one\nline two\u2028\\u001b[31m red\"\"\"\nsource = \"  Wire\\tService \"\nurl = \"HTTPS://example.org/a b?q=\\\"x\\\"\"\ndate = \"2025-08-08T23:30:00-05:00\"\n+++\nbody\n"
	a, err := ParseArticle("content/x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Line one line two [31m red" {
		t.Errorf("title %q", a.Title)
	}
	if a.Source != "Wire Service" {
		t.Errorf("source %q", a.Source)
	}
	if a.URL != "" {
		t.Errorf("url with a space kept: %q", a.URL)
	}
	if got := a.Published.Format("2006-01-02"); got != "2025-08-08" {
		t.Errorf("published %s, want the publisher's local day", got)
	}
}

func TestParseArticleNonEnglish(t *testing.T) {
	for name, body := range map[string]string{
		"ru": "Президент Путин встретится с Трампом 15 августа. Встреча пройдёт на Аляске.",
		"zh": "特朗普和普京将于8月15日在阿拉斯加会晤。这是自2021年以来的首次峰会。",
		"ar": "سيلتقي ترامب وبوتين في ألاسكا يوم الجمعة.",
		"de": "Trump und Putin treffen sich am 15. August in Anchorage. Das Treffen ist geheim.",
	} {
		a, err := ParseArticle("content/"+name+".md", []byte("+++\ntitle = \""+name+"\"\ndate = 2025-08-08\n+++\n"+body+"\n"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(a.Warnings) > 0 || len(a.Sentences) == 0 || strings.TrimSpace(a.Text) != body {
			t.Errorf("%s: warnings %v, %d sentences, text %q", name, a.Warnings, len(a.Sentences), a.Text)
		}
	}
}

func TestSafeURL(t *testing.T) {
	keep := map[string]string{
		"https://example.org/a":           "https://example.org/a",
		"  http://example.org/a?b=c#d  ":  "http://example.org/a?b=c#d",
		"HTTPS://Example.org/x":           "https://Example.org/x",
		"https://example.org/\"><script>": "https://example.org/%22%3E%3Cscript%3E",
		"https://пример.рф/новости":       "https://пример.рф/новости",
	}
	for in, want := range keep {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
	drop := []string{
		"", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
		"java\nscript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd", "//evil.example/x",
		"/relative/path", "example.org", "&#106;avascript:alert(1)", "\x01javascript:alert(1)", "https://", "https:evil",
		"https://user:pass@example.org/", "https://example.org/a b", "ftp://example.org/", "mailto:a@example.org",
		"https://ex<ample.org/", "https://example.org\\@evil.example/",
		// Under the limit as written, over it once its quotes are escaped
		// (found by FuzzSafeURL: a second call refused the first's result).
		"https://a.example/" + strings.Repeat("`", 1500),
	}
	for _, in := range drop {
		if got := SafeURL(in); got != "" {
			t.Errorf("SafeURL(%q) = %q, want it dropped", in, got)
		}
	}
}

func ExampleSafeURL() {
	for _, u := range []string{"https://example.org/report", "javascript:alert(1)", "data:text/html,hi", `https://example.org/"onclick="x`} {
		fmt.Printf("%q\n", SafeURL(u))
	}
	// Output:
	// "https://example.org/report"
	// ""
	// ""
	// "https://example.org/%22onclick=%22x"
}

// Many unknown keys: the first one in the file is reported, whatever the
// map order, and finding it is one pass over the front matter.
func TestParseArticleManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString("+++\ntitle = \"x\"\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("k")
		b.WriteString(strings.Repeat("z", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(strconv.Itoa(i))
		b.WriteString(" = 1\n")
	}
	b.WriteString("+++\nbody\n")
	_, err := ParseArticle("content/many.md", []byte(b.String()))
	if err == nil || err.Error() != `content/many.md:3: unknown key "ka0" (the front matter keys are title, date, source, url)` {
		t.Errorf("err = %v", err)
	}
}

func TestTopKeyLines(t *testing.T) {
	got := topKeyLines("title = \"a\"\n\n\"quoted\" = 1\nsite.name = 2\n[table]\nx = 1\n[[list]]\n  date=2025-08-08\n")
	want := map[string]int{"title": 1, "quoted": 3, "site": 4, "table": 5, "x": 6, "list": 7, "date": 8}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("line of %q = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
}

// TestLoadSiteHTML checks the bodies' HTML of RenderHTML and
// ReleaseMarkdown: made with the config's markup setting, from the same
// text as without them, the Markdown dropped only with ReleaseMarkdown;
// Incremental.Build makes it too and keeps the Markdown.
func TestLoadSiteHTML(t *testing.T) {
	const art = "+++\ntitle = \"Raw\"\ndate = 2025-08-08\n+++\n\nThey met on *Friday* <b>in</b> Alaska &amp; more.\n"
	for _, unsafe := range []bool{false, true} {
		cfg := ""
		if unsafe {
			cfg = "[markup]\nunsafe = true\n"
		}
		dir := writeSite(t, map[string]string{"config.toml": cfg, "content/a.md": art})
		plain, err := LoadSite(dir)
		if err != nil {
			t.Fatal(err)
		}
		want := plain.Articles[0]
		if want.HTML != nil {
			t.Errorf("unsafe %v: HTML made without RenderHTML", unsafe)
		}
		inc, err := NewIncremental(dir).Build(RenderHTML())
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range []struct {
			name    string
			opt     Option
			release bool
		}{{"RenderHTML", RenderHTML(), false}, {"ReleaseMarkdown", ReleaseMarkdown(), true}, {"Incremental", nil, false}} {
			var a *Article
			if o.opt != nil {
				s, err := LoadSite(dir, o.opt)
				if err != nil {
					t.Fatal(err)
				}
				a = s.Articles[0]
			} else {
				a = inc.Articles[0]
			}
			if a.HTML == nil || a.HTML.Unsafe != unsafe {
				t.Fatalf("%s, unsafe %v: HTML %+v", o.name, unsafe, a.HTML)
			}
			if a.Text != want.Text {
				t.Errorf("%s, unsafe %v: text %q, want %q", o.name, unsafe, a.Text, want.Text)
			}
			if (a.Body == nil) != o.release || !o.release && !bytes.Equal(a.Body, want.Body) {
				t.Errorf("%s, unsafe %v: Body %q", o.name, unsafe, a.Body)
			}
			if raw := strings.Contains(a.HTML.Markup, "<b>in</b>"); raw != unsafe {
				t.Errorf("%s, unsafe %v: raw HTML through %v:\n%s", o.name, unsafe, raw, a.HTML.Markup)
			}
		}
	}
}
