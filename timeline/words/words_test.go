package words

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"meeting", "meet"}, {"meetings", "meet"}, {"met", "meet"}, {"meets", "meet"},
		{"announced", "announc"}, {"announcement", "announc"}, {"announces", "announc"}, {"announce", "announc"},
		{"planned", "plan"}, {"call", "call"}, {"calls", "call"}, {"press", "press"}, {"talks", "talk"},
		{"ministries", "ministry"}, {"crises", "cris"}, {"status", "status"}, {"war", "war"},
		{"convened", "conven"}, {"convenes", "conven"}, {"began", "begin"},
	} {
		if got := Stem(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldConcepts(t *testing.T) {
	for _, group := range [][]string{
		{"summit", "talks", "meeting", "met", "convened"},
		{"war", "conflict", "invasion"},
		{"began", "started", "launched"},
	} {
		want := Fold(group[0])
		for _, w := range group[1:] {
			if got := Fold(w); got != want {
				t.Errorf("Fold(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	if Fold("a") != "" {
		t.Error("one-letter words should fold to nothing")
	}
}

func TestTokens(t *testing.T) {
	s := "On Wednesday, U.S. President Donald Trump's envoy met Russia's leader in Anchorage, Alaska on August 15, 2025."
	var got []string
	for _, tok := range Tokens(s) {
		k := tok.Key
		if tok.Name {
			k += "*"
		}
		got = append(got, k)
	}
	want := "usa* president* donald* trump* envoy meet russia* leader anchorag* alaska*"
	if strings.Join(got, " ") != want {
		t.Errorf("Tokens = %q\nwant     %q", strings.Join(got, " "), want)
	}
	// A capitalised first word alone is not a name; stopwords are dropped.
	toks := Tokens("Officials said the talks failed.")
	if len(toks) != 3 || toks[0].Name || toks[1].Key != "meet" {
		t.Errorf("Tokens = %+v", toks)
	}
}

func TestTokensImplies(t *testing.T) {
	var keys []string
	for _, tok := range Tokens("the invasion") {
		keys = append(keys, tok.Key)
	}
	if strings.Join(keys, " ") != "war begin" {
		t.Errorf("invasion gives %v, want war and begin", keys)
	}
}

func ExampleTokens() {
	for _, tok := range Tokens("Trump and Putin will meet Friday in Alaska.") {
		fmt.Println(tok.Text, tok.Key, tok.Name)
	}
	// Output:
	// Trump trump false
	// Putin putin true
	// meet meet false
	// Alaska alaska true
}

func TestBase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"met", "meet"}, {"began", "begin"}, {"took", "take"}, {"reassured", "reassure"}, {"characterized", "characterize"},
		{"announced", "announce"}, {"escalated", "escalate"}, {"planned", "plan"}, {"occurred", "occur"}, {"stressed", "stress"},
		{"called", "call"}, {"started", "start"}, {"warned", "warn"}, {"signed", "sign"}, {"urged", "urge"}, {"moved", "move"},
		{"played", "play"}, {"allowed", "allow"}, {"carried", "carry"}, {"changed", "change"}, {"analysed", "analyse"}, {"collapsed", "collapse"}, {"licensed", "license"},
		{"visited", ""}, {"opened", ""}, {"convened", ""}, {"table", ""}, {"red", ""},
	} {
		got, ok := Base(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Base(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestThird(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"meet", "meets"}, {"reach", "reaches"}, {"stress", "stresses"}, {"say", "says"}, {"carry", "carries"},
		{"be", "is"}, {"have", "has"}, {"go", "goes"}, {"announce", "announces"},
	} {
		if got := Third(tc.in); got != tc.want {
			t.Errorf("Third(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMemoSameAsTokens(t *testing.T) {
	sents := []string{
		"On Wednesday, U.S. President Donald Trump's envoy met Russia's leader in Anchorage, Alaska on August 15, 2025.",
		"Officials said the talks failed.",
		"the invasion began; US and EU officials — in Brussels — said it was an outbreak of war.",
		"The Kremlin's envoy, Kirill Dmitriev, said Putin and Trump would meet. US talks: Monday's summit in Zürich?",
		"",
		"İstanbul'da ΣΟΦΊΑ говорит «Привет» 2025年 the 15th meeting of 1900GMT officials.",
	}
	var m Memo
	var buf []Token
	for pass := 0; pass < 2; pass++ { // the second pass reads from the memo
		for _, s := range sents {
			want := Tokens(s)
			buf = m.AppendTokens(buf[:0], s)
			if fmt.Sprint(buf) != fmt.Sprint(want) {
				t.Errorf("Memo.AppendTokens(%q) = %v\nwant %v", s, buf, want)
			}
		}
	}
}

func TestTrimRightDotsQuotes(t *testing.T) {
	for _, w := range []string{"", ".", "'", "’", "U.S.", "Russia’", "a.'’.", "’’", "x\xe2\x80", "x\x99", "word"} {
		if got, want := trimRightDotsQuotes(w), strings.TrimRight(w, ".'’"); got != want {
			t.Errorf("trimRightDotsQuotes(%q) = %q, want %q", w, got, want)
		}
	}
}

// refSplit is split as first written: a range loop over runes.
func refSplit(s string) []rawWord {
	var out []rawWord
	start := -1
	sentenceStart, afterBreak := true, true
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.TrimRight(s[start:end], ".'’")
		for _, p := range []string{"'s", "’s"} {
			w = strings.TrimSuffix(w, p)
		}
		if w != "" {
			out = append(out, rawWord{text: w, start: start, end: start + len(w), sentenceStart: sentenceStart, afterBreak: afterBreak})
		}
		sentenceStart, afterBreak = false, false
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '.') && start >= 0 && i+utf8.RuneLen(r) < len(s) && isLetterAt(s, i+utf8.RuneLen(r)):
		default:
			flush(i)
			switch {
			case r == '.' || r == '!' || r == '?' || r == '\n':
				sentenceStart, afterBreak = true, true
			case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' || r == '—' || r == '–':
				afterBreak = true
			}
		}
	}
	flush(len(s))
	return out
}

func TestSplitMatchesReference(t *testing.T) {
	pieces := []string{"U.S.", "Russia's", "Alaska’s", "don't", "talks.", "ÉTÉ", "Zürich", "2025", "İstanbul", "—", "–", "“", "”", "\"", ",", ";", ":", "(", ")", "!", "?", "\n", " ", ".", "'", "’", "\xff", "\xe2\x80", "a", "Putin", "ΣΟΦΊΑ", "15th", "1900GMT", "e.g.", "'s"}
	rng := rand.New(rand.NewSource(5))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(30); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) == 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if got, want := split(nil, s), refSplit(s); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("split(%q) = %v, want %v", s, got, want)
		}
	}
}
