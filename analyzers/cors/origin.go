package cors

import (
	"github.com/apivet/apivet/internal/switches"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/ast/inspector"
)

// An origin check is any test of the request's origin that can decide
// whether it is allowed: an equality with something other than "", a map
// lookup, a call returning bool that takes the origin (slices.Contains, a
// validator), a switch on it. A check is broken when an attacker's origin
// passes it.

// broken is one check an attacker's origin passes.
type broken struct {
	node    ast.Node
	what    string // the check, rendered: strings.HasSuffix(origin, "example.com")
	example string // an origin that passes it, or a description
	null    bool   // the check accepts the "null" origin
}

// checkScan is what a function does with the origin.
type checkScan struct {
	checked bool // some real check of the origin
	broken  []broken
}

// originResult is the verdict on an origin callback.
type originResult struct {
	acceptsAll bool
	allPos     ast.Node // the return that accepts every origin
	scan       checkScan
}

// isOriginRead reports whether call reads the request's Origin header.
func (c *checker) isOriginRead(call *ast.CallExpr) bool {
	fn := typesx.Callee(c.info, call)
	if fn == nil || len(call.Args) == 0 {
		return false
	}
	recv := typesx.Recv(fn)
	if recv == nil || !hasName(originReaders[typesx.TypeKey(recv)], fn.Name()) {
		return false
	}
	if typesx.TypeKey(recv) == "net/http.Header" {
		// w.Header().Get("Origin") reads the response being written.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if _, isCall := ast.Unparen(sel.X).(*ast.CallExpr); isCall {
				return false
			}
		}
	}
	key, ok := c.sv.String(call.Args[0])
	return ok && strings.EqualFold(key, hdrOrigin)
}

func hasName(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

// originTyped reports whether values of t can carry the origin's text.
func originTyped(t types.Type) bool {
	if t == nil {
		return false
	}
	if typesx.IsString(t) || typesx.IsBytes(t) {
		return true
	}
	if s, ok := types.Unalias(t).Underlying().(*types.Slice); ok && typesx.IsString(s.Elem()) {
		return true
	}
	return typesx.TypeIs(t, "net/url", "URL")
}

// mentions reports whether e refers to the origin: a derived variable or
// a read of the Origin header, outside nested function literals.
func (c *checker) mentions(e ast.Node, derived map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if obj := c.info.Uses[n]; obj != nil && derived[obj] {
				found = true
			}
		case *ast.CallExpr:
			if c.isOriginRead(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// derive returns the variables of fn's body (closures included) that hold
// the origin's text, starting from seeds and reads of the Origin header.
func (c *checker) derive(body ast.Node, seeds []types.Object) map[types.Object]bool {
	derived := map[types.Object]bool{}
	for _, s := range seeds {
		if s != nil {
			derived[s] = true
		}
	}
	mark := func(lhs ast.Expr) bool {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok || id.Name == "_" {
			return false
		}
		obj := c.info.ObjectOf(id)
		if obj == nil || derived[obj] || !originTyped(obj.Type()) {
			return false
		}
		derived[obj] = true
		return true
	}
	for i := 0; i < 6; i++ {
		changed := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for j, l := range n.Lhs {
						if c.mentions(n.Rhs[j], derived) && mark(l) {
							changed = true
						}
					}
				} else if len(n.Rhs) == 1 && c.mentions(n.Rhs[0], derived) {
					for _, l := range n.Lhs {
						if mark(l) {
							changed = true
						}
					}
				}
			case *ast.ValueSpec:
				for j, name := range n.Names {
					var rhs ast.Expr
					switch {
					case len(n.Values) == len(n.Names):
						rhs = n.Values[j]
					case len(n.Values) == 1:
						rhs = n.Values[0]
					}
					if rhs != nil && c.mentions(rhs, derived) && mark(name) {
						changed = true
					}
				}
			}
			return true
		})
		if !changed {
			break
		}
	}
	return derived
}

// trivial reports whether a comparison only tests that the origin is
// present: origin != "", len(origin) > 0.
func (c *checker) trivialCompare(b *ast.BinaryExpr, derived map[types.Object]bool) bool {
	side := func(x ast.Expr) bool {
		x = ast.Unparen(x)
		if call, ok := x.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if _, builtin := c.info.Uses[id].(*types.Builtin); builtin && id.Name == "len" {
					return true
				}
			}
		}
		s, ok := c.sv.String(x)
		return ok && s == ""
	}
	return side(b.X) || side(b.Y)
}

