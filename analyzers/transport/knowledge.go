package transport

import "github.com/apivet/apivet/passes/routes"

// This file is the analyzer's knowledge of crypto/tls and of the places
// people build TLS configurations: data only.

// fieldRule names the check a struct field gets. The table is keyed by the
// struct's "pkgpath.Type" so that later rules (body limits, AV805) add
// rows, not walks.
type fieldRule int

const (
	ruleSkipVerify fieldRule = iota + 1
	ruleMinVersion
	ruleMaxVersion
	ruleCipherSuites
)

var structFields = map[string]map[string]fieldRule{
	"crypto/tls.Config": {
		"InsecureSkipVerify": ruleSkipVerify,
		"MinVersion":         ruleMinVersion,
		"MaxVersion":         ruleMaxVersion,
		"CipherSuites":       ruleCipherSuites,
	},
}

// verifyFields are tls.Config callbacks with which a configuration checks
// the peer's certificate itself.
var verifyFields = []string{"VerifyPeerCertificate", "VerifyConnection"}

// TLS protocol versions (crypto/tls constants).
const (
	versionSSL30 = 0x0300
	versionTLS10 = 0x0301
	versionTLS11 = 0x0302
	versionTLS12 = 0x0303
	versionTLS13 = 0x0304
)

// versionNames are the crypto/tls constant names by value.
var versionNames = map[int64]string{
	versionSSL30: "VersionSSL30",
	versionTLS10: "VersionTLS10",
	versionTLS11: "VersionTLS11",
	versionTLS12: "VersionTLS12",
	versionTLS13: "VersionTLS13",
}

// versionLabels are the versions as people say them.
var versionLabels = map[int64]string{
	versionSSL30: "SSL 3.0",
	versionTLS10: "TLS 1.0",
	versionTLS11: "TLS 1.1",
	versionTLS12: "TLS 1.2",
	versionTLS13: "TLS 1.3",
}

// flagVersions maps the -min-tls-version flag to a version.
var flagVersions = map[string]int64{
	"1.0": versionTLS10, "1.1": versionTLS11, "1.2": versionTLS12, "1.3": versionTLS13,
}

// insecureSuite is a cipher suite crypto/tls lists in
// tls.InsecureCipherSuites() (Go 1.26), with what is wrong with it.
type insecureSuite struct {
	name   string
	reason string
}

const (
	whyRC4  = "RC4"
	why3DES = "3DES"
	whyCBC  = "CBC with SHA-256, open to Lucky13"
	whyRSA  = "RSA key exchange without forward secrecy"
)

