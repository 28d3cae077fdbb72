package secrets

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
)

const maxDepth = 8

// resolveValidators marks the parameters of basic-auth and key-auth
// validator callbacks that hold the credential sent by the client.
func (c *checker) resolveValidators() {
	for _, v := range c.validators {
		for _, fn := range c.funcBodies(v.fn, 0) {
			var ft *ast.FuncType
			switch f := fn.(type) {
			case *ast.FuncLit:
				ft = f.Type
			case *ast.FuncDecl:
				ft = f.Type
			}
			if ft == nil || ft.Params == nil {
				continue
			}
			i := 0
			for _, field := range ft.Params.List {
				names := field.Names
				if len(names) == 0 {
					i++
					continue
				}
				for _, name := range names {
					if i == v.param {
						if pv, ok := c.info.Defs[name].(*types.Var); ok {
							c.credParams[pv] = v.what
						}
					}
					i++
				}
			}
		}
	}
}

// resolveComparisons handles every comparison: a constant compared with a
// credential is AV501; a request value compared with a stored secret in
// variable time is AV510.
func (c *checker) resolveComparisons() {
	for _, cmp := range c.compares {
		xv, yv := c.constValue(cmp.x), c.constValue(cmp.y)
		if xv != nil && yv != nil { // one side may be a variable strval resolved: keep the literal side
			xc, yc := c.isConstExpr(cmp.x), c.isConstExpr(cmp.y)
			switch {
			case xc && !yc:
				yv = nil
			case yc && !xc:
				xv = nil
			}
		}
		switch {
		case xv != nil && yv != nil:
		case xv != nil:
			c.comparedLiteral(cmp, cmp.x, xv, cmp.y)
		case yv != nil:
			c.comparedLiteral(cmp, cmp.y, yv, cmp.x)
		case !cmp.constTime:
			c.timingCompare(cmp)
		}
	}
}

// isConstExpr reports a constant expression of the language (a literal, a
// named constant), as opposed to a variable strval found constant.
func (c *checker) isConstExpr(e ast.Expr) bool {
	tv, ok := c.info.Types[typesx.StripConversions(c.info, e)]
	return ok && tv.Value != nil
}

// comparedLiteral reports AV501 when a credential is compared with a
// constant: the expected password or key is written in the code.
func (c *checker) comparedLiteral(cmp comparison, constSide ast.Expr, v *strval.Value, other ast.Expr) {
	what, relaxed, ok := c.credentialOperand(other, 0)
	if !ok {
		return
	}
	for i, cv := range v.Vals {
		if cv.Kind() != constant.String {
			continue
		}
		s := constant.StringVal(cv)
		if s == "" || (!relaxed && !looksLikeSecret(s)) {
			continue
		}
		origin := token.NoPos
		if i < len(v.Origins) {
			origin = v.Origins[i]
		}
		if origin.IsValid() {
			if c.rep.Skipped(origin) {
				continue
			}
			c.add("AV501", c.litAt(origin), origin, "%s compared with the hardcoded value %s; check it against a secret loaded at run time", what, redact(s))
		} else {
			c.add("AV501", constSide, token.NoPos, "%s compared with the hardcoded value %s; check it against a secret loaded at run time", what, redact(s))
		}
	}
}

// credentialOperand reports whether e holds a credential: a validator's
// password or key parameter, a basic-auth password (relaxed: any constant
// compared with it is a hardcoded password), or a credential-named variable,
// field, getter, request field or map entry.
func (c *checker) credentialOperand(e ast.Expr, depth int) (what string, relaxed, ok bool) {
	if depth > maxDepth {
		return "", false, false
	}
	e = typesx.StripConversions(c.info, e)
	if t := typesx.TypeOf(c.info, e); t == nil || !stringish(t) {
		return "", false, false
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, isVar := c.info.ObjectOf(x).(*types.Var)
		if !isVar {
			return "", false, false
		}
		if w, ok := c.credParams[v]; ok {
			return fmt.Sprintf("%s %q", w, x.Name), true, true
		}
		if c.basicAuthPassword(v) {
			return fmt.Sprintf("basic-auth password %q", x.Name), true, true
		}
		if credentialName(x.Name) {
			return fmt.Sprintf("%q", x.Name), false, true
		}
	case *ast.SelectorExpr:
		if credentialName(x.Sel.Name) {
			return fmt.Sprintf("%q", typesx.ExprName(x)), false, true
		}
	case *ast.IndexExpr:
		if key, ok := c.stringConst(x.Index); ok && credentialName(key) {
			return fmt.Sprintf("%q", key), false, true
		}
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if fn == nil {
			return "", false, false
		}
		key := typesx.FuncKey(fn)
		if i, ok := requestAccessors[key]; ok && i >= 0 && i < len(x.Args) {
			if name, ok := c.stringConst(x.Args[i]); ok && credentialName(name) {
				return fmt.Sprintf("request value %q", name), false, true
			}
			return "", false, false
		}
		if passThrough[key] && len(x.Args) > 0 {
			return c.credentialOperand(x.Args[0], depth+1)
		}
		if len(x.Args) == 0 && credentialName(fn.Name()) {
			return fmt.Sprintf("%q", typesx.ExprName(x)), false, true
		}
	}
	return "", false, false
}

