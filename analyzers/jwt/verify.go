package jwt

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/jwtkeys"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// confusion is an AV103 finding waiting for the package's algorithms.
type confusion struct {
	call   *ast.CallExpr
	fn     *types.Func
	kf     jwtkeys.Keyfunc
	via    string // "" for a parse call; the middleware's name otherwise
	node   analysis.Range
	kfExpr ast.Expr
}

// parse checks a verified golang-jwt parse: jwt.Parse, ParseWithClaims,
// (*Parser).Parse..., request.ParseFromRequest...
func (c *checker) parse(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, spec jwtkeys.Func) {
	if spec.Keyfunc >= len(call.Args) {
		return
	}
	var recv ast.Expr
	if typesx.Recv(fn) != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			recv = sel.X
		}
	}
	var optArgs []ast.Expr
	if spec.Opts >= 0 && fn.Signature().Variadic() && spec.Opts < len(call.Args) {
		optArgs = call.Args[spec.Opts:]
	}
	cfg := c.res.Parse(recv, optArgs, call.Ellipsis.IsValid())
	kfExpr := call.Args[spec.Keyfunc]
	kf, kfOK := c.res.Keyfunc(kfExpr)
	name := typesx.FuncDisplay(fn)
	node := at(call)

	switch {
	case kfOK && kf.NoneKey:
		c.rep.Reportf("AV101", node, `%s accepts alg "none": keyfunc %s returns jwt.UnsafeAllowNoneSignatureType, so unsigned tokens verify; return the real key and restrict algorithms with jwt.WithValidMethods`, name, kf.Name)
	case slices.ContainsFunc(cfg.Methods, isNone):
		c.rep.Reportf("AV101", node, `%s accepts alg "none" through jwt.WithValidMethods; list only the algorithms you sign with`, name)
	}

	badKey := kfOK && (kf.NilKey || kf.EmptyKey)
	switch {
	case kfOK && kf.EmptyKey:
		c.rep.Reportf("AV102", node, "keyfunc %s returns an empty key with a nil error, so a token signed with an empty HMAC key verifies; return the real key, or an error when there is none", kf.Name)
	case kfOK && kf.NilKey:
		c.rep.Reportf("AV102", node, "keyfunc %s returns a nil key with a nil error instead of a key to verify with; return the verification key, or an error when there is none", kf.Name)
	case c.resultIgnored(cur, call, spec):
		c.rep.Reportf("AV102", node, "claims of the token from %s are used, but neither its error nor token.Valid is checked, and the claims are filled in even when the signature is wrong; return when err != nil", name)
	}

	if kfOK && !kf.ChecksAlg && !badKey && !kf.NoneKey && cfg.Known && !cfg.ValidMethods {
		c.confusions = append(c.confusions, confusion{call: call, fn: fn, kf: kf, node: node, kfExpr: kfExpr})
	}

	if cfg.SkipClaims {
		c.rep.Reportf("AV106", node, "%s runs with claims validation switched off (jwt.WithoutClaimsValidation or SkipClaimsValidation), so expired and not-yet-valid tokens are accepted; remove it", name)
	} else if cfg.Leeway > int64(maxLeeway) {
		c.rep.Reportf("AV106", node, "%s allows a leeway of %s, over the %s limit, so expired tokens stay accepted that long; use a leeway of seconds to a few minutes", name, fmtDur(cfg.Leeway), fmtDur(int64(maxLeeway)))
	}

	if kfOK && !kf.EmptyKey {
		c.weakKeyfunc(node, kf)
	}
}

