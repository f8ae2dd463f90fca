package render

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// ManifestName is the file, inside the destination folder, that lists
// every file the last build wrote, one slash-separated path a line,
// sorted. Only files listed there are ever removed by a later build.
const ManifestName = ".timeline-manifest"

// stagingMarker is created inside every staging folder so that a
// leftover staging folder from a killed build can be told apart from a
// folder of the user's that happens to have the same name.
const stagingMarker = ".timeline-staging"

// Output writes a built site atomically: every file goes to a staging
// folder beside the destination, and Commit swaps the finished tree in
// whole. A build that fails or is killed before Commit leaves the
// previous site untouched.
//
// Files the user put in the destination themselves (a CNAME, a
// verification file: anything not in the previous build's manifest)
// are carried over into the new site. Files of the previous build that
// this build did not write are dropped. Nothing outside the
// destination is touched, apart from the staging folder
// (.timeline-staging-NAME) and, during the swap, the previous site
// moved aside (.timeline-old-NAME), both beside the destination.
//
// One build at a time may write to a destination.
type Output struct {
	dest    string // absolute, symlinks resolved
	staging string
	old     string
	mu      sync.Mutex         // guards written, folded, dirs and done: WriteFile runs on several goroutines
	written map[string]bool    // slash names written so far
	folded  map[string]string  // lower-cased name -> name, to catch case clashes
	dirs    map[string]*folder // staging folders made or being made
	done    bool
	// prev lists the files of the previous build (its manifest): one
	// that this build writes again with the same bytes is hard-linked
	// into the staging folder (see reuse). Read-only once open.
	prev map[string]bool
	// perm is the permissions of the files Create makes (0o644 less
	// the umask): a previous file is reused only with these.
	perm fs.FileMode
}

// OutputOption configures OpenOutput.
type OutputOption func(*outputConfig)

type outputConfig struct {
	protect []string
}

// Protect makes OpenOutput refuse a destination that would put siteDir
// at risk: siteDir itself, any folder containing it, or its content/
// folder or anything inside content/. An empty siteDir protects nothing.
func Protect(siteDir string) OutputOption {
	return func(c *outputConfig) {
		if siteDir != "" {
			c.protect = append(c.protect, siteDir)
		}
	}
}

// OpenOutput prepares to write a site into dest. It refuses dest when
// it is the file system root, the user's home folder or a folder
// containing it, or, with Protect(site), the site folder, a parent of
// it, or its content/ folder. A destination that is a symbolic link is
// followed: the build replaces the folder it points to.
func OpenOutput(dest string, opts ...OutputOption) (*Output, error) {
	var cfg outputConfig
	for _, o := range opts {
		o(&cfg)
	}
	if strings.TrimSpace(dest) == "" {
		return nil, errors.New("output: no destination folder given")
	}
	abs, err := resolvePath(dest)
	if err != nil {
		return nil, fmt.Errorf("output %s: %w", dest, err)
	}
	if err := checkDest(dest, abs, cfg); err != nil {
		return nil, err
	}
	parent, name := filepath.Split(abs)
	o := &Output{
		dest:    abs,
		staging: filepath.Join(parent, ".timeline-staging-"+name),
		old:     filepath.Join(parent, ".timeline-old-"+name),
		written: map[string]bool{},
		folded:  map[string]string{},
		dirs:    map[string]*folder{},
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output %s: %w", dest, err)
	}
	if err := o.recover(); err != nil {
		return nil, err
	}
	if info, err := os.Lstat(abs); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("output %s: exists and is not a folder", dest)
	}
	if err := removeStaging(o.staging); err != nil {
		return nil, err
	}
	if err := os.Mkdir(o.staging, 0o755); err != nil {
		return nil, fmt.Errorf("output: cannot create staging folder: %w", err)
	}
	marker := filepath.Join(o.staging, stagingMarker)
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		os.RemoveAll(o.staging)
		return nil, fmt.Errorf("output: %w", err)
	}
	if info, err := os.Stat(marker); err == nil {
		o.perm = info.Mode().Perm()
	}
	// A manifest that cannot be read reuses nothing; Commit reports it.
	if _, err := os.Lstat(abs); err == nil {
		o.prev, _ = readManifest(abs)
	}
	return o, nil
}

