package corpusgen

// The word lists the generator draws from. Placeholders in braces are
// filled per story: {place}, {country}, {org}, {a} and {b} (people,
// {al} and {bl} their last names), {topic}, {topic2}, {outlet}, {year},
// {name} (the kind of story); relative sentences also get {lastyear},
// {month} and {season}.

var kinds = []kind{
	{name: "summit", org: []string{"the foreign ministry", "the State Department", "the Kremlin", "the European Commission", "the African Union"},
		topics: []string{"a ceasefire", "sanctions relief", "security guarantees", "prisoner exchanges", "energy exports", "border crossings"},
		clauses: []clause{
			{"met in {place}", "will meet in {place}", "are meeting in {place}"},
			{"held talks with {bl}", "will hold talks with {bl}", "are holding talks with {bl}"},
			{"arrived in {place}", "will arrive in {place}", "arrives in {place}"},
			{"signed a joint statement", "will sign a joint statement", "are signing a joint statement"},
			{"briefed reporters on the talks", "will brief reporters on the talks", "is briefing reporters on the talks"},
		}},
	{name: "election", org: []string{"the electoral commission", "the constitutional court", "the ruling party", "the opposition alliance"},
		topics: []string{"turnout", "the vote count", "campaign finance", "a runoff", "coalition talks", "the new cabinet"},
		clauses: []clause{
			{"voted in the first round", "will vote in the first round", "are voting in the first round"},
			{"published preliminary results", "will publish preliminary results", "is publishing preliminary results"},
			{"conceded defeat", "will concede defeat", "is conceding defeat"},
			{"was sworn in", "will be sworn in", "is being sworn in"},
			{"held a final rally in {place}", "will hold a final rally in {place}", "is holding a final rally in {place}"},
		}},
	{name: "trial", org: []string{"the district court", "the prosecutor's office", "the supreme court", "the defence team"},
		topics: []string{"the verdict", "the appeal", "witness testimony", "the indictment", "bail conditions", "sentencing"},
		clauses: []clause{
			{"opened the trial", "will open the trial", "is opening the trial"},
			{"delivered its verdict", "will deliver its verdict", "is delivering its verdict"},
			{"heard closing arguments", "will hear closing arguments", "is hearing closing arguments"},
			{"filed an appeal", "will file an appeal", "is filing an appeal"},
			{"was released on bail", "will be released on bail", "is being released on bail"},
		}},
	{name: "strike", org: []string{"the transport union", "the dockworkers' union", "the employers' federation", "the labour ministry"},
		topics: []string{"wages", "pensions", "working hours", "the new contract", "job cuts", "safety rules"},
		clauses: []clause{
			{"walked out", "will walk out", "are walking out"},
			{"called off the strike", "will call off the strike", "is calling off the strike"},
			{"resumed negotiations", "will resume negotiations", "are resuming negotiations"},
			{"blocked the port of {place}", "will block the port of {place}", "are blocking the port of {place}"},
			{"put the offer to a vote", "will put the offer to a vote", "is putting the offer to a vote"},
		}},
	{name: "storm", org: []string{"the weather service", "the civil protection agency", "the regional government", "the Red Cross"},
		topics: []string{"evacuations", "power outages", "flood defences", "emergency funding", "insurance claims", "reconstruction"},
		clauses: []clause{
			{"made landfall near {place}", "will make landfall near {place}", "is making landfall near {place}"},
			{"ordered evacuations", "will order evacuations", "is ordering evacuations"},
			{"reopened the airport", "will reopen the airport", "is reopening the airport"},
			{"declared a state of emergency", "will declare a state of emergency", "is declaring a state of emergency"},
		}},
	{name: "merger", org: []string{"the competition authority", "the board", "the shareholders", "the market regulator"},
		topics: []string{"the takeover bid", "antitrust review", "the share price", "job guarantees", "the breakup fee", "the debt package"},
		clauses: []clause{
			{"announced the deal", "will announce the deal", "is announcing the deal"},
			{"approved the takeover", "will approve the takeover", "is approving the takeover"},
			{"opened an in-depth investigation", "will open an in-depth investigation", "is opening an in-depth investigation"},
			{"completed the merger", "will complete the merger", "is completing the merger"},
			{"reported quarterly results", "will report quarterly results", "is reporting quarterly results"},
		}},
}

