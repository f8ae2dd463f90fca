package timeline

import (
	"strings"
	"testing"
)

// marked returns the words of s with phrase as the date mark.
func marked(s, phrase string) []string {
	i := strings.Index(s, phrase)
	return markDate(s, i, i+len(phrase))
}

func join(ws []string) string { return strings.ReplaceAll(strings.Join(ws, " "), dateMark, "@") }

func TestTitleRules(t *testing.T) {
	cases := []struct {
		rule       string
		in, phrase string
		want       string
		apply      func([]string) []string
	}{
		{"dropDate", "In a statement on August 12, Zelensky spoke.", "August 12", "In a statement, Zelensky spoke.", dropDate},
		{"dropDate", "They met in 2021, which was late.", "2021", "They met, which was late.", dropDate},
		{"dropDate", "Terms will be agreed tomorrow (Friday) because", "tomorrow (Friday)", "Terms will be agreed because", dropDate},
		{"dropAsides", "We cannot refuse (due to sanctions) now, he said.", "now", "We cannot refuse @, he said.", func(ws []string) []string { return ws }},
		{"dropDateline", "ANCHORAGE, Alaska — Trump met Putin on Friday.", "Friday", "Trump met Putin on @.", dropDateline},
		{"dropDateline", "NATO — the alliance met on Friday.", "Friday", "the alliance met on @.", dropDateline},
		{"dropDateline", "Trump — the president — met on Friday.", "Friday", "Trump — the president — met on @.", dropDateline},
		{"dropLeadAdjuncts", "On Wednesday, he reassured allies.", "Wednesday", "he reassured allies.", dropLeadAdjuncts},
		{"dropLeadAdjuncts", "In a subsequent statement on August 12, Zelensky spoke.", "August 12", "Zelensky spoke.", dropLeadAdjuncts},
		{"dropLeadAdjuncts", "However, the talks began on Monday.", "Monday", "the talks began on @.", dropLeadAdjuncts},
		{"dropLeadAdjuncts", "In Geneva the talks began on Monday.", "Monday", "In Geneva the talks began on @.", dropLeadAdjuncts},
		{"clauseOf relative", "The conflict in Ukraine, which began in early 2022, has killed thousands.", "early 2022", "The conflict in Ukraine began in @, has killed thousands.", clauseOf},
		{"clauseOf relative that", "a resolution to the conflict that escalated in February 2022.", "February 2022", "the conflict escalated in @.", clauseOf},
		{"clauseOf complement", "Trump announced on Friday that he and Putin will meet on August 15 to talk.", "August 15", "he and Putin will meet on @ to talk.", clauseOf},
		{"clauseOf main", "Trump announced on Friday that he and Putin will meet on August 15.", "Friday", "Trump announced on @", clauseOf},
		{"clauseOf subordinate", "It is the biggest step since the war began in 2022.", "2022", "the war began in @.", clauseOf},
		{"clauseOf verbless", "A moment since their summit in 2021, which took place in Geneva.", "2021", "their summit in @ took place in Geneva.", clauseOf},
		{"clauseOf reported", "On May 1, Kallas stressed that any deal must include Ukraine.", "May 1", "Kallas stressed any deal must include Ukraine.", func(ws []string) []string { return clauseOf(dropLeadAdjuncts(ws)) }},
		{"dropAttribution", "the talks will resume next week, officials said.", "next week", "the talks will resume @,", dropAttribution},
		{"dropAttribution", "Officials said that the talks resume next week.", "next week", "the talks resume @.", dropAttribution},
		{"dropHedges", "the upcoming summit and their most recent talks", "talks", "summit and their @", func(ws []string) []string { return dropHedges(ws[1:]) }},
		{"dropHedges", "The most recent summit took place", "place", "summit took @", dropHedges},
		{"headlineVerb past", "Trump and Putin met in Anchorage", "Anchorage", "Trump and Putin meet in @", hv},
		{"headlineVerb singular", "Zelensky characterized the meeting as a victory", "victory", "Zelensky characterizes the meeting as a @", hv},
		{"headlineVerb plan", "Trump and Putin are scheduled to meet in Alaska", "Alaska", "Trump and Putin meet in @", hv},
		{"headlineVerb meet with", "Trump is set to meet with Putin in Anchorage", "Anchorage", "Trump meets Putin in @", hv},
		{"headlineVerb will", "Trump and Putin will convene in Alaska", "Alaska", "Trump and Putin convene in @", hv},
		{"headlineVerb light verb", "Trump made an announcement regarding the meeting", "meeting", "Trump announces the @", hv},
		{"headlineVerb participle", "The deal signed collapsed in 2021", "2021", "The deal signed collapses in @", hv},
		{"headlineVerb unsure", "Witkoff visited Russia", "Russia", "Witkoff visited @", hv},
		{"headlineVerb singular head", "The last dialogue between Trump and Putin occurred via phone", "phone", "The last dialogue between Trump and Putin occurs via @", hv},
		{"cutTail purpose", "Trump and Putin meet in Alaska to discuss the war", "war", "Trump and Putin meet in Alaska", ct},
		{"cutTail place kept", "Witkoff travels to Moscow for talks", "talks", "Witkoff travels to Moscow for @", ct},
		{"cutTail participle", "Leaders met in Anchorage for talks aimed at ending the war", "war", "Leaders met in Anchorage for talks", ct},
		{"cutTail modifier", "Kallas stressed any deal aimed at ending the war must include Ukraine", "Ukraine", "Kallas stressed any deal must include @", ct},
		{"cutTail second verb", "He reassured allies on a call and expressed support", "support", "He reassured allies on a call", ct},
		{"cutTail comma", "The war began, killing thousands", "thousands", "The war began,", ct},
		{"dropPlaceQualifiers", "Trump met Putin in Anchorage, Alaska for talks", "talks", "Trump met Putin in Anchorage for @", dropPlaceQualifiers},
		{"dropPlaceQualifiers", "Trump, Putin and Xi met in Anchorage", "Anchorage", "Trump, Putin and Xi met in @", dropPlaceQualifiers},
	}
	for _, tc := range cases {
		if got := join(tc.apply(marked(tc.in, tc.phrase))); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.rule, tc.in, got, tc.want)
		}
	}
}