// resultIgnored reports whether the token of a parse is used (its Claims,
// or the claims passed in) while neither the error nor token.Valid is
// ever looked at.
func (c *checker) resultIgnored(cur inspector.Cursor, call *ast.CallExpr, spec jwtkeys.Func) bool {
	lhs := lhsOf(cur)
	if _, discarded := cur.Parent().Node().(*ast.ExprStmt); discarded {
		lhs = []ast.Expr{ast.NewIdent("_"), ast.NewIdent("_")} // both results dropped
	}
	if len(lhs) != 2 {
		return false
	}
	if errV := c.lhsVar(lhs[1]); errV != nil {
		for _, u := range c.res.Uses(errV) {
			switch c.res.Classify(errV, u).Kind {
			case jwtkeys.UseDef, jwtkeys.UseAssign, jwtkeys.UseTuple:
			default:
				return false // the error is looked at somewhere
			}
		}
		if len(c.res.Uses(errV)) == 0 {
			return false
		}
	} else if !isBlank(lhs[1]) {
		return false
	}
	read := false
	if tok := c.lhsVar(lhs[0]); tok != nil {
		for _, u := range c.res.Uses(tok) {
			cu := c.res.Classify(tok, u)
			if len(cu.Path) > 0 && cu.Path[0] == "Valid" {
				return false
			}
			switch cu.Kind {
			case jwtkeys.UseArg:
				if fn := typesx.Callee(c.info, cu.Call); fn == nil || !jwtkeys.IsLibrary(fn) {
					return false
				}
			case jwtkeys.UseReturn, jwtkeys.UseAlias, jwtkeys.UseAddr:
				if len(cu.Path) == 0 {
					return false
				}
			}
			if len(cu.Path) > 0 && cu.Path[0] == "Claims" {
				read = true
			}
		}
	} else if !isBlank(lhs[0]) {
		return false
	}
	if spec.Claims >= 0 && spec.Claims < len(call.Args) {
		arg := ast.Unparen(call.Args[spec.Claims])
		if u, ok := arg.(*ast.UnaryExpr); ok {
			arg = ast.Unparen(u.X)
		}
		if v := c.varOf(arg); v != nil {
			for _, u := range c.res.Uses(v) {
				if u.Node().Pos() > call.End() {
					read = true
				}
			}
		}
	}
	return read
}

// lhsOf returns the left-hand side a call's results are assigned to.
func lhsOf(cur inspector.Cursor) []ast.Expr {
	switch n := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			return n.Lhs
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 {
			var out []ast.Expr
			for _, id := range n.Names {
				out = append(out, id)
			}
			return out
		}
	}
	return nil
}

func (c *checker) lhsVar(e ast.Expr) *types.Var {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// unverified reports AV102 on a parse that skips signature verification,
// unless the function also verifies the token (the unverified parse only
// picks the key) or only the header and the expiry are read.
func (c *checker) unverified(cur inspector.Cursor, call *ast.CallExpr, spec jwtkeys.Func, what, instead string) {
	if c.verifiesIn(cur) || c.onlyHeaderRead(cur, call, spec) || c.rawHandedOn(call) {
		return
	}
	c.rep.Reportf("AV102", at(call), "%s, so anyone can forge its claims; %s", what, instead)
}

// rawHandedOn reports whether the raw token an unverified parse reads is
// also handed to a function of the module, which may verify it (the
// unverified parse then only picks the issuer or the key).
func (c *checker) rawHandedOn(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	v := c.varOf(typesx.StripConversions(c.info, call.Args[0]))
	if v == nil {
		return false
	}
	for _, u := range c.res.Uses(v) {
		if u.Node().Pos() <= call.End() {
			continue
		}
		cu := c.res.Classify(v, u)
		switch cu.Kind {
		case jwtkeys.UseAlias, jwtkeys.UseReturn:
			if len(cu.Path) == 0 {
				return true // kept for a later verification: RawToken: raw
			}
		case jwtkeys.UseArg:
			if fn := typesx.Callee(c.info, cu.Call); fn != nil && c.inModule(fn) {
				return true
			}
		}
	}
	return false
}

// inModule reports whether fn belongs to the module under analysis.
func (c *checker) inModule(fn *types.Func) bool {
	if fn.Pkg() == nil || jwtkeys.IsLibrary(fn) {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return true
	}
	path := fn.Pkg().Path()
	if m := c.pass.Module; m != nil && m.Path != "" {
		return path == m.Path || strings.HasPrefix(path, m.Path+"/")
	}
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".")
}

// headerFields are what reading an unverified token for key selection
// or refresh scheduling looks at.
var headerFields = map[string]bool{"Header": true, "Method": true, "Headers": true}

// expiryReads are the claim reads that only schedule a refresh.
var expiryReads = map[string]bool{"ExpiresAt": true, "IssuedAt": true, "GetExpirationTime": true, "GetIssuedAt": true, "Expiry": true}

