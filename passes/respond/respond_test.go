package respond_test

import (
	"testing"

	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/respond"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFacts checks the HelperFacts exported for the module's response
// helpers in net/http, gin, echo and fiber.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), respond.Analyzer, "./respond/...")
}
