package jwt

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/jwtkeys"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// importSpec reports AV108 on the import of a vulnerable library.
func (c *checker) importSpec(spec *ast.ImportSpec) {
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return
	}
	for _, v := range vulnerableImports {
		if (path == v.path || strings.HasPrefix(path, v.path+"/")) && (v.not == "" || path != v.not && !strings.HasPrefix(path, v.not+"/")) {
			c.rep.Reportf("AV108", spec, "%s %s; switch to %s", path, v.problem, v.instead)
			return
		}
	}
}

// create checks jwt.New and jwt.NewWithClaims: alg none (AV101) and
// claims without "exp" (AV104).
func (c *checker) create(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, spec jwtkeys.Func) {
	if spec.Arg >= len(call.Args) {
		return
	}
	method := call.Args[spec.Arg]
	if alg, ok := c.res.Alg(method); ok {
		if isNone(alg) {
			c.rep.Reportf("AV101", at(call), `token created with alg "none" (%s): it carries no signature and anyone can forge it; sign with HS256, RS256 or EdDSA and a real key`, typesx.ExprName(method))
		} else {
			p := typesx.PkgPath(fn)
			if c.algs[p] == nil {
				c.algs[p] = map[string]bool{}
			}
			c.algs[p][alg] = true
		}
	}
	if c.res.CreatedClaims(cur) != jwtkeys.ExpMissing {
		return
	}
	what := "jwt.New starts with empty claims and none of the writes to them set \"exp\""
	if spec.Claims >= 0 && spec.Claims < len(call.Args) {
		what = fmt.Sprintf("the claims (%s) never set \"exp\"", claimsName(c.info, call.Args[spec.Claims]))
	}
	c.rep.Reportf("AV104", at(call), "token created without an expiry: %s, so it is valid forever once issued; set ExpiresAt (\"exp\") to a short lifetime", what)
}

// claimsName names claims for messages: the variable, or the type of a
// literal.
func claimsName(info *types.Info, e ast.Expr) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if t := typesx.TypeOf(info, x); t != nil {
			if n := typesx.Named(t); n != nil {
				pkg := ""
				if n.Obj().Pkg() != nil {
					pkg = n.Obj().Pkg().Name() + "."
				}
				return pkg + n.Obj().Name() + "{...}"
			}
		}
		return "literal"
	}
	return typesx.ExprName(e)
}

func isNone(alg string) bool { return strings.EqualFold(strings.TrimSpace(alg), "none") }

// signedString checks (*jwt.Token).SignedString: the none key (AV101)
// and a short HMAC key (AV107).
func (c *checker) signedString(cur inspector.Cursor, call *ast.CallExpr, spec jwtkeys.Func) {
	if spec.Key >= len(call.Args) {
		return
	}
	key := call.Args[spec.Key]
	if kind, _ := jwtkeys.LookupValue(typesx.ObjectOf(c.info, typesx.StripConversions(c.info, key))); kind == jwtkeys.ValNoneKey {
		if !c.createdWithNone(call) {
			c.rep.Reportf("AV101", at(call), `token signed with jwt.UnsafeAllowNoneSignatureType: it carries no signature and anyone can forge it; sign with HS256, RS256 or EdDSA and a real key`)
		}
		return
	}
	if t := typesx.TypeOf(c.info, key); t != nil && typesx.IsBytes(t) {
		c.weakKey(call, key, "HMAC signing key", false)
	}
}

// createdWithNone reports whether the token SignedString is called on
// was created with alg none (already reported at its creation).
func (c *checker) createdWithNone(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	var creation ast.Expr = sel.X
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
		v, _ := c.info.Uses[id].(*types.Var)
		creation = nil
		for _, u := range c.res.Uses(v) {
			if cu := c.res.Classify(v, u); cu.RHS != nil {
				creation = cu.RHS
			}
		}
	}
	cr, ok := ast.Unparen(creation).(*ast.CallExpr)
	if !ok {
		return false
	}
	spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, cr))
	if !ok || (spec.Op != jwtkeys.OpNew && spec.Op != jwtkeys.OpNewWithClaims) || spec.Arg >= len(cr.Args) {
		return false
	}
	alg, ok := c.res.Alg(cr.Args[spec.Arg])
	return ok && isNone(alg)
}

