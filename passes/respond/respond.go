// Package respond defines an Analyzer that summarises how the module's
// own response helpers write to the HTTP response: which parameter they
// write, as text or inside a payload, and with the status from which
// parameter or a fixed one.
//
// # Analyzer respond
//
// respond: the module's response helpers and what they write
//
// A response helper is a function of the module that ends in a call
// writing the response (http.Error, w.Write, json.NewEncoder(w).Encode
// after w.WriteHeader(status), gin's and echo's c.JSON, fiber's
// c.Status(code).JSON, echo.NewHTTPError, ...), directly or through
// another helper:
//
//	func WriteError(w http.ResponseWriter, status int, err error) {
//		JSON(w, status, map[string]string{"error": err.Error()})
//	}
//
// writes parameter 2 as text with the status of parameter 1. Each such
// exported function or method gets a HelperFact, so that packages calling
// response.InternalError(c, err) or utils.WriteError(w, 500, err) see
// what the call sends. Only statuses that are a parameter or a fixed 5xx
// are recorded: the summaries serve AV901 (internal errors in 5xx
// responses).
//
// The Result also recognises the library calls that write a response
// (Call, Literal), the knowledge both this pass and analyzers/exposure
// use. Files ending in _test.go are not summarised. The pass reports
// nothing.
package respond

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes a *Result for each package and exports a HelperFact
// for the module's exported response helpers.
var Analyzer = &analysis.Analyzer{
	Name:             "respond",
	Doc:              "the module's response helpers: which parameters they write to the HTTP response, and with which status",
	URL:              "https://github.com/apivet/apivet/tree/main/passes/respond",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
	FactTypes:        []analysis.Fact{(*HelperFact)(nil)},
}

// Bounds on the work per package and the size of a fact.
const (
	maxDepth  = 6
	maxWrites = 16
)

// HelperFact records what an exported function or method of the module
// writes to the response.
type HelperFact struct {
	Writes []Write
}

// Write is one parameter a helper writes to the response.
type Write struct {
	// Param is the index of the parameter written (the receiver not
	// counted).
	Param int
	// Text is set when an error passed there is written as its text
	// (err.Error(), fmt's verbs); otherwise the parameter is a payload,
	// or a string, written as it is.
	Text bool
	// Status is the index of the parameter holding the status, or -1
	// when the helper writes the fixed 5xx status Code.
	Status int
	Code   int64
}

// AFact marks HelperFact as a fact.
func (*HelperFact) AFact() {}

func (f *HelperFact) String() string {
	var parts []string
	for _, w := range f.Writes {
		parts = append(parts, w.String())
	}
	return "respond " + strings.Join(parts, "; ")
}

func (w Write) String() string {
	s := fmt.Sprintf("param %d", w.Param)
	if w.Text {
		s += " text"
	}
	if w.Status >= 0 {
		return s + fmt.Sprintf(" status param %d", w.Status)
	}
	return s + fmt.Sprintf(" status %d", w.Code)
}

// Result holds the package's response helpers and the recogniser of
// library writes.
type Result struct {
	rec   recognizer
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	curs  map[*ast.FuncDecl]inspector.Cursor
	sums  map[*types.Func][]Write
	busy  map[*types.Func]bool
}

// Helper returns what a function of the module writes to the response,
// from this package's analysis or another package's HelperFact; nil for
// a function that writes none of its parameters with a parameter or 5xx
// status.
func (r *Result) Helper(fn *types.Func) []Write {
	if r == nil || fn == nil || r.pass == nil {
		return nil
	}
	return r.summary(fn, 0)
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		pass:  pass,
		decls: map[*types.Func]*ast.FuncDecl{},
		curs:  map[*ast.FuncDecl]inspector.Cursor{},
		sums:  map[*types.Func][]Write{},
		busy:  map[*types.Func]bool{},
	}
	if lint.NoSyntax(pass) {
		res.pass = nil
		return res, nil
	}
	res.rec = recognizer{info: pass.TypesInfo, sv: pass.ResultOf[strval.Analyzer].(*strval.Result)}
	if lint.IsDependency(pass) {
		res.pass = nil
		return res, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var order []*types.Func
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fd.Body == nil || strings.HasSuffix(pass.Fset.Position(fd.Pos()).Filename, "_test.go") {
			continue
		}
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
			res.decls[fn] = fd
			res.curs[fd] = cur
			order = append(order, fn)
		}
	}
	for _, fn := range order {
		if !fn.Exported() {
			continue
		}
		if ws := res.summary(fn, 0); len(ws) > 0 {
			pass.ExportObjectFact(fn, &HelperFact{Writes: ws})
		}
	}
	return res, nil
}

