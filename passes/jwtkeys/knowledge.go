package jwtkeys

import (
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
)

// This file is the JWT family's library knowledge: import paths, the
// functions, methods, types and fields of the libraries apivet models, and
// which argument of each call carries what. Matching code elsewhere asks
// Lookup, LookupType, ExpiryField and friends; it never spells a library
// name itself.

// Family groups libraries that share an API.
type Family int

const (
	// GolangJWT is github.com/golang-jwt/jwt (v3, v4, v5) and its
	// predecessors github.com/dgrijalva/jwt-go and
	// github.com/form3tech-oss/jwt-go.
	GolangJWT Family = iota + 1
	// JWX is github.com/lestrrat-go/jwx v2 and v3.
	JWX
	// GoJose is github.com/go-jose/go-jose v3 and v4 and
	// gopkg.in/square/go-jose.v2.
	GoJose
)

// golangJWTPaths are the packages with golang-jwt's API. The /v4 and /v5
// parse functions take ParserOptions; the others do not.
var golangJWTPaths = []string{
	"github.com/golang-jwt/jwt/v5",
	"github.com/golang-jwt/jwt/v4",
	"github.com/golang-jwt/jwt",
	"github.com/dgrijalva/jwt-go",
	"github.com/form3tech-oss/jwt-go",
}

// jwxPaths are the module roots of lestrrat-go/jwx.
var jwxPaths = []string{
	"github.com/lestrrat-go/jwx/v2",
	"github.com/lestrrat-go/jwx/v3",
}

// joseRoots are go-jose's root packages; their JWT package is root+"/jwt".
var joseRoots = []string{
	"github.com/go-jose/go-jose/v4",
	"github.com/go-jose/go-jose/v3",
	"gopkg.in/square/go-jose.v2",
	"gopkg.in/go-jose/go-jose.v2",
}

// Op says what a library call does.
type Op int

const (
	OpUnknown Op = iota

	// golang-jwt and its forks.
	OpNew                     // jwt.New(method)
	OpNewWithClaims           // jwt.NewWithClaims(method, claims)
	OpSignedString            // (*jwt.Token).SignedString(key)
	OpParse                   // a verified parse with a keyfunc: jwt.Parse, ParseWithClaims, (*Parser).Parse..., request.ParseFromRequest...
	OpParseUnverified         // (*jwt.Parser).ParseUnverified
	OpNewParser               // jwt.NewParser(opts...)
	OpGetSigningMethod        // jwt.GetSigningMethod(alg)
	OpWithValidMethods        // jwt.WithValidMethods(methods)
	OpWithoutClaimsValidation // jwt.WithoutClaimsValidation()
	OpWithLeeway              // jwt.WithLeeway(d)
	OpWithParser              // request.WithParser(p)
	OpNumericDate             // jwt.NewNumericDate(t): an expiry time in claims

	// lestrrat-go/jwx.
	OpJWXParse // jwt.Parse, ParseString, ParseRequest, ...: verified when a key option is given
	OpJWXParseInsecure
	OpJWXSign       // jwt.Sign(tok, opts...)
	OpJWXNew        // jwt.New()
	OpJWXNewBuilder // jwt.NewBuilder()
	OpJWXBuild      // (*Builder).Build()
	OpJWXExpiration // (*Builder).Expiration(t)
	OpJWXClaim      // (*Builder).Claim(name, v)
	OpJWXSet        // Token.Set(name, v)
	OpJWXValidate   // jwt.Validate(tok, opts...)
	OpJWXWithKey    // jwt.WithKey(alg, key)
	OpJWXWithKeySet // WithKeySet, WithVerifyAuto, WithKeyProvider
	OpJWXWithVerify // jwt.WithVerify(bool)
	OpJWXWithValidate
	OpJWXWithSkew      // jwt.WithAcceptableSkew(d)
	OpJWXInsecureNoSig // jwt.WithInsecureNoSignature()
	OpJWXAlgorithm     // jwa.HS256(), jwa.NoSignature() in v3: the algorithm is the function's name
	OpJWKFromRaw       // jwk.FromRaw(raw) (v2), jwk.Import(raw) (v3): a key from raw bytes

	// go-jose.
	OpJoseParseSigned
	OpJoseClaims         // (*jwt.JSONWebToken).Claims(key, dest...)
	OpJoseUnsafeClaims   // (*jwt.JSONWebToken).UnsafeClaimsWithoutVerification(dest...)
	OpJoseUnsafePayload  // (JSONWebSignature).UnsafePayloadWithoutVerification()
	OpJoseVerify         // (JSONWebSignature).Verify(key)
	OpJoseValidate       // jwt.Claims.Validate(expected)
	OpJoseValidateLeeway // jwt.Claims.ValidateWithLeeway(expected, leeway)
	OpJoseSigned         // jwt.Signed(signer): starts a builder
	OpJoseBuilderClaims  // Builder.Claims(v)
	OpJoseSerialize      // Builder.CompactSerialize, Serialize, FullSerialize, Token
	OpJoseNewSigner      // jose.NewSigner(jose.SigningKey{...}, opts)

	// Middleware.
	OpMiddlewareKey // echojwt.JWT(key)
)

