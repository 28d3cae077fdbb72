package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Bounds on the work per package.
const (
	maxFrameDepth = 8
	maxFrames     = 4000
	maxResolve    = 24
)

// when is the time of an event: the root function of an interpretation
// and the call positions leading to the event. Events of different root
// functions are not ordered.
type when struct {
	root ast.Node
	path []token.Pos
}

// before reports whether a happens before b, leniently: events that cannot
// be ordered count as before.
func (a when) before(b when) bool {
	if a.root == nil || b.root == nil || a.root != b.root {
		return true
	}
	for i := 0; i < len(a.path) && i < len(b.path); i++ {
		if a.path[i] != b.path[i] {
			return a.path[i] < b.path[i]
		}
	}
	return true
}

// frame is one interpretation of a function body: standalone, or for one
// call site with the callee's parameters bound to the caller's values.
type frame struct {
	id     int
	fn     *types.Func
	decl   ast.Node // *ast.FuncDecl or *ast.FuncLit; nil for the package frame
	body   *ast.BlockStmt
	lex    *frame // the frame of the enclosing function of a FuncLit
	caller *frame
	params map[*types.Var]*node
	args   map[*types.Var]argBinding
	root   ast.Node
	path   []token.Pos
	depth  int
	shadow bool
	// served lists the handler parameters this function serves
	// (http.ListenAndServe(addr, h), http.Server{Handler: h}).
	served []servedParam
	// elemVar and elemPos are set on the frame of one element of a route
	// table's loop (see tables.go): the range variable, whose fields args
	// binds, and the element literal's position.
	elemVar *types.Var
	elemPos token.Pos
	// rowPos is set on the frame of a helper called with a table's row.
	rowPos token.Pos
}

// servedParam is a parameter a function serves, with the middleware it
// wraps around it.
type servedParam struct {
	index int
	wraps []*Middleware
}

type argBinding struct {
	e ast.Expr
	f *frame
}

// node is a router or a group of a router.
type node struct {
	id          int
	kind        Kind
	router      *Router
	parent      *node
	prefix      string // relative to the parent
	prefixKnown bool
	method      string // a method constraint (mux Methods(...).Subrouter())
	// ordered: Use applies only to routes registered after it (gin, fiber,
	// echo groups). snapshot: the node copies its parent's chain when it is
	// created (gin and echo groups).
	ordered  bool
	snapshot bool
	created  when
	args     []*Middleware
	uses     []useEvent
	routes   []*routeEvent
	mountMW  []*Middleware
	shadow   bool
	param    *types.Var // a placeholder for a router parameter
	children []*node
}

type useEvent struct {
	mws         []*Middleware
	at          when
	prefix      string // fiber Use("/api", mw): only routes under the prefix
	prefixKnown bool
}

type routeEvent struct {
	r        *Route
	node     *node
	at       when
	rel      string
	relKnown bool
	args     []*Middleware // per-route middleware and handler wrappers, in order
	below    []*Middleware // from a fact: the chain between the bound router and the route
}

type callKey struct {
	call *ast.CallExpr
	f    int
	fn   *types.Func
}

type nodeKey struct {
	e ast.Node
	f int
}

type builder struct {
	pass *analysis.Pass
	info *types.Info
	sv   *strval.Result
	res  *Result

	decls     map[*types.Func]*ast.FuncDecl
	rejecting map[*ast.FuncDecl]bool // rejectsCaller's answers
	// cookieNames are the session cookies this package sets by a constant
	// name (true: SameSite=Lax or Strict), allCookieNames adds those of
	// the module's packages it imports (see CookieFact.Names).
	cookieNames    map[string]bool
	allCookieNames map[string]bool
	order          []*types.Func
	calls          map[*types.Func]int
	outer          map[*ast.CallExpr]*ast.CallExpr // c → the call whose receiver c is
	funcs          []*ast.FuncDecl                 // sorted by position
	standalone     map[*types.Func]*frame
	firstFrame     map[*types.Func]*frame
	shadows        map[*types.Func]*frame
	callFrames     map[callKey]*frame
	nodes          map[nodeKey]*node
	consumed       map[*ast.FuncLit]bool
	globals        map[types.Object]*node
	busy           map[any]bool
	defaultMux     *node
	pkgFrame       *frame
	nframes        int
	nnodes         int
	routers        []*Router

	summaries map[*types.Func]*Summary
	sumBusy   map[*types.Func]bool
	litSums   map[*ast.FuncLit]*Summary
	mwMemo    map[nodeKey][]*Middleware
	files     map[string]*token.File
}

func newBuilder(pass *analysis.Pass, res *Result) *builder {
	b := &builder{
		pass:       pass,
		info:       pass.TypesInfo,
		sv:         pass.ResultOf[strval.Analyzer].(*strval.Result),
		res:        res,
		decls:      map[*types.Func]*ast.FuncDecl{},
		calls:      map[*types.Func]int{},
		outer:      map[*ast.CallExpr]*ast.CallExpr{},
		standalone: map[*types.Func]*frame{},
		firstFrame: map[*types.Func]*frame{},
		shadows:    map[*types.Func]*frame{},
		callFrames: map[callKey]*frame{},
		nodes:      map[nodeKey]*node{},
		consumed:   map[*ast.FuncLit]bool{},
		globals:    map[types.Object]*node{},
		busy:       map[any]bool{},
		summaries:  map[*types.Func]*Summary{},
		sumBusy:    map[*types.Func]bool{},
		litSums:    map[*ast.FuncLit]*Summary{},
		mwMemo:     map[nodeKey][]*Middleware{},
	}
	b.pkgFrame = &frame{id: 0, params: map[*types.Var]*node{}, args: map[*types.Var]argBinding{}}
	return b
}

// build indexes the package and interprets every function.
func (b *builder) build() {
	insp := b.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// Routers that tests build are not the service's: _test.go files take
	// no part in the graph (strval ignores their writes as well).
	testFile := map[*token.File]bool{}
	for _, f := range b.pass.Files {
		if tf := b.pass.Fset.File(f.FileStart); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
			testFile[tf] = true
		}
	}
	inTest := func(pos token.Pos) bool { return len(testFile) > 0 && testFile[b.pass.Fset.File(pos)] }
	for _, f := range b.pass.Files {
		if inTest(f.FileStart) {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := b.info.Defs[fd.Name].(*types.Func); ok {
				b.decls[fn] = fd
				b.order = append(b.order, fn)
				b.funcs = append(b.funcs, fd)
			}
		}
	}
	sort.Slice(b.funcs, func(i, j int) bool { return b.funcs[i].Pos() < b.funcs[j].Pos() })
	// Any reference to a function other than its declaration may reach it
	// from an interpretation (a call, chi's Route(p, fn), a value).
	for id, obj := range b.info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == b.pass.Pkg && !inTest(id.Pos()) {
			b.calls[fn.Origin()]++
		}
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		if !inTest(cur.Node().Pos()) {
			b.noteSameSite(cur.Node())
		}
		call, ok := cur.Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
				b.outer[inner] = call
			}
		}
	}
	b.allCookieNames = b.importCookieNames()

	// Functions without router parameters run standalone.
	for _, fn := range b.order {
		if !b.hasRouterParam(fn) {
			b.standaloneFrame(fn, false)
		}
	}
	// Functions with router parameters that no interpretation reached:
	// those nobody calls first (their callees then get bound frames), then
	// the rest (called only from code that is never interpreted).
	for changed := true; changed; {
		changed = false
		for _, fn := range b.order {
			if b.hasRouterParam(fn) && !b.interpreted(fn) && b.calls[fn] == 0 {
				b.standaloneFrame(fn, false)
				changed = true
			}
		}
	}
	for _, fn := range b.order {
		if b.hasRouterParam(fn) && !b.interpreted(fn) {
			b.standaloneFrame(fn, false)
		}
	}
}

func (b *builder) interpreted(fn *types.Func) bool {
	return b.standalone[fn] != nil || b.firstFrame[fn] != nil
}

func (b *builder) hasRouterParam(fn *types.Func) bool {
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		if RouterKind(ps.At(i).Type()) != "" {
			return true
		}
	}
	return false
}

func typeKey(t types.Type) string { return typesx.TypeKey(t) }

// standaloneFrame interprets fn with its router parameters bound to
// placeholders (a router whose chain above is empty).
func (b *builder) standaloneFrame(fn *types.Func, shadow bool) *frame {
	if f := b.standalone[fn]; f != nil {
		return f
	}
	if f := b.shadows[fn]; shadow && f != nil {
		return f
	}
	fd := b.decls[fn]
	if fd == nil || b.nframes > maxFrames {
		return nil
	}
	f := b.newFrame(fn, fd, fd.Body, nil, nil, nil, fd, 0, shadow)
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		p := ps.At(i)
		if k := RouterKind(p.Type()); k != "" {
			n := b.newRoot(k, nil, f, token.NoPos)
			n.param = p
			n.router.Param = p
			n.router.Func = fn
			n.router.Display = p.Name()
			b.setGroupness(n, p.Type())
			f.params[p] = n
		}
	}
	if shadow {
		b.shadows[fn] = f
	} else {
		b.standalone[fn] = f
	}
	b.interpret(f)
	return f
}