// summary computes (or imports) what fn writes.
func (r *Result) summary(fn *types.Func, depth int) []Write {
	fn = fn.Origin()
	if ws, ok := r.sums[fn]; ok {
		return ws
	}
	if fn.Pkg() != r.pass.Pkg {
		var f HelperFact
		if r.pass.ImportObjectFact != nil && r.pass.ImportObjectFact(fn, &f) {
			r.sums[fn] = f.Writes
			return f.Writes
		}
		r.sums[fn] = nil
		return nil
	}
	fd := r.decls[fn]
	if fd == nil || r.busy[fn] || depth > maxDepth {
		return nil
	}
	r.busy[fn] = true
	var out []Write
	params := fn.Signature().Params()
	add := func(fl []flow, st status) {
		for _, f := range fl {
			// Text says how an error is written; a string is written as it is.
			text := f.text && !typesx.IsString(params.At(f.index).Type())
			w := Write{Param: f.index, Text: text, Status: st.param, Code: st.code}
			if !hasWrite(out, w) && len(out) < maxWrites {
				out = append(out, w)
			}
		}
	}
	cur := r.curs[fd]
	cur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false // a closure's writes are not the helper's
		case *ast.CompositeLit:
			if site, ok := r.rec.literal(n); ok {
				st := r.status(site.Status, fn)
				for _, a := range site.Body {
					add(r.flows(a.E, fn, a.Text, 0), st)
				}
			}
		case *ast.CallExpr:
			callee := typesx.Callee(r.pass.TypesInfo, n)
			if callee == nil {
				return true
			}
			if site, ok := r.rec.call(c, n, callee); ok {
				st := r.status(site.Status, fn)
				if st.ok() {
					for _, a := range site.Body {
						add(r.flows(a.E, fn, a.Text, 0), st)
					}
				}
				return true
			}
			if callee.Origin() == fn {
				return true
			}
			for _, w := range r.summary(callee, depth+1) {
				if w.Param >= len(n.Args) {
					continue
				}
				st := status{param: -1, code: w.Code}
				if w.Status >= 0 {
					if w.Status >= len(n.Args) {
						continue
					}
					st = r.status(n.Args[w.Status], fn)
				}
				if st.ok() {
					add(r.flows(n.Args[w.Param], fn, w.Text, 0), st)
				}
			}
		}
		return true
	})
	delete(r.busy, fn)
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Param != b.Param {
			return a.Param < b.Param
		}
		if a.Status != b.Status {
			return a.Status < b.Status
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return !a.Text && b.Text
	})
	r.sums[fn] = out
	return out
}

func hasWrite(ws []Write, w Write) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// status is a write's status in a helper: a parameter, a fixed 5xx code,
// or neither (param -1, code 0: nothing to record).
type status struct {
	param int
	code  int64
}

func (s status) ok() bool { return s.param >= 0 || s.code != 0 }

func (r *Result) status(e ast.Expr, fn *types.Func) status {
	if e == nil {
		return status{param: -1}
	}
	if v, ok := typesx.ObjectOf(r.pass.TypesInfo, ast.Unparen(e)).(*types.Var); ok {
		if i := paramIndex(fn, v); i >= 0 {
			return status{param: i}
		}
	}
	val := r.rec.sv.Eval(e)
	if val == nil || val.Many {
		return status{param: -1}
	}
	codes := val.Int64s()
	if len(codes) == 0 {
		return status{param: -1}
	}
	for _, c := range codes {
		if c < 500 || c > 599 {
			return status{param: -1}
		}
	}
	return status{param: -1, code: codes[0]}
}

// flow is a parameter whose value reaches a written argument.
type flow struct {
	index int
	text  bool
}

