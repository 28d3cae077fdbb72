package routes

// Library knowledge: the routers, their constructors and route methods, the
// calls that start servers, and the middleware libraries with what they
// do. Everything here is data keyed by real import paths and types; the
// matching code lives in build.go and middleware.go.

const (
	pkgHTTP       = "net/http"
	pkgGin        = "github.com/gin-gonic/gin"
	pkgEcho       = "github.com/labstack/echo/v4"
	pkgEchoMW     = "github.com/labstack/echo/v4/middleware"
	pkgFiber      = "github.com/gofiber/fiber/v2"
	pkgChi        = "github.com/go-chi/chi/v5"
	pkgChi1       = "github.com/go-chi/chi"
	pkgChiMW      = "github.com/go-chi/chi/v5/middleware"
	pkgChi1MW     = "github.com/go-chi/chi/middleware"
	pkgMux        = "github.com/gorilla/mux"
	pkgHTTPRouter = "github.com/julienschmidt/httprouter"
	pkgAlice      = "github.com/justinas/alice"
	pkgUnrolled   = "github.com/unrolled/secure"
	pkgGinSecure  = "github.com/gin-contrib/secure"
	pkgHelmet     = "github.com/gofiber/fiber/v2/middleware/helmet"
)

// Kind names a router library.
type Kind string

// The router kinds.
const (
	NetHTTP    Kind = "nethttp"
	Gin        Kind = "gin"
	Echo       Kind = "echo"
	Fiber      Kind = "fiber"
	Chi        Kind = "chi"
	Mux        Kind = "mux"
	HTTPRouter Kind = "httprouter"
)

// routerTypes maps router types (and the interfaces routers are passed
// around as) to their kind. A parameter of one of these types receives a
// router.
var routerTypes = map[string]Kind{
	pkgHTTP + ".ServeMux":     NetHTTP,
	pkgGin + ".Engine":        Gin,
	pkgGin + ".RouterGroup":   Gin,
	pkgGin + ".IRouter":       Gin,
	pkgGin + ".IRoutes":       Gin,
	pkgEcho + ".Echo":         Echo,
	pkgEcho + ".Group":        Echo,
	pkgFiber + ".App":         Fiber,
	pkgFiber + ".Group":       Fiber,
	pkgFiber + ".Router":      Fiber,
	pkgChi + ".Mux":           Chi,
	pkgChi + ".Router":        Chi,
	pkgChi1 + ".Mux":          Chi,
	pkgChi1 + ".Router":       Chi,
	pkgMux + ".Router":        Mux,
	pkgHTTPRouter + ".Router": HTTPRouter,
}

// groupTypes are the router types that are a group (a sub-tree of an
// engine) rather than the engine itself; their Use is ordered where the
// engine's is not (echo).
var groupTypes = map[string]bool{
	pkgEcho + ".Group":      true,
	pkgGin + ".RouterGroup": true,
	pkgFiber + ".Group":     true,
}

// constructors create a router.
var constructors = map[string]Kind{
	pkgHTTP + ".NewServeMux": NetHTTP,
	pkgGin + ".New":          Gin,
	pkgGin + ".Default":      Gin,
	pkgEcho + ".New":         Echo,
	pkgFiber + ".New":        Fiber,
	pkgChi + ".NewRouter":    Chi,
	pkgChi + ".NewMux":       Chi,
	pkgChi1 + ".NewRouter":   Chi,
	pkgChi1 + ".NewMux":      Chi,
	pkgMux + ".NewRouter":    Mux,
	pkgHTTPRouter + ".New":   HTTPRouter,
}

// defaultMiddleware is what a constructor installs by itself.
var defaultMiddleware = map[string][]string{
	pkgGin + ".Default": {pkgGin + ".Logger", pkgGin + ".Recovery"},
}

// routeSpec describes a route-registering method.
type routeSpec struct {
	Method    string // fixed HTTP method; "" = any
	MethodArg int    // index of a method argument, or -1
	Methods   int    // index of a []string of methods (gin/echo Match), or -1
	PathArg   int
	// Handler is the index of the handler argument; -1 means the last.
	Handler int
	// MW says where per-route middleware sits: "between" path and the
	// last handler (gin, fiber), "after" the handler (echo), or "".
	MW string
	// Static marks file-serving routes (GET).
	Static bool
}

func rs(method string, path, handler int, mw string) routeSpec {
	return routeSpec{Method: method, MethodArg: -1, Methods: -1, PathArg: path, Handler: handler, MW: mw}
}

var httpMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}

