package jwtkeys

import (
	"go/ast"
	"go/types"
	"reflect"

	"github.com/apivet/apivet/internal/typesx"
)

// fallbackWords mark a helper that returns a default when the
// environment has no value: getEnv(key, fallback), envOr(key, def),
// GetEnvOrDefault(key, def).
var fallbackWords = map[string]bool{"env": true, "getenv": true, "default": true, "fallback": true, "or": true}

// Weak says what is known about the length of the HMAC key e: its value
// when it is constant (through variables, fields and helpers, via
// strval), or the constant it falls back to when it is read from the
// environment (a variable given os.Getenv(...) and, when that is empty,
// a literal; cmp.Or(os.Getenv(...), "..."); getEnv("KEY", "...")).
func (r *Result) Weak(e ast.Expr) Weakness {
	if !r.ok() || r.sv == nil || e == nil {
		return Weakness{}
	}
	w := r.weak(e, 0)
	if w.Known {
		w.Key = KeyID(typesx.ObjectOf(r.info, typesx.StripConversions(r.info, e)))
	}
	return w
}

// KeyID names a package-level variable or constant, or a struct field,
// that holds a key, so that its uses for signing and verifying (also in
// a keyfunc of another package) can be recognised as the same key. It is
// "" for anything else.
func KeyID(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	switch o := obj.(type) {
	case *types.Var:
		if o.IsField() {
			return obj.Pkg().Path() + ".field." + o.Name()
		}
		if o.Parent() != o.Pkg().Scope() {
			return ""
		}
	case *types.Const:
		if o.Parent() != o.Pkg().Scope() {
			return ""
		}
	default:
		return ""
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

func (r *Result) weak(e ast.Expr, depth int) Weakness {
	if e == nil || depth > maxDepth {
		return Weakness{}
	}
	if v := r.sv.Eval(e); v != nil {
		strs := v.Strings()
		if v.Many || len(strs) == 0 || len(strs) != len(v.Vals) {
			return Weakness{}
		}
		w := Weakness{Known: true, Len: len(strs[0])}
		for _, s := range strs[1:] {
			w.Len = min(w.Len, len(s))
		}
		return w
	}
	e = typesx.StripConversions(r.info, e)
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if w := r.tagDefault(sel); w.Known {
				return w
			}
		}
		v := r.varOf(x)
		if v == nil || (v.IsField() && v.Pkg() != r.pass.Pkg) || !r.enter(v) {
			return Weakness{}
		}
		defer r.leave(v)
		rhs, ok := r.writes(v)
		if !ok {
			return Weakness{}
		}
		return r.fallback(rhs, depth)
	case *ast.CallExpr:
		fn := r.callee(x)
		if fn == nil || x.Ellipsis.IsValid() {
			return Weakness{}
		}
		if typesx.FuncKey(fn) == "cmp.Or" {
			return r.fallback(x.Args, depth)
		}
		if IsLibrary(fn) || len(x.Args) < 2 || !nameHas(fn.Name(), fallbackWords) {
			return Weakness{}
		}
		sig := fn.Signature()
		if sig.Params().Len() != len(x.Args) || !typesx.IsString(sig.Params().At(len(x.Args)-1).Type()) {
			return Weakness{}
		}
		if s, ok := r.str(x.Args[len(x.Args)-1]); ok {
			return Weakness{Known: true, Len: len(s), Fallback: true}
		}
	}
	return Weakness{}
}

// defaultTags are the struct tags configuration loaders read a field's
// default from: caarlos0/env's envDefault, kelseyhightower/envconfig's
// and creasty/defaults' default.
var defaultTags = []string{"envDefault", "default"}

// tagDefault reads the default a configuration loader gives a field
// (JWTSecret string `env:"JWT_SECRET" envDefault:"secret"`): the value
// used when the environment has none.
func (r *Result) tagDefault(sel *ast.SelectorExpr) Weakness {
	s, ok := r.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return Weakness{}
	}
	t := s.Recv()
	idx := s.Index()
	for i, n := range idx {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || n >= st.NumFields() {
			return Weakness{}
		}
		if i < len(idx)-1 {
			t = st.Field(n).Type()
			continue
		}
		tag := reflect.StructTag(st.Tag(n))
		for _, name := range defaultTags {
			if def, ok := tag.Lookup(name); ok && def != "" {
				return Weakness{Known: true, Len: len(def), Fallback: true}
			}
		}
	}
	return Weakness{}
}

// fallback looks at the values something may take: when some are
// constant and others are not, the constants are fallbacks.
func (r *Result) fallback(vals []ast.Expr, depth int) Weakness {
	var w Weakness
	dynamic := false
	for _, e := range vals {
		x := r.weak(e, depth+1)
		if !x.Known {
			dynamic = true
			continue
		}
		if x.Fallback {
			dynamic = true
		}
		w = w.min(x)
	}
	if !w.Known || !dynamic {
		return Weakness{}
	}
	w.Fallback = true
	return w
}

func nameHas(name string, words map[string]bool) bool {
	for _, w := range typesx.NameWords(name) {
		if words[w] {
			return true
		}
	}
	return false
}

// Alg resolves a signing-algorithm expression to its name: a golang-jwt
// SigningMethod variable (jwt.SigningMethodHS256, also via .Alg() and
// jwt.GetSigningMethod("HS256")), a jwx algorithm constant or function
// (jwa.HS256, jwa.HS256(), jwa.NoSignature), a go-jose constant, or a
// string.
func (r *Result) Alg(e ast.Expr) (string, bool) {
	if !r.ok() {
		return "", false
	}
	return r.alg(e, 0)
}

func (r *Result) alg(e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > maxDepth {
		return "", false
	}
	if s, ok := r.str(e); ok {
		return s, true
	}
	e = typesx.StripConversions(r.info, e)
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		obj := typesx.ObjectOf(r.info, x)
		if kind, alg := LookupValue(obj); kind == ValSigningMethod {
			return alg, true
		}
		if v, ok := obj.(*types.Var); ok && r.isLocal(v) {
			rhs, ok := r.writes(v)
			if !ok || len(rhs) != 1 {
				return "", false
			}
			return r.alg(rhs[0], depth+1)
		}
	case *ast.CallExpr:
		fn := r.callee(x)
		if fn == nil {
			return "", false
		}
		if spec, ok := Lookup(fn); ok {
			switch spec.Op {
			case OpGetSigningMethod:
				return r.alg(x.Args[spec.Arg], depth+1)
			case OpJWXAlgorithm:
				if fn.Name() == "NoSignature" {
					return "none", true
				}
				return fn.Name(), true
			}
			return "", false
		}
		// jwt.SigningMethodHS256.Alg()
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && fn.Name() == "Alg" && len(x.Args) == 0 {
			return r.alg(sel.X, depth+1)
		}
	}
	return "", false
}
