// Package directive defines an Analyzer that reports malformed
// //apivet:ignore directives.
//
// # Analyzer apivetdirectives
//
// apivetdirectives: report //apivet:ignore comments that name no rule, an
// unknown rule, or give no reason (AV001)
//
// A directive must name the rules it silences and say why:
//
//	//apivet:ignore AV301 the table name is one of three constants
//
// A malformed directive silences nothing. Unused directives (AV002) are
// reported by the analyzer of the family whose rule they name.
package directive

import (
	"github.com/apivet/apivet/internal/lint"
	"golang.org/x/tools/go/analysis"
)

var opts = lint.NewOptions('0')

// Analyzer reports AV001.
var Analyzer = &analysis.Analyzer{
	Name:             "apivetdirectives",
	Doc:              "report //apivet:ignore comments that name no rule, an unknown rule, or give no reason (AV001)",
	URL:              "https://github.com/apivet/apivet/blob/main/docs/rules/AV001.md",
	Run:              run,
	RunDespiteErrors: true,
}

func init() { opts.Register(&Analyzer.Flags) }

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	for _, f := range rep.Files() {
		for _, d := range lint.ParseDirectives(pass.Fset, f) {
			if !d.Valid() {
				rep.Reportf("AV001", d, "%s", d.Problem())
			}
		}
	}
	return nil, nil
}
