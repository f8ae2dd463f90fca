// Package corpusgen writes deterministic, news-like benchmark sites for
// timeline: a config.toml and content/*.md articles of about 8 KB each,
// with the date phrases real reports use (weekdays read by tense,
// month-day, month-day-year, "next week", "last month", "in early
// 2022", durations, times such as "at 1900 GMT"), many outlets, wire
// copies under several mastheads and stories that run for months, so
// that every stage of a build has real work to do.
//
// Generate also writes gold.jsonl (see GoldFile and Phrase) next to
// config.toml: what every date phrase denotes and which story event it
// reports, so that merging can be scored (internal/mergeeval).
//
// The same Options always give the same bytes: the generator uses only
// its own seeded random source and reads no clock.
package corpusgen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Options choose the size, the random seed and the date density of a
// corpus.
type Options struct {
	// Articles is the number of articles to write (wire copies included).
	Articles int
	// Seed selects the corpus; the same seed gives the same bytes.
	Seed uint64
	// Dense writes the text of the first sessions' corpora, with about
	// twice as many date phrases per 8 KB as real news (one sentence in
	// two has one); it is kept so that figures measured on those corpora
	// can be compared. By default about one sentence in four has a date
	// phrase: 25-30 per 8 KB of text, the density of TempEval-3's news
	// (TestDateDensity).
	Dense bool
}

// File is one generated file: its path relative to the site folder,
// with forward slashes, and its content.
type File struct {
	Path string
	Data []byte
	// Gold lists the date phrases of an article and what each denotes
	// (see Phrase), in text order; nil for config.toml.
	Gold []Phrase
}

// Summary counts what a generation produced.
type Summary struct {
	// Articles and Bytes count the content files and their total size.
	Articles int
	Bytes    int64
	// Stories is the number of distinct stories the articles report;
	// WireCopies the articles that repeat another's body under a different masthead.
	Stories, WireCopies int
}

// Generate writes the site folder dir: config.toml and content/. It
// refuses a dir that already has a content/ folder, so it never mixes
// corpora or overwrites a real site.
func Generate(dir string, opts Options) (Summary, error) {
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		return Summary{}, fmt.Errorf("%s already has a content folder; choose an empty or new folder", dir)
	}
	made := map[string]bool{}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Summary{}, err
	}
	gold, err := newGoldWriter(filepath.Join(dir, GoldFile))
	if err != nil {
		return Summary{}, err
	}
	sum, err := Each(opts, func(f File) error {
		if err := gold.write(f.Gold); err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(p, f.Data, 0o644)
	})
	if cerr := gold.close(); err == nil {
		err = cerr
	}
	return sum, err
}

// Each generates the corpus in memory and calls emit for every file,
// config.toml first, then the articles in generation order. It stops
// at the first error emit returns.
func Each(opts Options, emit func(File) error) (Summary, error) {
	if opts.Articles < 0 {
		return Summary{}, fmt.Errorf("negative article count %d", opts.Articles)
	}
	g := newGen(opts)
	cfg := fmt.Sprintf("# A generated benchmark corpus (corpusgen, seed %d, %d articles).\n"+
		"title = \"Benchmark corpus: %d articles\"\n"+
		"description = \"Generated news-like reports for measuring timeline builds.\"\n"+
		"baseURL = \"/\"\nlanguageCode = \"en\"\n", opts.Seed, opts.Articles, opts.Articles)
	if err := emit(File{Path: "config.toml", Data: []byte(cfg)}); err != nil {
		return Summary{}, err
	}
	sum := Summary{Stories: len(g.stories)}
	for sum.Articles < opts.Articles {
		arts := g.next(opts.Articles - sum.Articles)
		for i, a := range arts {
			if i > 0 {
				sum.WireCopies++
			}
			sum.Articles++
			sum.Bytes += int64(len(a.Data))
			if err := emit(a); err != nil {
				return sum, err
			}
		}
	}
	return sum, nil
}

// The corpus covers two years of publication dates.
var (
	periodStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	periodDays  = 731
)

// story is one happening followed over weeks or months by many outlets.
type story struct {
	id       int // index in gen.stories, for the gold keys
	kind     kind
	place    string
	country  string
	people   [2]string
	org      string
	start    time.Time // first event
	days     int       // span of its events
	events   []event
	backYear int // a background year ("in early 2022")
}

// event is one dated happening of a story.
type event struct {
	day    time.Time
	hour   int // 0 when no time of day is reported
	clause clause
}

// clause words an event in three tenses: "met in Geneva" (past),
// "will meet in Geneva" (future), "are meeting in Geneva" (present).
type clause struct{ past, future, present string }

type kind struct {
	name    string
	org     []string
	clauses []clause
	topics  []string
}

type gen struct {
	r       *rand.Rand
	dense   bool
	stories []story
	seq     int
	gold    []Phrase // the date phrases of the body being written
}

