package routes

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
)

// Route tables: services often list their routes as struct literals and
// register them in a loop,
//
//	var routes = []route{
//		{"POST", "/login", h.Login, []Middleware{limit}},
//		...
//	}
//	for _, rt := range routes {
//		r.Handle(rt.Method, rt.Path, rt.Chain(rt.Handler))
//	}
//
// (the classic gorilla/mux "Routes" table, OpenAPI generators' output). The
// loop body is interpreted once per element, in a frame that binds the
// struct's fields to the element's values: rt.Path evaluates to the
// element's path, and the route is reported on the element's line.

// maxTableElems bounds the elements interpreted per table.
const maxTableElems = 256

// tableElem is one element literal of a route table, with the frame its
// values are evaluated in.
type tableElem struct {
	lit *ast.CompositeLit
	f   *frame
}

// rangeTable interprets a range loop over a route table once per element
// and reports whether it did (the caller then skips the loop body).
func (b *builder) rangeTable(f *frame, rs *ast.RangeStmt) bool {
	id, ok := rs.Value.(*ast.Ident)
	if !ok || rs.Tok != token.DEFINE || rs.Body == nil {
		return false
	}
	v, ok := b.info.Defs[id].(*types.Var)
	if !ok {
		return false
	}
	st, ok := typesx.Struct(v.Type())
	if !ok || !b.registersRoutes(rs.Body) {
		return false
	}
	elems := b.tableElems(f, rs.X, 0, nil)
	if len(elems) == 0 {
		return false
	}
	for _, el := range elems {
		g := b.newFrame(f.fn, f.decl, rs.Body, f, f.caller, f.path, f.root, f.depth, f.shadow)
		g.served = f.served
		g.elemVar = v
		g.elemPos = el.lit.Pos()
		for i := 0; i < st.NumFields(); i++ {
			if x := litFieldAt(el.lit, st, i); x != nil {
				g.args[st.Field(i)] = argBinding{x, el.f}
			}
		}
		b.interpret(g)
	}
	return true
}

// registersRoutes reports whether a loop body calls a method of a router
// type or of a gorilla/mux route: the loop is worth expanding.
func (b *builder) registersRoutes(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn := typesx.Callee(b.info, call); fn != nil {
				if recv := typesx.Recv(fn); recv != nil {
					rk := typeKey(recv)
					found = routerTypes[rk] != "" || rk == pkgMux+".Route"
				} else if fn.Pkg() == b.pass.Pkg && b.decls[fn] != nil && b.hasRouterParam(fn) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// tableElems resolves a ranged expression to its struct literal elements:
// a literal, a variable or parameter holding one, or a function of the
// package returning one.
func (b *builder) tableElems(f *frame, e ast.Expr, depth int, seen map[types.Object]bool) []tableElem {
	if depth > 4 || e == nil || f == nil {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		var out []tableElem
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			el = ast.Unparen(el)
			if u, ok := el.(*ast.UnaryExpr); ok && u.Op == token.AND {
				el = ast.Unparen(u.X)
			}
			lit, ok := el.(*ast.CompositeLit)
			if !ok {
				return nil // an element built elsewhere: not a table we can read
			}
			if _, ok := typesx.Struct(typesx.TypeOf(b.info, lit)); !ok {
				return nil
			}
			out = append(out, tableElem{lit, f})
			if len(out) > maxTableElems {
				return nil
			}
		}
		return out
	case *ast.Ident:
		v, ok := b.info.ObjectOf(x).(*types.Var)
		if !ok || seen[v] {
			return nil
		}
		if seen == nil {
			seen = map[types.Object]bool{}
		}
		seen[v] = true
		if bnd, ok := b.argOf(f, v); ok {
			return b.tableElems(bnd.f, bnd.e, depth+1, seen)
		}
		as, _ := b.sv.Assignments(v)
		var out []tableElem
		for _, a := range as {
			if a.RHS == nil || a.Kind != strval.Plain || a.Op != token.ASSIGN {
				continue
			}
			out = append(out, b.tableElems(b.exprFrame(f, v, a.RHS), a.RHS, depth+1, seen)...)
		}
		return out
	case *ast.CallExpr:
		fn := typesx.Callee(b.info, x)
		if fn == nil || fn.Pkg() != b.pass.Pkg || b.decls[fn] == nil {
			return nil
		}
		fd := b.decls[fn]
		g := b.frameAt(fd.Body.Pos())
		var out []tableElem
		for _, r := range b.returnExprs(fd, 0) {
			out = append(out, b.tableElems(g, r, depth+1, seen)...)
		}
		return out
	}
	return nil
}

// tableField substitutes rt.Field inside a loop over a route table: the
// element's value of the field and the frame to evaluate it in.
func (b *builder) tableField(f *frame, e ast.Expr) (ast.Expr, *frame, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || f == nil {
		return nil, nil, false
	}
	field, ok := b.info.Uses[sel.Sel].(*types.Var)
	if !ok || !field.IsField() {
		return nil, nil, false
	}
	x := ast.Unparen(sel.X)
	if s, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(s.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, _ := b.info.Uses[id].(*types.Var)
	if v == nil {
		return nil, nil, false
	}
	for c := f; c != nil; c = c.lex {
		if c.elemVar != nil && c.elemVar == v {
			if bnd, ok := c.args[field]; ok {
				return bnd.e, bnd.f, true
			}
			return nil, nil, false
		}
	}
	// r.Register(route) in the loop: the parameter stands for the row,
	// or for a literal the caller passes.
	bnd, ok := b.argOf(f, v)
	if !ok || bnd.f == nil {
		return nil, nil, false
	}
	switch x := ast.Unparen(bnd.e).(type) {
	case *ast.Ident:
		return b.tableField(bnd.f, &ast.SelectorExpr{X: x, Sel: sel.Sel})
	case *ast.CompositeLit:
		if st, ok := typesx.Struct(typesx.TypeOf(b.info, x)); ok {
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i) == field {
					if val := litFieldAt(x, st, i); val != nil {
						return val, bnd.f, true
					}
				}
			}
		}
	}
	return nil, nil, false
}

