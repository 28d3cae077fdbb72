// Package jwtkeys defines an Analyzer that summarises the JWT helpers of a
// package: keyfuncs, the claims helpers build, and the parser options they
// configure.
//
// # Analyzer jwtkeys
//
// jwtkeys: what the module's JWT keyfuncs, claims builders and parser
// helpers do
//
// The jwt analyzer checks Parse and NewWithClaims calls whose keyfunc,
// claims or parser options are often written somewhere else: a keyfunc
// method on an auth service, a keyfunc factory in a shared package, a
// newClaims helper, a parser built in a constructor. This pass answers,
// for an expression of the package,
//
//   - which keyfunc it holds and whether that keyfunc checks token.Method
//     or the alg header, returns a nil, empty or short key, or
//     jwt.UnsafeAllowNoneSignatureType (Keyfunc);
//   - whether claims set an expiry (Claims, CreatedClaims);
//   - what a golang-jwt parser and its options configure (Parse);
//   - how long an HMAC key is when its value is known, also when a short
//     constant is only the fallback for an unset environment variable
//     (Weak).
//
// Library knowledge (import paths, which argument is what) is data in
// knowledge.go. Facts carry the summaries of exported functions and
// methods to importing packages of the module: KeyfuncFact for keyfuncs
// and keyfunc factories, ClaimsFact for claims builders, ParserFact for
// parser and option helpers. Third-party libraries are never analysed for
// facts. The pass reports nothing.
package jwtkeys

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes a *Result per package and exports KeyfuncFact,
// ClaimsFact and ParserFact.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtkeys",
	Doc:              "what the module's JWT keyfuncs, claims builders and parser helpers do",
	URL:              "https://github.com/apivet/apivet/tree/main/passes/jwtkeys",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
	FactTypes:        []analysis.Fact{(*KeyfuncFact)(nil), (*ClaimsFact)(nil), (*ParserFact)(nil)},
}

// maxDepth bounds every recursive resolution (helpers calling helpers,
// variables assigned from variables).
const maxDepth = 8

// Result answers questions about one package's JWT code. Its zero value
// (for packages without syntax) answers "unknown" everywhere.
type Result struct {
	pass  *analysis.Pass
	info  *types.Info
	sv    *strval.Result
	decls map[*types.Func]inspector.Cursor
	order []inspector.Cursor // FuncDecl cursors in source order

	calls      map[*types.Func][]inspector.Cursor
	escapes    map[*types.Func]bool
	uses       map[*types.Var][]inspector.Cursor
	keyfuncs   map[*types.Func]*memoKeyfunc
	claimsMemo map[*types.Func]ExpState
	parsers    map[*types.Func]*ParserConfig
	busy       map[any]bool
}

type memoKeyfunc struct {
	k  Keyfunc
	ok bool
}

func newResult(pass *analysis.Pass) *Result {
	return &Result{
		pass:       pass,
		info:       pass.TypesInfo,
		decls:      map[*types.Func]inspector.Cursor{},
		calls:      map[*types.Func][]inspector.Cursor{},
		escapes:    map[*types.Func]bool{},
		uses:       map[*types.Var][]inspector.Cursor{},
		keyfuncs:   map[*types.Func]*memoKeyfunc{},
		claimsMemo: map[*types.Func]ExpState{},
		parsers:    map[*types.Func]*ParserConfig{},
		busy:       map[any]bool{},
	}
}

func run(pass *analysis.Pass) (any, error) {
	r := newResult(pass)
	if lint.NoSyntax(pass) || lint.IsDependency(pass) || !UsesLibraries(pass.Pkg) {
		r.info = nil
		return r, nil
	}
	r.sv, _ = pass.ResultOf[strval.Analyzer].(*strval.Result)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := r.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				r.decls[fn] = cur
				r.order = append(r.order, cur)
			}
		case *ast.CallExpr:
			if fn := r.callee(n); fn != nil && fn.Pkg() == pass.Pkg {
				r.calls[fn] = append(r.calls[fn], cur)
				if n.Ellipsis.IsValid() {
					r.escapes[fn] = true
				}
			}
		}
	}
	sort.Slice(r.order, func(i, j int) bool { return r.order[i].Node().Pos() < r.order[j].Node().Pos() })
	// A function used other than as a callee may be called where we cannot see.
	used := map[*types.Func]int{}
	for _, obj := range r.info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pass.Pkg {
			used[fn]++
		}
	}
	for fn, n := range used {
		if n != len(r.calls[fn]) {
			r.escapes[fn] = true
		}
	}
	r.exportFacts()
	return r, nil
}

// ok reports whether the result can answer anything.
func (r *Result) ok() bool { return r != nil && r.info != nil }

func (r *Result) exportFacts() {
	for _, cur := range r.order {
		fd := cur.Node().(*ast.FuncDecl)
		fn, _ := r.info.Defs[fd.Name].(*types.Func)
		if fn == nil || !fn.Exported() {
			continue
		}
		sig := fn.Signature()
		switch {
		case isKeyfuncSig(sig):
			if k, ok := r.funcKeyfunc(fn, 0); ok {
				r.pass.ExportObjectFact(fn, &KeyfuncFact{Keyfunc: k})
			}
		case returnsKeyfunc(sig):
			if k, ok := r.factoryKeyfunc(fn, 0); ok {
				r.pass.ExportObjectFact(fn, &KeyfuncFact{Factory: true, Keyfunc: k})
			}
		case returnsParser(sig):
			if c, ok := r.funcParser(fn, 0); ok && c.Known {
				r.pass.ExportObjectFact(fn, &ParserFact{Config: c})
			}
		case returnsClaims(sig):
			if st := r.funcClaims(fn, 0); st != ExpUnknown {
				r.pass.ExportObjectFact(fn, &ClaimsFact{Expiry: st})
			}
		}
	}
}

