// Command noop is the floor of apivet's benchmarks: a go/analysis driver
// (multichecker, from the same x/tools version) running one pass that
// requires only the inspector and does nothing. Its cost is loading and
// type-checking the packages, which every analysis tool pays.
//
//	go build -o noop ./internal/bench/noop && ./noop ./...
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var noop = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "does nothing: the cost of loading and type-checking",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		return nil, nil
	},
}

func main() { multichecker.Main(noop) }
