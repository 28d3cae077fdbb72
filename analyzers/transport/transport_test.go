package transport_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/transport"
	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/routes/routestest"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testenv.Module(t), transport.Analyzer,
		"./transport/api", "./transport/client", "./transport/config", "./transport/e2eclient", "./transport/echoreplace",
		"./transport/echosrv", "./transport/echotimeouts", "./transport/fibersrv", "./transport/ginsrv", "./transport/latest",
		"./transport/server", "./transport/srvconfig", "./transport/testutil", "./transport/upstreamtest",
		"./transport/bodies/...", "./transport/ctoruse")
}

// TestBodiesAcrossPackages: routes registered by an exported function are
// judged by the package that calls it, and reads in handlers of another
// package are reported on their own lines.
func TestBodiesAcrossPackages(t *testing.T) {
	routestest.Run(t, testenv.Module(t), transport.Analyzer, "./transport/bodycross/...")
}
