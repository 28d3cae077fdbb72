// Package cors defines an Analyzer that reports CORS configurations that
// let other sites read authenticated responses.
//
// # Analyzer cors
//
// cors: report CORS middleware and hand-written CORS headers that allow any
// origin with credentials, reflect the request's origin, or check it in a
// way attacker origins pass (AV401, AV402, AV403)
//
// The analyzer knows the configuration of rs/cors, go-chi/cors,
// gin-contrib/cors, echo's CORS middleware, fiber's cors middleware and
// gorilla/handlers.CORS, follows the configuration through variables,
// constants of other packages, field assignments and helper functions, and
// reports on the call that builds the middleware. Hand-written headers
// (w.Header().Set, gin's c.Header, fiber's c.Set, echo's
// c.Response().Header().Set) are reported on the line that sets
// Access-Control-Allow-Origin.
//
//	cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}) // AV401
//	cors.New(cors.Options{AllowOriginFunc: func(string) bool { return true },
//		AllowCredentials: true}) // AV402
//	cors.New(cors.Options{AllowOriginFunc: func(o string) bool {
//		return strings.HasSuffix(o, "example.com") }}) // AV403
//
// Silent on explicit origin lists with credentials, wildcards without
// credentials, callbacks that look the origin up in a list, and
// combinations the library refuses at startup (fiber panics on "*" with
// credentials; gin-contrib's Validate panics on conflicting settings).
package cors

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/switches"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var opts = lint.NewOptions('4')

// Analyzer reports AV401, AV402 and AV403.
var Analyzer = &analysis.Analyzer{
	Name:     "cors",
	Doc:      "report CORS setups that allow any origin with credentials, reflect the origin, or check it badly (AV401, AV402, AV403)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV401.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:      run,
}

func init() { opts.Register(&Analyzer.Flags) }

type checker struct {
	pass        *analysis.Pass
	info        *types.Info
	sv          *strval.Result
	rep         *lint.Reporter
	root        inspector.Cursor
	bools       *switches.Evaluator
	decls       map[*types.Func]*ast.FuncDecl
	fieldWrites map[types.Object][]fieldWrite
	funcMemo    map[funcKey]originResult
	factsMemo   map[ast.Node]*funcFacts
	stmts       map[token.Pos]inspector.Cursor
}

type ctorCall struct {
	call *ast.CallExpr
	c    ctor
}

// headerSet is one write of a CORS response header.
type headerSet struct {
	cur   inspector.Cursor
	node  ast.Node // the call or assignment, reported on
	key   string   // lower-case header name
	value ast.Expr
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	if !rep.Enabled("AV401") && !rep.Enabled("AV402") && !rep.Enabled("AV403") && !rep.Enabled("AV002") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:        pass,
		info:        pass.TypesInfo,
		sv:          pass.ResultOf[strval.Analyzer].(*strval.Result),
		rep:         rep,
		root:        insp.Root(),
		decls:       map[*types.Func]*ast.FuncDecl{},
		fieldWrites: map[types.Object][]fieldWrite{},
		funcMemo:    map[funcKey]originResult{},
		factsMemo:   map[ast.Node]*funcFacts{},
		stmts:       map[token.Pos]inspector.Cursor{},
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
	c.bools = &switches.Evaluator{Pkg: pass.Pkg, Info: c.info, SV: c.sv, Root: c.root, Skip: rep.Skipped, Decls: c.decls, Stmts: c.stmts}

	var ctorCalls []ctorCall
	var sets []headerSet
	for cur := range c.root.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
		if rep.Skipped(cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			c.stmts[n.Pos()] = cur
			c.indexFieldWrite(cur, n)
			if hs, ok := c.headerAssign(cur, n); ok {
				sets = append(sets, hs)
			}
		case *ast.CallExpr:
			fn := typesx.Callee(c.info, n)
			if fn == nil {
				continue
			}
			if ct, ok := ctors[typesx.FuncKey(fn)]; ok {
				ctorCalls = append(ctorCalls, ctorCall{n, ct})
				continue
			}
			if hs, ok := c.headerCall(cur, n, fn); ok {
				sets = append(sets, hs)
			}
		}
	}
	for _, cc := range ctorCalls {
		c.checkCtor(cc)
	}
	c.checkHeaders(sets)
	rep.Finish()
	return nil, nil
}

// --- middleware constructors ---

