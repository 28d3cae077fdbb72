package crypto

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
	"golang.org/x/tools/go/ast/inspector"
)

// This file follows a value forward from where it is made to the places
// it ends up: the variables, fields, map keys and cookies it is stored
// under, the functions it is passed to, and, through the package's own
// helpers, what their callers do with the result. The rules then decide
// from those names and calls what the value is for.

// destKind is the kind of place a value ends up.
type destKind int

const (
	dName   destKind = iota // stored under a name: variable, field, map key, cookie name
	dArg                    // passed to a function (name is the parameter's)
	dReturn                 // returned from a function (name is the function's)
)

// dest is one place a value ends up.
type dest struct {
	kind   destKind
	name   string
	ctx    []string   // words of the surrounding type or function
	typ    types.Type // the type of the destination
	callee *types.Func
	key    string // dArg: typesx.FuncKey(callee)
	arg    int
	call   *ast.CallExpr
	at     inspector.Cursor // where the value is stored or passed, for the words of the enclosing function
}

// Bounds of one flow: how many helper or variable hops, and how many steps.
const (
	maxFlowDepth = 6
	maxFlowSteps = 400
	maxVarUses   = 64
)

type flow struct {
	c       *checker
	yield   func(dest) bool
	stopped bool
	steps   int
	seenVar map[*types.Var]bool
	seenFn  map[*types.Func]bool
}

func (c *checker) newFlow(yield func(dest) bool) *flow {
	return &flow{c: c, yield: yield, seenVar: map[*types.Var]bool{}, seenFn: map[*types.Func]bool{}}
}

// destsOf follows the value of the expression at cur.
func (c *checker) destsOf(cur inspector.Cursor, yield func(dest) bool) {
	c.newFlow(yield).up(cur, 0, 0)
}

// destsOfStore follows a value written into the expression x (the buffer
// a Read fills).
func (c *checker) destsOfStore(x ast.Expr, at inspector.Cursor, yield func(dest) bool) {
	c.newFlow(yield).store(x, at, 0)
}

func (f *flow) emit(d dest) {
	if f.stopped {
		return
	}
	if !f.yield(d) {
		f.stopped = true
	}
}

// up climbs from the expression at cur to where its value goes. res is the
// index of the value in a tuple when cur is a call returning several.
func (f *flow) up(cur inspector.Cursor, depth, res int) {
	info := f.c.info
	for !f.stopped {
		f.steps++
		if f.steps > maxFlowSteps || depth > maxFlowDepth {
			return
		}
		parent := cur.Parent()
		e := cur.Node()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			cur = parent
		case *ast.UnaryExpr:
			switch p.Op {
			case token.AND, token.SUB, token.ADD, token.XOR:
				cur = parent
			default:
				return
			}
		case *ast.BinaryExpr:
			switch p.Op {
			case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR,
				token.SHL, token.SHR, token.AND_NOT:
				cur = parent
			default:
				return // a comparison: sampling, not a secret
			}
		case *ast.SliceExpr:
			if p.X != e {
				return
			}
			cur = parent
		case *ast.IndexExpr:
			if p.Index == e && !f.c.charset(p) {
				return // picks an element of a list: a selection, not a secret
			}
			cur = parent
		case *ast.SelectorExpr:
			if p.X != e {
				return
			}
			gp := parent.Parent()
			call, ok := gp.Node().(*ast.CallExpr)
			if !ok || call.Fun != p || !valueMethods[p.Sel.Name] {
				return
			}
			cur = gp
		case *ast.CallExpr:
			if p.Fun == e {
				return
			}
			idx := argIndex(p, e)
			if idx < 0 {
				return
			}
			if typesx.IsConversion(info, p) {
				cur = parent
				continue
			}
			switch f.c.builtinName(p) {
			case "":
			case "append":
				cur = parent
				continue
			case "copy":
				if idx == 1 {
					f.store(p.Args[0], parent, depth)
				}
				return
			default:
				return
			}
			fn := typesx.Callee(info, p)
			if fn == nil {
				return
			}
			key := typesx.FuncKey(fn)
			if transparent[key] {
				cur = parent
				continue
			}
			if cp, ok := copiers[key]; ok {
				if idx == cp.src && cp.dst < len(p.Args) {
					f.store(p.Args[cp.dst], parent, depth)
				}
				return
			}
			if builderWrites[key] {
				if sel, ok := ast.Unparen(p.Fun).(*ast.SelectorExpr); ok {
					f.store(sel.X, parent, depth)
				}
				return
			}
			f.arg(parent, p, fn, key, idx, depth)
			return
		case *ast.CompositeLit:
			cur = parent // an element of a slice or array literal
		case *ast.KeyValueExpr:
			if p.Value == e {
				f.keyValue(parent, p, depth)
			}
			return
		case *ast.AssignStmt:
			f.assign(parent, p, e, depth, res)
			return
		case *ast.ValueSpec:
			for i, v := range p.Values {
				if v != e {
					continue
				}
				switch {
				case len(p.Names) == len(p.Values):
					f.store(p.Names[i], parent, depth)
				case len(p.Values) == 1 && res < len(p.Names):
					f.store(p.Names[res], parent, depth)
				}
			}
			return
		case *ast.ReturnStmt:
			idx := -1
			for i, r := range p.Results {
				if r == e {
					idx = i
				}
			}
			if idx >= 0 {
				f.ret(parent, idx, depth)
			}
			return
		default:
			return
		}
	}
}

