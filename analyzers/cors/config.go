package cors

import (
	"github.com/apivet/apivet/internal/switches"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/ast/inspector"
)

// fieldSet is what a configuration field can hold.
type fieldSet struct {
	exprs []ast.Expr // possible values
	// stmts are the assignment statements that wrote exprs (NoPos for a
	// literal's field), whose guards apply.
	stmts []token.Pos
	elems []ast.Expr // single elements appended to a list field
	// consts are values from a library default (echo's DefaultCORSConfig).
	consts  []string
	on      bool      // set true by an option without argument (gorilla AllowCredentials())
	pos     token.Pos // where it was last set, for Related
	set     bool
	unknown bool // written in a way apivet cannot follow
}

// config is one possible shape of a middleware's configuration.
type config struct {
	fields map[string]*fieldSet
}

func newConfig() *config { return &config{fields: map[string]*fieldSet{}} }

func (cf *config) clone() *config {
	out := newConfig()
	for k, v := range cf.fields {
		cp := *v
		cp.exprs = append([]ast.Expr(nil), v.exprs...)
		cp.stmts = append([]token.Pos(nil), v.stmts...)
		cp.elems = append([]ast.Expr(nil), v.elems...)
		out.fields[k] = &cp
	}
	return out
}

func (cf *config) field(name string) *fieldSet {
	f := cf.fields[name]
	if f == nil {
		f = &fieldSet{}
		cf.fields[name] = f
	}
	return f
}

// fieldWrite is an assignment v.Field = rhs to a local or package variable.
type fieldWrite struct {
	field  string
	rhs    ast.Expr
	pos    token.Pos
	uncond bool // in the block that declares v: replaces earlier values
}

const maxVariants = 8

// indexFieldWrite records v.F = x for later config resolution.
func (c *checker) indexFieldWrite(cur inspector.Cursor, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			continue
		}
		obj, _ := c.info.ObjectOf(id).(*types.Var)
		if obj == nil {
			continue
		}
		if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			continue
		}
		c.fieldWrites[obj] = append(c.fieldWrites[obj], fieldWrite{
			field: sel.Sel.Name, rhs: as.Rhs[i], pos: as.Pos(),
			uncond: c.inDeclBlock(cur, obj),
		})
	}
}

// inDeclBlock reports whether the statement at cur sits directly in the
// block that declares obj.
func (c *checker) inDeclBlock(cur inspector.Cursor, obj types.Object) bool {
	parent := cur.Parent()
	b, ok := parent.Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	s := c.info.Scopes[b]
	if s == nil {
		switch f := parent.Parent().Node().(type) {
		case *ast.FuncDecl:
			s = c.info.Scopes[f.Type]
		case *ast.FuncLit:
			s = c.info.Scopes[f.Type]
		}
	}
	return s != nil && s == obj.Parent()
}

// resolveConfig returns the possible configurations an expression holds.
func (c *checker) resolveConfig(e ast.Expr, depth int) []*config {
	if depth > 6 || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.resolveConfig(x.X, depth+1)
		}
	case *ast.StarExpr:
		return c.resolveConfig(x.X, depth+1)
	case *ast.CompositeLit:
		cf := newConfig()
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return nil
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				return nil
			}
			f := cf.field(key.Name)
			f.exprs, f.stmts, f.set, f.pos = []ast.Expr{kv.Value}, []token.Pos{token.NoPos}, true, kv.Pos()
		}
		return []*config{cf}
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if fn == nil {
			return nil
		}
		if origins, ok := defaultConfigs[typesx.FuncKey(fn)]; ok {
			return []*config{defaultConfig(origins)}
		}
		if decl := c.decls[fn]; decl != nil && decl.Body != nil {
			var out []*config
			for _, r := range c.returns(decl) {
				if len(r.Results) == 0 {
					return nil
				}
				cfs := c.resolveConfig(r.Results[0], depth+1)
				if cfs == nil {
					return nil
				}
				out = append(out, cfs...)
			}
			if len(out) > maxVariants {
				out = out[:maxVariants]
			}
			return out
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := typesx.ObjectOf(c.info, x)
		if obj == nil {
			return nil
		}
		if origins, ok := defaultConfigs[typesx.PkgPath(obj)+"."+obj.Name()]; ok {
			if _, isVar := obj.(*types.Var); isVar && !obj.(*types.Var).IsField() {
				return []*config{defaultConfig(origins)}
			}
		}
		v, _ := obj.(*types.Var)
		if v == nil || v.IsField() || v.Pkg() != c.pass.Pkg {
			return nil
		}
		writes, ok := c.sv.Assignments(v)
		if !ok {
			return nil // its address is taken: written where we cannot see
		}
		var bases []*config
		for _, w := range writes {
			if c.rep.Skipped(w.Pos) {
				continue
			}
			switch {
			case w.Kind == strval.Zero:
				bases = append(bases, newConfig())
			case w.Kind == strval.Plain && w.Op == token.ASSIGN:
				cfs := c.resolveConfig(w.RHS, depth+1)
				if cfs == nil {
					return nil
				}
				bases = append(bases, cfs...)
			default:
				return nil
			}
		}
		if len(bases) == 0 {
			return nil
		}
		if len(bases) > maxVariants {
			bases = bases[:maxVariants]
		}
		for _, fw := range c.fieldWrites[v] {
			for _, b := range bases {
				f := b.field(fw.field)
				if isAppendTo(c.info, fw.rhs, v, fw.field) {
					call := ast.Unparen(fw.rhs).(*ast.CallExpr)
					if call.Ellipsis.IsValid() {
						f.exprs = append(f.exprs, call.Args[len(call.Args)-1])
						f.stmts = append(f.stmts, fw.pos)
					} else {
						f.elems = append(f.elems, call.Args[1:]...)
					}
					f.set, f.pos = true, fw.pos
					continue
				}
				if fw.uncond {
					f.exprs, f.stmts, f.elems, f.consts, f.on = nil, nil, nil, nil, false
				}
				f.exprs = append(f.exprs, fw.rhs)
				f.stmts = append(f.stmts, fw.pos)
				f.set, f.pos = true, fw.pos
			}
		}
		return bases
	}
	return nil
}

