package cors

// This file is the analyzer's knowledge of CORS libraries and of the calls
// that read the Origin header, write response headers or check strings. It
// is data: the matching code reads it and holds no library names of its
// own. Each entry was checked against the library's source at the version
// the tests pin (rs/cors v1.11.1, go-chi/cors v1.2.2, gin-contrib/cors
// v1.7.7, echo v4.16.0, fiber v2.52.15, gorilla/handlers v1.5.2).

// starBehaviour is what a library does with the origin "*" together with
// credentials.
type starBehaviour int

const (
	// starSendsWildcard: the response carries Access-Control-Allow-Origin: *
	// and Access-Control-Allow-Credentials: true (rs/cors, go-chi/cors,
	// gin-contrib/cors, gorilla/handlers, echo by default).
	starSendsWildcard starBehaviour = iota
	// starPanics: the constructor panics at startup (fiber v2.52.1 and
	// later, fiber v3). A crash is not a data leak and the service never
	// serves the combination, so apivet stays silent.
	starPanics
)

// patternSyntax says how an origin entry containing "*" is matched.
type patternSyntax int

const (
	// patternNone: "*" only means "every origin" on its own; other entries
	// are compared literally.
	patternNone patternSyntax = iota
	// patternGlob: one "*" matches any run of characters (rs/cors,
	// go-chi/cors, echo, gin-contrib with AllowWildcard); the matching
	// origin is reflected.
	patternGlob
	// patternSubdomain: only "scheme://*.domain" is accepted; anything
	// else with a "*" panics at startup (fiber).
	patternSubdomain
)

// originFunc is a callback field deciding whether an origin is allowed.
type originFunc struct {
	field string
	param int // index of the origin parameter
}

// library models one CORS middleware: its options and what it sends.
type library struct {
	name string // for messages
	// origins is the field (or gorilla option) holding the allowed
	// origins; csv marks one comma-separated string (fiber v2).
	origins string
	csv     bool
	// allowAll is a bool field allowing every origin (gin-contrib).
	allowAll    string
	credentials string
	funcs       []originFunc
	// emptyIsAll: no origins and no function mean every origin.
	emptyIsAll bool
	// funcReplacesList: a function, when set, replaces the origin list
	// (rs/cors, go-chi/cors, echo); otherwise the list is checked first and
	// the function decides the rest (gin-contrib, fiber).
	funcReplacesList bool
	star             starBehaviour
	// unsafeReflect is echo's opt-in to reflect every origin with
	// credentials when AllowOrigins holds "*".
	unsafeReflect string
	patterns      patternSyntax
	// wildcardFlag must be true for patterns to apply (gin-contrib's
	// AllowWildcard).
	wildcardFlag string
	// regexEntries: entries written "/re/" are regular expressions matched
	// without anchors (gin-contrib).
	regexEntries bool
	// validates: gin-contrib's Config.Validate, which panics when no or
	// conflicting origin settings are given, or when an entry has no
	// http(s) scheme (so "null" never starts).
	validates bool
	// schemeFlags are gin-contrib fields that widen the schemes Validate
	// accepts; when one is set apivet does not second-guess Validate.
	schemeFlags []string
	// nullRejected: the library refuses "null" at startup (fiber).
	nullRejected bool
}

