package corpus

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/driver"
)

// Root returns the corpus directory, testdata/mod/corpus.
func Root() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("cannot locate the repository")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..", "testdata", "mod", "corpus")
	if _, err := os.Stat(root); err != nil {
		return "", err
	}
	return filepath.Abs(root)
}

// RunApivet analyses the corpus with every analyzer at its defaults and
// returns the findings mapped to families.
func RunApivet(root string) ([]Finding, error) {
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = filepath.Dir(root)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go mod download: %v\n%s", err, out)
	}
	res, err := driver.Run(driver.Options{Dir: root, Patterns: []string{"./..."}, Analyzers: analyzers.All()})
	if err != nil {
		return nil, err
	}
	if len(res.Report.Errors) > 0 {
		e := res.Report.Errors[0]
		return nil, fmt.Errorf("the corpus does not load: %s %s: %s", e.Package, e.Pos, e.Message)
	}
	var out []Finding
	for _, f := range res.Report.Findings {
		if f.Suppressed || f.Rule.ID[2] == '0' {
			continue
		}
		rel, err := filepath.Rel(root, f.Pos.Filename)
		if err != nil {
			continue
		}
		out = append(out, Finding{Family: f.Rule.Family().Name, Line: Line{filepath.ToSlash(rel), f.Pos.Line}, Rule: f.Rule.ID})
	}
	return out, nil
}
