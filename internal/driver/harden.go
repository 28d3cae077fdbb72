package driver

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

var hardened sync.Map // *analysis.Analyzer → true

// Harden makes every analyzer (and everything it requires) turn a panic
// into an error for that package, so that a bug in one check on unusual
// code is reported with the package and a stack excerpt instead of
// killing the whole run. It changes the analyzers in place, once, and is
// meant for the binary (standalone and go vet), not for library users.
func Harden(as []*analysis.Analyzer) {
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if _, done := hardened.LoadOrStore(a, true); done {
			return
		}
		for _, r := range a.Requires {
			visit(r)
		}
		run := a.Run
		name := a.Name
		a.Run = func(pass *analysis.Pass) (res any, err error) {
			defer func() {
				if r := recover(); r != nil {
					pkg := "?"
					if pass.Pkg != nil {
						pkg = pass.Pkg.Path()
					}
					err = fmt.Errorf("internal error in analyzer %s on package %s: %v (please report this with the code that triggers it)\n%s",
						name, pkg, r, stackExcerpt())
				}
			}()
			return run(pass)
		}
	}
	for _, a := range as {
		visit(a)
	}
}

// stackExcerpt keeps the frames of apivet's own code.
func stackExcerpt() string {
	var keep []string
	lines := strings.Split(string(debug.Stack()), "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.Contains(lines[i], "github.com/apivet/apivet/") && !strings.Contains(lines[i], "driver.Harden") &&
			!strings.Contains(lines[i], "driver.stackExcerpt") {
			keep = append(keep, "\t"+strings.TrimSpace(lines[i])+" "+strings.TrimSpace(lines[i+1]))
			if len(keep) == 6 {
				break
			}
		}
	}
	return strings.Join(keep, "\n")
}
