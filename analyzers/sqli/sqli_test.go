package sqli_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/sqli"
	"github.com/apivet/apivet/internal/testenv"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), sqli.Analyzer, "./sqli/...")
}
