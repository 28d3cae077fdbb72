package transport

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	srvfacts "github.com/apivet/apivet/passes/servers"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// --- AV804 servers without a read-header timeout ---

// servers is what AV804 learns in the analyzer's walk.
type servers struct {
	lits   []serverLit
	starts []startSite
	// timed holds the variables and fields through which a read timeout
	// is written: srv in srv.ReadHeaderTimeout = d, the field Server of
	// echo.Echo in e.Server.ReadTimeout = d.
	timed map[types.Object]bool
	// timedEcho holds the echo.Echo variables and fields whose server gets
	// a read timeout here: widget in widget.Server.ReadHeaderTimeout = d.
	timedEcho map[types.Object]bool
	// timedElsewhere is set when a read timeout is written through
	// something else (servers[i].ReadTimeout = d, getServer().ReadTimeout
	// = d): any server of the package may be configured that way.
	timedElsewhere bool
	// flows maps a variable, field or function to where its value goes:
	// x := srv, s.srv = srv, configure(srv) (the parameter), return srv
	// (the function), srv := newServer() (from the function).
	flows map[types.Object][]types.Object
	// assigns holds the positions of assignment statements, to tell
	// cfg.ReadTimeout = d from a literal's field.
	assigns map[token.Pos]bool
}

type serverLit struct {
	cur inspector.Cursor
	lit *ast.CompositeLit
}

type startSite struct {
	call *ast.CallExpr
	st   starter
}

func newServers() *servers {
	return &servers{timed: map[types.Object]bool{}, timedEcho: map[types.Object]bool{}, flows: map[types.Object][]types.Object{}, assigns: map[token.Pos]bool{}}
}

// indexServer records, for one node of the walk, the flows of server
// values and the writes of read timeouts. It sees every file, skipped or
// not: a timeout set in a generated file still applies.
func (c *checker) indexServer(cur inspector.Cursor) {
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		c.srv.assigns[n.Pos()] = true
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			return
		}
		if len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				c.timeoutWrite(l, n.Rhs[i])
				c.flow(n.Rhs[i], c.destOf(l))
			}
		} else if len(n.Rhs) == 1 {
			for _, l := range n.Lhs {
				c.flow(n.Rhs[0], c.destOf(l))
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			dst := c.info.Defs[name]
			switch {
			case len(n.Values) == len(n.Names):
				c.flow(n.Values[i], dst)
			case len(n.Values) == 1:
				c.flow(n.Values[0], dst)
			}
		}
	case *ast.ReturnStmt:
		if fn := c.enclosingDecl(cur); fn != nil {
			for _, r := range n.Results {
				c.flow(r, fn)
			}
		}
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, n)
		if fn == nil || c.decls[fn] == nil {
			return
		}
		sig := fn.Signature()
		for i, a := range n.Args {
			if i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
				break
			}
			c.flow(a, sig.Params().At(i))
		}
	case *ast.CompositeLit:
		if !isStruct(typesx.TypeOf(c.info, n)) {
			return
		}
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok {
					c.flow(kv.Value, c.info.Uses[key])
				}
			}
		}
	}
}

// serverSite records AV804's candidates among the reported files' nodes.
func (c *checker) serverSite(cur inspector.Cursor) {
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		if typesx.TypeKey(typesx.TypeOf(c.info, n)) == pkgHTTP+".Server" {
			c.srv.lits = append(c.srv.lits, serverLit{cur, n})
		}
	case *ast.CallExpr:
		if st, ok := starters[typesx.FuncKey(typesx.Callee(c.info, n))]; ok {
			c.srv.starts = append(c.srv.starts, startSite{n, st})
		}
	}
}

// enclosingDecl returns the declared function a node belongs to directly
// (not through a function literal).
func (c *checker) enclosingDecl(cur inspector.Cursor) *types.Func {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fd, ok := enc.Node().(*ast.FuncDecl); ok {
			fn, _ := c.info.Defs[fd.Name].(*types.Func)
			return fn
		}
		return nil
	}
	return nil
}

