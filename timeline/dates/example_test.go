package dates_test

import (
	"fmt"
	"time"

	"github.com/timeline-news/timeline/timeline/dates"
)

func ExampleResolve() {
	text := "On Wednesday, he reassured allies. The leaders will meet Friday, three and a half years into the war."
	anchor := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC) // a Thursday
	for _, e := range dates.Resolve(text, anchor) {
		fmt.Printf("%q %s %s (%s)\n", e.Text, e.Type, e.Value, e.Rule)
	}
	// Output:
	// "Wednesday" DATE 2025-08-13 (weekday-past)
	// "Friday" DATE 2025-08-15 (weekday-future)
	// "three and a half years" DURATION P3Y6M (duration)
}

func ExampleInferAnchor() {
	text := "On August 8, Trump announced the meeting. Zelensky spoke on August 12. The two will meet on August 15, 2025."
	inf, ok := dates.InferAnchor(text)
	fmt.Println(ok, dates.DayValue(inf.Earliest), dates.DayValue(inf.Latest))
	for _, e := range inf.Evidence {
		fmt.Println(e)
	}
	// Output:
	// true 2025-08-12 2025-08-14
	// year from the latest full date: "August 15, 2025" (2025)
	// latest past date reported: "spoke on August 12" (2025-08-12)
	// announced as still to come: "meet on August 15, 2025" (2025-08-15)
}

func ExampleDisplay() {
	fmt.Println(dates.Display("2025-08-15", ""))
	fmt.Println(dates.Display("2022", "START"))
	fmt.Println(dates.Display("2025-W33", ""))
	// Output:
	// Fri 15 Aug 2025
	// early 2022
	// week 33, 2025
}
