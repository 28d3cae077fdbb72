// Package strval defines an Analyzer that computes which constant values
// an expression can hold.
//
// # Analyzer strval
//
// strval: the constant string and number values expressions can hold
//
// The pass answers, for any expression of the package, whether it is
// built only from constants and, when there are few enough, which values it
// can have. It follows literals and constants (also from other packages),
// concatenation and arithmetic, conversions, local and package-level
// variables that are assigned only constant values (flow-insensitively:
// every assignment counts), struct fields written only with constants,
// elements of constant maps, slices and arrays (including range loops over
// them), parameters of unexported functions whose every call passes
// constants, fmt.Sprintf over constants, and functions that return only
// constants. Facts carry the values of package-level variables, fields and
// function results to importing packages of the module.
//
// "Unknown" (a nil *Value) is a legal answer; consumers treat it as "not
// provably constant". The pass reports nothing.
package strval

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes a *Result for each package.
var Analyzer = &analysis.Analyzer{
	Name:             "strval",
	Doc:              "the constant string and number values expressions can hold",
	URL:              "https://github.com/apivet/apivet/tree/main/passes/strval",
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
	FactTypes:        []analysis.Fact{(*ValueFact)(nil)},
}

// maxVals bounds the values listed per expression.
const maxVals = 16

// Value is what strval knows about an expression whose every contribution
// is constant. A nil *Value means unknown.
type Value struct {
	// Vals lists the possible values. When Many is set there are more than
	// Vals shows (a loop, an op-assignment, too many combinations).
	Vals []constant.Value
	// Origins is parallel to Vals: the position of the literal each value
	// comes from, or token.NoPos when it lies in another package or was
	// computed.
	Origins []token.Pos
	Many    bool
}

// Single returns the only value, if there is exactly one.
func (v *Value) Single() (constant.Value, bool) {
	if v == nil || v.Many || len(v.Vals) != 1 {
		return nil, false
	}
	return v.Vals[0], true
}

// Strings returns the string values (bytes conversions included).
func (v *Value) Strings() []string {
	if v == nil {
		return nil
	}
	var out []string
	for _, c := range v.Vals {
		if c.Kind() == constant.String {
			out = append(out, constant.StringVal(c))
		}
	}
	return out
}

// Int64s returns the integer values that fit in an int64.
func (v *Value) Int64s() []int64 {
	if v == nil {
		return nil
	}
	var out []int64
	for _, c := range v.Vals {
		c = constant.ToInt(c)
		if c.Kind() == constant.Int {
			if i, ok := constant.Int64Val(c); ok {
				out = append(out, i)
			}
		}
	}
	return out
}

func (v *Value) String() string {
	if v == nil {
		return "unknown"
	}
	var parts []string
	for _, c := range v.Vals {
		parts = append(parts, c.ExactString())
	}
	s := "[" + strings.Join(parts, " ") + "]"
	if v.Many {
		s += "+"
	}
	return s
}

func single(c constant.Value, pos token.Pos) *Value {
	return &Value{Vals: []constant.Value{c}, Origins: []token.Pos{pos}}
}

// union merges values; nil (unknown) poisons the result.
func union(vs ...*Value) *Value {
	out := &Value{}
	seen := map[string]bool{}
	for _, v := range vs {
		if v == nil {
			return nil
		}
		out.Many = out.Many || v.Many
		for i, c := range v.Vals {
			k := fmt.Sprint(c.Kind()) + c.ExactString()
			if seen[k] {
				continue
			}
			seen[k] = true
			if len(out.Vals) == maxVals {
				out.Many = true
				break
			}
			out.Vals = append(out.Vals, c)
			pos := token.NoPos
			if i < len(v.Origins) {
				pos = v.Origins[i]
			}
			out.Origins = append(out.Origins, pos)
		}
	}
	return out
}

// Result answers value questions for one package.
type Result struct {
	pass *analysis.Pass
	info *types.Info
	idx  *index

	memo        map[types.Object]*Value
	inProgress  map[types.Object]bool
	fmemo       map[resultKey]*Value
	finProgress map[resultKey]bool
	cyc         int // counts cycles met; a value computed across one is not memoised
}

// Eval returns the constant values e can hold, or nil when e is not
// provably constant.
func (r *Result) Eval(e ast.Expr) *Value {
	if r == nil || e == nil {
		return nil
	}
	return r.eval(e, 0)
}

