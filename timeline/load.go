package timeline

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/timeline-news/timeline/timeline/dates"
	"github.com/timeline-news/timeline/timeline/text"
)

// Site is a loaded site folder: its configuration and every article
// that could be read. Articles that could not be read are Warnings.
type Site struct {
	// Dir is the site folder.
	Dir      string
	Config   Config
	Articles []*Article
	Warnings []Problem
}

// ContentDir is the folder under the site that holds the articles.
const ContentDir = "content"

// LoadSite reads config.toml and every content/**/*.md of the site
// folder dir. It fails only when the site cannot be built at all (no
// such folder, a bad config.toml); an article that cannot be read is
// skipped with a Problem in Site.Warnings. Options (Workers,
// WithStats, WithProgress) change how, never what, it reads.
func LoadSite(dir string, opts ...Option) (*Site, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("site folder %s is not a folder", dir)
	}
	cfg, err := LoadConfig(dir)
	if err != nil {
		return nil, err
	}
	site := &Site{Dir: dir, Config: cfg}
	files, problems := contentFiles(dir)
	site.Warnings = append(site.Warnings, problems...)
	// Files are read and parsed on several goroutines (see Workers),
	// each result kept at its file's index; IDs are then handed out and
	// articles gathered in file order, whatever the parallelism.
	o := newOptions(opts)
	type loaded struct {
		a    *Article
		prob *Problem
	}
	results := make([]loaded, len(files))
	progress := o.counter("load", len(files))
	o.stats.Measure("load", "articles", func() (int, int64) {
		var size atomic.Int64
		forEach(len(files), o.workers, func(i int) {
			defer progress.step()
			rel := files[i]
			src, err := readArticle(dir, rel)
			if err != nil {
				p := asProblem(rel, err)
				results[i].prob = &p
				return
			}
			size.Add(int64(len(src)))
			a, err := parseGuarded(rel, src, o.body(cfg))
			if err != nil {
				p := asProblem(rel, err)
				results[i].prob = &p
				return
			}
			results[i].a = a
		})
		return len(files), size.Load()
	})
	ids := map[string]bool{}
	for _, r := range results {
		if r.prob != nil {
			site.Warnings = append(site.Warnings, *r.prob)
			continue
		}
		site.Warnings = append(site.Warnings, r.a.Warnings...)
		r.a.ID = uniqueID(r.a.ID, ids)
		site.Articles = append(site.Articles, r.a)
	}
	return site, nil
}

// MaxArticleSize is the largest article file LoadSite reads, in bytes.
// A news report is rarely over 100 kB; a bigger file is most likely
// not an article (a data dump, a book, a binary), and resolving it
// would slow every build. Such a file is skipped with a warning.
const MaxArticleSize = 8 << 20

// contentFiles lists content/**/*.md relative to the site, sorted.
//
// Names starting with a dot (.git, editor and system files) are
// ignored. Symbolic links are followed when they point inside the site
// folder; a link pointing outside it, a broken link, a link loop, a
// file that is not a regular file or a name that is not printable
// UTF-8 is a Problem and skipped.
func contentFiles(dir string) ([]string, []Problem) {
	w := contentWalker{site: dir}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		w.realSite = real
	} else {
		w.realSite, _ = filepath.Abs(dir)
	}
	root := filepath.Join(dir, ContentDir)
	info, err := os.Stat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, []Problem{{File: ContentDir, Message: "cannot read: " + ioCause(err)}}
	case !info.IsDir():
		return nil, []Problem{{File: ContentDir, Message: "is not a folder"}}
	}
	w.walk(root, ContentDir, []os.FileInfo{info})
	sort.Strings(w.files)
	return w.files, w.problems
}

type contentWalker struct {
	site, realSite string
	files          []string
	problems       []Problem
}

func (w *contentWalker) problem(rel, msg string) {
	w.problems = append(w.problems, Problem{File: rel, Message: msg})
}

