// Package timeline is the model and pipeline of the timeline tool: it
// loads a site folder (config.toml and content/*.md), resolves every
// date phrase of every article against that article's publication
// date, merges the dated mentions of all articles into events, and
// checks the result. Build runs the stages; each stage is a function of
// the one before and can be used alone.
//
//	LoadSite → Resolve (per article) → Merge → Check → Chronology
//
// Rendering the Chronology to files is the job of package render.
package timeline
