package strval

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
)

// maxDepth bounds the evaluator's recursion (deeply nested expressions,
// long chains of variables).
const maxDepth = 64

// maxLen bounds the length of computed strings.
const maxLen = 1 << 20

func (r *Result) eval(e ast.Expr, depth int) (out *Value) {
	if depth > maxDepth || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		return single(tv.Value, r.origin(e))
	}
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := r.info.ObjectOf(e).(*types.Var); ok {
			return r.varValue(v, depth+1)
		}
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				if v, ok := sel.Obj().(*types.Var); ok {
					return r.varValue(v, depth+1)
				}
			}
			return nil
		}
		if v, ok := r.info.Uses[e.Sel].(*types.Var); ok {
			return r.varValue(v, depth+1)
		}
	case *ast.BinaryExpr:
		x := r.eval(e.X, depth+1)
		if x == nil {
			return nil
		}
		y := r.eval(e.Y, depth+1)
		if y == nil {
			return nil
		}
		return combine(x, e.Op, y, e.Pos())
	case *ast.CallExpr:
		return r.evalCall(e, depth)
	case *ast.IndexExpr:
		if _, isType := r.info.Types[e.X]; isType && r.info.Types[e.X].IsType() {
			return nil
		}
		_, vals := r.container(e.X, depth+1)
		if vals == nil {
			return nil
		}
		if z := zeroOf(typesx.TypeOf(r.info, e)); z != nil { // a missed map lookup
			if t := typesx.TypeOf(r.info, e.X); t != nil {
				if _, isMap := t.Underlying().(*types.Map); isMap {
					return union(vals, single(z, token.NoPos))
				}
			}
		}
		return vals
	}
	return nil
}

// origin returns the position of the literal behind a constant expression
// of this package: the literal itself, or the declaration of a constant.
func (r *Result) origin(e ast.Expr) token.Pos {
	for i := 0; i < 8; i++ {
		var obj types.Object
		switch x := ast.Unparen(e).(type) {
		case *ast.BasicLit, *ast.BinaryExpr, *ast.CallExpr, *ast.UnaryExpr:
			return x.Pos()
		case *ast.Ident:
			obj = r.info.ObjectOf(x)
		case *ast.SelectorExpr:
			obj = r.info.ObjectOf(x.Sel)
		default:
			return token.NoPos
		}
		c, ok := obj.(*types.Const)
		if !ok || c.Pkg() != r.pass.Pkg || r.idx == nil {
			return token.NoPos
		}
		decl := r.idx.consts[c]
		if decl == nil {
			return c.Pos()
		}
		e = decl
	}
	return token.NoPos
}

func zeroOf(t types.Type) constant.Value {
	if t == nil {
		return nil
	}
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	if !ok {
		return nil
	}
	switch {
	case b.Info()&types.IsString != 0:
		return constant.MakeString("")
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	case b.Info()&types.IsFloat != 0:
		return constant.MakeFloat64(0)
	}
	return nil
}

func combine(x *Value, op token.Token, y *Value, pos token.Pos) (out *Value) {
	defer func() {
		if recover() != nil { // mismatched kinds: give up, never panic
			out = nil
		}
	}()
	res := &Value{Many: x.Many || y.Many}
	for _, a := range x.Vals {
		for _, b := range y.Vals {
			var c constant.Value
			switch op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				c = constant.MakeBool(constant.Compare(a, op, b))
			case token.SHL, token.SHR:
				s, ok := constant.Uint64Val(constant.ToInt(b))
				if !ok || s > 64 {
					return nil
				}
				c = constant.Shift(a, op, uint(s))
			case token.LAND, token.LOR:
				c = constant.BinaryOp(a, op, b)
			default:
				if op == token.QUO && constant.Sign(b) == 0 {
					return nil
				}
				if op == token.QUO && a.Kind() == constant.Int && b.Kind() == constant.Int {
					op = token.QUO_ASSIGN // integer division
				}
				c = constant.BinaryOp(a, op, b)
				if op == token.QUO_ASSIGN {
					op = token.QUO
				}
			}
			if c.Kind() == constant.Unknown {
				return nil
			}
			if c.Kind() == constant.String && len(constant.StringVal(c)) > maxLen {
				res.Many = true
				continue
			}
			if len(res.Vals) == maxVals {
				res.Many = true
				continue
			}
			res.Vals = append(res.Vals, c)
			res.Origins = append(res.Origins, pos)
		}
	}
	return res
}