// routeMethods lists, per router kind, the methods that register a route.
var routeMethods = map[Kind]map[string]routeSpec{
	Gin: {
		"GET": rs("GET", 0, -1, "between"), "POST": rs("POST", 0, -1, "between"), "PUT": rs("PUT", 0, -1, "between"),
		"PATCH": rs("PATCH", 0, -1, "between"), "DELETE": rs("DELETE", 0, -1, "between"), "HEAD": rs("HEAD", 0, -1, "between"),
		"OPTIONS": rs("OPTIONS", 0, -1, "between"), "Any": rs("", 0, -1, "between"),
		"Handle":     {MethodArg: 0, Methods: -1, PathArg: 1, Handler: -1, MW: "between"},
		"Match":      {MethodArg: -1, Methods: 0, PathArg: 1, Handler: -1, MW: "between"},
		"Static":     {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true},
		"StaticFS":   {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true},
		"StaticFile": {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true},
	},
	Echo: {
		"GET": rs("GET", 0, 1, "after"), "POST": rs("POST", 0, 1, "after"), "PUT": rs("PUT", 0, 1, "after"),
		"PATCH": rs("PATCH", 0, 1, "after"), "DELETE": rs("DELETE", 0, 1, "after"), "HEAD": rs("HEAD", 0, 1, "after"),
		"OPTIONS": rs("OPTIONS", 0, 1, "after"), "CONNECT": rs("CONNECT", 0, 1, "after"), "TRACE": rs("TRACE", 0, 1, "after"),
		"Any":    rs("", 0, 1, "after"),
		"Add":    {MethodArg: 0, Methods: -1, PathArg: 1, Handler: 2, MW: "after"},
		"Match":  {MethodArg: -1, Methods: 0, PathArg: 1, Handler: 2, MW: "after"},
		"Static": {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true},
		"File":   {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true, MW: "after2"},
	},
	Fiber: {
		"Get": rs("GET", 0, -1, "between"), "Post": rs("POST", 0, -1, "between"), "Put": rs("PUT", 0, -1, "between"),
		"Patch": rs("PATCH", 0, -1, "between"), "Delete": rs("DELETE", 0, -1, "between"), "Head": rs("HEAD", 0, -1, "between"),
		"Options": rs("OPTIONS", 0, -1, "between"), "Connect": rs("CONNECT", 0, -1, "between"), "Trace": rs("TRACE", 0, -1, "between"),
		"All":    rs("", 0, -1, "between"),
		"Add":    {MethodArg: 0, Methods: -1, PathArg: 1, Handler: -1, MW: "between"},
		"Static": {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true},
	},
	Chi: {
		"Get": rs("GET", 0, 1, ""), "Post": rs("POST", 0, 1, ""), "Put": rs("PUT", 0, 1, ""),
		"Patch": rs("PATCH", 0, 1, ""), "Delete": rs("DELETE", 0, 1, ""), "Head": rs("HEAD", 0, 1, ""),
		"Options": rs("OPTIONS", 0, 1, ""), "Connect": rs("CONNECT", 0, 1, ""), "Trace": rs("TRACE", 0, 1, ""),
		"Query":      rs("QUERY", 0, 1, ""),
		"Handle":     rs("", 0, 1, ""),
		"HandleFunc": rs("", 0, 1, ""),
		"Method":     {MethodArg: 0, Methods: -1, PathArg: 1, Handler: 2},
		"MethodFunc": {MethodArg: 0, Methods: -1, PathArg: 1, Handler: 2},
	},
	Mux: {
		// HandleFunc and Handle return a *mux.Route whose .Methods(...)
		// narrows the method; build.go reads the chain.
		"Handle":     rs("", 0, 1, ""),
		"HandleFunc": rs("", 0, 1, ""),
	},
	NetHTTP: {
		"Handle":     rs("", 0, 1, ""),
		"HandleFunc": rs("", 0, 1, ""),
	},
	HTTPRouter: {
		"GET": rs("GET", 0, 1, ""), "POST": rs("POST", 0, 1, ""), "PUT": rs("PUT", 0, 1, ""),
		"PATCH": rs("PATCH", 0, 1, ""), "DELETE": rs("DELETE", 0, 1, ""), "HEAD": rs("HEAD", 0, 1, ""),
		"OPTIONS":     rs("OPTIONS", 0, 1, ""),
		"Handle":      {MethodArg: 0, Methods: -1, PathArg: 1, Handler: 2},
		"Handler":     {MethodArg: 0, Methods: -1, PathArg: 1, Handler: 2},
		"HandlerFunc": {MethodArg: 0, Methods: -1, PathArg: 1, Handler: 2},
		"ServeFiles":  {Method: "GET", MethodArg: -1, Methods: -1, PathArg: 0, Handler: -2, Static: true},
	},
}

// useMethods add middleware to a router or group.
var useMethods = map[Kind]map[string]bool{
	Gin:   {"Use": true},
	Echo:  {"Use": true, "Pre": true},
	Fiber: {"Use": true},
	Chi:   {"Use": true},
	Mux:   {"Use": true},
}

// groupMethods return a sub-router of their receiver: the path argument
// (or -1) and where the group's own middleware arguments start (or -1).
type groupSpec struct {
	PathArg int
	MWFrom  int
	FnArg   int  // a func(r Router) argument run on the group, or -1
	Mounted bool // a fresh router mounted at the path (chi Route)
	Inline  bool // shares the parent's routes (chi With/Group)
}

var groupMethods = map[Kind]map[string]groupSpec{
	Gin:   {"Group": {PathArg: 0, MWFrom: 1, FnArg: -1}},
	Echo:  {"Group": {PathArg: 0, MWFrom: 1, FnArg: -1}, "Host": {PathArg: -1, MWFrom: 1, FnArg: -1}},
	Fiber: {"Group": {PathArg: 0, MWFrom: 1, FnArg: -1}, "Route": {PathArg: 0, MWFrom: -1, FnArg: 1}},
	Chi: {
		"With":  {PathArg: -1, MWFrom: 0, FnArg: -1, Inline: true},
		"Group": {PathArg: -1, MWFrom: -1, FnArg: 0, Inline: true},
		"Route": {PathArg: 0, MWFrom: -1, FnArg: 1, Mounted: true},
	},
}