// IsConst reports whether e is built only from constants.
func (r *Result) IsConst(e ast.Expr) bool { return r.Eval(e) != nil }

// String returns e's value when it is a single known string.
func (r *Result) String(e ast.Expr) (string, bool) {
	c, ok := r.Eval(e).Single()
	if !ok || c.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c), true
}

// Int returns e's value when it is a single known integer.
func (r *Result) Int(e ast.Expr) (int64, bool) {
	c, ok := r.Eval(e).Single()
	if !ok {
		return 0, false
	}
	c = constant.ToInt(c)
	if c.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c)
}

// Assignment is one write to a variable or field.
type Assignment struct {
	Op  token.Token // token.ASSIGN, or the operator of x op= y (token.ADD_ASSIGN)
	RHS ast.Expr    // nil for a zero-value declaration
	// Kind says how RHS relates to the variable: Plain (x = RHS),
	// Tuple (x is result Index of a multi-value RHS), Range (x is the key
	// (Index 0) or value (Index 1) of ranging over RHS), CommaOk (x, ok :=
	// RHS), Elem (m[k] = RHS, a write into a container).
	Kind  AssignKind
	Index int
	Key   ast.Expr // Elem: the index expression k of m[k] = RHS
	Pos   token.Pos
}

// AssignKind classifies an Assignment.
type AssignKind int

const (
	Plain AssignKind = iota
	Tuple
	Range
	CommaOk
	Elem
	Zero
)

// Assignments returns every write to a variable or field of this package,
// and false when the object is also written in ways strval cannot follow
// (its address taken, a ++/--, a type switch).
func (r *Result) Assignments(obj types.Object) ([]Assignment, bool) {
	if r == nil || r.idx == nil || obj == nil {
		return nil, false
	}
	if r.idx.opaque[obj] {
		return r.idx.writes[obj], false
	}
	return r.idx.writes[obj], true
}

// MethodCalls returns the calls x.M(...) made on the variable obj in this
// package (e.g. the WriteString calls on a strings.Builder).
func (r *Result) MethodCalls(obj types.Object) []*ast.CallExpr {
	if r == nil || r.idx == nil {
		return nil
	}
	return r.idx.methodCalls[obj]
}

// AddrCalls returns the calls that receive &obj as an argument (e.g.
// fmt.Fprintf(&sb, ...), json.Unmarshal(data, &v)).
func (r *Result) AddrCalls(obj types.Object) []*ast.CallExpr {
	if r == nil || r.idx == nil {
		return nil
	}
	return r.idx.addrCalls[obj]
}

// Param reports whether v is a parameter of a function declared in this
// package, and which one.
func (r *Result) Param(v *types.Var) (fn *types.Func, index int, ok bool) {
	if r == nil || r.idx == nil {
		return nil, 0, false
	}
	p, ok := r.idx.params[v]
	if !ok {
		return nil, 0, false
	}
	return p.fn, p.index, true
}

// CallSites returns the argument lists of every call of fn in this
// package, and false when fn is also used as a value (so calls may be
// hidden) or is exported or a method.
func (r *Result) CallSites(fn *types.Func) ([][]ast.Expr, bool) {
	if r == nil || r.idx == nil {
		return nil, false
	}
	s := r.idx.calls[fn]
	if s == nil || s.escapes || fn.Exported() || fn.Signature().Recv() != nil {
		return nil, false
	}
	return s.args, true
}

// ConstDecl returns the expression a constant of this package was declared
// with, so that findings can point at the literal.
func (r *Result) ConstDecl(c *types.Const) ast.Expr {
	if r == nil || r.idx == nil {
		return nil
	}
	return r.idx.consts[c]
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:        pass,
		info:        pass.TypesInfo,
		memo:        map[types.Object]*Value{},
		inProgress:  map[types.Object]bool{},
		fmemo:       map[resultKey]*Value{},
		finProgress: map[resultKey]bool{},
	}
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return r, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	r.idx = buildIndex(pass, insp)
	r.exportFacts()
	return r, nil
}

