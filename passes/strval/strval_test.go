package strval_test

import (
	"go/ast"
	"reflect"
	"testing"

	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// probe reports strval's answer for every argument of a call to show(x).
var probe = &analysis.Analyzer{
	Name:     "strvalprobe",
	Doc:      "reports strval.Eval for the argument of show(x)",
	Requires: []*analysis.Analyzer{strval.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[strval.Analyzer].(*strval.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "show" && len(call.Args) == 1 {
					pass.Reportf(call.Pos(), "%s", res.Eval(call.Args[0]))
				}
				return true
			})
		}
		return nil, nil
	},
	ResultType: reflect.TypeOf(nil),
}

func TestEval(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), probe, "./strval/probe", "./strval/probe2")
}

func TestFacts(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), strval.Analyzer, "./strval/consts")
}
