package jwtkeys

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"golang.org/x/tools/go/ast/inspector"
)

// expAcc accumulates what the writes to a set of claims say about "exp".
type expAcc struct{ set, missing, unknown bool }

func (a *expAcc) add(s ExpState) {
	switch s {
	case ExpSet:
		a.set = true
	case ExpMissing:
		a.missing = true
	default:
		a.unknown = true
	}
}

// state is flow-insensitive: any write that sets exp counts; otherwise
// anything unknown makes the answer unknown.
func (a expAcc) state() ExpState {
	switch {
	case a.set:
		return ExpSet
	case a.unknown:
		return ExpUnknown
	case a.missing:
		return ExpMissing
	}
	return ExpUnknown
}

// Claims says whether the claims e (a MapClaims, a struct embedding
// RegisteredClaims or StandardClaims, go-jose's Claims, a struct with an
// `json:"exp"` field, or a map) set an expiry. It follows variables of
// the function, their later writes (claims["exp"] = ..., c.ExpiresAt =
// ...), and helpers that build the claims, also in other packages of the
// module.
func (r *Result) Claims(e ast.Expr) ExpState {
	if !r.ok() {
		return ExpUnknown
	}
	return r.claims(e, 0)
}

func (r *Result) claims(e ast.Expr, depth int) ExpState {
	if e == nil || depth > maxDepth {
		return ExpUnknown
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return r.claims(x.X, depth+1)
		}
	case *ast.CompositeLit:
		return r.claimsLit(x, depth)
	case *ast.Ident:
		if v, ok := r.info.Uses[x].(*types.Var); ok {
			return r.claimsVar(v, depth)
		}
	case *ast.CallExpr:
		if typesx.IsConversion(r.info, x) {
			return r.claims(x.Args[0], depth+1)
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) >= 1 {
			if b, ok := r.info.Uses[id].(*types.Builtin); ok {
				t := typesx.TypeOf(r.info, x.Args[0])
				switch b.Name() {
				case "new":
					if _, ok := expiryPath(t); ok {
						return ExpMissing
					}
				case "make":
					if t != nil {
						if _, ok := t.Underlying().(*types.Map); ok {
							return ExpMissing // make(jwt.MapClaims)
						}
					}
				}
				return ExpUnknown
			}
		}
		return r.funcClaims(r.callee(x), depth+1)
	case *ast.TypeAssertExpr:
		// token.Claims.(jwt.MapClaims) on a token of this function.
		if sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr); ok && sel.Sel.Name == "Claims" &&
			LookupType(typesx.TypeOf(r.info, sel.X)) == RoleToken {
			if v := r.varOf(sel.X); v != nil {
				return r.tokenClaims(v, depth+1)
			}
		}
	}
	return ExpUnknown
}

// claimsLit evaluates a composite literal of a claims type.
func (r *Result) claimsLit(lit *ast.CompositeLit, depth int) ExpState {
	t := typesx.TypeOf(r.info, lit)
	if t == nil {
		return ExpUnknown
	}
	if m, ok := t.Underlying().(*types.Map); ok {
		if !typesx.IsString(m.Key()) {
			return ExpUnknown
		}
		st := ExpMissing
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return ExpUnknown
			}
			k, ok := r.str(kv.Key)
			if !ok {
				st = ExpUnknown
				continue
			}
			if k == "exp" && !r.isNil(kv.Value) {
				return ExpSet
			}
		}
		return st
	}
	path, ok := expiryPath(t)
	if !ok {
		return ExpUnknown
	}
	return r.litPath(lit, t, path, depth)
}

// litPath follows the field path to the expiry field through a literal.
func (r *Result) litPath(lit *ast.CompositeLit, t types.Type, path []int, depth int) ExpState {
	st, ok := deref(t).Underlying().(*types.Struct)
	if !ok || len(path) == 0 || path[0] >= st.NumFields() {
		return ExpUnknown
	}
	field := st.Field(path[0])
	var val ast.Expr
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field.Name() {
				val = kv.Value
			}
		} else if i == path[0] {
			val = elt
		}
	}
	if val == nil || r.isNil(val) {
		return ExpMissing
	}
	if len(path) == 1 {
		if r.sv != nil {
			if n, ok := r.sv.Int(val); ok && n == 0 {
				return ExpMissing // StandardClaims{ExpiresAt: 0}
			}
		}
		return ExpSet
	}
	// An embedded claims struct: its own literal, variable or helper.
	if inner, ok := ast.Unparen(val).(*ast.CompositeLit); ok {
		return r.litPath(inner, field.Type(), path[1:], depth+1)
	}
	if u, ok := ast.Unparen(val).(*ast.UnaryExpr); ok && u.Op == token.AND {
		if inner, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
			return r.litPath(inner, field.Type(), path[1:], depth+1)
		}
	}
	return r.claims(val, depth+1)
}