func (b *builder) newFrame(fn *types.Func, decl ast.Node, body *ast.BlockStmt, lex, caller *frame, path []token.Pos, root ast.Node, depth int, shadow bool) *frame {
	b.nframes++
	return &frame{
		id: b.nframes, fn: fn, decl: decl, body: body, lex: lex, caller: caller,
		params: map[*types.Var]*node{}, args: map[*types.Var]argBinding{},
		root: root, path: path, depth: depth, shadow: shadow,
	}
}

func (b *builder) at(f *frame, pos token.Pos) when {
	p := make([]token.Pos, 0, len(f.path)+1)
	p = append(p, f.path...)
	return when{root: f.root, path: append(p, pos)}
}

// newRoot creates a router.
func (b *builder) newRoot(k Kind, call *ast.CallExpr, f *frame, pos token.Pos) *node {
	b.nnodes++
	r := &Router{Kind: k, Created: pos, Call: call}
	n := &node{id: b.nnodes, kind: k, router: r, prefixKnown: true, shadow: f != nil && f.shadow}
	if f != nil {
		n.created = b.at(f, pos)
	}
	switch k {
	case Gin, Fiber:
		n.ordered = true
	}
	r.root = n
	if !n.shadow {
		b.routers = append(b.routers, r)
	}
	return n
}

// setGroupness marks a placeholder of a group type as ordered.
func (b *builder) setGroupness(n *node, t types.Type) {
	if groupTypes[typeKey(t)] {
		n.ordered = true
	}
}

func (b *builder) newChild(parent *node, f *frame, pos token.Pos) *node {
	b.nnodes++
	n := &node{id: b.nnodes, kind: parent.kind, router: parent.router, parent: parent, prefixKnown: true,
		shadow: parent.shadow || (f != nil && f.shadow), created: b.at(f, pos)}
	switch parent.kind {
	case Gin:
		n.ordered, n.snapshot = true, true
	case Echo:
		n.ordered, n.snapshot = true, true
	case Fiber:
		n.ordered = true
	}
	parent.children = append(parent.children, n)
	return n
}

// interpret walks a frame's body in source order.
func (b *builder) interpret(f *frame) {
	if f.body == nil {
		return
	}
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if b.consumed[n] || b.litHasRouterParam(n) {
				return false
			}
		case *ast.RangeStmt:
			if b.rangeTable(f, n) {
				return false
			}
		case *ast.CallExpr:
			b.call(f, n)
		case *ast.CompositeLit:
			b.compositeLit(f, n)
		case *ast.AssignStmt:
			b.assign(f, n)
		case *ast.ReturnStmt:
			b.ret(f, n)
		}
		return true
	})
}

