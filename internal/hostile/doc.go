// Package hostile holds the end-to-end safety test of timeline: it builds
// a site whose articles, titles, sources, URLs, file names and config
// values are full of injection attempts (script tags, event handlers,
// javascript:/vbscript:/data: links, spreadsheet formulas, line breaks in
// iCalendar and CSV, CDATA and comment terminators), checks every output
// file, format by format, and loads every page in headless Chromium to
// assert that no injected script runs. See docs/SAFETY.md.
//
// The package has no code of its own; run its test with
//
//	go test ./internal/hostile
package hostile
