package jwtkeys

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
)

// Parse returns what a golang-jwt parse is configured with: the parser
// it is called on (recv; nil for the package-level functions) and the
// options passed to the call (spread when the last is opts...). Parsers
// and options built elsewhere are followed: variables, struct fields
// assigned in a constructor, helpers (also in other packages), slices
// built with literals and append.
func (r *Result) Parse(recv ast.Expr, opts []ast.Expr, spread bool) ParserConfig {
	if !r.ok() {
		return ParserConfig{}
	}
	cfg := ParserConfig{Known: true}
	if recv != nil {
		cfg = cfg.merge(r.parserExpr(recv, 0))
	}
	return cfg.merge(r.optionList(opts, spread, 0))
}

// Options resolves option arguments (the last spread when spread is set)
// to the option expressions they consist of, through slices built with
// literals and append. ok is false when some cannot be resolved.
func (r *Result) Options(args []ast.Expr, spread bool) (opts []ast.Expr, ok bool) {
	if !r.ok() {
		return nil, false
	}
	n := len(args)
	ok = true
	if spread && n > 0 {
		n--
		opts, ok = r.sliceElems(args[n], 0)
	}
	return append(append([]ast.Expr(nil), args[:n]...), opts...), ok
}

// sliceElems returns the elements a slice expression may hold.
func (r *Result) sliceElems(e ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x.Elts, true
	case *ast.CallExpr:
		// s.driverOptions()...: the options a helper of the package returns
		if r.sv != nil {
			return r.sv.Elements(x)
		}
		return nil, false
	case *ast.Ident, *ast.SelectorExpr:
		if r.isNil(x) {
			return nil, true
		}
		v := r.varOf(x)
		if v == nil || !r.enter(v) {
			return nil, false
		}
		defer r.leave(v)
		rhs, ok := r.writes(v)
		if !ok {
			return nil, false
		}
		var out []ast.Expr
		for _, w := range rhs {
			elems, ok := r.appendElems(v, w, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, elems...)
		}
		if r.isLocal(v) {
			for _, c := range r.Uses(v) {
				if u := r.classify(v, c); u.Kind == UseIndexWrite && len(u.Path) == 0 {
					out = append(out, u.RHS)
				}
			}
		}
		return out, true
	}
	return nil, false
}

// appendElems evaluates a value given to a slice variable v: a literal,
// make, nil, or append(v or another slice, elems...).
func (r *Result) appendElems(v *types.Var, e ast.Expr, depth int) ([]ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return r.sliceElems(e, depth)
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	b, ok := r.info.Uses[id].(*types.Builtin)
	if !ok {
		return nil, false
	}
	switch b.Name() {
	case "make":
		return nil, true
	case "append":
		if len(call.Args) == 0 {
			return nil, false
		}
		var out []ast.Expr
		if r.varOf(call.Args[0]) != v {
			base, ok := r.sliceElems(call.Args[0], depth+1)
			if !ok {
				return nil, false
			}
			out = base
		}
		rest := call.Args[1:]
		if call.Ellipsis.IsValid() && len(rest) > 0 {
			more, ok := r.sliceElems(rest[len(rest)-1], depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, more...)
			rest = rest[:len(rest)-1]
		}
		return append(out, rest...), true
	}
	return nil, false
}

func (r *Result) optionList(args []ast.Expr, spread bool, depth int) ParserConfig {
	cfg := ParserConfig{Known: true}
	n := len(args)
	if spread && n > 0 {
		n--
		last := args[n]
		if call, ok := ast.Unparen(last).(*ast.CallExpr); ok && !r.isBuiltin(call) {
			c, ok := r.funcParser(r.callee(call), depth+1)
			if !ok {
				c = ParserConfig{}
			}
			cfg = cfg.merge(c)
		} else if elems, ok := r.sliceElems(last, depth+1); ok {
			for _, e := range elems {
				cfg = cfg.merge(r.option(e, depth+1))
			}
		} else {
			cfg.Known = false
		}
	}
	for _, a := range args[:n] {
		cfg = cfg.merge(r.option(a, depth+1))
	}
	return cfg
}

// option evaluates one golang-jwt ParserOption (or request option).
func (r *Result) option(e ast.Expr, depth int) ParserConfig {
	known := ParserConfig{Known: true}
	if depth > maxDepth {
		return ParserConfig{}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := r.callee(x)
		if fn == nil {
			return ParserConfig{}
		}
		if spec, ok := Lookup(fn); ok {
			switch spec.Op {
			case OpWithValidMethods:
				return ParserConfig{Known: true, ValidMethods: true, Methods: r.methodNames(x.Args[spec.Arg], depth+1)}
			case OpWithoutClaimsValidation:
				return ParserConfig{Known: true, SkipClaims: true}
			case OpWithLeeway:
				c := known
				if r.sv != nil {
					if d, ok := r.sv.Int(x.Args[spec.Arg]); ok {
						c.Leeway = d
					}
				}
				return c
			case OpWithParser:
				return r.parserExpr(x.Args[spec.Arg], depth+1)
			}
		}
		if IsLibrary(fn) {
			return known
		}
		c, ok := r.funcParser(fn, depth+1)
		if !ok {
			return ParserConfig{}
		}
		return c
	case *ast.Ident, *ast.SelectorExpr:
		v := r.varOf(x)
		if v == nil || !r.enter(v) {
			return ParserConfig{}
		}
		defer r.leave(v)
		rhs, ok := r.writes(v)
		if !ok || len(rhs) == 0 {
			return ParserConfig{}
		}
		cfg := known
		for _, w := range rhs {
			cfg = cfg.merge(r.option(w, depth+1))
		}
		return cfg
	}
	return ParserConfig{}
}

