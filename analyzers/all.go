// Package analyzers lists every apivet analyzer: the family checks the
// binary, go vet, golangci-lint and nogo run. Each family package exports
// exactly one Analyzer with a unique name.
package analyzers

import (
	"github.com/apivet/apivet/analyzers/cors"
	"github.com/apivet/apivet/analyzers/crypto"
	"github.com/apivet/apivet/analyzers/directive"
	"github.com/apivet/apivet/analyzers/exposure"
	"github.com/apivet/apivet/analyzers/headers"
	"github.com/apivet/apivet/analyzers/jwt"
	"github.com/apivet/apivet/analyzers/ratelimit"
	"github.com/apivet/apivet/analyzers/secrets"
	"github.com/apivet/apivet/analyzers/sqli"
	"github.com/apivet/apivet/analyzers/transport"
	"golang.org/x/tools/go/analysis"
)

// All returns the analyzers in a fixed order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		directive.Analyzer,
		jwt.Analyzer,
		ratelimit.Analyzer,
		sqli.Analyzer,
		cors.Analyzer,
		secrets.Analyzer,
		crypto.Analyzer,
		headers.Analyzer,
		transport.Analyzer,
		exposure.Analyzer,
	}
}
