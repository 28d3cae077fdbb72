package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
)

// This file summarises how a function treats the request itself: where it
// reads the body whole and whether a limit comes first, where it takes
// the caller's credentials from (a session cookie, a header), and whether
// it checks that a request is not cross-site. It also finds the cookies a
// package sets with SameSite=Lax or Strict.

// maxReads bounds the reads a summary (and a fact) carries.
const maxReads = 16

// reqScan is the state of scanning one function body.
type reqScan struct {
	// limitAt is the first statement that bounds the request body
	// (r.Body = http.MaxBytesReader(w, r.Body, n)) or a call of a helper
	// that does.
	limitAt token.Pos
	// valueWrites are session values assigned (sess.Values["uid"] = id).
	valueWrites  map[ast.Expr]bool
	sessionLoad  bool // loads the caller's session (store.Get(r, "session"))
	sessionRead  bool // reads a value of it, or a session cookie
	sessionWrite bool // writes a value into it (a login handler)
	crossSite    bool // reads Origin, Sec-Fetch-Site or X-Requested-With
}

// bounded reports whether a read at pos comes after a body limit.
func (st *reqScan) bounded(pos token.Pos) bool {
	return st.limitAt.IsValid() && st.limitAt < pos
}

// requestBody reports whether e is the body of an *http.Request: r.Body,
// c.Request.Body, c.Request().Body, or a local variable holding one.
func (b *builder) requestBody(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "Body" && typesx.TypeIs(typesx.TypeOf(b.info, x.X), pkgHTTP, "Request")
	case *ast.Ident:
		if depth > 2 {
			return false
		}
		v, ok := b.info.Uses[x].(*types.Var)
		if !ok || v.IsField() || v.Pkg() != b.pass.Pkg || v.Parent() == b.pass.Pkg.Scope() {
			return false
		}
		rhs := b.assignedExpr(b.pkgFrame, v, x.Pos())
		if rhs == nil {
			return false
		}
		if _, tuple := rhs.(*tupleExpr); tuple {
			return false
		}
		return b.requestBody(rhs, depth+1)
	}
	return false
}

// limitsBody reports whether e bounds the request body: a call of
// http.MaxBytesReader or io.LimitReader on it, also wrapped
// (io.NopCloser(io.LimitReader(r.Body, n))).
func (b *builder) limitsBody(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if i, ok := bodyLimiters[typesx.FuncKey(typesx.Callee(b.info, call))]; ok && i < len(call.Args) && b.requestBody(call.Args[i], 0) {
			found = true
		}
		return !found
	})
	return found
}

// scanRequestAssign handles r.Body = http.MaxBytesReader(w, r.Body, n) and
// records session values written.
func (b *builder) scanRequestAssign(as *ast.AssignStmt, s *Summary, st *reqScan) {
	for i, l := range as.Lhs {
		if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
			if st.valueWrites == nil {
				st.valueWrites = map[ast.Expr]bool{}
			}
			st.valueWrites[ix] = true
		}
		if len(as.Lhs) != len(as.Rhs) || !b.requestBody(l, 3) {
			continue
		}
		if b.limitsBody(as.Rhs[i]) {
			s.Caps |= BodyLimit
			if !st.limitAt.IsValid() {
				st.limitAt = as.Pos()
			}
		}
	}
}