func (c *checker) checkCtor(cc ctorCall) {
	var cfgs []*config
	switch cc.c.kind {
	case ctorStruct:
		if cc.c.arg >= len(cc.call.Args) {
			return // the library's defaults: no credentials
		}
		cfgs = c.resolveConfig(cc.call.Args[cc.c.arg], 0)
	case ctorOptions:
		if cf := c.resolveOptions(cc.call); cf != nil {
			cfgs = []*config{cf}
		}
	}
	for _, cf := range cfgs {
		c.checkConfig(cc.call, cc.c.lib, cf)
	}
}

// verdict is what one configuration allows.
type verdict struct {
	rule    string
	msg     string
	related []analysis.RelatedInformation
}

func related(pos token.Pos, msg string) []analysis.RelatedInformation {
	if !pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: pos, Message: msg}}
}

func (c *checker) checkConfig(call *ast.CallExpr, lib *library, cf *config) {
	creds, credsPos := c.boolField(cf, lib.credentials)
	credsOn := creds.CanBeTrue()
	credsWhy := "AllowCredentials is true"
	if creds.Kind != switches.True && creds.Why != "" {
		credsWhy = "AllowCredentials can be true (" + creds.Why + ")"
	}
	credsRel := related(credsPos, "credentials allowed here")

	entries, known := c.origins(cf, lib)
	fns := c.funcs(cf, lib)
	funcSet := len(fns) > 0
	allowAll := false
	var allowAllPos token.Pos
	if lib.allowAll != "" {
		v, pos := c.boolField(cf, lib.allowAll)
		allowAll, allowAllPos = v.CanBeTrue(), pos
	}
	hasStar := false
	for _, e := range entries {
		if e.val == "*" {
			hasStar = true
		}
	}
	empty := known && len(entries) == 0
	patternsOn := lib.patterns == patternGlob
	if lib.wildcardFlag != "" {
		v, _ := c.boolField(cf, lib.wildcardFlag)
		patternsOn = patternsOn && v.CanBeTrue()
	}

	// Combinations the library refuses at startup serve nothing.
	if lib.validates && !c.ginValid(cf, lib, entries, known, allowAll, funcSet) {
		return
	}
	if lib.star == starPanics {
		// fiber defaults an empty AllowOrigins to "*" when no function is set.
		if credsOn && (hasStar || (empty && !funcSet)) {
			return
		}
		for _, e := range entries {
			if e.val != "*" && !validSubdomainEntry(e.val) {
				return
			}
		}
	}

	listActive := !(lib.funcReplacesList && funcSet)
	var anyWhy string
	var anyPos token.Pos
	reflect := false
	if listActive {
		switch {
		case allowAll:
			anyWhy, anyPos = lib.allowAll+": true", allowAllPos
		case hasStar:
			anyWhy = lib.origins + ` "*"`
			for _, e := range entries {
				if e.val == "*" {
					anyPos = e.pos
					if e.maybe {
						anyWhy = lib.origins + ` defaulting to "*"`
					}
				}
			}
			if lib.unsafeReflect != "" {
				if v, _ := c.boolField(cf, lib.unsafeReflect); v.CanBeTrue() {
					reflect = true
					anyWhy += " with " + lib.unsafeReflect
				}
			}
		case empty && lib.emptyIsAll && !funcSet:
			anyWhy = "no " + lib.origins + " (" + lib.name + " then allows every origin)"
		}
		if anyWhy == "" && patternsOn {
			for _, e := range entries {
				if k, _ := classifyGlob(e.val); k == patAny {
					anyWhy, anyPos, reflect = lib.origins+" "+quote(e.val), e.pos, true
					break
				}
			}
		}
	}
	if anyWhy != "" {
		if !credsOn {
			return // a wildcard without credentials is how public APIs work
		}
		effect := lib.name + ` answers with Access-Control-Allow-Origin: * and credentials allowed, which browsers reject, so the setting is both broken and an invitation to reflect origins`
		if reflect {
			effect = lib.name + " reflects every such origin with credentials, so any site can read authenticated responses"
		}
		c.rep.Report(lint.Finding{
			Rule:    "AV401",
			Node:    call,
			Message: fmt.Sprintf("%s together with %s: %s; list the trusted origins instead", anyWhy, credsWhy, effect),
			Related: append(related(anyPos, "every origin allowed here"), credsRel...),
		})
		return
	}

	// Origin callbacks.
	for _, fv := range fns {
		for _, pat := range fv.patterns {
			if v, ok := c.sv.String(pat); ok {
				if bad, why := regexBroken(v); bad {
					c.reportBroken(call, fv.field+" matches the origin with regexp "+quote(v)+" without anchors", broken{example: why, node: pat}, credsOn, credsRel)
					break
				}
			}
		}
		for _, n := range fv.nodes {
			res := c.analyzeFunc(n, fv.param, 0)
			if res.acceptsAll && credsOn {
				c.rep.Report(lint.Finding{
					Rule: "AV402",
					Node: call,
					Message: fmt.Sprintf("%s accepts every origin and %s: %s reflects the request's Origin with credentials, so any site can read authenticated responses; check the origin against an allow-list of exact origins",
						fv.field, credsWhy, lib.name),
					Related: append(related(res.allPos.Pos(), "accepts every origin"), credsRel...),
				})
				break
			}
			for _, b := range res.scan.broken {
				if b.null && !credsOn {
					continue
				}
				c.reportBroken(call, fv.field+" checks "+b.what, b, credsOn, credsRel)
				break
			}
		}
	}

	// Entries of the origin list.
	if !listActive {
		return
	}
	for _, e := range entries {
		switch {
		case strings.EqualFold(e.val, "null"):
			if credsOn && !lib.nullRejected {
				c.reportBroken(call, lib.origins+` lists "null"`, broken{null: true, node: posNode(e.pos)}, credsOn, credsRel)
			}
		case lib.regexEntries && isRegexEntry(e.val):
			inner := regexEntryBody(e.val)
			if bad, why := regexBroken(inner); bad {
				c.reportBroken(call, lib.origins+" entry "+quote(e.val)+" is a regular expression matched without anchors", broken{example: why, node: posNode(e.pos)}, credsOn, credsRel)
			}
		case patternsOn:
			if k, ex := classifyGlob(e.val); k == patBroken {
				c.reportBroken(call, lib.origins+" entry "+quote(e.val), broken{example: "it also matches " + ex, node: posNode(e.pos)}, credsOn, credsRel)
			}
		}
	}
}

