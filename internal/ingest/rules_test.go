package ingest

import (
	"strings"
	"testing"
	"time"
)

// ruleCases checks one line rule: the lines it must match and those it must not.
func ruleCases(t *testing.T, name string, match func(string) bool, yes, no []string) {
	t.Helper()
	for _, l := range yes {
		if !match(l) {
			t.Errorf("%s(%q) = false, want true", name, l)
		}
	}
	for _, l := range no {
		if match(l) {
			t.Errorf("%s(%q) = true, want false", name, l)
		}
	}
}

func TestIsShare(t *testing.T) {
	ruleCases(t, "isShare", isShare,
		[]string{"Spread the love", "Share this:", "Share", "Facebook Twitter WhatsApp", "Share on Facebook", "Tweet", "Email | Print", "SHARE THIS ARTICLE"},
		[]string{"Share prices fell 3% on Monday.", "Twitter suspended the account.", "On this story", "Copy link", "X"})
}

func TestIsDownload(t *testing.T) {
	ruleCases(t, "isDownload", isDownload,
		[]string{"Download IPFS", "Download PDF", "download", "Download the app"},
		[]string{"Download speeds doubled across the country last year.", "Downloads", "He said: download it now."})
}

func TestIsCategories(t *testing.T) {
	ruleCases(t, "isCategories", isCategories,
		[]string{"– Categories: Breaking News", "Categories: World", "Tags: Ukraine, Russia", "Filed under: Politics", "Posted in: Europe"},
		[]string{"The categories of aid were not named.", "Tags were attached to the birds."})
}

func TestIsImageCredit(t *testing.T) {
	ruleCases(t, "isImageCredit", isImageCredit,
		[]string{"image source from:mezha", "Image source: Reuters", "Photo credit: AP", "Photo: Getty Images", "Images courtesy: the ministry"},
		[]string{"The image was shared widely.", "Photos showed the damage: roofs torn off."})
}

func TestIsPhotoCaption(t *testing.T) {
	ruleCases(t, "isPhotoCaption", isPhotoCaption,
		[]string{"File photo: the two leaders in 2018.", "FILE PHOTO - A view of the Kremlin", "File image of the harbour"},
		[]string{"The file was photographed.", "Filed photos show the site."})
}

func TestIsCommentPrompt(t *testing.T) {
	ruleCases(t, "isCommentPrompt", isCommentPrompt,
		[]string{"See what people are discussing", "Join the conversation", "Your email address will not be published. Required fields are marked *", "Be the first to comment!"},
		[]string{"People are discussing the plan in Kyiv.", "The conversation lasted two hours."})
}

func TestIsRelatedHeading(t *testing.T) {
	ruleCases(t, "isRelatedHeading", isRelatedHeading,
		[]string{"Related post", "Related Posts", "Related articles:", "Read more", "You may also like", "More stories", "Also read", "Latest news", "More from World"},
		[]string{"Related talks took place in Geneva.", "More", "Read", "More than 20 people died.", "Latest"})
}

func TestIsCommentHeading(t *testing.T) {
	ruleCases(t, "isCommentHeading", isCommentHeading,
		[]string{"Comments", "3 Comments", "Leave a Reply", "Leave a comment", "Comments (12)", "Comments are closed."},
		[]string{"Comments by the minister angered Kyiv.", "He left a reply on the table."})
}

func TestIsSignOff(t *testing.T) {
	ruleCases(t, "isSignOff", isSignOff,
		[]string{"Thank you for reading! For comprehensive news coverage visit Example.com", "Thanks for reading."},
		[]string{"He said thank you to the crowd.", "Thank you, Mr President, she said."})
}

func TestIsAvatar(t *testing.T) {
	ruleCases(t, "isAvatar", isAvatar,
		[]string{"avatar-icon", "Avatar", "author avatar", "avatar image", "Author photo"},
		[]string{"Avatar, the film, opened in 2009.", "The author"})
}

func TestIsCredit(t *testing.T) {
	ruleCases(t, "isCredit", isCredit,
		[]string{"Reuters", "AP Photo/Jane Doe", "Getty Images"},
		[]string{"Reuters reported the deal on Friday.", "", "A source: Reuters"})
}

