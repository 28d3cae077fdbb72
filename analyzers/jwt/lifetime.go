package jwt

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/jwtkeys"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// registeredClaimTags are the JSON names of JWT registered claims; a
// struct with "exp" and another of them is a claims struct.
var registeredClaimTags = map[string]bool{"iat": true, "sub": true, "iss": true, "aud": true, "nbf": true, "jti": true}

// compositeLit checks claims literals for their expiry (AV105) and
// middleware configurations (AV101-AV107).
func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := typesx.TypeOf(c.info, lit)
	if t == nil {
		return
	}
	if mw := jwtkeys.LookupMiddleware(t); mw != nil {
		c.middleware(cur, lit, mw)
		return
	}
	if jwtkeys.LookupType(t) == jwtkeys.RoleMapClaims {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if k, ok := c.res.Alg(kv.Key); ok && k == "exp" && c.identifies(cur, lit) {
					c.expiry(cur, kv, kv.Value, kindUnknown, "")
				}
			}
		}
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	expField := taggedExpiry(st)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		f, ok := c.info.ObjectOf(id).(*types.Var)
		if !ok {
			continue
		}
		if jwtkeys.ExpiryField(f) || f == expField {
			c.expiry(cur, kv, kv.Value, kindUnknown, "")
		}
	}
}

// identities are the words of claim names that say who a token speaks
// for: an access or refresh token carries one, a cart or preview token
// does not.
var identities = map[string]bool{
	"sub": true, "user": true, "uid": true, "id": true, "email": true, "name": true, "username": true,
	"role": true, "roles": true, "scope": true, "scopes": true, "admin": true, "account": true, "tenant": true,
	"client": true, "login": true, "customer": true, "member": true, "principal": true, "session": true,
	"sid": true, "authorized": true, "permissions": true, "perms": true, "group": true, "groups": true,
	"owner": true, "org": true, "device": true, "phone": true, "aud": true, "azp": true,
}

// identifies reports whether map claims name whom the token is for (or
// may: a key apivet cannot read counts), through the literal's keys and
// the keys later written into the variable it is assigned to.
func (c *checker) identifies(cur inspector.Cursor, lit *ast.CompositeLit) bool {
	keys := []ast.Expr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			keys = append(keys, kv.Key)
		}
	}
	for _, v := range c.definedVars(cur.Parent()) {
		for _, u := range c.res.Uses(v) {
			cu := c.res.Classify(v, u)
			switch {
			case cu.Kind == jwtkeys.UseIndexWrite && len(cu.Path) == 0:
				keys = append(keys, cu.Key)
			case cu.Kind == jwtkeys.UseArg || cu.Kind == jwtkeys.UseMethodCall:
				if fn := typesx.Callee(c.info, cu.Call); fn == nil || !jwtkeys.IsLibrary(fn) {
					return true // a helper may add the subject
				}
			}
		}
	}
	for _, k := range keys {
		name, ok := c.res.Alg(k)
		if !ok {
			return true
		}
		for _, w := range typesx.NameWords(name) {
			if identities[w] {
				return true
			}
		}
	}
	return false
}

// taggedExpiry returns the field of st tagged `json:"exp"` when st also
// has another registered claim (a claims struct of the module's own), or
// nil.
func taggedExpiry(st *types.Struct) *types.Var {
	var exp *types.Var
	other := false
	for i := 0; i < st.NumFields(); i++ {
		tag := st.Tag(i)
		if tag == "" {
			continue
		}
		switch name := jsonTag(tag); {
		case name == "exp":
			exp = st.Field(i)
		case registeredClaimTags[name]:
			other = true
		}
	}
	if !other {
		return nil
	}
	return exp
}

// selectedStruct returns the struct that declares the field a selection
// selects, following its embedding path.
func selectedStruct(sel *types.Selection) *types.Struct {
	t := sel.Recv()
	idx := sel.Index()
	for i, n := range idx {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || n >= st.NumFields() {
			return nil
		}
		if i == len(idx)-1 {
			return st
		}
		t = st.Field(n).Type()
	}
	return nil
}

func deref(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}

func jsonTag(tag string) string {
	const key = `json:"`
	i := strings.Index(tag, key)
	if i < 0 {
		return ""
	}
	rest := tag[i+len(key):]
	j := strings.IndexAny(rest, `,"`)
	if j < 0 {
		return ""
	}
	return rest[:j]
}