// onlyHeaderRead reports whether the result of an unverified parse is
// only used for its header (kid, alg) or expiry.
func (c *checker) onlyHeaderRead(cur inspector.Cursor, call *ast.CallExpr, spec jwtkeys.Func) bool {
	lhs := lhsOf(cur)
	if len(lhs) == 0 {
		if _, ok := cur.Parent().Node().(*ast.ExprStmt); !ok {
			return false // returned or passed on
		}
	}
	vars := []*types.Var{}
	if len(lhs) > 0 {
		if v := c.lhsVar(lhs[0]); v != nil {
			vars = append(vars, v)
		}
	}
	if spec.Claims >= 0 && spec.Claims < len(call.Args) {
		arg := ast.Unparen(call.Args[spec.Claims])
		if u, ok := arg.(*ast.UnaryExpr); ok {
			arg = ast.Unparen(u.X)
		}
		if v := c.varOf(arg); v != nil {
			vars = append(vars, v)
		}
	}
	for _, v := range vars {
		for _, u := range c.res.Uses(v) {
			if u.Node().Pos() <= call.End() {
				continue
			}
			cu := c.res.Classify(v, u)
			switch {
			case len(cu.Path) > 0 && (headerFields[cu.Path[0]] || expiryReads[cu.Path[0]]):
			case cu.Kind == jwtkeys.UseMethodCall && cu.Method != nil && expiryReads[cu.Method.Name()]:
			case cu.Key != nil && len(cu.Path) == 0:
				if k, ok := c.res.Alg(cu.Key); !ok || (k != "exp" && k != "iat") {
					return false
				}
			case len(cu.Path) > 0 && cu.Path[0] == "Claims":
				return false
			default:
				if cu.Kind != jwtkeys.UseDef && cu.Kind != jwtkeys.UseTuple {
					return false
				}
			}
		}
	}
	return true
}

// jwxVerifies reports whether a jwx parse verifies the signature: it has
// a key option and no WithVerify(false).
func (c *checker) jwxVerifies(call *ast.CallExpr, spec jwtkeys.Func) bool {
	if spec.Op != jwtkeys.OpJWXParse || spec.Opts > len(call.Args) {
		return false
	}
	opts, _ := c.res.Options(call.Args[spec.Opts:], call.Ellipsis.IsValid())
	key := false
	for oc, ospec := range c.optionSpecs(opts) {
		switch ospec.Op {
		case jwtkeys.OpJWXWithKey, jwtkeys.OpJWXWithKeySet:
			key = true
		case jwtkeys.OpJWXWithVerify:
			if b, ok := c.res.BoolVal(oc.Args[ospec.Arg]); ok && !b {
				return false
			}
		}
	}
	return key
}

// jwxParse checks a jwx parse: verification off (AV102), alg none
// (AV101), validation off or a long skew (AV106), a short HMAC key
// (AV107).
func (c *checker) jwxParse(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, spec jwtkeys.Func) {
	name := typesx.FuncDisplay(fn)
	if spec.Op == jwtkeys.OpJWXParseInsecure {
		c.unverified(cur, call, spec, name+" skips signature verification", "parse with jwt.WithKey or jwt.WithKeySet")
		return
	}
	if spec.Opts > len(call.Args) {
		return
	}
	opts, _ := c.res.Options(call.Args[spec.Opts:], call.Ellipsis.IsValid())
	node := at(call)
	unverified := false
	for oc, ospec := range c.optionSpecs(opts) {
		if ospec.Op == jwtkeys.OpJWXWithVerify {
			if b, ok := c.res.BoolVal(oc.Args[ospec.Arg]); ok && !b {
				unverified = true
			}
		}
	}
	for oc, ospec := range c.optionSpecs(opts) {
		switch ospec.Op {
		case jwtkeys.OpJWXWithVerify:
			if unverified {
				c.unverified(cur, call, spec, name+" runs with jwt.WithVerify(false) and skips signature verification", "pass jwt.WithKey or jwt.WithKeySet instead")
			}
		case jwtkeys.OpJWXWithValidate:
			// An unverified parse is reported as such; its validation adds nothing.
			if b, ok := c.res.BoolVal(oc.Args[ospec.Arg]); ok && !b && !unverified && !c.validatesIn(cur) {
				c.rep.Reportf("AV106", node, "%s runs with jwt.WithValidate(false), so expired and not-yet-valid tokens are accepted; remove the option or call jwt.Validate on the token", name)
			}
		case jwtkeys.OpJWXWithSkew:
			c.leeway(call, oc.Args[ospec.Arg], name)
		case jwtkeys.OpJWXWithKey:
			alg, ok := c.res.Alg(oc.Args[ospec.Arg])
			switch {
			case ok && isNone(alg):
				c.rep.Reportf("AV101", node, `%s accepts alg "none" (%s), so unsigned tokens verify; verify with the algorithm you sign with`, name, typesx.ExprName(oc.Args[ospec.Arg]))
			case ok && jwtkeys.IsHMAC(alg):
				c.weakKey(call, c.rawKey(oc.Args[ospec.Arg2]), "HMAC verification key", true)
			}
		}
	}
}

