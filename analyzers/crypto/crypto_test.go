package crypto_test

import (
	"testing"

	"github.com/apivet/apivet/analyzers/crypto"
	"github.com/apivet/apivet/internal/testenv"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Test runs the analyzer with its default settings over the crypto
// packages of the test module, which use the real x/crypto, gin and
// oauth2, and checks the suggested fixes against the .golden files.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testenv.Module(t), crypto.Analyzer,
		"./crypto/consts", "./crypto/session", "./crypto/passwords", "./crypto/pii",
		"./crypto/checksum", "./crypto/retry", "./crypto/legacy", "./crypto/hashutil", "./crypto/apitokens", "./crypto/webhooks")
}

// TestThresholds raises the AV608 thresholds through the analyzer's flags.
func TestThresholds(t *testing.T) {
	set := func(name, value string) {
		old := crypto.Analyzer.Flags.Lookup(name).Value.String()
		if err := crypto.Analyzer.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { crypto.Analyzer.Flags.Set(name, old) })
	}
	set("min-bcrypt-cost", "12")
	set("min-rsa-bits", "3072")
	set("min-pbkdf2-iterations", "1000000")
	analysistest.RunWithSuggestedFixes(t, testenv.Module(t), crypto.Analyzer, "./crypto/strict")
}