var places = [][2]string{
	{"Anchorage", "the United States"}, {"Geneva", "Switzerland"}, {"Nairobi", "Kenya"}, {"Jakarta", "Indonesia"},
	{"Lima", "Peru"}, {"Warsaw", "Poland"}, {"Lagos", "Nigeria"}, {"Manila", "the Philippines"}, {"Ankara", "Turkey"},
	{"Bogota", "Colombia"}, {"Hanoi", "Vietnam"}, {"Dakar", "Senegal"}, {"Oslo", "Norway"}, {"Santiago", "Chile"},
	{"Tbilisi", "Georgia"}, {"Rabat", "Morocco"}, {"Vilnius", "Lithuania"}, {"Accra", "Ghana"}, {"Doha", "Qatar"},
	{"Montreal", "Canada"}, {"Marseille", "France"}, {"Hamburg", "Germany"}, {"Osaka", "Japan"}, {"Busan", "South Korea"},
}

var firstNames = []string{"Maria", "Ahmed", "Olena", "James", "Chen", "Fatima", "Pedro", "Ingrid", "Kwame", "Sofia",
	"Dmitri", "Aisha", "Lucas", "Mei", "Tomasz", "Amara", "Hiroshi", "Leila", "Daniel", "Nadia", "Rafael", "Grace"}

var lastNames = []string{"Kowalski", "Haddad", "Nguyen", "Okafor", "Petrenko", "Silva", "Lindqvist", "Mensah", "Tanaka",
	"Rossi", "Ibrahim", "Moreau", "Schmidt", "Alvarez", "Kim", "Novak", "Diallo", "Costa", "Yilmaz", "Walsh", "Sato", "Fischer"}

// outlets are mastheads; agencies also supply wire copies to them.
var outlets = []string{"The Daily Courier", "Morning Ledger", "The Evening Standard-Post", "Northern Herald",
	"Capital Gazette", "The Observer Weekly", "Coastal Times", "Metro Tribune", "The National Review Online",
	"Valley Chronicle", "Harbour News", "The Independent Record", "City Dispatch", "Global Affairs Daily",
	"The Continental", "River Post", "Highland Journal", "The Sentinel", "Union Register", "Bay Times",
	"The Examiner", "Frontier Press", "Plains Daily", "Lakeside Bulletin", "Summit Weekly", "The Beacon",
	"Eastern Star", "Western Mail Online", "Central Voice", "The Pioneer", "Atlantic Leader", "Pacific Record",
	"Gulf Monitor", "Delta Times", "Mountain Echo", "The Citizen", "Harbor Light", "Crescent Daily", "Meridian News", "The Ledger"}

var agencies = []string{"Reuters", "Associated Press", "AFP", "Bloomberg", "dpa", "Anadolu Agency"}

var headlines = []string{
	"{a} and {b} set to meet in {place}", "{org} under pressure over {topic}", "Talks in {place} stall over {topic}",
	"What we know about the {place} crisis", "{a} vows to press ahead on {topic}", "{country} braces for decision on {topic}",
	"Analysis: why {topic} matters in {place}", "{b} rejects claims over {topic}", "Live: latest from {place}",
	"{org} sets timetable on {topic}", "Explainer: the road to {place}", "{a} and {b} trade blame in {place}",
}

var subjects = []string{"{a}", "{b}", "{org}", "officials in {place}", "the delegation", "negotiators",
	"{al}", "{bl}", "the two sides", "representatives of {org}"}

var attributions = []string{"officials said", "according to a statement from {org}", "two people familiar with the matter said",
	"{outlet} has learned", "a spokesperson confirmed", "local media reported", "{bl}'s office said", "the ministry said in a statement"}

var tails = []string{"after weeks of uncertainty", "amid growing pressure over {topic}", "despite objections from {org}",
	"in a move welcomed by {bl}", "as talks on {topic} continued", "according to an official schedule",
	"in {place}", "with {topic} high on the agenda", "as protesters gathered outside", "under heavy security"}

var background = []string{
	"The dispute over {topic} dates back to {year}, when {org} first raised concerns.",
	"Relations have been strained since early {year}, analysts say.",
	"In {year}, a similar effort collapsed after {topic2} became a sticking point.",
	"{bl} has been a central figure in the {name} since late {year}.",
	"The last comparable crisis, in mid-{year}, took months to resolve.",
	"Since the spring of {year}, {org} has repeatedly warned about {topic}.",
	"The agreement reached in {year} expired without being renewed.",
}

var durations = []string{
	"The talks lasted nearly three hours, according to people in the room.",
	"Negotiations over {topic} have dragged on for two years.",
	"{al} has held the post for six years.",
	"The measures would remain in force for 90 days.",
	"Over the past two weeks, {org} has held daily briefings.",
	"The deal would run for five years, with an option to extend it by another two.",
	"For decades, {place} has been at the centre of disputes over {topic}.",
}