// scanChecks finds the checks of the origin in body.
func (c *checker) scanChecks(body ast.Node, derived map[types.Object]bool, depth int) checkScan {
	var out checkScan
	if body == nil {
		return out
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return true
			}
			dx, dy := c.mentions(n.X, derived), c.mentions(n.Y, derived)
			if dx == dy || c.trivialCompare(n, derived) {
				return true
			}
			other := n.Y
			if dy {
				other = n.X
			}
			if s, ok := c.sv.String(other); ok && strings.EqualFold(s, "null") && n.Op == token.EQL {
				out.broken = append(out.broken, broken{node: n, what: switches.Render(n), null: true})
			}
			out.checked = true
		case *ast.IndexExpr:
			if t := typesx.TypeOf(c.info, n.X); t != nil {
				if _, isMap := t.Underlying().(*types.Map); isMap && c.mentions(n.Index, derived) && !c.mentions(n.X, derived) {
					out.checked = true
				}
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && c.mentions(n.Tag, derived) {
				out.checked = true
				for _, s := range n.Body.List {
					cc, _ := s.(*ast.CaseClause)
					if cc == nil {
						continue
					}
					for _, v := range cc.List {
						if s, ok := c.sv.String(v); ok && strings.EqualFold(s, "null") {
							out.broken = append(out.broken, broken{node: v, what: "case " + switches.Render(v), null: true})
						}
					}
				}
			}
		case *ast.CallExpr:
			c.scanCall(n, derived, depth, &out)
		}
		return true
	})
	return out
}

func (c *checker) scanCall(call *ast.CallExpr, derived map[types.Object]bool, depth int, out *checkScan) {
	if typesx.IsConversion(c.info, call) {
		return
	}
	fn := typesx.Callee(c.info, call)
	if fn == nil {
		return
	}
	key := typesx.FuncKey(fn)
	argAt := func(i int) bool { return i < len(call.Args) && c.mentions(call.Args[i], derived) }
	if t, ok := stringTests[key]; ok && len(call.Args) == 2 {
		switch {
		case argAt(0) && !argAt(1):
			c.stringTest(call, t, out)
		case t == testContains && argAt(1) && !argAt(0):
			// strings.Contains(allowedList, origin): any substring passes.
			if typesx.IsString(typesx.TypeOf(c.info, call.Args[0])) || typesx.IsBytes(typesx.TypeOf(c.info, call.Args[0])) {
				out.checked = true
				out.broken = append(out.broken, broken{node: call, what: switches.Render(call),
					example: "any part of the list, such as a shorter registrable name"})
			}
		}
		return
	}
	if regexpFuncs[key] && len(call.Args) == 2 && argAt(1) {
		c.regexTest(call, call.Args[0], out)
		return
	}
	if regexpMethods[key] && len(call.Args) >= 1 && argAt(0) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			c.regexTest(call, c.regexpPattern(sel.X, 0), out)
			return
		}
	}
	// Any other call that takes the origin and answers bool decides on it;
	// a function of this package is looked into.
	res := fn.Signature().Results()
	if res.Len() == 0 || !isBool(res.At(0).Type()) {
		return
	}
	for i := range call.Args {
		if !argAt(i) {
			continue
		}
		if decl := c.decls[fn]; decl != nil && depth < 3 {
			r := c.analyzeFunc(decl, paramIndex(fn, i), depth+1)
			if r.acceptsAll {
				return
			}
			out.broken = append(out.broken, r.scan.broken...)
		}
		out.checked = true
		return
	}
}

func isBool(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// paramIndex maps an argument index to a parameter index (variadic tails
// collapse onto the last parameter).
func paramIndex(fn *types.Func, arg int) int {
	n := fn.Signature().Params().Len()
	if arg >= n {
		return n - 1
	}
	return arg
}

// stringTest classifies strings.HasSuffix/HasPrefix/Contains(origin, s).
func (c *checker) stringTest(call *ast.CallExpr, t strTest, out *checkScan) {
	v := c.sv.Eval(call.Args[1])
	if v == nil || v.Many {
		out.checked = true
		return
	}
	real := false
	for _, s := range v.Strings() {
		var bad bool
		var example string
		switch t {
		case testSuffix:
			bad, example = suffixBroken(s)
			real = true
		case testPrefix:
			var schemeOnly bool
			bad, schemeOnly, example = prefixBroken(s)
			if !schemeOnly {
				real = true
			}
		case testContains:
			bad, example = containsBroken(s)
			if bad || s != "" {
				real = true
			}
		default:
			real = true
		}
		if bad {
			out.broken = append(out.broken, broken{node: call, what: switches.Render(call), example: example})
		}
	}
	if real {
		out.checked = true
	}
}

// regexTest classifies a regular expression matched against the origin.
func (c *checker) regexTest(call *ast.CallExpr, pat ast.Expr, out *checkScan) {
	out.checked = true
	if pat == nil {
		return
	}
	s, ok := c.sv.String(pat)
	if !ok {
		return
	}
	if bad, why := regexBroken(s); bad {
		out.broken = append(out.broken, broken{node: call, what: "regexp " + quote(s), example: why})
	}
}

// regexpPattern finds the pattern a *regexp.Regexp was compiled from.
func (c *checker) regexpPattern(e ast.Expr, depth int) ast.Expr {
	if depth > 4 {
		return nil
	}
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if regexpCompilers[typesx.FuncKey(typesx.Callee(c.info, call))] && len(call.Args) == 1 {
			return call.Args[0]
		}
		return nil
	}
	obj, _ := typesx.ObjectOf(c.info, e).(*types.Var)
	if obj == nil || obj.Pkg() != c.pass.Pkg {
		return nil
	}
	writes, _ := c.sv.Assignments(obj)
	var found ast.Expr
	for _, w := range writes {
		if w.RHS == nil || (w.Kind != strval.Plain && w.Index != 0) {
			continue
		}
		if p := c.regexpPattern(w.RHS, depth+1); p != nil {
			if found != nil {
				return nil // several patterns: do not guess
			}
			found = p
		}
	}
	return found
}

