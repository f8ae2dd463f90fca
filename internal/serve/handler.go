package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/timeline-news/timeline/timeline"
)

// Paths the server answers itself. The leading underscore keeps them
// apart from the built site, whose files all come from slugs and theme
// names.
const (
	// EventsPath is the Server-Sent Events stream: one "build" event
	// with the build's number on connecting and after every build.
	EventsPath = "/_timeline/events"
	// ScriptPath is the live-reload script added to HTML pages.
	ScriptPath = "/_timeline/livereload.js"
)

//go:embed livereload.js
var reloadScript []byte

// scriptTag is what goes into every HTML page served. An external
// script, so that a theme's Content-Security-Policy of script-src
// 'self' still lets it run.
const scriptTag = `<script src="` + ScriptPath + `"></script>`

// Handler returns the server's HTTP handler: the files of the built
// site, the live-reload script and its event stream.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.serveEvents(w, r)
		return
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(reloadScript)
		return
	}
	name, ok := siteName(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	_, buildErr, problems, _ := s.state()
	if buildErr != nil && isPage(name) {
		s.serveError(w, buildErr)
		return
	}
	s.serveFile(w, r, name, problems)
}

// siteName turns a URL path into a slash-separated name inside the
// built site. It refuses any ".." segment, backslashes and NUL bytes
// rather than cleaning them away, and hidden files (the build's
// manifest), so that nothing outside the built site's own pages and
// assets can be named.
func siteName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	name := strings.TrimPrefix(p, "/")
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." || seg == "." || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, true
}

// isPage reports whether name is, or will be redirected to, an HTML page.
func isPage(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ""
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, problems []timeline.Problem) {
	site := s.current()
	if site == nil {
		http.Error(w, "the site has not been built yet", http.StatusServiceUnavailable)
		return
	}
	if !site.Has(name) {
		if site.Has(name + "/index.html") {
			// A folder: its index page, under a URL ending in a slash so
			// that the page's relative links work.
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, r)
		return
	}
	b, err := site.File(name)
	if err != nil {
		// A page the theme could not render: the build is fine, this
		// page is not.
		fmt.Fprintf(s.log, "%s: %v\n", name, err)
		if isPage(name) {
			s.serveError(w, err)
		} else {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if path.Ext(name) != ".html" {
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
		return
	}
	page := inject(b, problemBanner(problems))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(page)
}

// inject adds extra and the live-reload script before the page's last
// </body>, or at its end when it has none.
func inject(page []byte, extra string) []byte {
	add := extra + scriptTag
	// Always a new slice: page is the build's own copy, shared by every request.
	out := make([]byte, 0, len(page)+len(add))
	i := lastIndexFold(page, "</body>")
	if i < 0 {
		return append(append(out, page...), add...)
	}
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// lastIndexFold returns the index in page of the last instance of tag,
// matched without regard to ASCII case, or -1. tag is lower-case ASCII.
// It reads page in place: lowering a copy first would cost a copy of a
// large index page on every request, and would move the index wherever
// a character before the tag lowers to another number of bytes (the
// Kelvin sign to k, say).
func lastIndexFold(page []byte, tag string) int {
	for i := len(page) - len(tag); i >= 0; i-- {
		i = bytes.LastIndexByte(page[:i+1], tag[0])
		if i < 0 {
			return -1
		}
		if i+len(tag) <= len(page) && asciiFoldEqual(page[i:i+len(tag)], tag) {
			return i
		}
	}
	return -1
}

// asciiFoldEqual reports whether b is lower, with ASCII letters of
// either case.
func asciiFoldEqual(b []byte, lower string) bool {
	for i := range len(lower) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

var bannerTemplate = template.Must(template.New("banner").Parse(
	`<aside id="timeline-serve-problems" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;padding:.5em 1em;background:#fff4e5;color:#222;border-top:3px solid #c60;font:14px/1.4 system-ui,sans-serif;z-index:2147483647">` +
		`<strong>{{len .}} file{{if gt (len .) 1}}s{{end}} could not be read and {{if gt (len .) 1}}are{{else}}is{{end}} left out of this build:</strong>` +
		`<ul style="margin:.3em 0;padding-left:1.2em">{{range .}}<li><code>{{.Error}}</code></li>{{end}}</ul></aside>`))

// problemBanner lists the build's warnings over the page, or is empty.
func problemBanner(problems []timeline.Problem) string {
	if len(problems) == 0 {
		return ""
	}
	var b strings.Builder
	bannerTemplate.Execute(&b, problems)
	return b.String()
}

var errorTemplate = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2em auto;max-width:50em;padding:0 1em;color:#222}
pre{white-space:pre-wrap;background:#fdecea;border-left:4px solid #b00;padding:1em}</style></head>
<body><h1>The site could not be built</h1>
<pre>{{.}}</pre>
<p>Fix the file named above and save it: this page reloads by itself when the build succeeds.
The terminal running <code>timeline serve</code> shows the same error.</p>
</body></html>
`))

func (s *Server) serveError(w http.ResponseWriter, err error) {
	var b bytes.Buffer
	errorTemplate.Execute(&b, err.Error())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(inject(b.Bytes(), ""))
}

// serveEvents streams one "build" event now and one after every build,
// until the browser goes away or the server stops.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 1000\n\n")
	for {
		version, buildErr, _, next := s.state()
		status := "ok"
		if buildErr != nil {
			status = "error"
		}
		if _, err := fmt.Fprintf(w, "event: build\ndata: %d %s\n\n", version, status); err != nil {
			return
		}
		fl.Flush()
		select {
		case <-next:
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		}
	}
}
