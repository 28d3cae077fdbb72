// Package switches answers "can this bool be true, and what makes it so?"
// for the flags that turn a protection off (CORS AllowCredentials, TLS
// InsecureSkipVerify, ...). The policy, documented in the rule pages:
//
//   - a constant true, also through variables, constants of other
//     packages and helpers: reported;
//   - a switch on the environment (os.Getenv compared or parsed, an env:
//     struct tag): reported;
//   - a comparison with a constant (cfg.Env == "development", caFile == "")
//     or a debug/development switch (cfg.Debug, !cfg.Production): reported;
//   - a bool that is itself the opt-in knob, read from configuration or a
//     flag (cfg.TLS.InsecureSkipVerify, *insecureFlag, a helper returning
//     one): Knob, which checks may report as "can be true at run time" (TLS
//     verification) or accept as an operator's explicit choice (CORS);
//   - a parameter of an exported function: unknown, the caller decides;
//   - the same for statements guarded by such a knob (if cfg.Insecure {...}).
package switches

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/ast/inspector"
)

type Kind int

const (
	Unknown Kind = iota // a parameter, anything not known
	False               // never true
	Knob                // a configuration setting whose purpose is to turn the protection off
	Mode                // true in some deployments: a comparison, a debug switch
	Env                 // true when an environment variable says so
	True                // true through constants
)

type Value struct {
	Kind Kind
	Why  string // what makes it true, rendered for messages
}

func (b Value) CanBeTrue() bool { return b.Kind >= Mode }

// CanBeTrueByConfig reports whether the value can be true, counting a
// dedicated configuration setting (a Knob).
func (b Value) CanBeTrueByConfig() bool { return b.Kind >= Knob }

var UnknownValue = Value{Kind: Unknown}

// Union is the value of something that can be any of vs.
func Union(vs ...Value) Value {
	best := Value{Kind: False}
	unknown := false
	var knob *Value
	for i, v := range vs {
		switch {
		case v.CanBeTrue():
			if !best.CanBeTrue() || v.Kind > best.Kind {
				best = v
			}
		case v.Kind == Knob:
			if knob == nil {
				knob = &vs[i]
			}
		case v.Kind == Unknown:
			unknown = true
		}
	}
	if !best.CanBeTrue() && knob != nil {
		return *knob
	}
	if !best.CanBeTrue() && unknown {
		return UnknownValue
	}
	return best
}

// And is the value of a conjunction: true only when every part can be.
func And(vs ...Value) Value {
	out := Value{Kind: True}
	first := true
	for _, v := range vs {
		switch {
		case v.Kind == False:
			return Value{Kind: False}
		case first:
			out = v
		case v.Kind == Unknown:
			out = UnknownValue
		case out.Kind != Unknown && v.Kind < out.Kind:
			out = v
		}
		first = false
	}
	return out
}

func Not(v Value) Value {
	switch v.Kind {
	case True:
		return Value{Kind: False}
	case False:
		return Value{Kind: True, Why: v.Why}
	}
	return v
}

// dedicatedWords name a knob whose only purpose is to turn a protection
// off: an operator's opt-in.
var dedicatedWords = map[string]bool{
	"insecure": true, "skip": true, "verify": true, "verification": true, "noverify": true,
	"tls": true, "ssl": true, "cert": true, "certs": true, "certificate": true, "certificates": true,
	"selfsigned": true, "unsafe": true, "trust": true, "credentials": true, "creds": true,
	// single-word spellings NameWords cannot split
	"sslmode": true, "tlsmode": true, "sslverify": true, "tlsverify": true, "skipverify": true,
	"insecureskipverify": true, "noverifyssl": true,
}

// modeWords name a deployment mode rather than the protection itself.
var modeWords = map[string]bool{
	"debug": true, "dev": true, "develop": true, "development": true, "local": true,
	"test": true, "testing": true, "sandbox": true, "staging": true, "demo": true,
	"prod": true, "production": true,
}

// envFuncs read the process environment.
var envFuncs = map[string]bool{
	"os.Getenv": true, "os.LookupEnv": true, "syscall.Getenv": true,
}

// envTags are struct tag keys that bind a field to an environment variable.
var envTags = []string{"env", "envconfig"}

// stringPassers return their argument's text (for env tracking).
var stringPassers = map[string]bool{
	"strings.ToLower": true, "strings.ToUpper": true, "strings.TrimSpace": true,
	"strings.TrimSuffix": true, "strings.TrimPrefix": true, "strings.Trim": true,
}

const maxBoolDepth = 8