// Func describes one library function or method. Argument positions are
// -1 when the call has no such argument.
type Func struct {
	Op     Op
	Family Family
	// Arg is the main argument: the signing method of New, the algorithm
	// of GetSigningMethod, the time of NewNumericDate, the duration of a
	// leeway option, the bool of WithVerify, the name of Set and Claim,
	// the algorithm of WithKey, the methods of WithValidMethods.
	Arg int
	// Arg2 is the second one: the value of Set and Claim, the key of
	// WithKey.
	Arg2    int
	Claims  int // claims (NewWithClaims, ParseWithClaims, ParseUnverified)
	Keyfunc int // keyfunc of a verified golang-jwt parse
	Key     int // signing or verification key (SignedString, jose Claims)
	Opts    int // first variadic option
}

var funcs = map[string]Func{}

func f(op Op, fam Family) Func {
	return Func{Op: op, Family: fam, Arg: -1, Arg2: -1, Claims: -1, Keyfunc: -1, Key: -1, Opts: -1}
}

func (fn Func) arg(i int) Func     { fn.Arg = i; return fn }
func (fn Func) arg2(i int) Func    { fn.Arg2 = i; return fn }
func (fn Func) claims(i int) Func  { fn.Claims = i; return fn }
func (fn Func) keyfunc(i int) Func { fn.Keyfunc = i; return fn }
func (fn Func) key(i int) Func     { fn.Key = i; return fn }
func (fn Func) opts(i int) Func    { fn.Opts = i; return fn }