// weakKey records AV107 when the HMAC key's value is known and short.
// verify says the call only verifies with it; see reportWeak.
func (c *checker) weakKey(node analysis.Range, key ast.Expr, what string, verify bool) {
	if call, ok := node.(*ast.CallExpr); ok {
		node = at(call)
	}
	w := c.res.Weak(key)
	if msg := weakMessage(w, what); msg != "" {
		c.weak = append(c.weak, weakFinding{node: node, msg: msg, key: w.Key, verify: verify})
	}
}

// weakKeyfunc records AV107 for the key a keyfunc returns.
func (c *checker) weakKeyfunc(node analysis.Range, kf jwtkeys.Keyfunc) {
	if msg := weakMessage(kf.Weak, "HMAC key returned by keyfunc "+kf.Name); msg != "" {
		c.weak = append(c.weak, weakFinding{node: node, msg: msg, key: kf.Weak.Key, verify: true})
	}
}

// weakFinding is an AV107 finding waiting for the package's other uses
// of the same key.
type weakFinding struct {
	node   analysis.Range
	msg    string
	key    string // jwtkeys.KeyID of the key, or ""
	verify bool
}

// reportWeak reports the short keys: a key held in a variable is
// reported where it signs, and where it verifies only when this package
// never signs with it.
func (c *checker) reportWeak() {
	signs := map[string]bool{}
	for _, f := range c.weak {
		if !f.verify && f.key != "" {
			signs[f.key] = true
		}
	}
	for _, f := range c.weak {
		if f.verify && signs[f.key] {
			continue
		}
		c.rep.Report(lint.Finding{Rule: "AV107", Node: f.node, Message: f.msg})
	}
}

// weakMessage describes a short key, or returns "" when it is long
// enough or unknown. The key itself is never shown.
func weakMessage(w jwtkeys.Weakness, what string) string {
	if !w.Known || w.Len >= minKeyBytes {
		return ""
	}
	what = "the " + what
	if w.Fallback {
		return fmt.Sprintf("%s falls back to a %d-byte constant when the configured value is empty, shorter than the %d bytes HMAC needs; fail at startup without a key and use a random key of at least %d bytes", what, w.Len, minKeyBytes, minKeyBytes)
	}
	return fmt.Sprintf("%s is %d bytes, shorter than the %d bytes HMAC needs, so it can be brute-forced from any token; use a random key of at least %d bytes loaded from configuration", what, w.Len, minKeyBytes, minKeyBytes)
}

// jwxSign checks jwx's jwt.Sign: alg none (AV101), a short HMAC key
// (AV107), and a token from jwt.New() without "exp" (AV104).
func (c *checker) jwxSign(cur inspector.Cursor, call *ast.CallExpr, spec jwtkeys.Func) {
	if spec.Opts >= 0 && spec.Opts <= len(call.Args) {
		opts, _ := c.res.Options(call.Args[spec.Opts:], call.Ellipsis.IsValid())
		for oc, ospec := range c.optionSpecs(opts) {
			switch ospec.Op {
			case jwtkeys.OpJWXInsecureNoSig:
				c.rep.Reportf("AV101", at(call), `token signed with jwt.WithInsecureNoSignature (alg "none"): anyone can forge it; sign with jwt.WithKey and a real key`)
			case jwtkeys.OpJWXWithKey:
				alg, ok := c.res.Alg(oc.Args[ospec.Arg])
				switch {
				case ok && isNone(alg):
					c.rep.Reportf("AV101", at(call), `token signed with alg "none" (%s): anyone can forge it; sign with HS256, RS256 or EdDSA and a real key`, typesx.ExprName(oc.Args[ospec.Arg]))
				case ok && jwtkeys.IsHMAC(alg):
					c.weakKey(call, c.rawKey(oc.Args[ospec.Arg2]), "HMAC signing key", false)
				}
			}
		}
	}
	if spec.Arg < len(call.Args) {
		if v := c.varOf(call.Args[spec.Arg]); v != nil && c.jwxNewToken(v) && c.jwxTokenExp(v) == jwtkeys.ExpMissing {
			c.rep.Reportf("AV104", at(call), `token signed without an expiry: %s from jwt.New() never gets "exp", so it is valid forever once issued; set jwt.ExpirationKey to a short lifetime`, v.Name())
		}
	}
}

