package ratelimit_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/ratelimit"
	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/routes/routestest"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), ratelimit.Analyzer,
		"./ratelimit/gin", "./ratelimit/echo", "./ratelimit/fiber", "./ratelimit/chi", "./ratelimit/mux",
		"./ratelimit/nethttp", "./ratelimit/httprouter", "./ratelimit/mw", "./ratelimit/letsgo", "./ratelimit/tables/...")
}

// TestAcrossPackages: routes registered by an exported function are
// judged, and reported on their own line, by the package that calls it.
func TestAcrossPackages(t *testing.T) {
	routestest.Run(t, testenv.Module(t), ratelimit.Analyzer, "./ratelimit/cross/...")
}
