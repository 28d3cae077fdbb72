// Package routestest runs an analyzer the way apivet's standalone driver
// does (every package of the module loaded from source as a root, one
// checker.Analyze over them) and checks `// want "regexp"` comments in
// every file, whichever package's pass reports on it. analysistest checks
// each package's diagnostics against that package's files only; findings
// that one package reports on another package's line (a route registered
// by an imported function and judged by its caller, see routes.Origin)
// need this.
package routestest

import (
	"go/scanner"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

type key struct {
	file string
	line int
}

// Run loads patterns in the module at dir, runs a over them and checks the
// diagnostics of every root package against the want comments of every
// root package's files.
func Run(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	// Like the driver: every package of the main module is analysed from
	// source, so that facts flow between them.
	requested := map[string]bool{}
	for _, p := range pkgs {
		requested[p.PkgPath] = true
	}
	var extra []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Module != nil && p.Module.Main && !requested[p.PkgPath] {
			requested[p.PkgPath] = true
			extra = append(extra, p.PkgPath)
		}
	})
	if len(extra) > 0 {
		sort.Strings(extra)
		if pkgs, err = packages.Load(cfg, append(append([]string(nil), patterns...), extra...)...); err != nil {
			t.Fatal(err)
		}
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages had errors")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[key][]*regexp.Regexp{}
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					text := strings.TrimPrefix(c.Text, "//")
					if i := strings.Index(text, "want "); i >= 0 && strings.TrimSpace(text[:i]) == "" {
						posn := p.Fset.Position(c.Pos())
						k := key{posn.Filename, posn.Line}
						for _, re := range parse(t, posn, text[i+len("want "):]) {
							want[k] = append(want[k], re)
						}
					}
				}
			}
		}
	}
	var got []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			k := key{posn.Filename, posn.Line}
			matched := false
			for i, re := range want[k] {
				if re.MatchString(d.Message) {
					want[k] = append(want[k][:i], want[k][i+1:]...)
					matched = true
					break
				}
			}
			if !matched {
				got = append(got, posn.String()+": unexpected diagnostic: "+d.Message)
			}
		}
	}
	for k, res := range want {
		for _, re := range res {
			got = append(got, k.file+":"+strconv.Itoa(k.line)+": no diagnostic matching `"+re.String()+"`")
		}
	}
	sort.Strings(got)
	for _, g := range got {
		t.Error(g)
	}
}

// parse reads the string literals of a want comment; fact expectations
// (name:"...") are skipped.
func parse(t *testing.T, posn token.Position, text string) []*regexp.Regexp {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(text)), []byte(text), nil, 0)
	var out []*regexp.Regexp
	fact := false
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF:
			return out
		case token.IDENT:
			fact = true
		case token.STRING:
			if fact {
				fact = false
				continue
			}
			u, err := strconv.Unquote(lit)
			if err != nil {
				t.Fatalf("%s: bad want: %v", posn, err)
			}
			re, err := regexp.Compile(u)
			if err != nil {
				t.Fatalf("%s: bad want: %v", posn, err)
			}
			out = append(out, re)
		}
	}
}
