package transport

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/switches"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// --- AV801 InsecureSkipVerify ---

func (c *checker) checkSkipVerify(s site) {
	if !c.rep.Enabled("AV801") {
		return
	}
	v := c.bools.Guarded(s.cur, c.bools.Eval(s.value, 0), 0)
	if !v.CanBeTrueByConfig() {
		return
	}
	if s.lit != nil && c.serverOnly(s.litCur) {
		return
	}
	if s.target != nil && c.serverTarget(s.target) {
		return
	}
	if c.verifiesItself(s) {
		return
	}
	const effect = "the connection accepts any certificate for any host, so anyone on the network path can read and change the traffic; trust the server's CA through RootCAs, or check the certificate in VerifyConnection"
	var msg string
	switch {
	case v.Kind == switches.True && (v.Why == "" || v.Why == "true"):
		msg = "InsecureSkipVerify is true: " + effect
	case v.Kind == switches.True:
		msg = fmt.Sprintf("InsecureSkipVerify is true (through %s): %s", v.Why, effect)
	case v.Kind == switches.Env:
		msg = fmt.Sprintf("InsecureSkipVerify is true whenever %s (an environment switch): %s", v.Why, effect)
	case v.Kind == switches.Knob:
		msg = fmt.Sprintf("InsecureSkipVerify is whatever the setting %s says, so a configuration change turns verification off: %s", v.Why, effect)
	default:
		msg = fmt.Sprintf("InsecureSkipVerify can be true (%s): %s", v.Why, effect)
	}
	c.rep.Report(lint.Finding{Rule: "AV801", Node: s.node(), Message: msg})
}

// serverOnly reports whether a tls.Config literal configures a server
// (http.Server{TLSConfig: ...}, tls.Listen, tls.NewListener), where
// InsecureSkipVerify is never read.
func (c *checker) serverOnly(lit inspector.Cursor) bool {
	cur := lit
	for {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				cur = p
				continue
			}
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.KeyValueExpr:
			key, ok := n.Key.(*ast.Ident)
			outer, ok2 := p.Parent().Node().(*ast.CompositeLit)
			if ok && ok2 {
				want, known := serverFields[typesx.TypeKey(typesx.TypeOf(c.info, outer))]
				return known && want == key.Name
			}
		case *ast.CallExpr:
			if idx, ok := serverCalls[typesx.FuncKey(typesx.Callee(c.info, n))]; ok {
				return idx < len(n.Args) && ast.Unparen(n.Args[idx]) == cur.Node()
			}
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if r == cur.Node() && i < len(n.Lhs) {
					if sel, ok := ast.Unparen(n.Lhs[i]).(*ast.SelectorExpr); ok {
						want, known := serverFields[typesx.TypeKey(typesx.TypeOf(c.info, sel.X))]
						return known && want == sel.Sel.Name
					}
				}
			}
		}
		return false
	}
}

// serverTarget reports whether an assignment's configuration is a
// server's: srv.TLSConfig.InsecureSkipVerify = ...
func (c *checker) serverTarget(target ast.Expr) bool {
	sel, ok := ast.Unparen(target).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	want, known := serverFields[typesx.TypeKey(typesx.TypeOf(c.info, sel.X))]
	return known && want == sel.Sel.Name
}

// verifiesItself reports whether the configuration holding the field also
// sets VerifyPeerCertificate or VerifyConnection to a callback that does
// something.
func (c *checker) verifiesItself(s site) bool {
	var lits []*ast.CompositeLit
	name := ""
	cur := s.cur
	if s.lit != nil {
		lits = append(lits, s.lit)
		name = c.litName(s.litCur)
		cur = s.litCur
	} else {
		name = types.ExprString(s.target)
		lits = append(lits, c.initLiterals(s.target)...)
	}
	for _, lit := range lits {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok && isVerifyField(key.Name) && c.callbackVerifies(kv.Value, 0) {
				return true
			}
		}
	}
	if name != "" {
		for _, v := range c.callbacks[c.configKey(cur, name)] {
			if c.callbackVerifies(v, 0) {
				return true
			}
		}
	}
	return false
}

func isVerifyField(name string) bool {
	for _, f := range verifyFields {
		if f == name {
			return true
		}
	}
	return false
}