// claimsVar evaluates a local variable holding claims: every value it is
// given, and every later write to its expiry.
func (r *Result) claimsVar(v *types.Var, depth int) ExpState {
	if !r.isLocal(v) {
		return ExpUnknown
	}
	if !r.enter(v) {
		return ExpMissing // a cycle adds nothing of its own
	}
	defer r.leave(v)
	var acc expAcc
	if r.isParam(v) {
		acc.add(r.paramClaims(v, depth))
	}
	for _, c := range r.Uses(v) {
		u := r.classify(v, c)
		switch u.Kind {
		case UseDef, UseAssign:
			if u.RHS == nil { // var c Claims
				if _, ok := expiryPath(v.Type()); ok {
					acc.add(ExpMissing)
				} else if _, ok := v.Type().Underlying().(*types.Map); ok {
					acc.add(ExpMissing)
				} else {
					acc.add(ExpUnknown)
				}
				continue
			}
			acc.add(r.claims(u.RHS, depth+1))
		case UseTuple:
			if call, ok := ast.Unparen(u.RHS).(*ast.CallExpr); ok {
				if fn := r.callee(call); fn != nil && u.Index == resultIndex(fn.Signature()) {
					acc.add(r.funcClaims(fn, depth+1))
					continue
				}
			}
			acc.add(ExpUnknown)
		case UseIndexWrite:
			if len(u.Path) > 0 {
				continue // c.Extra["x"] = ...
			}
			k, ok := r.str(u.Key)
			switch {
			case !ok:
				acc.add(ExpUnknown)
			case k == "exp":
				acc.add(ExpSet)
			}
		case UseFieldWrite:
			acc.add(r.fieldWrite(u, depth))
		case UseMethodCall:
			if u.Method != nil && !harmless(u.Method) {
				acc.add(ExpUnknown) // c.SetExpiry(...)
			}
		case UseArg:
			if !r.harmlessArg(u, depth) {
				acc.add(ExpUnknown)
			}
		case UseAddr, UseAlias, UseOther:
			acc.add(ExpUnknown)
		}
	}
	return acc.state()
}

// paramClaims evaluates a claims parameter by the arguments every call
// of its function in this package passes.
func (r *Result) paramClaims(v *types.Var, depth int) ExpState {
	_, i, sites, ok := r.ParamSites(v)
	if !ok || len(sites) == 0 {
		return ExpUnknown
	}
	var acc expAcc
	for _, site := range sites {
		call := site.Node().(*ast.CallExpr)
		if i >= len(call.Args) {
			return ExpUnknown
		}
		acc.add(r.claims(call.Args[i], depth+1))
	}
	if acc.set || acc.unknown {
		return acc.state()
	}
	return ExpMissing
}

// harmlessArg reports whether passing the variable to the call u.Call
// leaves its claims as they are: a library or read-only standard
// function, a builtin, or a function of this package that only hands the
// parameter on to such functions.
func (r *Result) harmlessArg(u Use, depth int) bool {
	if r.isBuiltin(u.Call) {
		return true
	}
	fn := r.callee(u.Call)
	if fn == nil {
		return false
	}
	if harmless(fn) {
		return true
	}
	for i, a := range u.Call.Args {
		if ast.Unparen(a) == u.Top.Node() || (isAddrOf(a) && ast.Unparen(ast.Unparen(a).(*ast.UnaryExpr).X) == u.Top.Node()) {
			return r.paramHarmless(fn, i, depth+1)
		}
	}
	return false
}

func isAddrOf(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.AND
}