// insecureSuites is tls.InsecureCipherSuites() of Go 1.26, kept as data so
// the result does not depend on the toolchain that built apivet.
var insecureSuites = map[int64]insecureSuite{
	0x0005: {"TLS_RSA_WITH_RC4_128_SHA", whyRC4},
	0x000a: {"TLS_RSA_WITH_3DES_EDE_CBC_SHA", why3DES},
	0x002f: {"TLS_RSA_WITH_AES_128_CBC_SHA", whyRSA},
	0x0035: {"TLS_RSA_WITH_AES_256_CBC_SHA", whyRSA},
	0x003c: {"TLS_RSA_WITH_AES_128_CBC_SHA256", whyCBC},
	0x009c: {"TLS_RSA_WITH_AES_128_GCM_SHA256", whyRSA},
	0x009d: {"TLS_RSA_WITH_AES_256_GCM_SHA384", whyRSA},
	0xc007: {"TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", whyRC4},
	0xc011: {"TLS_ECDHE_RSA_WITH_RC4_128_SHA", whyRC4},
	0xc012: {"TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", why3DES},
	0xc023: {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", whyCBC},
	0xc027: {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", whyCBC},
}

// serverUses are where a tls.Config configures a server, for which
// InsecureSkipVerify has no effect: a field of a struct literal, or a call
// argument.
var serverFields = map[string]string{
	"net/http.Server":          "TLSConfig",
	"net/http/httptest.Server": "TLS",
}

var serverCalls = map[string]int{
	"crypto/tls.Listen":      2,
	"crypto/tls.NewListener": 1,
	"crypto/tls.Server":      1,
}

// testPackageWords mark packages that only serve tests (testutil,
// testhelpers, mocks): their configurations never reach production.
var testPackageWords = map[string]bool{
	"test": true, "tests": true, "testutil": true, "testutils": true, "testhelper": true,
	"testhelpers": true, "testing": true, "testsupport": true, "testkit": true, "testserver": true,
	"testdata": true, "mocks": true, "mock": true, "fakes": true, "fake": true, "e2e": true,
	"e2etest": true, "integrationtest": true, "apitest": true,
}

// notTestWords end in "test" without being test packages.
var notTestWords = map[string]bool{
	"latest": true, "contest": true, "attest": true, "protest": true, "detest": true,
	"greatest": true, "fastest": true, "shortest": true, "smartest": true, "hottest": true,
	"tightest": true, "slightest": true, "lightest": true, "brightest": true, "loadtest": true,
}

// testImports mark a file as test support: it builds httptest servers or
// takes a *testing.T.
var testImports = map[string]bool{
	"net/http/httptest": true,
	"testing":           true,
}

// quietPkgs are packages whose calls neither check nor change anything
// (logging, formatting): a callback that only calls them does nothing.
var quietPkgs = map[string]bool{
	"log": true, "log/slog": true, "fmt": true,
	"go.uber.org/zap": true, "github.com/sirupsen/logrus": true, "github.com/rs/zerolog": true,
}

// --- AV804: servers without a read-header timeout ---

// Import paths of the web frameworks whose start helpers AV804 models.
const (
	pkgHTTP  = "net/http"
	pkgGin   = "github.com/gin-gonic/gin"
	pkgEcho  = "github.com/labstack/echo/v4"
	pkgFiber = "github.com/gofiber/fiber/v2"
)

// readTimeoutFields are the net/http.Server fields that bound how long a
// client may take to send its request headers: ReadHeaderTimeout, and
// ReadTimeout, which net/http uses for the headers when ReadHeaderTimeout
// is zero.
var readTimeoutFields = map[string]bool{"ReadHeaderTimeout": true, "ReadTimeout": true}

// fiberReadTimeout is the fiber.Config field fasthttp uses as its read
// deadline. fasthttp sets no deadline at all on a connection's first
// request when it is zero (IdleTimeout only applies to keep-alive
// requests), and fiber's default is zero.
const fiberReadTimeout = "ReadTimeout"

// startKind says which server a start call serves with.
type startKind int

const (
	// startBare always serves with a server of its own that sets no
	// timeout: http.ListenAndServe and friends, gin's Engine.Run (gin
	// v1.12 builds &http.Server{Addr, Handler} and nothing else).
	startBare startKind = iota + 1
	// startEcho serves with a server held in a field of *echo.Echo, which
	// echo.New creates as new(http.Server): Start uses e.Server, StartTLS
	// and StartAutoTLS use e.TLSServer, so timeouts set on one do not
	// apply to the other.
	startEcho
	// startFiber serves with fasthttp, configured by the fiber.Config
	// passed to fiber.New.
	startFiber
	// startServer is a method of *http.Server: the server's own literal is
	// what is checked, or its zero value.
	startServer
)

// starter describes a call that starts serving.
type starter struct {
	kind  startKind
	addr  int    // index of the listen address argument, or -1
	field string // startEcho: the *echo.Echo field holding the server
}

// starters are the calls that start an HTTP server, by FuncKey. gin's
// RunUnix (a local socket behind a proxy) and RunQUIC (QUIC has its own
// handshake timeouts) are left out.
var starters = map[string]starter{
	pkgHTTP + ".ListenAndServe":    {kind: startBare, addr: 0},
	pkgHTTP + ".ListenAndServeTLS": {kind: startBare, addr: 0},
	pkgHTTP + ".Serve":             {kind: startBare, addr: -1},
	pkgHTTP + ".ServeTLS":          {kind: startBare, addr: -1},

	pkgHTTP + ".Server.ListenAndServe":    {kind: startServer, addr: -1},
	pkgHTTP + ".Server.ListenAndServeTLS": {kind: startServer, addr: -1},
	pkgHTTP + ".Server.Serve":             {kind: startServer, addr: -1},
	pkgHTTP + ".Server.ServeTLS":          {kind: startServer, addr: -1},

	pkgGin + ".Engine.Run":         {kind: startBare, addr: 0},
	pkgGin + ".Engine.RunTLS":      {kind: startBare, addr: 0},
	pkgGin + ".Engine.RunListener": {kind: startBare, addr: -1},
	pkgGin + ".Engine.RunFd":       {kind: startBare, addr: -1},

	pkgEcho + ".Echo.Start":          {kind: startEcho, addr: 0, field: "Server"},
	pkgEcho + ".Echo.StartH2CServer": {kind: startEcho, addr: 0, field: "Server"},
	pkgEcho + ".Echo.StartTLS":       {kind: startEcho, addr: 0, field: "TLSServer"},
	pkgEcho + ".Echo.StartAutoTLS":   {kind: startEcho, addr: 0, field: "TLSServer"},

	pkgFiber + ".App.Listen":                         {kind: startFiber, addr: 0},
	pkgFiber + ".App.ListenTLS":                      {kind: startFiber, addr: 0},
	pkgFiber + ".App.ListenTLSWithCertificate":       {kind: startFiber, addr: 0},
	pkgFiber + ".App.ListenMutualTLS":                {kind: startFiber, addr: 0},
	pkgFiber + ".App.ListenMutualTLSWithCertificate": {kind: startFiber, addr: 0},
	pkgFiber + ".App.Listener":                       {kind: startFiber, addr: -1},
}

// frameworkCtors build the value a start method is called on; AV804 only
// judges echo and fiber values it sees built in the package.
var frameworkCtors = map[startKind]string{
	startEcho:  pkgEcho + ".New",
	startFiber: pkgFiber + ".New",
}

// loopbackHosts are listen hosts only the machine itself can reach.
var loopbackHosts = map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, "[::1]": true}

// --- AV805 ---

// bodyMethods are the route methods whose requests carry a body a handler
// reads ("" is a route for any method).
var bodyMethods = map[string]bool{"POST": true, "PUT": true, "PATCH": true, "DELETE": true, "": true}

// bodyFixes say how to bound the body, per router library.
var bodyFixes = map[routes.Kind]string{
	routes.NetHTTP:    "wrap the body in http.MaxBytesReader(w, r.Body, n) first, or the handler in http.MaxBytesHandler",
	routes.Mux:        "wrap the body in http.MaxBytesReader(w, r.Body, n) first, or add a middleware that does to the router",
	routes.HTTPRouter: "wrap the body in http.MaxBytesReader(w, r.Body, n) first",
	routes.Chi:        "add middleware.RequestSize(n) to the router or wrap the body in http.MaxBytesReader(w, r.Body, n) first",
	routes.Gin:        "add a middleware that sets c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n) (MaxMultipartMemory bounds no body)",
	routes.Echo:       "add middleware.BodyLimit to the server or the group",
}