// scanRequestCall adds what one call tells about the request: a body read
// or limit, a credential read, a session access, a cross-site check.
func (b *builder) scanRequestCall(call *ast.CallExpr, fn *types.Func, s *Summary, st *reqScan) {
	key := typesx.FuncKey(fn)
	s.Creds |= libCreds[key]
	if i, ok := bodyLimiters[key]; ok && i < len(call.Args) && b.requestBody(call.Args[i], 0) {
		// A middleware that bounds the body, also inline:
		// io.ReadAll(http.MaxBytesReader(w, r.Body, n)) reads nothing
		// unbounded.
		s.Caps |= BodyLimit
	}
	if r, ok := b.bodyRead(call, fn, key); ok && !st.bounded(call.Pos()) {
		s.Reads = appendReads(s.Reads, r)
	}
	if i, ok := cookieReads[key]; ok && i < len(call.Args) {
		switch b.nameKind(call.Args[i]) {
		case "csrf":
			s.Caps |= CSRF
		case "session":
			st.sessionRead = true
			s.Creds |= b.cookieCreds(call.Args[i])
		default:
			// r.Cookie("rb_admin") in requireSession or currentUser: a
			// cookie an authenticating function reads is its session; so
			// is one the application sets as a session cookie (HttpOnly),
			// and one whose absence the function answers with 401 or 403.
			session := b.cookieCreds(call.Args[i]) != 0
			for _, w := range typesx.NameWords(b.funcNameAt(call.Pos())) {
				session = session || sessionFuncWords[w]
			}
			if fd := b.funcDeclAt(call.Pos()); !session && fd != nil && !b.preferenceCookie(call.Args[i]) && b.rejectsCaller(fd) {
				session = true
			}
			if session {
				st.sessionRead = true
				s.Creds |= b.cookieCreds(call.Args[i])
			}
		}
	}
	if i, ok := requestHeaderReads[key]; ok && i < len(call.Args) {
		isRequest := true
		if strings.HasPrefix(key, pkgHTTP+".") {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			isRequest = ok && b.requestHeader(sel.X, 0)
		}
		if isRequest {
			b.headerRead(call.Args[i], s, st)
		}
	}
	if formReads[key] && len(call.Args) > 0 && b.nameKind(call.Args[0]) == "csrf" {
		s.Caps |= CSRF // a synchronizer token in a form field
	}
	if res := fn.Signature().Results(); res.Len() > 0 && sessionTypes[typeKey(res.At(0).Type())] {
		st.sessionLoad = true
	}
	switch {
	case sessionGets[key]:
		st.sessionRead = true
	case sessionSets[key]:
		st.sessionWrite = true
	}
}

// headerRead classifies a request header read by its name.
func (b *builder) headerRead(name ast.Expr, s *Summary, st *reqScan) {
	n, ok := b.sv.String(name)
	if !ok {
		return
	}
	n = textproto.CanonicalMIMEHeaderKey(n)
	if crossSiteHeaders[n] {
		if n == "Origin" {
			st.crossSite = true
		} else {
			s.Caps |= CSRF
		}
		return
	}
	words := typesx.NameWords(n)
	api, key := false, false
	for _, w := range words {
		if csrfWords[w] {
			s.Caps |= CSRF
			return
		}
		api = api || w == "api"
		key = key || w == "key"
	}
	for _, w := range words {
		if credentialHeaderWords[w] {
			s.Creds |= HeaderCreds
			return
		}
	}
	if api && key {
		s.Creds |= HeaderCreds
	}
}

// preferenceCookie reports a cookie named for a preference or tracking
// (lang, theme, consent): never the caller's identity.
func (b *builder) preferenceCookie(e ast.Expr) bool {
	n, ok := b.sv.String(e)
	if !ok {
		return false
	}
	for _, w := range typesx.NameWords(n) {
		if preferenceCookieWords[w] {
			return true
		}
	}
	return false
}

// rejectsCaller reports whether a function answers 401 Unauthorized or 403
// Forbidden (net/http's constants, the numbers, or a framework's
// ErrUnauthorized/ErrForbidden): it authenticates the request.
func (b *builder) rejectsCaller(fd *ast.FuncDecl) bool {
	if v, ok := b.rejecting[fd]; ok {
		return v
	}
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BasicLit:
			found = x.Kind == token.INT && (x.Value == "401" || x.Value == "403")
		case *ast.Ident:
			if obj := b.info.Uses[x]; obj != nil && obj.Pkg() != nil {
				switch obj.Name() {
				case "StatusUnauthorized", "StatusForbidden", "ErrUnauthorized", "ErrForbidden":
					found = true
				}
			}
		}
		return !found
	})
	if b.rejecting == nil {
		b.rejecting = map[*ast.FuncDecl]bool{}
	}
	b.rejecting[fd] = found
	return found
}