// sameRouterMethods return their receiver (fluent APIs).
var sameRouterMethods = map[Kind]map[string]bool{
	Gin:   {"Use": true, "GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true, "Any": true, "Handle": true, "Handler": true},
	Fiber: {"Use": true, "Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true, "Head": true, "Options": true, "All": true, "Add": true, "Name": true, "Static": true, "Mount": true},
	Mux:   {"StrictSlash": true, "SkipClean": true, "UseEncodedPath": true},
}

// mountMethods attach a handler (often another router) under a prefix.
var mountMethods = map[Kind]map[string][2]int{ // path arg, handler arg
	Chi:   {"Mount": {0, 1}},
	Fiber: {"Mount": {0, 1}},
}

// serveMethods start serving the receiver router.
var serveMethods = map[Kind]map[string]bool{
	Gin:   {"Run": true, "RunTLS": true, "RunUnix": true, "RunFd": true, "RunListener": true, "RunQUIC": true},
	Echo:  {"Start": true, "StartTLS": true, "StartAutoTLS": true, "StartServer": true, "StartH2CServer": true},
	Fiber: {"Listen": true, "ListenTLS": true, "ListenTLSWithCertificate": true, "ListenMutualTLS": true, "ListenMutualTLSWithCertificate": true, "Listener": true},
}

// htmlMethods make a router render HTML templates.
var htmlMethods = map[Kind]map[string]bool{
	Gin: {"LoadHTMLGlob": true, "LoadHTMLFiles": true, "LoadHTMLFS": true, "SetHTMLTemplate": true},
}

// serveFuncs serve the handler at the given argument index.
var serveFuncs = map[string]int{
	pkgHTTP + ".ListenAndServe":    1,
	pkgHTTP + ".ListenAndServeTLS": 3,
	pkgHTTP + ".Serve":             1,
	pkgHTTP + ".ServeTLS":          1,
	"net/http/fcgi.Serve":          1,
}

// serverMethods start an *http.Server whose Handler field is served.
var serverMethods = map[string]bool{
	"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true,
}

// handlerTypes are the types of a handler value.
var handlerTypes = map[string]bool{
	pkgHTTP + ".Handler":      true,
	pkgHTTP + ".HandlerFunc":  true,
	pkgGin + ".HandlerFunc":   true,
	pkgEcho + ".HandlerFunc":  true,
	pkgFiber + ".Handler":     true,
	pkgHTTPRouter + ".Handle": true,
}

// middlewareTypes are the named types of a middleware value.
var middlewareTypes = map[string]bool{
	pkgEcho + ".MiddlewareFunc": true,
	pkgMux + ".MiddlewareFunc":  true,
	pkgAlice + ".Constructor":   true,
	pkgGin + ".HandlerFunc":     true,
	pkgFiber + ".Handler":       true,
}

// Caps are what a middleware (or a handler) does to the requests it sees.
type Caps uint32

// The capabilities. Other checks reuse them; add new ones at the end.
const (
	RateLimit Caps = 1 << iota
	SecurityHeaders
	CSRF
	CORS
	BodyLimit
	Auth
	Logging
	Recovery
	RequestID
	Timeout
	Compress
	ServesHTML
)

var capNames = []struct {
	c    Caps
	name string
}{
	{RateLimit, "rate-limit"}, {SecurityHeaders, "security-headers"}, {CSRF, "csrf"}, {CORS, "cors"},
	{BodyLimit, "body-limit"}, {Auth, "auth"}, {Logging, "logging"}, {Recovery, "recovery"},
	{RequestID, "request-id"}, {Timeout, "timeout"}, {Compress, "compress"}, {ServesHTML, "html"},
}

// libMW describes a library middleware (a constructor, a middleware
// function value, or a wrapper taking the handler).
type libMW struct {
	Caps Caps
	// Headers is the name of the header model in headerModels, when the
	// middleware sets security headers depending on its configuration.
	Headers string
	// ConfigArg is the argument holding the configuration, or -1.
	ConfigArg int
}

func lib(c Caps) libMW { return libMW{Caps: c, ConfigArg: -1} }

// libFuncs are library functions that are, build or apply a middleware,
// keyed by FuncKey.
var libFuncs = map[string]libMW{
	// rate limiters
	"github.com/go-chi/httprate.Limit":                                      lib(RateLimit),
	"github.com/go-chi/httprate.LimitAll":                                   lib(RateLimit),
	"github.com/go-chi/httprate.LimitByIP":                                  lib(RateLimit),
	"github.com/go-chi/httprate.LimitByRealIP":                              lib(RateLimit),
	"github.com/go-chi/httprate.LimitBy":                                    lib(RateLimit),
	"github.com/go-chi/httprate.NewRateLimiter":                             lib(RateLimit),
	"github.com/ulule/limiter/v3/drivers/middleware/stdlib.NewMiddleware":   lib(RateLimit),
	"github.com/ulule/limiter/v3/drivers/middleware/gin.NewMiddleware":      lib(RateLimit),
	"github.com/ulule/limiter/v3/drivers/middleware/fasthttp.NewMiddleware": lib(RateLimit),
	"github.com/didip/tollbooth/v7.LimitHandler":                            lib(RateLimit),
	"github.com/didip/tollbooth/v7.LimitFuncHandler":                        lib(RateLimit),
	"github.com/didip/tollbooth.LimitHandler":                               lib(RateLimit),
	"github.com/didip/tollbooth.LimitFuncHandler":                           lib(RateLimit),
	"github.com/sethvargo/go-limiter/httplimit.NewMiddleware":               lib(RateLimit),
	pkgEchoMW + ".RateLimiter":                                              lib(RateLimit),
	pkgEchoMW + ".RateLimiterWithConfig":                                    lib(RateLimit),
	"github.com/gofiber/fiber/v2/middleware/limiter.New":                    lib(RateLimit),
	"github.com/JGLTechnologies/gin-rate-limit.RateLimiter":                 lib(RateLimit),
	pkgChiMW + ".Throttle":                                                  lib(RateLimit),
	pkgChiMW + ".ThrottleBacklog":                                           lib(RateLimit),
	pkgChiMW + ".ThrottleWithOpts":                                          lib(RateLimit),
	pkgChi1MW + ".Throttle":                                                 lib(RateLimit),
	pkgChi1MW + ".ThrottleBacklog":                                          lib(RateLimit),
	pkgChi1MW + ".ThrottleWithOpts":                                         lib(RateLimit),

	// security headers
	pkgUnrolled + ".New":            {Caps: SecurityHeaders, Headers: "unrolled", ConfigArg: 0},
	pkgGinSecure + ".New":           {Caps: SecurityHeaders, Headers: "gincontrib", ConfigArg: 0},
	pkgEchoMW + ".Secure":           {Caps: SecurityHeaders, Headers: "echo-default", ConfigArg: -1},
	pkgEchoMW + ".SecureWithConfig": {Caps: SecurityHeaders, Headers: "echo", ConfigArg: 0},
	pkgHelmet + ".New":              {Caps: SecurityHeaders, Headers: "helmet", ConfigArg: 0},
	pkgChiMW + ".SetHeader":         {Caps: 0, Headers: "setheader", ConfigArg: -1},
	pkgChi1MW + ".SetHeader":        {Caps: 0, Headers: "setheader", ConfigArg: -1},

	// CSRF
	"github.com/gorilla/csrf.Protect":                 lib(CSRF),
	"github.com/justinas/nosurf.New":                  lib(CSRF),
	"github.com/justinas/nosurf.NewPure":              lib(CSRF),
	pkgEchoMW + ".CSRF":                               lib(CSRF),
	pkgEchoMW + ".CSRFWithConfig":                     lib(CSRF),
	"github.com/gofiber/fiber/v2/middleware/csrf.New": lib(CSRF),

	// CORS
	"github.com/rs/cors.New":                          lib(CORS),
	"github.com/rs/cors.Default":                      lib(CORS),
	"github.com/rs/cors.AllowAll":                     lib(CORS),
	"github.com/go-chi/cors.Handler":                  lib(CORS),
	"github.com/go-chi/cors.New":                      lib(CORS),
	"github.com/go-chi/cors.AllowAll":                 lib(CORS),
	"github.com/gin-contrib/cors.New":                 lib(CORS),
	"github.com/gin-contrib/cors.Default":             lib(CORS),
	"github.com/gorilla/handlers.CORS":                lib(CORS),
	pkgEchoMW + ".CORS":                               lib(CORS),
	pkgEchoMW + ".CORSWithConfig":                     lib(CORS),
	"github.com/gofiber/fiber/v2/middleware/cors.New": lib(CORS),

	// body limits
	pkgHTTP + ".MaxBytesHandler":                     lib(BodyLimit),
	pkgEchoMW + ".BodyLimit":                         lib(BodyLimit),
	pkgEchoMW + ".BodyLimitWithConfig":               lib(BodyLimit),
	pkgChiMW + ".RequestSize":                        lib(BodyLimit),
	pkgChi1MW + ".RequestSize":                       lib(BodyLimit),
	"github.com/gin-contrib/size.RequestSizeLimiter": lib(BodyLimit),

	// authentication
	pkgGin + ".BasicAuth":                                            lib(Auth),
	pkgGin + ".BasicAuthForRealm":                                    lib(Auth),
	pkgEchoMW + ".BasicAuth":                                         lib(Auth),
	pkgEchoMW + ".BasicAuthWithConfig":                               lib(Auth),
	pkgEchoMW + ".KeyAuth":                                           lib(Auth),
	pkgEchoMW + ".KeyAuthWithConfig":                                 lib(Auth),
	pkgEchoMW + ".JWT":                                               lib(Auth),
	pkgEchoMW + ".JWTWithConfig":                                     lib(Auth),
	"github.com/labstack/echo-jwt/v4.JWT":                            lib(Auth),
	"github.com/labstack/echo-jwt/v4.WithConfig":                     lib(Auth),
	"github.com/gofiber/contrib/jwt.New":                             lib(Auth),
	"github.com/gofiber/fiber/v2/middleware/basicauth.New":           lib(Auth),
	"github.com/gofiber/fiber/v2/middleware/keyauth.New":             lib(Auth),
	pkgChiMW + ".BasicAuth":                                          lib(Auth),
	"github.com/appleboy/gin-jwt/v2.GinJWTMiddleware.MiddlewareFunc": lib(Auth),

	// housekeeping
	pkgGin + ".Logger":                                              lib(Logging),
	pkgGin + ".LoggerWithConfig":                                    lib(Logging),
	pkgGin + ".LoggerWithFormatter":                                 lib(Logging),
	pkgGin + ".LoggerWithWriter":                                    lib(Logging),
	pkgGin + ".Recovery":                                            lib(Recovery),
	pkgGin + ".CustomRecovery":                                      lib(Recovery),
	pkgGin + ".RecoveryWithWriter":                                  lib(Recovery),
	pkgChiMW + ".Logger":                                            lib(Logging),
	pkgChiMW + ".RequestLogger":                                     lib(Logging),
	pkgChiMW + ".Recoverer":                                         lib(Recovery),
	pkgChiMW + ".RequestID":                                         lib(RequestID),
	pkgChiMW + ".RealIP":                                            lib(0),
	pkgChiMW + ".Timeout":                                           lib(Timeout),
	pkgChiMW + ".Compress":                                          lib(Compress),
	pkgChiMW + ".NoCache":                                           lib(0),
	pkgChiMW + ".Heartbeat":                                         lib(0),
	pkgChiMW + ".CleanPath":                                         lib(0),
	pkgChiMW + ".StripSlashes":                                      lib(0),
	pkgChiMW + ".AllowContentType":                                  lib(0),
	pkgChi1MW + ".Logger":                                           lib(Logging),
	pkgChi1MW + ".Recoverer":                                        lib(Recovery),
	pkgChi1MW + ".RequestID":                                        lib(RequestID),
	pkgChi1MW + ".RealIP":                                           lib(0),
	pkgChi1MW + ".Timeout":                                          lib(Timeout),
	pkgEchoMW + ".Logger":                                           lib(Logging),
	pkgEchoMW + ".LoggerWithConfig":                                 lib(Logging),
	pkgEchoMW + ".RequestLoggerWithConfig":                          lib(Logging),
	pkgEchoMW + ".Recover":                                          lib(Recovery),
	pkgEchoMW + ".RecoverWithConfig":                                lib(Recovery),
	pkgEchoMW + ".RequestID":                                        lib(RequestID),
	pkgEchoMW + ".RequestIDWithConfig":                              lib(RequestID),
	pkgEchoMW + ".Gzip":                                             lib(Compress),
	pkgEchoMW + ".GzipWithConfig":                                   lib(Compress),
	pkgEchoMW + ".Timeout":                                          lib(Timeout),
	pkgEchoMW + ".TimeoutWithConfig":                                lib(Timeout),
	pkgEchoMW + ".ContextTimeout":                                   lib(Timeout),
	pkgEchoMW + ".RemoveTrailingSlash":                              lib(0),
	pkgEchoMW + ".AddTrailingSlash":                                 lib(0),
	"github.com/gofiber/fiber/v2/middleware/logger.New":             lib(Logging),
	"github.com/gofiber/fiber/v2/middleware/recover.New":            lib(Recovery),
	"github.com/gofiber/fiber/v2/middleware/requestid.New":          lib(RequestID),
	"github.com/gofiber/fiber/v2/middleware/compress.New":           lib(Compress),
	"github.com/gofiber/fiber/v2/middleware/timeout.New":            lib(Timeout),
	"github.com/gofiber/fiber/v2/middleware/timeout.NewWithContext": lib(Timeout),
	"github.com/gorilla/handlers.LoggingHandler":                    lib(Logging),
	"github.com/gorilla/handlers.CombinedLoggingHandler":            lib(Logging),
	"github.com/gorilla/handlers.CustomLoggingHandler":              lib(Logging),
	"github.com/gorilla/handlers.RecoveryHandler":                   lib(Recovery),
	"github.com/gorilla/handlers.CompressHandler":                   lib(Compress),
	"github.com/gorilla/handlers.CompressHandlerLevel":              lib(Compress),
	"github.com/gorilla/handlers.ProxyHeaders":                      lib(0),
	pkgHTTP + ".TimeoutHandler":                                     lib(Timeout),
	"github.com/alexedwards/scs/v2.SessionManager.LoadAndSave":      lib(0),
	"github.com/gin-contrib/sessions.Sessions":                      lib(0),
	"github.com/gin-contrib/sessions.SessionsMany":                  lib(0),
	"github.com/labstack/echo-contrib/session.Middleware":           lib(0),
	pkgHTTP + ".StripPrefix":                                        lib(0),
}

// libTypes are library types whose methods apply a middleware (the
// receiver was built by a constructor in libFuncs), keyed by TypeKey.
var libTypes = map[string]libMW{
	"github.com/ulule/limiter/v3/drivers/middleware/stdlib.Middleware":   lib(RateLimit),
	"github.com/ulule/limiter/v3/drivers/middleware/fasthttp.Middleware": lib(RateLimit),
	"github.com/ulule/limiter/v3/drivers/middleware/gin.Middleware":      lib(RateLimit),
	"github.com/sethvargo/go-limiter/httplimit.Middleware":               lib(RateLimit),
	"github.com/go-chi/httprate.RateLimiter":                             lib(RateLimit),
	"github.com/rs/cors.Cors":                                            lib(CORS),
	"github.com/go-chi/cors.Cors":                                        lib(CORS),
	"github.com/justinas/nosurf.CSRFHandler":                             lib(CSRF),
	pkgHTTP + ".CrossOriginProtection":                                   lib(CSRF),
	pkgUnrolled + ".Secure":                                              {Caps: SecurityHeaders, Headers: "unrolled", ConfigArg: 0},
}

// unrolledHeaderMethods are the methods of unrolled/secure's *Secure that
// write the response headers.
var unrolledHeaderMethods = map[string]bool{
	"Handler": true, "HandlerFuncWithNext": true, "Process": true, "ProcessAndReturnNonce": true, "ProcessNoModifyRequest": true,
}

// limiterCalls are calls that take a token from a rate limiter: evidence
// that the function around them limits the request rate.
var limiterCalls = map[string]bool{
	"golang.org/x/time/rate.Limiter.Allow":                  true,
	"golang.org/x/time/rate.Limiter.AllowN":                 true,
	"golang.org/x/time/rate.Limiter.Wait":                   true,
	"golang.org/x/time/rate.Limiter.WaitN":                  true,
	"golang.org/x/time/rate.Limiter.Reserve":                true,
	"golang.org/x/time/rate.Limiter.ReserveN":               true,
	"github.com/ulule/limiter/v3.Limiter.Get":               true,
	"github.com/ulule/limiter/v3.Limiter.Peek":              true,
	"github.com/ulule/limiter/v3.Limiter.Increment":         true,
	"github.com/didip/tollbooth/v7.LimitByRequest":          true,
	"github.com/didip/tollbooth/v7.LimitByKeys":             true,
	"github.com/didip/tollbooth/v7.LimitByKeysAndReturn":    true,
	"github.com/didip/tollbooth.LimitByRequest":             true,
	"github.com/didip/tollbooth.LimitByKeys":                true,
	"github.com/sethvargo/go-limiter.Store.Take":            true,
	"github.com/go-chi/httprate.RateLimiter.OnLimit":        true,
	"github.com/go-chi/httprate.RateLimiter.RespondOnLimit": true,
	"github.com/go-chi/httprate.LimitCounter.IncrementBy":   true,
	"github.com/JGLTechnologies/gin-rate-limit.Store.Limit": true,
	pkgEchoMW + ".RateLimiterStore.Allow":                   true,
	pkgEchoMW + ".RateLimiterMemoryStore.Allow":             true,
}

// limiterMethodNames are method names that, on a type of a package whose
// path names a rate limiter (…/rate, …/ratelimit, …/limiter, …/throttled),
// take a token: redis_rate, juju/ratelimit, uber-go/ratelimit and others
// not listed above.
var limiterMethodNames = map[string]bool{
	"Allow": true, "AllowN": true, "AllowAtMost": true, "Wait": true, "WaitN": true, "Reserve": true, "ReserveN": true,
	"Take": true, "TakeAvailable": true, "TakeMaxDuration": true, "WaitMaxDuration": true, "Limit": true, "RateLimit": true,
}

// counterCalls count something per key in a store (redis INCR): with a
// rejection around them they make a hand-written limiter.
var counterCalls = map[string]bool{
	"github.com/redis/go-redis/v9.cmdable.Incr":   true,
	"github.com/redis/go-redis/v9.cmdable.IncrBy": true,
	"github.com/redis/go-redis/v9.Cmdable.Incr":   true,
	"github.com/redis/go-redis/v9.Cmdable.IncrBy": true,
	"github.com/go-redis/redis/v8.cmdable.Incr":   true,
	"github.com/go-redis/redis/v8.Cmdable.Incr":   true,
}

// tooManyRequests are package-level values that mean a 429 answer.
var tooManyRequests = map[string]bool{
	pkgFiber + ".ErrTooManyRequests":    true,
	pkgFiber + ".StatusTooManyRequests": true,
	pkgEcho + ".ErrTooManyRequests":     true,
	pkgHTTP + ".StatusTooManyRequests":  true,
}

// headerSetters set a response header: receiver type and method, with the
// key and value argument indexes.
var headerSetters = map[string][2]int{
	pkgHTTP + ".Header.Set":                                   {0, 1},
	pkgHTTP + ".Header.Add":                                   {0, 1},
	pkgGin + ".Context.Header":                                {0, 1},
	pkgFiber + ".Ctx.Set":                                     {0, 1},
	pkgFiber + ".Ctx.Append":                                  {0, 1},
	"github.com/valyala/fasthttp.ResponseHeader.Set":          {0, 1},
	"github.com/valyala/fasthttp.ResponseHeader.Add":          {0, 1},
	"github.com/valyala/fasthttp.ResponseHeader.SetCanonical": {0, 1},
}

// htmlCalls render HTML.
var htmlCalls = map[string]bool{
	pkgGin + ".Context.HTML":                 true,
	pkgEcho + ".Context.Render":              true,
	pkgEcho + ".Context.HTML":                true,
	pkgEcho + ".Context.HTMLBlob":            true,
	pkgFiber + ".Ctx.Render":                 true,
	"html/template.Template.Execute":         true,
	"html/template.Template.ExecuteTemplate": true,
}

// opsPathWords name health, readiness and metrics endpoints.
var opsPathWords = map[string]bool{
	"health": true, "healthz": true, "healthcheck": true, "livez": true, "readyz": true, "ready": true, "live": true,
	"liveness": true, "readiness": true, "metrics": true, "ping": true, "pprof": true, "status": true, "version": true,
	"alive": true, "heartbeat": true,
}

// Creds says where a function reads the caller's credentials from. A
// browser sends a cookie with every request, also a cross-site one; it
// never adds an Authorization header by itself.
type Creds uint8

// The credential sources.
const (
	// SessionCreds: a session or token cookie read by name, or a value read
	// from a server-side session loaded from one (gorilla/sessions,
	// gin-contrib/sessions, fiber's session, scs).
	SessionCreds Creds = 1 << iota
	// HeaderCreds: the Authorization header, an API-key header, or a
	// library middleware that authenticates with them (echo's JWT and
	// KeyAuth, fiber's jwt and keyauth, basic auth).
	HeaderCreds
	// LooseCookie: a session cookie read by a name the application (this
	// package or one of the module it imports) sets without SameSite=Lax
	// or Strict; LaxCookie: one it sets with them. They settle AV903 per
	// cookie where the application sets several.
	LooseCookie
	LaxCookie
)

var credNames = []struct {
	c    Creds
	name string
}{{SessionCreds, "session"}, {HeaderCreds, "header"}, {LooseCookie, "loose-cookie"}, {LaxCookie, "lax-cookie"}}

// libCreds are library middleware that take credentials from request
// headers by default, keyed by FuncKey.
var libCreds = map[string]Creds{
	pkgGin + ".BasicAuth":                                            HeaderCreds,
	pkgGin + ".BasicAuthForRealm":                                    HeaderCreds,
	pkgEchoMW + ".BasicAuth":                                         HeaderCreds,
	pkgEchoMW + ".BasicAuthWithConfig":                               HeaderCreds,
	pkgEchoMW + ".KeyAuth":                                           HeaderCreds,
	pkgEchoMW + ".KeyAuthWithConfig":                                 HeaderCreds,
	pkgEchoMW + ".JWT":                                               HeaderCreds,
	pkgEchoMW + ".JWTWithConfig":                                     HeaderCreds,
	"github.com/labstack/echo-jwt/v4.JWT":                            HeaderCreds,
	"github.com/labstack/echo-jwt/v4.WithConfig":                     HeaderCreds,
	"github.com/gofiber/contrib/jwt.New":                             HeaderCreds,
	"github.com/gofiber/fiber/v2/middleware/basicauth.New":           HeaderCreds,
	"github.com/gofiber/fiber/v2/middleware/keyauth.New":             HeaderCreds,
	pkgChiMW + ".BasicAuth":                                          HeaderCreds,
	"github.com/appleboy/gin-jwt/v2.GinJWTMiddleware.MiddlewareFunc": HeaderCreds,
	// jwtauth.Verifier looks in the header and then in a "jwt" cookie.
	"github.com/go-chi/jwtauth/v5.Verifier": HeaderCreds,
	"github.com/go-chi/jwtauth/v5.Verify":   HeaderCreds,
	pkgHTTP + ".Request.BasicAuth":          HeaderCreds,
}

// cookieReads read a request cookie by the name in the given argument.
var cookieReads = map[string]int{
	pkgHTTP + ".Request.Cookie": 0,
	pkgGin + ".Context.Cookie":  0,
	pkgEcho + ".Context.Cookie": 0,
	pkgFiber + ".Ctx.Cookies":   0,
}

// requestHeaderReads read a request header by the name in the given
// argument (net/http's Header.Get counts on a request's header only).
var requestHeaderReads = map[string]int{
	pkgHTTP + ".Header.Get":       0,
	pkgHTTP + ".Header.Values":    0,
	pkgGin + ".Context.GetHeader": 0,
	pkgFiber + ".Ctx.Get":         0,
}

// sessionCookieWords name cookies that carry a session or a credential.
var sessionCookieWords = map[string]bool{
	"session": true, "sessions": true, "sess": true, "sid": true, "sessid": true, "sessionid": true, "token": true,
	"jwt": true, "auth": true, "authorization": true, "access": true, "remember": true, "credential": true,
	"credentials": true, "login": true, "identity": true, "bearer": true, "uid": true,
}

// sessionFuncWords name a function that authenticates a request: a cookie
// it reads is a session cookie whatever its name.
// preferenceCookieWords name cookies that hold a preference or tracking
// state, never the caller's identity.
var preferenceCookieWords = map[string]bool{
	"lang": true, "language": true, "locale": true, "theme": true, "consent": true, "tz": true, "timezone": true,
	"currency": true, "pref": true, "prefs": true, "preference": true, "preferences": true, "experiment": true,
	"variant": true, "tracking": true, "analytics": true, "utm": true, "cart": true, "banner": true, "dismissed": true,
	"gdpr": true, "cookieconsent": true, "ab": true, "region": true, "country": true,
}

var sessionFuncWords = map[string]bool{
	"session": true, "sessions": true, "auth": true, "authn": true, "authenticate": true, "authenticated": true,
	"login": true, "require": true, "current": true, "signed": true, "whoami": true,
}

// csrfWords name anti-CSRF tokens in cookies, headers and form fields.
var csrfWords = map[string]bool{"csrf": true, "xsrf": true, "csrftoken": true, "xsrftoken": true}

// credentialHeaderWords name request headers that carry a credential
// (Authorization, X-API-Key, X-Auth-Token).
var credentialHeaderWords = map[string]bool{
	"authorization": true, "auth": true, "token": true, "apikey": true, "bearer": true,
}

// crossSiteHeaders are request headers whose check rejects cross-site
// requests: Sec-Fetch-Site and Origin comparisons, a required
// X-Requested-With.
var crossSiteHeaders = map[string]bool{
	"Sec-Fetch-Site": true, "Origin": true, "X-Requested-With": true,
}

// sessionPkgs hold server-side sessions loaded from a cookie; a call that
// returns one of sessionTypes loads the caller's session.
var sessionTypes = map[string]bool{
	"github.com/gorilla/sessions.Session":                    true,
	"github.com/gin-contrib/sessions.Session":                true,
	"github.com/gofiber/fiber/v2/middleware/session.Session": true,
}

// sessionGets read a value from a session (Set and Save write one, as a
// login handler does).
var sessionGets = map[string]bool{
	"github.com/gin-contrib/sessions.Session.Get":                true,
	"github.com/gofiber/fiber/v2/middleware/session.Session.Get": true,
	"github.com/alexedwards/scs/v2.SessionManager.Get":           true,
	"github.com/alexedwards/scs/v2.SessionManager.GetString":     true,
	"github.com/alexedwards/scs/v2.SessionManager.GetInt":        true,
	"github.com/alexedwards/scs/v2.SessionManager.GetInt64":      true,
	"github.com/alexedwards/scs/v2.SessionManager.GetBool":       true,
	"github.com/alexedwards/scs/v2.SessionManager.GetBytes":      true,
	"github.com/alexedwards/scs/v2.SessionManager.Exists":        true,
}

// sessionSets write a value into a session.
var sessionSets = map[string]bool{
	"github.com/gin-contrib/sessions.Session.Set":                true,
	"github.com/gofiber/fiber/v2/middleware/session.Session.Set": true,
	"github.com/alexedwards/scs/v2.SessionManager.Put":           true,
}

// formReads read a form field by the name in their first argument.
var formReads = map[string]bool{
	pkgHTTP + ".Request.FormValue":      true,
	pkgHTTP + ".Request.PostFormValue":  true,
	pkgGin + ".Context.PostForm":        true,
	pkgGin + ".Context.GetPostForm":     true,
	pkgGin + ".Context.DefaultPostForm": true,
	pkgEcho + ".Context.FormValue":      true,
	pkgFiber + ".Ctx.FormValue":         true,
}

// sessionValues is the map field of a session whose read identifies the
// caller (sess.Values["user_id"]).
var sessionValues = map[string]string{
	"github.com/gorilla/sessions.Session": "Values",
}

// sameSiteDefaults build session managers whose cookie is SameSite=Lax
// unless configured otherwise.
var sameSiteDefaults = map[string]bool{
	"github.com/gofiber/fiber/v2/middleware/session.New": true,
	"github.com/alexedwards/scs/v2.New":                  true,
}

// sessionStores build a store of sessions kept in (or keyed by) a cookie:
// where an application decides its session cookie's attributes.
var sessionStores = map[string]bool{
	"github.com/gorilla/sessions.NewCookieStore":               true,
	"github.com/gorilla/sessions.NewFilesystemStore":           true,
	"github.com/gin-contrib/sessions/cookie.NewStore":          true,
	"github.com/gin-contrib/sessions/redis.NewStore":           true,
	"github.com/gin-contrib/sessions/memstore.NewStore":        true,
	"github.com/gin-contrib/sessions/postgres.NewStore":        true,
	"github.com/gin-contrib/sessions/gorm.NewStore":            true,
	"github.com/gofiber/fiber/v2/middleware/session.New":       true,
	"github.com/alexedwards/scs/v2.New":                        true,
	"github.com/rbcervilla/redisstore/v9.NewRedisStore":        true,
	"github.com/boj/redistore.NewRediStore":                    true,
	"github.com/boj/redistore.NewRediStoreWithDB":              true,
	"github.com/antonlindstrom/pgstore.NewPGStore":             true,
	"github.com/srinathgs/mysqlstore.NewMySQLStore":            true,
	"github.com/quasoft/memstore.NewMemStore":                  true,
	"github.com/wader/gormstore/v2.New":                        true,
	"github.com/gorilla/sessions.NewFilesystemStoreWithCodecs": true,
}

// cookieSetters set a response cookie: gin's takes the name and the
// httpOnly flag as arguments (the others an *http.Cookie, seen as a
// literal).
var cookieSetters = map[string][2]int{
	pkgGin + ".Context.SetCookie": {0, 6},
}

// sameSiteSetters set the SameSite attribute of the cookies a response
// sets afterwards (gin's c.SetSameSite(http.SameSiteLaxMode)).
var sameSiteSetters = map[string]bool{
	pkgGin + ".Context.SetSameSite": true,
}

// bodyReaders read the reader in the given argument to its end.
var bodyReaders = map[string]int{
	"io.ReadAll":            0,
	"io/ioutil.ReadAll":     0,
	"io.Copy":               1,
	"io.CopyBuffer":         1,
	"bytes.Buffer.ReadFrom": 0,
}

// unsafeMethods change state.
var unsafeMethods = map[string]bool{"POST": true, "PUT": true, "PATCH": true, "DELETE": true}

// accumulatingWriters hold what io.Copy writes into them: a copy of the
// body there grows with it.
var accumulatingWriters = map[string]bool{
	"os.File": true, "bytes.Buffer": true, "strings.Builder": true,
}

// bodyDecoders decode from the reader their constructor was given:
// json.NewDecoder(r.Body).Decode(&v).
var bodyDecoders = map[string]string{
	"encoding/json.Decoder.Decode": "encoding/json.NewDecoder",
	"encoding/xml.Decoder.Decode":  "encoding/xml.NewDecoder",
}

// bodyLimiters bound the reader in the given argument.
var bodyLimiters = map[string]int{
	pkgHTTP + ".MaxBytesReader": 1,
	"io.LimitReader":            0,
}

// frameworkReads are framework methods that read the whole request body
// with no limit of their own (gin's Bind family decodes it with
// encoding/json, echo's Bind too).
var frameworkReads = map[string]bool{
	pkgGin + ".Context.Bind":                   true,
	pkgGin + ".Context.BindJSON":               true,
	pkgGin + ".Context.BindXML":                true,
	pkgGin + ".Context.BindYAML":               true,
	pkgGin + ".Context.BindTOML":               true,
	pkgGin + ".Context.ShouldBind":             true,
	pkgGin + ".Context.ShouldBindJSON":         true,
	pkgGin + ".Context.ShouldBindXML":          true,
	pkgGin + ".Context.ShouldBindYAML":         true,
	pkgGin + ".Context.ShouldBindTOML":         true,
	pkgGin + ".Context.ShouldBindBodyWithJSON": true,
	pkgGin + ".Context.ShouldBindBodyWithXML":  true,
	pkgGin + ".Context.ShouldBindBodyWithYAML": true,
	pkgGin + ".Context.ShouldBindBodyWithTOML": true,
	pkgGin + ".Context.GetRawData":             true,
	pkgEcho + ".Context.Bind":                  true,
	pkgEcho + ".DefaultBinder.Bind":            true,
	pkgEcho + ".DefaultBinder.BindBody":        true,
}

// bindingReads take a gin binding in their second argument; they read
// the body when it is one of bodyBindings.
var bindingReads = map[string]bool{
	pkgGin + ".Context.BindWith":           true,
	pkgGin + ".Context.MustBindWith":       true,
	pkgGin + ".Context.ShouldBindWith":     true,
	pkgGin + ".Context.ShouldBindBodyWith": true,
}

// bodyBindings are gin's bindings that decode the body.
var bodyBindings = map[string]bool{
	"github.com/gin-gonic/gin/binding.JSON": true, "github.com/gin-gonic/gin/binding.XML": true,
	"github.com/gin-gonic/gin/binding.YAML": true, "github.com/gin-gonic/gin/binding.TOML": true,
	"github.com/gin-gonic/gin/binding.ProtoBuf": true, "github.com/gin-gonic/gin/binding.MsgPack": true,
}

// multipartReads parse a multipart body keeping the given argument's
// number of bytes of files in memory.
var multipartReads = map[string]int{
	pkgHTTP + ".Request.ParseMultipartForm": 0,
}