// rawKey looks through jwk.FromRaw(x) / jwk.Import(x) for the raw key.
func (c *checker) rawKey(e ast.Expr) ast.Expr {
	v := c.varOf(e)
	if v == nil {
		return e
	}
	for _, u := range c.res.Uses(v) {
		cu := c.res.Classify(v, u)
		if cu.RHS == nil {
			continue
		}
		if call, ok := ast.Unparen(cu.RHS).(*ast.CallExpr); ok {
			if spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, call)); ok && spec.Op == jwtkeys.OpJWKFromRaw && spec.Arg < len(call.Args) {
				return call.Args[spec.Arg]
			}
		}
	}
	return e
}

func (c *checker) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// jwxNewToken reports whether the local variable v holds a token from
// jwx's jwt.New().
func (c *checker) jwxNewToken(v *types.Var) bool {
	found := false
	for _, u := range c.res.Uses(v) {
		cu := c.res.Classify(v, u)
		if cu.RHS == nil {
			continue
		}
		call, ok := ast.Unparen(cu.RHS).(*ast.CallExpr)
		if !ok {
			return false
		}
		spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, call))
		if !ok || spec.Op != jwtkeys.OpJWXNew {
			return false
		}
		found = true
	}
	return found
}

// jwxTokenExp says whether a jwx token variable is given "exp" through
// Set, or may be (handed to a function of the module).
func (c *checker) jwxTokenExp(v *types.Var) jwtkeys.ExpState {
	st := jwtkeys.ExpMissing
	for _, u := range c.res.Uses(v) {
		cu := c.res.Classify(v, u)
		switch cu.Kind {
		case jwtkeys.UseMethodCall:
			spec, ok := jwtkeys.Lookup(cu.Method)
			switch {
			case ok && spec.Op == jwtkeys.OpJWXSet && spec.Arg < len(cu.Call.Args):
				name, ok := c.res.Alg(cu.Call.Args[spec.Arg])
				if !ok {
					st = jwtkeys.ExpUnknown
				} else if name == "exp" {
					return jwtkeys.ExpSet
				}
			case !jwtkeys.IsLibrary(cu.Method):
				st = jwtkeys.ExpUnknown
			}
		case jwtkeys.UseArg:
			if fn := typesx.Callee(c.info, cu.Call); fn == nil || !jwtkeys.IsLibrary(fn) {
				st = jwtkeys.ExpUnknown
			}
		case jwtkeys.UseTuple:
			if c.info.Defs[cu.Ident] == nil {
				st = jwtkeys.ExpUnknown // reassigned from elsewhere
			}
		case jwtkeys.UseAlias, jwtkeys.UseReturn, jwtkeys.UseAddr, jwtkeys.UseOther, jwtkeys.UseFieldWrite, jwtkeys.UseIndexWrite:
			st = jwtkeys.ExpUnknown
		}
	}
	return st
}

// jwxBuild checks a jwx builder chain ending in Build for "exp" (AV104).
func (c *checker) jwxBuild(cur inspector.Cursor, call *ast.CallExpr) {
	st := c.builderExp(call, 0)
	if st != jwtkeys.ExpMissing {
		return
	}
	if v := c.res.AssignedVar(cur, 0); v != nil {
		if c.jwxTokenExp(v) != jwtkeys.ExpMissing {
			return
		}
	}
	c.rep.Reportf("AV104", at(call), `token built without an expiry: the jwt.NewBuilder chain never calls Expiration, so the token is valid forever once issued; add .Expiration(time.Now().Add(ttl))`)
}