// nameKind classifies a cookie or form field name: "csrf", "session" (a
// session or credential), or "".
func (b *builder) nameKind(e ast.Expr) string {
	var words []string
	if n, ok := b.sv.String(e); ok {
		words = typesx.NameWords(n)
	} else {
		words = typesx.NameWords(typesx.ExprName(e))
	}
	for _, w := range words {
		if csrfWords[w] {
			return "csrf"
		}
	}
	for _, w := range words {
		if sessionCookieWords[w] {
			return "session"
		}
	}
	return ""
}

// scanSessionValue notes a read of sess.Values[k] on a gorilla session.
func (b *builder) scanSessionValue(ix *ast.IndexExpr, st *reqScan) {
	sel, ok := ast.Unparen(ix.X).(*ast.SelectorExpr)
	if !ok || sessionValues[typeKey(typesx.TypeOf(b.info, sel.X))] != sel.Sel.Name {
		return
	}
	if st.valueWrites[ix] {
		st.sessionWrite = true
	} else {
		st.sessionRead = true
	}
}

// finishRequest turns the scan's observations into the summary.
func (b *builder) finishRequest(s *Summary, st *reqScan) {
	if st.sessionRead || (st.sessionLoad && !st.sessionWrite) {
		s.Creds |= SessionCreds
	}
	if st.crossSite && s.Caps&CORS == 0 {
		// An Origin check that answers no CORS headers rejects
		// cross-site requests; a hand-written CORS middleware echoes the
		// origin back instead.
		cors := false
		for _, h := range s.Headers {
			if strings.HasPrefix(h.Name, "Access-Control-") {
				cors = true
			}
		}
		if !cors && !s.AnyHeader {
			s.Caps |= CSRF
		}
	}
}

// bodyRead recognises a call that reads the request body whole.
func (b *builder) bodyRead(call *ast.CallExpr, fn *types.Func, key string) (Read, bool) {
	read := func(memory int64) (Read, bool) {
		return Read{Pos: call.Pos(), What: callText(call), Func: b.funcNameAt(call.Pos()), Memory: memory}, true
	}
	if i, ok := bodyReaders[key]; ok {
		if i < len(call.Args) && b.requestBody(call.Args[i], 0) && b.accumulates(call, key) {
			return read(0)
		}
		return Read{}, false
	}
	if ctor, ok := bodyDecoders[key]; ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && b.decoderOfBody(sel.X, ctor, 0) {
			return read(0)
		}
		return Read{}, false
	}
	if frameworkReads[key] {
		return read(0)
	}
	if bindingReads[key] && len(call.Args) >= 2 {
		if obj := typesx.ObjectOf(b.info, call.Args[1]); obj != nil && obj.Pkg() != nil && bodyBindings[obj.Pkg().Path()+"."+obj.Name()] {
			return read(0)
		}
		return Read{}, false
	}
	if i, ok := multipartReads[key]; ok && i < len(call.Args) {
		// Only a constant limit is judged; ParseMultipartForm(0) keeps
		// nothing in memory.
		if tv, ok := b.info.Types[call.Args[i]]; ok && tv.Value != nil {
			if n, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok && n > 0 {
				return read(n)
			}
		}
	}
	return Read{}, false
}

// accumulates reports whether a copy of the body piles it up: into a
// file, a buffer or a builder. Streaming it to an upstream connection, a
// hash or the response holds nothing.
func (b *builder) accumulates(call *ast.CallExpr, key string) bool {
	if key != "io.Copy" && key != "io.CopyBuffer" {
		return true
	}
	if len(call.Args) == 0 {
		return false
	}
	return accumulatingWriters[typeKey(typesx.TypeOf(b.info, call.Args[0]))]
}

