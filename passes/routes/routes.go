// Package routes defines an Analyzer that builds the HTTP route graph of a
// package: every route registration with its method, path, handler and the
// middleware chain that wraps it, every router and where servers start.
//
// # Analyzer routes
//
// routes: the HTTP routes of a package and the middleware that wraps each
//
// The pass understands net/http (ServeMux Handle and HandleFunc, Go 1.22
// "METHOD /path" patterns, http.DefaultServeMux), gorilla/mux (routers,
// PathPrefix(...).Subrouter(), Methods, Use), go-chi/chi v5 (Route, Group,
// With, Use, Mount), gin (engines, groups, Use, per-route handlers), echo
// v4 (Use, Pre, groups, route middleware arguments), fiber v2 (Use,
// groups, route handlers) and julienschmidt/httprouter. Paths are resolved
// with passes/strval and joined with group prefixes; the middleware chain
// of a route holds, in application order, the handlers that wrap the served
// router (http.ListenAndServe(addr, limiter(mux))), the router's and its
// groups' Use calls that apply to the route (gin and fiber apply Use only to
// routes registered after it; echo's Echo.Use applies to every route), the
// per-route middleware arguments and the wrappers around the handler
// (limit(h), alice.New(...).Then(h)).
//
// Routers are followed through local and package variables, struct
// fields, functions that build and return them and functions that receive
// them as a parameter: a function is interpreted once per call site with
// its router parameters bound. A router parameter of a function nobody in
// the package calls starts with an empty chain. A route table (struct
// literals ranged over in a loop that registers them) is interpreted once
// per row, its routes placed on the rows (tables.go). Facts carry, across the
// module's packages, what a function does as a middleware (MiddlewareFact:
// rate limiting, security headers with their values, CSRF, CORS, ...) and
// which routes and middleware a function adds to a router it receives or
// returns (RouterFact), so that api.Register(r) in main resolves.
//
// A function's Summary also says how it treats the request: where it
// reads the whole body with no limit before (Reads: io.ReadAll(r.Body),
// json.NewDecoder(r.Body).Decode, gin's ShouldBindJSON, echo's Bind), and
// where it takes the caller's credentials from (Creds: a session cookie or
// session, a request header). A middleware that wraps the body in
// http.MaxBytesReader is a BodyLimit; one that checks an anti-CSRF token,
// Sec-Fetch-Site or Origin, or Go's CrossOriginProtection, is CSRF. A
// package that sets a session cookie or builds a session store exports a
// CookieFact, which says whether the cookie is SameSite=Lax or Strict
// (Result.SessionCookieSet, Result.SameSite).
//
// A route registered on the router parameter of an exported function that
// its own package never calls, or on a router an exported function builds
// and returns, cannot be judged where it is written: what wraps it is
// decided by the caller. Such routes and routers carry an Origin marked
// Deferred; the calling package, which sees the whole chain, judges them
// and reports on the original line.
//
// Files ending in _test.go take no part in the graph.
//
// The pass reports nothing.
package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer computes a *Result for each package and exports facts for the
// module's own functions.
var Analyzer = &analysis.Analyzer{
	Name:             "routes",
	Doc:              "the HTTP routes of a package and the middleware that wraps each",
	URL:              "https://github.com/apivet/apivet/tree/main/passes/routes",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
	FactTypes:        []analysis.Fact{(*MiddlewareFact)(nil), (*RouterFact)(nil), (*CookieFact)(nil)},
}

