package timeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"time"
)

// Incremental builds a site again and again, as `timeline serve` does
// after every change, redoing only what changed: an article whose file
// is unchanged is neither re-read nor re-resolved, and its parsed
// article and mentions are reused by the merge and the checks, which
// always run over the whole site. The merge keeps what it read of the
// text between builds (see MergeCache), so it too redoes only the
// reading of the changed articles.
//
// A file counts as unchanged while its size and modification time are
// the ones it had when it was read and it was not named to Invalidate.
// The builder reads no clock, so the Chronology it returns is the one
// Build would return for the same files.
//
// A Chronology it returned is never changed by a later Build, so it can
// still be read (serve renders its pages on request) while the next one
// is built. An Incremental is not safe for concurrent use.
type Incremental struct {
	dir   string
	abs   string // dir made absolute, to match absolute names in Invalidate
	files map[string]*cachedFile
	merge MergeCache
	// last is the Chronology the last Build returned and what it was
	// made from; nil before a build.
	last *lastBuild
	// Stats describes what the last Build did.
	Stats IncrementalStats
}

// lastBuild is a Chronology and everything assemble made it from.
type lastBuild struct {
	c        *Chronology
	cfg      Config
	articles []*Article // the cached articles themselves: unchanged ones keep their pointer
	warnings []Problem
	opts     options // only the fields that change what is built (see sameInput)
}

// sameInput reports whether a build from cfg, articles (none of them
// resolved again) and warnings with the options o would assemble what
// l was assembled from. The mentions need no comparing: an article that
// is the same pointer and was not resolved again has the same ones.
func (l *lastBuild) sameInput(cfg Config, articles []*Article, warnings []Problem, o *options) bool {
	return l != nil &&
		l.opts.releaseText == o.releaseText && l.opts.renderHTML == o.renderHTML && l.opts.releaseMarkdown == o.releaseMarkdown &&
		slices.Equal(l.articles, articles) &&
		reflect.DeepEqual(l.cfg, cfg) &&
		reflect.DeepEqual(l.warnings, warnings)
}

// IncrementalStats counts what one Incremental.Build did.
type IncrementalStats struct {
	// Files is the number of article files found; Parsed how many of
	// them were read and parsed again; Resolved how many articles were
	// resolved again (a changed file, or an article whose ID changed).
	Files, Parsed, Resolved int
	// Unchanged is true when nothing the chronology is made from had
	// changed (a file saved with the same bytes, a theme edited): Build
	// returned the last Chronology again, with no merge and no checks.
	Unchanged bool
}

// cachedFile is what the builder remembers of one content file.
type cachedFile struct {
	size    int64
	modTime time.Time
	src     []byte
	dirty   bool     // named to Invalidate since it was read
	article *Article // nil when the file could not be parsed
	baseID  string   // the article's ID as parsed, before it is made unique
	problem Problem  // why it could not be parsed
	// mentions were resolved with the article's ID set to id.
	mentions []Mention
	id       string
	resolved bool
	failed   *Problem // the resolver failed on it (see resolveGuarded)
}

// NewIncremental returns a builder for the site folder dir. Nothing is
// read until the first Build.
func NewIncremental(dir string) *Incremental {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return &Incremental{dir: dir, abs: abs, files: map[string]*cachedFile{}}
}

// Invalidate makes the next Build re-read the named files, whatever
// their size and time say. Names are paths relative to the site
// folder, or absolute paths inside it; names of other files are ignored.
func (b *Incremental) Invalidate(names ...string) {
	for _, n := range names {
		rel := n
		if filepath.IsAbs(n) {
			r, err := filepath.Rel(b.abs, n)
			if err != nil {
				continue
			}
			rel = r
		}
		if cf := b.files[filepath.ToSlash(filepath.Clean(rel))]; cf != nil {
			cf.dirty = true
		}
	}
}