func (b *builder) litHasRouterParam(lit *ast.FuncLit) bool {
	t, ok := typesx.TypeOf(b.info, lit).(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < t.Params().Len(); i++ {
		if RouterKind(t.Params().At(i).Type()) != "" {
			return true
		}
	}
	return false
}

// call interprets one call: router methods, server starts, calls of the
// module's functions that receive a router.
func (b *builder) call(f *frame, call *ast.CallExpr) {
	fn := typesx.Callee(b.info, call)
	if fn == nil {
		return
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	key := typesx.FuncKey(fn)
	if isSel && isInterfaceMethod(fn) && isModule(b.pass, fn) && b.routerArg(f, call) {
		// registrars []RouteRegistrar{users, auth}; r.RegisterRoutes(api):
		// the concrete methods the receiver can hold.
		for _, m := range b.concreteMethods(f, sel.X, fn.Name(), 0) {
			if m.Pkg() == b.pass.Pkg {
				if b.decls[m] != nil && b.hasRouterParam(m) {
					b.callFrame(f, call, m)
				}
			} else if isModule(b.pass, m) {
				b.importCall(f, call, m)
			}
		}
		return
	}
	if recv := typesx.Recv(fn); recv != nil && isSel {
		rk := typeKey(recv)
		if k := routerTypes[rk]; k != "" {
			b.routerMethod(f, call, sel, fn, k)
			return
		}
		switch rk {
		case pkgMux + ".Route":
			b.muxRouteMethod(f, call, sel, fn)
			return
		case pkgHTTP + ".Server":
			if serverMethods[fn.Name()] {
				b.serverStart(f, call, sel.X)
			}
			return
		}
	}
	if idx, ok := serveFuncs[key]; ok {
		var h ast.Expr
		if idx < len(call.Args) {
			h = call.Args[idx]
		}
		var addr ast.Expr
		if strings.HasPrefix(fn.Name(), "ListenAndServe") && len(call.Args) > 0 {
			addr = call.Args[0]
		}
		b.serve(f, call, h, typesx.FuncDisplay(fn), addr)
		return
	}
	switch key {
	case pkgHTTP + ".Handle", pkgHTTP + ".HandleFunc":
		n := b.defaultMuxNode()
		b.route(f, n, call, routeMethods[NetHTTP][fn.Name()], fn.Name())
		return
	}
	if fn.Pkg() == b.pass.Pkg {
		if b.decls[fn] != nil && b.hasRouterParam(fn) {
			b.callFrame(f, call, fn)
		} else if b.decls[fn] != nil && b.hasHandlerParam(fn) {
			b.applyServed(f, call, b.servedParams(fn), typesx.FuncDisplay(fn))
		}
		return
	}
	if isModule(b.pass, fn) {
		b.importCall(f, call, fn)
		return
	}
	// A router handed to a library that does not hand it back as a
	// handler (a serverless adapter) is served where we cannot see.
	sig := fn.Signature()
	if sig.Results().Len() == 1 && b.isHandlerType(sig.Results().At(0).Type()) {
		return
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() && !sig.Variadic() {
			break
		}
		t := typesx.TypeOf(b.info, a)
		if t == nil || RouterKind(t) == "" {
			continue
		}
		if n := b.nodeOf(f, a); n != nil && !n.shadow {
			n.router.Escapes = true
		}
	}
}

// callFrame interprets fn for one call site, with its parameters bound.
func (b *builder) callFrame(f *frame, call *ast.CallExpr, fn *types.Func) *frame {
	k := callKey{call, f.id, fn}
	if g, ok := b.callFrames[k]; ok {
		return g
	}
	b.callFrames[k] = nil
	fd := b.decls[fn]
	if fd == nil || f.depth >= maxFrameDepth || b.nframes > maxFrames {
		return nil
	}
	for c := f; c != nil; c = c.caller {
		if c.fn == fn {
			return nil // recursion
		}
	}
	path := make([]token.Pos, 0, len(f.path)+1)
	path = append(path, f.path...)
	path = append(path, call.Lparen)
	g := b.newFrame(fn, fd, fd.Body, nil, f, path, f.root, f.depth+1, f.shadow)
	b.bindParams(f, g, fn, call)
	b.rowCall(f, g, call)
	b.callFrames[k] = g
	if !g.shadow && b.firstFrame[fn] == nil {
		b.firstFrame[fn] = g
	}
	b.interpret(g)
	return g
}

func (b *builder) bindParams(f, g *frame, fn *types.Func, call *ast.CallExpr) {
	sig := fn.Signature()
	ps := sig.Params()
	for i := 0; i < ps.Len(); i++ {
		p := ps.At(i)
		if sig.Variadic() && i == ps.Len()-1 {
			// register(mux, table, outer...): the variadic middleware are
			// the call's remaining arguments (none, or a spread slice).
			if t, ok := p.Type().(*types.Slice); ok && b.isMiddlewareType(t.Elem()) {
				switch {
				case call.Ellipsis.IsValid() && i == len(call.Args)-1:
					g.args[p] = argBinding{call.Args[i], f}
				case !call.Ellipsis.IsValid() && i <= len(call.Args):
					g.args[p] = argBinding{&ast.CompositeLit{Lbrace: call.Rparen, Elts: call.Args[i:], Rbrace: call.Rparen}, f}
				}
			}
			break
		}
		if i >= len(call.Args) {
			break
		}
		a := call.Args[i]
		if k := RouterKind(p.Type()); k != "" {
			n := b.nodeOf(f, a)
			if n == nil {
				n = b.newRoot(k, nil, g, token.NoPos)
				n.router.Unknown = true
				n.router.Display = typesx.ExprName(a)
				n.param = p
				b.setGroupness(n, p.Type())
			}
			g.params[p] = n
			continue
		}
		g.args[p] = argBinding{a, f}
	}
}

// defaultMuxNode is http.DefaultServeMux.
func (b *builder) defaultMuxNode() *node {
	if b.defaultMux == nil {
		n := b.newRoot(NetHTTP, nil, nil, token.NoPos)
		n.router.DefaultMux = true
		n.router.Display = "http.DefaultServeMux"
		b.defaultMux = n
	}
	return b.defaultMux
}

// routerMethod interprets a method call on a router or group.
func (b *builder) routerMethod(f *frame, call *ast.CallExpr, sel *ast.SelectorExpr, fn *types.Func, k Kind) {
	name := fn.Name()
	recv := b.receiver(f, sel)
	if recv == nil {
		return
	}
	if f.shadow && !recv.shadow {
		return
	}
	switch {
	case useMethods[k][name]:
		b.use(f, recv, call, sel)
	case hasRoute(k, name):
		if k == Mux {
			if h := b.muxMount(f, recv, call, name); h {
				return
			}
		}
		b.route(f, recv, call, routeMethods[k][name], name)
	case hasGroup(k, name):
		g := groupMethods[k][name]
		n := b.nodeOf(f, call)
		if n != nil && g.FnArg >= 0 && g.FnArg < len(call.Args) {
			b.runWith(f, call, call.Args[g.FnArg], n)
		}
	case mountMethods[k][name] != [2]int{}:
		m := mountMethods[k][name]
		if m[1] < len(call.Args) {
			b.mount(f, recv, call, call.Args[m[0]], call.Args[m[1]], k == Chi || k == Fiber)
		}
	case serveMethods[k][name]:
		r := recv.router
		var addr ast.Expr
		if len(call.Args) > 0 {
			if t := typesx.TypeOf(b.info, call.Args[0]); t != nil && typesx.IsString(t) {
				addr = call.Args[0]
			}
		}
		b.markServed(r.root, nil, call.Pos(), addr)
		if !recv.shadow {
			b.res.Starts = append(b.res.Starts, &ServerStart{Pos: call.Pos(), Via: typesx.FuncDisplay(fn), Router: r})
		}
	case htmlMethods[k][name]:
		recv.router.HTML = true
	}
}

// receiver resolves the router a method is called on, also through an
// embedded field (type Server struct{ *gin.Engine }; s.POST(...)).
func (b *builder) receiver(f *frame, sel *ast.SelectorExpr) *node {
	if n := b.nodeOf(f, sel.X); n != nil {
		return n
	}
	s, ok := b.info.Selections[sel]
	if !ok || len(s.Index()) < 2 {
		return nil
	}
	t := s.Recv()
	var fld *types.Var
	for _, i := range s.Index()[:len(s.Index())-1] {
		st, ok := typesx.Named(t).Underlying().(*types.Struct)
		if typesx.Named(t) == nil || !ok || i >= st.NumFields() {
			return nil
		}
		fld = st.Field(i)
		t = fld.Type()
		if RouterKind(t) != "" {
			break
		}
	}
	if fld == nil || RouterKind(fld.Type()) == "" {
		return nil
	}
	return b.globalNode(fld)
}

func hasRoute(k Kind, name string) bool {
	_, ok := routeMethods[k][name]
	return ok
}

func hasGroup(k Kind, name string) bool {
	_, ok := groupMethods[k][name]
	return ok
}

// runWith interprets the function argument of chi's Route and Group or
// fiber's Route with its router parameter bound to n.
func (b *builder) runWith(f *frame, call *ast.CallExpr, fnArg ast.Expr, n *node) {
	switch fa := ast.Unparen(fnArg).(type) {
	case *ast.FuncLit:
		if b.consumed[fa] {
			return
		}
		b.consumed[fa] = true
		g := b.newFrame(f.fn, fa, fa.Body, f, f.caller, f.path, f.root, f.depth, f.shadow)
		g.args = f.args
		for _, fld := range fa.Type.Params.List {
			for _, name := range fld.Names {
				if v, ok := b.info.Defs[name].(*types.Var); ok && RouterKind(v.Type()) != "" {
					g.params[v] = n
				}
			}
		}
		b.interpret(g)
	default:
		fn, ok := typesx.ObjectOf(b.info, fnArg).(*types.Func)
		if !ok || fn.Pkg() != b.pass.Pkg || b.decls[fn] == nil {
			return
		}
		k := callKey{call, f.id, fn}
		if _, done := b.callFrames[k]; done || f.depth >= maxFrameDepth {
			return
		}
		fd := b.decls[fn]
		path := append(append([]token.Pos(nil), f.path...), call.Lparen)
		g := b.newFrame(fn, fd, fd.Body, nil, f, path, f.root, f.depth+1, f.shadow)
		ps := fn.Signature().Params()
		for i := 0; i < ps.Len(); i++ {
			if RouterKind(ps.At(i).Type()) != "" {
				g.params[ps.At(i)] = n
			}
		}
		b.callFrames[k] = g
		if !g.shadow && b.firstFrame[fn] == nil {
			b.firstFrame[fn] = g
		}
		b.interpret(g)
	}
}

// use records middleware added to a router or group.
func (b *builder) use(f *frame, n *node, call *ast.CallExpr, sel *ast.SelectorExpr) {
	ev := useEvent{at: b.at(f, sel.Sel.Pos())}
	for i, a := range call.Args {
		if n.kind == Fiber {
			if t := typesx.TypeOf(b.info, a); t != nil && typesx.IsString(t) {
				s, ok := b.sv.String(a)
				ev.prefix, ev.prefixKnown = s, ok
				if !ok {
					ev.prefix = unknownPart
				}
				continue
			}
		}
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			ev.mws = append(ev.mws, b.middlewareList(f, a)...)
			continue
		}
		ev.mws = append(ev.mws, b.middleware(f, a)...)
	}
	n.uses = append(n.uses, ev)
	n.router.Uses++
}

// route records a route registration.
func (b *builder) route(f *frame, n *node, call *ast.CallExpr, spec routeSpec, name string) {
	if f.shadow && !n.shadow {
		return
	}
	if spec.PathArg >= len(call.Args) {
		return
	}
	rel, known := b.str(f, call.Args[spec.PathArg])
	if !known {
		rel = unknownPart
	}
	var methods []string
	switch {
	case n.kind == NetHTTP && known:
		var m string
		m, rel = parsePattern(rel)
		methods = []string{m}
	case spec.MethodArg >= 0 && spec.MethodArg < len(call.Args):
		if m, ok := b.str(f, call.Args[spec.MethodArg]); ok {
			methods = []string{strings.ToUpper(m)}
		} else {
			methods = []string{""}
		}
	case spec.Methods >= 0 && spec.Methods < len(call.Args):
		methods = b.stringList(call.Args[spec.Methods])
		if len(methods) == 0 {
			methods = []string{""}
		}
	default:
		methods = []string{spec.Method}
	}
	if n.kind == Mux {
		if ms := b.muxOuterMethods(f, call); len(ms) > 0 {
			methods = ms
		}
	}
	if n.method != "" && len(methods) == 1 && methods[0] == "" {
		methods = []string{n.method}
	}

	// Handler and per-route middleware.
	var args []*Middleware
	var hExpr ast.Expr
	hIdx := spec.Handler
	if hIdx == -1 {
		hIdx = len(call.Args) - 1
	}
	if hIdx >= 0 && hIdx < len(call.Args) && !(call.Ellipsis.IsValid() && hIdx == len(call.Args)-1 && spec.MW == "between") {
		hExpr = call.Args[hIdx]
	}
	switch spec.MW {
	case "between":
		to := hIdx
		if hExpr == nil {
			to = len(call.Args)
		}
		for i := spec.PathArg + 1; i < to && i < len(call.Args); i++ {
			if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
				args = append(args, b.middlewareList(f, call.Args[i])...)
			} else {
				args = append(args, b.middleware(f, call.Args[i])...)
			}
		}
		if hExpr == nil && call.Ellipsis.IsValid() {
			// r.POST(path, handlers...): the last element is the handler.
			if len(args) > 0 {
				args = args[:len(args)-1]
			}
		}
	case "after":
		for i := hIdx + 1; i < len(call.Args); i++ {
			if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
				args = append(args, b.middlewareList(f, call.Args[i])...)
			} else {
				args = append(args, b.middleware(f, call.Args[i])...)
			}
		}
	}

	// A router handed to Handle is a mount.
	if hExpr != nil && (n.kind == NetHTTP || n.kind == Chi) && (name == "Handle" || name == "HandleFunc") {
		if sub, wraps, strip := b.unwrapHandler(f, hExpr, 0); sub != nil && sub != n && sub.router != n.router {
			prefix := rel
			if !strip {
				prefix = "" // the sub-router matches the full path itself
			}
			b.attach(f, n, sub, call, prefix, known, wraps)
			return
		}
	}

	var inner ast.Expr
	var innerFrame *frame
	var wraps []*Middleware
	if hExpr != nil {
		inner, innerFrame, wraps = b.unwrapRouteHandler(f, hExpr)
	}
	args = append(args, wraps...)

	for _, m := range methods {
		r := &Route{
			Method: m,
			Call:   call,
			Pos:    b.routePos(f, call),
			Router: n.router,
			Static: spec.Static,
		}
		if inner != nil {
			r.Handler = inner
			r.HandlerName, r.HandlerFunc = b.handlerName(innerFrame, inner)
			r.HandlerSummary = b.handlerSummary(innerFrame, inner)
		}
		if spec.Static {
			r.HandlerName = "static files"
		}
		ev := &routeEvent{r: r, node: n, at: b.at(f, selPos(call)), rel: rel, relKnown: known, args: args}
		n.routes = append(n.routes, ev)
	}
}