var (
	rsCors = &library{
		name: "rs/cors", origins: "AllowedOrigins", credentials: "AllowCredentials",
		funcs: []originFunc{
			{"AllowOriginFunc", 0}, {"AllowOriginRequestFunc", 1}, {"AllowOriginVaryRequestFunc", 1},
		},
		emptyIsAll: true, funcReplacesList: true, star: starSendsWildcard, patterns: patternGlob,
	}
	chiCors = &library{
		name: "go-chi/cors", origins: "AllowedOrigins", credentials: "AllowCredentials",
		funcs:      []originFunc{{"AllowOriginFunc", 1}},
		emptyIsAll: true, funcReplacesList: true, star: starSendsWildcard, patterns: patternGlob,
	}
	ginCors = &library{
		name: "gin-contrib/cors", origins: "AllowOrigins", allowAll: "AllowAllOrigins", credentials: "AllowCredentials",
		funcs:    []originFunc{{"AllowOriginFunc", 0}, {"AllowOriginWithContextFunc", 1}},
		star:     starSendsWildcard,
		patterns: patternGlob, wildcardFlag: "AllowWildcard", regexEntries: true, validates: true,
		schemeFlags: []string{"AllowBrowserExtensions", "AllowWebSockets", "AllowFiles", "CustomSchemas"},
	}
	echoCors = &library{
		name: "echo", origins: "AllowOrigins", credentials: "AllowCredentials",
		funcs:      []originFunc{{"AllowOriginFunc", 0}},
		emptyIsAll: true, funcReplacesList: true, star: starSendsWildcard,
		unsafeReflect: "UnsafeWildcardOriginWithAllowCredentials", patterns: patternGlob,
	}
	fiberCors = &library{
		name: "fiber", origins: "AllowOrigins", csv: true, credentials: "AllowCredentials",
		funcs:      []originFunc{{"AllowOriginsFunc", 0}},
		emptyIsAll: true, star: starPanics, patterns: patternSubdomain, nullRejected: true,
	}
	fiber3Cors = &library{
		name: "fiber", origins: "AllowOrigins", credentials: "AllowCredentials",
		funcs:      []originFunc{{"AllowOriginsFunc", 0}},
		emptyIsAll: true, star: starPanics, patterns: patternSubdomain, nullRejected: true,
	}
	// gorilla/handlers is configured with option functions; the "fields"
	// are the option names.
	gorillaCors = &library{
		name: "gorilla/handlers", origins: "AllowedOrigins", credentials: "AllowCredentials",
		funcs:      []originFunc{{"AllowedOriginValidator", 0}},
		emptyIsAll: true, star: starSendsWildcard, patterns: patternNone,
	}
)

// ctorKind says how a constructor takes its configuration.
type ctorKind int

const (
	ctorStruct  ctorKind = iota // an options struct (value or pointer) at arg
	ctorOptions                 // gorilla-style functional options (variadic)
)

// ctor is a constructor; when its struct argument is omitted (fiber's
// cors.New()), the library's defaults apply, which never allow credentials.
type ctor struct {
	lib  *library
	kind ctorKind
	arg  int
}

// ctors maps a constructor (typesx.FuncKey) to the library it builds.
// Constructors that take no configuration (rs/cors Default and AllowAll,
// gin-contrib Default, echo CORS) never allow credentials and are absent.
var ctors = map[string]ctor{
	"github.com/rs/cors.New":                                {rsCors, ctorStruct, 0},
	"github.com/rs/cors/wrapper/gin.New":                    {rsCors, ctorStruct, 0},
	"github.com/go-chi/cors.New":                            {chiCors, ctorStruct, 0},
	"github.com/go-chi/cors.Handler":                        {chiCors, ctorStruct, 0},
	"github.com/gin-contrib/cors.New":                       {ginCors, ctorStruct, 0},
	"github.com/labstack/echo/v4/middleware.CORSWithConfig": {echoCors, ctorStruct, 0},
	"github.com/labstack/echo/v5/middleware.CORSWithConfig": {echoCors, ctorStruct, 0},
	"github.com/gofiber/fiber/v2/middleware/cors.New":       {fiberCors, ctorStruct, 0},
	"github.com/gofiber/fiber/v3/middleware/cors.New":       {fiber3Cors, ctorStruct, 0},
	"github.com/gorilla/handlers.CORS":                      {gorillaCors, ctorOptions, 0},
}

// gorillaOptions maps gorilla/handlers option constructors to the "field"
// they set; AllowCredentials takes no argument and sets true.
var gorillaOptions = map[string]string{
	"github.com/gorilla/handlers.AllowedOrigins":         "AllowedOrigins",
	"github.com/gorilla/handlers.AllowCredentials":       "AllowCredentials",
	"github.com/gorilla/handlers.AllowedOriginValidator": "AllowedOriginValidator",
}

