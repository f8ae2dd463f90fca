// Package dates finds temporal expressions in English news text and
// resolves them to TimeML TIMEX3 values, anchored on a document's
// publication date.
//
// The package is pure: no I/O, no clock reads, safe for concurrent use.
// Every Expr records the rule that produced it and the anchor it was
// resolved against, so a reader can check each step.
package dates
