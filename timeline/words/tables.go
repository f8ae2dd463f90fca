package words

import "strings"

// Stopword reports whether a lower-case word carries no content for
// telling happenings apart: function words, reporting verbs ("said",
// "told") and hedges that every news story uses.
func Stopword(lower string) bool { return stopwords[lower] }

var stopwords = set(`a about above across after again against all almost along also although always am among an and another any anyone anything are around as at away
back be because been before being below between both but by can cannot could did do does doing done down during each either else even ever every
few for from further had has have having he her here hers herself him himself his how however i if in into is it its itself just least less like
many may me meanwhile might more most much must my myself near neither no nor not now of off often on once one only onto or other others our ours
out over own per perhaps quite rather same several shall she should since so some such than that the their theirs them themselves then there these
they this those though through thus to too toward towards under until up upon us very via was we were what whatever when where whether which while who
whom whose why will with within without would yet you your yours additionally also apparently further furthermore moreover nevertheless nonetheless
ultimately meanwhile subsequent
say says said saying tell tells told according report reports reported reporting reportedly claim claims claimed state states stated statement
remark remarked note noted add added mention mentioned indicate indicated indicating suggest suggested
mr mrs ms dr new news ongoing upcoming potential possible current recent latest former
`)

// calendar words are the date phrase's own words: they say when, not what.
var calendar = set(`monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
today tomorrow yesterday tonight day days week weeks weekend month months year years decade decades century hour hours minute minutes
morning afternoon evening night noon midnight earlier later last next previous coming past ago early late mid gmt utc bst cet est edt pst pdt
spring summer autumn fall winter quarter`)

// irregular past forms and participles of verbs common in news.
var irregular = map[string]string{
	"met": "meet", "began": "begin", "begun": "begin", "held": "hold", "told": "tell", "spoke": "speak", "spoken": "speak",
	"took": "take", "taken": "take", "went": "go", "gone": "go", "came": "come", "made": "make", "won": "win",
	"lost": "lose", "fought": "fight", "struck": "strike", "left": "leave", "ran": "run", "saw": "see", "seen": "see",
	"gave": "give", "given": "give", "found": "find", "sent": "send", "led": "lead", "fell": "fall", "fallen": "fall",
	"broke": "break", "broken": "break", "chose": "choose", "chosen": "choose", "wrote": "write", "written": "write",
	"flew": "fly", "flown": "fly", "arose": "arise", "arisen": "arise", "shot": "shoot", "hit": "hit", "quit": "quit",
	"sought": "seek", "brought": "bring", "bought": "buy", "thought": "think", "kept": "keep", "stood": "stand",
	"became": "become", "rose": "rise", "risen": "rise", "drew": "draw", "drawn": "draw", "withdrew": "withdraw",
	"withdrawn": "withdraw", "knew": "know", "known": "know", "grew": "grow", "grown": "grow", "paid": "pay",
	"laid": "lay", "sold": "sell", "signed": "sign", "killed": "kill", "died": "die", "dies": "die", "dying": "die",
	"talks": "talk", "news": "news", "arms": "arm", "forces": "force",
}

// concepts folds news synonyms onto one key, so that "the summit",
// "talks" and "will meet" compare equal. Keys are stems (see Stem).
var concepts = map[string]string{
	// meeting
	"summit": "meet", "talk": "meet", "conven": "meet", "encounter": "meet", "meet": "meet", "negotiat": "meet", "negotiation": "meet",
	// war
	"conflict": "war", "invasion": "war", "invad": "war", "fight": "war", "hostility": "war", "war": "war", "warfar": "war",
	// beginning
	"start": "begin", "begin": "begin", "launch": "begin", "erupt": "begin",
	// phone call
	"phon": "call", "call": "call", "telephon": "call",
	// announcement
	"announc": "announc", "unveil": "announc", "declar": "announc",
	// visit
	"visit": "visit", "trip": "visit", "tour": "visit",
	// ceasefire
	"ceasefir": "ceasefir", "truce": "ceasefir", "armistic": "ceasefir",
	// election
	"election": "vote", "vot": "vote", "ballot": "vote", "poll": "vote",
}

// implies adds a second key to words that carry two ideas: an
// invasion is the start of a war ("the war began" and "Russia's
// invasion" tell one happening).
var implies = map[string]string{"invasion": "begin", "invad": "begin", "outbreak": "war"}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