func newGen(opts Options) *gen {
	g := &gen{r: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), dense: opts.Dense}
	n := opts.Articles/40 + 3
	for i := range n {
		s := g.newStory()
		s.id = i
		g.stories = append(g.stories, s)
	}
	return g
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) newStory() story {
	k := kinds[g.r.IntN(len(kinds))]
	pl := places[g.r.IntN(len(places))]
	s := story{
		kind:     k,
		place:    pl[0],
		country:  pl[1],
		people:   [2]string{g.person(), g.person()},
		org:      g.pick(k.org),
		start:    periodStart.AddDate(0, 0, g.r.IntN(periodDays-60)),
		days:     20 + g.r.IntN(200),
		backYear: 2015 + g.r.IntN(9),
	}
	ne := 4 + g.r.IntN(7)
	for range ne {
		ev := event{day: s.start.AddDate(0, 0, g.r.IntN(s.days+1)), clause: k.clauses[g.r.IntN(len(k.clauses))]}
		if g.r.IntN(4) == 0 {
			ev.hour = 6 + g.r.IntN(16)
		}
		s.events = append(s.events, ev)
	}
	return s
}

func (g *gen) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

// next returns one article, or a wire story and its copies under other
// mastheads (at most max files).
func (g *gen) next(max int) []File {
	// Stories near the middle of the list get more coverage, as big stories do.
	si := (g.r.IntN(len(g.stories)) + g.r.IntN(len(g.stories))) / 2
	s := &g.stories[si]
	pub := s.start.AddDate(0, 0, g.r.IntN(s.days+29)-14)
	if pub.Before(periodStart) {
		pub = periodStart
	}
	wire := g.r.IntN(20) < 3
	outlet := g.pick(outlets)
	if wire {
		outlet = g.pick(agencies)
	}
	title := g.headline(s)
	g.gold = g.gold[:0]
	body := g.body(s, pub, outlet, wire)
	copies := 1
	if wire {
		copies = 2 + g.r.IntN(4)
	}
	if copies > max {
		copies = max
	}
	var files []File
	dated := g.r.IntN(100) != 0 // about one article in a hundred states no date
	mastheads := g.r.Perm(len(outlets))
	for c := range copies {
		src, day, head := outlet, pub, title
		if c > 0 {
			src = outlets[mastheads[c%len(mastheads)]]
			head = strings.TrimSuffix(title, ".") + " – " + outlet
			if g.r.IntN(3) == 0 {
				day = day.AddDate(0, 0, 1) // a masthead that ran the copy next morning
			}
		}
		g.seq++
		slug := slugify(head)
		name := path.Join("content", day.Format("2006-01"), fmt.Sprintf("%06d-%s.md", g.seq, slug))
		var b bytes.Buffer
		b.Grow(len(body) + 256)
		b.WriteString("+++\n")
		fmt.Fprintf(&b, "title = %q\n", head)
		if dated || c > 0 {
			fmt.Fprintf(&b, "date = %s\n", day.Format("2006-01-02"))
		}
		fmt.Fprintf(&b, "source = %q\n", src)
		fmt.Fprintf(&b, "url = \"https://%s.example/%s/%s\"\n", slugify(src), day.Format("2006/01/02"), slug)
		b.WriteString("+++\n\n")
		if c > 0 {
			fmt.Fprintf(&b, "*This article was originally published by %s.*\n\n", outlet)
		}
		b.WriteString(body)
		files = append(files, File{Path: name, Data: b.Bytes(), Gold: g.goldFor(name)})
	}
	return files
}

func (g *gen) headline(s *story) string {
	h := g.pick(headlines)
	r := strings.NewReplacer("{place}", s.place, "{org}", s.org, "{a}", lastName(s.people[0]),
		"{b}", lastName(s.people[1]), "{topic}", g.pick(s.kind.topics), "{country}", s.country)
	return r.Replace(h)
}

func lastName(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }

