package jwtkeys_test

import (
	"go/token"
	"testing"

	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/jwtkeys"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), jwtkeys.Analyzer, "./jwtkeys/...")
}

// TestNoSyntax pins what the checker does with LoadSyntax packages: it
// runs fact-declaring passes on dependencies with no files and a nil
// TypesInfo. The pass must return a Result that answers "unknown".
func TestNoSyntax(t *testing.T) {
	pass := &analysis.Pass{
		Analyzer: jwtkeys.Analyzer,
		Fset:     token.NewFileSet(),
		ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: nil, strval.Analyzer: (*strval.Result)(nil)},
	}
	res, err := jwtkeys.Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := res.(*jwtkeys.Result)
	if !ok || r == nil {
		t.Fatalf("Run returned %T, want a non-nil *jwtkeys.Result", res)
	}
	if _, ok := r.Keyfunc(nil); ok {
		t.Error("Keyfunc resolved something without syntax")
	}
	if st := r.Claims(nil); st != jwtkeys.ExpUnknown {
		t.Errorf("Claims = %v, want unknown", st)
	}
	if c := r.Parse(nil, nil, false); c.Known {
		t.Error("Parse claims to know a configuration without syntax")
	}
	if w := r.Weak(nil); w.Known {
		t.Error("Weak knows a key without syntax")
	}
}
