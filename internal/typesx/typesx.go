// Package typesx holds the small type-and-syntax helpers every apivet
// analyzer uses to recognise library calls by their real import paths and
// types: the callee of a call, the named type behind a pointer or alias,
// and the object an identifier or selector denotes.
package typesx

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call invokes, or nil for calls of
// function values, conversions and builtins. Generic instantiations are
// mapped to their origin.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// FuncKey describes a function or method as "pkgpath.Name" or
// "pkgpath.Recv.Name" (pointer receivers drop the star). Interface methods
// use the interface's named type as Recv.
func FuncKey(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	pkg := fn.Pkg().Path()
	if recv := Recv(fn); recv != nil {
		return pkg + "." + recv.Obj().Name() + "." + fn.Name()
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		// method of an unnamed interface: not addressable by key
		return ""
	}
	return pkg + "." + fn.Name()
}

// Recv returns the named type a method belongs to (through pointers), or
// nil for plain functions.
func Recv(fn *types.Func) *types.Named {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	return Named(sig.Recv().Type())
}

// Named returns the named type behind t, looking through pointers and
// aliases, or nil.
func Named(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n
}

// TypeIs reports whether t (through pointers and aliases) is the named
// type pkg.name.
func TypeIs(t types.Type, pkg, name string) bool {
	n := Named(t)
	return n != nil && n.Obj().Name() == name && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg
}

// Struct returns the struct type of t, through a pointer.
func Struct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// TypeKey returns "pkgpath.Name" for a named type (through pointers), or "".
func TypeKey(t types.Type) string {
	n := Named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// PkgPath returns the package path of an object, or "".
func PkgPath(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path()
}

// ObjectOf returns the object an identifier or selector (x.f, pkg.Name)
// denotes, or nil.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.ObjectOf(e.Sel)
	case *ast.IndexExpr: // generic instantiation f[T]
		return ObjectOf(info, e.X)
	case *ast.IndexListExpr:
		return ObjectOf(info, e.X)
	}
	return nil
}

// IsConversion reports whether call is a type conversion T(x).
func IsConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[ast.Unparen(call.Fun)]
	return ok && tv.IsType() && len(call.Args) == 1
}

// StripConversions removes conversions and parentheses: []byte(string(x)) → x.
func StripConversions(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || !IsConversion(info, call) {
			return e
		}
		e = call.Args[0]
	}
}

// IsString reports whether t's underlying type is a string.
func IsString(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsBytes reports whether t's underlying type is []byte.
func IsBytes(t types.Type) bool {
	s, ok := types.Unalias(t).Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := types.Unalias(s.Elem()).Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// IsNumeric reports whether t's underlying type is an integer, float,
// complex or boolean type: values that cannot carry text.
func IsNumeric(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat|types.IsComplex|types.IsBoolean) != 0
}

// TypeOf returns the type of an expression, or nil.
func TypeOf(info *types.Info, e ast.Expr) types.Type {
	if tv, ok := info.Types[e]; ok {
		return tv.Type
	}
	if id, ok := e.(*ast.Ident); ok {
		if obj := info.ObjectOf(id); obj != nil {
			return obj.Type()
		}
	}
	return nil
}

// ExprName renders a short, human-readable form of an expression for
// messages: identifiers and selectors in full, calls as f(...).
func ExprName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return ExprName(e.X) + "." + e.Sel.Name
	case *ast.CallExpr:
		if len(e.Args) == 0 {
			return ExprName(e.Fun) + "()"
		}
		return ExprName(e.Fun) + "(...)"
	case *ast.IndexExpr:
		return ExprName(e.X) + "[...]"
	case *ast.SliceExpr:
		return ExprName(e.X) + "[...:...]"
	case *ast.StarExpr:
		return "*" + ExprName(e.X)
	case *ast.UnaryExpr:
		return e.Op.String() + ExprName(e.X)
	case *ast.BasicLit:
		if len(e.Value) > 24 {
			return e.Value[:20] + "…"
		}
		return e.Value
	case *ast.TypeAssertExpr:
		return ExprName(e.X) + ".(...)"
	case *ast.CompositeLit:
		return "composite literal"
	case *ast.FuncLit:
		return "func literal"
	}
	return "expression"
}

// FuncDisplay renders a function for messages: "(*sql.DB).Query",
// "sqlx.Select", "(*Repo).find".
func FuncDisplay(fn *types.Func) string {
	if fn == nil {
		return "function"
	}
	sig, _ := fn.Type().(*types.Signature)
	pkgName := ""
	if fn.Pkg() != nil {
		pkgName = fn.Pkg().Name()
	}
	if sig != nil && sig.Recv() != nil {
		rt := types.Unalias(sig.Recv().Type())
		star := ""
		if p, ok := rt.(*types.Pointer); ok {
			star = "*"
			rt = p.Elem()
		}
		name := "?"
		if n := Named(rt); n != nil {
			name = n.Obj().Name()
		}
		if pkgName != "" {
			name = pkgName + "." + name
		}
		return "(" + star + name + ")." + fn.Name()
	}
	if pkgName != "" {
		return pkgName + "." + fn.Name()
	}
	return fn.Name()
}

// NameWords splits an identifier or key into lower-case words:
// "jwtSigningKey" → [jwt signing key], "API_KEY" → [api key],
// "x-api-key" → [x api key].
func NameWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == '/' || r == ':':
			flush()
		case r >= 'A' && r <= 'Z':
			// split before an upper-case letter that starts a new word:
			// aB → a|B; ABc → A|Bc
			if len(cur) > 0 {
				prev := rs[i-1]
				nextLower := i+1 < len(rs) && rs[i+1] >= 'a' && rs[i+1] <= 'z'
				if (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') || (prev >= 'A' && prev <= 'Z' && nextLower) {
					flush()
				}
			}
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}