// valueObject is the variable, field or package function a value comes
// from: srv, &srv, s.srv, *s.srv, newServer().
func (c *checker) valueObject(e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.Ident, *ast.SelectorExpr:
			if v, ok := typesx.ObjectOf(c.info, x).(*types.Var); ok {
				return v
			}
		case *ast.CallExpr:
			if fn := typesx.Callee(c.info, x); fn != nil && c.decls[fn] != nil {
				return fn
			}
		}
		return nil
	}
}

// destOf is the variable or field an assignment writes.
func (c *checker) destOf(lhs ast.Expr) types.Object {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if v, ok := typesx.ObjectOf(c.info, l).(*types.Var); ok {
			return v
		}
	}
	return nil
}

func (c *checker) flow(from ast.Expr, to types.Object) {
	if to == nil {
		return
	}
	if src := c.valueObject(from); src != nil && src != to {
		c.srv.flows[src] = append(c.srv.flows[src], to)
	}
}

// timeoutWrite records srv.ReadHeaderTimeout = d and srv.ReadTimeout = d.
func (c *checker) timeoutWrite(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || !readTimeoutFields[sel.Sel.Name] {
		return
	}
	selection, ok := c.info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal || typesx.PkgPath(selection.Obj()) != pkgHTTP || !c.positive(rhs) {
		return
	}
	obj := c.valueObject(sel.X)
	if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && (inner.Sel.Name == "Server" || inner.Sel.Name == "TLSServer") {
		if o := c.valueObject(inner.X); o != nil && typesx.TypeKey(typesx.TypeOf(c.info, inner.X)) == pkgEcho+".Echo" {
			c.srv.timedEcho[o] = true
		}
	}
	if len(selection.Index()) > 1 {
		// s.ReadTimeout through an embedded http.Server: the embedded
		// field is what a literal fills.
		if t := typesx.TypeOf(c.info, sel.X); t != nil {
			if st, ok := typesx.Struct(t); ok && selection.Index()[0] < st.NumFields() {
				c.srv.timed[st.Field(selection.Index()[0])] = true
			}
		}
	}
	if obj != nil {
		c.srv.timed[obj] = true
	} else {
		c.srv.timedElsewhere = true
	}
}

// positive reports whether a duration can be above zero: a constant
// above zero, or a value whose number is not known (a configuration
// field, a parsed flag). A zero or negative constant sets no deadline.
func (c *checker) positive(e ast.Expr) bool {
	v := c.sv.Eval(e)
	if v == nil || v.Many {
		return true
	}
	vals := v.Int64s()
	if len(vals) == 0 {
		return true
	}
	for _, n := range vals {
		if n > 0 {
			return true
		}
	}
	return false
}

// reaches reports whether a read timeout is written through any of objs
// or through where their values flow.
func (c *checker) reaches(objs []types.Object) bool {
	seen := map[types.Object]bool{}
	work := append([]types.Object(nil), objs...)
	for len(work) > 0 && len(seen) < 256 {
		o := work[len(work)-1]
		work = work[:len(work)-1]
		if o == nil || seen[o] {
			continue
		}
		seen[o] = true
		if c.srv.timed[o] {
			return true
		}
		work = append(work, c.srv.flows[o]...)
	}
	return false
}