// isAppendTo reports whether rhs is append(v.field, ...).
func isAppendTo(info *types.Info, rhs ast.Expr, v *types.Var, field string) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "append" {
		return false
	}
	if _, ok := info.Uses[id].(*types.Builtin); !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != field {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && info.ObjectOf(x) == v
}

func defaultConfig(origins []string) *config {
	cf := newConfig()
	if origins != nil {
		f := cf.field("$origins")
		f.consts, f.set = origins, true
	}
	return cf
}

// returns lists the return statements of a function declaration, not
// those of function literals inside it.
func (c *checker) returns(decl *ast.FuncDecl) []*ast.ReturnStmt {
	var out []*ast.ReturnStmt
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

// resolveOptions builds the configuration of gorilla/handlers.CORS from
// its option arguments.
func (c *checker) resolveOptions(call *ast.CallExpr) *config {
	cf := newConfig()
	var add func(e ast.Expr, depth int) bool
	add = func(e ast.Expr, depth int) bool {
		if depth > 4 {
			return false
		}
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.CallExpr:
			fn := typesx.Callee(c.info, x)
			if fn == nil {
				return false
			}
			if name, ok := gorillaOptions[typesx.FuncKey(fn)]; ok {
				f := cf.field(name)
				f.set, f.pos = true, x.Pos()
				if len(x.Args) == 0 {
					f.on = true
				} else {
					f.exprs = append(f.exprs, x.Args[0])
					f.stmts = append(f.stmts, token.NoPos)
				}
				return true
			}
			if strings.HasPrefix(typesx.FuncKey(fn), "github.com/gorilla/handlers.") {
				return true // another option (methods, headers, max age)
			}
			return false
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if !add(el, depth+1) {
					return false
				}
			}
			return true
		case *ast.Ident:
			v, _ := c.info.ObjectOf(x).(*types.Var)
			if v == nil || v.Pkg() != c.pass.Pkg {
				return false
			}
			writes, ok := c.sv.Assignments(v)
			if !ok || len(writes) == 0 {
				return false
			}
			for _, w := range writes {
				if c.rep.Skipped(w.Pos) {
					continue
				}
				switch {
				case w.Kind == strval.Zero:
				case w.Kind == strval.Plain && w.Op == token.ASSIGN:
					rhs := ast.Unparen(w.RHS)
					if ap, ok := rhs.(*ast.CallExpr); ok && isBuiltin(c.info, ap, "append") {
						for i, a := range ap.Args {
							if i == 0 && isSame(c.info, a, v) {
								continue
							}
							if !add(a, depth+1) {
								return false
							}
						}
						continue
					}
					if !add(rhs, depth+1) {
						return false
					}
				default:
					return false
				}
			}
			return true
		}
		return false
	}
	for _, a := range call.Args {
		if !add(a, 0) {
			return nil
		}
	}
	return cf
}