// paramHarmless reports whether function fn of this package only reads
// its parameter i or hands it to harmless functions.
func (r *Result) paramHarmless(fn *types.Func, i int, depth int) bool {
	if depth > maxDepth || fn.Pkg() != r.pass.Pkg {
		return false
	}
	sig := fn.Signature()
	if i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return false
	}
	p := sig.Params().At(i)
	key := [2]any{"harmless", p}
	if !r.enter(key) {
		return true
	}
	defer r.leave(key)
	for _, c := range r.Uses(p) {
		u := r.classify(p, c)
		switch u.Kind {
		case UseParam, UseRead, UseReturn:
		case UseFieldWrite:
			if ExpiryKeyField(u.Field) {
				return false
			}
			if u.Field == nil {
				return false
			}
			if _, ok := expiryPath(u.Field.Type()); ok && u.Field.Embedded() {
				return false
			}
		case UseIndexWrite:
			if k, ok := r.str(u.Key); !ok || k == "exp" {
				return false
			}
		case UseMethodCall:
			if u.Method == nil || !harmless(u.Method) {
				return false
			}
		case UseArg:
			if !r.harmlessArg(u, depth) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fieldWrite evaluates c.f... = rhs for the expiry.
func (r *Result) fieldWrite(u Use, depth int) ExpState {
	f := u.Field
	if f == nil {
		return ExpUnknown
	}
	if ExpiryKeyField(f) {
		if r.isNil(u.RHS) {
			return ExpMissing
		}
		return ExpSet
	}
	if _, ok := expiryPath(f.Type()); ok && f.Embedded() {
		// c.RegisteredClaims = jwt.RegisteredClaims{...}
		return r.claims(u.RHS, depth+1)
	}
	return ExpMissing // another field: says nothing about exp
}

// fieldTag returns the json name of a field, looked up through the
// struct that declares it.
func fieldTag(f *types.Var) string {
	st := declaringStruct(f)
	if st == nil {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f {
			return jsonName(st.Tag(i))
		}
	}
	return ""
}

// declaringStruct finds the struct type that declares f among the named
// types of f's package scope.
func declaringStruct(f *types.Var) *types.Struct {
	if f.Pkg() == nil {
		return nil
	}
	scope := f.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == f {
				return st
			}
		}
	}
	return nil
}

func jsonName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

func (r *Result) isBuiltin(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := r.info.Uses[id].(*types.Builtin)
	return ok && b.Name() != "copy"
}

// tokenClaims evaluates the claims of a golang-jwt token variable: those
// it was created with and every later write through token.Claims.
func (r *Result) tokenClaims(tok *types.Var, depth int) ExpState {
	if !r.isLocal(tok) || r.isParam(tok) {
		return ExpUnknown
	}
	key := [2]any{"token", tok}
	if !r.enter(key) {
		return ExpMissing
	}
	defer r.leave(key)
	var acc expAcc
	for _, c := range r.Uses(tok) {
		u := r.classify(tok, c)
		switch u.Kind {
		case UseDef, UseAssign:
			acc.add(r.createdBy(u.RHS, depth+1))
		case UseTuple, UseAddr, UseOther, UseParam:
			acc.add(ExpUnknown)
		case UseArg:
			if !r.harmlessArg(u, depth) {
				acc.add(ExpUnknown)
			}
		case UseFieldWrite:
			if len(u.Path) == 1 && u.Path[0] == "Claims" {
				acc.add(r.claims(u.RHS, depth+1))
			}
		case UseIndexWrite:
			// token.Claims.(jwt.MapClaims)["exp"] = ...
			if len(u.Path) == 1 && u.Path[0] == "Claims" {
				if k, ok := r.str(u.Key); !ok {
					acc.add(ExpUnknown)
				} else if k == "exp" {
					acc.add(ExpSet)
				}
			}
		case UseRead, UseAlias:
			// claims := token.Claims.(jwt.MapClaims): the writes to claims.
			if _, ok := u.Top.Node().(*ast.TypeAssertExpr); ok && len(u.Path) == 1 && u.Path[0] == "Claims" {
				if v := r.AssignedVar(u.Top, 0); v != nil {
					acc.add(r.claimsVar(v, depth+1))
				} else if u.Kind == UseAlias {
					acc.add(ExpUnknown)
				}
			} else if u.Kind == UseAlias && len(u.Path) == 0 {
				acc.add(ExpUnknown)
			}
		}
	}
	return acc.state()
}

// createdBy evaluates the claims a token is created with.
func (r *Result) createdBy(e ast.Expr, depth int) ExpState {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ExpUnknown
	}
	spec, ok := Lookup(r.callee(call))
	if !ok {
		return ExpUnknown
	}
	switch spec.Op {
	case OpNew:
		return ExpMissing // jwt.New starts with empty MapClaims
	case OpNewWithClaims:
		if spec.Claims < len(call.Args) {
			return r.claims(call.Args[spec.Claims], depth+1)
		}
	}
	return ExpUnknown
}

