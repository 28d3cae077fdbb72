// Package jwt defines an Analyzer that reports insecure JSON Web Token
// handling: unsigned, unverified, algorithm-confused, unexpiring and
// long-lived tokens, disabled claims validation, short HMAC keys and
// vulnerable JWT libraries.
//
// # Analyzer jwt
//
// jwt: report JWTs signed or accepted with alg none, used without
// verification, open to algorithm confusion, issued without an expiry or
// for too long, validated without claims checks, signed with short HMAC
// keys, or handled by a vulnerable library (AV101-AV108)
//
// The analyzer models golang-jwt (v3, v4, v5) and its predecessors
// dgrijalva/jwt-go and form3tech-oss/jwt-go, lestrrat-go/jwx v2 and v3,
// go-jose v3 and v4 and square/go-jose.v2, and the middleware people put
// around them: appleboy/gin-jwt, labstack/echo-jwt and gofiber's jwtware.
//
//	AV101 jwt.SigningMethodNone, UnsafeAllowNoneSignatureType, jwa.NoSignature, "none"
//	AV102 ParseUnverified, jwt.ParseInsecure, UnsafeClaimsWithoutVerification,
//	      a keyfunc returning a nil or empty key, claims used when err and Valid are ignored
//	AV103 a keyfunc that never looks at token.Method, with no jwt.WithValidMethods
//	AV104 tokens created without "exp"
//	AV105 expiry now + a known duration longer than max-access-lifetime
//	      (max-refresh-lifetime for refresh tokens)
//	AV106 WithoutClaimsValidation, SkipClaimsValidation, WithValidate(false),
//	      go-jose claims never Validated, a leeway longer than max-leeway
//	AV107 HMAC keys shorter than min-hmac-key-bytes, also as a fallback
//	AV108 importing github.com/dgrijalva/jwt-go
//
// Keyfuncs, claims builders and parser options defined in helpers, in
// methods or in other packages of the module are followed through the
// jwtkeys pass; durations through strval (constants of other packages
// included). Values apivet cannot know, such as a TTL read from
// configuration, never produce a finding.
//
//	token, err := jwt.Parse(s, func(t *jwt.Token) (any, error) { return key, nil }) // AV103
//	token, err := jwt.Parse(s, keyFunc, jwt.WithValidMethods([]string{"HS256"}))      // ok
package jwt

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"strings"
	"time"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/jwtkeys"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var (
	opts = lint.NewOptions('1')

	maxAccess    = 24 * time.Hour
	maxRefresh   = 720 * time.Hour
	maxLeeway    = 5 * time.Minute
	minKeyBytes  = 32
	refreshWords = "refresh,remember,rt,rtoken"
)

// Analyzer reports AV101 to AV108.
var Analyzer = &analysis.Analyzer{
	Name:     "jwt",
	Doc:      "report JWTs signed or accepted with alg none, used without verification, open to algorithm confusion, issued without an expiry or for too long, validated without claims checks, signed with short HMAC keys, or handled by a vulnerable library (AV101-AV108)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV101.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer, jwtkeys.Analyzer},
	Run:      run,
}

func init() {
	opts.Register(&Analyzer.Flags)
	fs := &Analyzer.Flags
	fs.DurationVar(&maxAccess, "max-access-lifetime", maxAccess, "longest lifetime an access token may have (AV105)")
	fs.DurationVar(&maxRefresh, "max-refresh-lifetime", maxRefresh, "longest lifetime a refresh token may have (AV105)")
	fs.StringVar(&refreshWords, "refresh-words", refreshWords, "comma-separated words that mark a refresh token in the names around it (AV105)")
	fs.DurationVar(&maxLeeway, "max-leeway", maxLeeway, "longest clock-skew leeway a token validation may allow (AV106)")
	fs.IntVar(&minKeyBytes, "min-hmac-key-bytes", minKeyBytes, "shortest HMAC key, in bytes, that is not reported (AV107)")
}

