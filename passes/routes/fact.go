package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
)

// Bounds on fact sizes.
const (
	maxFactRoutes = 200
	maxFactUses   = 50
)

// MiddlewareFact records what an exported function or method of the
// module does as a middleware or handler: its capabilities (a rate limiter,
// security headers, CSRF, CORS, ...) and the response headers it sets.
type MiddlewareFact struct {
	Caps      uint32
	AnyHeader bool
	// Strong is set when rate limiting is proven by a limiter call or a
	// counter, which then carries over to callers.
	Strong  bool
	Headers []HeaderFact
	// Creds and Reads are Summary's: where the function reads credentials
	// from, and where it (or a helper) reads the request body unbounded.
	Creds  uint8
	Reads  []ReadFact
	Unsafe bool
}

// ReadFact is a Read in a fact: where it is, for the package that judges
// the route to report it on its own line.
type ReadFact struct {
	Origin OriginFact
	What   string
	Func   string
	Memory int64
}

// CookieFact is a package fact: the package sets a session cookie or
// builds a session store (Sets, see Result.SessionCookieSet), with
// SameSite=Lax or Strict (SameSite, see Result.SameSite).
type CookieFact struct {
	SameSite bool
	Sets     bool
	// Lax are the session cookies set by a constant name SameSite=Lax or
	// Strict (or left to a framework whose default is Lax); Loose those
	// set only without. Both sorted.
	Lax, Loose []string
}

// cookieFactNames splits a name → lax map into CookieFact's sorted lists.
func cookieFactNames(m map[string]bool) (lax, loose []string) {
	for n, l := range m {
		if l {
			lax = append(lax, n)
		} else {
			loose = append(loose, n)
		}
	}
	sort.Strings(lax)
	sort.Strings(loose)
	return lax, loose
}

// AFact marks CookieFact as a fact.
func (*CookieFact) AFact() {}

func (f *CookieFact) String() string {
	s := "cookies"
	if f.Sets {
		s += " sets-session"
	}
	if f.SameSite {
		s += " samesite"
	}
	var names []string
	for _, n := range f.Lax {
		names = append(names, n+"=lax")
	}
	names = append(names, f.Loose...)
	if len(names) > 0 {
		sort.Strings(names)
		s += " names[" + strings.Join(names, ",") + "]"
	}
	return s
}

// HeaderFact is a Header in a fact.
type HeaderFact struct {
	Name, Value string
	Known       bool
}

// AFact marks MiddlewareFact as a fact.
func (*MiddlewareFact) AFact() {}

func (f *MiddlewareFact) String() string {
	s := "middleware"
	if f.Caps != 0 || (len(f.Headers) == 0 && f.Creds == 0 && len(f.Reads) == 0 && !f.AnyHeader && !f.Unsafe) {
		s += " " + Caps(f.Caps).String()
	}
	if f.Strong {
		s += " strong"
	}
	if f.AnyHeader {
		s += " any-header"
	}
	if len(f.Headers) > 0 {
		var hs []string
		for _, h := range f.Headers {
			if h.Known {
				hs = append(hs, h.Name+": "+h.Value)
			} else {
				hs = append(hs, h.Name)
			}
		}
		s += " headers[" + strings.Join(hs, "; ") + "]"
	}
	if f.Creds != 0 {
		s += " creds[" + Creds(f.Creds).String() + "]"
	}
	if len(f.Reads) > 0 {
		s += " reads[" + readFactsString(f.Reads) + "]"
	}
	if f.Unsafe {
		s += " unsafe-methods"
	}
	return s
}

func readFactsString(rs []ReadFact) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s@%s:%d", r.What, filepath.Base(r.Origin.File), r.Origin.Line))
	}
	return strings.Join(out, "; ")
}

// RouterFact records, for an exported function of the module, the routes
// and middleware it adds to a router it receives (Params) and the router it
// returns (Returns).
type RouterFact struct {
	Params  []ParamFact
	Returns *ReturnFact
	// Server is set when the function returns an *http.Server whose
	// Handler is one of its parameters.
	Server *ServeFact
	// Default are the routes the function registers on
	// http.DefaultServeMux (http.HandleFunc in a Register function).
	Default []RouteFact
}

