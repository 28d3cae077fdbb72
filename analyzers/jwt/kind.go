package jwt

import (
	"go/ast"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/jwtkeys"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A token is a refresh token when its claims or the names around its
// expiry say so. The evidence is weighed from the closest to the
// farthest: a "type": "refresh" claim; the names of the duration and of
// the variables the expiry passes through (refreshTTL, rtExpiry); the
// claims' type and the variables the claims and the token are assigned
// to (RefreshClaims, refreshToken); the enclosing function's name
// (GenerateRefreshToken). Names that mark a token of another kind (email
// verification, password reset, invitations, API keys) take the token
// out of AV105, since its lifetime is a product decision.

// classify decides a kind from words.
func (c *checker) classify(words []string) tokenKind {
	var refresh, other, access bool
	for i, w := range words {
		if i+1 < len(words) {
			pair := w + words[i+1]
			other = other || otherWords[pair]
			refresh = refresh || c.refresh[pair]
		}
		switch {
		case c.refresh[w]:
			refresh = true
		case otherWords[w]:
			other = true
		case accessWords[w]:
			access = true
		}
	}
	switch {
	case refresh:
		return kindRefresh
	case other:
		return kindOther
	case access:
		return kindAccess
	}
	return kindUnknown
}

func (c *checker) classifyNames(names []string) tokenKind {
	var words []string
	for _, n := range names {
		words = append(words, typesx.NameWords(n)...)
	}
	return c.classify(words)
}

// kindAt decides the kind of the token whose expiry is set at cur, or
// kindUnknown when nothing says.
func (c *checker) kindAt(cur inspector.Cursor, lt life) tokenKind {
	typeKind, names := c.context(cur)
	if typeKind != kindUnknown {
		return typeKind
	}
	if k := c.classifyNames(lt.names); k != kindUnknown {
		return k
	}
	if k := c.classifyNames(names); k != kindUnknown {
		return k
	}
	return c.funcKind(cur)
}

// funcKind decides from the enclosing function's name (and the variable
// a function literal is assigned to).
func (c *checker) funcKind(cur inspector.Cursor) tokenKind {
	var names []string
	for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := enc.Node().(type) {
		case *ast.FuncDecl:
			names = append(names, n.Name.Name)
			if n.Recv != nil && len(n.Recv.List) == 1 {
				if nt := typesx.Named(typesx.TypeOf(c.info, n.Recv.List[0].Type)); nt != nil {
					names = append(names, nt.Obj().Name())
				}
			}
		case *ast.FuncLit:
			names = append(names, stmtNames(enc)...)
			continue
		}
		break
	}
	for _, n := range names {
		words := typesx.NameWords(n)
		k := c.classify(words)
		if k == kindOther {
			return k
		}
		for _, w := range words {
			if pairWords[w] || (k == kindRefresh && accessWords[w]) {
				return kindAmbiguous
			}
		}
		if k != kindUnknown {
			return k
		}
	}
	// Last, the package: package refresh, package invites.
	return c.classify(typesx.NameWords(c.pass.Pkg.Name()))
}

// context collects, around an expiry at cur, a kind stated by a type
// claim ("type": "refresh") and the names of the claims and token
// variables.
func (c *checker) context(cur inspector.Cursor) (tokenKind, []string) {
	var names []string
	kind := kindUnknown
	note := func(k tokenKind) {
		if kind == kindUnknown {
			kind = k
		}
	}
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if v := c.rootVar(l); v != nil {
				names = append(names, c.varNames(v, note)...)
			}
		}
		return kind, names
	}
	// A method call on a token or builder variable: its name.
	if call, ok := cur.Node().(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v := c.rootVar(sel.X); v != nil {
				names = append(names, c.varNames(v, note)...)
			}
		}
	}
	// Up from a claims literal or a builder call to the statement.
	x := cur
	for depth := 0; depth < 16; depth++ {
		switch n := x.Node().(type) {
		case *ast.CompositeLit:
			note(c.typeClaim(n))
			if t := typesx.TypeOf(c.info, n); t != nil {
				if nt := typesx.Named(t); nt != nil && jwtkeys.LookupType(t) == jwtkeys.RoleNone {
					names = append(names, nt.Obj().Name())
				}
			}
		case *ast.CallExpr:
			if spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, n)); ok && spec.Op == jwtkeys.OpNewWithClaims {
				return kind, append(names, stmtNames(x)...)
			}
		}
		p := x.Parent()
		switch p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr, *ast.KeyValueExpr, *ast.CompositeLit, *ast.SelectorExpr, *ast.CallExpr:
			if _, isKV := p.Node().(*ast.KeyValueExpr); isKV {
				if _, inLit := p.Parent().Node().(*ast.CompositeLit); !inLit {
					return kind, names
				}
			}
			x = p
		case *ast.AssignStmt, *ast.ValueSpec:
			names = append(names, stmtNames(x)...)
			for _, v := range c.definedVars(p) {
				names = append(names, c.varNames(v, note)...)
			}
			return kind, names
		default:
			return kind, names
		}
	}
	return kind, names
}