// str evaluates a string, through a route table's fields:
// rt.Method + " " + rt.Path.
func (b *builder) str(f *frame, e ast.Expr) (string, bool) {
	for i := 0; i < 4; i++ {
		x, g, ok := b.tableField(f, e)
		if !ok {
			break
		}
		e, f = x, g
	}
	if s, ok := b.sv.String(e); ok {
		return s, true
	}
	if bin, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && bin.Op == token.ADD && f != nil && f.inTable() {
		l, ok1 := b.str(f, bin.X)
		r, ok2 := b.str(f, bin.Y)
		return l + r, ok1 && ok2
	}
	return "", false
}

// inTable reports whether f interprets a route table's loop body.
func (f *frame) inTable() bool {
	for c := f; c != nil; c = c.lex {
		if c.elemVar != nil {
			return true
		}
	}
	return false
}

// routePos is where a route is reported: the table element of a route
// table, or the registration call.
func (b *builder) routePos(f *frame, call *ast.CallExpr) token.Pos {
	for c := f; c != nil; c = c.lex {
		if c.elemVar != nil && c.elemPos.IsValid() {
			return c.elemPos
		}
		if c.rowPos.IsValid() {
			return c.rowPos
		}
	}
	return selPos(call)
}

// rowCall sets g.rowPos when a helper is called with a route table's row
// (addRoute(r, route)), or with a parameter of a helper that was: its
// routes are reported on the row. Helpers called in the loop with other
// arguments (a module's own routes) keep their own lines.
func (b *builder) rowCall(f, g *frame, call *ast.CallExpr) {
	var pos token.Pos
	mentions := func(v *types.Var) bool {
		found := false
		for _, a := range call.Args {
			ast.Inspect(a, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && b.info.Uses[id] == v {
					found = true
				}
				return !found
			})
		}
		return found
	}
	for c := f; c != nil && !pos.IsValid(); c = c.lex {
		switch {
		case c.elemVar != nil:
			if mentions(c.elemVar) {
				pos = c.elemPos
			}
		case c.rowPos.IsValid():
			if fn := c.fn; fn != nil {
				ps := fn.Signature().Params()
				for i := 0; i < ps.Len(); i++ {
					if mentions(ps.At(i)) {
						pos = c.rowPos
					}
				}
			}
		}
	}
	g.rowPos = pos
}

// litFieldAt returns the value a struct literal gives field i, keyed or
// positional, or nil.
func litFieldAt(lit *ast.CompositeLit, st *types.Struct, i int) ast.Expr {
	name := st.Field(i).Name()
	for j, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if j == i {
			return el
		}
	}
	return nil
}
