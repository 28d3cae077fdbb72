// Package driver loads packages and runs apivet's analyzers over them for
// the standalone command.
//
// Loading is shaped around facts. A checker handed packages loaded with
// dependencies from source (LoadAllSyntax) would parse and type-check every
// dependency as soon as one analyzer declares facts. Instead the driver
// loads with LoadSyntax and makes every package of the user's modules a
// root: module packages get syntax and facts flow between them, while
// third-party and standard packages come from export data. Fact-declaring
// analyzers still run on those dependencies, with no syntax and nil
// TypesInfo; every apivet pass returns early there (lint.NoSyntax).
package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/output"
	"github.com/apivet/apivet/internal/rules"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Options control one run.
type Options struct {
	Dir       string   // working directory; "" means the current one
	Patterns  []string // package patterns; none means ./...
	Tests     bool     // load test files too
	Tags      string   // build tags, comma-separated
	Analyzers []*analysis.Analyzer
	Env       []string // extra environment for the go command
}

// Result is what a run produced.
type Result struct {
	Report *output.Report
	// Fixes holds the suggested fixes of unsuppressed findings, for -fix.
	Fixes []Fix
}

// Fix is one suggested fix of a finding.
type Fix struct {
	Rule  string
	Fset  *token.FileSet
	Fix   analysis.SuggestedFix
	Where token.Position
}

// ErrNoPackages is returned when the patterns match nothing.
var ErrNoPackages = errors.New("no packages matched")

// Run loads the packages and analyses them.
func Run(opts Options) (*Result, error) {
	patterns := opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	dir := opts.Dir
	if dir == "" {
		var err error
		if dir, err = os.Getwd(); err != nil {
			return nil, err
		}
	}
	patterns = expandWorkspace(dir, patterns, append(os.Environ(), opts.Env...))
	var buildFlags []string
	if opts.Tags != "" {
		buildFlags = append(buildFlags, "-tags="+opts.Tags)
	}
	env := append(os.Environ(), opts.Env...)

	// Load the requested packages with syntax and types; dependencies come
	// from export data.
	cfg := &packages.Config{
		Mode:       packages.LoadSyntax | packages.NeedModule,
		Dir:        dir,
		Tests:      opts.Tests,
		BuildFlags: buildFlags,
		Env:        env,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %v", strings.Join(patterns, " "), err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%w %s", ErrNoPackages, strings.Join(patterns, " "))
	}
	requested := map[string]bool{}
	for _, p := range pkgs {
		requested[p.PkgPath] = true
	}
	// Facts flow only between packages analysed from source. When the
	// patterns leave out packages of the user's modules that the requested
	// ones import (apivet ./internal/api/... in a larger module), load those
	// too, so that their middleware, keyfuncs and query helpers are known.
	var extra []string
	seenExtra := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Module != nil && p.Module.Main && !requested[p.PkgPath] && !seenExtra[p.PkgPath] && p.PkgPath != "" {
			seenExtra[p.PkgPath] = true
			extra = append(extra, p.PkgPath)
		}
	})
	if len(extra) > 0 {
		sort.Strings(extra)
		pkgs, err = packages.Load(cfg, append(append([]string(nil), patterns...), extra...)...)
		if err != nil {
			return nil, fmt.Errorf("loading %s: %v", strings.Join(patterns, " "), err)
		}
	}

	root := reportRoot(dir, pkgs, env)
	rep := &output.Report{Tool: "apivet", Root: root}

	// Packages that failed to load are errors; the rest are analysed.
	var good []*packages.Package
	badPkg := map[string]bool{}
	for _, p := range dedupeTestVariants(pkgs, opts.Tests) {
		if errs := loadErrors(p); len(errs) > 0 {
			badPkg[p.ID] = true
			if requested[p.PkgPath] {
				rep.Errors = append(rep.Errors, errs...)
			}
			continue
		}
		good = append(good, p)
	}
	if len(good) == 0 && len(rep.Errors) == 0 {
		return nil, fmt.Errorf("%w %s", ErrNoPackages, strings.Join(patterns, " "))
	}

	res := &Result{Report: rep}
	if len(good) > 0 {
		if err := analysis.Validate(opts.Analyzers); err != nil {
			return nil, err
		}
		collect(opts.Analyzers, analyze(opts.Analyzers, good, true), requested, rep, res)
	}
	for _, p := range good {
		if requested[p.PkgPath] {
			rep.Packages++
		}
	}
	dedupeFindings(rep)
	output.AssignFingerprints(rep.Findings, root, os.ReadFile)
	output.Sort(rep.Findings)
	sortErrors(rep.Errors)
	return res, nil
}

// dedupeTestVariants drops a package when its test variant ("p [p.test]")
// is present, because the variant holds the same files plus the tests, and
// drops the synthesized test mains.
func dedupeTestVariants(pkgs []*packages.Package, tests bool) []*packages.Package {
	if !tests {
		return pkgs
	}
	hasVariant := map[string]bool{}
	for _, p := range pkgs {
		if strings.Contains(p.ID, " [") && !strings.HasSuffix(p.PkgPath, "_test") {
			hasVariant[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue
		}
		if !strings.Contains(p.ID, " [") && hasVariant[p.PkgPath] {
			continue
		}
		out = append(out, p)
	}
	return out
}

func loadErrors(p *packages.Package) []output.Error {
	var out []output.Error
	seen := map[string]bool{}
	for _, e := range p.Errors {
		key := e.Pos + e.Msg
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, output.Error{Package: p.PkgPath, Pos: e.Pos, Message: e.Msg})
	}
	return out
}