func (r *Result) evalCall(call *ast.CallExpr, depth int) *Value {
	if typesx.IsConversion(r.info, call) {
		v := r.eval(call.Args[0], depth+1)
		if v == nil {
			return nil
		}
		to := typesx.TypeOf(r.info, call)
		if to != nil && (typesx.IsString(to) || typesx.IsBytes(to)) {
			for _, c := range v.Vals {
				if c.Kind() != constant.String {
					return nil // string(rune) and friends
				}
			}
		}
		return v
	}
	fn := typesx.Callee(r.info, call)
	if fn == nil {
		return nil
	}
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "fmt":
			if fn.Name() == "Sprintf" || fn.Name() == "Sprint" {
				return r.evalFormat(fn.Name(), call, depth)
			}
			return nil
		case "strings", "strconv":
			return r.evalStrings(fn, call, depth)
		}
	}
	if fn.Signature().Results().Len() == 0 {
		return nil
	}
	return r.funcResult(fn, 0, depth+1)
}

// args evaluates call arguments to single Go values; ok is false when one
// is unknown, many is true when one is constant with several values.
func (r *Result) args(es []ast.Expr, depth int) (vals []any, ok, many bool) {
	for _, a := range es {
		v := r.eval(a, depth+1)
		if v == nil {
			return nil, false, false
		}
		c, one := v.Single()
		if !one {
			many = true
			continue
		}
		vals = append(vals, goValue(c))
	}
	return vals, true, many
}

func goValue(c constant.Value) any {
	switch c.Kind() {
	case constant.String:
		return constant.StringVal(c)
	case constant.Int:
		if i, ok := constant.Int64Val(c); ok {
			return i
		}
		return c.ExactString()
	case constant.Float:
		f, _ := constant.Float64Val(c)
		return f
	case constant.Bool:
		return constant.BoolVal(c)
	}
	return c.ExactString()
}

func (r *Result) evalFormat(name string, call *ast.CallExpr, depth int) *Value {
	if call.Ellipsis.IsValid() {
		return nil
	}
	vals, ok, many := r.args(call.Args, depth)
	if !ok {
		return nil
	}
	if many {
		return &Value{Many: true}
	}
	var s string
	if name == "Sprintf" {
		f, isStr := vals[0].(string)
		if !isStr {
			return nil
		}
		s = fmt.Sprintf(f, vals[1:]...)
	} else {
		s = fmt.Sprint(vals...)
	}
	return single(constant.MakeString(s), call.Pos())
}

