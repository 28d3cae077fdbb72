// Package corpus scores apivet (and gosec) on the labeled corpus under
// testdata/mod/corpus: realistic small API services whose lines carry
//
//	// vuln:FAMILY   a tool must report a finding of this family on this line
//	// safe:FAMILY   a look-alike a tool must not report
//
// FAMILY is one of the rule families (jwt, ratelimit, sql, cors, secrets,
// crypto, headers, transport, exposure); several are separated by commas.
// A finding of a family on a line without a vuln mark of that family is a
// false positive, whether the line is marked safe or not.
package corpus

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/rules"
)

// Line identifies a line of a corpus file, relative to the corpus root.
type Line struct {
	File string
	Line int
}

// Labels are the marks of the corpus.
type Labels struct {
	Vuln map[string]map[Line]bool // family → lines
	Safe map[string]map[Line]bool
}

var markRE = regexp.MustCompile(`//\s*(vuln|safe):([a-z,]+)`)

// Families returns the family names, in ID order.
func Families() []string {
	var out []string
	for _, f := range rules.Families {
		if f.Digit != '0' {
			out = append(out, f.Name)
		}
	}
	return out
}

// ReadLabels collects the marks of every .go file under root.
func ReadLabels(root string) (*Labels, error) {
	l := &Labels{Vuln: map[string]map[Line]bool{}, Safe: map[string]map[Line]bool{}}
	known := map[string]bool{}
	for _, f := range Families() {
		known[f] = true
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		n := 0
		for sc.Scan() {
			n++
			for _, m := range markRE.FindAllStringSubmatch(sc.Text(), -1) {
				for _, fam := range strings.Split(m[2], ",") {
					if !known[fam] {
						return fmt.Errorf("%s:%d: unknown family %q in %s mark", rel, n, fam, m[1])
					}
					dst := l.Vuln
					if m[1] == "safe" {
						dst = l.Safe
					}
					if dst[fam] == nil {
						dst[fam] = map[Line]bool{}
					}
					dst[fam][Line{filepath.ToSlash(rel), n}] = true
				}
			}
		}
		return sc.Err()
	})
	return l, err
}

// Finding is one reported finding, mapped to a family.
type Finding struct {
	Family string
	Line   Line
	Rule   string
}

// Score is one family's result.
type Score struct {
	Family            string
	Vuln, Safe        int // labeled sites
	TP, FP, FN        int
	Precision, Recall float64
	FalsePositives    []Finding
	FalseNegatives    []Line
}

// Compute scores findings against the labels, per family.
func Compute(l *Labels, findings []Finding) []Score {
	byFam := map[string]map[Line][]Finding{}
	for _, f := range findings {
		if byFam[f.Family] == nil {
			byFam[f.Family] = map[Line][]Finding{}
		}
		byFam[f.Family][f.Line] = append(byFam[f.Family][f.Line], f)
	}
	var out []Score
	for _, fam := range Families() {
		s := Score{Family: fam, Vuln: len(l.Vuln[fam]), Safe: len(l.Safe[fam])}
		for line := range l.Vuln[fam] {
			if len(byFam[fam][line]) > 0 {
				s.TP++
			} else {
				s.FN++
				s.FalseNegatives = append(s.FalseNegatives, line)
			}
		}
		for line, fs := range byFam[fam] {
			if !l.Vuln[fam][line] {
				s.FP++
				s.FalsePositives = append(s.FalsePositives, fs[0])
			}
		}
		s.Precision, s.Recall = ratio(s.TP, s.TP+s.FP), ratio(s.TP, s.TP+s.FN)
		sort.Slice(s.FalseNegatives, func(i, j int) bool { return less(s.FalseNegatives[i], s.FalseNegatives[j]) })
		sort.Slice(s.FalsePositives, func(i, j int) bool { return less(s.FalsePositives[i].Line, s.FalsePositives[j].Line) })
		out = append(out, s)
	}
	return out
}

func less(a, b Line) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}

// ratio is n/d, and 1 when there is nothing to count (no findings means no
// false positives; no vulnerable sites means nothing to miss).
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// Print writes a score table.
func Print(w io.Writer, tool string, scores []Score) {
	fmt.Fprintf(w, "%s\n%-10s %5s %5s %4s %4s %4s %9s %7s\n", tool, "family", "vuln", "safe", "TP", "FP", "FN", "precision", "recall")
	var tp, fp, fn int
	for _, s := range scores {
		fmt.Fprintf(w, "%-10s %5d %5d %4d %4d %4d %9.2f %7.2f\n", s.Family, s.Vuln, s.Safe, s.TP, s.FP, s.FN, s.Precision, s.Recall)
		tp, fp, fn = tp+s.TP, fp+s.FP, fn+s.FN
	}
	fmt.Fprintf(w, "%-10s %5s %5s %4d %4d %4d %9.2f %7.2f\n", "all", "", "", tp, fp, fn, ratio(tp, tp+fp), ratio(tp, tp+fn))
}

// GosecFamily maps gosec v2.30.0 rule IDs onto apivet's families; rules
// with no counterpart map to "".
func GosecFamily(rule string) string {
	switch rule {
	case "G101", "G117":
		return "secrets"
	case "G201", "G202":
		return "sql"
	case "G401", "G403", "G404", "G405", "G406", "G501", "G502", "G503", "G505", "G506", "G507":
		return "crypto"
	case "G402":
		return "transport"
	case "G112", "G114", "G120":
		return "transport"
	case "G104":
		return ""
	case "G107", "G110", "G304", "G305", "G306":
		return "exposure"
	}
	return ""
}
