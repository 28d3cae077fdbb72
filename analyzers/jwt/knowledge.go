package jwt

// The JWT libraries' API (functions, types, fields, argument positions)
// is data in passes/jwtkeys/knowledge.go. This file holds what only the
// analyzer needs: the vulnerable imports of AV108 and the words that tell
// access tokens from refresh tokens and from tokens of other kinds.

// vulnerableImport is a JWT library with known vulnerabilities that will
// not be fixed.
type vulnerableImport struct {
	path    string // import path; its subpackages match too
	not     string // a path under path that is a different module
	problem string // what is wrong, for the message
	instead string // what to use
}

var vulnerableImports = []vulnerableImport{
	{
		path:    "github.com/dgrijalva/jwt-go",
		not:     "github.com/dgrijalva/jwt-go/v4",
		problem: "is unmaintained and has the unfixed CVE-2020-26160 (a token with an audience list passes any aud check)",
		instead: "github.com/golang-jwt/jwt/v5",
	},
}

// Token kinds decided from names.
type tokenKind int

const (
	kindUnknown tokenKind = iota
	kindAccess
	kindRefresh
	kindOther     // a token for one purpose (email verification, password reset, invitation, an API key): no lifetime limit
	kindAmbiguous // access and refresh tokens made together: the refresh limit applies
)

// accessWords name access tokens.
var accessWords = map[string]bool{
	"access": true, "at": true, "auth": true, "session": true, "login": true, "signin": true, "bearer": true, "id": true,
}

// otherWords name tokens whose lifetime is a product decision, not a
// session's: email verification, password reset, invitations, download
// and share links, API keys and service credentials. (A magic link signs
// its holder in: it is an access token.)
// Two-word entries match adjacent words ("APIKey", "service_account").
var otherWords = map[string]bool{
	"reset": true, "verify": true, "verification": true, "confirm": true, "confirmation": true,
	"activation": true, "activate": true, "invite": true, "invitation": true,
	"unsubscribe": true, "download": true, "share": true, "sharing": true, "apikey": true, "apitoken": true,
	"serviceaccount": true, "servicetoken": true, "machine": true, "m2m": true, "integration": true,
	"personalaccess": true, "license": true, "licence": true, "webhook": true, "onboarding": true, "signup": true,
	"otp": true, "clientsecret": true, "assertion": true,
}

// testHelperPackages are package names of test support code: tokens
// minted there never reach production.
var testHelperPackages = map[string]bool{
	"testutil": true, "testutils": true, "testhelper": true, "testhelpers": true, "testing": true,
	"mock": true, "mocks": true, "fake": true, "fakes": true, "fixtures": true, "testdata": true,
}

// pairWords in a function's name say it makes access and refresh tokens
// together.
var pairWords = map[string]bool{"pair": true, "tokens": true}

// typeClaimKeys are the claim names services use to mark a token's kind
// ("type": "refresh").
var typeClaimKeys = map[string]bool{
	"type": true, "typ": true, "token_type": true, "tokentype": true, "kind": true, "use": true, "token_use": true,
	"TokenType": true, "Type": true, "Kind": true,
}

// nowNames are names of variables and parameters that hold the issue time.
var nowNames = map[string]bool{
	"now": true, "issuedat": true, "iat": true, "issuetime": true, "currenttime": true, "timenow": true, "issued": true,
}
