package exposure_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/exposure"
	"github.com/apivet/apivet/internal/testenv"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), exposure.Analyzer, "./exposure/...")
}
