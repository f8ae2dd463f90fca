package render

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/timeline-news/timeline/render/internal/fixture"
	"github.com/timeline-news/timeline/timeline"
)

// screenshotDir is where the browser test saves its screenshots when
// run with -update (docs/SITE.md and the README show them); without
// -update they go to a temporary folder, so a test run leaves the
// working tree as it was.
const screenshotDir = "../docs/screenshots"

// findChromium returns the path of a Chromium or Chrome binary: $CHROME,
// else the first of the usual names on $PATH.
func findChromium() string {
	if p := os.Getenv("CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// serve serves a site written in memory, as a static host would:
// folders give their index.html, unknown paths 404.html with status 404.
func serve(files memWriter, base string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, strings.TrimSuffix(base, "/"))
		p = strings.TrimPrefix(p, "/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, ok := files[p]
		if !ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(files["404.html"])
			return
		}
		switch filepath.Ext(p) {
		case ".html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		case ".css":
			w.Header().Set("Content-Type", "text/css")
		case ".js":
			w.Header().Set("Content-Type", "text/javascript")
		case ".svg":
			w.Header().Set("Content-Type", "image/svg+xml")
		}
		w.Write(data)
	}))
}

// TestBrowser drives a real Chromium over the built sites: no console
// errors on any page kind, the filters work and survive a reload, and
// screenshots at 390 and 1280 px wide are taken (and land in
// docs/screenshots with -update).
func TestBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found and CI=true: install the Debian packages chromium and chromium-driver, or set $CHROME")
		}
		t.Skip("no Chromium found: install chromium (apt-get install chromium chromium-driver) or set $CHROME to run the browser test")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	site, err := timeline.LoadSite("..")
	if err != nil {
		t.Fatal(err)
	}
	example := timeline.Build(site)
	summit, err := fixture.Summit("..")
	if err != nil {
		t.Fatal(err)
	}
	const base = "/sub/path/"
	exSrv := serve(writeMem(t, example, Options{BaseURL: base, SiteDir: ".."}), base)
	defer exSrv.Close()
	suSrv := serve(writeMem(t, summit, Options{BaseURL: base, SiteDir: ".."}), base)
	defer suSrv.Close()

	// A fresh profile; not t.TempDir, whose cleanup fails when Chromium's
	// helpers are still writing to it as the browser exits.
	profile, err := os.MkdirTemp("", "timeline-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0],
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	var problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				problems = append(problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Error())
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError {
				problems = append(problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err := chromedp.Run(ctx, log.Enable(), runtime.Enable()); err != nil {
		t.Fatal(err)
	}
	visit := func(url string) {
		t.Helper()
		problems = problems[:0]
		if err := chromedp.Run(ctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		chromedp.Run(ctx, chromedp.Sleep(100*time.Millisecond))
		for _, p := range problems {
			t.Errorf("%s: %s", url, p)
		}
	}

	// Every kind of page of the example site loads without a console error.
	pages := []string{"", "sources/", "checks/", "about/"}
	if len(example.Events) > 0 {
		pages = append(pages, "events/"+example.Events[0].ID+"/")
	}
	if len(example.Articles) > 0 {
		pages = append(pages, "articles/"+example.Articles[0].ID+"/")
	}
	for _, p := range pages {
		visit(exSrv.URL + base + p)
	}

	// Filtering, on the hand-made chronology that has every feature.
	visible := `document.querySelectorAll("li.event:not([hidden])").length`
	var total, shown int
	var search, hidden string
	var formHidden bool
	visit(suSrv.URL + base)
	must(t, chromedp.Run(ctx,
		chromedp.Evaluate(`document.getElementById("filters").hidden`, &formHidden),
		chromedp.Evaluate(visible, &total)))
	if formHidden {
		t.Fatal("the script did not show the filter form")
	}
	must(t, chromedp.Run(ctx,
		chromedp.Evaluate(`(function(){var s=document.getElementById("f-source"); s.value="mezha-translated"; s.dispatchEvent(new Event("change",{bubbles:true})); return true})()`, nil),
		chromedp.Evaluate(visible, &shown),
		chromedp.Evaluate(`location.search`, &search)))
	if shown == 0 || shown >= total {
		t.Errorf("filter by source shows %d of %d events", shown, total)
	}
	if !strings.Contains(search, "source=mezha-translated") {
		t.Errorf("filter state not in the URL: %q", search)
	}
	var after int
	var value string
	must(t, chromedp.Run(ctx, chromedp.Reload(), chromedp.WaitReady("body"),
		chromedp.Evaluate(visible, &after), chromedp.Value("#f-source", &value, chromedp.ByQuery)))
	if after != shown || value != "mezha-translated" {
		t.Errorf("after a reload: %d events shown (want %d), source %q", after, shown, value)
	}
	// Key events only, and a text search, from a shared link.
	visit(suSrv.URL + base + "?only=key&q=anchorage")
	must(t, chromedp.Run(ctx, chromedp.Evaluate(visible, &shown),
		chromedp.Evaluate(`document.querySelector("li.event:not([hidden]) .event-title").textContent`, &hidden)))
	if shown != 1 || !strings.Contains(hidden, "Anchorage") {
		t.Errorf("?only=key&q=anchorage shows %d events (%q), want the Anchorage summit only", shown, hidden)
	}
	visit(suSrv.URL + base + "?only=conflict")
	must(t, chromedp.Run(ctx, chromedp.Evaluate(visible, &shown)))
	if shown != 1 {
		t.Errorf("?only=conflict shows %d events, want 1", shown)
	}

	// Screenshots of the example site, phone and desktop.
	shotDir := t.TempDir()
	if *update {
		shotDir = screenshotDir
	}
	if err := os.MkdirAll(shotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct {
		name, page string
		width      int64
	}{{"index-390.png", "", 390}, {"index-1280.png", "", 1280}}
	if len(example.Events) > 0 {
		last := example.Events[len(example.Events)-1]
		for _, e := range example.Events {
			if len(e.Sources) > len(last.Sources) {
				last = e
			}
		}
		shots = append(shots, struct {
			name, page string
			width      int64
		}{"event-1280.png", "events/" + last.ID + "/", 1280})
	}
	for _, s := range shots {
		var png []byte
		must(t, chromedp.Run(ctx, chromedp.EmulateViewport(s.width, 900),
			chromedp.Navigate(exSrv.URL+base+s.page), chromedp.WaitReady("body"),
			chromedp.FullScreenshot(&png, 100)))
		if err := os.WriteFile(filepath.Join(shotDir, s.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