// Router is a router (or engine, app, mux) of the package.
type Router struct {
	Kind Kind
	// Created is the constructor call (gin.New(), chi.NewRouter(), ...),
	// or token.NoPos for the default mux, a router received as a
	// parameter, and a router built in another package.
	Created token.Pos
	Call    *ast.CallExpr
	// Display is how the router is built: "gin.Default()", "http.DefaultServeMux".
	Display string
	// DefaultMux marks http.DefaultServeMux.
	DefaultMux bool
	// Param is set for a router received as a parameter of a function whose
	// callers are not in this package: its chain above starts empty. Func
	// is that function.
	Param *types.Var
	Func  *types.Func
	// Unknown is set for a router received from a caller whose own router
	// could not be resolved: what wraps it is unknown.
	Unknown bool
	// External marks a router built in another package of the module (from
	// a RouterFact).
	External bool
	// Served is set when the package starts a server with this router
	// (ListenAndServe, http.Server{Handler: r}, r.Run, e.Start, app.Listen).
	Served   bool
	ServedAt []token.Pos
	// Listen holds the address of each server start when it is constant
	// ("localhost:6060"), "?" otherwise.
	Listen []string
	// Escapes is set when the router leaves the package's sight: stored in
	// a field or package variable, or handed to a library (a serverless
	// adapter). Returned is set when an exported function returns it: the
	// importing package serves it (and judges it, see Origin).
	Escapes  bool
	Returned bool
	// Origin locates a router built in another package (External).
	Origin *Origin
	// Parent is the router this one is mounted into (chi Mount and Route,
	// ServeMux.Handle("/api/", sub), mux PathPrefix(...).Handler(sub),
	// fiber Mount), and MountPrefix the prefix.
	Parent      *Router
	MountPrefix string
	// HTML is set when the router is configured to render HTML templates
	// (gin LoadHTMLGlob, echo Renderer, fiber Views).
	HTML bool
	// Middleware are the handlers wrapped around the served router and the
	// middleware Use'd on the router itself, in application order.
	Middleware []*Middleware
	// Uses counts Use calls on the router and its groups.
	Uses int
	// Mounts counts routers and handlers mounted into this one.
	Mounts int
	// Routes are the routes registered on this router and its groups (not
	// those of routers mounted into it; see Top).
	Routes []*Route

	root *node
}

// Top returns the outermost router this one is mounted into (or itself).
func (r *Router) Top() *Router {
	for i := 0; r.Parent != nil && i < 16; i++ {
		r = r.Parent
	}
	return r
}

// Route is one route registration.
type Route struct {
	// Method is the HTTP method, "" for any.
	Method string
	// Path is the full path, joined with group and mount prefixes. Unknown
	// parts are written "…"; PathKnown is false then.
	Path      string
	PathKnown bool
	// Handler is the innermost handler expression (wrappers removed), with
	// the function it names, if any.
	Handler     ast.Expr
	HandlerFunc *types.Func
	HandlerName string
	// HandlerSummary is what the handler itself does (it may limit, set
	// headers or render HTML).
	HandlerSummary Summary
	// Chain is the ordered middleware that applies to the route, outermost
	// first.
	Chain []*Middleware
	// Pos is the registration call (the report position of route checks).
	// For a route registered in another package (External) it is the call
	// that handed the router over (api.Register(r)).
	Pos      token.Pos
	Call     *ast.CallExpr
	External bool
	// Origin locates the registration of an External route.
	Origin *Origin
	// Router is the router the route is registered on.
	Router *Router
	// Static marks file-serving routes (Static, ServeFiles, File).
	Static bool
	// Mount marks a catch-all route to a plain handler mounted under a
	// prefix.
	Mount bool
}

// Origin is where a route or router of another package of the module was
// registered or created. A route registered on a router parameter of an
// exported function that its own package never calls, and a router an
// exported function builds and returns without serving it, are Deferred:
// their package cannot see what wraps them, so the package that calls the
// function judges them with the whole chain and reports on the original
// line (Pos, a position in the other package's file).
type Origin struct {
	File      string
	Line      int
	Pos       token.Pos
	Deferred  bool
	Generated bool
	// Ignore lists the rule IDs of //apivet:ignore directives on the line
	// or the line above.
	Ignore []string
}

// Ignored reports whether a directive on the original line names the rule.
func (o *Origin) Ignored(id string) bool {
	if o == nil {
		return false
	}
	for _, x := range o.Ignore {
		if x == id {
			return true
		}
	}
	return false
}