// litName names where a literal is stored: "cfg" for cfg := &tls.Config{},
// "tr.TLSClientConfig" for tr := &http.Transport{TLSClientConfig: &tls.Config{}}.
func (c *checker) litName(cur inspector.Cursor) string {
	path := ""
	for i := 0; i < 8; i++ {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			cur = p
			continue
		case *ast.KeyValueExpr:
			key, ok := n.Key.(*ast.Ident)
			if !ok {
				return ""
			}
			path = "." + key.Name + path
			cur = p.Parent()
			continue
		case *ast.AssignStmt:
			for j, r := range n.Rhs {
				if r == cur.Node() && j < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
					return types.ExprString(n.Lhs[j]) + path
				}
			}
		case *ast.ValueSpec:
			for j, v := range n.Values {
				if v == cur.Node() && j < len(n.Names) {
					return n.Names[j].Name + path
				}
			}
		}
		return ""
	}
	return ""
}

// initLiterals returns the literals a configuration variable is built
// from: cfg := &tls.Config{...}; cfg.InsecureSkipVerify = true.
func (c *checker) initLiterals(target ast.Expr) []*ast.CompositeLit {
	v, _ := typesx.ObjectOf(c.info, target).(*types.Var)
	if v == nil || v.IsField() || v.Pkg() != c.pass.Pkg {
		return nil
	}
	writes, _ := c.sv.Assignments(v)
	var out []*ast.CompositeLit
	for _, w := range writes {
		if w.Kind != strval.Plain || w.RHS == nil {
			continue
		}
		e := ast.Unparen(w.RHS)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if lit, ok := e.(*ast.CompositeLit); ok {
			out = append(out, lit)
		}
	}
	return out
}

// callbackVerifies reports whether a verification callback can reject a
// certificate. Unknown callbacks (from another package, built at run time)
// are trusted; a function that only logs and returns nil is not.
func (c *checker) callbackVerifies(e ast.Expr, depth int) bool {
	if depth > 4 {
		return true
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if _, isNil := c.info.Uses[x].(*types.Nil); isNil {
			return false
		}
	case *ast.FuncLit:
		return !c.trivialBody(x.Body)
	}
	switch obj := typesx.ObjectOf(c.info, e).(type) {
	case *types.Func:
		if decl := c.decls[obj]; decl != nil {
			return !c.trivialBody(decl.Body)
		}
	case *types.Var:
		if obj.Pkg() == c.pass.Pkg && !obj.IsField() {
			writes, ok := c.sv.Assignments(obj)
			if ok && len(writes) > 0 {
				for _, w := range writes {
					if w.Kind != strval.Plain || c.callbackVerifies(w.RHS, depth+1) {
						return true
					}
				}
				return false
			}
		}
	}
	return true
}