// literalDests returns where a server literal's value goes; lost is set
// when it goes somewhere this analysis cannot follow (a slice, a map, a
// channel).
func (c *checker) literalDests(cur inspector.Cursor) (dests []types.Object, lost bool) {
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			continue
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				continue
			}
			return nil, false
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if r == child.Node() && len(n.Lhs) == len(n.Rhs) {
					d := c.destOf(n.Lhs[i])
					return []types.Object{d}, d == nil
				}
			}
			return nil, true
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if v == child.Node() && i < len(n.Names) {
					return []types.Object{c.info.Defs[n.Names[i]]}, false
				}
			}
			return nil, true
		case *ast.KeyValueExpr:
			outer, ok := p.Parent().Node().(*ast.CompositeLit)
			key, ok2 := n.Key.(*ast.Ident)
			if !ok || !ok2 || n.Value != child.Node() {
				return nil, true
			}
			if !isStruct(typesx.TypeOf(c.info, outer)) {
				return nil, true
			}
			return []types.Object{c.info.Uses[key]}, false
		case *ast.ReturnStmt:
			fn := c.enclosingDecl(p)
			return []types.Object{fn}, fn == nil
		case *ast.CallExpr:
			for i, a := range n.Args {
				if a != child.Node() {
					continue
				}
				fn := typesx.Callee(c.info, n)
				if fn == nil || c.decls[fn] == nil {
					// A library call (errgroup, a graceful-shutdown helper,
					// echo's StartServer) serves the server as it is.
					return nil, false
				}
				sig := fn.Signature()
				if i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
					return nil, true
				}
				return []types.Object{sig.Params().At(i)}, false
			}
			return nil, false // the literal's own method: (&http.Server{...}).ListenAndServe()
		case *ast.CompositeLit, *ast.SendStmt, *ast.IndexExpr:
			return nil, true
		default:
			return nil, false
		}
	}
	return nil, false
}

// loopback reports whether a listen address is a constant that only the
// machine itself can reach ("localhost:6060", "127.0.0.1:9090").
func (c *checker) loopback(e ast.Expr) bool {
	v := c.sv.Eval(e)
	if v == nil || v.Many {
		return false
	}
	addrs := v.Strings()
	if len(addrs) == 0 {
		return false
	}
	for _, a := range addrs {
		host, _, err := net.SplitHostPort(a)
		if err != nil {
			return false
		}
		if !loopbackHosts[host] && !strings.HasPrefix(host, "127.") {
			return false
		}
	}
	return true
}

const slowloris = "a client that sends its request headers slowly holds the connection open indefinitely, and a few hundred such clients exhaust the server (slowloris)"

func (c *checker) checkServers() {
	if !c.rep.Enabled("AV804") || c.srv.timedElsewhere {
		return
	}
	for _, l := range c.srv.lits {
		c.checkServerLit(l)
	}
	for _, s := range c.srv.starts {
		c.checkStart(s)
	}
}

func (c *checker) checkServerLit(l serverLit) {
	for _, elt := range l.lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return // positional: not something people write for http.Server
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			return
		}
		if readTimeoutFields[key.Name] && c.positive(kv.Value) {
			return
		}
		if key.Name == "Addr" && c.loopback(kv.Value) {
			return
		}
	}
	dests, lost := c.literalDests(l.cur)
	if lost && len(c.srv.timed) > 0 {
		return
	}
	if c.reaches(dests) {
		return
	}
	c.rep.Report(lint.Finding{
		Rule:    "AV804",
		Node:    l.lit,
		Message: "http.Server sets neither ReadHeaderTimeout nor ReadTimeout: " + slowloris + "; set ReadHeaderTimeout (e.g. " + durationExpr("time", readHeaderTimeout) + ")",
		Fixes:   c.timeoutFix(l.lit),
	})
}