// builderExp walks a jwx builder chain from Build back to NewBuilder.
func (c *checker) builderExp(call *ast.CallExpr, depth int) jwtkeys.ExpState {
	if depth > 32 {
		return jwtkeys.ExpUnknown
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	spec, known := jwtkeys.Lookup(typesx.Callee(c.info, call))
	if known && spec.Op == jwtkeys.OpJWXNewBuilder {
		return jwtkeys.ExpMissing
	}
	switch {
	case known && spec.Op == jwtkeys.OpJWXExpiration:
		return jwtkeys.ExpSet
	case known && spec.Op == jwtkeys.OpJWXClaim:
		name, ok := c.res.Alg(call.Args[spec.Arg])
		if !ok {
			return jwtkeys.ExpUnknown
		}
		if name == "exp" {
			return jwtkeys.ExpSet
		}
	}
	if !ok {
		return jwtkeys.ExpUnknown
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		return c.builderExp(x, depth+1)
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		return c.builderVarExp(v, depth)
	}
	return jwtkeys.ExpUnknown
}

// builderVarExp follows a builder held in a variable: its creation and
// every method called on it.
func (c *checker) builderVarExp(v *types.Var, depth int) jwtkeys.ExpState {
	uses := c.res.Uses(v)
	if len(uses) == 0 {
		return jwtkeys.ExpUnknown
	}
	st := jwtkeys.ExpUnknown
	for _, u := range uses {
		cu := c.res.Classify(v, u)
		switch {
		case cu.Kind == jwtkeys.UseDef || cu.Kind == jwtkeys.UseAssign:
			call, ok := ast.Unparen(cu.RHS).(*ast.CallExpr)
			if !ok {
				return jwtkeys.ExpUnknown
			}
			s := c.builderExp(call, depth+1)
			if s == jwtkeys.ExpSet {
				return s
			}
			if s == jwtkeys.ExpUnknown {
				return s
			}
			st = jwtkeys.ExpMissing
		case cu.Method != nil:
			spec, ok := jwtkeys.Lookup(cu.Method)
			if ok && spec.Op == jwtkeys.OpJWXExpiration {
				return jwtkeys.ExpSet
			}
			if ok && spec.Op == jwtkeys.OpJWXClaim {
				if name, ok := c.res.Alg(cu.Call.Args[spec.Arg]); !ok || name == "exp" {
					return jwtkeys.ExpUnknown
				}
			}
		case cu.Kind == jwtkeys.UseArg || cu.Kind == jwtkeys.UseAlias || cu.Kind == jwtkeys.UseReturn:
			return jwtkeys.ExpUnknown
		}
	}
	return st
}

// joseBuild checks a go-jose builder chain jwt.Signed(sig).Claims(...)
// ending in CompactSerialize, Serialize or Token for "exp" (AV104).
func (c *checker) joseBuild(cur inspector.Cursor, call *ast.CallExpr) {
	if _, isChain := cur.Parent().Node().(*ast.SelectorExpr); isChain {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	acc := jwtkeys.ExpMissing
	x := sel.X
	for depth := 0; depth < 32; depth++ {
		inner, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return
		}
		spec, ok := jwtkeys.Lookup(typesx.Callee(c.info, inner))
		if !ok {
			return
		}
		switch spec.Op {
		case jwtkeys.OpJoseSigned:
			if acc == jwtkeys.ExpMissing {
				c.rep.Reportf("AV104", at(call), `token signed without an expiry: no claims passed to jwt.Signed(...).Claims set Expiry ("exp"), so it is valid forever once issued; set Expiry: jwt.NewNumericDate(time.Now().Add(ttl))`)
			}
			return
		case jwtkeys.OpJoseBuilderClaims:
			switch c.joseClaimsExp(inner.Args[spec.Claims]) {
			case jwtkeys.ExpSet:
				acc = jwtkeys.ExpSet
			case jwtkeys.ExpUnknown:
				if acc != jwtkeys.ExpSet {
					acc = jwtkeys.ExpUnknown
				}
			}
		default:
			return
		}
		s, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		x = s.X
	}
}

// joseClaimsExp evaluates one argument of a go-jose builder's Claims: a
// struct of private claims without any expiry field adds nothing.
func (c *checker) joseClaimsExp(e ast.Expr) jwtkeys.ExpState {
	if st := c.res.Claims(e); st != jwtkeys.ExpUnknown {
		return st
	}
	t := typesx.TypeOf(c.info, e)
	if t == nil || jwtkeys.ClaimsType(t) {
		return jwtkeys.ExpUnknown
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return jwtkeys.ExpUnknown
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Embedded() {
			return jwtkeys.ExpUnknown
		}
	}
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "MarshalJSON"); obj != nil {
		return jwtkeys.ExpUnknown
	}
	return jwtkeys.ExpMissing
}

// joseSigner checks jose.NewSigner(jose.SigningKey{Algorithm: HS256,
// Key: k}, ...) for a short key (AV107).
func (c *checker) joseSigner(call *ast.CallExpr, spec jwtkeys.Func) {
	lit, ok := ast.Unparen(call.Args[spec.Arg]).(*ast.CompositeLit)
	if !ok {
		return
	}
	var alg, key ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch id, _ := kv.Key.(*ast.Ident); {
		case id == nil:
		case id.Name == "Algorithm":
			alg = kv.Value
		case id.Name == "Key":
			key = kv.Value
		}
	}
	if alg == nil || key == nil {
		return
	}
	if a, ok := c.res.Alg(alg); ok && jwtkeys.IsHMAC(a) {
		c.weakKey(call, key, "HMAC signing key", false)
	}
}
