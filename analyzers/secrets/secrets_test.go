package secrets_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/secrets"
	"github.com/apivet/apivet/internal/testenv"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), secrets.Analyzer, "./secrets/...")
}