func (c *checker) checkStart(s startSite) {
	call := s.call
	name := typesx.ExprName(call.Fun)
	if s.st.addr >= 0 {
		if s.st.addr < len(call.Args) && c.loopback(call.Args[s.st.addr]) {
			return
		}
	}
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		recv = sel.X
	}
	var msg string
	switch s.st.kind {
	case startBare:
		if recv != nil && typesx.TypeKey(typesx.TypeOf(c.info, recv)) == pkgGin+".Engine" {
			msg = fmt.Sprintf("%s serves with an http.Server that sets neither ReadHeaderTimeout nor ReadTimeout: %s; serve %s from an http.Server{Handler: %s, ReadHeaderTimeout: ...} instead",
				name, slowloris, typesx.ExprName(recv), typesx.ExprName(recv))
		} else {
			msg = fmt.Sprintf("%s serves with a zero-value http.Server, which sets neither ReadHeaderTimeout nor ReadTimeout: %s; serve with an http.Server that sets ReadHeaderTimeout",
				name, slowloris)
		}
	case startServer:
		if recv == nil || !c.zeroServer(recv) {
			return
		}
		msg = fmt.Sprintf("%s serves with a zero-value http.Server, which sets neither ReadHeaderTimeout nor ReadTimeout: %s; set %s.ReadHeaderTimeout before serving",
			name, slowloris, typesx.ExprName(recv))
	case startEcho:
		if recv == nil {
			return
		}
		if _, ok := c.builtBy(recv, frameworkCtors[startEcho], 0); !ok {
			// built by a constructor of another package of the module,
			// unless this package sets the timeout itself:
			// e := router.New(); e.Server.ReadHeaderTimeout = d
			if o := c.valueObject(recv); o != nil && c.srv.timedEcho[o] {
				return
			}
			if f, ok := c.constructorFact(recv); !ok || f.Timed {
				return
			}
			msg = fmt.Sprintf("%s serves with the http.Server echo.New() made in %s, which sets neither ReadHeaderTimeout nor ReadTimeout: %s; set %s.Server.ReadHeaderTimeout there, or start it with e.StartServer and a configured http.Server",
				name, typesx.ExprName(c.originCall(recv).Fun), slowloris, "e")
			break
		}
		field := fieldOf(typesx.TypeOf(c.info, recv), s.st.field)
		if field == nil || c.srv.timed[field] {
			return
		}
		if writes, _ := c.sv.Assignments(field); len(writes) > 0 {
			return // the server was replaced; its literal is checked
		}
		holder := typesx.ExprName(recv) + "." + s.st.field
		msg = fmt.Sprintf("%s serves with %s, which sets neither ReadHeaderTimeout nor ReadTimeout: %s; set %s.ReadHeaderTimeout before starting",
			name, holder, slowloris, holder)
		if other := fieldOf(typesx.TypeOf(c.info, recv), "Server"); s.st.field == "TLSServer" && other != nil && c.srv.timed[other] {
			msg = fmt.Sprintf("%s serves with %s, which sets neither ReadHeaderTimeout nor ReadTimeout (timeouts set on %s.Server do not apply to it): %s; set %s.ReadHeaderTimeout before starting",
				name, holder, typesx.ExprName(recv), slowloris, holder)
		}
	case startFiber:
		if recv == nil {
			return
		}
		ctors, ok := c.builtBy(recv, frameworkCtors[startFiber], 0)
		if !ok {
			f, ok := c.constructorFact(recv)
			if !ok || f.Timed {
				return
			}
			msg = fmt.Sprintf("%s serves with fasthttp and no ReadTimeout in the fiber.Config %s passes to fiber.New (fiber's default is none): %s; set ReadTimeout there",
				name, typesx.ExprName(c.originCall(recv).Fun), slowloris)
			break
		}
		for _, ct := range ctors {
			if len(ct.Args) > 0 && c.fiberReadTimeout(ct.Args[0], 0) {
				return
			}
		}
		msg = fmt.Sprintf("%s serves with fasthttp and no ReadTimeout in fiber.Config (fiber's default is none): %s; set ReadTimeout in the fiber.Config passed to fiber.New",
			name, slowloris)
	default:
		return
	}
	c.rep.Report(lint.Finding{Rule: "AV804", Node: call, Message: msg})
}