func (f *flow) assign(at inspector.Cursor, p *ast.AssignStmt, e ast.Node, depth, res int) {
	idx := -1
	for i, r := range p.Rhs {
		if r == e {
			idx = i
		}
	}
	switch {
	case idx < 0:
	case len(p.Lhs) == len(p.Rhs):
		f.store(p.Lhs[idx], at, depth)
	case len(p.Rhs) == 1 && res < len(p.Lhs):
		f.store(p.Lhs[res], at, depth)
	}
}

// store follows a value written into x: a variable, a field, a map entry
// or an element of a buffer.
func (f *flow) store(x ast.Expr, at inspector.Cursor, depth int) {
	info := f.c.info
	switch l := ast.Unparen(x).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		v, ok := info.ObjectOf(l).(*types.Var)
		if !ok {
			return
		}
		f.emit(dest{kind: dName, name: l.Name, typ: v.Type(), at: at})
		f.fromVar(v, depth+1)
		// A buffer parameter filled here fills the caller's buffer:
		// func fill(b []byte) { rand.Read(b) } called as fill(key).
		if fn, idx, ok := f.c.sv.Param(v); ok && isByteData(v.Type()) && depth < maxFlowDepth {
			for _, call := range f.c.callers[fn] {
				if args := call.Node().(*ast.CallExpr).Args; idx < len(args) {
					f.store(args[idx], call, depth+1)
				}
			}
		}
	case *ast.SelectorExpr:
		v, ok := info.ObjectOf(l.Sel).(*types.Var)
		if !ok {
			return
		}
		var ctx []string
		if v.IsField() {
			ctx = typeWords(typesx.TypeOf(info, l.X))
		}
		f.emit(dest{kind: dName, name: l.Sel.Name, ctx: ctx, typ: v.Type(), at: at})
		if !v.IsField() {
			f.fromVar(v, depth+1)
		}
	case *ast.IndexExpr:
		if s, ok := f.c.sv.String(l.Index); ok {
			// session.Values["csrf_token"] = v
			f.emit(dest{kind: dName, name: s, typ: typesx.TypeOf(info, l), at: at})
			return
		}
		f.store(l.X, at, depth)
	case *ast.SliceExpr:
		f.store(l.X, at, depth)
	case *ast.StarExpr:
		f.store(l.X, at, depth)
	case *ast.UnaryExpr:
		if l.Op == token.AND {
			f.store(l.X, at, depth)
		}
	}
}

// fromVar follows every read of a variable of this package.
func (f *flow) fromVar(v *types.Var, depth int) {
	if depth > maxFlowDepth || f.seenVar[v] || v.Pkg() != f.c.pass.Pkg || f.stopped {
		return
	}
	f.seenVar[v] = true
	uses := f.c.usesOf(v)
	if len(uses) > maxVarUses {
		uses = uses[:maxVarUses] // a package variable read everywhere says little about one value
	}
	for _, id := range uses {
		cur, ok := f.c.cursorOf(id)
		if !ok || isWrite(cur) {
			continue
		}
		f.up(cur, depth, 0)
		if f.stopped {
			return
		}
	}
}