var rulesOfFamily = []string{"AV101", "AV102", "AV103", "AV104", "AV105", "AV106", "AV107", "AV108", "AV002"}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) || testHelper(pass.Pkg.Name()) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	if !jwtkeys.UsesLibraries(pass.Pkg) {
		rep.Finish() // an //apivet:ignore AV1xx here silences nothing
		return nil, nil
	}
	enabled := false
	for _, id := range rulesOfFamily {
		enabled = enabled || rep.Enabled(id)
	}
	if !enabled {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		rep:      rep,
		res:      pass.ResultOf[jwtkeys.Analyzer].(*jwtkeys.Result),
		sv:       pass.ResultOf[strval.Analyzer].(*strval.Result),
		refresh:  wordSet(refreshWords),
		algs:     map[string]map[string]bool{},
		verified: map[ast.Node]bool{},
		hasCall:  map[ast.Node]map[jwtkeys.Op]bool{},
	}
	filter := []ast.Node{(*ast.ImportSpec)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	for cur := range insp.Root().Preorder(filter...) {
		n := cur.Node()
		if rep.Skipped(n.Pos()) {
			continue
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			c.importSpec(n)
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.CompositeLit:
			c.compositeLit(cur, n)
		case *ast.AssignStmt:
			c.assign(cur, n)
		}
	}
	c.finish()
	rep.Finish()
	return nil, nil
}

type checker struct {
	pass    *analysis.Pass
	info    *types.Info
	rep     *lint.Reporter
	res     *jwtkeys.Result
	sv      *strval.Result
	refresh map[string]bool

	// algs collects, per golang-jwt package, the algorithms this
	// package signs with: the suggested fix of AV103 names the only one.
	algs map[string]map[string]bool
	// confusions are the AV103 findings, reported at the end when algs
	// is complete.
	confusions []confusion
	// joseUnvalidated are go-jose Claims calls whose claims escape the
	// function unvalidated: reported at the end unless the package
	// validates claims somewhere.
	joseUnvalidated []*ast.CallExpr
	// joseReturned are go-jose Claims calls whose claims their function
	// returns; reported unless a caller in the package validates.
	joseReturned  []joseReturn
	joseValidates bool
	// weak are the AV107 findings, reported at the end (reportWeak).
	weak []weakFinding

	verified map[ast.Node]bool                // per function declaration: does it verify a token?
	hasCall  map[ast.Node]map[jwtkeys.Op]bool // per function declaration: the library calls in it
}

// call dispatches a library call to its check.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	fn := typesx.Callee(c.info, call)
	spec, ok := jwtkeys.Lookup(fn)
	if !ok {
		return
	}
	switch spec.Op {
	case jwtkeys.OpNew, jwtkeys.OpNewWithClaims:
		c.create(cur, call, fn, spec)
	case jwtkeys.OpSignedString:
		c.signedString(cur, call, spec)
	case jwtkeys.OpParse:
		c.parse(cur, call, fn, spec)
	case jwtkeys.OpParseUnverified:
		c.unverified(cur, call, spec, typesx.FuncDisplay(fn)+" reads the token without checking its signature", "verify it with jwt.ParseWithClaims and a keyfunc")
	case jwtkeys.OpJWXParse, jwtkeys.OpJWXParseInsecure:
		c.jwxParse(cur, call, fn, spec)
	case jwtkeys.OpJWXSign:
		c.jwxSign(cur, call, spec)
	case jwtkeys.OpJWXBuild:
		c.jwxBuild(cur, call)
	case jwtkeys.OpJWXValidate:
		c.jwxValidate(call, fn, spec)
	case jwtkeys.OpJWXExpiration:
		c.expiry(cur, call, call.Args[spec.Arg], kindUnknown, "")
	case jwtkeys.OpJWXSet, jwtkeys.OpJWXClaim:
		if name, ok := c.res.Alg(call.Args[spec.Arg]); ok && name == "exp" && spec.Arg2 < len(call.Args) {
			c.expiry(cur, call, call.Args[spec.Arg2], kindUnknown, "")
		}
	case jwtkeys.OpJoseClaims:
		c.joseClaims(cur, call, fn, spec)
	case jwtkeys.OpJoseUnsafeClaims:
		c.unverified(cur, call, spec, typesx.FuncDisplay(fn)+" reads the claims without checking the signature", "read them with tok.Claims(key, &claims)")
	case jwtkeys.OpJoseUnsafePayload:
		c.unverified(cur, call, spec, typesx.FuncDisplay(fn)+" reads the payload without checking the signature", "use Verify(key)")
	case jwtkeys.OpJoseValidate:
		c.joseValidates = true
	case jwtkeys.OpJoseValidateLeeway:
		c.joseValidates = true
		c.leeway(call, call.Args[spec.Arg], typesx.FuncDisplay(fn))
	case jwtkeys.OpJoseSerialize:
		c.joseBuild(cur, call)
	case jwtkeys.OpJoseNewSigner:
		c.joseSigner(call, spec)
	case jwtkeys.OpMiddlewareKey:
		c.weakKey(call, call.Args[spec.Key], typesx.FuncDisplay(fn)+" key", false)
	}
}

