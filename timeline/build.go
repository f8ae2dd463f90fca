package timeline

import "time"

// Build runs the stages after loading: it infers missing publication
// dates, resolves every article, merges the mentions into events and
// checks the result. It reads no clock: the same site gives the same
// Chronology, whatever the options.
//
// Articles are resolved on several goroutines at once (see Workers);
// the mentions are still gathered in article order.
func Build(site *Site, opts ...Option) *Chronology {
	o := newOptions(opts)
	var mentions []Mention
	warnings := site.Warnings
	o.stats.Measure("resolve", "articles", func() (int, int64) {
		var failed []Problem
		mentions, failed = resolveAll(site.Articles, o)
		if len(failed) > 0 {
			warnings = append(warnings[:len(warnings):len(warnings)], failed...)
		}
		return len(site.Articles), textBytes(site.Articles)
	})
	if o.releaseText {
		// The spans were read only to find each mention's sentence.
		for _, a := range site.Articles {
			a.Sentences = nil
		}
	}
	c := assemble(site.Config, site.Articles, mentions, warnings, o)
	if o.releaseText {
		c.releaseText()
	}
	return c
}

// assemble runs the stages after resolving, for Build and the
// incremental builder alike: it merges the mentions into events and
// checks the resulting Chronology.
func assemble(cfg Config, articles []*Article, mentions []Mention, warnings []Problem, o *options) *Chronology {
	var merged MergeResult
	o.stats.Measure("merge", "mentions", func() (int, int64) {
		// mentions is this build's own (Build's and Incremental's make
		// it for the build): the events take their mentions from it.
		merged = o.merge.mergeAll(articles, mentions, cfg, true)
		return len(mentions), 0
	})
	c := &Chronology{
		Config:   cfg,
		Articles: articles,
		Events:   merged.Events,
		Unplaced: merged.Unplaced,
		Warnings: warnings,
	}
	o.stats.Measure("check", "events", func() (int, int64) {
		c.Findings = append(Check(c), merged.Findings...)
		return len(c.Events), 0
	})
	return c
}

// resolveAll is ResolveAll with options: a worker pool over the
// articles, each result stored at its article's index and joined in
// article order, so the output does not depend on the parallelism.
// failed are the articles the resolver failed on (see resolveGuarded),
// in article order.
func resolveAll(articles []*Article, o *options) (mentions []Mention, failed []Problem) {
	per := make([][]Mention, len(articles))
	probs := make([]*Problem, len(articles))
	var took []time.Duration
	if o.stats != nil {
		took = make([]time.Duration, len(articles))
	}
	progress := o.counter("resolve", len(articles))
	forEach(len(articles), o.workers, func(i int) {
		var start time.Time
		if took != nil {
			start = time.Now() // for --stats only; never reaches the output
		}
		per[i], probs[i] = resolveGuarded(articles[i])
		if took != nil {
			took[i] = time.Since(start)
		}
		progress.step()
	})
	if took != nil {
		o.stats.noteSlowest(articles, took)
	}
	for _, p := range probs {
		if p != nil {
			failed = append(failed, *p)
		}
	}
	n := 0
	for _, ms := range per {
		n += len(ms)
	}
	if n == 0 {
		return nil, failed
	}
	// Joined on every core: at 100,000 articles the mentions are half a
	// gigabyte, which one goroutine copied in 3.8 s (write barriers
	// included, the collector being busy with the heap just built).
	mentions = make([]Mention, n)
	at := make([]int, len(per))
	n = 0
	for i, ms := range per {
		at[i] = n
		n += len(ms)
	}
	forEach(len(per), o.workers, func(i int) {
		copy(mentions[at[i]:], per[i])
		per[i] = nil
	})
	return mentions, failed
}

// textBytes is the size of the articles' plain text, for MB/s.
func textBytes(articles []*Article) int64 {
	var n int64
	for _, a := range articles {
		n += int64(len(a.Text))
	}
	return n
}
