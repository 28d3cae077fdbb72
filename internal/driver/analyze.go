package driver

// The scheduler: a go/analysis driver for packages loaded with syntax
// (the user's modules) whose dependencies come from export data.
//
// Unlike checker.Analyze it runs nothing on dependency packages (apivet's
// passes have no syntax to look at there and export no facts for them),
// and it releases each package's syntax, type information and pass results
// as soon as the package is done, so that memory does not grow with the
// size of the module: only the packages being analysed hold results.
// Packages run in parallel, each after the packages it imports, so that
// facts flow from dependencies to importers.

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// pkgResult is the outcome of one package.
type pkgResult struct {
	pkg   *packages.Package
	diags map[*analysis.Analyzer][]analysis.Diagnostic
	errs  map[*analysis.Analyzer]error
}

type factKey struct {
	obj types.Object
	typ reflect.Type
}

type pkgFactKey struct {
	pkg *types.Package
	typ reflect.Type
}

// factStore holds every exported fact, keyed by object; packages only read
// facts of packages that finished before them.
type factStore struct {
	mu   sync.RWMutex
	obj  map[factKey]analysis.Fact
	pkgs map[pkgFactKey]analysis.Fact
}

// analyze runs the analyzers over pkgs and returns one result per package,
// in the order of pkgs. keep reports whether a package's diagnostics are
// wanted (packages loaded only for their facts are analysed and dropped).
func analyze(as []*analysis.Analyzer, pkgs []*packages.Package, release bool) []*pkgResult {
	order := analyzerOrder(as)
	facts := &factStore{obj: map[factKey]analysis.Fact{}, pkgs: map[pkgFactKey]analysis.Fact{}}

	index := map[*packages.Package]int{}
	for i, p := range pkgs {
		index[p] = i
	}
	// deps[i]: indexes of the analysed packages that package i imports,
	// directly or through packages that are not analysed.
	deps := make([][]int, len(pkgs))
	for i, p := range pkgs {
		seen := map[*packages.Package]bool{}
		var walk func(q *packages.Package)
		walk = func(q *packages.Package) {
			for _, imp := range q.Imports {
				if seen[imp] {
					continue
				}
				seen[imp] = true
				if j, ok := index[imp]; ok {
					deps[i] = append(deps[i], j)
					continue // its own deps are handled through it
				}
				if imp.Module != nil && imp.Module.Main {
					walk(imp)
				}
			}
		}
		walk(p)
	}
	// The packages whose facts a package may list (AllPackageFacts,
	// AllObjectFacts): itself and what it imports, transitively, as in
	// go vet — never a package that merely ran earlier.
	visible := make([]map[*types.Package]bool, len(pkgs))
	var closure func(i int) map[*types.Package]bool
	closure = func(i int) map[*types.Package]bool {
		if visible[i] != nil {
			return visible[i]
		}
		m := map[*types.Package]bool{pkgs[i].Types: true}
		visible[i] = m
		for _, j := range deps[i] {
			for p := range closure(j) {
				m[p] = true
			}
		}
		return m
	}
	for i := range pkgs {
		closure(i)
	}
	waiting := make([]int, len(pkgs))
	dependents := make([][]int, len(pkgs))
	for i := range pkgs {
		waiting[i] = len(deps[i])
		for _, j := range deps[i] {
			dependents[j] = append(dependents[j], i)
		}
	}

	results := make([]*pkgResult, len(pkgs))
	ready := make(chan int, len(pkgs))
	for i := range pkgs {
		if waiting[i] == 0 {
			ready <- i
		}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	remaining := len(pkgs)
	if remaining == 0 {
		return nil
	}
	workers := runtime.GOMAXPROCS(0)
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case i := <-ready:
					results[i] = runPackage(pkgs[i], order, facts, visible[i])
					if release {
						// Nothing after this needs the package's syntax or
						// type information: dependents see its types
						// through their own imports, and its facts are
						// stored.
						pkgs[i].Syntax = nil
						pkgs[i].TypesInfo = nil
					}
					mu.Lock()
					for _, d := range dependents[i] {
						waiting[d]--
						if waiting[d] == 0 {
							ready <- d
						}
					}
					remaining--
					if remaining == 0 {
						close(done)
					}
					mu.Unlock()
				case <-done:
					return
				}
			}
		}()
	}
	wg.Wait()
	return results
}

