package jwt_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/jwt"
	"github.com/apivet/apivet/internal/testenv"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Test runs the analyzer over services written against the real
// libraries (testdata/mod/jwt) and checks the suggested fixes against the
// .golden files.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testenv.Module(t), jwt.Analyzer, "./jwt/...")
}
