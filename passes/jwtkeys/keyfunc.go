package jwtkeys

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
)

// Keyfunc resolves the keyfunc expression e of a golang-jwt parse (a
// function literal, a named function or method value, a variable or
// field holding one, or the call of a keyfunc factory, here or in
// another package of the module) and summarises it. ok is false when e
// cannot be resolved.
func (r *Result) Keyfunc(e ast.Expr) (Keyfunc, bool) {
	if !r.ok() {
		return Keyfunc{}, false
	}
	return r.keyfunc(e, 0)
}

func (r *Result) keyfunc(e ast.Expr, depth int) (Keyfunc, bool) {
	if e == nil || depth > maxDepth {
		return Keyfunc{}, false
	}
	e = typesx.StripConversions(r.info, e)
	switch x := e.(type) {
	case *ast.FuncLit:
		return r.summarize(x.Type, x.Body, "func literal"), true
	case *ast.Ident:
		switch obj := r.info.Uses[x].(type) {
		case *types.Func:
			return r.funcKeyfunc(obj, depth+1)
		case *types.Var:
			return r.varKeyfunc(obj, depth+1)
		}
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[x]; ok {
			switch sel.Kind() {
			case types.MethodVal:
				fn, _ := sel.Obj().(*types.Func)
				if fn == nil || types.IsInterface(sel.Recv()) {
					return Keyfunc{}, false
				}
				return r.funcKeyfunc(fn, depth+1)
			case types.FieldVal:
				v, _ := sel.Obj().(*types.Var)
				return r.varKeyfunc(v, depth+1)
			}
			return Keyfunc{}, false
		}
		switch obj := r.info.Uses[x.Sel].(type) {
		case *types.Func:
			return r.funcKeyfunc(obj, depth+1)
		case *types.Var:
			return r.varKeyfunc(obj, depth+1)
		}
	case *ast.CallExpr:
		return r.factoryKeyfunc(r.callee(x), depth+1)
	}
	return Keyfunc{}, false
}

// varKeyfunc merges the keyfuncs a variable or field is given.
func (r *Result) varKeyfunc(v *types.Var, depth int) (Keyfunc, bool) {
	if v == nil || !r.enter(v) {
		return Keyfunc{}, false
	}
	defer r.leave(v)
	rhs, ok := r.writes(v)
	if !ok || len(rhs) == 0 {
		return Keyfunc{}, false
	}
	var out Keyfunc
	for i, e := range rhs {
		if r.isNil(e) {
			continue
		}
		k, ok := r.keyfunc(e, depth+1)
		if !ok {
			return Keyfunc{}, false
		}
		if i == 0 {
			out = k
		} else {
			out = out.merge(k)
		}
	}
	if out.Name == "func literal" {
		out.Name = v.Name()
	}
	return out, out.Name != ""
}

// funcKeyfunc summarises a named function or method used as a keyfunc.
func (r *Result) funcKeyfunc(fn *types.Func, depth int) (Keyfunc, bool) {
	if fn == nil || !isKeyfuncSig(fn.Signature()) {
		return Keyfunc{}, false
	}
	if fn.Pkg() != r.pass.Pkg {
		var f KeyfuncFact
		if r.pass.ImportObjectFact != nil && r.pass.ImportObjectFact(fn, &f) && !f.Factory {
			f.Keyfunc.Name = r.display(fn)
			return f.Keyfunc, true
		}
		return Keyfunc{}, false
	}
	if m, ok := r.keyfuncs[fn]; ok {
		return m.k, m.ok
	}
	decl, ok := r.decls[fn]
	if !ok {
		return Keyfunc{}, false
	}
	fd := decl.Node().(*ast.FuncDecl)
	k := r.summarize(fd.Type, fd.Body, r.display(fn))
	r.keyfuncs[fn] = &memoKeyfunc{k, true}
	return k, true
}

// factoryKeyfunc merges the keyfuncs a factory function returns.
func (r *Result) factoryKeyfunc(fn *types.Func, depth int) (Keyfunc, bool) {
	if fn == nil || depth > maxDepth || !returnsKeyfunc(fn.Signature()) {
		return Keyfunc{}, false
	}
	if fn.Pkg() != r.pass.Pkg {
		var f KeyfuncFact
		if r.pass.ImportObjectFact != nil && r.pass.ImportObjectFact(fn, &f) && f.Factory {
			f.Keyfunc.Name = r.display(fn)
			return f.Keyfunc, true
		}
		return Keyfunc{}, false
	}
	if m, ok := r.keyfuncs[fn]; ok {
		return m.k, m.ok
	}
	decl, ok := r.decls[fn]
	if !ok || !r.enter(fn) {
		return Keyfunc{}, false
	}
	defer r.leave(fn)
	ri := resultIndex(fn.Signature())
	var out Keyfunc
	found, ok := false, true
	for _, ret := range returns(decl) {
		if len(ret.Results) != fn.Signature().Results().Len() || r.isNil(ret.Results[ri]) {
			if len(ret.Results) != fn.Signature().Results().Len() {
				ok = false
			}
			continue
		}
		k, kok := r.keyfunc(ret.Results[ri], depth+1)
		if !kok {
			ok = false
			break
		}
		if !found {
			out, found = k, true
		} else {
			out = out.merge(k)
		}
	}
	ok = ok && found
	if ok {
		out.Name = r.display(fn)
	}
	r.keyfuncs[fn] = &memoKeyfunc{out, ok}
	return out, ok
}

