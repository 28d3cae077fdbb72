// Package sinks defines an Analyzer that finds the calls whose string
// argument is executed as SQL, in libraries and in the module's own helpers.
//
// # Analyzer sinks
//
// sinks: calls whose string argument is executed as SQL
//
// The library sinks are data (knowledge.go): database/sql, sqlx, gorm,
// pgx v4 and v5 (including Batch.Queue), squirrel, and interface methods
// named like database/sql's (QueryContext, ExecContext, ...) that users
// declare for their DB handles. A function of the module whose string
// parameter flows unchanged into a sink becomes a sink itself; a SinkFact
// carries that to importing packages, so `repo.query("... " + name)` is
// checked wherever it is called.
package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes a *Result per package and exports SinkFacts.
var Analyzer = &analysis.Analyzer{
	Name:             "sinks",
	Doc:              "calls whose string argument is executed as SQL",
	URL:              "https://github.com/apivet/apivet/tree/main/passes/sinks",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
	FactTypes:        []analysis.Fact{(*SinkFact)(nil)},
}

// Kind classifies a sink.
type Kind string

const (
	// SQLQuery executes the string as a whole statement.
	SQLQuery Kind = "sql-query"
	// SQLFragment inserts the string verbatim into a statement an ORM or
	// query builder generates (gorm's Where, Order, ...).
	SQLFragment Kind = "sql-fragment"
)

// Sink is one argument of a call that reaches a sink.
type Sink struct {
	Kind Kind
	Arg  int    // index of the call argument
	Name string // the library call, e.g. "(*sql.DB).Query"
	Via  string // the user function the call goes through, if any: "(*Repo).query"
	// Placeholder is the bind-parameter syntax of the driver, "$1" or "?",
	// or "" when the handle could speak either.
	Placeholder string
	// Ident is set when the argument names columns or tables (gorm's
	// Order, Select, Table) rather than holding a condition or statement.
	Ident bool
	// Partial is set when the user function builds the argument into its
	// query (a table name, a where clause) rather than running it as is.
	Partial bool
}

// Finding is a sink call whose query argument is built from non-constant
// pieces (or read whole from the request).
type Finding struct {
	Call  *ast.CallExpr
	Sink  Sink
	Taint *Taint
}

// SinkFact records, for a function of the module, which string parameters
// flow unchanged into a sink.
type SinkFact struct {
	Sinks []FactSink
}

// FactSink is one parameter of a SinkFact.
type FactSink struct {
	Param       int
	Kind        Kind
	Name        string
	Placeholder string
	Ident       bool
	Partial     bool
}

// AFact marks SinkFact as an analysis fact.
func (*SinkFact) AFact() {}

func (f *SinkFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		p := strconv.Itoa(s.Param) + "→" + string(s.Kind)
		if s.Partial {
			p += " (built)"
		}
		parts = append(parts, p+" "+s.Name)
	}
	return "sinks " + strings.Join(parts, ", ")
}

// Result finds sinks at call sites and the sink calls whose query is
// built from non-constant pieces.
type Result struct {
	info  *types.Info
	pkg   *types.Package
	local map[*types.Func][]FactSink
	pass  *analysis.Pass
	// Findings lists, in source order, the sink calls of the package whose
	// query argument is built from non-constant pieces.
	Findings []Finding
}

