package exposure_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/exposure"
	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/routes/routestest"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), exposure.Analyzer,
		"./exposure/accounts", "./exposure/billing", "./exposure/echoapi", "./exposure/fiberapi", "./exposure/ginapi",
		"./exposure/muxapi", "./exposure/respond", "./exposure/stdapi", "./exposure/store", "./exposure/uploads",
		"./exposure/csrf/...")
}

// TestCSRFAcrossPackages: routes registered by an exported function are
// judged, and reported on their own line, by the package that serves them
// with the whole chain.
func TestCSRFAcrossPackages(t *testing.T) {
	routestest.Run(t, testenv.Module(t), exposure.Analyzer, "./exposure/csrfcross/...")
}