// analyzerOrder lists the analyzers and everything they require, each
// after its requirements.
func analyzerOrder(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// runPackage runs every analyzer on one package, in requirement order.
func runPackage(pkg *packages.Package, order []*analysis.Analyzer, facts *factStore, visible map[*types.Package]bool) *pkgResult {
	res := &pkgResult{pkg: pkg, diags: map[*analysis.Analyzer][]analysis.Diagnostic{}, errs: map[*analysis.Analyzer]error{}}
	results := map[*analysis.Analyzer]any{}
	module := &analysis.Module{}
	if m := pkg.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	for _, a := range order {
		var failed []string
		for _, r := range a.Requires {
			if res.errs[r] != nil {
				failed = append(failed, r.Name)
			}
		}
		if len(failed) > 0 {
			res.errs[a] = fmt.Errorf("failed prerequisites: %v", failed)
			continue
		}
		if pkg.IllTyped && !a.RunDespiteErrors {
			res.errs[a] = fmt.Errorf("analysis skipped due to errors in package")
			continue
		}
		var diags []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         pkg.Fset,
			Files:        pkg.Syntax,
			OtherFiles:   pkg.OtherFiles,
			IgnoredFiles: pkg.IgnoredFiles,
			Pkg:          pkg.Types,
			TypesInfo:    pkg.TypesInfo,
			TypesSizes:   pkg.TypesSizes,
			TypeErrors:   pkg.TypeErrors,
			Module:       module,
			ResultOf:     map[*analysis.Analyzer]any{},
			Report:       func(d analysis.Diagnostic) { diags = append(diags, d) },
			ReadFile:     readFileIn(pkg),
		}
		for _, r := range a.Requires {
			pass.ResultOf[r] = results[r]
		}
		pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
			if obj == nil {
				return false
			}
			facts.mu.RLock()
			f, ok := facts.obj[factKey{obj, reflect.TypeOf(ptr)}]
			facts.mu.RUnlock()
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
			}
			return ok
		}
		pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
			if obj.Pkg() != pkg.Types {
				panic(fmt.Sprintf("analyzer %s exported a fact for %s, which is not in package %s", a.Name, obj, pkg.PkgPath))
			}
			facts.mu.Lock()
			facts.obj[factKey{obj, reflect.TypeOf(f)}] = f
			facts.mu.Unlock()
		}
		pass.ImportPackageFact = func(p *types.Package, ptr analysis.Fact) bool {
			facts.mu.RLock()
			f, ok := facts.pkgs[pkgFactKey{p, reflect.TypeOf(ptr)}]
			facts.mu.RUnlock()
			if ok {
				reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
			}
			return ok
		}
		pass.ExportPackageFact = func(f analysis.Fact) {
			facts.mu.Lock()
			facts.pkgs[pkgFactKey{pkg.Types, reflect.TypeOf(f)}] = f
			facts.mu.Unlock()
		}
		pass.AllObjectFacts = func() []analysis.ObjectFact {
			facts.mu.RLock()
			defer facts.mu.RUnlock()
			var out []analysis.ObjectFact
			for k, f := range facts.obj {
				if visible[k.obj.Pkg()] {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
			sort.Slice(out, func(i, j int) bool { return out[i].Object.Pos() < out[j].Object.Pos() })
			return out
		}
		pass.AllPackageFacts = func() []analysis.PackageFact {
			facts.mu.RLock()
			defer facts.mu.RUnlock()
			var out []analysis.PackageFact
			for k, f := range facts.pkgs {
				if visible[k.pkg] {
					out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
				}
			}
			sort.Slice(out, func(i, j int) bool { return out[i].Package.Path() < out[j].Package.Path() })
			return out
		}
		r, err := a.Run(pass)
		if err == nil && a.ResultType != nil && reflect.TypeOf(r) != a.ResultType {
			err = fmt.Errorf("internal error: analyzer %s returned %T, declared %v", a.Name, r, a.ResultType)
		}
		if err != nil {
			res.errs[a] = err
			continue
		}
		results[a] = r
		if len(diags) > 0 {
			res.diags[a] = diags
		}
	}
	return res
}

// readFileIn allows an analyzer to read the package's own files only.
func readFileIn(pkg *packages.Package) func(string) ([]byte, error) {
	allowed := map[string]bool{}
	for _, list := range [][]string{pkg.GoFiles, pkg.CompiledGoFiles, pkg.OtherFiles, pkg.IgnoredFiles, pkg.EmbedFiles} {
		for _, f := range list {
			allowed[f] = true
		}
	}
	return func(name string) ([]byte, error) {
		if !allowed[name] {
			return nil, fmt.Errorf("analysis may not read %s: not a file of package %s", name, pkg.PkgPath)
		}
		return os.ReadFile(name)
	}
}