// EnclosingDecl returns the function declaration of this package that
// contains pos.
func (r *Result) EnclosingDecl(pos token.Pos) (inspector.Cursor, bool) {
	if !r.ok() {
		return inspector.Cursor{}, false
	}
	i := sort.Search(len(r.order), func(i int) bool { return r.order[i].Node().End() > pos })
	if i < len(r.order) && r.order[i].Node().Pos() <= pos {
		return r.order[i], true
	}
	return inspector.Cursor{}, false
}

// ParamSites returns the function whose parameter v is, its index, and
// the cursors of the calls of the function in this package; ok is false
// when v is no parameter or the function is also used as a value (so
// calls may be hidden).
func (r *Result) ParamSites(v *types.Var) (fn *types.Func, index int, calls []inspector.Cursor, ok bool) {
	if !r.ok() || !r.isLocal(v) {
		return nil, 0, nil, false
	}
	fd, ok := r.EnclosingDecl(v.Pos())
	if !ok {
		return nil, 0, nil, false
	}
	fn, _ = r.info.Defs[fd.Node().(*ast.FuncDecl).Name].(*types.Func)
	if fn == nil || r.escapes[fn] {
		return nil, 0, nil, false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			if fn.Signature().Variadic() && i == params.Len()-1 {
				return nil, 0, nil, false
			}
			return fn, i, r.calls[fn], true
		}
	}
	return nil, 0, nil, false
}

// body returns the body of a FuncDecl or FuncLit cursor.
func body(c inspector.Cursor) *ast.BlockStmt {
	switch n := c.Node().(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// returns lists the return statements of a function, not those of the
// function literals inside it.
func returns(fn inspector.Cursor) []*ast.ReturnStmt {
	var out []*ast.ReturnStmt
	fn.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return c == fn
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

// resultIndex is the result of sig that carries the value (not the
// error), or -1.
func resultIndex(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if !isError(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isNil reports whether e is the predeclared nil.
func (r *Result) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := r.info.Uses[id].(*types.Nil)
	return isNil
}

// isLocal reports whether v is a variable declared inside a function of
// this package (parameters included).
func (r *Result) isLocal(v *types.Var) bool {
	if v == nil || v.IsField() || v.Pkg() != r.pass.Pkg || v.Parent() == nil || v.Parent() == r.pass.Pkg.Scope() {
		return false
	}
	_, ok := r.EnclosingDecl(v.Pos())
	return ok
}

// isParam reports whether v is a parameter or result of the function
// that declares it.
func (r *Result) isParam(v *types.Var) bool {
	fd, ok := r.EnclosingDecl(v.Pos())
	if !ok {
		return false
	}
	return v.Pos() < fd.Node().(*ast.FuncDecl).Body.Lbrace
}

// Uses returns the cursors of every identifier that denotes the local
// variable v (its declaration included), in the function declaring it.
func (r *Result) Uses(v *types.Var) []inspector.Cursor {
	if !r.ok() || !r.isLocal(v) {
		return nil
	}
	if u, ok := r.uses[v]; ok {
		return u
	}
	fd, _ := r.EnclosingDecl(v.Pos())
	var out []inspector.Cursor
	for c := range fd.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Name == v.Name() && r.info.ObjectOf(id) == v {
			out = append(out, c)
		}
	}
	r.uses[v] = out
	return out
}

// enter guards a recursive resolution against cycles; leave must follow.
func (r *Result) enter(key any) bool {
	if r.busy[key] {
		return false
	}
	r.busy[key] = true
	return true
}

func (r *Result) leave(key any) { delete(r.busy, key) }

// writes returns what a variable or field of this package is assigned:
// for local variables from their declaring function, for package-level
// variables and fields from strval's index. ok is false when some write
// cannot be followed (a tuple, an address taken, a parameter).
func (r *Result) writes(v *types.Var) (rhs []ast.Expr, ok bool) {
	if r.isLocal(v) {
		if r.isParam(v) {
			return nil, false
		}
		ok = true
		for _, c := range r.Uses(v) {
			u := r.classify(v, c)
			switch u.Kind {
			case UseDef, UseAssign:
				if u.RHS == nil {
					continue
				}
				rhs = append(rhs, u.RHS)
			case UseTuple, UseAddr, UseOther:
				ok = false
			}
		}
		return rhs, ok
	}
	if v.Pkg() != r.pass.Pkg || r.sv == nil {
		return nil, false
	}
	as, complete := r.sv.Assignments(v)
	if !complete || len(as) == 0 {
		return nil, false
	}
	for _, a := range as {
		if a.Kind != strval.Plain || a.Op != token.ASSIGN || a.RHS == nil {
			return nil, false
		}
		rhs = append(rhs, a.RHS)
	}
	return rhs, true
}

// harmless reports whether handing a value to fn cannot change it in a
// way that matters: the JWT libraries themselves and read-only parts of
// the standard library.
func harmless(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if IsLibrary(fn) {
		return true
	}
	return readOnly(fn)
}

// Callee returns the function a call invokes (nil for function values
// and builtins).
func (r *Result) callee(call *ast.CallExpr) *types.Func {
	return typesx.Callee(r.info, call)
}

// IsNilExpr reports whether e is the predeclared nil.
func (r *Result) IsNilExpr(e ast.Expr) bool { return r.ok() && r.isNil(e) }