func collect(as []*analysis.Analyzer, results []*pkgResult, requested map[string]bool, rep *output.Report, res *Result) {
	errSeen := map[string]bool{}
	for _, pr := range results {
		if pr == nil || !requested[pr.pkg.PkgPath] {
			continue
		}
		pkg := pr.pkg
		for _, a := range as {
			if err := pr.errs[a]; err != nil {
				msg := fmt.Sprintf("analyzer %s: %v", a.Name, err)
				if pkg.IllTyped {
					msg = "not analysed: the package or a package it imports has errors"
				}
				if !errSeen[pkg.ID+msg] {
					errSeen[pkg.ID+msg] = true
					rep.Errors = append(rep.Errors, output.Error{Package: pkg.PkgPath, Message: msg})
				}
				continue
			}
			for _, d := range pr.diags[a] {
				rule := rules.ByID(d.Category)
				if rule == nil {
					continue
				}
				f := output.Finding{
					Rule:    rule,
					Message: stripPrefix(d.Message, rule),
					Pos:     pkg.Fset.Position(d.Pos),
					Package: pkg.PkgPath,
					HasFix:  len(d.SuggestedFixes) > 0,
				}
				if d.End.IsValid() {
					f.End = pkg.Fset.Position(d.End)
				}
				for _, rel := range d.Related {
					if reason, ok := strings.CutPrefix(rel.Message, lint.SuppressedPrefix); ok {
						f.Suppressed = true
						f.SuppressReason = reason
						continue
					}
					f.Related = append(f.Related, output.Related{Pos: pkg.Fset.Position(rel.Pos), Message: rel.Message})
				}
				rep.Findings = append(rep.Findings, f)
				if !f.Suppressed {
					for _, sf := range d.SuggestedFixes {
						res.Fixes = append(res.Fixes, Fix{Rule: rule.ID, Fset: pkg.Fset, Fix: sf, Where: f.Pos})
						break
					}
				}
			}
		}
	}
}

// stripPrefix removes the "AV301 high: " the Reporter puts in front of
// every message (for go vet and golangci-lint, which show no category).
func stripPrefix(msg string, r *rules.Rule) string {
	return strings.TrimPrefix(msg, r.ID+" "+r.Severity.String()+": ")
}

// dedupeFindings removes findings reported twice for the same file
// position (a file analysed in a package and in its test variant).
func dedupeFindings(rep *output.Report) {
	seen := map[string]bool{}
	out := rep.Findings[:0]
	for _, f := range rep.Findings {
		key := fmt.Sprintf("%s:%d:%d:%s:%s", f.Pos.Filename, f.Pos.Line, f.Pos.Column, f.Rule.ID, f.Message)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, f)
	}
	rep.Findings = out
}

func sortErrors(errs []output.Error) {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Package != errs[j].Package {
			return errs[i].Package < errs[j].Package
		}
		if errs[i].Pos != errs[j].Pos {
			return errs[i].Pos < errs[j].Pos
		}
		return errs[i].Message < errs[j].Message
	})
}

// reportRoot is the directory output paths are relative to: the go.work
// directory in a workspace, else the main module's directory, else dir.
func reportRoot(dir string, pkgs []*packages.Package, env []string) string {
	cmd := exec.Command("go", "env", "GOWORK")
	cmd.Dir = dir
	cmd.Env = env
	if out, err := cmd.Output(); err == nil {
		w := strings.TrimSpace(string(bytes.TrimSpace(out)))
		if w != "" && w != "off" {
			return filepath.Dir(w)
		}
	}
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	return dir
}

// expandWorkspace rewrites "./..." at the root of a go.work workspace that
// is not itself a module into the modules the workspace uses: the go
// command rejects "./..." there ("directory prefix . does not contain
// modules listed in go.work"), but that is what a user running apivet at
// the workspace root means.
func expandWorkspace(dir string, patterns []string, env []string) []string {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return patterns
	}
	cmd := exec.Command("go", "env", "GOWORK")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	w := strings.TrimSpace(string(out))
	if err != nil || w == "" || w == "off" || filepath.Dir(w) != filepath.Clean(dir) {
		return patterns
	}
	cmd = exec.Command("go", "list", "-m", "-f", "{{.Dir}}")
	cmd.Dir, cmd.Env = dir, env
	out, err = cmd.Output()
	if err != nil {
		return patterns
	}
	var mods []string
	for _, m := range strings.Fields(string(out)) {
		if rel, err := filepath.Rel(dir, m); err == nil && !strings.HasPrefix(rel, "..") {
			mods = append(mods, "./"+filepath.ToSlash(rel)+"/...")
		}
	}
	var res []string
	for _, p := range patterns {
		if p == "./..." && len(mods) > 0 {
			res = append(res, mods...)
			continue
		}
		res = append(res, p)
	}
	return res
}