// walk lists the folder path (rel relative to the site); stack holds the
// folders above it, to catch symbolic link loops.
func (w *contentWalker) walk(path, rel string, stack []os.FileInfo) {
	entries, err := os.ReadDir(path)
	if err != nil {
		w.problem(rel, "cannot read folder: "+ioCause(err))
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		r := rel + "/" + name
		isMD := strings.HasSuffix(strings.ToLower(name), ".md")
		if !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
			if isMD || e.IsDir() {
				w.problem(fmt.Sprintf("%q", r), "file name is not printable UTF-8, skipped (rename it)")
			}
			continue
		}
		var info os.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			real, err := filepath.EvalSymlinks(p)
			if err != nil {
				if _, serr := os.Stat(p); serr != nil {
					err = serr // names the cause: a loop, a missing target
				}
				if isMD {
					w.problem(r, "symbolic link cannot be followed: "+ioCause(err))
				}
				continue
			}
			if !within(real, w.realSite) {
				if isMD {
					w.problem(r, "symbolic link points outside the site folder, not followed")
				} else if fi, err := os.Stat(real); err == nil && fi.IsDir() {
					w.problem(r, "symbolic link points outside the site folder, not followed")
				}
				continue
			}
			if info, err = os.Stat(p); err != nil {
				if isMD {
					w.problem(r, "cannot read: "+ioCause(err))
				}
				continue
			}
		} else if !e.IsDir() {
			// The folder listing tells a file's type: a plain file
			// needs no stat of its own (a 1,000-article site: 1,000
			// fewer system calls on every rebuild of serve).
			switch {
			case !isMD:
			case !e.Type().IsRegular():
				w.problem(r, "not a regular file, skipped")
			default:
				w.files = append(w.files, r)
			}
			continue
		} else if info, err = e.Info(); err != nil {
			w.problem(r, "cannot read: "+ioCause(err))
			continue
		}
		if info.IsDir() {
			loop := false
			for _, up := range stack {
				if os.SameFile(up, info) {
					loop = true
				}
			}
			if loop {
				w.problem(r, "symbolic link loop: the folder contains itself, not followed")
				continue
			}
			w.walk(p, r, append(stack[:len(stack):len(stack)], info))
			continue
		}
		if !isMD {
			continue
		}
		if !info.Mode().IsRegular() {
			w.problem(r, "not a regular file, skipped")
			continue
		}
		w.files = append(w.files, r)
	}
}

// within reports whether path p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ioCause strips the path from an I/O error: the Problem names the file.
func ioCause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// readArticle reads the article rel of the site dir, refusing files over
// MaxArticleSize without reading them whole. Errors are Problems.
func readArticle(dir, rel string) ([]byte, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, Problem{File: rel, Message: "cannot read: " + ioCause(err)}
	}
	defer f.Close()
	// Read into a buffer of the file's size (plus one byte, to see the
	// end at once), not one grown by doubling from 512 bytes.
	size := 512
	if info, err := f.Stat(); err == nil {
		if info.Size() > MaxArticleSize {
			return nil, tooLarge(rel, info.Size())
		}
		size = max(size, int(info.Size())+1)
	}
	src, err := readAll(io.LimitReader(f, MaxArticleSize+1), size)
	if err != nil {
		return nil, Problem{File: rel, Message: "cannot read: " + ioCause(err)}
	}
	if len(src) > MaxArticleSize {
		return nil, tooLarge(rel, int64(len(src)))
	}
	return src, nil
}

// readAll reads r to its end into a buffer of capacity size, grown only
// when r holds more.
func readAll(r io.Reader, size int) ([]byte, error) {
	b := make([]byte, 0, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

func tooLarge(rel string, size int64) Problem {
	return Problem{File: rel, Line: 1, Message: fmt.Sprintf("file is %.1f MB, over the %d MB limit for one article; skipped",
		float64(size)/(1<<20), MaxArticleSize>>20), Hint: "is it really one news report? split it"}
}

func asProblem(file string, err error) Problem {
	var p Problem
	if errors.As(err, &p) {
		return p
	}
	return Problem{File: file, Message: err.Error()}
}

// FrontMatter is the TOML between the +++ lines at the top of an article.
// Every key is optional except title; any other key is an error, so a
// misspelt key is never silently ignored.
type FrontMatter struct {
	// Title of the report.
	Title string `toml:"title"`
	// Date is the publication date: a TOML date (2025-08-08), a datetime,
	// or a string in YYYY-MM-DD or RFC 3339 form. Omit it to have the
	// date inferred.
	Date any `toml:"date"`
	// Source is the outlet that published the report.
	Source string `toml:"source"`
	// URL is where the report was published: an http or https address.
	// Any other URL (javascript:, data:, ...) is dropped with a warning.
	URL string `toml:"url"`
}

// frontMatterKeys are the keys of FrontMatter, in the order the hint lists them.
var frontMatterKeys = []string{"title", "date", "source", "url"}

// parseArticle is parseWith; a test puts a failing parser in its
// place.
var parseArticle = parseWith

// parseGuarded is ParseArticle for a build, with the bodies bo says: a
// panic there is a bug of ours, not of the file, and is recovered as a
// Problem naming the file, so that the rest of the site still builds.
func parseGuarded(rel string, src []byte, bo bodyOptions) (a *Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, Problem{File: rel, Message: "left out: reading it failed (" + oneLine(fmt.Sprint(r)) + ")",
				Hint: "a bug in timeline: please report it with this article"}
		}
	}()
	return parseArticle(rel, src, bo)
}