// resolvePath makes p absolute and resolves symbolic links in the part
// of it that exists, so that checks compare real folders.
func resolvePath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	abs = filepath.Clean(abs)
	// Resolve the longest existing prefix.
	rest := ""
	cur := abs
	for {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			if rest == "" {
				return real, nil
			}
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func checkDest(given, abs string, cfg outputConfig) error {
	refuse := func(why string) error {
		return fmt.Errorf("output: refusing to write the site into %s: %s", given, why)
	}
	if filepath.Dir(abs) == abs {
		return refuse("it is the root of the file system")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := resolvePath(home); err == nil && within(h, abs) {
			return refuse("it is your home folder or contains it")
		}
	}
	for _, site := range cfg.protect {
		s, err := resolvePath(site)
		if err != nil {
			return fmt.Errorf("output: site folder %s: %w", site, err)
		}
		switch {
		case abs == s:
			return refuse("it is the site folder (use public/ inside it)")
		case within(s, abs):
			return refuse("it contains the site folder " + site)
		case within(abs, filepath.Join(s, "content")):
			return refuse("it is the site's content/ folder or inside it")
		}
	}
	return nil
}

// recover puts back a previous site left aside by a build killed in
// the middle of the swap.
func (o *Output) recover() error {
	if _, err := os.Lstat(o.old); err != nil {
		return nil
	}
	if _, err := os.Lstat(o.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(o.old, o.dest); err != nil {
			return fmt.Errorf("output: cannot restore the previous site from %s: %w", o.old, err)
		}
		return nil
	}
	// Both exist: the swap finished but the old tree was not cleaned up.
	return cleanOld(o.old, o.dest)
}

// removeStaging removes a staging folder left by a killed build. It
// removes only a folder timeline made: one with the staging marker, one
// with a manifest (a build killed after it dropped the marker, just
// before the swap), or an empty one (killed before it wrote the marker).
func removeStaging(dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	ours := false
	for _, name := range []string{stagingMarker, ManifestName} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			ours = true
		}
	}
	if !ours {
		if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
			ours = true
		}
	}
	if !ours {
		return fmt.Errorf("output: %s exists and was not made by timeline; move it away", dir)
	}
	return os.RemoveAll(dir)
}

// Dest returns the absolute destination folder.
func (o *Output) Dest() string { return o.dest }

// WriteFile stages one file of the site. name is slash-separated and
// relative to the site root ("index.html", "events/2025-08-15.html").
// It rejects absolute names, "." and ".." segments, empty segments,
// backslashes, colons, control characters, names reserved by timeline
// (.timeline-*) or by Windows (CON, NUL, COM1, ...), and a name
// written before in this build, also when it differs only in case:
// two pages never overwrite each other.
//
// A file that the previous build wrote with the same bytes is not
// written again but hard-linked from the destination into the staging
// folder: an unchanged page then costs no new file, and removing the
// previous site once the new one is in place frees none of its data.
func (o *Output) WriteFile(name string, data []byte) error {
	dst, err := o.stage(name)
	if err != nil {
		return err
	}
	if o.prev[name] && o.reuse(name, dst, data) {
		return nil
	}
	f, err := create(name, dst)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", name, err)
	}
	return nil
}

// Create stages one file of the site to be written as a stream, for
// exports too large to hold in memory. It takes the names WriteFile
// takes; the caller writes the file and closes it.
func (o *Output) Create(name string) (io.WriteCloser, error) {
	dst, err := o.stage(name)
	if err != nil {
		return nil, err
	}
	return create(name, dst)
}

// stage checks and reserves name (see WriteFile), makes its folder in
// the staging folder, and returns the path to write it to.
func (o *Output) stage(name string) (string, error) {
	if err := CheckOutputName(name); err != nil {
		return "", err
	}
	dir, err := o.reserve(name)
	if err != nil {
		return "", err
	}
	if dir != nil {
		dir.once.Do(func() { dir.err = mkdir(dir.path) })
		if dir.err != nil {
			return "", fmt.Errorf("output %s: %w", name, dir.err)
		}
	}
	return filepath.Join(o.staging, filepath.FromSlash(name)), nil
}

// create makes the staged file dst of the output file name.
func create(name, dst string) (*os.File, error) {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output %s: %w", name, err)
	}
	return f, nil
}

// reuse hard-links the previous build's file name to dst, the staging
// path of name, when it is a regular file with the permissions Create
// gives and exactly the bytes data. It reports whether it did; when
// not, nothing is left at dst. Any failure (no such file, a file
// system without hard links) just means the file is written instead.
func (o *Output) reuse(name, dst string, data []byte) bool {
	src := filepath.Join(o.dest, filepath.FromSlash(name))
	info, ok := holds(src, data, o.perm)
	if !ok || os.Link(src, dst) != nil {
		return false
	}
	// What was linked must be the file compared: src could have been
	// replaced since, or be a symbolic link, which Link does not follow.
	if linked, err := os.Lstat(dst); err != nil || !os.SameFile(info, linked) {
		os.Remove(dst)
		return false
	}
	return true
}