// jwxValidate checks jwx's jwt.Validate for a long skew (AV106).
func (c *checker) jwxValidate(call *ast.CallExpr, fn *types.Func, spec jwtkeys.Func) {
	if spec.Opts > len(call.Args) {
		return
	}
	opts, _ := c.res.Options(call.Args[spec.Opts:], call.Ellipsis.IsValid())
	for oc, ospec := range c.optionSpecs(opts) {
		if ospec.Op == jwtkeys.OpJWXWithSkew {
			c.leeway(call, oc.Args[ospec.Arg], typesx.FuncDisplay(fn))
		}
	}
}

// validatesIn reports whether the function around cur calls jwx's
// jwt.Validate.
func (c *checker) validatesIn(cur inspector.Cursor) bool {
	decl, ok := enclosingDecl(cur)
	return ok && c.callsIn(decl)[jwtkeys.OpJWXValidate]
}

// leeway reports AV106 for a clock-skew leeway over the limit.
func (c *checker) leeway(call *ast.CallExpr, d ast.Expr, name string) {
	if c.sv == nil {
		return
	}
	n, ok := c.sv.Int(d)
	if !ok || n <= int64(maxLeeway) {
		return
	}
	c.rep.Reportf("AV106", at(call), "%s allows a leeway of %s, over the %s limit, so expired tokens stay accepted that long; use a leeway of seconds to a few minutes", name, fmtDur(n), fmtDur(int64(maxLeeway)))
}

// joseClaims checks (*jwt.JSONWebToken).Claims(key, dest...): a short
// HMAC key (AV107), and standard claims that are never validated (AV106).
func (c *checker) joseClaims(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, spec jwtkeys.Func) {
	if spec.Key < len(call.Args) {
		if t := typesx.TypeOf(c.info, call.Args[spec.Key]); t != nil && typesx.IsBytes(t) {
			c.weakKey(call, call.Args[spec.Key], "HMAC verification key", true)
		}
	}
	if decl, ok := enclosingDecl(cur); ok {
		m := c.callsIn(decl)
		if m[jwtkeys.OpJoseValidate] || m[jwtkeys.OpJoseValidateLeeway] {
			return
		}
	}
	escapes, returned := false, false
	std := false
	for _, a := range call.Args[min(spec.Claims, len(call.Args)):] {
		arg := ast.Unparen(a)
		if u, ok := arg.(*ast.UnaryExpr); ok {
			arg = ast.Unparen(u.X)
		}
		t := typesx.TypeOf(c.info, arg)
		if t == nil {
			continue
		}
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Validate"); obj != nil {
			if m, ok := obj.(*types.Func); ok {
				if s, ok := jwtkeys.Lookup(m); ok && s.Op == jwtkeys.OpJoseValidate {
					std = true
				}
			}
		}
		v := c.varOf(arg)
		if v == nil {
			escapes = true
			continue
		}
		for _, u := range c.res.Uses(v) {
			cu := c.res.Classify(v, u)
			if len(cu.Path) > 0 {
				continue // claims.Subject: a field read
			}
			switch cu.Kind {
			case jwtkeys.UseReturn:
				// Returned: covered only if a function of this package that
				// calls this one validates (see finish).
				returned = true
			case jwtkeys.UseAddr:
				// return &c: returned, like c
				if p := u.Parent(); p.Node() != nil {
					if _, ok := p.Parent().Node().(*ast.ReturnStmt); ok {
						returned = true
						continue
					}
				}
				escapes = true
			case jwtkeys.UseAlias:
				escapes = true
			case jwtkeys.UseArg:
				if f := typesx.Callee(c.info, cu.Call); f == nil || !jwtkeys.IsLibrary(f) && !harmlessStd(f) {
					escapes = true
				}
			}
		}
	}
	if !std {
		return
	}
	if escapes {
		c.joseUnvalidated = append(c.joseUnvalidated, call)
		return
	}
	if returned {
		if decl, ok := enclosingDecl(cur); ok {
			if fn, ok := c.info.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
				c.joseReturned = append(c.joseReturned, joseReturn{call, fn})
				return
			}
		}
	}
	c.reportJoseUnvalidated(call)
}

// joseReturn is a go-jose Claims call whose claims the function returns.
type joseReturn struct {
	call *ast.CallExpr
	fn   *types.Func
}

// validatedByCallers reports whether a function of the package that calls
// fn validates go-jose claims: Claims(raw) returned to Check(raw), which
// calls c.Validate.
func (c *checker) validatedByCallers(fn *types.Func) bool {
	for _, f := range c.rep.Files() {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			calls, validates := false, false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee := typesx.Callee(c.info, call)
				if callee == fn {
					calls = true
				}
				if spec, ok := jwtkeys.Lookup(callee); ok && (spec.Op == jwtkeys.OpJoseValidate || spec.Op == jwtkeys.OpJoseValidateLeeway) {
					validates = true
				}
				return true
			})
			if calls && validates {
				return true
			}
		}
	}
	return false
}