func isStruct(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// fieldOf returns the field of a (pointer to a) struct type.
func fieldOf(t types.Type, name string) *types.Var {
	if t == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	v, _ := obj.(*types.Var)
	if v == nil || !v.IsField() {
		return nil
	}
	return v
}

// zeroServer reports whether a server started through a method is a zero
// value (var srv http.Server, new(http.Server)) no read timeout reaches.
func (c *checker) zeroServer(recv ast.Expr) bool {
	v, _ := c.valueObject(recv).(*types.Var)
	if v == nil || v.Pkg() != c.pass.Pkg || v.IsField() {
		return false
	}
	if _, _, isParam := c.sv.Param(v); isParam {
		return false
	}
	writes, ok := c.sv.Assignments(v)
	if !ok || len(writes) == 0 {
		return false
	}
	for _, w := range writes {
		switch w.Kind {
		case strval.Zero:
		case strval.Plain:
			call, ok := ast.Unparen(w.RHS).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 || !c.isBuiltin(call.Fun, "new") {
				return false
			}
		default:
			return false
		}
	}
	return !c.reaches([]types.Object{v})
}

func (c *checker) isBuiltin(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = c.info.Uses[id].(*types.Builtin)
	return ok
}

// builtBy returns the constructor calls (echo.New(), fiber.New(cfg)) a
// value is built by, following variables, fields and helpers of the
// package; ok is false when some value has another origin (a parameter,
// another package's helper).
func (c *checker) builtBy(e ast.Expr, ctor string, depth int) ([]*ast.CallExpr, bool) {
	if depth > 6 {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if fn == nil {
			return nil, false
		}
		if typesx.FuncKey(fn) == ctor {
			return []*ast.CallExpr{x}, true
		}
		decl := c.decls[fn]
		if decl == nil || decl.Body == nil {
			return nil, false
		}
		var out []*ast.CallExpr
		ok := true
		n := 0
		ast.Inspect(decl.Body, func(nd ast.Node) bool {
			switch nd := nd.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(nd.Results) == 0 {
					ok = false
					return false
				}
				cs, k := c.builtBy(nd.Results[0], ctor, depth+1)
				if !k {
					ok = false
				}
				out = append(out, cs...)
				n++
			}
			return true
		})
		return out, ok && n > 0
	case *ast.Ident, *ast.SelectorExpr:
		v, _ := typesx.ObjectOf(c.info, x).(*types.Var)
		if v == nil {
			return nil, false
		}
		if _, _, isParam := c.sv.Param(v); isParam {
			return nil, false
		}
		if v.IsField() {
			if named := fieldOwner(v); named == nil || named.Obj().Pkg() != c.pass.Pkg {
				return nil, false
			}
		} else if v.Pkg() != c.pass.Pkg {
			return nil, false
		}
		writes, ok := c.sv.Assignments(v)
		if !ok || len(writes) == 0 {
			return nil, false
		}
		var out []*ast.CallExpr
		for _, w := range writes {
			switch w.Kind {
			case strval.Plain, strval.Tuple:
				if w.Kind == strval.Tuple && w.Index != 0 {
					return nil, false
				}
				cs, k := c.builtBy(w.RHS, ctor, depth+1)
				if !k {
					return nil, false
				}
				out = append(out, cs...)
			default:
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// fieldOwner returns the named struct type a field belongs to, for the
// fields of the package's own types.
func fieldOwner(f *types.Var) *types.Named {
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
				n, _ := types.Unalias(tn.Type()).(*types.Named)
				return n
			}
		}
	}
	return nil
}

// fiberReadTimeout reports whether a fiber.Config can carry a read
// timeout: a literal that sets ReadTimeout, a variable assigned such a
// literal or whose ReadTimeout is assigned, or a configuration whose
// contents are not known here.
func (c *checker) fiberReadTimeout(e ast.Expr, depth int) bool {
	if depth > 6 {
		return true
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == fiberReadTimeout && c.positive(kv.Value) {
				return true
			}
		}
		return false
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil || v.Pkg() != c.pass.Pkg {
			return true
		}
		if _, _, isParam := c.sv.Param(v); isParam {
			return true
		}
		writes, ok := c.sv.Assignments(v)
		if !ok || len(writes) == 0 {
			return true
		}
		for _, w := range writes {
			if w.Kind != strval.Plain || c.fiberReadTimeout(w.RHS, depth+1) {
				return true
			}
		}
		// cfg.ReadTimeout = d, anywhere in the package.
		if f := fieldOf(v.Type(), fiberReadTimeout); f != nil {
			fw, _ := c.sv.Assignments(f)
			for _, w := range fw {
				if c.srv.assigns[w.Pos] && w.Kind == strval.Plain && c.positive(w.RHS) {
					return true
				}
			}
		}
		return false
	}
	return true
}