type posNode token.Pos

func (p posNode) Pos() token.Pos { return token.Pos(p) }
func (p posNode) End() token.Pos { return token.Pos(p) }

func (c *checker) reportBroken(at analysis.Range, what string, b broken, credsOn bool, credsRel []analysis.RelatedInformation) {
	var msg string
	switch {
	case b.null:
		msg = what + ` and credentials are allowed: sandboxed iframes and data: pages of any site send Origin: null; remove "null" from the allowed origins`
	default:
		ex := b.example
		if strings.HasPrefix(ex, "https://") || strings.HasPrefix(ex, "http://") {
			ex = "an attacker's origin such as " + ex + " passes"
		}
		msg = what + ": " + ex + "; compare against exact origins, or match subdomains with a suffix that starts with a dot"
		if credsOn {
			msg = what + " (with credentials): " + ex + "; compare against exact origins, or match subdomains with a suffix that starts with a dot"
		}
	}
	var rel []analysis.RelatedInformation
	if b.node != nil && b.node.Pos().IsValid() && b.node.Pos() != at.Pos() {
		rel = related(b.node.Pos(), "the origin check")
	}
	if credsOn {
		rel = append(rel, credsRel...)
	}
	c.rep.Report(lint.Finding{Rule: "AV403", Node: at, Message: msg, Related: rel})
}

// ginValid mirrors gin-contrib/cors Config.Validate, which panics at
// startup: such a configuration never serves a request.
func (c *checker) ginValid(cf *config, lib *library, entries []originEntry, known, allowAll, funcSet bool) bool {
	nonEmpty := !known || len(entries) > 0
	if allowAll && (funcSet || nonEmpty) {
		return false
	}
	if !allowAll && !funcSet && known && len(entries) == 0 {
		return false
	}
	for _, flag := range lib.schemeFlags {
		if f := cf.fields[flag]; f != nil && f.set {
			return true
		}
	}
	for _, e := range entries {
		if strings.Contains(e.val, "*") {
			continue
		}
		o := e.val
		if isRegexEntry(o) {
			o = strings.TrimPrefix(strings.Replace(regexEntryBody(o), "?", "", 1), "^")
		}
		if !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") {
			return false
		}
	}
	return true
}

