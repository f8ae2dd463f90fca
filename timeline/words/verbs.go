package words

import "strings"

// Base returns the base form of a past-tense verb as news writes it
// ("met" → "meet", "reassured" → "reassure", "visited" → "visit") and
// true, or "" and false when the word is not a past form it can undo
// safely. Irregular verbs come from a table; regular -ed forms are
// undone only where the spelling tells the base (a doubled final
// consonant, -ied, a cluster of two consonants, or an ending that
// always takes a silent e: -ated, -ized, -ured, -uced, -ved, -nced).
func Base(past string) (string, bool) {
	w := strings.ToLower(past)
	if b, ok := irregularBase[w]; ok {
		return b, true
	}
	if !strings.HasSuffix(w, "ed") || len(w) < 5 {
		return "", false
	}
	stem := w[:len(w)-2]
	n := len(stem)
	last, prev := stem[n-1], stem[n-2]
	switch {
	case strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y", true
	case last == prev && strings.IndexByte("bgmnprt", last) >= 0:
		return stem[:n-1], true // planned, stopped, occurred
	case last == prev: // called, stressed, added
		return stem, true
	}
	for _, e := range silentE {
		if strings.HasSuffix(stem, e) {
			return stem + "e", true // created, characterized, reassured, announced, urged, moved
		}
	}
	if isVowel(prev) && last == 'y' || last == 'w' {
		return stem, true // played, deployed, allowed
	}
	if !isVowel(last) && !isVowel(prev) && last != 'y' {
		return stem, true // started, warned, signed, attacked
	}
	return "", false // visited, opened, convened: the e is a guess
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// Third returns the third person singular present of a base form:
// "meet" → "meets", "reach" → "reaches", "say" → "says", "carry" → "carries".
func Third(base string) string {
	switch {
	case base == "be":
		return "is"
	case base == "have":
		return "has"
	case base == "do" || base == "go":
		return base + "es"
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z") ||
		strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "sh"):
		return base + "es"
	case len(base) > 2 && strings.HasSuffix(base, "y") && !isVowel(base[len(base)-2]):
		return base[:len(base)-1] + "ies"
	}
	return base + "s"
}

// irregularBase maps irregular past forms news uses to their base.
var irregularBase = map[string]string{
	"met": "meet", "began": "begin", "held": "hold", "told": "tell", "spoke": "speak", "took": "take", "went": "go",
	"came": "come", "made": "make", "won": "win", "lost": "lose", "fought": "fight", "struck": "strike", "left": "leave",
	"ran": "run", "saw": "see", "gave": "give", "found": "find", "sent": "send", "led": "lead", "fell": "fall",
	"broke": "break", "chose": "choose", "wrote": "write", "flew": "fly", "arose": "arise", "shot": "shoot",
	"sought": "seek", "brought": "bring", "bought": "buy", "thought": "think", "kept": "keep", "stood": "stand",
	"became": "become", "rose": "rise", "drew": "draw", "withdrew": "withdraw", "knew": "know", "grew": "grow",
	"paid": "pay", "laid": "lay", "sold": "sell", "said": "say", "was": "be", "were": "be", "had": "have", "did": "do",
	"hit": "hit", "quit": "quit", "put": "put", "set": "set", "cut": "cut", "let": "let", "hurt": "hurt", "spread": "spread",
	"overtook": "overtake", "undertook": "undertake", "swore": "swear", "wore": "wear",
	"woke": "wake", "froze": "freeze", "forgave": "forgive", "forbade": "forbid", "oversaw": "oversee", "upheld": "uphold",
}

// silentE are the endings of a regular past stem whose base ends in a
// silent e: creat-ed, characteriz-ed, reassur-ed, reduc-ed, announc-ed.
var silentE = []string{"at", "iz", "ur", "uc", "v", "ag", "ud", "ut", "as", "os", "is", "rc", "nc", "rg", "ang", "eng", "dg", "ic", "ys", "ps", "ns", "rs", "ls"}