// exportFacts records the values of package-level variables, fields and
// function results that are constant.
func (r *Result) exportFacts() {
	type item struct {
		obj types.Object
		f   *ValueFact
	}
	var items []item
	for _, obj := range r.idx.pkgVars {
		if v := r.varValue(obj, 0); v != nil {
			items = append(items, item{obj, &ValueFact{Results: []FactSet{toFactSet(0, v)}}})
		}
	}
	for _, obj := range r.idx.fields {
		if v := r.varValue(obj, 0); v != nil {
			items = append(items, item{obj, &ValueFact{Results: []FactSet{toFactSet(0, v)}}})
		}
	}
	for _, fn := range r.idx.funcOrder {
		var sets []FactSet
		n := fn.Signature().Results().Len()
		for i := 0; i < n; i++ {
			if v := r.funcResult(fn, i, 0); v != nil {
				sets = append(sets, toFactSet(i, v))
			}
		}
		if len(sets) > 0 {
			items = append(items, item{fn, &ValueFact{Results: sets}})
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].obj.Pos() < items[j].obj.Pos() })
	for _, it := range items {
		r.pass.ExportObjectFact(it.obj, it.f)
	}
}

// Elements returns the expressions that can be elements of a slice
// expression: the elements of a literal, what is appended to it (also
// with xs...), what is stored into it (s[i] = x), what a helper of the
// package returns, through local and package variables. A call to
// strings.Split or strings.Fields is returned as a single element: the
// caller evaluates the string it splits. complete is false when part of
// the slice comes from something strval cannot see (a parameter, another
// package, a field); elems then holds what could be seen.
func (r *Result) Elements(e ast.Expr) (elems []ast.Expr, complete bool) {
	if r == nil || r.idx == nil {
		return nil, false
	}
	return r.elements(e, 0, map[types.Object]bool{})
}

func (r *Result) elements(e ast.Expr, depth int, seen map[types.Object]bool) ([]ast.Expr, bool) {
	if depth > 8 {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var out []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, el)
		}
		return out, true
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "append" {
			if _, builtin := r.info.Uses[id].(*types.Builtin); builtin && len(x.Args) > 0 {
				out, complete := r.elements(x.Args[0], depth+1, seen)
				rest := x.Args[1:]
				if x.Ellipsis.IsValid() && len(rest) == 1 {
					more, ok := r.elements(rest[0], depth+1, seen)
					return append(out, more...), complete && ok
				}
				return append(out, rest...), complete
			}
		}
		if typesx.IsConversion(r.info, x) {
			return r.elements(x.Args[0], depth+1, seen)
		}
		fn := typesx.Callee(r.info, x)
		if fn == nil {
			return nil, false
		}
		switch typesx.FuncKey(fn) {
		case "strings.Split", "strings.Fields", "strings.SplitN":
			return []ast.Expr{x}, true
		}
		if fn.Pkg() != r.pass.Pkg || len(r.idx.returns[fn]) == 0 {
			return nil, false
		}
		var out []ast.Expr
		complete := true
		for _, ret := range r.idx.returns[fn] {
			if len(ret.Results) == 0 {
				complete = false
				continue
			}
			els, ok := r.elements(ret.Results[0], depth+1, seen)
			out = append(out, els...)
			complete = complete && ok
		}
		return out, complete
	case *ast.Ident, *ast.SelectorExpr:
		if id, ok := x.(*ast.Ident); ok {
			if _, isNil := r.info.Uses[id].(*types.Nil); isNil {
				return nil, true
			}
		}
		v, _ := typesx.ObjectOf(r.info, x).(*types.Var)
		if v == nil || v.Pkg() != r.pass.Pkg || v.IsField() {
			return nil, false
		}
		if _, _, isParam := r.Param(v); isParam {
			return nil, false
		}
		if seen[v] {
			return nil, true
		}
		seen[v] = true
		defer delete(seen, v)
		writes, ok := r.Assignments(v)
		if len(writes) == 0 {
			return nil, false
		}
		var out []ast.Expr
		complete := ok
		for _, w := range writes {
			switch w.Kind {
			case Zero:
			case Plain:
				if w.Op != token.ASSIGN {
					complete = false
					continue
				}
				els, ok := r.elements(w.RHS, depth+1, seen)
				out = append(out, els...)
				complete = complete && ok
			case Elem:
				out = append(out, w.RHS)
			default:
				complete = false
			}
		}
		return out, complete
	}
	return nil, false
}