func init() {
	for _, p := range golangJWTPaths {
		g := func(op Op) Func { return f(op, GolangJWT) }
		funcs[p+".New"] = g(OpNew).arg(0)
		funcs[p+".NewWithClaims"] = g(OpNewWithClaims).arg(0).claims(1)
		funcs[p+".Token.SignedString"] = g(OpSignedString).key(0)
		funcs[p+".Parse"] = g(OpParse).keyfunc(1).opts(2)
		funcs[p+".ParseWithClaims"] = g(OpParse).claims(1).keyfunc(2).opts(3)
		funcs[p+".Parser.Parse"] = g(OpParse).keyfunc(1)
		funcs[p+".Parser.ParseWithClaims"] = g(OpParse).claims(1).keyfunc(2)
		funcs[p+".Parser.ParseUnverified"] = g(OpParseUnverified).claims(1)
		funcs[p+".NewParser"] = g(OpNewParser).opts(0)
		funcs[p+".GetSigningMethod"] = g(OpGetSigningMethod).arg(0)
		funcs[p+".WithValidMethods"] = g(OpWithValidMethods).arg(0)
		funcs[p+".WithoutClaimsValidation"] = g(OpWithoutClaimsValidation)
		funcs[p+".WithLeeway"] = g(OpWithLeeway).arg(0)
		funcs[p+".NewNumericDate"] = g(OpNumericDate).arg(0)
		r := p + "/request"
		funcs[r+".ParseFromRequest"] = g(OpParse).keyfunc(2).opts(3)
		funcs[r+".ParseFromRequestWithClaims"] = g(OpParse).claims(2).keyfunc(3)
		funcs[r+".WithParser"] = g(OpWithParser).arg(0)
	}

	for _, root := range jwxPaths {
		j := func(op Op) Func { return f(op, JWX) }
		p := root + "/jwt"
		funcs[p+".Parse"] = j(OpJWXParse).opts(1)
		funcs[p+".ParseString"] = j(OpJWXParse).opts(1)
		funcs[p+".ParseReader"] = j(OpJWXParse).opts(1)
		funcs[p+".ParseRequest"] = j(OpJWXParse).opts(1)
		funcs[p+".ParseHeader"] = j(OpJWXParse).opts(2)
		funcs[p+".ParseForm"] = j(OpJWXParse).opts(2)
		funcs[p+".ParseCookie"] = j(OpJWXParse).opts(2)
		funcs[p+".ParseInsecure"] = j(OpJWXParseInsecure).opts(1)
		funcs[p+".Sign"] = j(OpJWXSign).arg(0).opts(1)
		funcs[p+".New"] = j(OpJWXNew)
		funcs[p+".NewBuilder"] = j(OpJWXNewBuilder)
		funcs[p+".Builder.Build"] = j(OpJWXBuild)
		funcs[p+".Builder.Expiration"] = j(OpJWXExpiration).arg(0)
		funcs[p+".Builder.Claim"] = j(OpJWXClaim).arg(0).arg2(1)
		funcs[p+".Token.Set"] = j(OpJWXSet).arg(0).arg2(1)
		funcs[p+".Validate"] = j(OpJWXValidate).arg(0).opts(1)
		funcs[p+".WithKey"] = j(OpJWXWithKey).arg(0).arg2(1)
		funcs[p+".WithKeySet"] = j(OpJWXWithKeySet)
		funcs[p+".WithVerifyAuto"] = j(OpJWXWithKeySet)
		funcs[p+".WithKeyProvider"] = j(OpJWXWithKeySet)
		funcs[p+".WithVerify"] = j(OpJWXWithVerify).arg(0)
		funcs[p+".WithValidate"] = j(OpJWXWithValidate).arg(0)
		funcs[p+".WithAcceptableSkew"] = j(OpJWXWithSkew).arg(0)
		funcs[p+".WithInsecureNoSignature"] = j(OpJWXInsecureNoSig)
		for _, alg := range []string{"HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
			"PS256", "PS384", "PS512", "EdDSA", "ES256K"} {
			funcs[root+"/jwa."+alg] = j(OpJWXAlgorithm)
		}
		funcs[root+"/jwa.NoSignature"] = j(OpJWXAlgorithm)
		funcs[root+"/jwk.FromRaw"] = j(OpJWKFromRaw).arg(0)
		funcs[root+"/jwk.Import"] = j(OpJWKFromRaw).arg(0)
	}

	for _, root := range joseRoots {
		o := func(op Op) Func { return f(op, GoJose) }
		p := root + "/jwt"
		funcs[p+".ParseSigned"] = o(OpJoseParseSigned)
		funcs[p+".JSONWebToken.Claims"] = o(OpJoseClaims).key(0).claims(1)
		funcs[p+".JSONWebToken.UnsafeClaimsWithoutVerification"] = o(OpJoseUnsafeClaims).claims(0)
		funcs[p+".Claims.Validate"] = o(OpJoseValidate)
		funcs[p+".Claims.ValidateWithLeeway"] = o(OpJoseValidateLeeway).arg(1)
		funcs[p+".NewNumericDate"] = o(OpNumericDate).arg(0)
		funcs[p+".Signed"] = o(OpJoseSigned)
		funcs[p+".Builder.Claims"] = o(OpJoseBuilderClaims).claims(0)
		for _, m := range []string{"CompactSerialize", "Serialize", "FullSerialize", "Token"} {
			funcs[p+".Builder."+m] = o(OpJoseSerialize)
		}
		funcs[root+".NewSigner"] = o(OpJoseNewSigner).arg(0)
		funcs[root+".JSONWebSignature.UnsafePayloadWithoutVerification"] = o(OpJoseUnsafePayload)
		funcs[root+".JSONWebSignature.Verify"] = o(OpJoseVerify).key(0)
	}

	funcs["github.com/labstack/echo-jwt/v4.JWT"] = f(OpMiddlewareKey, GolangJWT).key(0)
	funcs["github.com/labstack/echo/v4/middleware.JWT"] = f(OpMiddlewareKey, GolangJWT).key(0)
}

// Lookup describes a library function or method, if apivet models it.
func Lookup(fn *types.Func) (Func, bool) {
	if fn == nil || fn.Pkg() == nil || !libPkgs[fn.Pkg().Path()] {
		return Func{}, false
	}
	spec, ok := funcs[typesx.FuncKey(fn)]
	return spec, ok
}

// IsLibrary reports whether fn belongs to one of the modelled JWT
// libraries or their middleware.
func IsLibrary(fn *types.Func) bool {
	return fn != nil && libraryPath(typesx.PkgPath(fn))
}

// libPkgs are the packages of the modelled libraries whose functions
// Lookup knows.
var libPkgs = map[string]bool{}

