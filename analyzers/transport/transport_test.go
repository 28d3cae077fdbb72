package transport_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/transport"
	"github.com/apivet/apivet/internal/testenv"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testenv.Module(t), transport.Analyzer, "./transport/...")
}
