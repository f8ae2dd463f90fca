package dates

import "time"

// Type is the TIMEX3 type of an expression.
type Type string

// The TIMEX3 types.
const (
	TypeDate     Type = "DATE"
	TypeTime     Type = "TIME"
	TypeDuration Type = "DURATION"
	TypeSet      Type = "SET"
)

// Tense is the grammatical time reference the resolver read around an
// expression; it decides bare weekdays and yearless months.
type Tense string

// The tenses the resolver distinguishes.
const (
	TenseNone    Tense = ""
	TensePast    Tense = "past"
	TensePresent Tense = "present"
	TenseFuture  Tense = "future"
)

// Expr is one temporal expression found in a text and its resolution.
type Expr struct {
	// Start and End are byte offsets into the resolved text; Text is text[Start:End].
	Start, End int
	Text       string
	// Type is the TIMEX3 type.
	Type Type
	// Value is the TIMEX3 value: 2025-08-15, 2025-W33, 2025-02, 2021,
	// 199X, 2025-Q3, 2025-SU, 2025-08-15T19:00, P3Y6M, PRESENT_REF, XXXX-WXX-2.
	Value string
	// Mod is the TIMEX3 modifier (START, MID, END, APPROX, BEFORE, AFTER) or "".
	Mod string
	// Rule names the rule that produced the value, e.g. "weekday-past".
	Rule string
	// Tense is the tense the rule relied on, when it relied on one.
	Tense Tense
	// Anchor is the date the expression was resolved against.
	Anchor time.Time
	// Note explains a reading the resolver had to choose, e.g. an
	// ambiguous "next Friday" written on a Thursday; empty otherwise.
	Note string
}