func (r *Result) evalStrings(fn *types.Func, call *ast.CallExpr, depth int) *Value {
	if call.Ellipsis.IsValid() {
		return nil
	}
	if fn.Pkg().Path() == "strings" && fn.Name() == "Join" && len(call.Args) == 2 {
		_, elems := r.container(call.Args[0], depth+1)
		sep := r.eval(call.Args[1], depth+1)
		if elems == nil || sep == nil {
			return nil
		}
		return &Value{Many: true}
	}
	vals, ok, many := r.args(call.Args, depth)
	if !ok {
		return nil
	}
	if many {
		return &Value{Many: true}
	}
	str := func(i int) (string, bool) {
		if i >= len(vals) {
			return "", false
		}
		s, ok := vals[i].(string)
		return s, ok
	}
	num := func(i int) (int64, bool) {
		if i >= len(vals) {
			return 0, false
		}
		n, ok := vals[i].(int64)
		return n, ok
	}
	var res string
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strings.ToUpper":
		s, ok := str(0)
		if !ok {
			return nil
		}
		res = strings.ToUpper(s)
	case "strings.ToLower":
		s, ok := str(0)
		if !ok {
			return nil
		}
		res = strings.ToLower(s)
	case "strings.TrimSpace":
		s, ok := str(0)
		if !ok {
			return nil
		}
		res = strings.TrimSpace(s)
	case "strings.TrimPrefix", "strings.TrimSuffix":
		s, ok1 := str(0)
		p, ok2 := str(1)
		if !ok1 || !ok2 {
			return nil
		}
		if fn.Name() == "TrimPrefix" {
			res = strings.TrimPrefix(s, p)
		} else {
			res = strings.TrimSuffix(s, p)
		}
	case "strings.ReplaceAll":
		s, ok1 := str(0)
		o, ok2 := str(1)
		n, ok3 := str(2)
		if !ok1 || !ok2 || !ok3 {
			return nil
		}
		res = strings.ReplaceAll(s, o, n)
	case "strings.Repeat":
		s, ok1 := str(0)
		n, ok2 := num(1)
		if !ok1 || !ok2 || n < 0 || int64(len(s))*n > maxLen {
			return nil
		}
		res = strings.Repeat(s, int(n))
	case "strconv.Itoa", "strconv.FormatInt":
		n, ok := num(0)
		if !ok {
			return nil
		}
		res = strconv.FormatInt(n, 10)
	case "strconv.Quote":
		s, ok := str(0)
		if !ok {
			return nil
		}
		res = strconv.Quote(s)
	default:
		return nil
	}
	return single(constant.MakeString(res), call.Pos())
}

// varValue evaluates a variable or field by the union of every write.
func (r *Result) varValue(v *types.Var, depth int) *Value {
	if v == nil || depth > maxDepth {
		return nil
	}
	if v.Pkg() != r.pass.Pkg {
		// Another package's variable or field: its facts, plus whatever
		// this package writes into it (cfg.Secret = os.Getenv(...)).
		imported := r.importValue(v, 0)
		if imported == nil || r.idx == nil {
			return imported
		}
		if r.idx.opaque[v] {
			return nil
		}
		writes := r.idx.writes[v]
		if len(writes) == 0 {
			return imported
		}
		parts := []*Value{imported}
		for _, w := range writes {
			parts = append(parts, r.writeValue(v, w, depth))
		}
		return union(parts...)
	}
	if r.idx == nil {
		return nil
	}
	if m, ok := r.memo[v]; ok {
		return m
	}
	if r.inProgress[v] {
		r.cyc++
		return &Value{} // a cycle adds no value of its own
	}
	if r.idx.opaque[v] {
		r.memo[v] = nil
		return nil
	}
	r.inProgress[v] = true
	before := r.cyc
	out := r.computeVar(v, depth)
	delete(r.inProgress, v)
	if r.cyc == before || len(r.inProgress) == 0 {
		r.memo[v] = out
	}
	return out
}

func (r *Result) computeVar(v *types.Var, depth int) *Value {
	writes := r.idx.writes[v]
	var parts []*Value
	if v.IsField() {
		if r.idx.tagged[v] || len(writes) == 0 {
			return nil
		}
	}
	if p, isParam := r.idx.params[v]; isParam {
		cs, ok := r.CallSites(p.fn)
		if !ok || len(cs) == 0 {
			return nil
		}
		if p.fn.Signature().Variadic() && p.index == p.fn.Signature().Params().Len()-1 {
			return nil
		}
		for _, args := range cs {
			if p.index >= len(args) {
				return nil
			}
			a := r.eval(args[p.index], depth+1)
			if a == nil {
				return nil
			}
			parts = append(parts, a)
		}
	} else if len(writes) == 0 {
		return nil
	}
	for _, w := range writes {
		a := r.writeValue(v, w, depth)
		if a == nil {
			return nil
		}
		parts = append(parts, a)
	}
	if len(parts) == 0 {
		return nil
	}
	return union(parts...)
}

