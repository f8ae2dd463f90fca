package timeline

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

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
// skipped with a Problem in Site.Warnings.
func LoadSite(dir string) (*Site, error) {
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
	ids := map[string]bool{}
	for _, rel := range files {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			site.Warnings = append(site.Warnings, Problem{File: rel, Message: "cannot read: " + err.Error()})
			continue
		}
		a, err := ParseArticle(rel, src)
		if err != nil {
			site.Warnings = append(site.Warnings, asProblem(rel, err))
			continue
		}
		a.ID = uniqueID(a.ID, ids)
		site.Articles = append(site.Articles, a)
	}
	return site, nil
}

// contentFiles lists content/**/*.md relative to the site, sorted.
func contentFiles(dir string) ([]string, []Problem) {
	root := filepath.Join(dir, ContentDir)
	var files []string
	var problems []Problem
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if err != nil {
			problems = append(problems, Problem{File: rel, Message: "cannot read: " + err.Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(strings.ToLower(d.Name()), ".md") {
			return nil
		}
		if !d.Type().IsRegular() {
			problems = append(problems, Problem{File: rel, Message: "not a regular file, skipped"})
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		problems = append(problems, Problem{File: ContentDir, Message: err.Error()})
	}
	sort.Strings(files)
	return files, problems
}

func asProblem(file string, err error) Problem {
	if p, ok := err.(Problem); ok {
		return p
	}
	return Problem{File: file, Message: err.Error()}
}

// FrontMatter is the TOML between the +++ lines at the top of an article.
type FrontMatter struct {
	// Title of the report.
	Title string `toml:"title"`
	// Date is the publication date: a TOML date (2025-08-08), a datetime,
	// or a string in YYYY-MM-DD form. Omit it to have the date inferred.
	Date any `toml:"date"`
	// Source is the outlet that published the report.
	Source string `toml:"source"`
	// URL is where the report was published.
	URL string `toml:"url"`
}

// ParseArticle reads one article from its file content. rel is its path
// relative to the site folder, used for the ID and in Problems.
func ParseArticle(rel string, src []byte) (*Article, error) {
	if !utf8.Valid(src) {
		return nil, Problem{File: rel, Line: invalidUTF8Line(src), Message: "not valid UTF-8 text"}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, Problem{File: rel, Line: bytes.Count(src[:bytes.IndexByte(src, 0)], []byte("\n")) + 1, Message: "contains a NUL byte: is this a binary file?"}
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	fm, body, bodyLine, err := splitFrontMatter(rel, src)
	if err != nil {
		return nil, err
	}
	var meta FrontMatter
	if err := decodeTOML(rel, fm, 1, &meta); err != nil {
		return nil, err
	}
	a := &Article{
		ID:       Slug(strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel))),
		File:     rel,
		Title:    strings.TrimSpace(meta.Title),
		Source:   strings.TrimSpace(meta.Source),
		URL:      strings.TrimSpace(meta.URL),
		Body:     body,
		BodyLine: bodyLine,
	}
	if a.Title == "" {
		return nil, Problem{File: rel, Line: 1, Message: "front matter has no title", Hint: `add title = "..."`}
	}
	if meta.Date != nil {
		t, err := parsePublished(meta.Date)
		if err != nil {
			return nil, Problem{File: rel, Line: keyLine(fm, []string{"date"}) + 1, Message: err.Error()}
		}
		a.Published = t
	}
	a.Text = text.FromMarkdown(body)
	a.Sentences = text.Sentences(a.Text)
	return a, nil
}

// splitFrontMatter separates the +++ delimited TOML front matter from the body.
func splitFrontMatter(rel string, src []byte) (fm string, body []byte, bodyLine int, err error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return "", nil, 0, Problem{File: rel, Line: 1, Message: "empty file"}
	}
	lines := strings.SplitAfter(string(src), "\n")
	if strings.TrimSpace(lines[0]) != "+++" {
		return "", nil, 0, Problem{File: rel, Line: 1, Message: "no front matter: the file must start with a +++ line",
			Hint: "put title, date, source and url between two +++ lines"}
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "+++" {
			fm = strings.Join(lines[1:i], "")
			rest := strings.Join(lines[i+1:], "")
			return fm, []byte(rest), i + 2, nil
		}
	}
	return "", nil, 0, Problem{File: rel, Line: 1, Message: "front matter is not closed: no second +++ line"}
}

func parsePublished(v any) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		return dates.Day(d.Year(), d.Month(), d.Day()), nil
	case string:
		t, err := time.Parse("2006-01-02", strings.TrimSpace(d))
		if err != nil {
			return time.Time{}, fmt.Errorf("date %q is not a calendar date in YYYY-MM-DD form", d)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date must be a date like 2025-08-08, not %T", v)
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
// ASCII letters, digits and single dashes. It never returns "" or a
// name starting with a dot.
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
		return "article"
	}
	return b.String()
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