type Evaluator struct {
	Pkg   *types.Package
	Info  *types.Info
	SV    *strval.Result
	Root  inspector.Cursor
	Skip  func(token.Pos) bool // files whose writes do not count (skipped tests)
	Decls map[*types.Func]*ast.FuncDecl
	// Stmts maps the position of assignment statements to their cursor, so
	// that a write's guarding conditions can be found.
	Stmts map[token.Pos]inspector.Cursor
}

// Render shortens an expression for messages.
func Render(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 64 {
		s = s[:60] + "…"
	}
	return s
}

// Eval says whether x can be true and why.
func (e *Evaluator) Eval(x ast.Expr, depth int) Value {
	if x == nil || depth > maxBoolDepth {
		return UnknownValue
	}
	x = ast.Unparen(x)
	if tv, ok := e.Info.Types[x]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.Bool {
			if constant.BoolVal(tv.Value) {
				return Value{Kind: True, Why: Render(x)}
			}
			return Value{Kind: False}
		}
		return UnknownValue
	}
	switch x := x.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return Not(e.Eval(x.X, depth+1))
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			return And(e.Eval(x.X, depth+1), e.Eval(x.Y, depth+1))
		case token.LOR:
			return Union(e.Eval(x.X, depth+1), e.Eval(x.Y, depth+1))
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return e.compare(x, depth)
		}
	case *ast.CallExpr:
		return e.call(x, depth)
	case *ast.Ident, *ast.SelectorExpr:
		return e.variable(x, depth)
	case *ast.StarExpr:
		return e.named(x, "")
	}
	return UnknownValue
}

func (e *Evaluator) isConst(x ast.Expr) bool {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if _, isNil := e.Info.Uses[id].(*types.Nil); isNil {
			return true
		}
	}
	return e.SV.Eval(x) != nil
}

func (e *Evaluator) compare(x *ast.BinaryExpr, depth int) Value {
	if v := e.SV.Eval(x); v != nil {
		var t, f bool
		for _, c := range v.Vals {
			if c.Kind() == constant.Bool {
				if constant.BoolVal(c) {
					t = true
				} else {
					f = true
				}
			}
		}
		switch {
		case t && f:
			return Value{Kind: Mode, Why: Render(x)}
		case t:
			return Value{Kind: True, Why: Render(x)}
		case f:
			return Value{Kind: False}
		}
	}
	if e.envSource(x.X, depth+1) || e.envSource(x.Y, depth+1) {
		return Value{Kind: Env, Why: Render(x)}
	}
	lc, rc := e.isConst(x.X), e.isConst(x.Y)
	if lc == rc {
		return UnknownValue
	}
	other, c := x.X, x.Y
	if lc {
		other, c = x.Y, x.X
	}
	cs, _ := e.SV.String(c)
	if hasWord(lastName(other), dedicatedWords) || hasWord(cs, dedicatedWords) {
		return UnknownValue
	}
	return Value{Kind: Mode, Why: Render(x)}
}

func (e *Evaluator) call(x *ast.CallExpr, depth int) Value {
	if typesx.IsConversion(e.Info, x) {
		return e.Eval(x.Args[0], depth+1)
	}
	fn := typesx.Callee(e.Info, x)
	if fn == nil {
		return UnknownValue
	}
	if typesx.FuncKey(fn) == "strconv.ParseBool" && len(x.Args) == 1 {
		if e.envSource(x.Args[0], depth+1) {
			return Value{Kind: Env, Why: Render(x)}
		}
		return e.named(x.Args[0], "")
	}
	if decl := e.Decls[fn]; decl != nil && decl.Body != nil {
		if v, ok := e.funcResult(decl, depth); ok {
			if v.Kind == Env && len(x.Args) > 0 {
				v.Why = Render(x) // the call site names the variable
			}
			return v
		}
	}
	arg := ""
	if len(x.Args) > 0 {
		arg, _ = e.SV.String(x.Args[0])
	}
	return e.named(x, arg)
}

// funcResult evaluates the first result of a function of this package over
// its return statements, each with its guarding conditions.
func (e *Evaluator) funcResult(decl *ast.FuncDecl, depth int) (Value, bool) {
	cur, ok := e.Root.FindNode(decl)
	if !ok {
		return UnknownValue, false
	}
	var parts []Value
	for rc := range cur.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		ret, ok := rc.Node().(*ast.ReturnStmt)
		if !ok || EnclosingFunc(rc) != decl || len(ret.Results) == 0 {
			continue
		}
		v := e.Eval(ret.Results[0], depth+1)
		parts = append(parts, e.Guarded(rc, v, depth))
	}
	if len(parts) == 0 {
		return UnknownValue, false
	}
	return Union(parts...), true
}