// analyzeFunc decides what an origin callback (or a check helper) does
// with its origin parameter.
func (c *checker) analyzeFunc(fnNode ast.Node, param int, depth int) originResult {
	key := funcKey{fnNode, param}
	if r, ok := c.funcMemo[key]; ok {
		return r
	}
	c.funcMemo[key] = originResult{} // cycles: nothing known
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	switch f := fnNode.(type) {
	case *ast.FuncDecl:
		ftype, body = f.Type, f.Body
	case *ast.FuncLit:
		ftype, body = f.Type, f.Body
	}
	var res originResult
	if body == nil {
		c.funcMemo[key] = res
		return res
	}
	var seed types.Object
	i := 0
	for _, field := range ftype.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if i == param {
				seed = c.info.Defs[name]
			}
			i++
		}
	}
	derived := c.derive(body, []types.Object{seed})
	res.scan = c.scanChecks(body, derived, depth)
	if !res.scan.checked {
		res.allPos = c.acceptingReturn(fnNode, body, derived)
		res.acceptsAll = res.allPos != nil
	}
	c.funcMemo[key] = res
	return res
}

type funcKey struct {
	fn    ast.Node
	param int
}

// acceptingReturn returns a return statement that answers true whatever
// the origin: a constant true (or "origin is not empty") not guarded by an
// opt-in knob.
func (c *checker) acceptingReturn(fnNode ast.Node, body *ast.BlockStmt, derived map[types.Object]bool) ast.Node {
	cur, ok := c.root.FindNode(fnNode)
	if !ok {
		return nil
	}
	for rc := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		ret := rc.Node().(*ast.ReturnStmt)
		if switches.EnclosingFunc(rc) != fnNode || len(ret.Results) == 0 {
			continue
		}
		r := ast.Unparen(ret.Results[0])
		var v switches.Value
		if b, ok := r.(*ast.BinaryExpr); ok && c.mentions(b, derived) && (b.Op == token.NEQ || b.Op == token.GTR) && c.trivialCompare(b, derived) {
			v = switches.Value{Kind: switches.True}
		} else if c.mentions(r, derived) {
			continue
		} else {
			v = c.bools.Eval(r, 0)
		}
		if !v.CanBeTrue() {
			continue
		}
		if c.bools.Guarded(rc, v, 0).CanBeTrue() {
			return ret
		}
	}
	return nil
}

// --- string and pattern classification ---

func quote(s string) string {
	if len(s) > 48 {
		s = s[:44] + "…"
	}
	return `"` + s + `"`
}

// splitScheme cuts "https://host:port" into its scheme part (with "://")
// and the rest.
func splitScheme(s string) (scheme, rest string) {
	if i := strings.Index(s, "://"); i >= 0 {
		return s[:i+3], s[i+3:]
	}
	return "", s
}

// stripPort removes a trailing ":digits".
func stripPort(host string) string {
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		p := host[i+1:]
		if p != "" && strings.Trim(p, "0123456789") == "" {
			return host[:i]
		}
	}
	return host
}