// CreatedClaims says whether the token a jwt.New or jwt.NewWithClaims
// call creates gets an expiry: from the claims passed, and from writes
// through the token variable it is assigned to.
func (r *Result) CreatedClaims(call inspector.Cursor) ExpState {
	if !r.ok() {
		return ExpUnknown
	}
	if v := r.AssignedVar(call, 0); v != nil {
		return r.tokenClaims(v, 0)
	}
	return r.createdBy(call.Node().(*ast.CallExpr), 0)
}

// funcClaims evaluates the claims a helper returns.
func (r *Result) funcClaims(fn *types.Func, depth int) ExpState {
	if fn == nil || depth > maxDepth || !returnsClaims(fn.Signature()) {
		return ExpUnknown
	}
	if fn.Pkg() != r.pass.Pkg {
		var f ClaimsFact
		if r.pass.ImportObjectFact != nil && r.pass.ImportObjectFact(fn, &f) {
			return f.Expiry
		}
		return ExpUnknown
	}
	if st, ok := r.claimsMemo[fn]; ok {
		return st
	}
	decl, ok := r.decls[fn]
	if !ok || !r.enter(fn) {
		return ExpUnknown
	}
	defer r.leave(fn)
	ri := resultIndex(fn.Signature())
	var acc expAcc
	for _, ret := range returns(decl) {
		switch {
		case len(ret.Results) == fn.Signature().Results().Len():
			if r.isNil(ret.Results[ri]) {
				continue
			}
			acc.add(r.claims(ret.Results[ri], depth+1))
		case len(ret.Results) == 1 && ri == 0:
			acc.add(r.claims(ret.Results[0], depth+1))
		default:
			acc.add(ExpUnknown)
		}
	}
	st := acc.state()
	r.claimsMemo[fn] = st
	return st
}

// returnsClaims reports whether a function's value result is a claims
// type.
func returnsClaims(sig *types.Signature) bool {
	i := resultIndex(sig)
	if i < 0 {
		return false
	}
	t := sig.Results().At(i).Type()
	switch LookupType(t) {
	case RoleMapClaims, RoleRegisteredClaims, RoleStandardClaims, RoleJoseClaims:
		return true
	}
	if n := typesx.Named(t); n != nil && n.Obj().Name() == "Claims" && n.Obj().Pkg() != nil && isGolangJWT(n.Obj().Pkg().Path()) {
		return true // the jwt.Claims interface
	}
	_, ok := expiryPath(t)
	return ok
}

// expiryPath returns the field index path from a claims struct to its
// expiry: a promoted RegisteredClaims/StandardClaims.ExpiresAt or go-jose
// Claims.Expiry, or a field tagged `json:"exp"`.
func expiryPath(t types.Type) ([]int, bool) {
	if t == nil {
		return nil, false
	}
	t = deref(t)
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, false
	}
	for _, name := range []string{"ExpiresAt", "Expiry"} {
		obj, index, _ := types.LookupFieldOrMethod(t, false, nil, name)
		if v, ok := obj.(*types.Var); ok && ExpiryField(v) {
			return index, true
		}
	}
	for i := 0; i < st.NumFields(); i++ {
		if jsonName(st.Tag(i)) == "exp" {
			return []int{i}, true
		}
	}
	return nil, false
}

// ClaimsType reports whether t is a claims type apivet can follow.
func ClaimsType(t types.Type) bool {
	if t == nil {
		return false
	}
	if LookupType(t) == RoleMapClaims {
		return true
	}
	_, ok := expiryPath(t)
	return ok
}

// ExpiryKeyField reports whether a write to field f (reached through the
// selection path of u) sets the expiry of a claims struct of the module:
// the library expiry fields, or a field tagged `json:"exp"`.
func ExpiryKeyField(f *types.Var) bool {
	if ExpiryField(f) {
		return true
	}
	if f == nil || !f.IsField() || f.Pkg() == nil || isGolangJWT(f.Pkg().Path()) || isJoseJWT(f.Pkg().Path()) {
		return false
	}
	return fieldTag(f) == "exp"
}

func deref(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}

// str evaluates a string through strval.
func (r *Result) str(e ast.Expr) (string, bool) {
	if r.sv == nil {
		if tv, ok := r.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	return r.sv.String(e)
}
