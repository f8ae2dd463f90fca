package timeline

import (
	"time"

	"github.com/timeline-news/timeline/timeline/text"
)

// Article is one news report of a site, read from content/.
type Article struct {
	// ID is the article's stable identifier: its file name without .md,
	// made safe for URLs.
	ID string
	// File is the article's path relative to the site folder, with forward slashes.
	File string
	// Title, Source and URL come from the front matter.
	Title, Source, URL string
	// Published is the publication day (midnight UTC); zero when neither
	// stated nor inferable.
	Published time.Time
	// PublishedInferred is true when Published was inferred from the text.
	PublishedInferred bool
	// Window is the inferred publication window (inclusive days) when
	// PublishedInferred; Inference says what it was inferred from.
	Window    [2]time.Time
	Inference []string
	// Body is the Markdown body after the front matter; BodyLine is the
	// 1-based line of the file where it starts.
	Body     []byte
	BodyLine int
	// HTML is Body rendered to HTML by the parse that made Text, when
	// the site was loaded with the option RenderHTML (else nil), with
	// the place of each of its text runs in Text (see text.HTML): the
	// pages mark the phrases in it without parsing Body again.
	HTML *text.HTML
	// Text is the plain text of Body (see package text); Sentences are spans of it.
	Text      string
	Sentences []text.Span
	// Warnings are problems found while reading the article that did
	// not stop it being used (an unsafe URL dropped, say).
	Warnings []Problem
}

// Mention is one dated statement: a date phrase in a sentence of an
// article, resolved to a TIMEX3 value, with how it was resolved.
type Mention struct {
	// Article is the ID of the article the phrase is in.
	Article string
	// Sentence is the text of the sentence the phrase is in;
	// SentenceStart its byte offset in the article's Text.
	Sentence      string
	SentenceStart int
	// Start and End are the phrase's byte offsets in the article's Text.
	Start, End int
	// Phrase is the date phrase as written.
	Phrase string
	// Type, Value and Mod are the TIMEX3 type, value and modifier.
	Type, Value, Mod string
	// Rule names the resolver rule that produced Value; Tense the tense it used.
	Rule, Tense string
	// Anchor is the date Value was resolved against (YYYY-MM-DD);
	// AnchorInferred is true when it is an inferred publication date.
	Anchor         string
	AnchorInferred bool
	// Note explains a reading the resolver had to choose, if any.
	Note string
}

// Event is one happening, dated, with every mention that reports it.
type Event struct {
	// ID is stable across rebuilds and new articles.
	ID string
	// Date and Mod are the event's TIMEX3 value and modifier: the most
	// precise date its mentions support.
	Date, Mod string
	// Precision is the precision of Date ("day", "month", "year", ...).
	Precision string
	// Title is a short readable title made from the mentions.
	Title string
	// Mentions are the dated statements of the event, in article then text order.
	Mentions []Mention
	// Sources are the IDs of the articles that mention the event, sorted.
	Sources []string
	// Flags mark what a reader should look at ("conflict", "single-source", "inferred-date").
	Flags []string
	// Independent is the number of independent sources: wire copies of
	// one story under several mastheads count once.
	Independent int
	// Significance scores how central the event is to the story
	// (independent sources, mentions, how long it kept being cited);
	// Key is true for the events a reader should see first.
	Significance float64
	Key          bool
	// FirstReported and LastReported are the earliest and latest
	// publication dates (YYYY-MM-DD) of the articles that mention it.
	FirstReported, LastReported string
	// Announced is the first publication date (YYYY-MM-DD) of an article
	// that reported the event before its date, as a plan; "" if none did.
	Announced string
	// Conflicts lists the differing dates sources give for this event, if any.
	Conflicts []Conflict
	// Manual is set for an event added by hand in config.toml; Note and
	// Link are the journalist's note and link for it (or any curated event).
	Manual     bool
	Note, Link string
}

// Conflict is one date, different from the event's, that some mentions give.
type Conflict struct {
	// Value is the TIMEX3 value these mentions give.
	Value string
	// Mentions are the indexes into Event.Mentions that give Value.
	Mentions []int
	// Moved is true when the date changed between reports over time
	// (announced for one day, later reported for another) rather than
	// sources disagreeing at the same time.
	Moved bool
}

// Chronology is the result of a build: every article, every event in
// chronological order, and everything worth a reader's attention.
type Chronology struct {
	Config   Config
	Articles []*Article
	Events   []*Event
	// Unplaced are mentions that are not events: durations, sets,
	// vague references and phrases that could not be placed on the calendar.
	Unplaced []Mention
	// Warnings are problems with the input that did not stop the build.
	Warnings []Problem
	// Findings are what `timeline check` reports.
	Findings []Finding
}

// Finding is one thing a journalist should look at.
type Finding struct {
	// Kind is "conflict", "single-source", "inferred-date", "missing-date",
	// "unresolved", "ambiguous" or "stale-override".
	Kind string
	// Event and Article name what the finding is about, when it is about one.
	Event, Article string
	// Message says it in plain words.
	Message string
}