// ServeFact is a parameter a function serves, with the middleware it
// wraps around it.
type ServeFact struct {
	Index    int
	Wrappers []MWFact
}

// ParamFact is what a function does to the router in parameter Index.
type ParamFact struct {
	Index  int
	Uses   []UseFact
	Routes []RouteFact
	Serves bool
	// Wrappers are the middleware the function wraps around the router
	// it serves.
	Wrappers []MWFact
}

// ReturnFact describes a router a function builds and returns (or, with
// Param >= 0, returns the router it received in that parameter).
type ReturnFact struct {
	Origin   OriginFact
	Param    int
	Kind     string
	Display  string
	Uses     []UseFact
	Routes   []RouteFact
	Wrappers []MWFact
	HTML     bool
}

// UseFact is a Use call; Seq orders it among the function's events.
type UseFact struct {
	Seq    int
	Prefix string
	MW     []MWFact
}

// OriginFact locates a registration or a constructor call for the
// package that reports on it (see Origin).
type OriginFact struct {
	File      string
	Line      int
	Deferred  bool
	Generated bool
	Ignore    []string
}

// RouteFact is a route relative to the router the function receives or
// returns: Below is the middleware between that router and the route.
type RouteFact struct {
	Origin      OriginFact
	Seq         int
	Method      string
	Path        string
	PathKnown   bool
	Handler     string
	HandlerCaps uint32
	Headers     []HeaderFact
	AnyHeader   bool
	Below       []MWFact
	Static      bool
	// Creds, Reads and Unsafe are the handler's (Summary).
	Creds  uint8
	Reads  []ReadFact
	Unsafe bool
}

// MWFact is a Middleware in a fact.
type MWFact struct {
	AnyHeader bool
	Name      string
	Caps      uint32
	Headers   []HeaderFact
	Opaque    bool
	Unknown   bool
	Creds     uint8
}

// AFact marks RouterFact as a fact.
func (*RouterFact) AFact() {}

func (f *RouterFact) String() string {
	var parts []string
	for _, p := range f.Params {
		s := fmt.Sprintf("param %d:", p.Index)
		for _, u := range p.Uses {
			s += " use(" + mwFactNames(u.MW) + ")"
		}
		for _, r := range p.Routes {
			s += " " + routeFactString(r)
		}
		if p.Serves {
			s += " serves"
			if len(p.Wrappers) > 0 {
				s += "(" + mwFactNames(p.Wrappers) + ")"
			}
		}
		parts = append(parts, s)
	}
	if r := f.Returns; r != nil {
		s := "returns"
		if r.Param >= 0 {
			s += fmt.Sprintf(" param %d", r.Param)
		} else {
			s += " " + r.Kind
			if r.Origin.Deferred {
				s += " deferred"
			}
			for _, u := range r.Uses {
				s += " use(" + mwFactNames(u.MW) + ")"
			}
			for _, rt := range r.Routes {
				s += " " + routeFactString(rt)
			}
		}
		parts = append(parts, s)
	}
	if f.Server != nil {
		parts = append(parts, fmt.Sprintf("server handler param %d", f.Server.Index))
	}
	if len(f.Default) > 0 {
		s := "default mux:"
		for _, r := range f.Default {
			s += " " + routeFactString(r)
		}
		parts = append(parts, s)
	}
	return "routes " + strings.Join(parts, "; ")
}

func routeFactString(r RouteFact) string {
	m := r.Method
	if m == "" {
		m = "ANY"
	}
	s := m + " " + r.Path
	if len(r.Below) > 0 {
		s += " [" + mwFactNames(r.Below) + "]"
	}
	if len(r.Reads) > 0 {
		s += " reads[" + readFactsString(r.Reads) + "]"
	}
	if r.Origin.Deferred {
		s += " deferred"
	}
	return s
}

func mwFactNames(ms []MWFact) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return strings.Join(out, " ")
}

