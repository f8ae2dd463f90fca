// Package render writes a timeline.Chronology as a static site: HTML
// pages through html/template with the embedded default theme (which a
// site's own theme overrides file by file), and exports for other tools
// (JSON, CSV, iCalendar, TimelineJS, Atom).
package render