// flows finds the parameters of fn a written expression carries: the
// parameter itself, err.Error(), fmt.Sprintf("...: %v", err), "x: "+msg,
// a literal holding one, a local variable assigned one.
func (r *Result) flows(e ast.Expr, fn *types.Func, text bool, depth int) []flow {
	info := r.pass.TypesInfo
	if depth > maxDepth || e == nil {
		return nil
	}
	e = typesx.StripConversions(info, e)
	if t := typesx.TypeOf(info, e); t != nil && isError(t) && !typesx.IsString(t) {
		if !text {
			return nil // encoded as JSON: an error without exported fields is {}
		}
		return r.errFlows(e, fn, depth)
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		callee := typesx.Callee(info, x)
		if callee == nil {
			return nil
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && callee.Name() == "Error" && isErrorMethod(callee) {
			if isError(typesx.TypeOf(info, sel.X)) {
				return r.errFlows(sel.X, fn, depth+1)
			}
			return nil
		}
		if i, ok := MarshalArg(callee); ok && i < len(x.Args) {
			return r.flows(x.Args[i], fn, false, depth+1)
		}
		if path := typesx.PkgPath(callee); typesx.Recv(callee) == nil && (path == "fmt" || path == "strings") {
			var out []flow
			for _, a := range x.Args {
				out = append(out, r.flows(a, fn, true, depth+1)...)
			}
			return out
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(r.flows(x.X, fn, text, depth+1), r.flows(x.Y, fn, text, depth+1)...)
		}
	case *ast.CompositeLit:
		var out []flow
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			out = append(out, r.flows(elt, fn, false, depth+1)...)
		}
		return out
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return r.flows(x.X, fn, text, depth+1)
		}
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		if v == nil {
			return nil
		}
		if i := paramIndex(fn, v); i >= 0 {
			return []flow{{i, text}}
		}
		if !r.localVar(v) {
			return nil
		}
		writes, _ := r.rec.sv.Assignments(v)
		var out []flow
		for _, w := range writes {
			switch {
			case w.Kind == strval.Plain && (w.Op == token.ASSIGN || w.Op == token.DEFINE || w.Op == token.ADD_ASSIGN):
				out = append(out, r.flows(w.RHS, fn, text, depth+1)...)
			case w.Kind == strval.Elem:
				out = append(out, r.flows(w.RHS, fn, false, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// errFlows finds the parameters an error value comes from: the parameter,
// a local variable assigned it, an error wrapping it.
func (r *Result) errFlows(e ast.Expr, fn *types.Func, depth int) []flow {
	info := r.pass.TypesInfo
	if depth > maxDepth || e == nil {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		if v == nil {
			return nil
		}
		if i := paramIndex(fn, v); i >= 0 {
			return []flow{{i, true}}
		}
		if !r.localVar(v) {
			return nil
		}
		writes, _ := r.rec.sv.Assignments(v)
		var out []flow
		for _, w := range writes {
			if w.Kind == strval.Plain && (w.Op == token.ASSIGN || w.Op == token.DEFINE) {
				out = append(out, r.errFlows(w.RHS, fn, depth+1)...)
			}
		}
		return out
	case *ast.CallExpr:
		callee := typesx.Callee(info, x)
		if callee == nil || !wrapErrors[typesx.FuncKey(callee)] {
			return nil
		}
		var out []flow
		for _, a := range x.Args {
			if t := typesx.TypeOf(info, a); t != nil && isError(t) && !typesx.IsString(t) {
				out = append(out, r.errFlows(a, fn, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// localVar reports a variable local to a function of this package.
func (r *Result) localVar(v *types.Var) bool {
	return v.Pkg() == r.pass.Pkg && !v.IsField() && v.Parent() != nil && v.Parent() != r.pass.Pkg.Scope()
}

// paramIndex returns the index of v among fn's parameters, or -1; the
// variadic parameter does not count.
func paramIndex(fn *types.Func, v *types.Var) int {
	if fn == nil || v == nil {
		return -1
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			if sig.Variadic() && i == sig.Params().Len()-1 {
				return -1
			}
			return i
		}
	}
	return -1
}

func isErrorMethod(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Recv() != nil && sig.Params().Len() == 0 && sig.Results().Len() == 1 && typesx.IsString(sig.Results().At(0).Type())
}

// isError reports whether t implements error.
func isError(t types.Type) bool {
	if t == nil {
		return false
	}
	return types.Implements(t, errorIface) || types.Implements(types.NewPointer(t), errorIface) && !types.IsInterface(t)
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