// ParseArticle reads one article from its file content. rel is its path
// relative to the site folder, used for the ID and in Problems. It
// returns an error, always a Problem naming file and line, when the
// article cannot be used at all; lesser problems (an unsafe URL
// dropped, a missing title replaced) are in the Article's Warnings.
func ParseArticle(rel string, src []byte) (*Article, error) {
	return parseWith(rel, src, bodyOptions{})
}

// bodyOptions say what parseWith makes of an article's body besides
// its plain text (see RenderHTML and ReleaseMarkdown).
type bodyOptions struct {
	html, unsafe, release bool
}

// body is what o says to make of the bodies of a site with config cfg.
func (o *options) body(cfg Config) bodyOptions {
	return bodyOptions{html: o.renderHTML, unsafe: cfg.Markup.Unsafe, release: o.releaseMarkdown}
}

// parseWith is ParseArticle, with the article's HTML when bo.html.
func parseWith(rel string, src []byte, bo bodyOptions) (*Article, error) {
	if len(src) > MaxArticleSize {
		return nil, tooLarge(rel, int64(len(src)))
	}
	src, err := decodeText(rel, src)
	if err != nil {
		return nil, err
	}
	fm, body, bodyLine, err := splitFrontMatter(rel, src)
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := decodeTOML(rel, fm, 1, &raw); err != nil {
		return nil, frontMatterProblem(err)
	}
	meta, warnings, err := checkFrontMatter(rel, fm, raw)
	if err != nil {
		return nil, err
	}
	a := &Article{
		ID:       Slug(strings.TrimSuffix(path.Base(rel), path.Ext(rel))),
		File:     rel,
		Title:    meta.Title,
		Source:   meta.Source,
		URL:      meta.URL,
		Body:     body,
		BodyLine: bodyLine,
		Warnings: warnings,
	}
	if a.Title == "" {
		a.Title = oneLine(strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
		a.Warnings = append(a.Warnings, Problem{File: rel, Line: 1, Message: "front matter has no title; the file name is used",
			Hint: `add title = "..."`})
	}
	if meta.Date != nil {
		t, err := parsePublished(meta.Date)
		if err != nil {
			return nil, Problem{File: rel, Line: keyLine(fm, toml.Key{"date"}) + 1, Message: err.Error()}
		}
		a.Published = t
	}
	if work, line, opens := text.Nesting(body); work > text.MaxNesting {
		return nil, Problem{File: rel, Line: bodyLine + line - 1,
			Message: fmt.Sprintf("this line opens %d quotes, list items or links: nested too deeply to be an article's text, and too slow to read; skipped", opens)}
	}
	if bo.html {
		a.Text, a.HTML, err = text.Render(body, bo.unsafe)
		if err != nil {
			return nil, Problem{File: rel, Line: bodyLine, Message: "cannot render the body: " + err.Error()}
		}
		if bo.release {
			a.Body = nil
		}
	} else {
		a.Text = text.FromMarkdown(body)
	}
	a.Sentences = text.Sentences(a.Text)
	return a, nil
}

// decodeText checks that src is text: UTF-8 (UTF-16 with a byte order
// mark is converted), no NUL bytes. It drops a UTF-8 byte order mark.
func decodeText(rel string, src []byte) ([]byte, error) {
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) && len(src)%2 == 0 {
		u := make([]uint16, 0, len(src)/2-1)
		for i := 2; i+1 < len(src); i += 2 {
			if src[0] == 0xFF {
				u = append(u, uint16(src[i])|uint16(src[i+1])<<8)
			} else {
				u = append(u, uint16(src[i])<<8|uint16(src[i+1]))
			}
		}
		src = []byte(string(utf16.Decode(u)))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, Problem{File: rel, Line: bytes.Count(src[:i], []byte("\n")) + 1,
			Message: "contains a NUL byte: this is a binary file, not a Markdown article; skipped"}
	}
	if !utf8.Valid(src) {
		return nil, Problem{File: rel, Line: invalidUTF8Line(src), Message: "not valid UTF-8 text; skipped",
			Hint: "save the file as UTF-8"}
	}
	return bytes.TrimPrefix(src, []byte("\ufeff")), nil
}

