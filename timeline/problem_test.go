package timeline

import "testing"

func TestProblemError(t *testing.T) {
	cases := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "content/a.md", Message: "empty file"}, "content/a.md: empty file"},
		{Problem{File: "content/a.md", Line: 3, Message: "bad"}, "content/a.md:3: bad"},
		{Problem{File: "content/a.md", Line: 3, Col: 7, Message: "bad", Hint: "fix it"}, "content/a.md:3:7: bad (fix it)"},
		{Problem{File: "content/a.md", Col: 7, Message: "no line"}, "content/a.md: no line"},
		// a TOML error quoting the input's carriage return (found by FuzzParseArticle)
		{Problem{File: "content/fuzz.md", Line: 2, Col: 3, Message: "not a binary number: '0b\r'"}, `content/fuzz.md:2:3: not a binary number: '0b\r'`},
		{Problem{File: "content/a.md", Message: "a\nb\x1bc\u2028d\te", Hint: "é…"}, `content/a.md: a\nb\x1bc\u2028d\te (é…)`},
	}
	for _, c := range cases {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.p, got, c.want)
		}
	}
}