func init() {
	for _, root := range golangJWTPaths {
		libPkgs[root] = true
		libPkgs[root+"/request"] = true
	}
	for _, root := range jwxPaths {
		for _, sub := range []string{"/jwt", "/jwa", "/jwk", "/jws"} {
			libPkgs[root+sub] = true
		}
	}
	for _, root := range joseRoots {
		libPkgs[root] = true
		libPkgs[root+"/jwt"] = true
	}
	for key := range middlewares {
		libPkgs[key[:strings.LastIndex(key, ".")]] = true
	}
	libPkgs["github.com/labstack/echo/v4/middleware"] = true
}

func libraryPath(p string) bool { return libPkgs[p] }

func isGolangJWT(path string) bool {
	for _, p := range golangJWTPaths {
		if path == p {
			return true
		}
	}
	return false
}

func isJoseJWT(path string) bool {
	for _, root := range joseRoots {
		if path == root+"/jwt" {
			return true
		}
	}
	return false
}

// Role classifies a library type.
type Role int

const (
	RoleNone Role = iota
	RoleMapClaims
	RoleRegisteredClaims // golang-jwt RegisteredClaims (ExpiresAt *NumericDate)
	RoleStandardClaims   // golang-jwt StandardClaims (ExpiresAt int64)
	RoleJoseClaims       // go-jose jwt.Claims (Expiry *NumericDate)
	RoleToken            // golang-jwt *Token
	RoleParser           // golang-jwt Parser
	RoleKeyfunc          // golang-jwt Keyfunc
	RoleParserOption     // golang-jwt ParserOption
)

var roles = map[string]Role{
	"github.com/appleboy/gin-jwt/v2.MapClaims": RoleMapClaims,
}

func init() {
	for _, p := range golangJWTPaths {
		roles[p+".MapClaims"] = RoleMapClaims
		roles[p+".RegisteredClaims"] = RoleRegisteredClaims
		roles[p+".StandardClaims"] = RoleStandardClaims
		roles[p+".Token"] = RoleToken
		roles[p+".Parser"] = RoleParser
		roles[p+".Keyfunc"] = RoleKeyfunc
		roles[p+".ParserOption"] = RoleParserOption
	}
	for _, root := range joseRoots {
		roles[root+"/jwt.Claims"] = RoleJoseClaims
	}
}

// LookupType classifies a named library type (through pointers).
func LookupType(t types.Type) Role {
	if t == nil {
		return RoleNone
	}
	return roles[typesx.TypeKey(t)]
}

// ExpiryField reports whether v is the expiry field of a library claims
// type: golang-jwt's RegisteredClaims.ExpiresAt and
// StandardClaims.ExpiresAt, go-jose's Claims.Expiry.
func ExpiryField(v *types.Var) bool {
	if v == nil || !v.IsField() || v.Pkg() == nil {
		return false
	}
	switch {
	case isGolangJWT(v.Pkg().Path()):
		return v.Name() == "ExpiresAt"
	case isJoseJWT(v.Pkg().Path()):
		return v.Name() == "Expiry"
	}
	return false
}

// ParserField names the golang-jwt Parser fields that change
// verification: "ValidMethods" and "SkipClaimsValidation", or "".
func ParserField(v *types.Var) string {
	if v == nil || !v.IsField() || v.Pkg() == nil || !isGolangJWT(v.Pkg().Path()) {
		return ""
	}
	switch v.Name() {
	case "ValidMethods", "SkipClaimsValidation":
		return v.Name()
	}
	return ""
}

// Value classifies a library variable or constant.
type Value int

const (
	ValNone          Value = iota
	ValSigningMethod       // jwt.SigningMethodHS256 and friends; Alg gives the name
	ValNoneKey             // jwt.UnsafeAllowNoneSignatureType
	ValTimeFunc            // jwt.TimeFunc (v4 and older): the clock
)

// LookupValue classifies a package-level variable or constant of a
// library, and for signing methods returns the algorithm ("HS256",
// "none").
func LookupValue(obj types.Object) (Value, string) {
	if obj == nil || obj.Pkg() == nil || !isGolangJWT(obj.Pkg().Path()) || obj.Parent() != obj.Pkg().Scope() {
		return ValNone, ""
	}
	name := obj.Name()
	switch {
	case name == "UnsafeAllowNoneSignatureType":
		return ValNoneKey, ""
	case name == "TimeFunc":
		return ValTimeFunc, ""
	case name == "SigningMethodNone":
		return ValSigningMethod, "none"
	case strings.HasPrefix(name, "SigningMethod"):
		if _, ok := obj.(*types.Var); ok {
			alg := strings.TrimPrefix(name, "SigningMethod")
			if knownAlg(alg) {
				return ValSigningMethod, alg
			}
		}
	}
	return ValNone, ""
}