// holds reports whether the file at p is a regular file with the
// permissions perm and exactly the bytes data, and returns its info.
func holds(p string, data []byte, perm fs.FileMode) (fs.FileInfo, bool) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != perm || info.Size() != int64(len(data)) {
		return nil, false
	}
	bp := compareBuffers.Get().(*[]byte)
	defer compareBuffers.Put(bp)
	if cap(*bp) < len(data) {
		*bp = make([]byte, len(data))
	}
	b := (*bp)[:len(data)]
	if _, err := io.ReadFull(f, b); err != nil || !bytes.Equal(b, data) {
		return nil, false
	}
	return info, true
}

// compareBuffers hold the previous files read by holds.
var compareBuffers = sync.Pool{New: func() any { return new([]byte) }}

// mkdir makes the folder p and its missing parents. Most page folders
// have their parent already, so it tries one mkdir before MkdirAll,
// which first looks at p and each parent.
func mkdir(p string) error {
	if os.Mkdir(p, 0o755) == nil {
		return nil
	}
	return os.MkdirAll(p, 0o755)
}

// folder is a staging folder that the first write into it makes; the
// other writes into it wait for that.
type folder struct {
	path string
	once sync.Once
	err  error
}

// reserve records name as written, so no other call writes it or a
// name that differs only in case, and returns the folder to make for it
// (nil for the root).
func (o *Output) reserve(name string) (*folder, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return nil, fmt.Errorf("output %s: already committed or aborted", name)
	}
	if o.written[name] {
		return nil, fmt.Errorf("output %q: written twice in one build", name)
	}
	if prev, ok := o.folded[strings.ToLower(name)]; ok {
		return nil, fmt.Errorf("output %q: clashes with %q on case-insensitive file systems", name, prev)
	}
	o.written[name] = true
	o.folded[strings.ToLower(name)] = name
	d := path.Dir(name)
	if d == "." {
		return nil, nil
	}
	f := o.dirs[d]
	if f == nil {
		f = &folder{path: filepath.Join(o.staging, filepath.FromSlash(d))}
		o.dirs[d] = f
	}
	return f, nil
}

// CheckOutputName reports why name cannot be the name of an output
// file, or nil when it can. See Output.WriteFile for the rules.
func CheckOutputName(name string) error {
	bad := func(why string) error { return fmt.Errorf("output name %q: %s", name, why) }
	switch {
	case name == "":
		return bad("empty")
	case !utf8.ValidString(name):
		return bad("not valid UTF-8")
	case strings.HasPrefix(name, "/") || filepath.IsAbs(name):
		return bad("absolute path")
	case strings.ContainsRune(name, '\\'):
		return bad("contains a backslash")
	case strings.ContainsRune(name, ':'):
		return bad("contains a colon")
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return bad("contains a control character")
		}
	}
	for _, seg := range strings.Split(name, "/") {
		switch {
		case seg == "":
			return bad("empty path segment")
		case seg == "." || seg == "..":
			return bad("contains " + seg)
		case strings.HasPrefix(seg, ".timeline"):
			return bad("names starting with .timeline are reserved")
		case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
			return bad("segment ends with a dot or space")
		case windowsReserved(seg):
			return bad("reserved file name on Windows")
		}
	}
	return nil
}

func windowsReserved(seg string) bool {
	base := strings.ToUpper(seg)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimRight(base, " ")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return true
	}
	return false
}

