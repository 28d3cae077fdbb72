// Command apivet is a security linter for Go web APIs.
//
//	apivet [flags] [packages]        standalone, text/JSON/SARIF output
//	go vet -vettool=$(command -v apivet) ./...
//
// When go vet runs it (arguments -V=full, -flags, or a last argument that
// ends in .cfg), apivet hands over to the unitchecker protocol with the
// same analyzers, so both report the same findings.
package main

import (
	"os"
	"strings"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/cli"
	"github.com/apivet/apivet/internal/driver"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() {
	all := analyzers.All()
	driver.Harden(all) // a panic in one check becomes an error for that package
	if vetProtocol(os.Args[1:]) {
		unitchecker.Main(all...) // does not return
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}

// vetProtocol reports whether the go command is calling apivet as a vet
// tool: `-V=full` to describe the executable, `-flags` to list its flags,
// or a unit of work described by a .cfg file (go vet in Go 1.26 calls
// `tool -json [flags] .../vet.cfg`).
func vetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