// frontMatterProblem rewords TOML errors a journalist is likely to meet.
func frontMatterProblem(err error) error {
	p := asProblem("", err)
	if v, ok := strings.CutPrefix(p.Message, "invalid datetime: "); ok {
		v = strings.Trim(v, `"`)
		p.Message = fmt.Sprintf("date %s is not a calendar date", v)
		if why := impossibleDate(v); why != "" {
			p.Message += " (" + why + ")"
		}
		p.Hint = "write it as YYYY-MM-DD"
	}
	return p
}

// checkFrontMatter checks the keys and types of the decoded front matter.
func checkFrontMatter(rel, fm string, raw map[string]any) (FrontMatter, []Problem, error) {
	var meta FrontMatter
	var warnings []Problem
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	// Report the first bad key in file order, whatever the map order.
	lines := topKeyLines(fm)
	sort.Slice(keys, func(i, j int) bool {
		li, lj := lines[keys[i]], lines[keys[j]]
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		v := raw[k]
		line := lines[k] + 1
		str := func() (string, error) {
			s, ok := v.(string)
			if !ok {
				return "", Problem{File: rel, Line: line, Message: fmt.Sprintf("%s must be text in quotes, not %s", k, tomlKind(v)),
					Hint: fmt.Sprintf(`%s = "..."`, k)}
			}
			return s, nil
		}
		var err error
		switch k {
		case "title":
			meta.Title, err = str()
			meta.Title = oneLine(meta.Title)
		case "source":
			meta.Source, err = str()
			meta.Source = oneLine(meta.Source)
		case "url":
			var u string
			if u, err = str(); err == nil {
				meta.URL = SafeURL(u)
				if meta.URL == "" && strings.TrimSpace(u) != "" {
					warnings = append(warnings, Problem{File: rel, Line: line,
						Message: fmt.Sprintf("url %q is not an http or https address; dropped", truncate(u, 60))})
				}
			}
		case "date":
			meta.Date = v
		default:
			err = Problem{File: rel, Line: line, Message: fmt.Sprintf("unknown key %q", k),
				Hint: "the front matter keys are " + strings.Join(frontMatterKeys, ", ")}
		}
		if err != nil {
			return meta, nil, err
		}
	}
	return meta, warnings, nil
}

// topKeyLines maps each top-level key of TOML source to the 1-based line
// where it first appears (a key = value line, a dotted key or a [table]
// header), in one pass, so that front matter with many keys stays cheap.
func topKeyLines(src string) map[string]int {
	lines := map[string]int{}
	for i, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		var name string
		switch {
		case strings.HasPrefix(t, "["):
			name = strings.TrimLeft(t, "[ ")
			if j := strings.IndexAny(name, ".]"); j >= 0 {
				name = name[:j]
			}
		case strings.Contains(t, "="):
			name = t[:strings.IndexByte(t, '=')]
			if j := strings.IndexByte(name, '.'); j >= 0 && !strings.HasPrefix(strings.TrimSpace(name), `"`) {
				name = name[:j]
			}
		default:
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), `"'`)
		if _, ok := lines[name]; !ok && name != "" {
			lines[name] = i + 1
		}
	}
	return lines
}