func TestByline(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"By Jane Doe", "Jane Doe", true},
		{"Report by “Safarti Tarjuman” International News Desk", "Safarti Tarjuman", true},
		{"Written by \"Daily Planet\" staff", "Daily Planet", true},
		{"By the end of the week, talks had stalled.", "", false},
		{"by and large", "", false},
		{"Bystanders watched.", "", false},
	} {
		got, ok := byline(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("byline(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestDateLine(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"August 8, 2025", day(2025, 8, 8)},
		{"Aug. 8, 2025", day(2025, 8, 8)},
		{"Friday, August 15, 2025", day(2025, 8, 15)},
		{"15 August 2025", day(2025, 8, 15)},
		{"Published: 15 Aug 2025 10:32 GMT", day(2025, 8, 15)},
		{"Updated on August 15, 2025 | 4:05 pm EDT", day(2025, 8, 15)},
		{"2025-08-15", day(2025, 8, 15)},
		{"Published 2025-08-15T10:00:00Z", day(2025, 8, 15)},
		{"September 3rd, 2025", day(2025, 9, 3)},
		// Not date lines: no year, an impossible day, a sentence.
		{"August 8", time.Time{}},
		{"February 30, 2025", time.Time{}},
		{"August 8, 2025 was a Friday.", time.Time{}},
		{"On August 8, 2025, Trump announced the meeting.", time.Time{}},
	} {
		got, ok := dateLine(c.in)
		if !got.Equal(c.want) || ok != !c.want.IsZero() {
			t.Errorf("dateLine(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
}

func TestDateline(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"WASHINGTON, Aug. 15, 2025 (Reuters) — The president said...", day(2025, 8, 15)},
		{"KYIV, Ukraine, 15 August 2025 – Air raid sirens sounded.", day(2025, 8, 15)},
		{"ANCHORAGE, Alaska — US President Donald Trump met Putin.", time.Time{}},
		{"ANCHORAGE, Aug 15 (Reuters) - Trump met Putin.", time.Time{}},
		{"On August 15, 2025 — a Friday — they met.", time.Time{}},
	} {
		got, ok := dateline(c.in)
		if !got.Equal(c.want) || ok != !c.want.IsZero() {
			t.Errorf("dateline(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	ls := func(ss ...string) []line {
		var out []line
		for i, s := range ss {
			out = append(out, line{i + 1, s})
		}
		return out
	}
	for _, c := range []struct {
		name string
		in   []line
		want []string
	}{
		{"broken line joined", ls("The talks will focus on ceasefire measures and pathways toward a", "negotiated settlement."),
			[]string{"The talks will focus on ceasefire measures and pathways toward a negotiated settlement."}},
		{"open quotation runs on", ls("He said, “The answer is clear.", "No one will retreat.”", "Next."),
			[]string{"He said, “The answer is clear. No one will retreat.”", "Next."}},
		{"short runs become a list", ls("Intro sentence here.", "Summit at the base", "Trump expects a deal", "Zelensky not invited", "Then prose."),
			[]string{"Intro sentence here.", "- Summit at the base\n- Trump expects a deal\n- Zelensky not invited", "Then prose."}},
		{"two short lines stay paragraphs", ls("A subtitle line here", "Another short line"),
			[]string{"A subtitle line here", "Another short line"}},
		{"markdown starts escaped", ls("# not a heading.", "- not a list.", "1. not a list.", "+++"),
			[]string{`\# not a heading.`, `\- not a list.`, `1\. not a list.`, `\+++`}},
	} {
		got := paragraphs(c.in)
		if strings.Join(got, "\n\n") != strings.Join(c.want, "\n\n") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Menu\nWorld News\nLeaders meet in Geneva for talks\n\nThe leaders met on Monday in Geneva to discuss the war and its end, officials said.", "Leaders meet in Geneva for talks"},
		{"Top Stories\nLeaders meet in Geneva for talks\nByline text\nLeaders meet in Geneva for talks\nBody text of the story that is long enough to be prose, officials said today.", "Leaders meet in Geneva for talks"},
		{"The leaders met on Monday in Geneva. They talked for hours about the war and how it ends.", "The leaders met on Monday in Geneva"},
		{"", ""},
	} {
		if got := Parse(c.in).Title; got != c.want {
			t.Errorf("Parse(%q).Title = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseDropsAndListsFurniture(t *testing.T) {
	raw := "Headline of the day for testing\n\nPublished: 3 March 2024\n\nShare this:\nFacebook Twitter\n\n" +
		"The council voted on Tuesday to close the old bridge, the mayor said in a statement.\n\n" +
		"Work will start in the spring and last two years, officials said.\n\n" +
		"Related Posts\nAnother story\nYet another story\n"
	r := Parse(raw)
	if r.Title != "Headline of the day for testing" || !r.Date.Equal(time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("title %q date %v", r.Title, r.Date)
	}
	if len(r.Paragraphs) != 2 {
		t.Errorf("paragraphs %q", r.Paragraphs)
	}
	var rules []string
	for _, d := range r.Dropped {
		rules = append(rules, d.Rule)
	}
	want := "date line (used as the date),share buttons,share buttons,related posts and what follows"
	if strings.Join(rules, ",") != want {
		t.Errorf("dropped %q, want %q", rules, want)
	}
	if r.Dropped[len(r.Dropped)-1].Lines != 3 {
		t.Errorf("related posts: %d lines dropped, want 3", r.Dropped[len(r.Dropped)-1].Lines)
	}
	if got := Parse("No date anywhere in this story\n\nThey met on Friday, officials said, and will meet again next week in Rome.").Date; !got.IsZero() {
		t.Errorf("date %v invented", got)
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	got := string(Markdown(Meta{Title: "A \"quoted\" \\ title\x01", Source: "S", URL: "https://e.org/?a=1", Date: time.Date(2025, 8, 8, 0, 0, 0, 0, time.UTC)}, []string{"One.", "Two."}))
	want := "+++\ntitle = \"A \\\"quoted\\\" \\\\ title\\u0001\"\ndate = 2025-08-08\nsource = \"S\"\nurl = \"https://e.org/?a=1\"\n+++\n\nOne.\n\nTwo.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestAbbreviation(t *testing.T) {
	ruleCases(t, "abbreviation", abbreviation,
		[]string{"the U.S", "Mr", "said Gen", "J", "talks with Dr  ", "the\u2003St", "in Aug"},
		[]string{"", "   ", "the talks", "officials said", "x\u2003talks", "ended"})
}

func TestFirstSentence(t *testing.T) {
	cases := map[string]string{
		"Talks end. Then more.":              "Talks end",
		"Mr. Smith goes to Washington. Then": "Mr. Smith goes to Washington",
		"The U.S. team wins! Fans cheer.":    "The U.S. team wins!",
		"No period at all":                   "No period at all",
		"Is it over? Not yet.":               "Is it over?",
	}
	for in, want := range cases {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
