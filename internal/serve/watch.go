package serve

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher watches the parts of a site folder a build reads: config.toml,
// content/ and themes/, with every folder below them (fsnotify does not
// watch subfolders by itself, so each is added, and new ones as they appear).
type watcher struct {
	site string
	fw   *fsnotify.Watcher
}

// watchedRoots are the names at the top of a site folder whose changes
// call for a rebuild.
var watchedRoots = map[string]bool{"config.toml": true, "content": true, "themes": true}

func newWatcher(site string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{site: site, fw: fw}
	// The site folder itself, to see config.toml, content/ and themes/
	// being created, replaced or renamed (editors often save by rename).
	if err := fw.Add(site); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range []string{"content", "themes"} {
		w.addTree(filepath.Join(site, d))
	}
	return w, nil
}

// addTree watches dir and every folder below it; missing folders are skipped.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return fs.SkipDir
			}
			w.fw.Add(p)
		}
		return nil
	})
}

func (w *watcher) close() error { return w.fw.Close() }

// relevant reports whether a change to path calls for a rebuild, and
// returns its path relative to the site.
func (w *watcher) relevant(path string) (string, bool) {
	rel, err := filepath.Rel(w.site, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if !watchedRoots[parts[0]] {
		return "", false
	}
	if ignored(parts[len(parts)-1]) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// ignored reports whether a file name is an editor's or the system's
// scratch file: hidden files, backups (name~), Vim's swap and probe
// files, Emacs lock files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || name == "4913"
}

// run collects file events until stop is closed and calls rebuild with
// the changed paths once no event came for the debounce interval.
func (w *watcher) run(debounce time.Duration, stop <-chan struct{}, rebuild func(...string), report func(error)) {
	pending := map[string]bool{}
	timer := time.NewTimer(debounce)
	timer.Stop()
	for {
		select {
		case <-stop:
			timer.Stop()
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				w.addTree(ev.Name) // a new folder: watch it and what is in it
			}
			pending[rel] = true
			timer.Reset(debounce)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			report(err)
		case <-timer.C:
			names := make([]string, 0, len(pending))
			for n := range pending {
				names = append(names, n)
			}
			sort.Strings(names)
			clear(pending)
			rebuild(names...)
		}
	}
}