// defaultConfigs are library values and functions that return a
// configuration to start from, with the origins they allow. A nil list
// means the field is unset.
var defaultConfigs = map[string][]string{
	"github.com/gin-contrib/cors.DefaultConfig":                 nil,
	"github.com/labstack/echo/v4/middleware.DefaultCORSConfig":  {"*"},
	"github.com/labstack/echo/v5/middleware.DefaultCORSConfig":  {"*"},
	"github.com/gofiber/fiber/v2/middleware/cors.ConfigDefault": {"*"},
	"github.com/gofiber/fiber/v3/middleware/cors.ConfigDefault": {"*"},
}

// Header names, compared case-insensitively.
const (
	hdrAllowOrigin      = "access-control-allow-origin"
	hdrAllowCredentials = "access-control-allow-credentials"
	hdrOrigin           = "origin"
)

// setter is a method that writes a response header: key and value are
// argument indexes.
type setter struct{ key, value int }

// headerSetters maps "pkgpath.Type" to the methods that write a response
// header. net/http.Header covers w.Header(), gin's c.Writer.Header() and
// echo's c.Response().Header(); writes into a request's header are told
// apart by the receiver.
var headerSetters = map[string]map[string]setter{
	"net/http.Header":                            {"Set": {0, 1}, "Add": {0, 1}},
	"github.com/gin-gonic/gin.Context":           {"Header": {0, 1}},
	"github.com/gofiber/fiber/v2.Ctx":            {"Set": {0, 1}, "Append": {0, 1}},
	"github.com/gofiber/fiber/v3.Ctx":            {"Set": {0, 1}, "Append": {0, 1}},
	"github.com/valyala/fasthttp.ResponseHeader": {"Set": {0, 1}, "Add": {0, 1}},
}

// originReaders maps "pkgpath.Type" to the methods that read a request
// header by name (argument 0); called with "Origin" they return the
// client's origin.
var originReaders = map[string][]string{
	"net/http.Header":                           {"Get", "Values"},
	"github.com/gin-gonic/gin.Context":          {"GetHeader"},
	"github.com/gofiber/fiber/v2.Ctx":           {"Get"},
	"github.com/gofiber/fiber/v3.Ctx":           {"Get"},
	"github.com/valyala/fasthttp.RequestHeader": {"Peek"},
}

// derivers return a value that carries their first argument's text
// (a normalised origin, its parsed URL, its host).
var derivers = map[string]bool{
	"strings.ToLower": true, "strings.ToUpper": true, "strings.TrimSpace": true,
	"strings.TrimSuffix": true, "strings.TrimPrefix": true, "strings.TrimRight": true,
	"strings.TrimLeft": true, "strings.Trim": true, "net/url.Parse": true,
	"net/url.ParseRequestURI": true, "net.SplitHostPort": true,
	"net/url.URL.Hostname": true, "net/url.URL.String": true, "net/url.URL.Port": true,
}

// Kinds of string test on an origin.
type strTest int

const (
	testSuffix   strTest = iota + 1 // strings.HasSuffix(origin, s)
	testPrefix                      // strings.HasPrefix(origin, s)
	testContains                    // strings.Contains(origin, s)
	testEqual                       // strings.EqualFold(origin, s)
)

// stringTests maps the strings functions that test an origin against a
// string given as the second argument.
var stringTests = map[string]strTest{
	"strings.HasSuffix": testSuffix,
	"strings.HasPrefix": testPrefix,
	"strings.Contains":  testContains,
	"strings.EqualFold": testEqual,
	"bytes.HasSuffix":   testSuffix,
	"bytes.HasPrefix":   testPrefix,
	"bytes.Contains":    testContains,
}

// regexpFuncs match a pattern given as argument 0 against argument 1.
var regexpFuncs = map[string]bool{
	"regexp.MatchString": true,
	"regexp.Match":       true,
}

// regexpMethods match the receiver's pattern against argument 0.
var regexpMethods = map[string]bool{
	"regexp.Regexp.MatchString": true, "regexp.Regexp.Match": true,
	"regexp.Regexp.FindString": true, "regexp.Regexp.FindStringIndex": true,
	"regexp.Regexp.FindStringSubmatch": true,
}

// regexpCompilers build a *regexp.Regexp from the pattern in argument 0.
var regexpCompilers = map[string]bool{
	"regexp.MustCompile": true, "regexp.Compile": true,
	"regexp.MustCompilePOSIX": true, "regexp.CompilePOSIX": true,
}