// body writes the Markdown of one article of about 8 KB.
func (g *gen) body(s *story, pub time.Time, outlet string, wire bool) string {
	var b strings.Builder
	b.Grow(9000)
	fill := strings.NewReplacer("{place}", s.place, "{country}", s.country, "{org}", s.org,
		"{a}", s.people[0], "{b}", s.people[1], "{al}", lastName(s.people[0]), "{bl}", lastName(s.people[1]),
		"{topic}", g.pick(s.kind.topics), "{topic2}", g.pick(s.kind.topics), "{outlet}", outlet,
		"{year}", fmt.Sprint(s.backYear), "{name}", s.kind.name)
	// Lede: the event nearest the publication date.
	near := 0
	for i, ev := range s.events {
		if absDays(ev.day, pub) < absDays(s.events[near].day, pub) {
			near = i
		}
	}
	dateline := strings.ToUpper(s.place)
	if wire {
		dateline += " (" + outlet + ")"
	}
	b.WriteString(dateline + " — " + g.eventSentence(s, near, pub, fill) + "\n\n")
	target := 7600 + g.r.IntN(1200)
	para := 0
	for b.Len() < target {
		n := 2 + g.r.IntN(3)
		var p []string
		for range n {
			// Real news has a date phrase in about one sentence in four:
			// 11 of 46 draws give one (Dense: 11 of 20).
			draws, fillers := 46, newsFiller
			if g.dense {
				draws, fillers = 20, filler
			}
			switch x := g.r.IntN(draws); {
			case x < 6:
				p = append(p, g.eventSentence(s, g.r.IntN(len(s.events)), pub, fill))
			case x < 8:
				p = append(p, g.relativeSentence(s, pub, fill))
			case x < 10:
				p = append(p, g.backgroundSentence(s, fill))
			case x < 11:
				p = append(p, g.durationSentence(fill))
			default:
				p = append(p, fill.Replace(g.pick(fillers)))
			}
		}
		para++
		switch {
		case para%9 == 4 && g.r.IntN(2) == 0:
			b.WriteString("## " + fill.Replace(g.pick(subheads)) + "\n\n")
		case para%11 == 6:
			b.WriteString("> " + strings.Join(p, " ") + "\n\n")
			continue
		case para%13 == 8:
			for _, x := range p {
				b.WriteString("- " + x + "\n")
			}
			b.WriteString("\n")
			continue
		}
		b.WriteString(strings.Join(p, " ") + "\n\n")
	}
	fmt.Fprintf(&b, "*Reporting by %s; editing by %s.*\n", g.person(), g.person())
	return b.String()
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// eventSentence reports ev as seen from pub, with the phrase a reporter
// would use at that distance: "yesterday", a weekday and the tense that
// places it, "next week", "last month", a month and day, or a full date.
func (g *gen) eventSentence(s *story, k int, pub time.Time, fill *strings.Replacer) string {
	ev := s.events[k]
	day := ev.day
	if g.r.IntN(40) == 0 {
		day = day.AddDate(0, 0, 1-2*g.r.IntN(2)) // a report that gets the day wrong
	}
	d := int(day.Sub(pub).Hours() / 24)
	var when, value string
	switch {
	case d == -1 && g.r.IntN(2) == 0:
		when = "yesterday"
	case d == 1 && g.r.IntN(2) == 0:
		when = "tomorrow"
	case d >= -6 && d <= 6 && d != 0:
		when = "on " + day.Weekday().String()
	case d == 0:
		when = "on " + day.Weekday().String()
	case d > 6 && sameISOWeek(day, pub.AddDate(0, 0, 7)) && g.r.IntN(2) == 0:
		when, value = "next week", isoWeek(day)
	case d < 0 && day.Year()*12+int(day.Month()) == pub.Year()*12+int(pub.Month())-1 && g.r.IntN(3) == 0:
		when, value = "last month", day.Format("2006-01")
	case day.Year() == pub.Year() && g.r.IntN(4) != 0:
		when = "on " + day.Format("January 2")
	default:
		when = "on " + day.Format("January 2, 2006")
	}
	if ev.hour > 0 && g.r.IntN(2) == 0 {
		if g.r.IntN(2) == 0 {
			when = fmt.Sprintf("at %02d00 GMT %s", ev.hour, when)
		} else {
			h := ev.hour % 12
			if h == 0 {
				h = 12
			}
			ampm := "a.m."
			if ev.hour >= 12 {
				ampm = "p.m."
			}
			when = fmt.Sprintf("at %d %s local time %s", h, ampm, when)
		}
	}
	var verb string
	switch {
	case d < 0:
		verb = ev.clause.past
	case d > 0:
		verb = ev.clause.future
	default:
		verb = ev.clause.present
	}
	subj := fill.Replace(g.pick(subjects))
	verb = fill.Replace(verb)
	var sent string
	switch g.r.IntN(3) {
	case 0:
		sent = capital(fmt.Sprintf("%s %s %s, %s.", subj, verb, when, fill.Replace(g.pick(attributions))))
	case 1:
		when = capital(when)
		sent = capital(fmt.Sprintf("%s, %s %s %s.", when, subj, verb, fill.Replace(g.pick(tails))))
	default:
		sent = capital(fmt.Sprintf("%s %s %s %s.", subj, verb, when, fill.Replace(g.pick(tails))))
	}
	if value == "" {
		value = day.Format("2006-01-02")
	}
	g.note(sent, when, "DATE", value, ev.day.Format("2006-01-02"), s.eventKey(k))
	return sent
}

// relativeSentence uses a vague or relative reference around pub.
func (g *gen) relativeSentence(s *story, pub time.Time, fill *strings.Replacer) string {
	i := g.r.IntN(len(relatives))
	r := strings.NewReplacer("{lastyear}", fmt.Sprint(pub.Year()-1), "{month}", pub.AddDate(0, -2, 0).Format("January"),
		"{season}", seasons[int(pub.Month())%12/3])
	sent := fill.Replace(r.Replace(relatives[i]))
	g.noteRelative(s, i, sent, r.Replace(relativePhrases[i]), pub)
	return sent
}

var seasons = []string{"winter", "spring", "summer", "autumn"}

func sameISOWeek(a, b time.Time) bool {
	ay, aw := a.ISOWeek()
	by, bw := b.ISOWeek()
	return ay == by && aw == bw
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 60 {
				break
			}
			continue
		}
		dash = true
	}
	return b.String()
}
