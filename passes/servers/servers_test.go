package servers_test

import (
	"testing"

	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/servers"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), servers.Analyzer, "./servers/...")
}
