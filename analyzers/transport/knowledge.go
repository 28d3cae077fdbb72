package transport

// This file is the analyzer's knowledge of crypto/tls and of the places
// people build TLS configurations: data only.

// fieldRule names the check a struct field gets. The table is keyed by the
// struct's "pkgpath.Type" so that later rules (server timeouts and body
// limits on net/http.Server, AV804-805) add rows, not walks.
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