// tomlKind names the TOML type of a decoded value for messages.
func tomlKind(v any) string {
	switch v.(type) {
	case int64:
		return "a number"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// oneLine collapses every run of white space and control characters
// to one space and trims the ends: titles and sources are one line.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
	}), " ")
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// splitFrontMatter separates the +++ delimited TOML front matter from the body.
func splitFrontMatter(rel string, src []byte) (fm string, body []byte, bodyLine int, err error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return "", nil, 0, Problem{File: rel, Line: 1, Message: "empty file; skipped"}
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if first := strings.TrimSpace(string(first)); first != "+++" {
		p := Problem{File: rel, Line: 1, Message: "no front matter: the file must start with a +++ line",
			Hint: "put title, date, source and url between two +++ lines"}
		if first == "---" {
			p.Message = "front matter must be TOML between +++ lines, not YAML between --- lines"
			p.Hint = `write +++, then title = "...", date = 2025-08-08, then +++`
		}
		return "", nil, 0, p
	}
	// The closing line is the first after the opening one whose text,
	// spaces trimmed, is +++. Look only at lines holding +++.
	start := len(src) - len(rest)
	line := 2
	for at := start; at < len(src); {
		end := bytes.IndexByte(src[at:], '\n')
		next := len(src)
		if end >= 0 {
			next = at + end + 1
		}
		if bytes.Equal(bytes.TrimSpace(src[at:next]), []byte("+++")) {
			return string(src[start:at]), src[next:], line + 1, nil
		}
		line++
		at = next
	}
	return "", nil, 0, Problem{File: rel, Line: 1, Message: "front matter is not closed: no second +++ line"}
}

// parsePublished turns the front matter's date into a day of the years
// 1 to 9999, the years every output format can write.
func parsePublished(v any) (time.Time, error) {
	t, err := parseDay(v)
	if err == nil && (t.Year() < 1 || t.Year() > 9999) {
		return time.Time{}, fmt.Errorf("date %s is outside the years 1 to 9999", t.Format("2006-01-02"))
	}
	return t, err
}

// parseDay turns a TOML date or date string into a day.
func parseDay(v any) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		if d.Year() == 0 && d.Month() == 1 && d.Day() == 1 {
			return time.Time{}, fmt.Errorf("date %s has a time but no day", d.Format("15:04:05"))
		}
		return dates.Day(d.Year(), d.Month(), d.Day()), nil
	case string:
		s := strings.TrimSpace(d)
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, nil
		}
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return dates.Day(t.Year(), t.Month(), t.Day()), nil
		}
		msg := fmt.Sprintf("date %q is not a calendar date in YYYY-MM-DD form", truncate(d, 40))
		if why := impossibleDate(s); why != "" {
			msg = fmt.Sprintf("date %q is not a calendar date (%s)", d, why)
		}
		return time.Time{}, errors.New(msg)
	}
	return time.Time{}, fmt.Errorf("date must be a date like 2025-08-08, not %s", tomlKind(v))
}

// impossibleDate explains why a YYYY-MM-DD string that looks like a date
// is not one ("February 2025 has 28 days"), or returns "".
func impossibleDate(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil {
		return ""
	}
	if m < 1 || m > 12 {
		return fmt.Sprintf("there is no month %d", m)
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > days {
		return fmt.Sprintf("%s %d has %d days", time.Month(m), y, days)
	}
	return ""
}

func invalidUTF8Line(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[n:]
	}
	return line
}

// Slug makes s safe as a URL path segment and file name: lower-case
// ASCII letters, digits and single dashes, at most 80 bytes. It never
// returns "", a name starting with a dot or a name reserved on Windows
// (con, nul, com1, ...). A name with no ASCII letter or digit (an
// article titled in Cyrillic, say) gets "article-" and a short hash of
// s, so different names stay different.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	if b.Len() == 0 {
		if s == "" {
			return "article"
		}
		h := fnv.New32a()
		h.Write([]byte(s))
		return fmt.Sprintf("article-%08x", h.Sum32())
	}
	out := b.String()
	switch out {
	case "con", "prn", "aux", "nul":
		return out + "-1"
	}
	if len(out) == 4 && (strings.HasPrefix(out, "com") || strings.HasPrefix(out, "lpt")) && out[3] >= '0' && out[3] <= '9' {
		return out + "-1"
	}
	return out
}

// uniqueID returns id, or id-2, id-3, ... when id is taken, and marks it taken.
func uniqueID(id string, taken map[string]bool) string {
	u := id
	for n := 2; taken[u]; n++ {
		u = fmt.Sprintf("%s-%d", id, n)
	}
	taken[u] = true
	return u
}