// summarize looks at a keyfunc's body: does it look at the token's
// algorithm, and what keys does it return with a nil error?
func (r *Result) summarize(ft *ast.FuncType, body *ast.BlockStmt, name string) Keyfunc {
	k := Keyfunc{Name: name}
	if body == nil {
		return k
	}
	var param types.Object
	if ft.Params != nil && len(ft.Params.List) > 0 && len(ft.Params.List[0].Names) > 0 {
		if id := ft.Params.List[0].Names[0]; id.Name != "_" {
			param = r.info.Defs[id]
		}
	}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.Ident:
			if param != nil && r.info.Uses[n] == param && r.looksAtAlg(stack) {
				k.ChecksAlg = true
			}
		case *ast.ReturnStmt:
			if !inNestedFunc(stack) {
				r.returnedKey(n, &k)
			}
		}
		return true
	})
	return k
}

// looksAtAlg reports whether the use of the token at the top of the
// stack inspects its algorithm: token.Method, token.Header["alg"], or the
// token handed to another function (which may check it).
func (r *Result) looksAtAlg(stack []ast.Node) bool {
	id := stack[len(stack)-1]
	parent := func(i int) ast.Node {
		if len(stack)-1-i < 0 {
			return nil
		}
		return stack[len(stack)-1-i]
	}
	switch p := parent(1).(type) {
	case *ast.SelectorExpr:
		if p.X != id {
			return false
		}
		switch p.Sel.Name {
		case "Method":
			return true
		case "Header":
			switch pp := parent(2).(type) {
			case *ast.IndexExpr:
				if pp.X != p {
					return false
				}
				k, ok := r.str(pp.Index)
				return !ok || k == "alg"
			case *ast.CallExpr:
				return true
			}
		}
		return false
	case *ast.CallExpr:
		for _, a := range p.Args {
			if a == id {
				return true
			}
		}
	case *ast.UnaryExpr:
		_, isCall := parent(2).(*ast.CallExpr)
		return isCall
	}
	return false
}

func inNestedFunc(stack []ast.Node) bool {
	for _, n := range stack[:len(stack)-1] {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// returnedKey records what return key, nil hands back.
func (r *Result) returnedKey(ret *ast.ReturnStmt, k *Keyfunc) {
	if len(ret.Results) != 2 || !r.isNil(ret.Results[1]) {
		return
	}
	key := ret.Results[0]
	if r.isNil(key) {
		k.NilKey = true
		k.addKind("")
		return
	}
	if obj := r.objOf(key); obj != nil {
		if v, _ := LookupValue(obj); v == ValNoneKey {
			k.NoneKey = true
			k.addKind("")
			return
		}
	}
	t := typesx.TypeOf(r.info, key)
	k.addKind(keyKind(t))
	if t == nil || !(typesx.IsBytes(t) || typesx.IsString(t)) {
		return
	}
	w := r.Weak(key)
	if w.Known && w.Len == 0 && !w.Fallback {
		k.EmptyKey = true
		return
	}
	if w.Known {
		k.Weak = k.Weak.min(w)
	}
}

// keyKind classifies the type of a returned key: "hmac" for []byte,
// "rsa", "ecdsa", "ed25519" for public keys, "" otherwise.
func keyKind(t types.Type) string {
	switch {
	case t == nil:
		return ""
	case typesx.IsBytes(t):
		return "hmac"
	case typesx.TypeIs(t, "crypto/rsa", "PublicKey"):
		return "rsa"
	case typesx.TypeIs(t, "crypto/ecdsa", "PublicKey"):
		return "ecdsa"
	case typesx.TypeIs(t, "crypto/ed25519", "PublicKey"):
		return "ed25519"
	}
	return ""
}

// addKind records the kind of one returned key: the keyfunc's KeyKind
// stays set only while every key is of the same known kind.
func (k *Keyfunc) addKind(kind string) {
	switch {
	case k.kinds == 0:
		k.KeyKind = kind
	case k.KeyKind != kind:
		k.KeyKind = ""
	}
	k.kinds++
}

func (r *Result) objOf(e ast.Expr) types.Object {
	return typesx.ObjectOf(r.info, typesx.StripConversions(r.info, e))
}

// isKeyfuncSig reports whether sig is func(*jwt.Token) (any, error) of a
// golang-jwt package.
func isKeyfuncSig(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	return LookupType(sig.Params().At(0).Type()) == RoleToken && isError(sig.Results().At(1).Type())
}

// isKeyfuncType reports whether t is jwt.Keyfunc or a func type of the
// same shape.
func isKeyfuncType(t types.Type) bool {
	if t == nil {
		return false
	}
	if LookupType(t) == RoleKeyfunc {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && isKeyfuncSig(sig)
}

// returnsKeyfunc reports whether a function returns a keyfunc (a
// factory).
func returnsKeyfunc(sig *types.Signature) bool {
	i := resultIndex(sig)
	return i >= 0 && isKeyfuncType(sig.Results().At(i).Type())
}

// display names a function for messages: "keys.Loose" from another
// package, "loose" or "(*Auth).keyFunc" from this one.
func (r *Result) display(fn *types.Func) string {
	d := typesx.FuncDisplay(fn)
	if fn.Pkg() == r.pass.Pkg {
		d = strings.Replace(d, fn.Pkg().Name()+".", "", 1)
	}
	return d
}