// Written returns the names written so far, sorted.
func (o *Output) Written() []string {
	names := make([]string, 0, len(o.written))
	for n := range o.written {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Commit swaps the staged site into the destination. The user's own
// files in the destination are carried over; the previous build's
// files that this build did not write are dropped. On error the
// previous site is left in place.
func (o *Output) Commit() error {
	if !o.finish() {
		return errors.New("output: already committed or aborted")
	}
	if err := o.commit(); err != nil {
		os.RemoveAll(o.staging)
		return err
	}
	return nil
}

func (o *Output) commit() error {
	var manifest bytes.Buffer
	for _, n := range o.Written() {
		manifest.WriteString(n)
		manifest.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(o.staging, ManifestName), manifest.Bytes(), 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	_, err := os.Lstat(o.dest)
	destExists := err == nil
	if destExists {
		prev, err := readManifest(o.dest)
		if err != nil {
			return err
		}
		if err := o.carryOver(prev); err != nil {
			return err
		}
	}
	if err := os.Remove(filepath.Join(o.staging, stagingMarker)); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if !destExists {
		if err := os.Rename(o.staging, o.dest); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		return nil
	}
	// The swap: between these two renames the previous site is whole
	// at o.old, and the next OpenOutput puts it back if we die here.
	if err := os.Rename(o.dest, o.old); err != nil {
		return fmt.Errorf("output: cannot move the previous site aside: %w", err)
	}
	if err := os.Rename(o.staging, o.dest); err != nil {
		if rerr := os.Rename(o.old, o.dest); rerr != nil {
			return fmt.Errorf("output: %v; and the previous site could not be put back from %s: %v", err, o.old, rerr)
		}
		return fmt.Errorf("output: %w", err)
	}
	return cleanOld(o.old, o.dest)
}

// readManifest reads dir's manifest. A missing manifest is an empty one:
// then every file in dir is the user's.
func readManifest(dir string) (map[string]bool, error) {
	set := map[string]bool{}
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return set, nil
	}
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if CheckOutputName(line) == nil {
			set[line] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("output: reading %s: %w", ManifestName, err)
	}
	return set, nil
}

// carryOver copies into staging every entry of dest that the previous
// build did not write. A user file whose name this build also writes
// gives an error: the user's file is never replaced silently.
func (o *Output) carryOver(prev map[string]bool) error {
	// The folders the previous build made are its own: they are not
	// carried over as such, only as the parents of carried files.
	prevDirs := map[string]bool{}
	for name := range prev {
		for d := path.Dir(name); d != "." && !prevDirs[d]; d = path.Dir(d) {
			prevDirs[d] = true
		}
	}
	return filepath.WalkDir(o.dest, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if path == o.dest {
			return nil
		}
		rel, err := filepath.Rel(o.dest, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if name == ManifestName || prev[name] {
			return nil
		}
		target := filepath.Join(o.staging, rel)
		if d.IsDir() {
			if prevDirs[name] {
				return nil
			}
			if info, err := os.Lstat(target); err == nil && !info.IsDir() {
				return fmt.Errorf("output: your folder %s in %s has the name of a file this build writes; rename it", name, o.dest)
			}
			return os.MkdirAll(target, 0o755)
		}
		if _, err := os.Lstat(target); err == nil {
			return fmt.Errorf("output: %s in %s is not from a previous build (not in %s) and this build writes a file of that name; move it away or delete it", name, o.dest, ManifestName)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return copyEntry(path, target, d)
	})
}

// copyEntry copies a file or symbolic link, hard-linking when possible.
func copyEntry(src, dst string, d fs.DirEntry) error {
	if d.Type()&fs.ModeSymlink != 0 {
		link, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(link, dst)
	}
	if !d.Type().IsRegular() {
		return fmt.Errorf("output: %s is not a regular file; timeline cannot carry it over", src)
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	info, err := d.Info()
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// cleanOld removes the previous site moved aside to old, after the new
// site is in place at dest. It removes the files listed in old's
// manifest and the user's files already carried over to dest (same
// name, same size); anything else (a file the user added during the
// build) is moved into dest. Folders are removed only when empty.
func cleanOld(old, dest string) error {
	prev, err := readManifest(old)
	if err != nil {
		return err
	}
	var dirs []string
	err = filepath.WalkDir(old, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, path)
			return nil
		}
		rel, err := filepath.Rel(old, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if name == ManifestName {
			return nil // removed last: a cleanup killed midway must find it again
		}
		if prev[name] {
			return os.Remove(path)
		}
		if sameEntry(path, filepath.Join(dest, rel)) {
			return os.Remove(path)
		}
		target := filepath.Join(dest, rel)
		if _, err := os.Lstat(target); err == nil {
			return nil // keep it in old; never overwrite
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.Rename(path, target)
	})
	if err != nil {
		return fmt.Errorf("output: cleaning up the previous site in %s: %w", old, err)
	}
	if err := os.Remove(filepath.Join(old, ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("output: %w", err)
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		os.Remove(dirs[i]) // fails, harmlessly, when not empty
	}
	if _, err := os.Lstat(old); err == nil {
		return fmt.Errorf("output: some files of the previous site were kept in %s; check them and delete that folder", old)
	}
	return nil
}

// sameEntry reports whether a and b are the same file (hard links) or
// files/links with identical content.
func sameEntry(a, b string) bool {
	ia, err := os.Lstat(a)
	if err != nil {
		return false
	}
	ib, err := os.Lstat(b)
	if err != nil {
		return false
	}
	if os.SameFile(ia, ib) {
		return true
	}
	if ia.Mode().Type() != ib.Mode().Type() {
		return false
	}
	if ia.Mode()&fs.ModeSymlink != 0 {
		la, _ := os.Readlink(a)
		lb, _ := os.Readlink(b)
		return la == lb
	}
	if !ia.Mode().IsRegular() || ia.Size() != ib.Size() {
		return false
	}
	da, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	db, err := os.ReadFile(b)
	return err == nil && bytes.Equal(da, db)
}

// Abort drops the staged files; the destination is left as it was.
func (o *Output) Abort() error {
	if !o.finish() {
		return nil
	}
	return removeStaging(o.staging)
}

// finish marks the output done; false when it already was.
func (o *Output) finish() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return false
	}
	o.done = true
	return true
}