func selPos(call *ast.CallExpr) token.Pos {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.Sel.Pos()
	}
	return call.Pos()
}

// stringList evaluates a []string literal of constants.
func (b *builder) stringList(e ast.Expr) []string {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := b.info.ObjectOf(id).(*types.Var); ok {
			if as, ok := b.sv.Assignments(v); ok && len(as) == 1 && as[0].RHS != nil {
				e = ast.Unparen(as[0].RHS)
			}
		}
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range lit.Elts {
		if s, ok := b.sv.String(el); ok {
			out = append(out, strings.ToUpper(s))
		} else {
			return nil
		}
	}
	return out
}

// muxOuterMethods reads .Methods("POST") chained after a gorilla/mux
// HandleFunc or Handle.
func (b *builder) muxOuterMethods(f *frame, call *ast.CallExpr) []string {
	var out []string
	for c, i := b.outer[call], 0; c != nil && i < 8; c, i = b.outer[c], i+1 {
		fn := typesx.Callee(b.info, c)
		if fn == nil || typeKey(typesx.Recv(fn)) != pkgMux+".Route" {
			break
		}
		if fn.Name() == "Methods" {
			for _, a := range c.Args {
				if s, ok := b.str(f, a); ok {
					out = append(out, strings.ToUpper(s))
				}
			}
		}
	}
	return out
}

// muxChain walks a gorilla/mux route-builder chain down to its router:
// r.PathPrefix("/api").Methods("POST").Subrouter().
type muxBuilt struct {
	base        *node
	path        string
	pathKnown   bool
	prefix      string
	prefixKnown bool
	methods     []string
	havePath    bool
	havePrefix  bool
}

func (b *builder) muxChain(f *frame, e ast.Expr) (mb muxBuilt) {
	mb.pathKnown, mb.prefixKnown = true, true
	for i := 0; i < 12; i++ {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return mb
		}
		fn := typesx.Callee(b.info, call)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if fn == nil || !ok {
			return mb
		}
		switch fn.Name() {
		case "Path":
			mb.havePath = true
			mb.path, mb.pathKnown = b.argString(f, call, 0)
		case "PathPrefix":
			mb.havePrefix = true
			mb.prefix, mb.prefixKnown = b.argString(f, call, 0)
		case "Methods":
			for _, a := range call.Args {
				if s, ok := b.str(f, a); ok {
					mb.methods = append(mb.methods, strings.ToUpper(s))
				}
			}
		case "HandleFunc", "Handle":
			return mb // a route, not a builder
		}
		if typeKey(typesx.Recv(fn)) == pkgMux+".Router" {
			mb.base = b.nodeOf(f, sel.X)
			return mb
		}
		e = sel.X
	}
	return mb
}

func (b *builder) argString(f *frame, call *ast.CallExpr, i int) (string, bool) {
	if i >= len(call.Args) {
		return unknownPart, false
	}
	s, ok := b.str(f, call.Args[i])
	if !ok {
		return unknownPart, false
	}
	return s, true
}

// muxRouteMethod handles the terminal calls of a gorilla/mux route
// builder: Handler and HandlerFunc register a route (or mount a router).
func (b *builder) muxRouteMethod(f *frame, call *ast.CallExpr, sel *ast.SelectorExpr, fn *types.Func) {
	if fn.Name() != "Handler" && fn.Name() != "HandlerFunc" {
		return
	}
	mb := b.muxChain(f, sel.X)
	if mb.base == nil || len(call.Args) == 0 {
		return
	}
	n := mb.base
	if f.shadow && !n.shadow {
		return
	}
	if mb.havePrefix && !mb.havePath {
		if sub, wraps, _ := b.unwrapHandler(f, call.Args[0], 0); sub != nil && sub.router != n.router {
			// mux matches the full path in the sub-router.
			b.attach(f, n, sub, call, "", true, wraps)
			return
		}
	}
	rel, known := mb.path, mb.pathKnown
	if mb.havePrefix {
		rel, known = joinPath(mb.prefix, mb.path), mb.prefixKnown && mb.pathKnown
	}
	methods := mb.methods
	if len(methods) == 0 {
		methods = []string{n.method}
	}
	inner, innerFrame, wraps := b.unwrapRouteHandler(f, call.Args[0])
	for _, m := range methods {
		r := &Route{Method: m, Call: call, Pos: b.routePos(f, call), Router: n.router, Mount: mb.havePrefix && !mb.havePath}
		r.Handler = inner
		r.HandlerName, r.HandlerFunc = b.handlerName(innerFrame, inner)
		r.HandlerSummary = b.handlerSummary(innerFrame, inner)
		n.routes = append(n.routes, &routeEvent{r: r, node: n, at: b.at(f, sel.Sel.Pos()), rel: rel, relKnown: known, args: wraps})
	}
}

// muxMount handles r.Handle("/api/", sub) on a gorilla/mux router.
func (b *builder) muxMount(f *frame, n *node, call *ast.CallExpr, name string) bool {
	if name != "Handle" || len(call.Args) < 2 {
		return false
	}
	sub, wraps, _ := b.unwrapHandler(f, call.Args[1], 0)
	if sub == nil || sub.router == n.router {
		return false
	}
	b.attach(f, n, sub, call, "", true, wraps)
	return true
}

// mount handles chi's and fiber's Mount(prefix, handler).
func (b *builder) mount(f *frame, n *node, call *ast.CallExpr, prefixE, h ast.Expr, join bool) {
	prefix, known := b.sv.String(prefixE)
	if !known {
		prefix = unknownPart
	}
	sub, wraps, _ := b.unwrapHandler(f, h, 0)
	if sub != nil && sub.router != n.router {
		if !join {
			prefix = ""
		}
		b.attach(f, n, sub, call, prefix, known, wraps)
		return
	}
	// A plain handler mounted under a prefix: a catch-all route.
	if f.shadow && !n.shadow {
		return
	}
	inner, innerFrame, w := b.unwrapRouteHandler(f, h)
	r := &Route{Call: call, Pos: selPos(call), Router: n.router, Mount: true}
	r.Handler = inner
	r.HandlerName, r.HandlerFunc = b.handlerName(innerFrame, inner)
	r.HandlerSummary = b.handlerSummary(innerFrame, inner)
	n.routes = append(n.routes, &routeEvent{r: r, node: n, at: b.at(f, selPos(call)), rel: mountPrefix(prefix) + "/", relKnown: known, args: w})
	n.router.Mounts++
}

// attach mounts the router of sub (its root) under parent.
func (b *builder) attach(f *frame, parent, sub *node, call *ast.CallExpr, prefix string, known bool, wraps []*Middleware) {
	root := sub
	for root.parent != nil && root.router == sub.router {
		if root.parent.router != sub.router {
			break
		}
		root = root.parent
	}
	if root.parent != nil || root == parent || b.isAncestor(root, parent) {
		return
	}
	root.parent = parent
	root.prefix = mountPrefix(prefix)
	root.prefixKnown = known
	root.mountMW = wraps
	root.created = b.at(f, selPos(call))
	if parent.kind == Gin || parent.kind == Echo || parent.kind == Fiber {
		root.snapshot = parent.kind != Fiber
	}
	parent.children = append(parent.children, root)
	sub.router.Parent = parent.router
	sub.router.MountPrefix = root.prefix
	parent.router.Mounts++
}

func (b *builder) isAncestor(a, n *node) bool {
	for i := 0; n != nil && i < 64; i++ {
		if n == a {
			return true
		}
		n = n.parent
	}
	return false
}

// serve records a server start serving the handler expression h (nil
// means http.DefaultServeMux).
func (b *builder) serve(f *frame, at ast.Node, h ast.Expr, via string, addr ast.Expr) {
	var n *node
	var wraps []*Middleware
	if h == nil || isNil(b.info, h) {
		n = b.defaultMuxNode()
	} else {
		n, wraps, _ = b.unwrapHandler(f, h, 0)
	}
	st := &ServerStart{Pos: at.Pos(), Via: via, Wrappers: wraps}
	if n != nil && !n.shadow {
		st.Router = n.router
		b.markServed(n, wraps, at.Pos(), addr)
	} else if n == nil && h != nil {
		b.noteServedParam(f, h)
	}
	if f.shadow {
		return
	}
	b.res.Starts = append(b.res.Starts, st)
}