func (r *Result) writeValue(v *types.Var, w Assignment, depth int) *Value {
	switch w.Kind {
	case Zero:
		z := zeroOf(v.Type())
		if z == nil {
			return nil
		}
		return single(z, token.NoPos)
	case Plain:
		rhs := r.eval(w.RHS, depth+1)
		if rhs == nil {
			return nil
		}
		if w.Op == token.ASSIGN {
			return rhs
		}
		// x op= y: constant if y is; the values of x repeat the operation
		// any number of times, so list the first step only.
		op := opOf(w.Op)
		if op == token.ILLEGAL {
			return nil
		}
		self := r.varValue(v, depth+1)
		if self == nil {
			return nil
		}
		out := combine(self, op, rhs, w.Pos)
		if out == nil {
			return nil
		}
		out.Many = true
		return out
	case Tuple:
		call, ok := ast.Unparen(w.RHS).(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn := typesx.Callee(r.info, call)
		if fn == nil {
			return nil
		}
		return r.funcResult(fn, w.Index, depth+1)
	case CommaOk:
		if w.Index != 0 {
			return nil
		}
		return r.eval(w.RHS, depth+1)
	case Range:
		keys, vals := r.container(w.RHS, depth+1)
		if w.Index == 0 {
			return keys
		}
		return vals
	case Elem:
		return nil // a write into v as a container: v itself is not a scalar
	}
	return nil
}

func opOf(t token.Token) token.Token {
	switch t {
	case token.ADD_ASSIGN:
		return token.ADD
	case token.SUB_ASSIGN:
		return token.SUB
	case token.MUL_ASSIGN:
		return token.MUL
	case token.QUO_ASSIGN:
		return token.QUO
	case token.REM_ASSIGN:
		return token.REM
	case token.OR_ASSIGN:
		return token.OR
	case token.AND_ASSIGN:
		return token.AND
	case token.XOR_ASSIGN:
		return token.XOR
	case token.SHL_ASSIGN:
		return token.SHL
	case token.SHR_ASSIGN:
		return token.SHR
	}
	return token.ILLEGAL
}

// container evaluates a map, slice or array expression whose every element
// is constant, returning its keys (map keys; nil for slices) and values.
func (r *Result) container(e ast.Expr, depth int) (keys, vals *Value) {
	if depth > maxDepth {
		return nil, nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		var ks, vs []*Value
		isMap := false
		if t := typesx.TypeOf(r.info, x); t != nil {
			_, isMap = t.Underlying().(*types.Map)
		}
		for _, elt := range x.Elts {
			val := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				val = kv.Value
				if isMap {
					k := r.eval(kv.Key, depth+1)
					if k == nil {
						ks = append(ks, nil)
					} else {
						ks = append(ks, k)
					}
				}
			}
			if cl, ok := val.(*ast.CompositeLit); ok && cl.Type == nil {
				vs = append(vs, nil) // nested elided literal: not a scalar
				continue
			}
			vs = append(vs, r.eval(val, depth+1))
		}
		var kOut *Value
		if isMap {
			kOut = unionOrEmpty(ks)
		}
		return kOut, unionOrEmpty(vs)
	case *ast.Ident, *ast.SelectorExpr:
		obj, _ := typesx.ObjectOf(r.info, x).(*types.Var)
		if obj == nil {
			return nil, nil
		}
		if obj.Pkg() != r.pass.Pkg || r.idx == nil || r.idx.opaque[obj] {
			return nil, nil
		}
		if r.inProgress[obj] {
			r.cyc++
			return &Value{}, &Value{}
		}
		r.inProgress[obj] = true
		defer delete(r.inProgress, obj)
		writes := r.idx.writes[obj]
		if len(writes) == 0 {
			return nil, nil
		}
		var ks, vs []*Value
		for _, w := range writes {
			switch w.Kind {
			case Plain:
				if w.Op != token.ASSIGN {
					return nil, nil
				}
				k, v := r.containerRHS(obj, w.RHS, depth+1)
				if v == nil {
					return nil, nil
				}
				ks = append(ks, k)
				vs = append(vs, v)
			case Elem:
				vs = append(vs, r.eval(w.RHS, depth+1))
				ks = append(ks, r.eval(w.Key, depth+1))
			case Zero:
			default:
				return nil, nil
			}
		}
		return unionOrEmpty(ks), unionOrEmpty(vs)
	}
	return nil, nil
}