// trivialBody reports whether a function body cannot fail: it only logs
// and returns nil.
func (c *checker) trivialBody(body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.EmptyStmt:
		case *ast.ReturnStmt:
			for _, r := range st.Results {
				id, ok := ast.Unparen(r).(*ast.Ident)
				if !ok {
					return false
				}
				if _, isNil := c.info.Uses[id].(*types.Nil); !isNil {
					return false
				}
			}
		case *ast.ExprStmt:
			call, ok := st.X.(*ast.CallExpr)
			if !ok {
				return false
			}
			fn := typesx.Callee(c.info, call)
			if fn == nil || !quietPkgs[typesx.PkgPath(fn)] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// --- AV802 versions ---

// version is one value a version field can hold.
type version struct {
	val int64
	why string // set when the value is conditional
}

// versions returns the values e can hold on the paths that run the site;
// ok is false when they are not known or come from a configuration parser.
func (c *checker) versions(s site) ([]version, bool) {
	g := c.bools.Guards(s.cur, 0)
	if !g.CanBeTrue() {
		return nil, false
	}
	cond := ""
	if g.Kind != switches.True {
		cond = g.Why
	}
	x := typesx.StripConversions(c.info, s.value)
	if v, _ := typesx.ObjectOf(c.info, x).(*types.Var); v != nil && v.Pkg() == c.pass.Pkg && !v.IsField() && v.Parent() != c.pass.Pkg.Scope() {
		if _, _, isParam := c.sv.Param(v); !isParam {
			writes, ok := c.sv.Assignments(v)
			if !ok {
				return nil, false
			}
			var out []version
			for _, w := range writes {
				switch w.Kind {
				case strval.Zero:
					out = append(out, version{val: 0})
				case strval.Plain:
					val := c.sv.Eval(w.RHS)
					if val == nil || val.Many {
						return nil, false
					}
					why := cond
					if wc, ok := c.stmts[w.Pos]; ok {
						wg := c.bools.Guards(wc, 0)
						if !wg.CanBeTrue() {
							continue
						}
						if wg.Kind != switches.True {
							why = wg.Why
						}
					}
					for _, n := range val.Int64s() {
						out = append(out, version{val: n, why: why})
					}
				default:
					return nil, false
				}
			}
			return out, true
		}
	}
	val := c.sv.Eval(s.value)
	if val == nil || val.Many {
		return nil, false
	}
	var out []version
	for _, n := range val.Int64s() {
		out = append(out, version{val: n, why: cond})
	}
	if _, isCall := x.(*ast.CallExpr); isCall && len(out) > 1 {
		// A helper mapping a configured name to a version: the operator
		// picks; report only when every answer is weak.
		for _, v := range out {
			if v.val == 0 || v.val >= c.minVer {
				return nil, false
			}
		}
	}
	return out, true
}

func versionName(v int64) string {
	if n, ok := versionNames[v]; ok {
		return "tls." + n
	}
	return fmt.Sprintf("%#04x", v)
}

func versionLabel(v int64) string {
	if n, ok := versionLabels[v]; ok {
		return n
	}
	return fmt.Sprintf("version %#04x", v)
}

func (c *checker) checkVersion(s site, isMin bool) {
	if !c.rep.Enabled("AV802") {
		return
	}
	vals, ok := c.versions(s)
	if !ok {
		return
	}
	var weak *version
	single := len(vals) == 1
	for i := range vals {
		if vals[i].val != 0 && vals[i].val < c.minVer {
			weak = &vals[i]
			break
		}
	}
	if weak == nil {
		return
	}
	floor := versionName(c.minVer)
	field, verb := "MaxVersion", "is"
	if isMin {
		field = "MinVersion"
	}
	if !single || weak.why != "" {
		verb = "can be"
	}
	cond := ""
	if weak.why != "" {
		cond = " (when " + weak.why + ")"
	}
	var msg string
	if isMin {
		msg = fmt.Sprintf("%s %s %s%s, which lets connections use %s, deprecated and broken (RFC 8996); set it to %s, or leave it unset for Go's default of TLS 1.2",
			field, verb, versionName(weak.val), cond, versionLabel(weak.val), floor)
	} else {
		msg = fmt.Sprintf("%s %s %s%s, which caps every connection at %s, deprecated and broken (RFC 8996); remove MaxVersion or set it to tls.VersionTLS13",
			field, verb, versionName(weak.val), cond, versionLabel(weak.val))
	}
	f := lint.Finding{Rule: "AV802", Node: s.node(), Message: msg}
	if isMin && single && weak.why == "" {
		f.Fixes = c.versionFix(s.value)
	}
	c.rep.Report(f)
}

// versionFix replaces tls.VersionTLS10 (written as such) by the floor.
func (c *checker) versionFix(e ast.Expr) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	pkg, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	pn, ok := c.info.Uses[pkg].(*types.PkgName)
	if !ok || pn.Imported().Path() != "crypto/tls" {
		return nil
	}
	name := versionNames[c.minVer]
	return []analysis.SuggestedFix{{
		Message:   "set MinVersion to tls." + name,
		TextEdits: []analysis.TextEdit{{Pos: sel.Pos(), End: sel.End(), NewText: []byte(pkg.Name + "." + name)}},
	}}
}

// --- AV803 cipher suites ---

func (c *checker) checkCipherSuites(s site) {
	if !c.rep.Enabled("AV803") {
		return
	}
	if g := c.bools.Guards(s.cur, 0); !g.CanBeTrue() {
		return
	}
	if s.lit != nil && c.tls13Only(s.lit) {
		return // CipherSuites does not apply to TLS 1.3
	}
	elems, ok := c.sv.Elements(s.value)
	ok = ok || len(elems) > 0 // the suites that can be there
	if !ok {
		return
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, el := range elems {
		v := c.sv.Eval(el)
		if v == nil {
			continue
		}
		for _, id := range v.Int64s() {
			if _, bad := insecureSuites[id]; bad && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return
	}
	var names []string
	reasons := map[string]bool{}
	var why []string
	for _, id := range ids {
		is := insecureSuites[id]
		names = append(names, is.name)
		if !reasons[is.reason] {
			reasons[is.reason] = true
			why = append(why, is.reason)
		}
	}
	sort.Strings(why)
	list := strings.Join(names, ", ")
	if len(names) > 3 {
		list = strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	c.rep.Report(lint.Finding{
		Rule: "AV803",
		Node: s.node(),
		Message: fmt.Sprintf("CipherSuites enables %s, which Go lists as insecure (%s); remove them, or leave CipherSuites unset for Go's default suites",
			list, strings.Join(why, ", ")),
	})
}

// tls13Only reports whether a literal's MinVersion is TLS 1.3 or above.
func (c *checker) tls13Only(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "MinVersion" {
			v := c.sv.Eval(kv.Value)
			if v == nil || v.Many {
				return false
			}
			vals := v.Int64s()
			for _, n := range vals {
				if n < versionTLS13 {
					return false
				}
			}
			return len(vals) > 0
		}
	}
	return false
}