// basicAuthPassword reports a variable holding the password result of
// (*http.Request).BasicAuth.
func (c *checker) basicAuthPassword(v *types.Var) bool {
	ws, _ := c.vals.Assignments(v)
	for _, w := range ws {
		if w.Kind != strval.Tuple {
			continue
		}
		call, ok := ast.Unparen(w.RHS).(*ast.CallExpr)
		if !ok {
			continue
		}
		if i, ok := passwordTuples[typesx.FuncKey(typesx.Callee(c.info, call))]; ok && i == w.Index {
			return true
		}
	}
	return false
}

func stringish(t types.Type) bool {
	return typesx.IsString(t) || typesx.IsBytes(t)
}

// ---------------------------------------------------------------------------
// AV510

// timingCompare reports a secret compared in variable time with a value the
// client controls.
func (c *checker) timingCompare(cmp comparison) {
	for _, pair := range [2][2]ast.Expr{{cmp.x, cmp.y}, {cmp.y, cmp.x}} {
		probe, stored := pair[0], pair[1]
		pt, st := typesx.TypeOf(c.info, probe), typesx.TypeOf(c.info, stored)
		if pt == nil || st == nil || !stringish(pt) || !stringish(st) {
			return
		}
		pdesc, ok := c.probe(probe)
		if !ok {
			continue
		}
		// The stored side is named as a secret, or the request names what
		// it sends: r.Header.Get("X-Server-Key") != env.ServerKey.
		if !c.storedSecret(stored, 0) && !(c.credentialProbe(probe, 0) && c.storedValue(stored)) {
			continue
		}
		c.add("AV510", cmp.node, token.NoPos,
			"%s compared with the secret %s using %s, which leaks through timing how much of it matched; use subtle.ConstantTimeCompare or hmac.Equal",
			pdesc, typesx.ExprName(typesx.StripConversions(c.info, stored)), cmp.op)
		return
	}
}

// probe reports whether e is the guess side of a secret comparison: a value
// from the request, or a credential-named parameter or local variable.
func (c *checker) probe(e ast.Expr) (string, bool) {
	s := typesx.StripConversions(c.info, e)
	if c.fromRequest(e, 0) {
		return "request value " + typesx.ExprName(s), true
	}
	id, ok := s.(*ast.Ident)
	if !ok {
		return "", false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return "", false
	}
	switch v.Kind() {
	case types.ParamVar:
		if comparableSecretName(id.Name, true) {
			return "parameter " + id.Name, true
		}
	case types.LocalVar:
		if comparableSecretName(id.Name, false) && c.computedFromRequest(v) && !c.storedSecret(id, 0) {
			return "variable " + id.Name, true
		}
	}
	return "", false
}

// credentialProbe reports a request value read under a name that says
// credential (the X-Server-Key header, an access_code form field), also
// through a local variable.
func (c *checker) credentialProbe(e ast.Expr, depth int) bool {
	if depth > 2 {
		return false
	}
	switch x := typesx.StripConversions(c.info, e).(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if fn == nil {
			return false
		}
		idx, ok := requestAccessors[typesx.FuncKey(fn)]
		if !ok || idx < 0 || idx >= len(x.Args) {
			return false
		}
		name, ok := c.vals.String(x.Args[idx])
		return ok && probeCredentialName(name)
	case *ast.Ident:
		v, ok := c.info.ObjectOf(x).(*types.Var)
		if !ok || v.Kind() != types.LocalVar {
			return false
		}
		ws, _ := c.vals.Assignments(v)
		for _, w := range ws {
			if w.Kind == strval.Plain && c.credentialProbe(w.RHS, depth+1) {
				return true
			}
		}
	}
	return false
}

// probeCredentialName reports a header, form or query name that carries a
// credential: a token, secret or password, any key but an idempotency or
// cache key, an access or invite code.
func probeCredentialName(name string) bool {
	words := typesx.NameWords(name)
	if len(words) > 0 && words[0] == "x" {
		words = words[1:]
	}
	if credentialWords(words, true) {
		return true
	}
	words = trimNoise(words)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if probeNegations[w] || negatingWords[w] && w != "code" {
			return false
		}
	}
	switch words[len(words)-1] {
	case "key":
		return true
	case "code":
		return len(words) >= 2 && accessCodeQualifiers[words[len(words)-2]]
	}
	return false
}

