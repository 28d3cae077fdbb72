package lint

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// NoSyntax reports whether the pass has no syntax to look at: a dependency
// loaded from export data (the standalone driver runs fact-declaring
// analyzers on those with nil TypesInfo and no files) or an empty package.
func NoSyntax(pass *analysis.Pass) bool {
	return pass.TypesInfo == nil || len(pass.Files) == 0 || pass.Pkg == nil
}

// IsDependency reports whether the pass analyses code outside the user's
// modules: the standard library or a module version from the module cache.
// Analyzers skip fact computation there, so that go vet (which runs the
// tool on every dependency from source) and the standalone driver (which
// loads dependencies from export data) compute the same facts.
//
// Setting APIVET_ANALYZE_DEPENDENCIES=1 analyses them too; it exists for
// robustness tests that run every check over the standard library.
func IsDependency(pass *analysis.Pass) bool {
	if analyzeDependencies {
		return false
	}
	if pass.Module != nil && pass.Module.Path != "" {
		return pass.Module.Version != ""
	}
	if pass.Pkg == nil {
		return true
	}
	path := pass.Pkg.Path()
	first, _, _ := strings.Cut(path, "/")
	// Standard-library paths have no dot in their first element. Packages of
	// a GOPATH-style or Bazel workspace normally have one (example.com/...).
	return !strings.Contains(first, ".") && path != "main" && !strings.HasPrefix(path, "command-line-arguments")
}

var analyzeDependencies = os.Getenv("APIVET_ANALYZE_DEPENDENCIES") == "1"