// suffixBroken: does an origin ending in s prove anything? "example.com"
// does not ("https://evilexample.com"); ".example.com" and
// "app.example.com" keep the attacker under example.com.
func suffixBroken(s string) (bool, string) {
	if strings.Contains(s, "://") || s == "" {
		return false, ""
	}
	host := stripPort(s)
	if strings.HasPrefix(host, ".") {
		if !strings.Contains(host[1:], ".") {
			return true, "https://evil" + s
		}
		return false, ""
	}
	i := strings.IndexByte(host, '.')
	if i < 0 {
		return false, "" // a single label: not a registrable name
	}
	if !strings.Contains(host[i+1:], ".") {
		return true, "https://evil" + s
	}
	return false, ""
}

// prefixBroken: does an origin starting with p prove anything?
// "https://example.com" does not ("https://example.com.evil.net");
// "https://" alone is no check at all.
func prefixBroken(p string) (bad, schemeOnly bool, example string) {
	scheme, host := splitScheme(p)
	if scheme == "" {
		return false, false, "" // origins start with a scheme: never matches
	}
	if host == "" {
		return false, true, ""
	}
	if strings.HasSuffix(host, ":") || strings.HasSuffix(host, "/") || stripPort(host) != host {
		return false, false, ""
	}
	return true, false, p + ".evil.net"
}

// containsBroken: any origin containing a host name passes
// strings.Contains, e.g. "https://example.com.evil.net".
func containsBroken(s string) (bool, string) {
	scheme, host := splitScheme(s)
	host = stripPort(host)
	if host == "" || !(strings.Contains(host, ".") || host == "localhost") {
		return false, ""
	}
	if scheme == "" {
		scheme = "https://"
		if strings.HasPrefix(host, ".") {
			return true, scheme + "evil" + host + ".evil.net"
		}
	}
	return true, scheme + host + ".evil.net"
}

// Kinds of configured origin entry.
type patKind int

const (
	patExact  patKind = iota // compared literally
	patAny                   // matches every origin (of a scheme)
	patBroken                // matches attacker origins
	patOK                    // a bounded wildcard (https://*.example.com)
)

// classifyGlob classifies an entry with one "*" matching any run of
// characters, the way rs/cors, go-chi/cors, echo and gin-contrib (with
// AllowWildcard) read it.
func classifyGlob(entry string) (patKind, string) {
	i := strings.IndexByte(entry, '*')
	if i < 0 {
		return patExact, ""
	}
	pre, suf := entry[:i], entry[i+1:]
	_, preHost := splitScheme(pre)
	if !strings.Contains(pre, "://") {
		preHost = ""
		if strings.Contains(pre, ".") {
			preHost = pre
		}
	}
	if suf == "" {
		if preHost == "" {
			return patAny, ""
		}
		if strings.HasSuffix(pre, ":") {
			return patOK, ""
		}
		return patBroken, pre + ".evil.net"
	}
	if strings.Contains(suf, "://") {
		return patOK, ""
	}
	if strings.HasPrefix(suf, ":") && preHost == "" {
		return patAny, ""
	}
	if bad, _ := suffixBroken(suf); bad {
		scheme, _ := splitScheme(pre)
		if scheme == "" {
			scheme = "https://"
		}
		return patBroken, scheme + "evil" + suf
	}
	return patOK, ""
}

// regexBroken classifies a regular expression matched (unanchored, as
// regexp's MatchString does) against an origin.
func regexBroken(p string) (bool, string) {
	body := p
	for strings.HasPrefix(body, "(?") {
		j := strings.IndexByte(body, ')')
		if j < 0 {
			break
		}
		body = body[j+1:]
	}
	if body == "" {
		return false, ""
	}
	endAnchored := strings.HasSuffix(body, "$") || strings.HasSuffix(body, `\z`)
	startAnchored := strings.HasPrefix(body, "^") || strings.HasPrefix(body, `\A`)
	if !endAnchored {
		last := rune(body[len(body)-1])
		if unicode.IsLetter(last) || unicode.IsDigit(last) || last == ')' {
			return true, "no $ anchor: an origin that only starts with a match, followed by .evil.net, passes"
		}
	}
	if !startAnchored {
		first := rune(body[0])
		if (unicode.IsLetter(first) || unicode.IsDigit(first)) && !strings.HasPrefix(strings.ToLower(body), "http") && !strings.HasPrefix(strings.ToLower(body), "ws") {
			return true, "no ^ anchor: an origin that only ends with a match, such as https://evil" + strings.ReplaceAll(strings.TrimSuffix(body, "$"), `\.`, ".") + ", passes"
		}
	}
	return false, ""
}

// enclosingOuter returns the outermost function around cur: the FuncDecl,
// or the outermost FuncLit of a package-level initializer.
func enclosingOuter(cur inspector.Cursor) (ast.Node, inspector.Cursor) {
	var out ast.Node
	var oc inspector.Cursor
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		out, oc = c.Node(), c
	}
	return out, oc
}