// markServed records that a router is served, wrapped in wraps.
func (b *builder) markServed(n *node, wraps []*Middleware, pos token.Pos, addr ast.Expr) {
	r := n.router
	if !r.Served {
		r.root.mountMW = append(append([]*Middleware(nil), wraps...), r.root.mountMW...)
	}
	r.Served = true
	r.ServedAt = append(r.ServedAt, pos)
	a := "?"
	if addr != nil {
		if s, ok := b.sv.String(addr); ok {
			a = s
		}
	}
	r.Listen = append(r.Listen, a)
}

// noteServedParam records that the frame's function serves one of its
// parameters (a run(h http.Handler) helper).
func (b *builder) noteServedParam(f *frame, h ast.Expr) {
	if idx, wraps := b.paramOfHandler(f, h); idx >= 0 {
		for _, sp := range f.served {
			if sp.index == idx {
				return
			}
		}
		f.served = append(f.served, servedParam{idx, wraps})
	}
}

// paramOfHandler strips wrappers off a handler expression and returns the
// index of the parameter of f's function it is, or -1.
func (b *builder) paramOfHandler(f *frame, e ast.Expr) (int, []*Middleware) {
	fd, ok := f.decl.(*ast.FuncDecl)
	if !ok || f.fn == nil {
		return -1, nil
	}
	var wraps []*Middleware
	for i := 0; i < 8; i++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			v, ok := b.info.ObjectOf(x).(*types.Var)
			if !ok {
				return -1, nil
			}
			ps := f.fn.Signature().Params()
			for j := 0; j < ps.Len(); j++ {
				if ps.At(j) == v {
					return j, wraps
				}
			}
			if !(fd.Pos() <= v.Pos() && v.Pos() < fd.End()) {
				return -1, nil
			}
			rhs := b.assignedExpr(f, v, x.Pos())
			if rhs == nil {
				return -1, nil
			}
			if _, tuple := rhs.(*tupleExpr); tuple {
				return -1, nil
			}
			e = rhs
		case *ast.CallExpr:
			if typesx.IsConversion(b.info, x) {
				e = x.Args[0]
				continue
			}
			fn := typesx.Callee(b.info, x)
			idx := -1
			for j, a := range x.Args {
				if t := typesx.TypeOf(b.info, a); t != nil && b.isHandlerType(t) {
					idx = j
					break
				}
			}
			if idx < 0 {
				return -1, nil
			}
			wraps = append(wraps, b.wrapperMW(f, x, fn)...)
			e = x.Args[idx]
		default:
			return -1, nil
		}
	}
	return -1, nil
}

// servedParams returns the parameters a function of this package serves.
func (b *builder) servedParams(fn *types.Func) []servedParam {
	if b.hasRouterParam(fn) {
		if f := b.standalone[fn]; f != nil {
			return f.served
		}
		return nil // its router parameters are bound per call
	}
	if f := b.standaloneFrame(fn, false); f != nil {
		return f.served
	}
	return nil
}

// applyServed marks the routers handed to a function that serves them.
func (b *builder) applyServed(f *frame, call *ast.CallExpr, sps []servedParam, via string) {
	for _, sp := range sps {
		if sp.index >= len(call.Args) {
			continue
		}
		n, w, _ := b.unwrapHandler(f, call.Args[sp.index], 0)
		if n == nil || n.shadow {
			if n == nil {
				b.noteServedParam(f, call.Args[sp.index])
			}
			continue
		}
		b.markServed(n, append(append([]*Middleware(nil), sp.wraps...), w...), call.Pos(), nil)
		if !f.shadow {
			b.res.Starts = append(b.res.Starts, &ServerStart{Pos: call.Pos(), Via: via, Router: n.router, Wrappers: sp.wraps})
		}
	}
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// serverStart handles srv.ListenAndServe() on an *http.Server.
func (b *builder) serverStart(f *frame, call *ast.CallExpr, srv ast.Expr) {
	h, hf, found := b.serverHandler(f, srv, 0)
	if !found {
		if c, ok := ast.Unparen(srv).(*ast.CallExpr); ok {
			// NewServer(cfg, h).ListenAndServe(): a helper that puts its
			// parameter in the server it returns.
			if fn := typesx.Callee(b.info, c); fn != nil {
				if sp, ok := b.serverParam(fn); ok {
					b.applyServed(f, c, []servedParam{sp}, "(*http.Server)."+typesx.Callee(b.info, call).Name())
					return
				}
			}
		}
		b.res.Starts = append(b.res.Starts, &ServerStart{Pos: call.Pos(), Via: "(*http.Server)." + typesx.Callee(b.info, call).Name()})
		return
	}
	b.serve(hf, call, h, "(*http.Server)."+typesx.Callee(b.info, call).Name(), b.serverAddr(srv))
}

// serverHandler finds the Handler of an *http.Server expression: a
// literal, or a variable or field assigned one.
func (b *builder) serverHandler(f *frame, e ast.Expr, depth int) (ast.Expr, *frame, bool) {
	if depth > 6 {
		return nil, nil, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Handler" {
					return kv.Value, f, true
				}
			}
		}
		return nil, f, true // no Handler: the default mux
	case *ast.Ident, *ast.SelectorExpr:
		obj, _ := typesx.ObjectOf(b.info, x).(*types.Var)
		if obj == nil {
			return nil, nil, false
		}
		if bnd, ok := b.argOf(f, obj); ok {
			return b.serverHandler(bnd.f, bnd.e, depth+1)
		}
		// srv.Handler = h
		if h, hf, ok := b.handlerFieldWrite(f, obj); ok {
			return h, hf, true
		}
		if rhs := b.assignedExpr(f, obj, x.Pos()); rhs != nil {
			if _, tuple := rhs.(*tupleExpr); !tuple {
				return b.serverHandler(b.exprFrame(f, obj, rhs), rhs, depth+1)
			}
		}
	}
	return nil, nil, false
}

// handlerFieldWrite finds `v.Handler = h` in the function declaring v.
func (b *builder) handlerFieldWrite(f *frame, v *types.Var) (ast.Expr, *frame, bool) {
	if f.body == nil {
		return nil, nil, false
	}
	var out ast.Expr
	ast.Inspect(f.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || out != nil {
			return out == nil
		}
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Handler" || i >= len(as.Rhs) {
				continue
			}
			if typesx.ObjectOf(b.info, sel.X) == types.Object(v) {
				out = as.Rhs[i]
			}
		}
		return true
	})
	return out, f, out != nil
}

// compositeLit handles http.Server{Handler: h} and routers stored in
// struct literals.
func (b *builder) compositeLit(f *frame, lit *ast.CompositeLit) {
	t := typesx.TypeOf(b.info, lit)
	if t == nil {
		return
	}
	if typesx.TypeIs(t, pkgHTTP, "Server") {
		// Served by its ListenAndServe; a literal whose start we do not
		// see (returned, stored) still serves its handler.
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Handler" {
					n, wraps, _ := b.unwrapHandler(f, kv.Value, 0)
					if n != nil && !n.shadow {
						b.markServed(n, wraps, lit.Pos(), litField(lit, "Addr"))
					} else if n == nil {
						b.noteServedParam(f, kv.Value)
					}
				}
			}
		}
		return
	}
	if typesx.TypeIs(t, pkgFiber, "Config") {
		return
	}
	// Routers stored in a struct: they escape unless the package serves
	// them itself.
	for _, el := range lit.Elts {
		v := el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			v = kv.Value
		}
		if vt := typesx.TypeOf(b.info, v); vt != nil && RouterKind(vt) != "" {
			if n := b.nodeOf(f, v); n != nil && !n.shadow && n.parent == nil {
				n.router.Escapes = true
			}
		}
	}
}

// assign handles stores of routers into fields and package variables,
// echo's Renderer and http.Server's Handler.
func (b *builder) assign(f *frame, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if ok && sel.Sel.Name == "Renderer" {
			if n := b.nodeOf(f, sel.X); n != nil && n.kind == Echo {
				n.router.HTML = true
			}
			continue
		}
		rt := typesx.TypeOf(b.info, as.Rhs[i])
		if rt == nil || RouterKind(rt) == "" {
			continue
		}
		obj, _ := typesx.ObjectOf(b.info, l).(*types.Var)
		if obj == nil || !(obj.IsField() || obj.Parent() == b.pass.Pkg.Scope()) {
			continue
		}
		if n := b.nodeOf(f, as.Rhs[i]); n != nil && !n.shadow && n.parent == nil {
			n.router.Escapes = true
		}
	}
}