// Middleware is one element of a chain.
type Middleware struct {
	// Name is how the code names it: "httprate.LimitByIP", "rateLimit",
	// "secure.New", "func literal".
	Name    string
	Caps    Caps
	Headers []Header
	// Pos is the expression that adds it (the argument of Use, the wrapper
	// call), token.NoPos when it comes from another package.
	Pos token.Pos
	// Opaque marks middleware apivet could not look into (a parameter, an
	// interface method, an unknown library); its Caps are guessed from its
	// name. Unknown marks an opaque one whose name tells nothing.
	Opaque  bool
	Unknown bool
	// AnyHeader is set when it sets response headers whose names are not
	// constant (copied from a map or an upstream response).
	AnyHeader bool
	// Creds says where it reads the caller's credentials from.
	Creds Creds
	// Reads are the places where it reads the request body with no limit
	// (see Summary.Reads).
	Reads []Read
	// Unsafe: see Summary.Unsafe.
	Unsafe bool
}

// Has reports whether the middleware has all of the capabilities c.
func (m *Middleware) Has(c Caps) bool { return m != nil && m.Caps&c == c }

// Header is a response header a middleware or handler sets. Known is false
// when the value is not a constant.
type Header struct {
	Name  string
	Value string
	Known bool
}

// Summary is what a function (a middleware, a handler or a helper) does to
// the requests it sees.
type Summary struct {
	Caps    Caps
	Headers []Header
	// AnyHeader: it sets headers whose names are not constant.
	AnyHeader bool
	// Creds says where the function reads the caller's credentials from:
	// a session cookie or session, or a request header.
	Creds Creds
	// Reads are the places where the function, or a helper of the module
	// it calls, reads the request body whole (io.ReadAll(r.Body),
	// json.NewDecoder(r.Body).Decode, gin's ShouldBindJSON, echo's Bind,
	// r.ParseMultipartForm) with no http.MaxBytesReader or io.LimitReader
	// applied to the body before, in the function. Whether a middleware
	// limits the body is the route's business.
	Reads []Read
	// Unsafe is set when the function tells POST, PUT, PATCH or DELETE
	// requests apart itself (r.Method == http.MethodPost, a switch on
	// r.Method): as the handler of a route for any method, it changes
	// state.
	Unsafe bool
	// strong marks rate limiting proven by a limiter call or a counter (not
	// only a 429 answer); only strong evidence propagates to callers.
	strong bool
}

// Read is a read of the request body with no limit of its own.
type Read struct {
	// Pos is the call that reads: in this package's files, or, for a read
	// of another package of the module (Origin set), a position on its
	// line in that package's file.
	Pos token.Pos
	// What renders the call: "io.ReadAll(r.Body)", "c.ShouldBindJSON(&req)".
	What string
	// Func names the function holding it: "Upload", "(*Handler).Create".
	Func string
	// Memory is the maxMemory argument of ParseMultipartForm (-1 when not
	// constant); 0 for every other read.
	Memory int64
	// Origin locates a read in another package: file, line and the
	// //apivet:ignore directives there.
	Origin *Origin
}

// ServerStart is a place where a server starts.
type ServerStart struct {
	Pos token.Pos
	// Via is the call or literal: "http.ListenAndServe", "(*gin.Engine).Run",
	// "http.Server literal".
	Via      string
	Router   *Router // nil when the handler could not be resolved
	Wrappers []*Middleware
}

// Result is the route graph of one package.
type Result struct {
	Routers []*Router
	Routes  []*Route
	Starts  []*ServerStart

	b         *builder
	sameSite  bool
	cookieSet bool
}

// Summary returns what a function of the module does as a middleware or
// handler (from this package's analysis or a MiddlewareFact).
func (r *Result) Summary(fn *types.Func) Summary {
	if r == nil || r.b == nil || fn == nil {
		return Summary{}
	}
	return r.b.summary(fn)
}

