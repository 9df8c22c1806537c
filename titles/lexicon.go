package titles

// abbreviations expands the short forms people type in job titles into the
// words O*NET's titles spell out. Expansion happens on both sides (index and
// query), so "Sr. QA Eng" and "Quality Assurance Engineer" meet on the same
// words. Keys are lower case, without punctuation.
var abbreviations = map[string]string{
	"acct":      "accountant",
	"acctg":     "accounting",
	"admin":     "administrator",
	"admn":      "administrator",
	"adm":       "administrative",
	"ae":        "account executive",
	"ap":        "accounts payable",
	"ar":        "accounts receivable",
	"appr":      "apprentice",
	"asst":      "assistant",
	"assoc":     "associate",
	"attdt":     "attendant",
	"atty":      "attorney",
	"ba":        "business analyst",
	"bdr":       "business development representative",
	"bi":        "business intelligence",
	"cdl":       "commercial driver license",
	"ceo":       "chief executive officer",
	"cfo":       "chief financial officer",
	"cio":       "chief information officer",
	"cmo":       "chief marketing officer",
	"cna":       "certified nursing assistant",
	"coo":       "chief operating officer",
	"coord":     "coordinator",
	"cpa":       "certified public accountant",
	"crna":      "certified registered nurse anesthetist",
	"csr":       "customer service representative",
	"cto":       "chief technology officer",
	"cust":      "customer",
	"dba":       "database administrator",
	"dept":      "department",
	"dev":       "developer",
	"devops":    "development operations engineer",
	"dir":       "director",
	"dpt":       "physical therapist",
	"elec":      "electrical",
	"emt":       "emergency medical technician",
	"eng":       "engineer",
	"engg":      "engineering",
	"engr":      "engineer",
	"exec":      "executive",
	"fin":       "finance",
	"fnp":       "family nurse practitioner",
	"govt":      "government",
	"hr":        "human resources",
	"hvac":      "heating ventilation air conditioning",
	"hse":       "health safety environment",
	"ehs":       "environmental health safety",
	"instr":     "instructor",
	"intl":      "international",
	"it":        "information technology",
	"lpn":       "licensed practical nurse",
	"lvn":       "licensed vocational nurse",
	"maint":     "maintenance",
	"mech":      "mechanic",
	"mfg":       "manufacturing",
	"mgmt":      "management",
	"mgr":       "manager",
	"mktg":      "marketing",
	"ml":        "machine learning",
	"mlops":     "machine learning operations",
	"nlp":       "natural language processing",
	"np":        "nurse practitioner",
	"ofc":       "office",
	"ops":       "operations",
	"pharmd":    "pharmacist",
	"pm":        "project manager",
	"pr":        "public relations",
	"prof":      "professor",
	"prog":      "programmer",
	"qa":        "quality assurance",
	"quant":     "quantitative",
	"qc":        "quality control",
	"rep":       "representative",
	"reps":      "representative",
	"rn":        "registered nurse",
	"rt":        "respiratory therapist",
	"sde":       "software development engineer",
	"sdr":       "sales development representative",
	"sre":       "site reliability engineer",
	"sec":       "secretary",
	"spec":      "specialist",
	"supt":      "superintendent",
	"sup":       "supervisor",
	"supv":      "supervisor",
	"supvr":     "supervisor",
	"svc":       "service",
	"svcs":      "services",
	"sw":        "software",
	"swe":       "software engineer",
	"sysadmin":  "system administrator",
	"tech":      "technician",
	"techs":     "technician",
	"ui":        "user interface",
	"ux":        "user experience",
	"vp":        "vice president",
	"avp":       "vice president",
	"svp":       "vice president",
	"evp":       "vice president",
	"whse":      "warehouse",
	"wh":        "warehouse",
	"frontend":  "front end",
	"backend":   "back end",
	"fullstack": "full stack",
	"cyber":     "cybersecurity",
}

// noise are words that say nothing about which occupation a title names:
// seniority and level, roman and arabic level numbers, employment terms and
// shift notes. They are dropped on both sides.
var noise = setOf(
	// seniority and level
	"senior", "sr", "snr", "junior", "jr", "jnr", "level", "lvl", "grade",
	"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "01", "02", "03",
	"mid", "experienced", "seasoned", "trainee",
	// employment terms and shift notes
	"ft", "fulltime", "parttime", "prn", "diem", "per", "temporary", "temp",
	"freelance", "seasonal", "remote", "hybrid", "onsite",
	"nights", "nightshift", "days", "dayshift", "weekend", "weekends", "shift", "shifts",
	"overnight", "evenings", "evening", "rotating", "hours", "hour", "hrs",
	"full", "part", "time",
	// hiring-ad words
	"hiring", "urgent", "immediate", "opening", "needed", "wanted", "new",
	"position", "job", "role",
	// function words
	"a", "an", "the", "of", "for", "and", "or", "in", "at", "to", "with", "by", "from", "as",
	"de", "la", "el", "y", "w", "s",
)

// levelWords name a rank when they open a title of more words ("Staff
// Engineer", "Principal Consultant"); alone or later in a title they keep
// their meaning (a school's "Principal", "Chief of Staff").
var levelWords = setOf("staff", "principal")

// places are location words people append to titles ("Nurse - Chicago").
// They never name an occupation, so they are dropped.
var places = setOf(
	"usa", "us", "america", "united", "states", "uk", "canada",
	"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
	"delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
	"kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
	"minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "hampshire",
	"jersey", "mexico", "york", "carolina", "dakota", "ohio", "oklahoma", "oregon",
	"pennsylvania", "rhode", "tennessee", "texas", "utah", "vermont", "virginia",
	"washington", "wisconsin", "wyoming",
	"ny", "nyc", "ca", "tx", "fl", "il", "oh", "ga", "nc", "nj", "va", "wa", "az",
	"tn", "mi", "mn", "wi", "mo", "sf", "dc",
	"chicago", "houston", "phoenix", "philadelphia", "antonio", "san", "diego", "dallas",
	"austin", "jacksonville", "columbus", "charlotte", "francisco", "indianapolis",
	"seattle", "denver", "boston", "nashville", "detroit", "portland", "vegas", "las",
	"memphis", "louisville", "baltimore", "milwaukee", "atlanta", "miami", "tampa",
	"orlando", "minneapolis", "cleveland", "pittsburgh", "cincinnati", "sacramento",
	"angeles", "brooklyn", "manhattan", "london", "toronto", "downtown", "remote",
)

// compounds are two-word terms that name one thing; they are joined into
// one word so that the phrase weighs as much as its abbreviation ("VP").
var compounds = map[[2]string]string{
	{"vice", "president"}: "vicepresident",
}

// prepositions end a title's head phrase: "Director of Marketing" is headed
// by "director".
var prepositions = setOf("of", "for", "to", "in", "at", "with", "on")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// genericWords name a kind of post rather than a line of work: a match that
// rests on them alone ("engineer" of "LLM Engineer" for Civil Engineers) is
// never confident, and ranks after every occupation that matches one of the
// query's other words.
var genericWords = setOf(
	"engineer", "manager", "specialist", "director", "lead", "leader", "analyst",
	"coordinator", "associate", "officer", "consultant", "administrator",
	"assistant", "representative", "technician", "supervisor", "vicepresident",
	"president", "chief", "partner", "advisor", "adviser", "expert", "professional",
	"generalist", "owner", "worker", "operator", "clerk", "agent", "staff", "principal",
	"head", "team", "member",
)