// ret marks routers returned from exported functions as escaping.
func (b *builder) ret(f *frame, rs *ast.ReturnStmt) {
	if f.fn == nil || !f.fn.Exported() || f.decl == nil {
		return
	}
	if _, isDecl := f.decl.(*ast.FuncDecl); !isDecl || f.shadow {
		return
	}
	if b.enclosingFunc(rs) != f.decl {
		return
	}
	for _, e := range rs.Results {
		t := typesx.TypeOf(b.info, e)
		if t == nil {
			continue
		}
		if RouterKind(t) == "" && !b.isHandlerType(t) {
			continue
		}
		if n, _, _ := b.unwrapHandler(f, e, 0); n != nil && !n.shadow && n.param == nil {
			if b.pass.Pkg.Name() == "main" {
				n.router.Escapes = true // nobody imports a main package
			} else {
				n.router.Returned = true
			}
		}
	}
}

// enclosingFunc returns the innermost function (FuncDecl or FuncLit) of a
// node that lies in a FuncDecl.
func (b *builder) enclosingFunc(n ast.Node) ast.Node {
	fd := b.funcDeclAt(n.Pos())
	if fd == nil {
		return nil
	}
	var out ast.Node = fd
	ast.Inspect(fd.Body, func(x ast.Node) bool {
		if x == nil {
			return false
		}
		if x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		if lit, ok := x.(*ast.FuncLit); ok {
			out = lit
		}
		return true
	})
	return out
}

func (b *builder) funcDeclAt(pos token.Pos) *ast.FuncDecl {
	i := sort.Search(len(b.funcs), func(i int) bool { return b.funcs[i].End() > pos })
	if i < len(b.funcs) && b.funcs[i].Pos() <= pos {
		return b.funcs[i]
	}
	return nil
}

// argOf returns the caller's expression bound to a parameter.
func (b *builder) argOf(f *frame, v *types.Var) (argBinding, bool) {
	for c := f; c != nil; c = c.lex {
		if bnd, ok := c.args[v]; ok {
			return bnd, true
		}
	}
	return argBinding{}, false
}

func (b *builder) paramNode(f *frame, v *types.Var) (*node, bool) {
	for c := f; c != nil; c = c.lex {
		if n, ok := c.params[v]; ok {
			return n, true
		}
	}
	return nil, false
}

// frameOfVar returns the frame, among f and its lexical parents, whose
// function declares v.
func (b *builder) frameOfVar(f *frame, v *types.Var) *frame {
	for c := f; c != nil; c = c.lex {
		if c.decl != nil && c.decl.Pos() <= v.Pos() && v.Pos() < c.decl.End() {
			return c
		}
	}
	return nil
}

// tupleExpr stands for result Index of a multi-value call.
type tupleExpr struct {
	ast.Expr
	Index int
}

// frameAt returns the standalone frame of the function containing pos, or
// the package frame for package-level initialisers.
func (b *builder) frameAt(pos token.Pos) *frame {
	fd := b.funcDeclAt(pos)
	if fd == nil {
		return b.pkgFrame
	}
	fn, _ := b.info.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	if f := b.standalone[fn]; f != nil {
		return f
	}
	if !b.hasRouterParam(fn) {
		return b.standaloneFrame(fn, false)
	}
	return b.firstFrame[fn]
}

// nodeOf resolves an expression to the router node it denotes.
func (b *builder) nodeOf(f *frame, e ast.Expr) *node {
	if e == nil || f == nil {
		return nil
	}
	if te, ok := e.(*tupleExpr); ok {
		call, ok := ast.Unparen(te.Expr).(*ast.CallExpr)
		if !ok {
			return nil
		}
		return b.callResultNode(f, call, te.Index)
	}
	e = ast.Unparen(e)
	key := nodeKey{e, f.id}
	if n, ok := b.nodes[key]; ok {
		return n
	}
	if b.busy[key] || len(b.busy) > maxResolve*8 {
		return nil
	}
	b.busy[key] = true
	n := b.resolve(f, e)
	delete(b.busy, key)
	b.nodes[key] = n
	return n
}

func (b *builder) resolve(f *frame, e ast.Expr) *node {
	switch x := e.(type) {
	case *ast.StarExpr:
		return b.nodeOf(f, x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return b.nodeOf(f, x.X)
		}
	case *ast.TypeAssertExpr:
		return b.nodeOf(f, x.X)
	case *ast.Ident:
		v, ok := b.info.ObjectOf(x).(*types.Var)
		if !ok {
			return nil
		}
		if n, ok := b.paramNode(f, v); ok {
			return n
		}
		if bnd, ok := b.argOf(f, v); ok {
			return b.nodeOf(bnd.f, bnd.e)
		}
		if v.Parent() == b.pass.Pkg.Scope() {
			return b.globalNode(v)
		}
		rhs := b.assignedExpr(f, v, x.Pos())
		if rhs == nil {
			return nil
		}
		return b.nodeOf(b.exprFrame(f, v, rhs), rhs)
	case *ast.SelectorExpr:
		if obj, ok := b.info.Uses[x.Sel].(*types.Var); ok {
			if obj.Pkg() != nil && obj.Pkg().Path() == pkgHTTP && obj.Name() == "DefaultServeMux" {
				return b.defaultMuxNode()
			}
			if sel, ok := b.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
				return b.globalNode(obj)
			}
			if obj.Pkg() == b.pass.Pkg {
				return b.globalNode(obj)
			}
		}
	case *ast.CallExpr:
		if typesx.IsConversion(b.info, x) {
			return b.nodeOf(f, x.Args[0])
		}
		return b.callResultNode(f, x, 0)
	}
	return nil
}

// globalNode resolves a package variable or a field through its
// assignments anywhere in the package.
func (b *builder) globalNode(v *types.Var) *node {
	if v.Pkg() != b.pass.Pkg {
		return nil
	}
	if n, ok := b.globals[v]; ok {
		return n
	}
	b.globals[v] = nil
	var n *node
	if rhs := b.assignedExpr(b.pkgFrame, v, token.NoPos); rhs != nil {
		n = b.nodeOf(b.exprFrame(b.pkgFrame, v, rhs), rhs)
	}
	b.globals[v] = n
	return n
}

// callResultNode resolves the router a call returns.
func (b *builder) callResultNode(f *frame, call *ast.CallExpr, index int) *node {
	fn := typesx.Callee(b.info, call)
	if fn == nil {
		return nil
	}
	key := typesx.FuncKey(fn)
	if k, ok := constructors[key]; ok && index == 0 {
		n := b.newRoot(k, call, f, call.Pos())
		n.router.Display = typesx.FuncDisplay(fn) + "()"
		for _, d := range defaultMiddleware[key] {
			n.uses = append(n.uses, useEvent{mws: []*Middleware{libMiddleware(d, call.Pos())}, at: n.created})
		}
		if k == Fiber && len(call.Args) > 0 && b.fiberViews(call.Args[0]) {
			n.router.HTML = true
		}
		return n
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if recv := typesx.Recv(fn); recv != nil && isSel {
		rk := typeKey(recv)
		if k := routerTypes[rk]; k != "" {
			name := fn.Name()
			if g, ok := groupMethods[k][name]; ok {
				parent := b.receiver(f, sel)
				if parent == nil {
					return nil
				}
				return b.group(f, parent, call, g, name)
			}
			if sameRouterMethods[k][name] || (k == Gin && name == "Handler") {
				return b.receiver(f, sel)
			}
			return nil
		}
		if rk == pkgMux+".Route" && fn.Name() == "Subrouter" {
			mb := b.muxChain(f, sel.X)
			if mb.base == nil {
				return nil
			}
			n := b.newChild(mb.base, f, sel.Sel.Pos())
			switch {
			case mb.havePrefix:
				n.prefix, n.prefixKnown = mb.prefix, mb.prefixKnown
			case mb.havePath:
				n.prefix, n.prefixKnown = mb.path, mb.pathKnown
			}
			if len(mb.methods) == 1 {
				n.method = mb.methods[0]
			}
			return n
		}
	}
	if fn.Pkg() == b.pass.Pkg {
		fd := b.decls[fn]
		if fd == nil {
			return nil
		}
		var g *frame
		if b.hasRouterParam(fn) {
			g = b.callFrame(f, call, fn)
		} else {
			g = b.standaloneFrame(fn, false)
		}
		if g == nil {
			return nil
		}
		// Only a router returned as is: a wrapped one is a handler, which
		// unwrapHandler follows with its wrappers.
		for _, e := range b.returnExprs(fd, index) {
			if n := b.nodeOf(g, e); n != nil {
				return n
			}
		}
		return nil
	}
	if isModule(b.pass, fn) {
		return b.importReturn(f, call, fn)
	}
	return nil
}

// group creates the node of a group, chi With/Group/Route, or fiber Route.
func (b *builder) group(f *frame, parent *node, call *ast.CallExpr, g groupSpec, name string) *node {
	n := b.newChild(parent, f, selPos(call))
	if g.PathArg >= 0 && g.PathArg < len(call.Args) {
		s, ok := b.sv.String(call.Args[g.PathArg])
		if !ok {
			s = unknownPart
		}
		n.prefix, n.prefixKnown = s, ok
	}
	if parent.kind == Chi {
		n.ordered, n.snapshot = false, false
	}
	if parent.kind == Echo && name == "Host" {
		n.prefix = ""
	}
	if g.MWFrom >= 0 {
		for i := g.MWFrom; i < len(call.Args); i++ {
			if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
				n.args = append(n.args, b.middlewareList(f, call.Args[i])...)
			} else {
				n.args = append(n.args, b.middleware(f, call.Args[i])...)
			}
		}
	}
	return n
}