// EnclosingFunc returns the innermost FuncDecl or FuncLit around cur.
func EnclosingFunc(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c == cur {
			continue
		}
		return c.Node()
	}
	return nil
}

func (e *Evaluator) variable(x ast.Expr, depth int) Value {
	obj, _ := typesx.ObjectOf(e.Info, x).(*types.Var)
	if obj == nil {
		return UnknownValue
	}
	tagged := false
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
		if tag, ok := fieldTag(e.Info, sel); ok {
			tagged = tag != ""
			st := reflect.StructTag(tag)
			for _, k := range envTags {
				if name, ok := st.Lookup(k); ok {
					name, _, _ = strings.Cut(name, ",")
					return Value{Kind: Env, Why: Render(x) + " (env " + name + ")"}
				}
			}
		}
	}
	if fn, idx, ok := e.SV.Param(obj); ok {
		sites, ok := e.SV.CallSites(fn)
		if !ok || len(sites) == 0 {
			return e.named(x, "")
		}
		var parts []Value
		for _, args := range sites {
			if idx < len(args) {
				parts = append(parts, e.Eval(args[idx], depth+1))
			}
		}
		return Union(parts...)
	}
	if obj.Pkg() == nil || obj.Pkg() != e.Pkg {
		if v := e.SV.Eval(x); v != nil {
			return e.constBools(x, v)
		}
		return e.named(x, "")
	}
	writes, ok := e.SV.Assignments(obj)
	var parts []Value
	for _, w := range writes {
		if e.Skip(w.Pos) {
			continue
		}
		parts = append(parts, e.write(w, depth))
	}
	// Exported fields and package variables are also written by other
	// packages, and decoded fields by a decoder.
	exported := obj.Exported() && (obj.IsField() || obj.Parent() == e.Pkg.Scope())
	if !ok || tagged || exported || len(parts) == 0 {
		parts = append(parts, e.named(x, ""))
	}
	return Union(parts...)
}

func (e *Evaluator) constBools(x ast.Expr, v *strval.Value) Value {
	var parts []Value
	for _, c := range v.Vals {
		if c.Kind() != constant.Bool {
			return UnknownValue
		}
		if constant.BoolVal(c) {
			parts = append(parts, Value{Kind: True, Why: Render(x)})
		} else {
			parts = append(parts, Value{Kind: False})
		}
	}
	return Union(parts...)
}

func (e *Evaluator) write(w strval.Assignment, depth int) Value {
	var v Value
	switch w.Kind {
	case strval.Zero:
		return Value{Kind: False}
	case strval.Plain:
		if w.Op != token.ASSIGN {
			return UnknownValue
		}
		v = e.Eval(w.RHS, depth+1)
	case strval.Tuple, strval.CommaOk:
		call, ok := ast.Unparen(w.RHS).(*ast.CallExpr)
		if !ok {
			return UnknownValue
		}
		key := typesx.FuncKey(typesx.Callee(e.Info, call))
		switch {
		case key == "strconv.ParseBool" && w.Index == 0 && len(call.Args) == 1:
			if !e.envSource(call.Args[0], depth+1) {
				return e.named(call.Args[0], "")
			}
			v = Value{Kind: Env, Why: Render(call)}
		case key == "os.LookupEnv" && w.Index == 1:
			v = Value{Kind: Env, Why: Render(call)}
		default:
			return UnknownValue
		}
	default:
		return UnknownValue
	}
	if cur, ok := e.Stmts[w.Pos]; ok {
		v = e.Guarded(cur, v, depth)
	}
	return v
}

// guarded combines v with the conditions under which the statement at cur
// runs: a knob guard makes it the operator's choice (unknown), an
// environment or mode guard makes it conditional.
func (e *Evaluator) Guarded(cur inspector.Cursor, v Value, depth int) Value {
	if !v.CanBeTrueByConfig() {
		return v
	}
	g := e.Guards(cur, depth)
	return And(v, g)
}