// assign checks claims["exp"] = ..., claims.ExpiresAt = ..., a
// middleware's Timeout, and token.Header["alg"] = "none".
func (c *checker) assign(cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return
	}
	for i, lhs := range as.Lhs {
		rhs := as.Rhs[i]
		switch l := ast.Unparen(lhs).(type) {
		case *ast.IndexExpr:
			k, ok := c.res.Alg(l.Index)
			if !ok {
				continue
			}
			xt := typesx.TypeOf(c.info, l.X)
			if k == "exp" && jwtkeys.LookupType(xt) == jwtkeys.RoleMapClaims {
				c.expiry(cur, as, rhs, kindUnknown, "")
			}
			if sel, ok := ast.Unparen(l.X).(*ast.SelectorExpr); ok && k == "alg" && sel.Sel.Name == "Header" &&
				jwtkeys.LookupType(typesx.TypeOf(c.info, sel.X)) == jwtkeys.RoleToken {
				if v, ok := c.res.Alg(rhs); ok && isNone(v) {
					c.rep.Reportf("AV101", as, `token header "alg" set to "none": the token carries no signature and anyone can forge it; sign with HS256, RS256 or EdDSA and a real key`)
				}
			}
		case *ast.SelectorExpr:
			sel, ok := c.info.Selections[l]
			if !ok || sel.Kind() != types.FieldVal {
				continue
			}
			f, _ := sel.Obj().(*types.Var)
			if f == nil {
				continue
			}
			if st := selectedStruct(sel); jwtkeys.ExpiryField(f) || st != nil && taggedExpiry(st) == f {
				c.expiry(cur, as, rhs, kindUnknown, "")
				continue
			}
			if mw := jwtkeys.LookupMiddleware(sel.Recv()); mw != nil {
				switch f.Name() {
				case mw.Timeout:
					c.expiry(cur, as, rhs, kindAccess, mw.Timeout)
				case mw.MaxRefresh:
					c.expiry(cur, as, rhs, kindRefresh, mw.MaxRefresh)
				}
			}
		}
	}
}

// life is what is known about a token's lifetime.
type life struct {
	vals   []int64    // possible lifetimes, in nanoseconds
	names  []string   // the variables, fields and constants it comes through
	param  *types.Var // the duration is this parameter of the enclosing function
	factor int64      // times this factor
}

// expiry checks one expiry: val is the expiry time (field == "") or, for
// a middleware's Timeout or MaxRefresh (field set), the duration itself.
func (c *checker) expiry(cur inspector.Cursor, site analysis.Range, val ast.Expr, kind tokenKind, field string) {
	if c.sv == nil {
		return
	}
	var lt life
	var ok bool
	if field != "" {
		lt, ok = c.durationOf(val, cur)
	} else {
		lt, ok = c.lifetime(val, cur, 0)
	}
	if !ok {
		return
	}
	if call, isCall := site.(*ast.CallExpr); isCall {
		site = at(call)
	}
	if kind == kindUnknown {
		kind = c.kindAt(cur, lt)
	}
	if kind == kindOther {
		return
	}
	if lt.param != nil {
		if c.perCallSite(site, lt, kind, field) {
			return
		}
	}
	if len(lt.vals) == 0 {
		return
	}
	d := lt.vals[0]
	for _, v := range lt.vals[1:] {
		d = max(d, v)
	}
	c.reportLifetime(site, d, kind, field)
}

func limitFor(kind tokenKind) time.Duration {
	if kind == kindRefresh || kind == kindAmbiguous {
		return maxRefresh
	}
	return maxAccess
}

func (c *checker) reportLifetime(site analysis.Range, d int64, kind tokenKind, field string) {
	limit := limitFor(kind)
	if d <= int64(limit) {
		return
	}
	lim := fmtDur(int64(limit))
	var msg string
	switch {
	case field != "" && kind == kindRefresh:
		msg = fmt.Sprintf("refresh window (%s) %s exceeds the %s limit; shorten it so a stolen token cannot be refreshed for that long", field, fmtDur(d), lim)
	case field != "":
		msg = fmt.Sprintf("access token lifetime (%s) %s exceeds the %s limit; issue a short-lived token and let clients refresh it", field, fmtDur(d), lim)
	case kind == kindRefresh:
		msg = fmt.Sprintf("refresh token lifetime %s exceeds the %s limit; shorten it and rotate refresh tokens when they are used", fmtDur(d), lim)
	case kind == kindAmbiguous:
		msg = fmt.Sprintf("token lifetime %s exceeds the %s limit even for a refresh token; shorten it", fmtDur(d), lim)
	default:
		msg = fmt.Sprintf("access token lifetime %s exceeds the %s limit; issue a short-lived token and a refresh token", fmtDur(d), lim)
	}
	c.rep.Reportf("AV105", site, "%s", msg)
}