// Lookup returns the sinks a call reaches, one per argument.
func (r *Result) Lookup(call *ast.CallExpr) []Sink {
	if r == nil || r.info == nil {
		return nil
	}
	fn := typesx.Callee(r.info, call)
	if fn == nil {
		return nil
	}
	if s, ok := libraryLookup(fn, call); ok {
		return []Sink{s}
	}
	var fs []FactSink
	if fn.Pkg() == r.pkg {
		fs = r.local[fn]
	} else if r.pass != nil && r.pass.ImportObjectFact != nil {
		var f SinkFact
		if r.pass.ImportObjectFact(fn, &f) {
			fs = f.Sinks
		}
	}
	var out []Sink
	for _, s := range fs {
		if s.Param < len(call.Args) {
			out = append(out, Sink{Kind: s.Kind, Arg: s.Param, Name: s.Name, Via: typesx.FuncDisplay(fn), Placeholder: s.Placeholder, Ident: s.Ident, Partial: s.Partial})
		}
	}
	return out
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{info: pass.TypesInfo, pkg: pass.Pkg, pass: pass, local: map[*types.Func][]FactSink{}}
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return r, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sv := pass.ResultOf[strval.Analyzer].(*strval.Result)

	// Every call, with the function declaration around it (the outermost:
	// a closure sees its declaration's parameters and guards) and the body
	// to search for allow-list guards.
	type site struct {
		call *ast.CallExpr
		fn   *types.Func
		body *ast.BlockStmt
	}
	var sites []site
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		st := site{call: cur.Node().(*ast.CallExpr)}
		for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch f := enc.Node().(type) {
			case *ast.FuncLit:
				st.body = f.Body
				continue
			case *ast.FuncDecl:
				st.body = f.Body
				st.fn, _ = pass.TypesInfo.Defs[f.Name].(*types.Func)
			}
			break
		}
		sites = append(sites, st)
	}
	newChecker := func(s site) *checker {
		return &checker{pass: pass, info: pass.TypesInfo, sv: sv, fnBody: s.body,
			trusted: trustedParams(sv, s.fn), used: map[*types.Var]bool{}}
	}

	// Propagate to a fixpoint: helpers that pass a parameter through, or
	// build it into their query, and helpers that call helpers.
	for round := 0; round < 8; round++ {
		changed := false
		add := func(fn *types.Func, fs FactSink) {
			if !containsSink(r.local[fn], fs) {
				r.local[fn] = append(r.local[fn], fs)
				changed = true
			}
		}
		for _, s := range sites {
			if s.fn == nil {
				continue
			}
			for _, sk := range r.Lookup(s.call) {
				arg := s.call.Args[sk.Arg]
				if param := paramFlowing(pass.TypesInfo, sv, s.fn, arg); param >= 0 {
					add(s.fn, FactSink{Param: param, Kind: sk.Kind, Name: sk.Name, Placeholder: sk.Placeholder, Ident: sk.Ident, Partial: sk.Partial})
					continue
				}
				c := newChecker(s)
				if c.query(arg) != nil {
					continue
				}
				sig := s.fn.Signature()
				for i := 0; i < sig.Params().Len(); i++ {
					if c.used[sig.Params().At(i)] {
						add(s.fn, FactSink{Param: i, Kind: sk.Kind, Name: sk.Name, Placeholder: sk.Placeholder, Ident: sk.Ident, Partial: true})
					}
				}
			}
		}
		if !changed {
			break
		}
	}

	for _, s := range sites {
		for _, sk := range r.Lookup(s.call) {
			if t := newChecker(s).query(s.call.Args[sk.Arg]); t != nil {
				t.Ident = t.Ident || sk.Ident
				r.Findings = append(r.Findings, Finding{Call: s.call, Sink: sk, Taint: t})
			}
		}
	}

	fns := make([]*types.Func, 0, len(r.local))
	for fn := range r.local {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		fs := r.local[fn]
		sort.Slice(fs, func(i, j int) bool {
			if fs[i].Param != fs[j].Param {
				return fs[i].Param < fs[j].Param
			}
			return fs[i].Name < fs[j].Name
		})
		pass.ExportObjectFact(fn, &SinkFact{Sinks: fs})
	}
	return r, nil
}

func containsSink(list []FactSink, s FactSink) bool {
	for _, x := range list {
		if x.Param == s.Param && x.Kind == s.Kind {
			return true
		}
	}
	return false
}

// paramFlowing returns the index of fn's string parameter that arg is
// (directly, through conversions, or through a local variable assigned
// only from it), or -1.
func paramFlowing(info *types.Info, sv *strval.Result, fn *types.Func, arg ast.Expr) int {
	sig := fn.Signature()
	for hop := 0; hop < 4; hop++ {
		id, ok := typesx.StripConversions(info, arg).(*ast.Ident)
		if !ok {
			return -1
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return -1
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Params().At(i) == v {
				if sig.Variadic() && i == sig.Params().Len()-1 {
					return -1
				}
				if !typesx.IsString(v.Type()) {
					return -1
				}
				if as, _ := sv.Assignments(v); len(as) > 0 {
					return -1 // reassigned in the body: not the caller's value alone
				}
				return i
			}
		}
		// q := query; db.Query(q)
		as, ok := sv.Assignments(v)
		if !ok || len(as) != 1 || as[0].Kind != strval.Plain || as[0].Op != token.ASSIGN {
			return -1
		}
		arg = as[0].RHS
	}
	return -1
}
