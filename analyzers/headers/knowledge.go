package headers

import "github.com/apivet/apivet/passes/routes"

// Header names.
const (
	hHSTS = "Strict-Transport-Security"
	hXCTO = "X-Content-Type-Options"
	hXFO  = "X-Frame-Options"
	hCSP  = "Content-Security-Policy"
)

// suggestions name a header middleware that fits the router kind.
var suggestions = map[routes.Kind]string{
	routes.Gin:        "add github.com/gin-contrib/secure (secure.New(secure.DefaultConfig())) or a middleware that sets them with c.Header",
	routes.Echo:       "add middleware.SecureWithConfig with HSTSMaxAge set (middleware.Secure() sends no HSTS) or set them on c.Response().Header()",
	routes.Fiber:      "add helmet.New with HSTSMaxAge set (its defaults send no HSTS) or set them with c.Set",
	routes.Chi:        "add github.com/unrolled/secure or a middleware that sets them with w.Header().Set",
	routes.Mux:        "add github.com/unrolled/secure or a middleware that sets them with w.Header().Set",
	routes.NetHTTP:    "wrap the handler in github.com/unrolled/secure or a middleware that sets them with w.Header().Set",
	routes.HTTPRouter: "wrap the router in github.com/unrolled/secure or a middleware that sets them with w.Header().Set",
}

// rootCaps are middleware a service installs on its outermost router, not
// on a sub-router mounted somewhere else.
const rootCaps = routes.Logging | routes.Recovery | routes.RequestID | routes.CORS | routes.Timeout | routes.Compress | routes.SecurityHeaders

// Cookie knowledge.

// defaultCookieWords name cookies that carry a session or a credential.
const defaultCookieWords = "session,sessions,sess,sid,sessid,sessionid,token,tok,jwt,auth,authorization,access,refresh,remember,credential,credentials,apikey,login,identity,bearer,impersonate,impersonation"

// csrfWords name double-submit CSRF cookies, which scripts must read.
var csrfWords = map[string]bool{"csrf": true, "xsrf": true}

// fetchDirectives are the CSP directives that fall back to default-src.
var fetchDirectives = map[string]bool{
	"script-src": true, "style-src": true, "img-src": true, "connect-src": true, "font-src": true, "object-src": true,
	"media-src": true, "frame-src": true, "child-src": true, "worker-src": true, "manifest-src": true, "prefetch-src": true,
	"script-src-elem": true, "script-src-attr": true, "style-src-elem": true, "style-src-attr": true,
}
