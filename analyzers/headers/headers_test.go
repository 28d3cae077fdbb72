package headers_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/headers"
	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/routes/routestest"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testenv.Module(t), headers.Analyzer,
		"./headers/gin", "./headers/echo", "./headers/fiber", "./headers/chi", "./headers/mux", "./headers/nethttp",
		"./headers/values", "./headers/cookies", "./headers/mw", "./headers/split/...", "./headers/chainhelper")
}

// TestAcrossPackages: a router an exported function builds is judged, and
// reported on its constructor's line, by the package that serves it.
func TestAcrossPackages(t *testing.T) {
	routestest.Run(t, testenv.Module(t), headers.Analyzer, "./headers/cross/...")
}