// testHelper reports whether a package name marks test support code
// (testutil, mocks, package foo_test helpers named footest).
func testHelper(name string) bool {
	switch name {
	case "latest", "contest", "attest", "protest":
		return false
	}
	return testHelperPackages[name] || strings.HasSuffix(name, "test") || strings.HasSuffix(name, "testing") || strings.HasSuffix(name, "testutil")
}

// span is an analysis.Range.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// at points at the method name of a chained call (jwt.NewBuilder().\n
// Subject(id).\n Build()) so the finding lands on the call's own line.
func at(call *ast.CallExpr) analysis.Range {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return span{sel.Sel.Pos(), call.End()}
	}
	return call
}

// enclosingDecl returns the function declaration containing the cursor.
func enclosingDecl(cur inspector.Cursor) (inspector.Cursor, bool) {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return enc, true
	}
	return inspector.Cursor{}, false
}

// callsIn returns the modelled library operations called in a function
// declaration.
func (c *checker) callsIn(decl inspector.Cursor) map[jwtkeys.Op]bool {
	n := decl.Node()
	if m, ok := c.hasCall[n]; ok {
		return m
	}
	m := map[jwtkeys.Op]bool{}
	for cc := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, call)); ok {
			m[spec.Op] = true
			if spec.Op == jwtkeys.OpJWXParse && c.jwxVerifies(call, spec) {
				c.verified[n] = true
			}
		}
	}
	c.hasCall[n] = m
	for _, op := range []jwtkeys.Op{jwtkeys.OpParse, jwtkeys.OpJoseClaims, jwtkeys.OpJoseVerify} {
		if m[op] {
			c.verified[n] = true
		}
	}
	return m
}

// verifiesIn reports whether the function declaration around cur also
// verifies a token (a keyfunc parse, a jwx parse with a key, go-jose
// Claims(key, ...) or Verify).
func (c *checker) verifiesIn(cur inspector.Cursor) bool {
	decl, ok := enclosingDecl(cur)
	if !ok {
		return false
	}
	c.callsIn(decl)
	return c.verified[decl.Node()]
}

func (c *checker) finish() {
	c.reportConfusions()
	c.reportWeak()
	if !c.joseValidates {
		for _, call := range c.joseUnvalidated {
			c.reportJoseUnvalidated(call)
		}
	}
	for _, r := range c.joseReturned {
		if !c.validatedByCallers(r.fn) {
			c.reportJoseUnvalidated(r.call)
		}
	}
}

// optionSpecs yields the option calls among opts that jwtkeys knows
// (jwt.WithKey, jwt.WithVerify, jwt.WithAcceptableSkew, ...), with their
// specs.
func (c *checker) optionSpecs(opts []ast.Expr) iter.Seq2[*ast.CallExpr, jwtkeys.Func] {
	return func(yield func(*ast.CallExpr, jwtkeys.Func) bool) {
		for _, o := range opts {
			oc, ok := ast.Unparen(o).(*ast.CallExpr)
			if !ok {
				continue
			}
			if spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, oc)); ok && !yield(oc, spec) {
				return
			}
		}
	}
}