func harmlessStd(fn *types.Func) bool {
	switch typesx.PkgPath(fn) {
	case "fmt", "log", "log/slog", "errors":
		return true
	}
	return false
}

func (c *checker) reportJoseUnvalidated(call *ast.CallExpr) {
	name := "Claims"
	if fn := typesx.Callee(c.info, call); fn != nil {
		name = typesx.FuncDisplay(fn)
	}
	c.rep.Reportf("AV106", at(call), "claims read with %s are never checked with Validate, so expired and not-yet-valid tokens are accepted; call claims.Validate(jwt.Expected{Time: time.Now()}) after reading them", name)
}

// reportConfusions reports AV103 with a suggested fix where the package
// signs with exactly one algorithm of the same library.
func (c *checker) reportConfusions() {
	for _, cf := range c.confusions {
		what := "the parser has no jwt.WithValidMethods"
		if cf.via != "" {
			what = cf.via + " has no jwt.WithValidMethods option"
		}
		option := "jwt.WithValidMethods"
		if alg, ok := c.onlyAlg(cf.fn); ok && cf.kf.Fits(alg) {
			option = fmt.Sprintf("jwt.WithValidMethods([]string{%q})", alg)
		}
		f := lint.Finding{
			Rule: "AV103",
			Node: cf.node,
			Message: fmt.Sprintf("keyfunc %s returns the key without checking token.Method and %s, so the token chooses the algorithm it is verified with; check token.Method in the keyfunc or pass %s",
				cf.kf.Name, what, option),
		}
		if fix, ok := c.validMethodsFix(cf); ok {
			f.Fixes = []analysis.SuggestedFix{fix}
		}
		if cf.kfExpr != nil {
			if _, lit := ast.Unparen(cf.kfExpr).(*ast.FuncLit); !lit {
				if obj := typesx.ObjectOf(c.info, cf.kfExpr); obj != nil && obj.Pos().IsValid() && c.pass.Fset.File(obj.Pos()) != nil {
					f.Related = []analysis.RelatedInformation{{Pos: obj.Pos(), Message: "keyfunc " + cf.kf.Name + " defined here"}}
				}
			}
		}
		c.rep.Report(f)
	}
}

// validMethodsFix adds jwt.WithValidMethods([]string{"HS256"}) to a
// package-level jwt.Parse or jwt.ParseWithClaims (v4, v5) when the
// package signs with exactly that one algorithm of the same library.
func (c *checker) validMethodsFix(cf confusion) (analysis.SuggestedFix, bool) {
	if cf.call == nil || cf.fn == nil || typesx.Recv(cf.fn) != nil || !cf.fn.Signature().Variadic() || cf.call.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	if cf.fn.Name() != "Parse" && cf.fn.Name() != "ParseWithClaims" {
		return analysis.SuggestedFix{}, false
	}
	alg, ok := c.onlyAlg(cf.fn)
	if !ok || !cf.kf.Fits(alg) {
		return analysis.SuggestedFix{}, false // the keyfunc may verify another issuer's tokens
	}
	sel, ok := ast.Unparen(cf.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, isPkg := c.info.Uses[pkg].(*types.PkgName); !isPkg || len(cf.call.Args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	last := cf.call.Args[len(cf.call.Args)-1]
	text := fmt.Sprintf(", %s.WithValidMethods([]string{%s})", pkg.Name, strconv.Quote(alg))
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("accept only %s with %s.WithValidMethods", alg, pkg.Name),
		TextEdits: []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(text)}},
	}, true
}

// onlyAlg returns the one algorithm this package signs with, using the
// golang-jwt package fn belongs to.
func (c *checker) onlyAlg(fn *types.Func) (string, bool) {
	if fn == nil {
		return "", false
	}
	algs := c.algs[typesx.PkgPath(fn)]
	if len(algs) != 1 {
		return "", false
	}
	for a := range algs {
		return a, true
	}
	return "", false
}

// fmtDur formats a duration the way people write limits: 720h, 15m, 90s.
func fmtDur(ns int64) string {
	d := time.Duration(ns)
	switch {
	case d != 0 && d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	case d != 0 && d%time.Minute == 0:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	case d != 0 && d%time.Second == 0:
		return strconv.FormatInt(int64(d/time.Second), 10) + "s"
	}
	return d.String()
}

// wordSet parses a comma-separated word list.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		out[strings.ToLower(w)] = true
	}
	return out
}