var relatives = []string{
	"The issue was first raised last year, and {org} promised a response within weeks.",
	"Earlier this month, {al} told lawmakers that {topic} was not negotiable.",
	"A follow-up meeting is expected next month, officials said.",
	"Prices rose sharply last week as traders reacted to news about {topic}.",
	"The report is due by the end of the year.",
	"In {lastyear}, the same proposal was rejected by a wide margin.",
	"Back in {month}, {bl} said a deal was within reach.",
	"Campaigners plan further protests this {season}.",
	"The next round of talks will take place next week, a spokesperson said.",
	"The figures released last month showed a sharp fall in {topic}.",
	"Every Monday, {org} publishes an update on {topic}.",
}

var filler = []string{
	"Analysts said the outcome could shape {topic} in {country} for years to come.",
	"\"We are not going to accept a deal that ignores {topic},\" {bl} told reporters.",
	"Critics argue that {org} has moved too slowly, while supporters say caution is needed.",
	"The {name} has drawn attention far beyond {place}, with observers from several countries following developments closely.",
	"Markets reacted cautiously, with investors waiting for details on {topic2}.",
	"Residents of {place} said they were tired of uncertainty and wanted clear answers.",
	"\"This is a moment for responsibility,\" {al} said in a televised address.",
	"Diplomats cautioned that any agreement on {topic} would need to be verified independently.",
	"Several lawmakers called for a public inquiry into how {org} handled {topic2}.",
	"The statement did not address {topic2}, which remains a point of contention.",
	"Opposition figures accused {al} of using the {name} for political gain.",
	"A senior official, speaking on condition of anonymity, said there had been \"real progress\" on {topic}.",
	"Human rights groups urged both sides to put civilians first.",
	"The [full statement](https://example.org/statement) runs to twelve pages and lists **seven** demands.",
	"Some of the details could not be independently verified by {outlet}.",
	"Turnout at the public meeting in {place} was higher than organisers had expected.",
	"Economists estimate the cost of the {name} at several billion dollars.",
	"{bl} is expected to face questions from parliament over {topic}.",
	"The mood in {place} was tense but calm, witnesses said.",
	"Both camps have tried to frame {topic} as a test of credibility.",
	"A spokesperson for {org} declined to comment on the reports.",
	"The proposals include new rules on {topic2} and a review of existing agreements.",
}

var subheads = []string{"What happens next", "The background", "Reaction in {place}", "What is at stake",
	"Key dates", "How we got here", "The view from {country}"}

// newsFiller is filler and more sentences without a date phrase: the
// default corpus draws about three of them for every dated sentence, as
// real news has, so it needs more of them to stay varied.
var newsFiller = append(append([]string(nil), filler...),
	"{al} said the talks had been \"frank and constructive\" but gave no details.",
	"Officials in {place} did not say how many people had been affected.",
	"The {org} has faced growing pressure from member states over {topic}.",
	"Local media in {country} reported long queues outside government offices.",
	"\"Nobody wins if this drags on,\" said a trader in {place}.",
	"{bl}'s office said the figures were being reviewed.",
	"The dispute over {topic2} has divided opinion inside {org}.",
	"Police said they had made several arrests after scuffles near the main square.",
	"A draft seen by {outlet} suggests the two sides remain far apart on {topic}.",
	"Aid agencies warned that supplies in parts of {country} were running low.",
	"Neither side has published the full terms under discussion.",
	"{al}, a former finance minister, is known as a tough negotiator.",
	"Shares in companies exposed to {topic2} fell on the news.",
	"Independent monitors said they had been given only limited access.",
	"The main opposition party said it would challenge the decision in court.",
	"\"We want to see action, not promises,\" one protester in {place} said.",
	"Officials declined to say whether {bl} had been consulted in advance.",
	"{org} said in a statement that it remained committed to dialogue.",
	"The closure of roads around {place} disrupted traffic across the city.",
	"Several embassies advised their citizens to avoid the area.",
	"Experts say the legal questions around {topic} are far from settled.",
	"Farmers and small businesses in {country} say they have borne the brunt of the crisis.",
	"The vote exposed divisions within the governing coalition.",
	"{bl} dismissed the criticism as \"noise\" and said the plan would go ahead.",
	"Observers noted that the language of the statement was unusually sharp.",
	"There was no immediate reaction from {org}.",
)