// decoderOfBody reports whether e is json.NewDecoder(<request body>), or a
// variable holding one.
func (b *builder) decoderOfBody(e ast.Expr, ctor string, depth int) bool {
	if depth > 3 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return typesx.FuncKey(typesx.Callee(b.info, x)) == ctor && len(x.Args) == 1 && b.requestBody(x.Args[0], 0)
	case *ast.Ident:
		v, ok := b.info.Uses[x].(*types.Var)
		if !ok || v.IsField() || v.Pkg() != b.pass.Pkg {
			return false
		}
		rhs := b.assignedExpr(b.pkgFrame, v, x.Pos())
		if rhs == nil {
			return false
		}
		if _, tuple := rhs.(*tupleExpr); tuple {
			return false
		}
		return b.decoderOfBody(rhs, ctor, depth+1)
	}
	return false
}

// funcNameAt names the declared function around pos: "Upload",
// "(*Handler).Create".
func (b *builder) funcNameAt(pos token.Pos) string {
	fd := b.funcDeclAt(pos)
	if fd == nil {
		return ""
	}
	if fn, ok := b.info.Defs[fd.Name].(*types.Func); ok {
		return typesx.FuncDisplay(fn)
	}
	return fd.Name.Name
}

// callText renders a read for messages, shortened when long.
func callText(call *ast.CallExpr) string {
	s := types.ExprString(call)
	if len(s) <= 60 && !strings.Contains(s, "\n") {
		return s
	}
	return typesx.ExprName(call.Fun) + "(...)"
}

// appendReads adds reads not yet listed, up to maxReads.
func appendReads(dst []Read, src ...Read) []Read {
	for _, r := range src {
		if len(dst) >= maxReads {
			break
		}
		dup := false
		for _, d := range dst {
			if d.Pos == r.Pos && d.What == r.What {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, r)
		}
	}
	return dst
}

// --- SameSite cookies ---

// sameSiteValue reports whether e is http.SameSiteLaxMode or
// http.SameSiteStrictMode, or an http.SameSite from configuration whose
// value cannot be read here.
func (b *builder) sameSiteValue(e ast.Expr) bool {
	tv, ok := b.info.Types[e]
	if !ok || !typesx.TypeIs(tv.Type, pkgHTTP, "SameSite") {
		return false
	}
	if tv.Value == nil {
		val := b.sv.Eval(e)
		if val == nil || val.Many || len(val.Vals) == 0 {
			return true // cfg.Cookie.SameSite: configured elsewhere
		}
		for _, c := range val.Vals {
			if n, ok := constant.Int64Val(constant.ToInt(c)); !ok || (n != sameSiteLax && n != sameSiteStrict) {
				return false
			}
		}
		return true
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && (v == int64(sameSiteLax) || v == int64(sameSiteStrict))
}

// net/http's SameSite values.
const (
	sameSiteLax    = 2
	sameSiteStrict = 3
)

// noteSameSite records where the package sets a session cookie or builds
// a session store, and whether it sets SameSite=Lax or Strict.
func (b *builder) noteSameSite(n ast.Node) {
	b.noteCookieSet(n)
	if lit, ok := n.(*ast.CompositeLit); ok {
		b.noteCookieName(lit)
	}
	if b.res.sameSite {
		return
	}
	switch x := n.(type) {
	case *ast.CompositeLit:
		cf := b.cookieFields(x)
		name, httpOnly := cf.name, cf.httpOnly
		if cf.sameSite == nil || !b.sameSiteValue(cf.sameSite) {
			return
		}
		// A named cookie counts when its name says session or credential,
		// cannot be read, or the cookie is HttpOnly (scripts need the
		// others: a theme, a CSRF token); the options of a session store
		// always count.
		if typesx.TypeIs(typesx.TypeOf(b.info, x), pkgHTTP, "Cookie") && name != nil {
			switch kind := b.nameKind(name); {
			case kind == "csrf":
				return
			case kind != "session" && !httpOnly:
				if _, known := b.sv.String(name); known {
					return
				}
			}
		}
		b.res.sameSite = true
	case *ast.AssignStmt:
		if len(x.Lhs) != len(x.Rhs) {
			return
		}
		for i, l := range x.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "SameSite" && b.sameSiteValue(x.Rhs[i]) {
				b.res.sameSite = true
			}
		}
	case *ast.CallExpr:
		fn := typesx.Callee(b.info, x)
		if fn == nil {
			return
		}
		key := typesx.FuncKey(fn)
		if sameSiteSetters[key] && len(x.Args) == 1 && b.sameSiteValue(x.Args[0]) {
			b.res.sameSite = true
		}
		if sameSiteDefaults[key] && !b.sameSiteNone(x) {
			b.res.sameSite = true
		}
	}
}

