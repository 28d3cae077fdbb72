// Command score runs apivet on the labeled corpus (testdata/mod/corpus) and
// prints TP, FP, FN, precision and recall per family; with -gosec it scores
// a gosec JSON report of the same corpus too (see scripts/score.sh).
//
//	go run ./internal/corpus/score [-v] [-gosec gosec.json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/apivet/apivet/internal/corpus"
)

func main() {
	gosecFile := flag.String("gosec", "", "a gosec -fmt json report of the corpus to score as well")
	verbose := flag.Bool("v", false, "list false positives and false negatives")
	flag.Parse()
	root, err := corpus.Root()
	if err != nil {
		fail(err)
	}
	labels, err := corpus.ReadLabels(root)
	if err != nil {
		fail(err)
	}
	findings, err := corpus.RunApivet(root)
	if err != nil {
		fail(err)
	}
	scores := corpus.Compute(labels, findings)
	corpus.Print(os.Stdout, "apivet", scores)
	if *verbose {
		details(scores)
	}
	if *gosecFile != "" {
		data, err := os.ReadFile(*gosecFile)
		if err != nil {
			fail(err)
		}
		var rep struct {
			Issues []struct {
				RuleID string `json:"rule_id"`
				File   string `json:"file"`
				Line   string `json:"line"`
			} `json:"Issues"`
		}
		if err := json.Unmarshal(data, &rep); err != nil {
			fail(fmt.Errorf("%s: %v", *gosecFile, err))
		}
		var gf []corpus.Finding
		for _, is := range rep.Issues {
			fam := corpus.GosecFamily(is.RuleID)
			if fam == "" {
				continue
			}
			rel, err := filepath.Rel(root, is.File)
			if err != nil {
				continue
			}
			line, _ := strconv.Atoi(is.Line) // "12" or "12-14": the first line
			if line == 0 {
				fmt.Sscanf(is.Line, "%d", &line)
			}
			gf = append(gf, corpus.Finding{Family: fam, Line: corpus.Line{File: filepath.ToSlash(rel), Line: line}, Rule: is.RuleID})
		}
		fmt.Println()
		gs := corpus.Compute(labels, gf)
		corpus.Print(os.Stdout, "gosec v2.30.0 (rule IDs mapped onto apivet's families)", gs)
		if *verbose {
			details(gs)
		}
	}
}

func details(scores []corpus.Score) {
	for _, s := range scores {
		for _, f := range s.FalsePositives {
			fmt.Printf("  FP %-9s %s:%d %s\n", s.Family, f.Line.File, f.Line.Line, f.Rule)
		}
		for _, l := range s.FalseNegatives {
			fmt.Printf("  FN %-9s %s:%d\n", s.Family, l.File, l.Line)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "score:", err)
	os.Exit(2)
}