func isRegexEntry(s string) bool {
	return len(s) > 2 && s[0] == '/' && (strings.HasSuffix(s, "/") || (len(s) > 3 && s[len(s)-2] == '/' && strings.ContainsRune("gimuy", rune(s[len(s)-1]))))
}

func regexEntryBody(s string) string {
	s = s[1:]
	if !strings.HasSuffix(s, "/") {
		s = s[:len(s)-1]
	}
	return strings.TrimSuffix(s, "/")
}

// validSubdomainEntry mirrors fiber's startup check of AllowOrigins: an
// origin with a host, or scheme://*.domain.
func validSubdomainEntry(s string) bool {
	if i := strings.Index(s, "://*."); i >= 0 {
		s = s[:i+3] + s[i+4:]
	}
	scheme, host := splitScheme(s)
	host = strings.TrimSuffix(host, "/")
	return scheme != "" && host != "" && !strings.ContainsAny(host, "*/?#")
}

// --- hand-written headers ---

// headerCall recognises w.Header().Set(k, v), c.Header(k, v), c.Set(k, v)
// writing a CORS response header.
func (c *checker) headerCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) (headerSet, bool) {
	recv := typesx.Recv(fn)
	if recv == nil {
		return headerSet{}, false
	}
	st, ok := headerSetters[typesx.TypeKey(recv)][fn.Name()]
	if !ok || st.key >= len(call.Args) || st.value >= len(call.Args) {
		return headerSet{}, false
	}
	if typesx.TypeKey(recv) == "net/http.Header" && c.requestHeader(call) {
		return headerSet{}, false
	}
	key, ok := c.sv.String(call.Args[st.key])
	if !ok {
		return headerSet{}, false
	}
	key = strings.ToLower(key)
	if key != hdrAllowOrigin && key != hdrAllowCredentials {
		return headerSet{}, false
	}
	return headerSet{cur: cur, node: call, key: key, value: call.Args[st.value]}, true
}

// requestHeader reports whether a Header method call writes into a
// request's header (r.Header.Set), not a response's.
func (c *checker) requestHeader(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	return ok && x.Sel.Name == "Header" && typesx.TypeIs(typesx.TypeOf(c.info, x.X), "net/http", "Request")
}

// headerAssign recognises w.Header()["Access-Control-Allow-Origin"] = v.
func (c *checker) headerAssign(cur inspector.Cursor, as *ast.AssignStmt) (headerSet, bool) {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return headerSet{}, false
	}
	ix, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
	if !ok || !typesx.TypeIs(typesx.TypeOf(c.info, ix.X), "net/http", "Header") {
		return headerSet{}, false
	}
	key, ok := c.sv.String(ix.Index)
	if !ok {
		return headerSet{}, false
	}
	key = strings.ToLower(key)
	if key != hdrAllowOrigin && key != hdrAllowCredentials {
		return headerSet{}, false
	}
	val := as.Rhs[0]
	if lit, ok := ast.Unparen(val).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
		val = lit.Elts[0]
	}
	return headerSet{cur: cur, node: as, key: key, value: val}, true
}

// funcFacts caches what an outer function does with the origin.
type funcFacts struct {
	derived map[types.Object]bool
	scan    checkScan
}

func (c *checker) facts(fn ast.Node) *funcFacts {
	if ff, ok := c.factsMemo[fn]; ok {
		return ff
	}
	body := funcBody(fn)
	ff := &funcFacts{derived: c.derive(body, nil)}
	ff.scan = c.scanChecks(body, ff.derived, 0)
	c.factsMemo[fn] = ff
	return ff
}

func (c *checker) checkHeaders(sets []headerSet) {
	if len(sets) == 0 {
		return
	}
	type group struct {
		fn    ast.Node
		acao  []headerSet
		creds []headerSet
	}
	var order []ast.Node
	groups := map[ast.Node]*group{}
	for _, hs := range sets {
		fn, _ := enclosingOuter(hs.cur)
		if fn == nil || c.knobGuarded(hs.cur) {
			continue
		}
		g := groups[fn]
		if g == nil {
			g = &group{fn: fn}
			groups[fn] = g
			order = append(order, fn)
		}
		switch hs.key {
		case hdrAllowOrigin:
			g.acao = append(g.acao, hs)
		case hdrAllowCredentials:
			if c.credentialsTrue(hs.value) {
				g.creds = append(g.creds, hs)
			}
		}
	}
	for _, fn := range order {
		g := groups[fn]
		for _, hs := range g.acao {
			var creds *headerSet
			for i := range g.creds {
				if sameResponse(hs.cur, g.creds[i].cur) {
					creds = &g.creds[i]
					break
				}
			}
			c.checkAllowOrigin(hs, g.fn, creds)
		}
	}
}