// perCallSite evaluates a lifetime that is a parameter of the enclosing
// function at each call of that function, with the names around each
// call deciding the token's kind. It returns false when the calls cannot
// be listed.
func (c *checker) perCallSite(site analysis.Range, lt life, kind tokenKind, field string) bool {
	_, idx, sites, ok := c.res.ParamSites(lt.param)
	if !ok || len(sites) == 0 {
		return false
	}
	var worst int64
	worstKind := kind
	found := false
	for _, sc := range sites {
		call := sc.Node().(*ast.CallExpr)
		if idx >= len(call.Args) {
			continue
		}
		v := c.sv.Eval(call.Args[idx])
		if v == nil || v.Many {
			continue
		}
		k := c.callSiteKind(sc, call)
		if k == kindUnknown {
			k = kind
		}
		if k == kindOther {
			continue
		}
		for _, n := range v.Int64s() {
			d := n * lt.factor
			if d > int64(limitFor(k)) && (!found || d-int64(limitFor(k)) > worst-int64(limitFor(worstKind))) {
				worst, worstKind, found = d, k, true
			}
		}
	}
	if found {
		c.reportLifetime(site, worst, worstKind, field)
	}
	return true
}

// lifetime finds the lifetime of an expiry time: now + d, now.AddDate,
// now.Unix() + seconds, through NewNumericDate, .Unix() and variables.
func (c *checker) lifetime(e ast.Expr, cur inspector.Cursor, depth int) (life, bool) {
	if depth > 8 {
		return life{}, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if typesx.IsConversion(c.info, x) {
			return c.lifetime(x.Args[0], cur, depth+1)
		}
		fn := typesx.Callee(c.info, x)
		if spec, ok := jwtkeys.Lookup(fn); ok && spec.Op == jwtkeys.OpNumericDate && spec.Arg < len(x.Args) {
			return c.lifetime(x.Args[spec.Arg], cur, depth+1)
		}
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok {
			return life{}, false
		}
		switch typesx.FuncKey(fn) {
		case "time.Time.Unix", "time.Time.UTC", "time.Time.Local", "time.Time.Round", "time.Time.Truncate", "time.Time.In":
			return c.lifetime(sel.X, cur, depth+1)
		case "time.Time.Add":
			if c.isNow(sel.X, 0) {
				return c.durationOf(x.Args[0], cur)
			}
		case "time.Time.AddDate":
			if !c.isNow(sel.X, 0) {
				return life{}, false
			}
			var days int64
			for i, mult := range []int64{365, 30, 1} {
				n, ok := c.sv.Int(x.Args[i])
				if !ok {
					return life{}, false
				}
				days += n * mult
			}
			return life{vals: []int64{days * int64(24*time.Hour)}, names: identNames(x)}, true
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return life{}, false
		}
		for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
			if c.isNowUnix(pair[0]) {
				lt, ok := c.durationOf(pair[1], cur)
				if !ok {
					return life{}, false
				}
				for i := range lt.vals {
					lt.vals[i] *= int64(time.Second)
				}
				lt.factor *= int64(time.Second)
				return lt, true
			}
		}
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		rhs := c.singleWrite(v)
		if rhs == nil {
			return life{}, false
		}
		lt, ok := c.lifetime(rhs, cur, depth+1)
		lt.names = append(lt.names, v.Name())
		return lt, ok
	}
	return life{}, false
}