// ret follows a value returned from a function to its callers in the
// package.
func (f *flow) ret(retCur inspector.Cursor, idx, depth int) {
	enc, ok := innerFunc(retCur)
	if !ok {
		return
	}
	fd, ok := enc.Node().(*ast.FuncDecl)
	if !ok {
		return // a function literal: where it is called is not followed
	}
	fn, ok := f.c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	sig := fn.Signature()
	var typ types.Type
	if idx < sig.Results().Len() {
		r := sig.Results().At(idx)
		typ = r.Type()
		if r.Name() != "" {
			f.emit(dest{kind: dName, name: r.Name(), typ: typ})
		}
	}
	var ctx []string
	if recv := typesx.Recv(fn); recv != nil {
		ctx = typesx.NameWords(recv.Obj().Name())
	}
	f.emit(dest{kind: dReturn, name: fn.Name(), ctx: ctx, typ: typ, callee: fn})
	if f.seenFn[fn] {
		return
	}
	f.seenFn[fn] = true
	for _, call := range f.c.callers[fn] {
		f.up(call, depth+1, idx)
		if f.stopped {
			return
		}
	}
}

// arg records a value passed to a function, with the parameter's name, and
// follows it into the package's own functions.
func (f *flow) arg(at inspector.Cursor, call *ast.CallExpr, fn *types.Func, key string, idx, depth int) {
	sig := fn.Signature()
	var param *types.Var
	switch {
	case sig.Variadic() && idx >= sig.Params().Len()-1:
	case idx < sig.Params().Len():
		param = sig.Params().At(idx)
	}
	ctx := typesx.NameWords(fn.Name())
	if recv := typesx.Recv(fn); recv != nil {
		ctx = append(ctx, typesx.NameWords(recv.Obj().Name())...)
	}
	d := dest{kind: dArg, ctx: ctx, callee: fn, key: key, arg: idx, call: call}
	if param != nil {
		d.name, d.typ = param.Name(), param.Type()
	}
	f.emit(d)
	// A constant name before the value says what it is:
	// w.Header().Set("X-CSRF-Token", v), c.SetCookie("session", v, ...).
	if setters[fn.Name()] {
		for j := 0; j < idx; j++ {
			if s, ok := f.c.sv.String(call.Args[j]); ok {
				f.emit(dest{kind: dName, name: s, at: at})
				break
			}
		}
	}
	if param != nil && fn.Pkg() == f.c.pass.Pkg {
		f.fromVar(param, depth+1)
	}
}

// keyValue handles a value in a composite literal: a struct field (named,
// in the context of the struct's type; a cookie's Value is named by its
// Name), or a map entry under a constant key.
func (f *flow) keyValue(kvCur inspector.Cursor, kv *ast.KeyValueExpr, depth int) {
	lit, ok := kvCur.Parent().Node().(*ast.CompositeLit)
	if !ok {
		return
	}
	t := typesx.TypeOf(f.c.info, lit)
	if t == nil {
		return
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Struct:
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return
		}
		v, _ := f.c.info.ObjectOf(id).(*types.Var)
		var ft types.Type
		if v != nil {
			ft = v.Type()
		}
		if id.Name == "Value" {
			if name := cookieName(f.c, lit); name != "" {
				f.emit(dest{kind: dName, name: name, typ: ft, at: kvCur})
				return
			}
		}
		f.emit(dest{kind: dName, name: id.Name, ctx: typeWords(t), typ: ft, at: kvCur})
	case *types.Map:
		if s, ok := f.c.sv.String(kv.Key); ok {
			f.emit(dest{kind: dName, name: s, typ: u.Elem(), at: kvCur})
		}
	case *types.Slice, *types.Array:
		f.up(kvCur.Parent(), depth, 0)
	}
}

// cookieName returns the constant Name of a cookie literal
// (http.Cookie{Name: "session_id", Value: v}), or "".
func cookieName(c *checker, lit *ast.CompositeLit) string {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Name" {
			if s, ok := c.sv.String(kv.Value); ok {
				return s
			}
		}
	}
	return ""
}

// charset reports whether ix indexes a constant alphabet ("abc..."[i],
// letters[i] over a constant slice): the element is part of a generated
// string, not a choice among existing values.
func (c *checker) charset(ix *ast.IndexExpr) bool {
	if v := c.sv.Eval(ix.X); v != nil && len(v.Strings()) > 0 {
		return true
	}
	return c.sv.Eval(ix) != nil
}