// knobGuarded reports whether a header write only happens when a bool
// option is on (if cfg.AllowCredentials {...}, if c.allowAll {...}): the
// operator's configuration decides, as with a library's options.
func (c *checker) knobGuarded(cur inspector.Cursor) bool {
	for p := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := p.Node().(*ast.IfStmt)
		if !ok {
			if p != cur {
				return false
			}
			continue
		}
		pos := cur.Node().Pos()
		if !switches.Within(ifs.Body, pos) && !(ifs.Else != nil && switches.Within(ifs.Else, pos)) {
			continue
		}
		for _, conj := range conjuncts(ifs.Cond) {
			if c.isKnob(conj) {
				return true
			}
		}
	}
	return false
}

// conjuncts splits a && b && c.
func conjuncts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// isKnob reports whether e is a bool variable or field (possibly negated)
// whose value apivet cannot tie to a constant or a switch: an option.
func (c *checker) isKnob(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		e = ast.Unparen(u.X)
	}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return false
	}
	if _, ok := typesx.ObjectOf(c.info, e).(*types.Var); !ok || !isBool(typesx.TypeOf(c.info, e)) {
		return false
	}
	k := c.bools.Eval(e, 0).Kind
	return k == switches.Unknown || k == switches.False
}

// sameResponse reports whether two header writes can land on one
// response: one's function encloses the other's (a middleware and its
// handler closure), and they are not on exclusive paths (the two branches
// of an if, two cases of a switch, a branch that returns before the
// other write).
func sameResponse(a, b inspector.Cursor) bool {
	fa, fb := funcCursor(a), funcCursor(b)
	if !fa.Contains(b) && !fb.Contains(a) {
		return false
	}
	return !exclusive(a, b) && !exclusive(b, a)
}

func funcCursor(cur inspector.Cursor) inspector.Cursor {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c != cur {
			return c
		}
	}
	return cur.Inspector().Root()
}

// exclusive reports whether a path that runs a cannot also run b.
func exclusive(a, b inspector.Cursor) bool {
	pa, pb := a.Node().Pos(), b.Node().Pos()
	for c := range a.Enclosing((*ast.IfStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if c == a {
			continue
		}
		switch n := c.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if c.Contains(b) {
				inBody := switches.Within(n.Body, pa)
				if (inBody && n.Else != nil && switches.Within(n.Else, pb)) || (!inBody && switches.Within(n.Else, pa) && switches.Within(n.Body, pb)) {
					return true
				}
				continue
			}
			if switches.Within(n.Body, pa) && pb > n.End() && terminates(n.Body) {
				return true
			}
		case *ast.CaseClause, *ast.CommClause:
			// a is in this case; b in the same switch but another case.
			if sw := c.Parent(); sw.Contains(b) && !c.Contains(b) {
				return true
			}
			body := caseBody(n)
			if len(body) > 0 && pb > c.Node().End() && terminatesList(body) {
				return true
			}
		}
	}
	return false
}