// cookieLit is what a cookie or session-options literal says.
type cookieLit struct {
	name, sameSite ast.Expr
	httpOnly       bool
	deletes        bool // MaxAge < 0 or an empty Value: the cookie is cleared
}

// cookieFields reads the keyed fields of a cookie literal (http.Cookie,
// fiber.Cookie) or of session options.
func (b *builder) cookieFields(x *ast.CompositeLit) cookieLit {
	var cf cookieLit
	for _, el := range x.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch id.Name {
		case "Name":
			cf.name = kv.Value
		case "SameSite":
			cf.sameSite = kv.Value
		case "HttpOnly", "HTTPOnly":
			cf.httpOnly = b.trueValue(kv.Value)
		case "MaxAge":
			if v, ok := b.sv.Eval(kv.Value).Single(); ok && constant.Sign(v) < 0 {
				cf.deletes = true
			}
		case "Value":
			if v, ok := b.sv.String(kv.Value); ok && v == "" {
				cf.deletes = true
			}
		}
	}
	return cf
}

// noteCookieName records a session cookie set by a constant name with
// its SameSite attribute: an http.Cookie (net/http, echo, chi, gin's
// http.SetCookie) is Lax only when it says so; a fiber.Cookie is Lax
// unless it says None or disabled. Deleting a cookie (MaxAge < 0, an empty
// value) sets nothing.
func (b *builder) noteCookieName(x *ast.CompositeLit) {
	t := typesx.TypeOf(b.info, x)
	fiber := typesx.TypeIs(t, pkgFiber, "Cookie")
	if !fiber && !typesx.TypeIs(t, pkgHTTP, "Cookie") {
		return
	}
	cf := b.cookieFields(x)
	name, sameSite, httpOnly := cf.name, cf.sameSite, cf.httpOnly
	if name == nil || cf.deletes {
		return
	}
	n, ok := b.sv.String(name)
	if !ok || !b.sessionCookie(name, httpOnly) {
		return
	}
	lax := false
	switch {
	case fiber && sameSite == nil:
		lax = true
	case fiber:
		v, ok := b.sv.String(sameSite)
		lax = !ok || !(strings.EqualFold(v, "none") || strings.EqualFold(v, "disabled"))
	case sameSite != nil:
		lax = b.sameSiteValue(sameSite)
	}
	if b.cookieNames == nil {
		b.cookieNames = map[string]bool{}
	}
	b.cookieNames[n] = b.cookieNames[n] || lax
}

// importCookieNames merges this package's session cookie names with
// those of the module's packages it imports.
func (b *builder) importCookieNames() map[string]bool {
	all := map[string]bool{}
	for n, lax := range b.cookieNames {
		all[n] = lax
	}
	if b.pass.AllPackageFacts == nil {
		return all
	}
	for _, pf := range b.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*CookieFact); ok && pf.Package != b.pass.Pkg {
			for _, n := range f.Loose {
				if _, ok := all[n]; !ok {
					all[n] = false
				}
			}
			for _, n := range f.Lax {
				all[n] = true
			}
		}
	}
	return all
}

