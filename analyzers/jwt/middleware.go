package jwt

import (
	"go/ast"

	"github.com/apivet/apivet/passes/jwtkeys"
	"golang.org/x/tools/go/ast/inspector"
)

// middleware checks a JWT middleware's configuration literal (gin-jwt's
// GinJWTMiddleware, echo-jwt's Config, fiber's jwtware.Config): alg none
// (AV101), a keyfunc returning no key (AV102) or never checking the
// algorithm (AV103), a short HMAC key (AV107), and the token lifetime
// and refresh window (AV105, on their own lines).
func (c *checker) middleware(cur inspector.Cursor, lit *ast.CompositeLit, mw *jwtkeys.Middleware) {
	fields := map[string]*ast.KeyValueExpr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = kv
			}
		}
	}
	get := func(name string) ast.Expr {
		if name == "" || fields[name] == nil {
			return nil
		}
		return fields[name].Value
	}

	if alg := get(mw.Alg); alg != nil {
		if a, ok := c.res.Alg(alg); ok && isNone(a) {
			c.rep.Reportf("AV101", lit, `%s configured with alg "none" (%s): tokens carry no signature and anyone can forge them; use HS256, RS256 or EdDSA`, mw.Name, mw.Alg)
		}
	}
	if key := get(mw.Key); key != nil {
		c.weakKey(lit, key, mw.Name+" "+mw.Key, false)
	}
	if kfExpr := get(mw.Keyfunc); kfExpr != nil && !c.res.IsNilExpr(kfExpr) {
		if kf, ok := c.res.Keyfunc(kfExpr); ok {
			c.middlewareKeyfunc(lit, mw, kf, kfExpr, get(mw.ParseOptions), get(mw.ParseFunc) != nil)
		}
	}
	if d := fields[mw.Timeout]; mw.Timeout != "" && d != nil {
		c.expiry(cur, d, d.Value, kindAccess, mw.Timeout)
	}
	if d := fields[mw.MaxRefresh]; mw.MaxRefresh != "" && d != nil {
		c.expiry(cur, d, d.Value, kindRefresh, mw.MaxRefresh)
	}
}

func (c *checker) middlewareKeyfunc(lit *ast.CompositeLit, mw *jwtkeys.Middleware, kf jwtkeys.Keyfunc, kfExpr, parseOpts ast.Expr, customParse bool) {
	if customParse {
		return // the keyfunc is not used
	}
	switch {
	case kf.NoneKey:
		c.rep.Reportf("AV101", lit, `%s accepts alg "none": keyfunc %s returns jwt.UnsafeAllowNoneSignatureType; return the real key and check token.Method`, mw.Name, kf.Name)
		return
	case kf.EmptyKey:
		c.rep.Reportf("AV102", lit, "%s keyfunc %s returns an empty key with a nil error, so a token signed with an empty HMAC key verifies; return the real key, or an error when there is none", mw.Name, kf.Name)
		return
	case kf.NilKey:
		c.rep.Reportf("AV102", lit, "%s keyfunc %s returns a nil key with a nil error instead of a key to verify with; return the verification key, or an error when there is none", mw.Name, kf.Name)
		return
	}
	c.weakKeyfunc(lit, kf)
	if kf.ChecksAlg {
		return
	}
	if mw.ParseOptions != "" && parseOpts != nil {
		cfg := c.res.Parse(nil, []ast.Expr{parseOpts}, true)
		if !cfg.Known || cfg.ValidMethods {
			return
		}
	}
	c.confusions = append(c.confusions, confusion{kf: kf, via: mw.Name, node: lit, kfExpr: kfExpr})
}
