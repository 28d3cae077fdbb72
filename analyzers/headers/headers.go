// Package headers defines an Analyzer that reports missing and weak HTTP
// security headers and insecure session cookies.
//
// # Analyzer headers
//
// headers: report served routers without the core security headers, weak
// CSP and HSTS values, and session cookies without HttpOnly, Secure or
// SameSite (AV701, AV702, AV703)
//
// AV701 looks at every router the package serves (passes/routes): every
// response must get Strict-Transport-Security, X-Content-Type-Options:
// nosniff and frame protection (X-Frame-Options, or a Content-Security-
// Policy with frame-ancestors); a router that renders HTML needs a
// Content-Security-Policy too. Headers count when a middleware in the
// chain of every route sets them: unrolled/secure, gin-contrib/secure,
// echo's Secure and SecureWithConfig, fiber's helmet, each with the headers
// it really sends under its configuration (echo's and helmet's defaults
// send no HSTS), chi's SetHeader, and the module's own middleware or
// handlers that set them (w.Header().Set, c.Header, c.Set), also from
// another package. The finding is reported once per router, on the call
// that creates it (the ListenAndServe call for http.DefaultServeMux).
// Routers that serve only health and metrics endpoints are left alone.
//
// AV702 reports a Content-Security-Policy whose script sources allow
// 'unsafe-inline' or 'unsafe-eval', that allows any source (default-src *)
// or has fetch directives without default-src, and a Strict-Transport-
// Security max-age under 180 days, where the value is set.
//
// AV703 reports http.Cookie literals, gin's SetCookie, fiber cookies and
// gorilla/sessions options for cookies whose name or value says they carry
// a session or token, when HttpOnly, Secure or SameSite is missing.
package headers

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/rules"
	"github.com/apivet/apivet/passes/routes"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var (
	opts              = lint.NewOptions('7')
	excludeOpsRouters = true
	opsWords          = "health,healthz,healthcheck,livez,readyz,ready,live,liveness,readiness,metrics,ping,pprof,status,version,alive,heartbeat"
	minHSTS           = int64(15552000)
	cookieWords       = defaultCookieWords
	requireSameSite   = true
)

// Analyzer reports AV701, AV702 and AV703.
var Analyzer = &analysis.Analyzer{
	Name:     "headers",
	Doc:      "report served routers without the core security headers, weak CSP and HSTS values, and session cookies without HttpOnly, Secure or SameSite (AV701, AV702, AV703)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV701.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer, routes.Analyzer},
	Run:      run,
}

func init() {
	opts.Register(&Analyzer.Flags)
	fs := &Analyzer.Flags
	fs.BoolVar(&excludeOpsRouters, "exclude-ops-routers", excludeOpsRouters, "do not report routers that serve only health, readiness and metrics endpoints")
	fs.StringVar(&opsWords, "ops-path-words", opsWords, "comma-separated path words of health, readiness and metrics endpoints")
	fs.Int64Var(&minHSTS, "min-hsts-max-age", minHSTS, "smallest acceptable Strict-Transport-Security max-age, in seconds")
	fs.StringVar(&cookieWords, "cookie-words", cookieWords, "comma-separated words that mark a cookie name or value as a session or token")
	fs.BoolVar(&requireSameSite, "require-samesite", requireSameSite, "report session cookies that set no SameSite attribute")
}

type checker struct {
	pass *analysis.Pass
	rep  *lint.Reporter
	res  *routes.Result
	sv   *strval.Result
	ops  map[string]bool
	ck   map[string]bool
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass: pass,
		rep:  rep,
		res:  pass.ResultOf[routes.Analyzer].(*routes.Result),
		sv:   pass.ResultOf[strval.Analyzer].(*strval.Result),
		ops:  map[string]bool{},
		ck:   map[string]bool{},
	}
	for _, w := range rules.SplitList(opsWords) {
		c.ops[strings.ToLower(w)] = true
	}
	for _, w := range rules.SplitList(cookieWords) {
		c.ck[strings.ToLower(w)] = true
	}
	if rep.Enabled("AV701") {
		c.routers()
	}
	if rep.Enabled("AV702") || rep.Enabled("AV703") {
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
		for cur := range insp.Root().Preorder(filter...) {
			n := cur.Node()
			if rep.Skipped(n.Pos()) {
				continue
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				c.valueCall(n)
				c.cookieCall(n, cur)
			case *ast.CompositeLit:
				c.configLit(n)
				c.cookieLit(n, cur)
			case *ast.AssignStmt:
				c.configAssign(n)
			}
		}
	}
	rep.Finish()
	return nil, nil
}

