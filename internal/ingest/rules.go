package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// A lineRule recognises one kind of page furniture on a line of its own.
type lineRule struct {
	name  string
	match func(line string) bool
}

// lineRules drop single lines. Each is tested on its own in rules_test.go.
var lineRules = []lineRule{
	{"share buttons", isShare},
	{"download link", isDownload},
	{"categories or tags", isCategories},
	{"image credit", isImageCredit},
	{"photo caption", isPhotoCaption},
	{"comment prompt", isCommentPrompt},
}

// tailRules mark the end of the article: the line and everything after
// it is page furniture (related posts, comment sections, sign-offs).
var tailRules = []lineRule{
	{"related posts and what follows", isRelatedHeading},
	{"comment section and what follows", isCommentHeading},
	{"sign-off and what follows", isSignOff},
}

// norm lower-cases a line and folds its spaces, for matching.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

var shareWords = map[string]bool{
	"share": true, "shares": true, "tweet": true, "email": true, "e-mail": true, "print": true, "whatsapp": true,
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "telegram": true, "reddit": true,
	"pinterest": true, "messenger": true, "copy": true, "link": true, "this": true, "article": true, "story": true,
	"on": true, "via": true, "pocket": true, "flipboard": true, "threads": true, "bluesky": true,
}

// isShare: a line made only of sharing words ("Share this:", "Facebook
// Twitter WhatsApp", "Share on X"), or a share widget's slogan ("Spread the love").
func isShare(line string) bool {
	n := norm(line)
	switch n {
	case "spread the love", "share the love", "sharing is caring", "share this", "share this:", "share:":
		return true
	}
	words := strings.FieldsFunc(n, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|·•/,:", r)
	})
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	hasShare := false
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
		if w != "on" && w != "this" && w != "article" && w != "story" && w != "link" && w != "via" && w != "x" && w != "copy" {
			hasShare = true
		}
	}
	return hasShare
}

// isDownload: a short "Download ..." link ("Download IPFS", "Download PDF").
func isDownload(line string) bool {
	n := norm(line)
	return (strings.HasPrefix(n, "download ") || n == "download") && len(strings.Fields(n)) <= 4 &&
		!strings.ContainsAny(n, ".!?")
}

var categoriesRE = regexp.MustCompile(`^[\p{Pd}•|*\s]*(categories|category|tags|tagged|filed under|posted in|topics)\s*:`)

// isCategories: "Categories: ...", "Tags: ...", "Filed under: ..." lines.
func isCategories(line string) bool { return categoriesRE.MatchString(norm(line)) }

var imageCreditRE = regexp.MustCompile(`^(image|photo|picture|pic|featured image)s?\s*(source|credit|courtesy)?s?\s*(from|by)?\s*:`)

// isImageCredit: "image source from: ...", "Photo credit: ...", "Image: ...".
func isImageCredit(line string) bool { return imageCreditRE.MatchString(norm(line)) }

// isPhotoCaption: a "File photo: ..." caption ("FILE PHOTO - ...", "File image of ...").
func isPhotoCaption(line string) bool {
	n := norm(line)
	return strings.HasPrefix(n, "file photo") || strings.HasPrefix(n, "file image") || strings.HasPrefix(n, "file picture")
}

// isCommentPrompt: a comment form's prompts on a line of their own.
func isCommentPrompt(line string) bool {
	n := strings.TrimRight(norm(line), ".!: ")
	switch n {
	case "see what people are discussing", "join the conversation", "join the discussion", "add a comment",
		"post a comment", "write a comment", "be the first to comment", "no comments yet",
		"your email address will not be published", "cancel reply":
		return true
	}
	return strings.HasPrefix(n, "your email address will not be published")
}

var relatedRE = regexp.MustCompile(`^(related|more|recommended|similar|latest|popular|trending|read|also read|see also|you (may|might) also like)( (post|posts|article|articles|stories|story|news|reading|coverage|content|more))?( from [\w ]+)?$`)

// isRelatedHeading: a "Related posts", "You may also like", "Read more"
// heading; a heading, so it stands alone and has no sentence punctuation.
func isRelatedHeading(line string) bool {
	n := strings.TrimRight(norm(line), ":")
	return n != "more" && n != "read" && n != "latest" && relatedRE.MatchString(n)
}

var commentsRE = regexp.MustCompile(`^(\d+ )?(comments?|responses?|replies)( \(\d+\))?$|^leave a (reply|comment)|^(view|show|load) comments$|^comments are closed`)

// isCommentHeading: the heading of a comment section ("Comments", "3
// Comments", "Leave a Reply").
func isCommentHeading(line string) bool {
	return commentsRE.MatchString(strings.TrimRight(norm(line), ".!:"))
}

// isSignOff: a publisher's sign-off after the story ("Thank you for
// reading!", "Thanks for reading").
func isSignOff(line string) bool {
	n := norm(line)
	return strings.HasPrefix(n, "thank you for reading") || strings.HasPrefix(n, "thanks for reading")
}

var avatarRE = regexp.MustCompile(`^(author )?avatar([-_ ]?(icon|image|img|photo))?$|^author (image|photo|avatar)$`)

// isAvatar: the alt text of an author box's picture ("avatar-icon").
func isAvatar(line string) bool { return avatarRE.MatchString(norm(line)) }

var bylineRE = regexp.MustCompile(`^(?i:(?:report(?:ed)?|written|words|story|text|posted)\s+by|by)\s+(.+)$`)

// byline returns the name after "By", "Report by", ... on a short line
// without sentence punctuation; quoted names are unquoted. ok is false
// for a line that is not a byline ("By the end of the week, ...").
func byline(line string) (name string, ok bool) {
	m := bylineRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil || len(strings.Fields(line)) > 12 || strings.ContainsAny(strings.TrimRight(line, "."), ",.;!?") {
		return "", false
	}
	rest := strings.TrimSpace(m[1])
	if q := quoted(rest); q != "" {
		return q, true
	}
	first, _, _ := strings.Cut(rest, " ")
	if first == "" || !unicode.IsUpper([]rune(first)[0]) {
		return "", false
	}
	return rest, true
}

// quoted returns the first text between quotation marks in s, or "".
func quoted(s string) string {
	for _, q := range [][2]string{{"“", "”"}, {`"`, `"`}, {"«", "»"}, {"‘", "’"}} {
		if i := strings.Index(s, q[0]); i >= 0 {
			rest := s[i+len(q[0]):]
			if j := strings.Index(rest, q[1]); j > 0 {
				return strings.TrimSpace(rest[:j])
			}
		}
	}
	return ""
}

// isCredit: a bare agency or photographer credit under a caption
// ("Reuters", "AP Photo/Jane Doe"): a short line without sentence punctuation.
func isCredit(line string) bool {
	f := strings.Fields(line)
	return len(f) >= 1 && len(f) <= 4 && !strings.ContainsAny(line, ".!?,;:\"“”")
}