// fiberViews reports whether a fiber.Config literal sets Views.
func (b *builder) fiberViews(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Views" {
				return true
			}
		}
	}
	return false
}

// returnExprs lists result index of every return statement of a
// function declaration (not of nested literals).
func (b *builder) returnExprs(fd *ast.FuncDecl, index int) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if index < len(n.Results) {
				out = append(out, n.Results[index])
			}
		}
		return true
	})
	return out
}

// unwrapHandler resolves a handler expression to the router it serves,
// collecting the middleware wrapped around it (outermost first). strip is
// set when an http.StripPrefix lies on the way.
func (b *builder) unwrapHandler(f *frame, e ast.Expr, depth int) (n *node, wraps []*Middleware, strip bool) {
	if e == nil || f == nil || depth > 12 {
		return nil, nil, false
	}
	if x, g, ok := b.tableField(f, e); ok {
		return b.unwrapHandler(g, x, depth+1)
	}
	if n := b.nodeOf(f, e); n != nil {
		return n, nil, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := typesx.ObjectOf(b.info, x).(*types.Var)
		if !ok {
			return nil, nil, false
		}
		if bnd, ok := b.argOf(f, v); ok {
			return b.unwrapHandler(bnd.f, bnd.e, depth+1)
		}
		rhs := b.assignedExpr(f, v, x.Pos())
		if rhs == nil {
			return nil, nil, false
		}
		if _, isTuple := rhs.(*tupleExpr); isTuple {
			return nil, nil, false
		}
		return b.unwrapHandler(b.exprFrame(f, v, rhs), rhs, depth+1)
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && x.Op == token.AND {
			return b.unwrapLit(f, lit, depth)
		}
	case *ast.CompositeLit:
		return b.unwrapLit(f, x, depth)
	case *ast.CallExpr:
		if typesx.IsConversion(b.info, x) {
			return b.unwrapHandler(f, x.Args[0], depth+1)
		}
		fn := typesx.Callee(b.info, x)
		// alice.New(...).Then(h)
		if fn != nil && typeKey(typesx.Recv(fn)) == pkgAlice+".Chain" && (fn.Name() == "Then" || fn.Name() == "ThenFunc") && len(x.Args) == 1 {
			sel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			n, w, s := b.unwrapHandler(f, x.Args[0], depth+1)
			if n == nil {
				return nil, nil, false
			}
			return n, append(b.aliceChain(f, sel.X, 0), w...), s
		}
		// A wrapper: a call with a handler argument that resolves.
		for i, a := range x.Args {
			t := typesx.TypeOf(b.info, a)
			if t == nil || !(b.isHandlerType(t) || RouterKind(t) != "") {
				continue
			}
			n, w, s := b.unwrapHandler(f, a, depth+1)
			if n == nil {
				continue
			}
			if fn != nil && typesx.FuncKey(fn) == pkgHTTP+".StripPrefix" {
				return n, w, true
			}
			mine := b.wrapperMW(f, x, fn)
			var others []*Middleware
			for j, o := range x.Args {
				if j == i {
					continue
				}
				if ot := typesx.TypeOf(b.info, o); ot != nil && (b.isMiddlewareType(ot) || b.middlewareSlice(ot)) {
					if x.Ellipsis.IsValid() && j == len(x.Args)-1 {
						others = append(others, b.middlewareList(f, o)...)
					} else {
						others = append(others, b.middleware(f, o)...)
					}
				}
			}
			out := append([]*Middleware{}, mine...)
			out = append(out, others...)
			return n, append(out, w...), s
		}
		// A module function returning a (wrapped) router.
		if fn != nil && fn.Pkg() == b.pass.Pkg && b.decls[fn] != nil {
			var g *frame
			if b.hasRouterParam(fn) {
				g = b.callFrame(f, x, fn)
			} else {
				g = b.standaloneFrame(fn, false)
			}
			for _, r := range b.returnExprs(b.decls[fn], 0) {
				if n, w, s := b.unwrapHandler(g, r, depth+1); n != nil {
					return n, w, s
				}
			}
		}
	}
	return nil, nil, false
}

// unwrapLit resolves a wrapper struct of the module, &limiter{next: mux},
// whose ServeHTTP runs before the handler in one of its fields.
func (b *builder) unwrapLit(f *frame, lit *ast.CompositeLit, depth int) (*node, []*Middleware, bool) {
	if b.serveHTTP(typesx.TypeOf(b.info, lit)) == nil {
		return nil, nil, false
	}
	for _, el := range lit.Elts {
		v := el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			v = kv.Value
		}
		t := typesx.TypeOf(b.info, v)
		if t == nil || !(b.isHandlerType(t) || RouterKind(t) != "") {
			continue
		}
		if n, w, s := b.unwrapHandler(f, v, depth+1); n != nil {
			return n, append(b.middleware(f, lit), w...), s
		}
	}
	return nil, nil, false
}

// unwrapRouteHandler strips wrappers off a route's handler: limit(h),
// http.HandlerFunc(h), alice.New(m).ThenFunc(h), a local variable holding
// such an expression.
func (b *builder) unwrapRouteHandler(f *frame, e ast.Expr) (ast.Expr, *frame, []*Middleware) {
	var wraps []*Middleware
	for i := 0; i < 8; i++ {
		e = ast.Unparen(e)
		if x, g, ok := b.tableField(f, e); ok {
			e, f = x, g
			continue
		}
		switch x := e.(type) {
		case *ast.Ident:
			v, ok := b.info.ObjectOf(x).(*types.Var)
			if !ok {
				return e, f, wraps
			}
			if bnd, ok := b.argOf(f, v); ok {
				e, f = bnd.e, bnd.f
				continue
			}
			if b.frameOfVar(f, v) == nil {
				return e, f, wraps
			}
			rhs := b.assignedExpr(f, v, x.Pos())
			if rhs == nil {
				return e, f, wraps
			}
			if _, isTuple := rhs.(*tupleExpr); isTuple {
				return e, f, wraps
			}
			e, f = rhs, b.exprFrame(f, v, rhs)
			continue
		case *ast.CallExpr:
			if typesx.IsConversion(b.info, x) {
				e = x.Args[0]
				continue
			}
			fn := typesx.Callee(b.info, x)
			if fn != nil && typeKey(typesx.Recv(fn)) == pkgAlice+".Chain" && (fn.Name() == "Then" || fn.Name() == "ThenFunc") && len(x.Args) == 1 {
				sel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
				wraps = append(wraps, b.aliceChain(f, sel.X, 0)...)
				e = x.Args[0]
				continue
			}
			rt := typesx.TypeOf(b.info, x)
			if rt == nil || !b.isHandlerType(rt) {
				return e, f, wraps
			}
			idx := -1
			for j, a := range x.Args {
				if t := typesx.TypeOf(b.info, a); t != nil && b.isHandlerType(t) {
					idx = j
					break
				}
			}
			if idx < 0 {
				return e, f, wraps // a handler factory: h.Login(db)
			}
			wraps = append(wraps, b.wrapperMW(f, x, fn)...)
			for j, o := range x.Args {
				if j == idx {
					continue
				}
				if ot := typesx.TypeOf(b.info, o); ot != nil && b.isMiddlewareType(ot) && !b.isHandlerType(ot) {
					wraps = append(wraps, b.middleware(f, o)...)
				} else if x.Ellipsis.IsValid() && j == len(x.Args)-1 && b.middlewareSlice(ot) {
					// Chain(h, chain...): every middleware the slice can hold
					wraps = append(wraps, b.middlewareList(f, o)...)
				}
			}
			e = x.Args[idx]
			continue
		}
		return e, f, wraps
	}
	return e, f, wraps
}