// Build loads the configuration, re-reads the articles that changed
// since the last Build, and merges and checks the whole site. It fails
// only when LoadSite would: no such folder, or a bad config.toml.
// The options are LoadSite's: WithStats records the stages of this
// build ("load" counts the files checked, "resolve" the articles
// resolved again), Workers sets the parallelism.
func (b *Incremental) Build(opts ...Option) (*Chronology, error) {
	o := newOptions(opts)
	info, err := os.Stat(b.dir)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("site folder %s is not a folder", b.dir)
	}
	cfg, err := LoadConfig(b.dir)
	if err != nil {
		return nil, err
	}
	b.Stats = IncrementalStats{}
	// The Markdown is kept: files are compared with it. An article
	// kept from a build with another markup setting keeps its HTML;
	// the pages parse its Markdown again.
	bo := o.body(cfg)
	bo.release = false
	var rels []string
	var warnings []Problem
	// Files are checked, and read and parsed when changed, on every
	// core; each result is kept at its file's index and the rest is done
	// in file order, so the output does not depend on the parallelism.
	type loaded struct {
		cf     *cachedFile
		parsed bool
		err    error
	}
	var res []loaded
	o.stats.Measure("load", "files", func() (int, int64) {
		rels, warnings = contentFiles(b.dir)
		res = make([]loaded, len(rels))
		forEach(len(rels), o.workers, func(i int) {
			r := &res[i]
			r.cf, r.parsed, r.err = b.load(rels[i], b.files[rels[i]], bo)
		})
		var n int64
		for _, r := range res {
			if r.parsed {
				n += int64(len(r.cf.src))
			}
		}
		return len(rels), n
	})
	b.Stats.Files = len(rels)
	files := make(map[string]*cachedFile, len(rels))
	var kept, resolve []*cachedFile // kept: the site's articles, in file order
	ids := map[string]bool{}
	for i, rel := range rels {
		r := res[i]
		if r.err != nil {
			warnings = append(warnings, asProblem(rel, r.err))
			continue
		}
		files[rel] = r.cf
		if r.parsed {
			b.Stats.Parsed++
		}
		if r.cf.article == nil {
			warnings = append(warnings, r.cf.problem)
			continue
		}
		warnings = append(warnings, r.cf.article.Warnings...)
		// IDs depend on the other files (two files may slug alike), so
		// they are handed out again, in file order, on every build.
		id := uniqueID(r.cf.baseID, ids)
		if r.cf.article.ID != id {
			// A copy: the last build's Chronology, which may still be
			// read (serve renders its pages on request), keeps its own.
			a := *r.cf.article
			a.ID = id
			r.cf.article = &a
		}
		kept = append(kept, r.cf)
		if !r.cf.resolved || r.cf.id != id {
			resolve = append(resolve, r.cf)
		}
	}
	b.files = files
	b.Stats.Resolved = len(resolve)
	o.stats.Measure("resolve", "articles", func() (int, int64) {
		forEach(len(resolve), o.workers, func(i int) {
			cf := resolve[i]
			cf.mentions, cf.failed = resolveGuarded(cf.article)
			cf.id = cf.article.ID
			cf.resolved = true
		})
		return len(resolve), 0
	})
	// the site's articles and mentions, in file order, each slice made
	// at its size (a site's mentions are megabytes: growing them by
	// appending copies them again and again)
	articles := make([]*Article, 0, len(kept))
	nmentions := 0
	for _, cf := range kept {
		articles = append(articles, cf.article)
		nmentions += len(cf.mentions)
		if cf.failed != nil { // after the load's warnings, as Build has them
			warnings = append(warnings, *cf.failed)
		}
	}
	if len(resolve) == 0 && b.last.sameInput(cfg, articles, warnings, o) {
		b.Stats.Unchanged = true
		return b.last.c, nil
	}
	mentions := make([]Mention, 0, nmentions)
	for _, cf := range kept {
		mentions = append(mentions, cf.mentions...)
	}
	// The same stages as Build after resolving; TestIncremental checks
	// that the result is Build's.
	o.merge = &b.merge
	c := assemble(cfg, articles, mentions, warnings, o)
	b.last = &lastBuild{c: c, cfg: cfg, articles: articles, warnings: warnings,
		opts: options{releaseText: o.releaseText, renderHTML: o.renderHTML, releaseMarkdown: o.releaseMarkdown}}
	return c, nil
}

// Reassemble makes the next Build merge and check the site again even
// when nothing it is made from changed, instead of returning the last
// Chronology. `timeline serve` uses it to warm its caches up.
func (b *Incremental) Reassemble() { b.last = nil }

// load returns the state of the file rel, given what was cached of it
// (cf, or nil): cf itself when the file's size and time are the ones it
// had when read and it was not invalidated, or when it was read again
// with the same bytes; else the file read and parsed again (parsed is
// true), its body made as bo says. It changes nothing but cf's size,
// time and dirty mark, so files can be loaded at once.
func (b *Incremental) load(rel string, cf *cachedFile, bo bodyOptions) (_ *cachedFile, parsed bool, _ error) {
	path := filepath.Join(b.dir, filepath.FromSlash(rel))
	info, err := os.Stat(path)
	if err != nil {
		return nil, false, Problem{File: rel, Message: "cannot read: " + ioCause(err)}
	}
	if cf != nil && !cf.dirty && cf.size == info.Size() && cf.modTime.Equal(info.ModTime()) {
		return cf, false, nil
	}
	// Read as LoadSite reads it: the same size limit, the same problems.
	src, err := readArticle(b.dir, rel)
	if err != nil {
		return nil, false, err
	}
	if cf != nil && bytes.Equal(cf.src, src) {
		// Touched but not changed: keep the work done.
		cf.size, cf.modTime, cf.dirty = info.Size(), info.ModTime(), false
		return cf, false, nil
	}
	cf = &cachedFile{size: info.Size(), modTime: info.ModTime(), src: src}
	a, err := parseGuarded(rel, src, bo)
	if err != nil {
		cf.problem = asProblem(rel, err)
	} else {
		cf.article = a
		cf.baseID = a.ID
	}
	return cf, true, nil
}