// methodNames lists the algorithm names of a WithValidMethods argument.
func (r *Result) methodNames(e ast.Expr, depth int) []string {
	elems, ok := r.sliceElems(e, depth)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range elems {
		if a, ok := r.alg(el, depth+1); ok {
			out = append(out, a)
		}
	}
	return out
}

// parserExpr evaluates an expression holding a golang-jwt *Parser.
func (r *Result) parserExpr(e ast.Expr, depth int) ParserConfig {
	if depth > maxDepth {
		return ParserConfig{}
	}
	known := ParserConfig{Known: true}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return r.parserExpr(x.X, depth+1)
		}
	case *ast.CompositeLit:
		cfg := known
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			f, _ := r.info.ObjectOf(id).(*types.Var)
			cfg = cfg.merge(r.parserField(ParserField(f), kv.Value, depth))
		}
		return cfg
	case *ast.CallExpr:
		if r.isBuiltin(x) {
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "new" {
				return known
			}
			return ParserConfig{}
		}
		fn := r.callee(x)
		if spec, ok := Lookup(fn); ok && spec.Op == OpNewParser {
			return r.optionList(x.Args, x.Ellipsis.IsValid(), depth+1)
		}
		c, ok := r.funcParser(fn, depth+1)
		if !ok {
			return ParserConfig{}
		}
		return c
	case *ast.Ident, *ast.SelectorExpr:
		v := r.varOf(x)
		if v == nil || !r.enter(v) {
			return ParserConfig{}
		}
		defer r.leave(v)
		rhs, ok := r.writes(v)
		if !ok || len(rhs) == 0 {
			return ParserConfig{}
		}
		cfg := known
		for _, w := range rhs {
			if r.isNil(w) {
				continue
			}
			cfg = cfg.merge(r.parserExpr(w, depth+1))
		}
		if r.isLocal(v) {
			for _, c := range r.Uses(v) {
				u := r.classify(v, c)
				switch u.Kind {
				case UseFieldWrite:
					cfg = cfg.merge(r.parserField(ParserField(u.Field), u.RHS, depth))
				case UseMethodCall:
					if u.Method == nil || !IsLibrary(u.Method) {
						cfg.Known = false
					}
				}
			}
		}
		return cfg
	}
	return ParserConfig{}
}

// parserField evaluates a write to a Parser field.
func (r *Result) parserField(name string, val ast.Expr, depth int) ParserConfig {
	cfg := ParserConfig{Known: true}
	switch name {
	case "ValidMethods":
		if !r.isNil(val) {
			cfg.ValidMethods = true
			cfg.Methods = r.methodNames(val, depth+1)
		}
	case "SkipClaimsValidation":
		b, ok := r.boolVal(val)
		switch {
		case !ok:
			cfg.Known = false
		case b:
			cfg.SkipClaims = true
		}
	}
	return cfg
}

func (r *Result) boolVal(e ast.Expr) (bool, bool) {
	if r.sv == nil {
		return false, false
	}
	c, ok := r.sv.Eval(e).Single()
	if !ok || c.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c), true
}

// BoolVal returns the value of a constant boolean expression.
func (r *Result) BoolVal(e ast.Expr) (bool, bool) {
	if !r.ok() {
		return false, false
	}
	return r.boolVal(e)
}

// funcParser evaluates a helper that returns a parser, an option or a
// slice of options.
func (r *Result) funcParser(fn *types.Func, depth int) (ParserConfig, bool) {
	if fn == nil || depth > maxDepth || !returnsParser(fn.Signature()) {
		return ParserConfig{}, false
	}
	if fn.Pkg() != r.pass.Pkg {
		var f ParserFact
		if r.pass.ImportObjectFact != nil && r.pass.ImportObjectFact(fn, &f) {
			return f.Config, true
		}
		return ParserConfig{}, false
	}
	if c, ok := r.parsers[fn]; ok {
		return *c, true
	}
	decl, ok := r.decls[fn]
	if !ok || !r.enter(fn) {
		return ParserConfig{}, false
	}
	defer r.leave(fn)
	sig := fn.Signature()
	ri := resultIndex(sig)
	t := sig.Results().At(ri).Type()
	cfg := ParserConfig{Known: true}
	found := false
	for _, ret := range returns(decl) {
		if len(ret.Results) != sig.Results().Len() {
			cfg.Known = false
			continue
		}
		e := ret.Results[ri]
		if r.isNil(e) {
			continue
		}
		found = true
		switch {
		case LookupType(t) == RoleParser:
			cfg = cfg.merge(r.parserExpr(e, depth+1))
		case LookupType(t) == RoleParserOption:
			cfg = cfg.merge(r.option(e, depth+1))
		default: // []ParserOption
			cfg = cfg.merge(r.optionList([]ast.Expr{e}, true, depth+1))
		}
	}
	if !found {
		cfg.Known = false
	}
	r.parsers[fn] = &cfg
	return cfg, true
}

// returnsParser reports whether a function returns a golang-jwt *Parser,
// ParserOption or []ParserOption.
func returnsParser(sig *types.Signature) bool {
	i := resultIndex(sig)
	if i < 0 {
		return false
	}
	t := sig.Results().At(i).Type()
	switch LookupType(t) {
	case RoleParser, RoleParserOption:
		return true
	}
	if s, ok := types.Unalias(t).Underlying().(*types.Slice); ok {
		return LookupType(s.Elem()) == RoleParserOption && typesx.Named(s.Elem()) != nil
	}
	return false
}