func toHeaderFacts(hs []Header) []HeaderFact {
	var out []HeaderFact
	for _, h := range hs {
		out = append(out, HeaderFact(h))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func fromHeaderFacts(hs []HeaderFact) []Header {
	var out []Header
	for _, h := range hs {
		out = append(out, Header(h))
	}
	return out
}

func toMWFacts(ms []*Middleware) []MWFact {
	var out []MWFact
	for _, m := range ms {
		out = append(out, MWFact{Name: m.Name, Caps: uint32(m.Caps), Headers: toHeaderFacts(m.Headers), Opaque: m.Opaque, Unknown: m.Unknown, AnyHeader: m.AnyHeader, Creds: uint8(m.Creds)})
	}
	return out
}

func fromMWFacts(ms []MWFact) []*Middleware {
	var out []*Middleware
	for _, m := range ms {
		out = append(out, &Middleware{Name: m.Name, Caps: Caps(m.Caps), Headers: fromHeaderFacts(m.Headers), Opaque: m.Opaque, Unknown: m.Unknown, AnyHeader: m.AnyHeader, Creds: Creds(m.Creds)})
	}
	return out
}

func (b *builder) hasFact(fn *types.Func) bool {
	if b.pass.ImportObjectFact == nil {
		return false
	}
	var f MiddlewareFact
	return b.pass.ImportObjectFact(fn, &f)
}

func (b *builder) importSummary(fn *types.Func) Summary {
	if b.pass.ImportObjectFact == nil {
		return Summary{}
	}
	var f MiddlewareFact
	if !b.pass.ImportObjectFact(fn, &f) {
		return Summary{}
	}
	return Summary{Caps: Caps(f.Caps), Headers: fromHeaderFacts(f.Headers), strong: f.Strong, AnyHeader: f.AnyHeader,
		Creds: Creds(f.Creds), Reads: b.fromReadFacts(f.Reads), Unsafe: f.Unsafe}
}

// readFacts turns reads into facts: their file and line, with the
// //apivet:ignore directives there.
func (b *builder) readFacts(rs []Read) []ReadFact {
	var out []ReadFact
	for _, r := range rs {
		var o OriginFact
		if r.Origin != nil {
			o = OriginFact{File: r.Origin.File, Line: r.Origin.Line, Generated: r.Origin.Generated, Ignore: r.Origin.Ignore}
		} else {
			o = b.originFact(r.Pos)
		}
		if o.File == "" {
			continue
		}
		out = append(out, ReadFact{Origin: o, What: r.What, Func: r.Func, Memory: r.Memory})
	}
	return out
}

// fromReadFacts places the reads of a fact on their lines.
func (b *builder) fromReadFacts(fs []ReadFact) []Read {
	var out []Read
	for _, f := range fs {
		if f.Origin.File == "" || f.Origin.Line <= 0 {
			continue
		}
		o := &Origin{File: f.Origin.File, Line: f.Origin.Line, Generated: f.Origin.Generated, Ignore: f.Origin.Ignore}
		o.Pos = b.linePos(o.File, o.Line)
		if !o.Pos.IsValid() {
			continue
		}
		out = appendReads(out, Read{Pos: o.Pos, What: f.What, Func: f.Func, Memory: f.Memory, Origin: o})
	}
	return out
}

func (b *builder) importRouterFact(fn *types.Func) *RouterFact {
	if b.pass.ImportObjectFact == nil {
		return nil
	}
	var f RouterFact
	if !b.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f
}

// factTime places an event of an imported function at the call.
func (b *builder) factTime(f *frame, call *ast.CallExpr, seq int) when {
	p := append(append([]token.Pos(nil), f.path...), call.Lparen, token.Pos(seq))
	return when{root: f.root, path: p}
}

// importCall applies a RouterFact's parameter effects at a call.
func (b *builder) importCall(f *frame, call *ast.CallExpr, fn *types.Func) {
	rf := b.importRouterFact(fn)
	if rf == nil {
		return
	}
	if len(rf.Default) > 0 && !f.shadow {
		b.applyFact(f, call, b.defaultMuxNode(), nil, rf.Default)
	}
	for _, pf := range rf.Params {
		if pf.Index >= len(call.Args) {
			continue
		}
		if pf.Serves {
			b.applyServed(f, call, []servedParam{{pf.Index, fromMWFacts(pf.Wrappers)}}, typesx.FuncDisplay(fn))
		}
		if len(pf.Uses) == 0 && len(pf.Routes) == 0 {
			continue
		}
		n := b.nodeOf(f, call.Args[pf.Index])
		if n == nil || (f.shadow && !n.shadow) {
			continue
		}
		b.applyFact(f, call, n, pf.Uses, pf.Routes)
	}
}

func (b *builder) applyFact(f *frame, call *ast.CallExpr, n *node, uses []UseFact, routes []RouteFact) {
	for _, u := range uses {
		n.uses = append(n.uses, useEvent{mws: fromMWFacts(u.MW), at: b.factTime(f, call, u.Seq), prefix: u.Prefix, prefixKnown: u.Prefix != ""})
		n.router.Uses++
	}
	for _, rt := range routes {
		r := &Route{
			Method:      rt.Method,
			Pos:         call.Pos(),
			Call:        call,
			External:    true,
			Origin:      b.originOf(rt.Origin),
			Router:      n.router,
			HandlerName: rt.Handler,
			HandlerSummary: Summary{Caps: Caps(rt.HandlerCaps), Headers: fromHeaderFacts(rt.Headers), AnyHeader: rt.AnyHeader,
				Creds: Creds(rt.Creds), Reads: b.fromReadFacts(rt.Reads), Unsafe: rt.Unsafe},
			Static: rt.Static,
		}
		n.routes = append(n.routes, &routeEvent{r: r, node: n, at: b.factTime(f, call, rt.Seq), rel: rt.Path, relKnown: rt.PathKnown, below: fromMWFacts(rt.Below)})
	}
}

// importReturn resolves the router an imported function returns.
func (b *builder) importReturn(f *frame, call *ast.CallExpr, fn *types.Func) *node {
	rf := b.importRouterFact(fn)
	if rf == nil || rf.Returns == nil {
		return nil
	}
	ret := rf.Returns
	if ret.Param >= 0 {
		if ret.Param < len(call.Args) {
			return b.nodeOf(f, call.Args[ret.Param])
		}
		return nil
	}
	n := b.newRoot(Kind(ret.Kind), nil, f, token.NoPos)
	n.router.External = true
	n.router.Origin = b.originOf(ret.Origin)
	n.router.Display = ret.Display
	if n.router.Display == "" {
		n.router.Display = typesx.FuncDisplay(fn) + "()"
	}
	n.router.HTML = ret.HTML
	n.mountMW = fromMWFacts(ret.Wrappers)
	b.applyFact(f, call, n, ret.Uses, ret.Routes)
	return n
}

// exportFacts exports MiddlewareFacts and RouterFacts for the package's
// exported functions, in declaration order.
func (b *builder) exportFacts() {
	for _, fn := range b.order {
		if !fn.Exported() {
			continue
		}
		rf := b.routerFact(fn)
		if rf != nil {
			b.pass.ExportObjectFact(fn, rf)
			continue // a function that builds routes is no middleware
		}
		if s := b.summary(fn); s.Caps != 0 || len(s.Headers) > 0 || s.AnyHeader || s.Creds != 0 || len(s.Reads) > 0 || s.Unsafe {
			b.pass.ExportObjectFact(fn, &MiddlewareFact{Caps: uint32(s.Caps), Strong: s.strong, Headers: toHeaderFacts(s.Headers), AnyHeader: s.AnyHeader,
				Creds: uint8(s.Creds), Reads: b.readFacts(s.Reads), Unsafe: s.Unsafe})
		}
	}
}

// routerFact summarises what fn does to the routers it receives and the
// router it returns.
func (b *builder) routerFact(fn *types.Func) *RouterFact {
	fd := b.decls[fn]
	if fd == nil {
		return nil
	}
	sig := fn.Signature()
	returnsRouter := sig.Results().Len() > 0 && (RouterKind(sig.Results().At(0).Type()) != "" || b.isHandlerType(sig.Results().At(0).Type()))
	returnsServer := sig.Results().Len() > 0 && typesx.TypeIs(sig.Results().At(0).Type(), pkgHTTP, "Server")
	registersDefault := false
	if b.defaultMux != nil {
		for _, ev := range b.defaultMux.routes {
			if ev.at.root == ast.Node(fd) && !ev.r.External {
				registersDefault = true
			}
		}
	}
	if !b.hasRouterParam(fn) && !returnsRouter && !returnsServer && !b.hasHandlerParam(fn) && !registersDefault {
		return nil
	}
	f := b.standalone[fn]
	if f == nil {
		f = b.standaloneFrame(fn, true)
	}
	if f == nil {
		return nil
	}
	out := &RouterFact{}
	if returnsServer {
		if sp, ok := b.serverParam(fn); ok {
			out.Server = &ServeFact{Index: sp.index, Wrappers: toMWFacts(sp.wraps)}
		}
	}
	served := map[int][]*Middleware{}
	for _, sp := range f.served {
		served[sp.index] = sp.wraps
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		n := f.params[p]
		if n == nil {
			if w, ok := served[i]; ok {
				out.Params = append(out.Params, ParamFact{Index: i, Serves: true, Wrappers: toMWFacts(w)})
			}
			continue
		}
		pf := ParamFact{Index: i, Serves: n.router.Served}
		if pf.Serves {
			pf.Wrappers = toMWFacts(n.mountMW)
		}
		if w, ok := served[i]; ok {
			pf.Serves, pf.Wrappers = true, toMWFacts(w)
		}
		pf.Uses = b.useFacts(n, fd)
		pf.Routes = b.routeFacts(n, fd, !f.shadow)
		if len(pf.Uses) > 0 || len(pf.Routes) > 0 || pf.Serves {
			out.Params = append(out.Params, pf)
		}
	}
	if returnsRouter {
		for _, e := range b.returnExprs(fd, 0) {
			n, wraps, _ := b.unwrapHandler(f, e, 0)
			if n == nil {
				continue
			}
			if n.param != nil && f.params[n.param] == n {
				for i := 0; i < sig.Params().Len(); i++ {
					if sig.Params().At(i) == n.param {
						out.Returns = &ReturnFact{Param: i}
					}
				}
				break
			}
			if n.parent != nil || n.router.External {
				break
			}
			root := n.router.root
			r := n.router
			o := b.originFact(r.Created)
			o.Deferred = r.Returned && !r.Escapes && !r.Served && r.Created.IsValid()
			out.Returns = &ReturnFact{
				Origin:   o,
				Param:    -1,
				Kind:     string(n.kind),
				Display:  r.Display,
				Uses:     b.useFacts(root, fd),
				Routes:   b.routeFacts(root, fd, o.Deferred),
				Wrappers: toMWFacts(wraps),
				HTML:     n.router.HTML,
			}
			break
		}
	}
	if registersDefault {
		for _, ev := range b.defaultMux.routes {
			if ev.at.root != ast.Node(fd) || ev.r.External || len(out.Default) >= maxFactRoutes {
				continue
			}
			o := b.originFact(ev.r.Pos)
			out.Default = append(out.Default, RouteFact{
				Origin: o, Seq: b.seq(ev.at, fd), Method: ev.r.Method, Path: ev.rel, PathKnown: ev.relKnown,
				Handler: ev.r.HandlerName, HandlerCaps: uint32(ev.r.HandlerSummary.Caps),
				Headers: toHeaderFacts(ev.r.HandlerSummary.Headers), AnyHeader: ev.r.HandlerSummary.AnyHeader,
				Below: toMWFacts(ev.args), Static: ev.r.Static,
				Creds: uint8(ev.r.HandlerSummary.Creds), Reads: b.readFacts(ev.r.HandlerSummary.Reads), Unsafe: ev.r.HandlerSummary.Unsafe,
			})
		}
	}
	if len(out.Params) == 0 && out.Returns == nil && out.Server == nil && len(out.Default) == 0 {
		return nil
	}
	return out
}

func (b *builder) seq(t when, fd *ast.FuncDecl) int {
	if t.root != ast.Node(fd) || len(t.path) == 0 {
		return 0
	}
	return int(t.path[0] - fd.Pos())
}

func (b *builder) useFacts(n *node, fd *ast.FuncDecl) []UseFact {
	var out []UseFact
	for _, u := range n.uses {
		if len(out) == maxFactUses {
			break
		}
		p := ""
		if u.prefixKnown {
			p = u.prefix
		}
		out = append(out, UseFact{Seq: b.seq(u.at, fd), Prefix: p, MW: toMWFacts(u.mws)})
	}
	return out
}

// routeFacts lists the routes below top, relative to it. deferred marks
// them for the importing package to judge.
func (b *builder) routeFacts(top *node, fd *ast.FuncDecl, deferred bool) []RouteFact {
	var out []RouteFact
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		if depth > 32 || len(out) >= maxFactRoutes {
			return
		}
		for _, ev := range n.routes {
			if len(out) >= maxFactRoutes {
				return
			}
			prefix, known := b.fullPrefix(n, top)
			full := joinPath(prefix, ev.rel)
			below := b.chain(n, ev.at, full, false, top)
			below = append(below, ev.below...)
			below = append(below, ev.args...)
			t := ev.at
			// A group that copies its parent's chain when created sees the
			// Use calls made before its creation.
			for c := n; c != nil && c.parent != nil && c != top; c = c.parent {
				if c.parent == top && c.snapshot {
					t = c.created
				}
			}
			var o OriginFact
			if ev.r.External {
				if ev.r.Origin != nil {
					o = OriginFact{File: ev.r.Origin.File, Line: ev.r.Origin.Line, Deferred: deferred && ev.r.Origin.Deferred,
						Generated: ev.r.Origin.Generated, Ignore: ev.r.Origin.Ignore}
				}
			} else {
				o = b.originFact(ev.r.Pos)
				o.Deferred = deferred
			}
			out = append(out, RouteFact{
				Origin:      o,
				Seq:         b.seq(t, fd),
				Method:      ev.r.Method,
				Path:        full,
				PathKnown:   known && ev.relKnown,
				Handler:     ev.r.HandlerName,
				HandlerCaps: uint32(ev.r.HandlerSummary.Caps),
				Headers:     toHeaderFacts(ev.r.HandlerSummary.Headers),
				AnyHeader:   ev.r.HandlerSummary.AnyHeader,
				Below:       toMWFacts(below),
				Static:      ev.r.Static,
				Creds:       uint8(ev.r.HandlerSummary.Creds),
				Reads:       b.readFacts(ev.r.HandlerSummary.Reads),
				Unsafe:      ev.r.HandlerSummary.Unsafe,
			})
		}
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	walk(top, 0)
	return out
}

// originFact locates pos for a fact: file, line, whether the file is
// generated, and the //apivet:ignore directives on the line or above.
func (b *builder) originFact(pos token.Pos) OriginFact {
	if !pos.IsValid() {
		return OriginFact{}
	}
	p := b.pass.Fset.Position(pos)
	o := OriginFact{File: p.Filename, Line: p.Line}
	tf := b.pass.Fset.File(pos)
	for _, f := range b.pass.Files {
		if b.pass.Fset.File(f.FileStart) != tf {
			continue
		}
		o.Generated = ast.IsGenerated(f)
		for _, d := range lint.ParseDirectives(b.pass.Fset, f) {
			if !d.Valid() || (d.Line != p.Line && d.Line != p.Line-1) {
				continue
			}
			o.Ignore = append(o.Ignore, d.IDs...)
		}
		break
	}
	sort.Strings(o.Ignore)
	return o
}

// originOf turns an imported OriginFact into an Origin with a position in
// the other package's file: the file's own when this file set has it (the
// standalone driver parses every package of the module), otherwise a
// position in a stand-in file of the same name (go vet reads other
// packages from export data).
func (b *builder) originOf(o OriginFact) *Origin {
	if o.File == "" || o.Line <= 0 {
		return nil
	}
	out := &Origin{File: o.File, Line: o.Line, Deferred: o.Deferred, Generated: o.Generated, Ignore: o.Ignore}
	if o.Deferred {
		out.Pos = b.linePos(o.File, o.Line)
	}
	return out
}

func (b *builder) linePos(file string, line int) token.Pos {
	if b.files == nil {
		b.files = map[string]*token.File{}
		b.pass.Fset.Iterate(func(f *token.File) bool {
			if old := b.files[f.Name()]; old == nil || f.LineCount() > old.LineCount() {
				b.files[f.Name()] = f
			}
			return true
		})
	}
	if tf := b.files[file]; tf != nil && line <= tf.LineCount() {
		return tf.LineStart(line)
	}
	if line > 1<<20 {
		return token.NoPos
	}
	tf := b.pass.Fset.AddFile(file, -1, line+1)
	lines := make([]int, line)
	for i := range lines {
		lines[i] = i
	}
	if !tf.SetLines(lines) {
		return token.NoPos
	}
	b.files[file] = tf
	return tf.LineStart(line)
}