// typeClaim reads a kind from a "type"/"typ"/"token_type" claim of a
// claims literal.
func (c *checker) typeClaim(lit *ast.CompositeLit) tokenKind {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key := ""
		if id, ok := kv.Key.(*ast.Ident); ok {
			if _, isField := c.info.ObjectOf(id).(*types.Var); isField {
				key = id.Name
			}
		}
		if key == "" {
			key, _ = c.res.Alg(kv.Key)
		}
		if !typeClaimKeys[key] {
			continue
		}
		if v, ok := c.res.Alg(kv.Value); ok {
			if k := c.classifyNames([]string{v}); k != kindUnknown {
				return k
			}
		}
	}
	return kindUnknown
}

// varNames returns the names a claims or token variable goes by: its
// own, its type's, the type claims written into it, and the variable
// the token created from it is assigned to.
func (c *checker) varNames(v *types.Var, note func(tokenKind)) []string {
	names := []string{v.Name()}
	if nt := typesx.Named(v.Type()); nt != nil && jwtkeys.LookupType(v.Type()) == jwtkeys.RoleNone {
		names = append(names, nt.Obj().Name())
	}
	for _, u := range c.res.Uses(v) {
		cu := c.res.Classify(v, u)
		switch cu.Kind {
		case jwtkeys.UseIndexWrite:
			if k, ok := c.res.Alg(cu.Key); ok && typeClaimKeys[k] {
				if s, ok := c.res.Alg(cu.RHS); ok {
					note(c.classifyNames([]string{s}))
				}
			}
		case jwtkeys.UseDef, jwtkeys.UseAssign:
			if lit, ok := ast.Unparen(cu.RHS).(*ast.CompositeLit); ok {
				note(c.typeClaim(lit))
			}
		case jwtkeys.UseArg:
			spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, cu.Call))
			if !ok || spec.Op != jwtkeys.OpNewWithClaims {
				continue
			}
			call := u.Parent()
			if _, isAddr := call.Node().(*ast.UnaryExpr); isAddr {
				call = call.Parent()
			}
			names = append(names, stmtNames(call)...)
		}
	}
	return names
}

// rootVar returns the local variable at the root of claims.ExpiresAt or
// claims["exp"] or token.Claims.(jwt.MapClaims)["exp"].
func (c *checker) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := c.info.ObjectOf(x).(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// definedVars returns the variables an assignment or declaration defines.
func (c *checker) definedVars(cur inspector.Cursor) []*types.Var {
	var ids []ast.Expr
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		ids = n.Lhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			ids = append(ids, id)
		}
	}
	var out []*types.Var
	for _, e := range ids {
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
				out = append(out, v)
			}
		}
	}
	return out
}

// stmtNames walks up from an expression through method chains to the
// statement or field it ends in and returns the names it is assigned
// to: refreshToken := ..., resp.RefreshToken = ..., RefreshToken: ...
func stmtNames(cur inspector.Cursor) []string {
	x := cur
	for depth := 0; depth < 16; depth++ {
		p := x.Parent()
		k, _ := x.ParentEdge()
		switch n := p.Node().(type) {
		case *ast.SelectorExpr, *ast.ParenExpr, *ast.UnaryExpr, *ast.StarExpr:
			x = p
			continue
		case *ast.CallExpr:
			if k == edge.CallExpr_Fun {
				x = p
				continue
			}
			return nil
		case *ast.AssignStmt:
			var out []string
			for _, l := range n.Lhs {
				switch l := l.(type) {
				case *ast.Ident:
					if l.Name != "_" {
						out = append(out, l.Name)
					}
				case *ast.SelectorExpr:
					out = append(out, l.Sel.Name)
				}
			}
			return out
		case *ast.ValueSpec:
			var out []string
			for _, id := range n.Names {
				out = append(out, id.Name)
			}
			return out
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				return []string{id.Name}
			}
			return nil
		}
		return nil
	}
	return nil
}

// callSiteKind decides a token's kind at a call of the helper that
// creates it: the names the result is assigned to, the string and
// identifier arguments, then the calling function's name.
func (c *checker) callSiteKind(sc inspector.Cursor, call *ast.CallExpr) tokenKind {
	names := stmtNames(sc)
	for _, a := range call.Args {
		if s, ok := c.res.Alg(a); ok {
			names = append(names, s)
		}
		names = append(names, identNames(a)...)
	}
	if k := c.classifyNames(names); k != kindUnknown {
		return k
	}
	return c.funcKind(sc)
}
