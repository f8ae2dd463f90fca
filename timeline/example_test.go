package timeline_test

import (
	"fmt"

	"github.com/timeline-news/timeline/timeline"
)

// Example builds the example site of this repository (its config.toml
// and content/ folder) and prints its chronology: each event's date,
// title and how many reports date it.
func Example() {
	site, err := timeline.LoadSite("..")
	if err != nil {
		panic(err)
	}
	c := timeline.Build(site)
	fmt.Println(len(c.Articles), "articles,", len(c.Events), "events,", len(c.Warnings), "warnings")
	for _, e := range c.Events {
		fmt.Printf("%s %s (%d)\n", e.Date, e.Title, len(e.Sources))
	}
	// Output:
	// 5 articles, 9 events, 0 warnings
	// 2021 Trump and Putin's summit takes place in Geneva under Joe Biden's administration (1)
	// 2022-02 Conflict escalates with Russia's invasion (3)
	// 2025-02 Last direct dialogue between Trump and Putin occurs via phone (1)
	// 2025-08-06 Meeting initiative arises during the visit of Steve Vitkoff to Russia (1)
	// 2025-08-08 Trump announces the meeting (2)
	// 2025-08-10 Kaja Kallas stresses any agreement must include both Ukraine and the EU (1)
	// 2025-08-12 Zelensky characterizes the Trump-Putin meeting on U.S. soil as a personal victory (1)
	// 2025-08-13 Trump reassures Ukraine and European allies on a call (1)
	// 2025-08-15 Trump and Putin meet in Alaska (5)
}