func knownAlg(alg string) bool {
	switch alg {
	case "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
		"PS256", "PS384", "PS512", "EdDSA", "ES256K":
		return true
	}
	return false
}

// IsHMAC reports whether alg names an HMAC algorithm.
func IsHMAC(alg string) bool { return strings.HasPrefix(strings.ToUpper(alg), "HS") }

// Middleware describes a JWT middleware's configuration struct: the names
// of the fields that matter ("" when it has none).
type Middleware struct {
	Name         string // for messages: "gin-jwt"
	Alg          string // signing algorithm as a string
	Key          string // HMAC secret
	Keyfunc      string // a golang-jwt Keyfunc
	ParseFunc    string // a custom parse function that replaces the keyfunc
	Timeout      string // access token lifetime
	MaxRefresh   string // refresh window
	ParseOptions string // golang-jwt ParserOptions
	SigningKey   string // a nested struct with its own Alg and Key fields (fiber)
}

var middlewares = map[string]*Middleware{
	"github.com/appleboy/gin-jwt/v2.GinJWTMiddleware": {
		Name: "gin-jwt", Alg: "SigningAlgorithm", Key: "Key", Keyfunc: "KeyFunc",
		Timeout: "Timeout", MaxRefresh: "MaxRefresh", ParseOptions: "ParseOptions",
	},
	"github.com/labstack/echo-jwt/v4.Config": {
		Name: "echo-jwt", Alg: "SigningMethod", Key: "SigningKey", Keyfunc: "KeyFunc", ParseFunc: "ParseTokenFunc",
	},
	"github.com/labstack/echo/v4/middleware.JWTConfig": {
		Name: "echo JWT middleware", Alg: "SigningMethod", Key: "SigningKey", Keyfunc: "KeyFunc", ParseFunc: "ParseTokenFunc",
	},
	"github.com/gofiber/contrib/jwt.Config": {
		Name: "fiber jwtware", Keyfunc: "KeyFunc", SigningKey: "SigningKey",
	},
	"github.com/gofiber/contrib/jwt.SigningKey": {
		Name: "fiber jwtware", Alg: "JWTAlg", Key: "Key",
	},
	"github.com/gofiber/jwt/v3.Config": {
		Name: "fiber jwtware", Alg: "SigningMethod", Key: "SigningKey", Keyfunc: "KeyFunc",
	},
	"github.com/gofiber/jwt/v2.Config": {
		Name: "fiber jwtware", Alg: "SigningMethod", Key: "SigningKey", Keyfunc: "KeyFunc",
	},
}

// LookupMiddleware describes a middleware configuration type.
func LookupMiddleware(t types.Type) *Middleware {
	if t == nil {
		return nil
	}
	return middlewares[typesx.TypeKey(t)]
}

// readOnlyPkgs are standard-library packages whose functions only read
// the values handed to them: passing claims or a token to them changes
// nothing. (fmt's Scan functions are the exception readOnly makes.)
var readOnlyPkgs = map[string]bool{
	"fmt": true, "log": true, "log/slog": true, "errors": true, "strings": true, "strconv": true,
	"time": true, "context": true,
}

// readOnlyFuncs are single functions and methods that only read their
// arguments.
var readOnlyFuncs = map[string]bool{
	"encoding/json.Marshal": true, "encoding/json.MarshalIndent": true, "encoding/json.Encoder.Encode": true,
}

// readOnly reports whether fn only reads the values handed to it.
func readOnly(fn *types.Func) bool {
	if readOnlyFuncs[typesx.FuncKey(fn)] {
		return true
	}
	return readOnlyPkgs[typesx.PkgPath(fn)] && !strings.Contains(strings.ToLower(fn.Name()), "scan")
}

// UsesLibraries reports whether pkg imports one of the modelled JWT
// libraries, directly or through a package it imports. Packages that do
// not cannot create, sign or parse tokens, and are skipped.
func UsesLibraries(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if libPkgs[imp.Path()] {
			return true
		}
		for _, imp2 := range imp.Imports() {
			if libPkgs[imp2.Path()] {
				return true
			}
		}
	}
	return false
}