// storedValue reports a value the server holds: not a constant (AV501's
// business), not from the request.
func (c *checker) storedValue(e ast.Expr) bool {
	e = typesx.StripConversions(c.info, e)
	return c.constValue(e) == nil && !c.fromRequest(e, 0)
}

// computedFromRequest reports a local variable written from an expression
// that mentions the request object: token := extractToken(r).
func (c *checker) computedFromRequest(v *types.Var) bool {
	ws, _ := c.vals.Assignments(v)
	for _, w := range ws {
		if w.RHS == nil {
			continue
		}
		found := false
		ast.Inspect(w.RHS, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if t := typesx.TypeOf(c.info, id); t != nil && requestTypes[typesx.TypeKey(t)] {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// storedSecret reports whether e holds the server's copy of a secret: a
// credential-named field or package variable, a credential read from the
// environment, a getter, an expected MAC, or a local variable computed from
// one of those. Constants are AV501's business and request values are the
// other side.
func (c *checker) storedSecret(e ast.Expr, depth int) bool {
	if depth > maxDepth || e == nil {
		return false
	}
	e = typesx.StripConversions(c.info, e)
	if c.constValue(e) != nil || c.fromRequest(e, 0) {
		return false
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := c.info.ObjectOf(x).(*types.Var)
		if !ok {
			return false
		}
		switch v.Kind() {
		case types.PackageVar:
			return comparableSecretName(x.Name, false)
		case types.LocalVar:
			ws, _ := c.vals.Assignments(v)
			for _, w := range ws {
				if w.Kind == strval.Plain && c.storedSecret(w.RHS, depth+1) {
					return true
				}
				if w.Kind == strval.Tuple && w.Index == 0 {
					if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok && c.storedCall(call, depth) {
						return true
					}
				}
			}
		}
	case *ast.SelectorExpr:
		if obj, ok := c.info.ObjectOf(x.Sel).(*types.Var); ok {
			return comparableSecretName(obj.Name(), false)
		}
	case *ast.CallExpr:
		return c.storedCall(x, depth)
	case *ast.BinaryExpr:
		return x.Op == token.ADD && (c.storedSecret(x.X, depth+1) || c.storedSecret(x.Y, depth+1))
	}
	return false
}

// storedCall reports calls that return a stored secret: os.Getenv("API_KEY"),
// cfg.APIKey(), computeSignature(body), hex.EncodeToString(mac.Sum(nil)).
func (c *checker) storedCall(x *ast.CallExpr, depth int) bool {
	fn := typesx.Callee(c.info, x)
	if fn == nil {
		return false
	}
	key := typesx.FuncKey(fn)
	switch {
	case credentialEnvFuncs[key]:
		if len(x.Args) != 1 {
			return false
		}
		name, ok := c.vals.String(x.Args[0])
		return ok && credentialName(name)
	case passThrough[key] || passThroughTuples[key] || encoders[key]:
		return len(x.Args) > 0 && c.storedSecret(x.Args[0], depth+1)
	case macSums[key]:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			return c.macValue(sel.X)
		}
		return false
	}
	if _, ok := requestAccessors[key]; ok {
		return false
	}
	words := typesx.NameWords(fn.Name())
	if len(words) > 0 && compareWords[words[len(words)-1]] {
		return true // computeSignature(body), expectedHMAC(payload)
	}
	// cfg.APIKey(), store.BotToken(ctx, id), repo.WebhookSecret(ctx, hookID):
	// a getter or a lookup of the stored secret — not a function handed the
	// request, which reads the presented one (extractToken(r)).
	for _, a := range x.Args {
		if requestValue(c.info, a) {
			return false
		}
	}
	return comparableSecretName(fn.Name(), false) && fn.Signature().Results().Len() > 0 &&
		stringish(fn.Signature().Results().At(0).Type())
}

// requestValue reports whether e is the request or a framework context.
func requestValue(info *types.Info, e ast.Expr) bool {
	t := typesx.TypeOf(info, e)
	for _, k := range []string{"net/http.Request", "github.com/gin-gonic/gin.Context", "github.com/labstack/echo/v4.Context",
		"github.com/gofiber/fiber/v2.Ctx", "github.com/gofiber/fiber/v3.Ctx"} {
		if typesx.TypeKey(t) == k {
			return true
		}
	}
	return false
}

// macValue reports whether e is a MAC: named like one, or made by hmac.New.
func (c *checker) macValue(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	if comparableSecretName(id.Name, false) {
		return true
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	ws, _ := c.vals.Assignments(v)
	for _, w := range ws {
		if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok && w.Kind == strval.Plain {
			if macConstructors[typesx.FuncKey(typesx.Callee(c.info, call))] {
				return true
			}
		}
	}
	return false
}

// fromRequest reports whether e is a value the client sent: a header,
// query, form, path or cookie value, a basic-auth result, a field of a
// struct decoded from the body, or something derived from one through local
// variables and trimming, splitting, slicing and decoding.
func (c *checker) fromRequest(e ast.Expr, depth int) bool {
	if depth > maxDepth || e == nil {
		return false
	}
	e = typesx.StripConversions(c.info, e)
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if fn == nil {
			return false
		}
		key := typesx.FuncKey(fn)
		if _, ok := requestAccessors[key]; ok {
			if rootedAccessors[key] {
				sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
				return ok && c.rootedInRequest(sel.X, depth+1)
			}
			return true
		}
		if passThrough[key] && len(x.Args) > 0 {
			return c.fromRequest(x.Args[0], depth+1)
		}
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		if typesx.TypeIs(typesx.TypeOf(c.info, x.X), "net/http", "Request") {
			return requestFields[x.Sel.Name]
		}
		return c.fromRequest(x.X, depth+1)
	case *ast.IndexExpr:
		return c.fromRequest(x.X, depth+1)
	case *ast.SliceExpr:
		return c.fromRequest(x.X, depth+1)
	case *ast.StarExpr:
		return c.fromRequest(x.X, depth+1)
	case *ast.Ident:
		if v, ok := c.info.ObjectOf(x).(*types.Var); ok && !v.IsField() {
			return c.varFromRequest(v, depth)
		}
	}
	return false
}

func (c *checker) varFromRequest(v *types.Var, depth int) bool {
	switch c.reqMemo[v] {
	case 1:
		return true
	case 2, 3:
		return false
	}
	if v.Kind() == types.PackageVar {
		return false
	}
	c.reqMemo[v] = 3
	res := c.computeVarFromRequest(v, depth)
	if res {
		c.reqMemo[v] = 1
	} else {
		c.reqMemo[v] = 2
	}
	return res
}

func (c *checker) computeVarFromRequest(v *types.Var, depth int) bool {
	if _, ok := c.credParams[v]; ok || c.bound[v] {
		return true
	}
	for _, b := range c.srcBinds {
		if b.target == v && c.bindSourceFromRequest(b.call, depth) {
			return true
		}
	}
	ws, _ := c.vals.Assignments(v)
	for _, w := range ws {
		switch w.Kind {
		case strval.Plain, strval.Range:
			if c.fromRequest(w.RHS, depth+1) {
				return true
			}
		case strval.Tuple:
			call, ok := ast.Unparen(w.RHS).(*ast.CallExpr)
			if !ok {
				continue
			}
			key := typesx.FuncKey(typesx.Callee(c.info, call))
			for _, i := range requestTuples[key] {
				if i == w.Index {
					return true
				}
			}
			if passThroughTuples[key] && w.Index == 0 && len(call.Args) > 0 && c.fromRequest(call.Args[0], depth+1) {
				return true
			}
		}
	}
	return false
}

// bindSourceFromRequest reports whether a json/xml decode reads the
// request: json.NewDecoder(r.Body).Decode(&v), json.Unmarshal(body, &v).
func (c *checker) bindSourceFromRequest(call *ast.CallExpr, depth int) bool {
	key := typesx.FuncKey(typesx.Callee(c.info, call))
	if sourceBinders[key] == 1 { // Unmarshal(data, &v)
		return c.fromRequest(call.Args[0], depth+1)
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	return c.decoderFromRequest(sel.X, depth+1)
}

func (c *checker) decoderFromRequest(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if decoderConstructors[typesx.FuncKey(typesx.Callee(c.info, x))] && len(x.Args) == 1 {
			return c.fromRequest(x.Args[0], depth+1)
		}
	case *ast.Ident:
		if v, ok := c.info.ObjectOf(x).(*types.Var); ok {
			ws, _ := c.vals.Assignments(v)
			for _, w := range ws {
				if w.Kind == strval.Plain && c.decoderFromRequest(w.RHS, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// rootedInRequest reports whether a receiver is reached from a
// *http.Request: r.Header, r.URL.Query(), c.Request.Header, a local copy.
func (c *checker) rootedInRequest(e ast.Expr, depth int) bool {
	for ; depth <= maxDepth; depth++ {
		e = ast.Unparen(e)
		if typesx.TypeIs(typesx.TypeOf(c.info, e), "net/http", "Request") {
			return true
		}
		switch x := e.(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			e = sel.X
		case *ast.Ident:
			v, ok := c.info.ObjectOf(x).(*types.Var)
			if !ok || v.Kind() != types.LocalVar {
				return false
			}
			ws, _ := c.vals.Assignments(v)
			for _, w := range ws {
				if w.Kind == strval.Plain && c.rootedInRequest(w.RHS, depth+1) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}
