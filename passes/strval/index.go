package strval

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

type paramInfo struct {
	fn    *types.Func
	index int
}

type callSites struct {
	args    [][]ast.Expr
	escapes bool // used other than as the callee of a call, or called with f(xs...)
	ncalls  int
}

// index is built in one walk over the package and records every write the
// evaluator may need to follow.
type index struct {
	writes      map[types.Object][]Assignment
	opaque      map[types.Object]bool
	consts      map[*types.Const]ast.Expr
	params      map[*types.Var]paramInfo
	calls       map[*types.Func]*callSites
	returns     map[*types.Func][]*ast.ReturnStmt
	decls       map[*types.Func]*ast.FuncDecl
	methodCalls map[types.Object][]*ast.CallExpr
	addrCalls   map[types.Object][]*ast.CallExpr
	tagged      map[*types.Var]bool // fields with a struct tag: decoders write them
	pkgVars     []*types.Var
	fields      []*types.Var
	funcOrder   []*types.Func
}

func buildIndex(pass *analysis.Pass, insp *inspector.Inspector) *index {
	info := pass.TypesInfo
	x := &index{
		writes:      map[types.Object][]Assignment{},
		opaque:      map[types.Object]bool{},
		consts:      map[*types.Const]ast.Expr{},
		params:      map[*types.Var]paramInfo{},
		calls:       map[*types.Func]*callSites{},
		returns:     map[*types.Func][]*ast.ReturnStmt{},
		decls:       map[*types.Func]*ast.FuncDecl{},
		methodCalls: map[types.Object][]*ast.CallExpr{},
		addrCalls:   map[types.Object][]*ast.CallExpr{},
		tagged:      map[*types.Var]bool{},
	}
	local := func(obj types.Object) bool { return obj != nil && obj.Pkg() == pass.Pkg }

	// target resolves an assignment's left-hand side to the object written:
	// a variable, a field (x.f), or a container (m[k] → m, as Elem).
	target := func(lhs ast.Expr) (types.Object, bool) {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if l.Name == "_" {
				return nil, false
			}
			obj := info.ObjectOf(l)
			if _, ok := obj.(*types.Var); ok {
				return obj, false
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[l]; ok && sel.Kind() == types.FieldVal {
				return sel.Obj(), false
			}
			if obj, ok := info.Uses[l.Sel].(*types.Var); ok { // pkg.Var
				return obj, false
			}
		case *ast.IndexExpr:
			if obj := typesx.ObjectOf(info, l.X); obj != nil {
				if _, ok := obj.(*types.Var); ok {
					return obj, true
				}
			}
		}
		return nil, false
	}
	add := func(obj types.Object, a Assignment) {
		if obj == nil {
			return
		}
		x.writes[obj] = append(x.writes[obj], a)
	}

	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			x.decls[fn] = fd
			x.funcOrder = append(x.funcOrder, fn)
			sig := fn.Signature()
			for i := 0; i < sig.Params().Len(); i++ {
				x.params[sig.Params().At(i)] = paramInfo{fn, i}
			}
			// Named results start as zero values.
			for i := 0; i < sig.Results().Len(); i++ {
				if res := sig.Results().At(i); res.Name() != "" {
					x.writes[res] = append(x.writes[res], Assignment{Op: token.ASSIGN, Kind: Zero, Pos: res.Pos()})
				}
			}
		}
	}

	// Scope: named struct types of the package, for field facts.
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			fld := st.Field(i)
			if st.Tag(i) != "" {
				x.tagged[fld] = true
			}
			if fld.Exported() && fld.Pkg() == pass.Pkg {
				x.fields = append(x.fields, fld)
			}
		}
	}

	filter := []ast.Node{
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.RangeStmt)(nil),
		(*ast.IncDecStmt)(nil),
		(*ast.UnaryExpr)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.ReturnStmt)(nil),
		(*ast.CallExpr)(nil),
	}
	// Writes in _test.go files are the tests' business: they do not make
	// production values unknown, nor add values production never sees.
	testFile := map[*token.File]bool{}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.FileStart); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
			testFile[tf] = true
		}
	}
	for cur := range insp.Root().Preorder(filter...) {
		if len(testFile) > 0 && testFile[pass.Fset.File(cur.Node().Pos())] {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			switch {
			case n.Tok == token.ASSIGN || n.Tok == token.DEFINE:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if obj, elem := target(l); obj != nil {
							a := Assignment{Op: token.ASSIGN, RHS: n.Rhs[i], Kind: Plain, Pos: n.Pos()}
							if elem {
								a.Kind = Elem
								a.Key = ast.Unparen(l).(*ast.IndexExpr).Index
							}
							add(obj, a)
						}
					}
				} else if len(n.Rhs) == 1 {
					rhs := ast.Unparen(n.Rhs[0])
					for i, l := range n.Lhs {
						obj, elem := target(l)
						if obj == nil {
							continue
						}
						if elem {
							x.opaque[obj] = true
							continue
						}
						k := Tuple
						if _, ok := rhs.(*ast.IndexExpr); ok {
							k = CommaOk
						}
						add(obj, Assignment{Op: token.ASSIGN, RHS: n.Rhs[0], Kind: k, Index: i, Pos: n.Pos()})
					}
				}
			default: // op-assign
				if obj, elem := target(n.Lhs[0]); obj != nil {
					if elem {
						x.opaque[obj] = true
					} else {
						add(obj, Assignment{Op: n.Tok, RHS: n.Rhs[0], Kind: Plain, Pos: n.Pos()})
					}
				}
			}

		case *ast.ValueSpec:
			for i, name := range n.Names {
				obj := info.Defs[name]
				switch obj := obj.(type) {
				case *types.Const:
					if i < len(n.Values) {
						x.consts[obj] = n.Values[i]
					}
				case *types.Var:
					if obj.Parent() == pass.Pkg.Scope() {
						x.pkgVars = append(x.pkgVars, obj)
					}
					switch {
					case len(n.Values) == 0:
						add(obj, Assignment{Op: token.ASSIGN, Kind: Zero, Pos: name.Pos()})
					case len(n.Values) == len(n.Names):
						add(obj, Assignment{Op: token.ASSIGN, RHS: n.Values[i], Kind: Plain, Pos: name.Pos()})
					case len(n.Values) == 1:
						k := Tuple
						if _, ok := ast.Unparen(n.Values[0]).(*ast.IndexExpr); ok {
							k = CommaOk
						}
						add(obj, Assignment{Op: token.ASSIGN, RHS: n.Values[0], Kind: k, Index: i, Pos: name.Pos()})
					}
				}
			}

		case *ast.RangeStmt:
			for i, e := range []ast.Expr{n.Key, n.Value} {
				if e == nil {
					continue
				}
				if obj, elem := target(e); obj != nil {
					if elem {
						x.opaque[obj] = true
						continue
					}
					add(obj, Assignment{Op: token.ASSIGN, RHS: n.X, Kind: Range, Index: i, Pos: n.Pos()})
				}
			}

		case *ast.IncDecStmt:
			if obj, _ := target(n.X); obj != nil {
				x.opaque[obj] = true
			}

		case *ast.UnaryExpr:
			if n.Op != token.AND {
				continue
			}
			obj, _ := target(n.X)
			if obj == nil {
				continue
			}
			x.opaque[obj] = true
			if call, ok := cur.Parent().Node().(*ast.CallExpr); ok {
				x.addrCalls[obj] = append(x.addrCalls[obj], call)
			}

		case *ast.CompositeLit:
			st := typesx.TypeOf(info, n)
			if st == nil {
				continue
			}
			s, ok := types.Unalias(st).Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i := 0; i < s.NumFields(); i++ {
				if s.Tag(i) != "" {
					x.tagged[s.Field(i)] = true
				}
			}
			for i, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if fld, ok := info.ObjectOf(id).(*types.Var); ok && fld.IsField() {
							add(fld, Assignment{Op: token.ASSIGN, RHS: kv.Value, Kind: Plain, Pos: kv.Pos()})
						}
					}
				} else if i < s.NumFields() {
					add(s.Field(i), Assignment{Op: token.ASSIGN, RHS: elt, Kind: Plain, Pos: elt.Pos()})
				}
			}

		case *ast.ReturnStmt:
			for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				if fd, ok := enc.Node().(*ast.FuncDecl); ok {
					if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
						x.returns[fn] = append(x.returns[fn], n)
					}
				}
				break
			}

		case *ast.CallExpr:
			fun := ast.Unparen(n.Fun)
			if sel, ok := fun.(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
					if obj, _ := target(sel.X); obj != nil {
						x.methodCalls[obj] = append(x.methodCalls[obj], n)
					}
				}
			}
			fn := typesx.Callee(info, n)
			if fn == nil || !local(fn) {
				continue
			}
			cs := x.calls[fn]
			if cs == nil {
				cs = &callSites{}
				x.calls[fn] = cs
			}
			cs.ncalls++
			if n.Ellipsis.IsValid() {
				cs.escapes = true
			}
			cs.args = append(cs.args, n.Args)
		}
	}

	// A function used other than as a callee (a value, a method
	// expression) may be called where we cannot see.
	uses := map[*types.Func]int{}
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && local(fn) {
			uses[fn]++
		}
	}
	for fn, n := range uses {
		cs := x.calls[fn]
		if cs == nil {
			x.calls[fn] = &callSites{escapes: true}
			continue
		}
		if n != cs.ncalls {
			cs.escapes = true
		}
	}
	return x
}