func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = info.Uses[id].(*types.Builtin)
	return ok
}

func isSame(info *types.Info, e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.ObjectOf(id) == v
}

// --- field values ---

// originEntry is one allowed origin a configuration can hold.
type originEntry struct {
	val   string
	pos   token.Pos
	maybe bool // a default among values apivet does not know
}

func splitSep(s, sep string) []string {
	if sep == "" {
		return []string{strings.TrimSpace(s)}
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

// mayHold returns constant strings e can hold even when it can also hold
// unknown ones: a default of an environment lookup, a fallback assigned
// when the setting is empty.
func (c *checker) mayHold(e ast.Expr, depth int) []originEntry {
	if depth > 5 || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if v := c.sv.Eval(e); v != nil && !v.Many {
		var out []originEntry
		for i, s := range v.Strings() {
			pos := e.Pos()
			if i < len(v.Origins) && v.Origins[i].IsValid() {
				pos = v.Origins[i]
			}
			out = append(out, originEntry{val: s, pos: pos})
		}
		return out
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := c.info.ObjectOf(x).(*types.Var)
		if v == nil || v.Pkg() != c.pass.Pkg || v.IsField() {
			return nil
		}
		if fn, idx, ok := c.sv.Param(v); ok {
			sites, ok := c.sv.CallSites(fn)
			if !ok {
				return nil
			}
			var out []originEntry
			for _, args := range sites {
				if idx < len(args) {
					out = append(out, c.mayHold(args[idx], depth+1)...)
				}
			}
			return out
		}
		writes, _ := c.sv.Assignments(v)
		var out []originEntry
		for _, w := range writes {
			if w.Kind == strval.Plain && w.Op == token.ASSIGN && !c.rep.Skipped(w.Pos) {
				out = append(out, c.mayHold(w.RHS, depth+1)...)
			}
		}
		return out
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		decl := c.decls[fn]
		if decl == nil || decl.Body == nil {
			return nil
		}
		var out []originEntry
		for _, r := range c.returns(decl) {
			if len(r.Results) == 0 {
				continue
			}
			res := ast.Unparen(r.Results[0])
			// A parameter returned as is: the caller's argument.
			if id, ok := res.(*ast.Ident); ok {
				if pv, ok := c.info.Uses[id].(*types.Var); ok {
					if pfn, idx, ok := c.sv.Param(pv); ok && pfn == fn && idx < len(x.Args) {
						out = append(out, c.mayHold(x.Args[idx], depth+1)...)
						continue
					}
				}
			}
			out = append(out, c.mayHold(res, depth+1)...)
		}
		return out
	}
	return nil
}

// origins returns the entries the origin field can hold (a library
// default when the field is not set); known is false when one is not a
// known constant.
func (c *checker) origins(cf *config, lib *library) (entries []originEntry, known bool) {
	known = true
	if d := cf.fields["$origins"]; d != nil && d.set {
		for _, s := range d.consts {
			entries = append(entries, originEntry{val: s})
		}
	}
	f := cf.fields[lib.origins]
	if f == nil || !f.set {
		return entries, known
	}
	if f.set {
		// A write replaces the default.
		entries = nil
		if f.unknown {
			return nil, false
		}
		for _, x := range f.consts {
			entries = append(entries, originEntry{val: x})
		}
	}
	add := func(e ast.Expr) {
		sep := ""
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			switch typesx.FuncKey(typesx.Callee(c.info, call)) {
			case "strings.Split":
				s, ok := c.sv.String(call.Args[1])
				if !ok || s == "" {
					known = false
					return
				}
				sep, e = s, call.Args[0]
			case "strings.Fields":
				sep, e = " ", call.Args[0]
			}
		}
		if lib.csv && sep == "" {
			sep = ","
		}
		v := c.sv.Eval(e)
		if v == nil || v.Many {
			known = false
			// A wildcard default under an unknown value (getEnv("ORIGINS", "*"))
			// is still a wildcard whenever the setting is absent.
			for _, m := range c.mayHold(e, 0) {
				for _, part := range splitSep(m.val, sep) {
					if part == "*" {
						entries = append(entries, originEntry{val: "*", pos: m.pos, maybe: true})
					}
				}
			}
			return
		}
		for i, s := range v.Strings() {
			pos := e.Pos()
			if i < len(v.Origins) && v.Origins[i].IsValid() {
				pos = v.Origins[i]
			}
			if sep != "" {
				for _, part := range strings.Split(s, sep) {
					if part = strings.TrimSpace(part); part != "" {
						entries = append(entries, originEntry{val: part, pos: pos})
					}
				}
				continue
			}
			entries = append(entries, originEntry{val: s, pos: pos})
		}
	}
	for _, e := range f.exprs {
		if lib.csv && typesx.IsString(typesx.TypeOf(c.info, e)) {
			add(e)
			continue
		}
		elems, ok := c.sv.Elements(e)
		if !ok {
			known = false
			continue
		}
		for _, el := range elems {
			add(el)
		}
	}
	for _, el := range f.elems {
		add(el)
	}
	return entries, known
}

// boolField evaluates a bool field of a configuration.
func (c *checker) boolField(cf *config, name string) (switches.Value, token.Pos) {
	f := cf.fields[name]
	if f == nil || !f.set {
		return switches.Value{Kind: switches.False}, token.NoPos
	}
	if f.on {
		return switches.Value{Kind: switches.True, Why: name + "()"}, f.pos
	}
	var parts []switches.Value
	for i, e := range f.exprs {
		v := c.bools.Eval(e, 0)
		if i < len(f.stmts) {
			if cur, ok := c.stmts[f.stmts[i]]; ok {
				v = c.bools.Guarded(cur, v, 0)
			}
		}
		parts = append(parts, v)
	}
	if f.unknown {
		parts = append(parts, switches.UnknownValue)
	}
	return switches.Union(parts...), f.pos
}

// funcValue is an origin callback a configuration sets.
type funcValue struct {
	field string
	param int
	pos   token.Pos
	nodes []ast.Node // the function literals or declarations; nil when unknown
	set   bool
	// patterns are the regular expressions of re.MatchString method values
	// used as the callback.
	patterns []ast.Expr
}

// funcs returns the origin callbacks set in cf.
func (c *checker) funcs(cf *config, lib *library) []funcValue {
	var out []funcValue
	for _, of := range lib.funcs {
		f := cf.fields[of.field]
		if f == nil || !f.set {
			continue
		}
		fv := funcValue{field: of.field, param: of.param, pos: f.pos}
		known := true
		for _, e := range f.exprs {
			if id, ok := ast.Unparen(e).(*ast.Ident); ok {
				if _, isNil := c.info.Uses[id].(*types.Nil); isNil {
					continue
				}
			}
			fv.set = true
			if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && sel.Sel.Name == "MatchString" {
				if fn, ok := c.info.Uses[sel.Sel].(*types.Func); ok && typesx.FuncKey(fn) == "regexp.Regexp.MatchString" {
					if pat := c.regexpPattern(sel.X, 0); pat != nil {
						fv.patterns = append(fv.patterns, pat)
					}
					continue
				}
			}
			nodes, ok := c.funcNodes(e, 0)
			if !ok {
				known = false
				continue
			}
			fv.nodes = append(fv.nodes, nodes...)
		}
		if !fv.set {
			continue
		}
		if !known {
			fv.nodes = nil
		}
		out = append(out, fv)
	}
	return out
}

// funcNodes resolves a function value to the literals or declarations of
// this package that it can be.
func (c *checker) funcNodes(e ast.Expr, depth int) ([]ast.Node, bool) {
	if depth > 4 {
		return nil, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		return []ast.Node{x}, true
	case *ast.CallExpr:
		if typesx.IsConversion(c.info, x) {
			return c.funcNodes(x.Args[0], depth+1)
		}
		fn := typesx.Callee(c.info, x)
		decl := c.decls[fn]
		if decl == nil || decl.Body == nil {
			return nil, false
		}
		var out []ast.Node
		for _, r := range c.returns(decl) {
			if len(r.Results) == 0 {
				return nil, false
			}
			ns, ok := c.funcNodes(r.Results[0], depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, ns...)
		}
		return out, true
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := typesx.ObjectOf(c.info, x).(type) {
		case *types.Func:
			if decl := c.decls[obj]; decl != nil && decl.Body != nil {
				return []ast.Node{decl}, true
			}
		case *types.Var:
			if obj.Pkg() != c.pass.Pkg || obj.IsField() {
				return nil, false
			}
			writes, ok := c.sv.Assignments(obj)
			if !ok || len(writes) == 0 {
				return nil, false
			}
			var out []ast.Node
			for _, w := range writes {
				if w.Kind != strval.Plain || w.Op != token.ASSIGN {
					return nil, false
				}
				ns, ok := c.funcNodes(w.RHS, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, ns...)
			}
			return out, true
		}
	}
	return nil, false
}