// aliceChain lists the constructors of an alice.Chain expression.
func (b *builder) aliceChain(f *frame, e ast.Expr, depth int) []*Middleware {
	if depth > 8 {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(b.info, x)
		if fn == nil {
			return nil
		}
		switch typesx.FuncKey(fn) {
		case pkgAlice + ".New":
			return b.mwArgs(f, x, 0)
		case pkgAlice + ".Chain.Append":
			sel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			return append(b.aliceChain(f, sel.X, depth+1), b.mwArgs(f, x, 0)...)
		case pkgAlice + ".Chain.Extend":
			sel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if len(x.Args) == 1 {
				return append(b.aliceChain(f, sel.X, depth+1), b.aliceChain(f, x.Args[0], depth+1)...)
			}
		}
		if fn.Pkg() == b.pass.Pkg && b.decls[fn] != nil {
			for _, r := range b.returnExprs(b.decls[fn], 0) {
				return b.aliceChain(b.frameFor(fn), r, depth+1)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := typesx.ObjectOf(b.info, x).(*types.Var)
		if !ok {
			return nil
		}
		if rhs := b.assignedExpr(f, v, x.Pos()); rhs != nil {
			if _, isTuple := rhs.(*tupleExpr); !isTuple {
				return b.aliceChain(b.exprFrame(f, v, rhs), rhs, depth+1)
			}
		}
	}
	return nil
}

func (b *builder) frameFor(fn *types.Func) *frame {
	if f := b.standalone[fn]; f != nil {
		return f
	}
	return b.pkgFrame
}

func (b *builder) mwArgs(f *frame, call *ast.CallExpr, from int) []*Middleware {
	var out []*Middleware
	for i := from; i < len(call.Args); i++ {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			out = append(out, b.middlewareList(f, call.Args[i])...)
		} else {
			out = append(out, b.middleware(f, call.Args[i])...)
		}
	}
	return out
}

// isHandlerType reports whether t is a handler: http.Handler and friends,
// a framework handler func type, or a type with a ServeHTTP method.
func (b *builder) isHandlerType(t types.Type) bool {
	if t == nil {
		return false
	}
	if handlerTypes[typeKey(t)] {
		return true
	}
	if sig, ok := types.Unalias(t).Underlying().(*types.Signature); ok {
		ps := sig.Params()
		if ps.Len() == 2 && typesx.TypeIs(ps.At(0).Type(), pkgHTTP, "ResponseWriter") && typesx.TypeIs(ps.At(1).Type(), pkgHTTP, "Request") {
			return true
		}
		if ps.Len() == 3 && typesx.TypeIs(ps.At(0).Type(), pkgHTTP, "ResponseWriter") && typeKey(ps.At(2).Type()) == pkgHTTPRouter+".Params" {
			return true
		}
		if ps.Len() == 1 {
			switch typeKey(ps.At(0).Type()) {
			case pkgGin + ".Context", pkgEcho + ".Context", pkgFiber + ".Ctx":
				return true
			}
		}
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, isFunc := obj.(*types.Func)
	return isFunc
}

// isMiddlewareType reports whether t is a middleware: a named middleware
// type or func(http.Handler) http.Handler and its framework cousins.
func (b *builder) isMiddlewareType(t types.Type) bool {
	if t == nil {
		return false
	}
	if middlewareTypes[typeKey(t)] {
		return true
	}
	sig, ok := types.Unalias(t).Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	return b.isHandlerType(sig.Params().At(0).Type()) && b.isHandlerType(sig.Results().At(0).Type())
}

// middlewareSlice reports a slice of middleware: the spread argument of a
// Chain(h, mws...) helper.
func (b *builder) middlewareSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	sl, ok := t.Underlying().(*types.Slice)
	return ok && b.isMiddlewareType(sl.Elem())
}

// handlerName names a route's handler for messages, with the function it
// denotes.
func (b *builder) handlerName(f *frame, e ast.Expr) (string, *types.Func) {
	if e == nil {
		return "", nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := typesx.ObjectOf(b.info, x).(*types.Func); ok {
			return typesx.ExprName(x), fn
		}
		return typesx.ExprName(x), nil
	case *ast.CallExpr:
		fn := typesx.Callee(b.info, x)
		return typesx.ExprName(x), fn
	case *ast.FuncLit:
		return "func literal", nil
	}
	return typesx.ExprName(e), nil
}

// handlerSummary is what a route's handler does itself.
func (b *builder) handlerSummary(f *frame, e ast.Expr) Summary {
	if e == nil {
		return Summary{}
	}
	var s Summary
	for _, m := range b.middleware(f, e) {
		s.Caps |= m.Caps
		s.Headers = mergeHeaders(s.Headers, m.Headers)
		s.AnyHeader = s.AnyHeader || m.AnyHeader
		s.Creds |= m.Creds
		s.Reads = appendReads(s.Reads, m.Reads...)
		s.Unsafe = s.Unsafe || m.Unsafe
	}
	return s
}

func isModule(pass *analysis.Pass, fn *types.Func) bool {
	return fn != nil && isModulePkg(pass, fn.Pkg())
}

// isModulePkg reports whether pkg belongs to the module under analysis
// (facts exist only for those packages).
func isModulePkg(pass *analysis.Pass, pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if pkg == pass.Pkg {
		return true
	}
	if pass.Module != nil && pass.Module.Path != "" {
		p := pkg.Path()
		return p == pass.Module.Path || strings.HasPrefix(p, pass.Module.Path+"/")
	}
	// No module information (nogo, GOPATH): not the standard library.
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return strings.Contains(first, ".")
}

// constString returns a constant string value of e.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func (b *builder) hasHandlerParam(fn *types.Func) bool {
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		if b.isHandlerType(ps.At(i).Type()) {
			return true
		}
	}
	return false
}

// serverParam reports the parameter a function puts in the Handler of the
// *http.Server it returns: from its body here, from a RouterFact elsewhere.
func (b *builder) serverParam(fn *types.Func) (servedParam, bool) {
	if fn.Pkg() != b.pass.Pkg {
		if rf := b.importRouterFact(fn); rf != nil && rf.Server != nil {
			return servedParam{rf.Server.Index, fromMWFacts(rf.Server.Wrappers)}, true
		}
		return servedParam{}, false
	}
	fd := b.decls[fn]
	res := fn.Signature().Results()
	if fd == nil || res.Len() == 0 || !typesx.TypeIs(res.At(0).Type(), pkgHTTP, "Server") {
		return servedParam{}, false
	}
	f := b.frameFor(fn)
	if f == nil || f.decl != ast.Node(fd) {
		return servedParam{}, false
	}
	for _, r := range b.returnExprs(fd, 0) {
		h, hf, found := b.serverHandler(f, r, 0)
		if !found || h == nil || hf != f {
			continue
		}
		if idx, wraps := b.paramOfHandler(f, h); idx >= 0 {
			return servedParam{idx, wraps}, true
		}
	}
	return servedParam{}, false
}

// routerArg reports whether a call passes a router.
func (b *builder) routerArg(f *frame, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if t := typesx.TypeOf(b.info, a); t != nil && RouterKind(t) != "" {
			return true
		}
	}
	return false
}

// concreteMethods lists the methods named name of the concrete types an
// interface-typed expression can hold: values assigned to a variable, the
// elements of a slice literal ranged over.
func (b *builder) concreteMethods(f *frame, e ast.Expr, name string, depth int) []*types.Func {
	if depth > 3 {
		return nil
	}
	e = ast.Unparen(e)
	t := typesx.TypeOf(b.info, e)
	if t == nil {
		return nil
	}
	if !types.IsInterface(t) {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
		if m, ok := obj.(*types.Func); ok {
			return []*types.Func{m}
		}
		return nil
	}
	v, ok := typesx.ObjectOf(b.info, e).(*types.Var)
	if !ok {
		return nil
	}
	if bnd, ok := b.argOf(f, v); ok {
		return b.concreteMethods(bnd.f, bnd.e, name, depth+1)
	}
	as, _ := b.sv.Assignments(v)
	var out []*types.Func
	for _, a := range as {
		if a.RHS == nil {
			continue
		}
		switch a.Kind {
		case strval.Plain:
			out = append(out, b.concreteMethods(f, a.RHS, name, depth+1)...)
		case strval.Range:
			if a.Index == 1 {
				for _, el := range b.elements(a.RHS, 0) {
					out = append(out, b.concreteMethods(f, el, name, depth+1)...)
				}
			}
		}
	}
	return out
}

// elements lists the elements of a slice or array literal, directly or
// through a variable assigned one.
func (b *builder) elements(e ast.Expr, depth int) []ast.Expr {
	if depth > 3 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var out []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, el)
		}
		return out
	case *ast.Ident:
		v, ok := b.info.ObjectOf(x).(*types.Var)
		if !ok {
			return nil
		}
		as, _ := b.sv.Assignments(v)
		var out []ast.Expr
		for _, a := range as {
			if a.RHS != nil && a.Kind == strval.Plain {
				out = append(out, b.elements(a.RHS, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// litField returns the value of a field of a struct literal, or nil.
func litField(lit *ast.CompositeLit, name string) ast.Expr {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// serverAddr finds the Addr of an *http.Server literal behind e.
func (b *builder) serverAddr(e ast.Expr) ast.Expr {
	for i := 0; i < 4; i++ {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			return litField(x, "Addr")
		case *ast.Ident:
			v, ok := b.info.ObjectOf(x).(*types.Var)
			if !ok {
				return nil
			}
			rhs := b.assignedExpr(b.pkgFrame, v, x.Pos())
			if rhs == nil {
				return nil
			}
			if _, tuple := rhs.(*tupleExpr); tuple {
				return nil
			}
			e = rhs
		default:
			return nil
		}
	}
	return nil
}