// containerRHS evaluates what is assigned to a container variable: a
// literal, make(...), or append(self, consts...).
func (r *Result) containerRHS(self *types.Var, rhs ast.Expr, depth int) (keys, vals *Value) {
	rhs = ast.Unparen(rhs)
	if call, ok := rhs.(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := r.info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "make":
					return &Value{}, &Value{}
				case "append":
					if len(call.Args) == 0 || call.Ellipsis.IsValid() {
						return nil, nil
					}
					_, base := r.container(call.Args[0], depth+1)
					if base == nil {
						return nil, nil
					}
					parts := []*Value{base}
					for _, a := range call.Args[1:] {
						parts = append(parts, r.eval(a, depth+1))
					}
					return nil, unionOrEmpty(parts)
				}
			}
		}
		return nil, nil
	}
	return r.container(rhs, depth)
}

// unionOrEmpty unions values; any nil poisons the result, an empty list is
// an empty (but known) set.
func unionOrEmpty(vs []*Value) *Value {
	if len(vs) == 0 {
		return &Value{}
	}
	return union(vs...)
}

// funcResult evaluates result i of fn over every return statement.
func (r *Result) funcResult(fn *types.Func, i int, depth int) *Value {
	if fn == nil || depth > maxDepth {
		return nil
	}
	if fn.Pkg() != r.pass.Pkg {
		return r.importValue(fn, i)
	}
	if r.idx == nil {
		return nil
	}
	key := resultKey{fn, i}
	if m, ok := r.fmemo[key]; ok {
		return m
	}
	if r.finProgress[key] {
		r.cyc++
		return &Value{}
	}
	r.finProgress[key] = true
	before := r.cyc
	out := r.computeResult(fn, i, depth)
	delete(r.finProgress, key)
	if r.cyc == before || (len(r.finProgress) == 0 && len(r.inProgress) == 0) {
		r.fmemo[key] = out
	}
	return out
}

type resultKey struct {
	fn *types.Func
	i  int
}

func (r *Result) computeResult(fn *types.Func, i int, depth int) *Value {
	sig := fn.Signature()
	if i >= sig.Results().Len() {
		return nil
	}
	rets := r.idx.returns[fn]
	if len(rets) == 0 {
		return nil
	}
	var parts []*Value
	for _, ret := range rets {
		var v *Value
		switch {
		case len(ret.Results) == 0:
			v = r.varValue(sig.Results().At(i), depth+1)
		case len(ret.Results) == sig.Results().Len():
			v = r.eval(ret.Results[i], depth+1)
		case len(ret.Results) == 1:
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
				v = r.funcResult(typesx.Callee(r.info, call), i, depth+1)
			}
		}
		if v == nil {
			return nil
		}
		parts = append(parts, v)
	}
	return union(parts...)
}

func (r *Result) importValue(obj types.Object, i int) *Value {
	if r.pass.ImportObjectFact == nil {
		return nil
	}
	var f ValueFact
	if !r.pass.ImportObjectFact(obj, &f) {
		return nil
	}
	for _, s := range f.Results {
		if s.Index == i {
			return fromFactSet(s)
		}
	}
	return nil
}