func hv(ws []string) []string { out, _ := headlineVerb(ws); return out }

func ct(ws []string) []string { return cutTail(ws, verbIndex(ws)) }

func TestResolveSubject(t *testing.T) {
	persons := map[string]bool{"Trump": true, "Putin": true, "Kallas": true}
	cases := []struct{ before, title, want string }{
		{"Donald Trump spoke to Vladimir Putin. Kallas agreed.", "she reassured allies", "Kallas reassured allies"},
		{"Donald Trump spoke. Later,", "he reassured allies", "Trump reassured allies"},
		{"A call between Trump and Vladimir Putin ended. Since", "their summit took place", "Trump and Putin's summit took place"},
		{"Nobody is named here.", "he reassured allies", "he reassured allies"},
		{"Trump spoke.", "the war began as he spoke", "the war began as he spoke"},
	}
	for _, tc := range cases {
		person, pair := namesBefore(tc.before, persons)
		if got := strings.Join(resolveSubject(strings.Fields(tc.title), person, pair), " "); got != tc.want {
			t.Errorf("after %q: %q → %q, want %q", tc.before, tc.title, got, tc.want)
		}
	}
}

// TestTitles runs the whole title maker on sentences of news.
func TestTitles(t *testing.T) {
	cases := []struct{ sentence, phrase, want string }{
		{"ANCHORAGE, Alaska — US President Donald Trump and Russian President Vladimir Putin met in Anchorage, Alaska on Friday for high-stakes talks aimed at ending the war.", "Friday", "Trump and Putin meet in Anchorage for high-stakes talks"},
		{"On Wednesday, he reassured Ukraine and European allies on a call that Kyiv must be involved.", "Wednesday", "Trump reassures Ukraine and European allies on a call"},
		{"On August 8, Trump made an announcement regarding the meeting while signing a declaration.", "August 8", "Trump announces the meeting"},
		{"The conflict in Ukraine, which began in early 2022, has resulted in thousands of casualties.", "early 2022", "Conflict in Ukraine begins"},
		{"French President Emmanuel Macron will travel to Beijing on Monday to meet Xi Jinping, his office said.", "Monday", "Macron travels to Beijing"},
		{"“We will not sign anything on Friday,” Zelensky told reporters.", "Friday", "We will not sign"},
	}
	for _, tc := range cases {
		a := art("x", "2025-08-14", "Donald Trump spoke. "+tc.sentence)
		mn := at(t, a, tc.phrase, 0, "2025-08-15", "test")
		m := newMerger([]*Article{a}, []Mention{mn})
		m.persons["Trump"], m.persons["Macron"] = true, true
		m.solo["Trump"], m.solo["Putin"], m.solo["Macron"] = true, true, true
		got, _, _, _ := m.titleFrom(&m.cands[0])
		if got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.sentence, got, tc.want)
		}
	}
}