func caseBody(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

func terminates(b *ast.BlockStmt) bool { return b != nil && terminatesList(b.List) }

func terminatesList(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.CONTINUE || s.Tok == token.GOTO
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

func (c *checker) credentialsTrue(v ast.Expr) bool {
	val := c.sv.Eval(v)
	for _, s := range val.Strings() {
		if strings.EqualFold(strings.TrimSpace(s), "true") {
			return true
		}
	}
	return false
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch f := n.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

func (c *checker) checkAllowOrigin(hs headerSet, fn ast.Node, creds *headerSet) {
	var credsRel []analysis.RelatedInformation
	if creds != nil {
		credsRel = related(creds.node.Pos(), "Access-Control-Allow-Credentials: true set here")
	}
	if v := c.sv.Eval(hs.value); v != nil {
		for _, s := range v.Strings() {
			s = strings.TrimSpace(s)
			switch {
			case s == "*" && creds != nil:
				c.rep.Report(lint.Finding{
					Rule:    "AV401",
					Node:    hs.node,
					Message: `Access-Control-Allow-Origin "*" is sent together with Access-Control-Allow-Credentials "true": every site is invited to make credentialed requests (browsers reject the pair, which invites reflecting the origin next); send the exact trusted origin`,
					Related: credsRel,
				})
				return
			case strings.EqualFold(s, "null") && creds != nil:
				c.reportBroken(hs.node, `Access-Control-Allow-Origin is "null"`, broken{null: true}, true, credsRel)
				return
			}
		}
		return
	}
	if creds != nil {
		for _, m := range c.mayHold(hs.value, 0) {
			if strings.TrimSpace(m.val) == "*" {
				c.rep.Report(lint.Finding{
					Rule:    "AV401",
					Node:    hs.node,
					Message: fmt.Sprintf(`Access-Control-Allow-Origin (%s) defaults to "*" while Access-Control-Allow-Credentials is "true": when the setting is absent every site is invited to make credentialed requests; default to no CORS and list the exact trusted origins`, switches.Render(hs.value)),
					Related: append(related(m.pos, "the wildcard default"), credsRel...),
				})
				return
			}
		}
	}
	ff := c.facts(fn)
	if c.mentions(hs.value, ff.derived) {
		c.reportReflection(hs, switches.Render(hs.value), ff.scan, creds, credsRel)
		return
	}
	c.checkParamReflection(hs, creds, credsRel)
}

func (c *checker) reportReflection(hs headerSet, value string, scan checkScan, creds *headerSet, credsRel []analysis.RelatedInformation) {
	for _, b := range scan.broken {
		if b.null && creds == nil {
			continue
		}
		c.reportBroken(hs.node, "the request's Origin ("+value+") is reflected after a check of "+b.what, b, creds != nil, credsRel)
		return
	}
	if !scan.checked && creds != nil {
		c.rep.Report(lint.Finding{
			Rule:    "AV402",
			Node:    hs.node,
			Message: fmt.Sprintf("the request's Origin (%s) is copied into Access-Control-Allow-Origin unchecked while Access-Control-Allow-Credentials is \"true\": any site can read authenticated responses; send the origin only when it is in an allow-list of exact origins", value),
			Related: credsRel,
		})
	}
}

// checkParamReflection handles a helper that sets Access-Control-Allow-
// Origin from its parameter: each caller must pass the origin checked.
func (c *checker) checkParamReflection(hs headerSet, creds *headerSet, credsRel []analysis.RelatedInformation) {
	v, _ := typesx.ObjectOf(c.info, hs.value).(*types.Var)
	if v == nil {
		return
	}
	fnObj, idx, ok := c.sv.Param(v)
	if !ok {
		return
	}
	sites, ok := c.sv.CallSites(fnObj)
	if !ok {
		return
	}
	decl := c.decls[fnObj]
	if decl == nil {
		return
	}
	inner := c.analyzeFunc(decl, idx, 0)
	for _, args := range sites {
		if idx >= len(args) {
			continue
		}
		arg := args[idx]
		cur, ok := c.root.FindByPos(arg.Pos(), arg.End())
		if !ok || c.rep.Skipped(arg.Pos()) {
			continue
		}
		caller, _ := enclosingOuter(cur)
		if caller == nil {
			continue
		}
		ff := c.facts(caller)
		if !c.mentions(arg, ff.derived) {
			continue
		}
		scan := ff.scan
		scan.broken = append([]broken(nil), ff.scan.broken...)
		scan.checked = scan.checked || inner.scan.checked
		scan.broken = append(scan.broken, inner.scan.broken...)
		if creds == nil {
			// The caller may set the credentials header itself.
			creds = c.credsIn(funcBody(caller))
			if creds != nil {
				credsRel = related(creds.node.Pos(), "Access-Control-Allow-Credentials: true set here")
			}
		}
		c.reportReflection(hs, switches.Render(arg), scan, creds, credsRel)
		return
	}
}

// credsIn finds a write of Access-Control-Allow-Credentials: true in body.
func (c *checker) credsIn(body ast.Node) *headerSet {
	cur, ok := c.root.FindNode(body)
	if !ok {
		return nil
	}
	for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		fn := typesx.Callee(c.info, call)
		if fn == nil {
			continue
		}
		if hs, ok := c.headerCall(cc, call, fn); ok && hs.key == hdrAllowCredentials && c.credentialsTrue(hs.value) {
			return &hs
		}
	}
	return nil
}
