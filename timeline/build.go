package timeline

// Build runs the stages after loading: it infers missing publication
// dates, resolves every article, merges the mentions into events and
// checks the result. It reads no clock: the same site gives the same
// Chronology.
func Build(site *Site) *Chronology {
	mentions := ResolveAll(site.Articles)
	events, unplaced := Merge(site.Articles, mentions, site.Config)
	c := &Chronology{
		Config:   site.Config,
		Articles: site.Articles,
		Events:   events,
		Unplaced: unplaced,
		Warnings: site.Warnings,
	}
	c.Findings = Check(c)
	return c
}

// Check lists what a journalist should look at in a chronology.
func Check(c *Chronology) []Finding {
	var out []Finding
	for _, a := range c.Articles {
		switch {
		case a.Published.IsZero():
			out = append(out, Finding{Kind: "missing-date", Article: a.ID,
				Message: a.File + " has no publication date and none could be inferred; its relative dates are not resolved"})
		case a.PublishedInferred:
			out = append(out, Finding{Kind: "inferred-date", Article: a.ID,
				Message: a.File + " has an inferred publication date"})
		}
	}
	return out
}