// cookieCreds says whether a session cookie read by this name is one the
// application sets without SameSite=Lax or Strict, or with them.
func (b *builder) cookieCreds(name ast.Expr) Creds {
	n, ok := b.sv.String(name)
	if !ok {
		return 0
	}
	lax, known := b.allCookieNames[n]
	switch {
	case !known:
		return 0
	case lax:
		return LaxCookie
	}
	return LooseCookie
}

// noteCookieSet records a session cookie the package sets (an
// http.Cookie literal whose name says session or credential, cannot be
// read, or that is HttpOnly; gin's SetCookie likewise) or a session store
// it builds.
func (b *builder) noteCookieSet(n ast.Node) {
	if b.res.cookieSet {
		return
	}
	switch x := n.(type) {
	case *ast.CompositeLit:
		if !typesx.TypeIs(typesx.TypeOf(b.info, x), pkgHTTP, "Cookie") {
			return
		}
		cf := b.cookieFields(x)
		b.res.cookieSet = b.sessionCookie(cf.name, cf.httpOnly)
	case *ast.CallExpr:
		fn := typesx.Callee(b.info, x)
		if fn == nil {
			return
		}
		key := typesx.FuncKey(fn)
		if sessionStores[key] {
			b.res.cookieSet = true
		}
		if idx, ok := cookieSetters[key]; ok && idx[0] < len(x.Args) && idx[1] < len(x.Args) {
			b.res.cookieSet = b.sessionCookie(x.Args[idx[0]], b.trueValue(x.Args[idx[1]]))
		}
	}
}

// sessionCookie decides whether a cookie set with this name is a session
// or credential cookie.
func (b *builder) sessionCookie(name ast.Expr, httpOnly bool) bool {
	if name == nil {
		return httpOnly
	}
	switch kind := b.nameKind(name); {
	case kind == "csrf":
		return false
	case kind == "session" || httpOnly:
		return true
	}
	_, known := b.sv.String(name)
	return !known
}

func (b *builder) trueValue(e ast.Expr) bool {
	v, ok := b.sv.Eval(e).Single()
	return ok && v.Kind() == constant.Bool && constant.BoolVal(v)
}

// sameSiteNone reports a session configuration that turns the default
// Lax cookie into SameSite=None (fiber's CookieSameSite: "None").
func (b *builder) sameSiteNone(call *ast.CallExpr) bool {
	none := false
	for _, a := range call.Args {
		ast.Inspect(a, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if id, ok := kv.Key.(*ast.Ident); ok && strings.Contains(id.Name, "SameSite") {
				if v, ok := b.sv.String(kv.Value); !ok || strings.EqualFold(v, "none") || strings.EqualFold(v, "disabled") {
					none = true
				}
			}
			return true
		})
	}
	return none
}

// importCookies reads the CookieFacts of the module's packages this one
// imports.
func (b *builder) importCookies() (sameSite, set bool) {
	if b.pass.AllPackageFacts == nil {
		return false, false
	}
	for _, pf := range b.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*CookieFact); ok && pf.Package != b.pass.Pkg {
			sameSite = sameSite || f.SameSite
			set = set || f.Sets
		}
	}
	return sameSite, set
}

// scanMethodCheck notes a comparison of the request's method with an
// unsafe one: r.Method == http.MethodPost, case "POST", "DELETE".
func (b *builder) scanMethodCheck(e ast.Expr, vals []ast.Expr, s *Summary) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Method" || !typesx.TypeIs(typesx.TypeOf(b.info, sel.X), pkgHTTP, "Request") {
		return
	}
	for _, v := range vals {
		if m, ok := b.sv.String(v); ok && unsafeMethods[strings.ToUpper(m)] {
			s.Unsafe = true
		}
	}
}