// Classify describes an expression used as middleware.
func (r *Result) Classify(e ast.Expr) []*Middleware {
	if r == nil || r.b == nil {
		return nil
	}
	return r.b.middleware(r.b.pkgFrame, e)
}

// HeaderOf returns the header with the given name (case-insensitive).
func HeaderOf(hs []Header, name string) (Header, bool) {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h, true
		}
	}
	return Header{}, false
}

// String renders capabilities as "rate-limit,cors".
func (c Caps) String() string {
	var parts []string
	for _, n := range capNames {
		if c&n.c != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(parts, ",")
}

// SameSite reports whether the package, or a package of the module it
// imports, sets a session cookie with SameSite=Lax or Strict (an
// http.Cookie, gorilla/sessions or gin-contrib/sessions options, gin's
// SetSameSite, a fiber or scs session whose cookie is Lax by default).
func (r *Result) SameSite() bool {
	return r != nil && r.sameSite
}

// SessionCookieSet reports whether the package, or a package of the
// module it imports, sets a session or credential cookie or builds a
// session store: where the cookie's SameSite attribute is decided, when
// the application decides it.
func (r *Result) SessionCookieSet() bool {
	return r != nil && r.cookieSet
}

// String renders credential sources as "session,header".
func (c Creds) String() string {
	var parts []string
	for _, n := range credNames {
		if c&n.c != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(parts, ",")
}

// RouterKind returns the router kind of a type (a router, engine, group or
// the interfaces they are passed as), or "".
func RouterKind(t types.Type) Kind {
	return routerTypes[typeKey(t)]
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return res, nil
	}
	b := newBuilder(pass, res)
	res.b = b
	b.build()
	b.finish()
	b.exportFacts()
	if res.sameSite || res.cookieSet || len(b.cookieNames) > 0 {
		lax, loose := cookieFactNames(b.cookieNames)
		pass.ExportPackageFact(&CookieFact{SameSite: res.sameSite, Sets: res.cookieSet, Lax: lax, Loose: loose})
	}
	sameSite, set := b.importCookies()
	res.sameSite = res.sameSite || sameSite
	res.cookieSet = res.cookieSet || set
	sort.SliceStable(res.Routes, func(i, j int) bool { return res.Routes[i].Pos < res.Routes[j].Pos })
	return res, nil
}

// HeaderSet reports whether call sets a response header (w.Header().Set,
// Add, gin's c.Header, fiber's c.Set, fasthttp's ResponseHeader.Set, chi's
// middleware.SetHeader), with its name and value expressions. Request
// headers (r.Header.Set in a proxy or client) are not response headers.
func (r *Result) HeaderSet(call *ast.CallExpr) (name, value ast.Expr, ok bool) {
	if r == nil || r.b == nil {
		return nil, nil, false
	}
	b := r.b
	fn := typesx.Callee(b.info, call)
	if fn == nil {
		return nil, nil, false
	}
	key := typesx.FuncKey(fn)
	if lm, isLib := libFuncs[key]; isLib && lm.Headers == "setheader" && len(call.Args) == 2 {
		return call.Args[0], call.Args[1], true
	}
	idx, isSetter := headerSetters[key]
	if !isSetter || idx[1] >= len(call.Args) {
		return nil, nil, false
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || b.requestHeader(sel.X, 0) {
		return nil, nil, false
	}
	return call.Args[idx[0]], call.Args[idx[1]], true
}

// Deferred reports whether the route is left to the packages that import
// this one: it is registered on the router parameter of an exported
// function its package never calls, or on a router an exported function
// returns without serving it. The importing package judges it, with the
// whole chain, and reports it on this package's line (see Origin).
func (r *Route) Deferred() bool {
	if r.Router == nil {
		return false
	}
	top := r.Router.Top()
	if top.Returned && !top.Escapes && !top.Served {
		return true
	}
	fn := top.Func
	return top.Param != nil && fn != nil && fn.Exported() && fn.Pkg() != nil && fn.Pkg().Name() != "main"
}
