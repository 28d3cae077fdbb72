// Package rules is apivet's rule catalog: one entry per rule ID with its
// name, title, CWE, severity, confidence and family. Everything else that
// describes a rule (the doc pages under docs/rules, SARIF rule descriptors,
// `apivet rules`, the analyzers' flags) is derived from or checked against
// this catalog.
//
// Rule IDs are stable: once released, an ID never changes meaning and is
// never reused.
package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Severity ranks how bad a finding is.
type Severity int

const (
	Low Severity = iota + 1
	Medium
	High
)

func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "unknown"
}

// ParseSeverity parses "low", "medium" or "high" (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low", "":
		return Low, nil
	case "medium", "med":
		return Medium, nil
	case "high":
		return High, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want low, medium or high)", s)
}

// Confidence says how sure a rule is that a finding is real.
type Confidence int

const (
	LowConfidence Confidence = iota + 1
	MediumConfidence
	HighConfidence
)

func (c Confidence) String() string {
	switch c {
	case LowConfidence:
		return "low"
	case MediumConfidence:
		return "medium"
	case HighConfidence:
		return "high"
	}
	return "unknown"
}

// Family groups rules by their hundreds digit.
type Family struct {
	Digit    byte   // '1' for AV1xx
	Name     string // short name used in configs and flags: "jwt", "sql", ...
	Title    string
	Analyzer string // name of the analyzer that reports the family
}

// Families lists every family, in ID order.
var Families = []Family{
	{'0', "apivet", "apivet directives", "apivetdirectives"},
	{'1', "jwt", "JSON Web Tokens", "jwt"},
	{'2', "ratelimit", "Rate limiting", "ratelimit"},
	{'3', "sql", "SQL injection", "sqli"},
	{'4', "cors", "CORS", "cors"},
	{'5', "secrets", "Hardcoded secrets", "secrets"},
	{'6', "crypto", "Cryptography", "crypto"},
	{'7', "headers", "Security headers and cookies", "headers"},
	{'8', "transport", "TLS and transport", "transport"},
	{'9', "exposure", "Other API exposures", "exposure"},
}

// Rule is one catalog entry.
type Rule struct {
	ID         string // "AV301"
	Name       string // "sql-string-building"
	Title      string // one line, sentence case, no period
	Summary    string // one or two sentences: what it finds and what to do instead
	CWE        []int
	Severity   Severity
	Confidence Confidence
	// Default is true when the rule runs unless disabled. Rules that are
	// off by default are enabled with -enable or the config file.
	Default bool
	// Settings names the analyzer flags that tune this rule.
	Settings []string
}

// Family returns the family the rule belongs to.
func (r *Rule) Family() Family {
	f, _ := familyByDigit(r.ID[2])
	return f
}

// CWEs formats the CWE list as "CWE-89, CWE-564".
func (r *Rule) CWEs() string {
	var b []string
	for _, c := range r.CWE {
		b = append(b, fmt.Sprintf("CWE-%d", c))
	}
	return strings.Join(b, ", ")
}

// DocURL is the rule's documentation page.
func (r *Rule) DocURL() string { return DocBaseURL + r.ID + ".md" }

// SecuritySeverity is the numeric score GitHub code scanning reads from
// SARIF's properties.security-severity.
func (r *Rule) SecuritySeverity() string {
	switch r.Severity {
	case High:
		return "8.0"
	case Medium:
		return "5.5"
	}
	return "3.0"
}

// DocBaseURL is where the rule pages are published.
const DocBaseURL = "https://github.com/apivet/apivet/blob/main/docs/rules/"

var (
	all  []*Rule
	byID = map[string]*Rule{}
)

// register adds rules to the catalog; each family file calls it from init.
func register(rs ...*Rule) {
	for _, r := range rs {
		if len(r.ID) != 5 || !strings.HasPrefix(r.ID, "AV") {
			panic("rules: bad rule ID " + r.ID)
		}
		if _, dup := byID[r.ID]; dup {
			panic("rules: duplicate rule ID " + r.ID)
		}
		byID[r.ID] = r
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
}

// All returns every rule, sorted by ID.
func All() []*Rule { return append([]*Rule(nil), all...) }

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *Rule { return byID[strings.ToUpper(strings.TrimSpace(id))] }

// MustGet returns the rule with the given ID and panics if there is none:
// analyzers call it at init time so a typo fails every test at once.
func MustGet(id string) *Rule {
	r := ByID(id)
	if r == nil {
		panic("rules: no rule " + id)
	}
	return r
}

// OfFamily returns the rules of the family with the given digit.
func OfFamily(digit byte) []*Rule {
	var out []*Rule
	for _, r := range all {
		if r.ID[2] == digit {
			out = append(out, r)
		}
	}
	return out
}

func familyByDigit(d byte) (Family, bool) {
	for _, f := range Families {
		if f.Digit == d {
			return f, true
		}
	}
	return Family{}, false
}

// FamilyByName finds a family by its name ("sql"), its analyzer name
// ("sqli") or its ID prefix ("AV3", "AV3xx").
func FamilyByName(s string) (Family, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, f := range Families {
		if s == f.Name || s == f.Analyzer {
			return f, true
		}
		p := "av" + string(f.Digit)
		if s == p || s == p+"xx" {
			return f, true
		}
	}
	return Family{}, false
}

// Resolve expands a list of rule IDs and family names into rule IDs. It
// accepts "AV301", "av301", "AV3", "AV3xx", "sql", "sqli". Unknown entries
// are an error naming the entry.
func Resolve(items []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		if r := ByID(it); r != nil {
			add(r.ID)
			continue
		}
		if f, ok := FamilyByName(it); ok {
			for _, r := range OfFamily(f.Digit) {
				add(r.ID)
			}
			continue
		}
		return nil, fmt.Errorf("unknown rule or family %q (see `apivet rules`)", it)
	}
	sort.Strings(out)
	return out, nil
}

// SplitList splits a comma- or space-separated list.
func SplitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}