// durationOf evaluates a duration (or a number of seconds) through
// strval. Fields of other packages are not trusted: decoders elsewhere
// write them.
func (c *checker) durationOf(d ast.Expr, cur inspector.Cursor) (life, bool) {
	if c.foreignField(d) {
		return life{}, false
	}
	lt := life{names: identNames(d), factor: 1}
	if p, f := c.paramFactor(d); p != nil {
		lt.param, lt.factor = p, f
	}
	v := c.sv.Eval(d)
	if v == nil || v.Many {
		return lt, lt.param != nil
	}
	lt.vals = v.Int64s()
	if len(lt.vals) != len(v.Vals) {
		return life{}, false
	}
	return lt, true
}

// paramFactor recognises a duration that is a parameter of the
// enclosing function, possibly times a constant: ttl,
// time.Duration(days) * 24 * time.Hour.
func (c *checker) paramFactor(e ast.Expr) (*types.Var, int64) {
	e = typesx.StripConversions(c.info, e)
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			if _, _, _, ok := c.res.ParamSites(v); ok {
				return v, 1
			}
		}
	case *ast.BinaryExpr:
		if x.Op != token.MUL {
			return nil, 0
		}
		for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
			if p, f := c.paramFactor(pair[0]); p != nil {
				if n, ok := c.sv.Int(pair[1]); ok {
					return p, f * n
				}
			}
		}
	}
	return nil, 0
}

// foreignField reports whether e reads a struct field of another package.
func (c *checker) foreignField(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal && s.Obj().Pkg() != c.pass.Pkg {
				found = true
			}
		}
		return !found
	})
	return found
}

// singleWrite returns the only value a local variable is given.
func (c *checker) singleWrite(v *types.Var) ast.Expr {
	if v == nil {
		return nil
	}
	var rhs ast.Expr
	n := 0
	for _, u := range c.res.Uses(v) {
		cu := c.res.Classify(v, u)
		switch cu.Kind {
		case jwtkeys.UseDef, jwtkeys.UseAssign:
			if cu.RHS == nil {
				continue
			}
			rhs = cu.RHS
			n++
		case jwtkeys.UseTuple, jwtkeys.UseOther, jwtkeys.UseAddr, jwtkeys.UseParam:
			return nil
		}
	}
	if n != 1 {
		return nil
	}
	return rhs
}

// isNow reports whether e is the current time: time.Now() (also .UTC()
// and friends), jwt.TimeFunc(), a variable given one, or a parameter
// named now or issuedAt.
func (c *checker) isNow(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if fn == nil {
			// jwt.TimeFunc()
			if kind, _ := jwtkeys.LookupValue(typesx.ObjectOf(c.info, x.Fun)); kind == jwtkeys.ValTimeFunc {
				return true
			}
			// an injected clock: s.now(), cfg.NowFunc()
			return clockCall(c.info, x)
		}
		switch typesx.FuncKey(fn) {
		case "time.Now":
			return true
		default:
			// clock.Now(), s.clock.Now(): a clock interface or type
			if clockCall(c.info, x) {
				return true
			}
		case "time.Time.UTC", "time.Time.Local", "time.Time.Round", "time.Time.Truncate", "time.Time.In":
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return c.isNow(sel.X, depth+1)
			}
		}
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if rhs := c.singleWrite(v); rhs != nil {
			return c.isNow(rhs, depth+1)
		}
		return nowNames[strings.ToLower(strings.ReplaceAll(v.Name(), "_", ""))] && typesx.TypeIs(v.Type(), "time", "Time")
	}
	return false
}

// clockCall reports whether a call returns a time.Time from a function or
// method named like a clock (now, Now, nowFunc, clock): injected time
// sources for testability.
func clockCall(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) != 0 || !typesx.TypeIs(typesx.TypeOf(info, call), "time", "Time") {
		return false
	}
	name := ""
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = f.Name
	case *ast.SelectorExpr:
		name = f.Sel.Name
	}
	n := strings.ToLower(name)
	return n == "now" || n == "nowfunc" || n == "timefunc" || n == "clock" || strings.HasSuffix(n, "now")
}

// isNowUnix reports whether e is the current time in Unix seconds.
func (c *checker) isNowUnix(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(c.info, x)
		if typesx.FuncKey(fn) == "time.Time.Unix" {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return c.isNow(sel.X, 0)
			}
		}
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if rhs := c.singleWrite(v); rhs != nil {
			return c.isNowUnix(rhs)
		}
	}
	return false
}

// identNames lists the identifiers and selected names in e.
func identNames(e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
		return true
	})
	return out
}
