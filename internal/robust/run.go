package robust

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Run applies the analyzers (and what they require) to one type-checked
// package held in memory, in dependency order, with no facts from other
// packages. It returns the diagnostics and the first analyzer error. It is
// the smallest driver that exercises every pass, so that a fuzz input costs
// milliseconds.
func Run(fset *token.FileSet, pkg *types.Package, info *types.Info, files []*ast.File, as []*analysis.Analyzer) ([]analysis.Diagnostic, error) {
	results := map[*analysis.Analyzer]any{}
	var diags []analysis.Diagnostic
	var order []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	for _, a := range as {
		visit(a)
	}
	type factKey struct {
		obj types.Object
		t   reflect.Type
	}
	facts := map[factKey]analysis.Fact{}
	for _, a := range order {
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      files,
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   map[*analysis.Analyzer]any{},
			Module:     &analysis.Module{Path: "example.com/fuzz"},
			Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				got, ok := facts[factKey{obj, reflect.TypeOf(f)}]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				facts[factKey{obj, reflect.TypeOf(f)}] = f
			},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
			ReadFile:          func(string) ([]byte, error) { return nil, fmt.Errorf("no file access in robust.Run") },
		}
		for _, r := range a.Requires {
			pass.ResultOf[r] = results[r]
		}
		res, err := a.Run(pass)
		if err != nil {
			return diags, fmt.Errorf("%s: %v", a.Name, err)
		}
		results[a] = res
	}
	return diags, nil
}