// routers reports AV701.
func (c *checker) routers() {
	byTop := map[*routes.Router][]*routes.Route{}
	for _, r := range c.res.Routes {
		if r.Router == nil {
			continue
		}
		top := r.Router.Top()
		byTop[top] = append(byTop[top], r)
	}
	for _, r := range c.res.Routers {
		if r.Parent != nil || r.Param != nil || r.Unknown {
			continue
		}
		pos := r.Created
		var node analysis.Range = r.Call
		deferred := false
		switch {
		case r.External:
			// A router another package built and left for its callers to
			// judge: report it on its constructor's line.
			o := r.Origin
			if o == nil || !o.Deferred || !o.Pos.IsValid() || !r.Served || (o.Ignored("AV701") || c.rep.SkipsFile(o.File, o.Generated)) {
				continue
			}
			pos = o.Pos
			node = rng{pos, pos}
		case r.Returned && !r.Escapes && !r.Served:
			deferred = true
		}
		if r.DefaultMux {
			if len(r.ServedAt) == 0 {
				continue
			}
			pos = r.ServedAt[0]
			node = rng{pos, pos + 1}
			for _, s := range c.res.Starts {
				if s.Router == r && s.Pos == pos {
					node = rng{s.Pos, s.Pos + 1}
				}
			}
		}
		if !pos.IsValid() || node == nil || (!r.External && c.rep.Skipped(pos)) {
			continue
		}
		if !r.Served && !(r.Escapes && looksRoot(r)) && !deferred {
			continue
		}
		rs := byTop[r]
		if len(rs) == 0 {
			continue // nothing known to be served
		}
		if excludeOpsRouters && c.onlyOps(rs) {
			continue
		}
		if excludeOpsRouters {
			// /healthz answering "ok" without the headers is no finding.
			var api []*routes.Route
			for _, rt := range rs {
				if !rt.PathKnown || !routes.IsOpsPath(rt.Path, c.ops) {
					api = append(api, rt)
				}
			}
			rs = api
		}
		missing, unknown := missingHeaders(r, rs)
		if unknown || len(missing) == 0 {
			continue
		}
		if deferred && !c.rep.Suppresses(pos, "AV701") {
			continue // the package that serves it reports (see routes.Origin)
		}
		c.rep.Report(lint.Finding{Rule: "AV701", Node: node, Message: message701(r, missing)})
	}
}

type rng struct{ pos, end token.Pos }

func (r rng) Pos() token.Pos { return r.pos }
func (r rng) End() token.Pos { return r.end }

// looksRoot tells a router served elsewhere from a sub-router mounted
// elsewhere: engines are roots; a chi, gorilla or ServeMux router is one
// when it mounts others, serves ops endpoints or installs the middleware
// services put on their outermost router.
func looksRoot(r *routes.Router) bool {
	switch r.Kind {
	case routes.Gin, routes.Echo, routes.Fiber:
		return true
	}
	if r.Mounts > 0 {
		return true
	}
	for _, m := range r.Middleware {
		if m.Caps&rootCaps != 0 {
			return true
		}
	}
	for _, rt := range r.Routes {
		if routes.IsOpsPath(rt.Path, nil) {
			return true
		}
	}
	return false
}

func (c *checker) onlyOps(rs []*routes.Route) bool {
	for _, r := range rs {
		if !r.PathKnown || !routes.IsOpsPath(r.Path, c.ops) {
			return false
		}
	}
	return true
}

// coverage is what one route's responses get.
type coverage struct {
	hsts, nosniff, frame, csp bool
	unknown                   bool
}

func covered(r *routes.Route) coverage {
	var cv coverage
	add := func(hs []routes.Header) {
		for _, h := range hs {
			switch strings.ToLower(h.Name) {
			case strings.ToLower(hHSTS):
				cv.hsts = true
			case strings.ToLower(hXCTO):
				if !h.Known || strings.EqualFold(strings.TrimSpace(h.Value), "nosniff") {
					cv.nosniff = true
				}
			case strings.ToLower(hXFO):
				cv.frame = true
			case strings.ToLower(hCSP):
				cv.csp = true
				if !h.Known || strings.Contains(strings.ToLower(h.Value), "frame-ancestors") {
					cv.frame = true
				}
			}
		}
	}
	for _, m := range r.Chain {
		if m.Has(routes.SecurityHeaders) && len(m.Headers) == 0 {
			// A header middleware apivet cannot see into: trust it.
			cv.hsts, cv.nosniff, cv.frame, cv.csp = true, true, true, true
		}
		if m.Unknown || m.AnyHeader {
			cv.unknown = true
		}
		add(m.Headers)
	}
	if r.HandlerSummary.AnyHeader {
		cv.unknown = true
	}
	add(r.HandlerSummary.Headers)
	return cv
}

// missingHeaders lists the headers some route of the router does not get;
// unknown is set when a route that misses one has an unknown middleware.
func missingHeaders(r *routes.Router, rs []*routes.Route) (missing []string, unknown bool) {
	html := r.HTML
	var noHSTS, noSniff, noFrame, noCSP bool
	for _, rt := range rs {
		if rt.HandlerSummary.Caps&routes.ServesHTML != 0 {
			html = true
		}
		cv := covered(rt)
		miss := !cv.hsts || !cv.nosniff || !cv.frame
		if miss && cv.unknown {
			return nil, true
		}
		noHSTS = noHSTS || !cv.hsts
		noSniff = noSniff || !cv.nosniff
		noFrame = noFrame || !cv.frame
		noCSP = noCSP || !cv.csp
	}
	if noHSTS {
		missing = append(missing, hHSTS)
	}
	if noSniff {
		missing = append(missing, hXCTO+": nosniff")
	}
	if noFrame {
		missing = append(missing, "frame protection ("+hXFO+" or CSP frame-ancestors)")
	}
	if html && noCSP {
		for _, rt := range rs {
			if covered(rt).unknown {
				return nil, true
			}
		}
		missing = append(missing, hCSP+" (it renders HTML)")
	}
	return missing, false
}

func message701(r *routes.Router, missing []string) string {
	what := string(r.Kind) + " router " + r.Display
	if r.DefaultMux {
		what = "http.DefaultServeMux"
	}
	list := missing[0]
	if len(missing) > 1 {
		list = strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
	}
	sug := suggestions[r.Kind]
	return fmt.Sprintf("%s serves responses without %s; %s", what, list, sug)
}