// timeoutFix adds ReadHeaderTimeout to a literal that has neither field,
// when the file imports time.
func (c *checker) timeoutFix(lit *ast.CompositeLit) []analysis.SuggestedFix {
	timeName := ""
	for _, f := range c.pass.Files {
		if f.FileStart <= lit.Pos() && lit.Pos() < f.FileEnd {
			for _, imp := range f.Imports {
				if p, _ := strconv.Unquote(imp.Path.Value); p == "time" {
					timeName = "time"
					if imp.Name != nil {
						timeName = imp.Name.Name
					}
				}
			}
		}
	}
	if timeName == "" || timeName == "_" || timeName == "." {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && readTimeoutFields[key.Name] {
				return nil // set to zero: the fix is the user's choice of value
			}
		}
	}
	field := "ReadHeaderTimeout: " + durationExpr(timeName, readHeaderTimeout)
	fset := c.pass.Fset
	var text string
	switch {
	case len(lit.Elts) == 0:
		text = field
	case fset.Position(lit.Rbrace).Line > fset.Position(lit.Elts[len(lit.Elts)-1].End()).Line:
		col := fset.Position(lit.Rbrace).Column
		text = "\t" + field + ",\n" + strings.Repeat("\t", max(col-1, 0))
	default:
		text = ", " + field
	}
	return []analysis.SuggestedFix{{
		Message:   "set ReadHeaderTimeout to " + readHeaderTimeout.String(),
		TextEdits: []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}},
	}}
}

// durationExpr renders a duration as Go: 10 * time.Second.
func durationExpr(timeName string, d time.Duration) string {
	units := []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"}, {time.Millisecond, "Millisecond"}}
	for _, u := range units {
		if d%u.d == 0 {
			if d == u.d {
				return timeName + "." + u.name
			}
			return fmt.Sprintf("%d * %s.%s", d/u.d, timeName, u.name)
		}
	}
	return fmt.Sprintf("%s.Duration(%d)", timeName, int64(d))
}

// originCall returns the call a server value comes from: the receiver
// itself (ops.New(store).Listen(addr)) or the one call assigned to a local
// variable (app := ops.New(store)).
func (c *checker) originCall(e ast.Expr) *ast.CallExpr {
	for i := 0; i < 4; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			return x
		case *ast.Ident:
			v, _ := c.info.Uses[x].(*types.Var)
			if v == nil {
				return nil
			}
			if _, _, isParam := c.sv.Param(v); isParam {
				return nil
			}
			writes, ok := c.sv.Assignments(v)
			if !ok || len(writes) != 1 || (writes[0].Kind != strval.Plain && writes[0].Kind != strval.Tuple) {
				return nil
			}
			e = writes[0].RHS
		default:
			return nil
		}
	}
	return nil
}

// constructorFact returns what passes/servers knows of the constructor
// that built a server value in another package of the module.
func (c *checker) constructorFact(e ast.Expr) (*srvfacts.ServerFact, bool) {
	call := c.originCall(e)
	if call == nil {
		return nil, false
	}
	fn := typesx.Callee(c.info, call)
	if fn == nil || fn.Pkg() == c.pass.Pkg {
		return nil, false
	}
	return c.ctors.Constructor(fn)
}
