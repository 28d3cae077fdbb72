package exposure

import (
	"fmt"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/routes"
	"golang.org/x/tools/go/analysis"
)

// --- AV903 cookie-authenticated state changes without CSRF protection ---

// checkCSRF reports state-changing routes whose caller is identified by a
// session cookie and that nothing protects against cross-site requests.
func (c *checker) checkCSRF(res *routes.Result) {
	// A SameSite=Lax or Strict session cookie does not travel on
	// cross-site POSTs; a cookie the application is not seen to set (an
	// SSO gateway's, one configured in a command this package cannot see)
	// may be one.
	quiet := res.SameSite() || !res.SessionCookieSet()
	for _, r := range res.Routes {
		if r.Router == nil || r.Router.Unknown || r.Static || r.Mount {
			continue
		}
		if !stateChanging[r.Method] && !(r.Method == "" && r.HandlerSummary.Unsafe) {
			continue // a route for any method counts when its handler tells POST apart
		}
		var node analysis.Range = span{r.Pos, r.Pos}
		if r.Call != nil {
			node = span{r.Pos, r.Call.End()}
		}
		local := true
		switch {
		case r.External:
			o := r.Origin
			if o == nil || !o.Deferred || !o.Pos.IsValid() || (o.Ignored("AV903") || c.rep.SkipsFile(o.File, o.Generated)) {
				continue
			}
			node = span{o.Pos, o.Pos}
			local = false
		case !r.Pos.IsValid() || c.rep.Skipped(r.Pos):
			continue
		}
		by, creds, ok := sessionAuthenticated(r)
		if !ok || authEntry(r) {
			continue
		}
		// The cookie the route reads, when the application sets it by
		// name, settles it; otherwise the application's cookies do. Fiber's
		// cookies and sessions are SameSite=Lax unless configured.
		routeQuiet := quiet || r.Router.Kind == routes.Fiber
		switch {
		case creds&routes.LooseCookie != 0:
			routeQuiet = false
		case creds&routes.LaxCookie != 0:
			routeQuiet = true
		}
		if local && routeDeferred(r) {
			// The packages calling this exported function judge the route
			// (see routes.Origin); an //apivet:ignore here still covers it.
			if c.rep.Suppresses(r.Pos, "AV903") {
				c.rep.Report(lint.Finding{Rule: "AV903", Node: node, Message: csrfMessage(r, by)})
			}
			continue
		}
		if !routeQuiet {
			c.rep.Report(lint.Finding{Rule: "AV903", Node: node, Message: csrfMessage(r, by)})
		}
	}
}

// sessionAuthenticated reports whether the route identifies its caller
// by a session cookie, with no CSRF defence and no header credential, and
// names what reads the session. Unknown middleware keeps it silent: it
// may be the defence.
func sessionAuthenticated(r *routes.Route) (string, routes.Creds, bool) {
	creds := r.HandlerSummary.Creds
	by := ""
	if creds&routes.SessionCreds != 0 {
		by = "its handler " + r.HandlerName
	}
	if r.HandlerSummary.Caps&routes.CSRF != 0 {
		return "", 0, false
	}
	for i := len(r.Chain) - 1; i >= 0; i-- {
		m := r.Chain[i]
		if m.Has(routes.CSRF) || m.Unknown || (m.Opaque && m.Has(routes.Auth)) {
			return "", 0, false
		}
		creds |= m.Creds
		if m.Creds&routes.SessionCreds != 0 {
			by = strings.TrimSuffix(m.Name, "()")
		}
	}
	if creds&routes.HeaderCreds != 0 || creds&routes.SessionCreds == 0 {
		return "", 0, false
	}
	return by, creds, true
}

// authEntry reports routes that create or end a session (login, signup,
// logout): no session authenticates them.
func authEntry(r *routes.Route) bool {
	var words []string
	if segs := routes.PathWords(r.Path); len(segs) > 0 {
		words = append(words, segs[len(segs)-1]...)
	}
	name := r.HandlerName
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	words = append(words, typesx.NameWords(name)...)
	for i, w := range words {
		if sessionEntryWords[w] {
			return true
		}
		if i+1 < len(words) && sessionEntryPairs[w+" "+words[i+1]] {
			return true
		}
	}
	return false
}

// routeDeferred reports a route on the router parameter of an exported
// function its package never calls, or on a router an exported function
// returns without serving it: the importing package judges it.
func routeDeferred(r *routes.Route) bool {
	top := r.Router.Top()
	if top.Returned && !top.Escapes && !top.Served {
		return true
	}
	fn := top.Func
	return top.Param != nil && fn != nil && fn.Exported() && fn.Pkg() != nil && fn.Pkg().Name() != "main"
}

func csrfMessage(r *routes.Route, by string) string {
	method := r.Method
	if method == "" {
		method = "ANY"
	}
	what := method + " " + r.Path
	if !r.PathKnown && r.HandlerName != "" {
		what += " (" + r.HandlerName + ")"
	}
	fix := csrfFixes[r.Router.Kind]
	if fix == "" {
		fix = csrfFixes[routes.NetHTTP]
	}
	return fmt.Sprintf("%s is authenticated by a session cookie (read by %s) and has no CSRF protection; %s, or set the session cookie SameSite=Lax",
		what, by, fix)
}