// guards returns the conjunction of the conditions enclosing cur Within
// its function, or a true value when there are none.
func (e *Evaluator) Guards(cur inspector.Cursor, depth int) Value {
	out := Value{Kind: True}
	child := cur
	for c := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.CaseClause)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c == cur {
			continue
		}
		var g Value
		has := false
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return out
		case *ast.IfStmt:
			pos := child.Node().Pos()
			switch {
			case Within(n.Body, pos):
				g, has = e.Eval(n.Cond, depth+1), true
			case n.Else != nil && Within(n.Else, pos):
				g, has = Not(e.Eval(n.Cond, depth+1)), true
			}
		case *ast.CaseClause:
			if len(n.List) == 0 {
				break
			}
			sw, ok := c.Parent().Parent().Node().(*ast.SwitchStmt)
			if !ok {
				break
			}
			var parts []Value
			for _, v := range n.List {
				if sw.Tag != nil {
					parts = append(parts, e.compare(&ast.BinaryExpr{X: sw.Tag, Op: token.EQL, Y: v, OpPos: v.Pos()}, depth))
				} else {
					parts = append(parts, e.Eval(v, depth+1))
				}
			}
			g, has = Union(parts...), true
		}
		if has {
			out = And(out, g)
			if out.Kind == False || out.Kind == Unknown {
				return out
			}
		}
		child = c
	}
	return out
}

func Within(n ast.Node, pos token.Pos) bool {
	return n != nil && n.Pos() <= pos && pos < n.End()
}

// named decides an unknown bool by its name: a debug or development switch
// is a mode; anything else (the dedicated knob, a neutral name) is unknown.
func (e *Evaluator) named(x ast.Expr, arg string) Value {
	name := lastName(x)
	if hasWord(name, dedicatedWords) || hasWord(arg, dedicatedWords) {
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if v, ok := e.Info.Uses[id].(*types.Var); ok {
				if _, _, isParam := e.SV.Param(v); isParam {
					return UnknownValue // the caller decides
				}
			}
		}
		return Value{Kind: Knob, Why: Render(x)}
	}
	if hasWord(name, modeWords) || hasWord(arg, modeWords) {
		return Value{Kind: Mode, Why: Render(x)}
	}
	return UnknownValue
}

func lastName(x ast.Expr) string {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.CallExpr:
		return lastName(x.Fun)
	case *ast.StarExpr:
		return lastName(x.X)
	case *ast.UnaryExpr:
		return lastName(x.X)
	case *ast.IndexExpr:
		return lastName(x.X)
	}
	return ""
}

func hasWord(s string, set map[string]bool) bool {
	for _, w := range typesx.NameWords(s) {
		if set[w] {
			return true
		}
	}
	return false
}

// envSource reports whether x is text read from the environment.
func (e *Evaluator) envSource(x ast.Expr, depth int) bool {
	if x == nil || depth > maxBoolDepth {
		return false
	}
	x = typesx.StripConversions(e.Info, x)
	switch x := x.(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(e.Info, x)
		if fn == nil {
			return false
		}
		key := typesx.FuncKey(fn)
		if envFuncs[key] {
			return true
		}
		if stringPassers[key] && len(x.Args) > 0 {
			return e.envSource(x.Args[0], depth+1)
		}
		if decl := e.Decls[fn]; decl != nil && decl.Body != nil {
			found := false
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				if found {
					return false
				}
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(n.Results) > 0 && e.envSource(n.Results[0], depth+1) {
						found = true
					}
				}
				return true
			})
			return found
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj, _ := typesx.ObjectOf(e.Info, x).(*types.Var)
		if obj == nil {
			return false
		}
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if tag, ok := fieldTag(e.Info, sel); ok {
				st := reflect.StructTag(tag)
				for _, k := range envTags {
					if _, ok := st.Lookup(k); ok {
						return true
					}
				}
			}
		}
		if obj.Pkg() != e.Pkg || obj.IsField() {
			return false
		}
		writes, _ := e.SV.Assignments(obj)
		for _, w := range writes {
			switch w.Kind {
			case strval.Plain:
				if e.envSource(w.RHS, depth+1) {
					return true
				}
			case strval.Tuple, strval.CommaOk:
				if w.Index == 0 {
					if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok && envFuncs[typesx.FuncKey(typesx.Callee(e.Info, call))] {
						return true
					}
				}
			}
		}
	}
	return false
}

// fieldTag returns the struct tag of the field a selector denotes.
func fieldTag(info *types.Info, sel *ast.SelectorExpr) (string, bool) {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return "", false
	}
	t := s.Recv()
	idx := s.Index()
	tag := ""
	for i, k := range idx {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := types.Unalias(t).Underlying().(*types.Struct)
		if !ok || k >= st.NumFields() {
			return "", false
		}
		if i == len(idx)-1 {
			tag = st.Tag(k)
		}
		t = st.Field(k).Type()
	}
	return tag, true
}
