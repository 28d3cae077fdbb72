package routes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
)

// middleware describes an expression used as middleware: a function value,
// the result of a middleware constructor, a function literal, a variable
// holding one of those.
func (b *builder) middleware(f *frame, e ast.Expr) []*Middleware {
	if e == nil {
		return nil
	}
	if f == nil {
		f = b.pkgFrame
	}
	if x, g, ok := b.tableField(f, e); ok {
		return b.middleware(g, x)
	}
	key := nodeKey{e, f.id}
	if m, ok := b.mwMemo[key]; ok {
		if m == nil {
			return []*Middleware{opaque(e, "")}
		}
		return m
	}
	b.mwMemo[key] = nil
	out := b.classify(f, e, 0)
	b.mwMemo[key] = out
	return out
}

func (b *builder) classify(f *frame, e ast.Expr, depth int) []*Middleware {
	if depth > 8 {
		return []*Middleware{opaque(e, "")}
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		s := b.litSummary(x)
		return []*Middleware{{Name: "func literal", Caps: s.Caps, Headers: s.Headers, AnyHeader: s.AnyHeader, Creds: s.Creds, Reads: s.Reads, Unsafe: s.Unsafe, Pos: x.Pos()}}
	case *ast.Ident, *ast.SelectorExpr:
		switch o := typesx.ObjectOf(b.info, x).(type) {
		case *types.Func:
			return []*Middleware{b.funcMW(f, o, x, nil)}
		case *types.Var:
			if bnd, ok := b.argOf(f, o); ok {
				ms := b.classify(bnd.f, bnd.e, depth+1)
				return ms
			}
			if rhs := b.assignedExpr(f, o, x.Pos()); rhs != nil {
				if _, tuple := rhs.(*tupleExpr); !tuple {
					return b.classify(b.exprFrame(f, o, rhs), rhs, depth+1)
				}
			}
			return []*Middleware{opaque(x, o.Name())}
		}
	case *ast.CallExpr:
		if typesx.IsConversion(b.info, x) {
			return b.classify(f, x.Args[0], depth+1)
		}
		fn := typesx.Callee(b.info, x)
		if fn == nil {
			return b.classify(f, x.Fun, depth+1)
		}
		return []*Middleware{b.funcMW(f, fn, x.Fun, x)}
	case *ast.CompositeLit, *ast.UnaryExpr:
		// &limiter{next: h}: a handler type of the module.
		t := typesx.TypeOf(b.info, x)
		if sh := b.serveHTTP(t); sh != nil {
			s := b.summary(sh)
			return []*Middleware{{Name: typesx.Named(t).Obj().Name(), Caps: s.Caps, Headers: s.Headers, AnyHeader: s.AnyHeader, Creds: s.Creds, Reads: s.Reads, Unsafe: s.Unsafe, Pos: x.Pos()}}
		}
	case *ast.IndexExpr:
		list := b.middlewareList(f, x.X)
		m := &Middleware{Name: typesx.ExprName(x), Pos: x.Pos()}
		for _, l := range list {
			m.Caps |= l.Caps
			m.Headers = mergeHeaders(m.Headers, l.Headers)
			m.AnyHeader = m.AnyHeader || l.AnyHeader
			m.Creds |= l.Creds
			m.Opaque = m.Opaque || l.Opaque
			m.Unknown = m.Unknown || l.Unknown
		}
		if len(list) == 0 {
			return []*Middleware{opaque(x, "")}
		}
		return []*Middleware{m}
	}
	return []*Middleware{opaque(e, "")}
}

// middlewareList describes a slice of middleware spread into a call
// (r.Use(mws...)).
func (b *builder) middlewareList(f *frame, e ast.Expr) []*Middleware {
	return b.list(f, e, 0)
}

func (b *builder) list(f *frame, e ast.Expr, depth int) []*Middleware {
	if depth > 8 {
		return []*Middleware{opaque(e, "")}
	}
	if x, g, ok := b.tableField(f, e); ok {
		if x == nil || isNil(b.info, x) {
			return nil // {"GET /tokens", h, nil}: no middleware
		}
		return b.list(g, x, depth+1)
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		var out []*Middleware
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, b.middleware(f, el)...)
		}
		return out
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := typesx.ObjectOf(b.info, x).(*types.Var)
		if !ok {
			break
		}
		if bnd, ok := b.argOf(f, v); ok {
			return b.list(bnd.f, bnd.e, depth+1)
		}
		as, _ := b.sv.Assignments(v)
		var out []*Middleware
		for _, a := range as {
			if a.RHS == nil {
				continue
			}
			rf := b.exprFrame(f, v, a.RHS)
			if a.Kind == strval.Elem {
				out = append(out, b.middleware(rf, a.RHS)...)
				continue
			}
			if a.Kind == strval.Plain {
				out = append(out, b.list(rf, a.RHS, depth+1)...)
			}
		}
		if len(as) > 0 {
			return out
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if bi, ok := b.info.Uses[id].(*types.Builtin); ok {
				if bi.Name() == "append" && len(x.Args) > 0 {
					out := b.list(f, x.Args[0], depth+1)
					for i, a := range x.Args[1:] {
						if x.Ellipsis.IsValid() && i == len(x.Args)-2 {
							out = append(out, b.list(f, a, depth+1)...)
						} else {
							out = append(out, b.middleware(f, a)...)
						}
					}
					return out
				}
				if bi.Name() == "make" {
					return nil
				}
			}
		}
		if fn := typesx.Callee(b.info, x); fn != nil && fn.Pkg() == b.pass.Pkg && b.decls[fn] != nil {
			var out []*Middleware
			for _, r := range b.returnExprs(b.decls[fn], 0) {
				out = append(out, b.list(b.frameFor(fn), r, depth+1)...)
			}
			return out
		}
	}
	return []*Middleware{opaque(e, "")}
}

// funcMW describes the middleware a function denotes: as a value (call
// nil) or through the result of calling it.
func (b *builder) funcMW(f *frame, fn *types.Func, fun ast.Expr, call *ast.CallExpr) *Middleware {
	name := typesx.ExprName(fun)
	pos := fun.Pos()
	if call != nil {
		pos = call.Pos()
	}
	key := typesx.FuncKey(fn)
	m := &Middleware{Name: name, Pos: pos, Creds: libCreds[key]}
	if lm, ok := libFuncs[key]; ok {
		m.Caps = lm.Caps
		if lm.Headers != "" {
			m.Headers = b.libHeaders(f, lm, call)
			if len(m.Headers) > 0 {
				m.Caps |= SecurityHeaders
			}
		}
		return m
	}
	if recv := typesx.Recv(fn); recv != nil {
		if lt, ok := libTypes[typeKey(recv)]; ok {
			m.Caps = lt.Caps
			if lt.Headers == "unrolled" {
				if !unrolledHeaderMethods[fn.Name()] {
					m.Caps &^= SecurityHeaders
					return m
				}
				if sel, ok := ast.Unparen(fun).(*ast.SelectorExpr); ok {
					m.Headers = b.unrolledReceiver(f, sel.X)
				}
			}
			return m
		}
	}
	local := fn.Pkg() == b.pass.Pkg
	var sh *types.Func // a constructor of a handler type: its ServeHTTP
	if res := fn.Signature().Results(); res.Len() > 0 {
		if sh = b.serveHTTP(res.At(0).Type()); sh == fn {
			sh = nil
		}
	}
	if (local && b.decls[fn] != nil) || (!local && (b.hasFact(fn) || sh != nil)) {
		s := b.summary(fn)
		if sh != nil {
			t := b.summary(sh)
			s.Caps |= t.Caps
			s.Headers = mergeHeaders(s.Headers, t.Headers)
			s.AnyHeader = s.AnyHeader || t.AnyHeader
			s.Creds |= t.Creds
			s.Reads = appendReads(s.Reads, t.Reads...)
			s.Unsafe = s.Unsafe || t.Unsafe
		}
		m.Caps, m.Headers, m.AnyHeader, m.Creds, m.Reads, m.Unsafe = s.Caps, s.Headers, s.AnyHeader, s.Creds, s.Reads, s.Unsafe
		// An authenticating middleware is recognised by its name too
		// (JWTAuth, RequireAuth): what it checks is rarely visible in
		// its body as a library call.
		if c, _ := guessCaps(fn.Name()); c&Auth != 0 {
			m.Caps |= Auth
		}
		if m.Caps != 0 || len(s.Headers) > 0 || s.AnyHeader || s.Creds != 0 || len(s.Reads) > 0 || s.Unsafe || local {
			return m
		}
	}
	if (local || isModule(b.pass, fn)) && (b.decls[fn] == nil && local || isInterfaceMethod(fn)) {
		// An interface method or a function without a body: guess.
		c, known := guessCaps(fn.Name())
		m.Caps, m.Opaque, m.Unknown = c, true, !known
		return m
	}
	// A library apivet does not know: its name tells.
	c, _ := guessCaps(fn.Pkg().Path() + " " + fn.Name())
	m.Caps, m.Opaque = c, true
	return m
}

func isInterfaceMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil {
		return false
	}
	return types.IsInterface(sig.Recv().Type())
}

// wrapperMW describes a call that wraps a handler: limit(h),
// tollbooth.LimitHandler(lmt, h), httprate.LimitByIP(5, time.Minute)(h),
// sec.Handler(h).
func (b *builder) wrapperMW(f *frame, call *ast.CallExpr, fn *types.Func) []*Middleware {
	if fn == nil {
		return b.middleware(f, call.Fun)
	}
	return []*Middleware{b.funcMW(f, fn, call.Fun, call)}
}

// opaque is middleware apivet cannot see into; its name may tell what it
// does.
func opaque(e ast.Expr, name string) *Middleware {
	if name == "" {
		name = typesx.ExprName(e)
	}
	c, known := guessCaps(name)
	return &Middleware{Name: name, Caps: c, Pos: e.Pos(), Opaque: true, Unknown: !known}
}

// libMiddleware is a library middleware installed by a constructor
// (gin.Default's Logger and Recovery).
func libMiddleware(key string, pos token.Pos) *Middleware {
	name := key
	if i := strings.LastIndex(key, "/"); i >= 0 {
		name = key[i+1:]
	}
	return &Middleware{Name: name + "()", Caps: libFuncs[key].Caps, Pos: pos}
}

// guessCaps reads capabilities from a name. known is false when the name
// says nothing apivet recognises.
func guessCaps(name string) (Caps, bool) {
	words := typesx.NameWords(name)
	has := map[string]bool{}
	for _, w := range words {
		has[w] = true
	}
	var c Caps
	size := has["body"] || has["size"] || has["bytes"] || has["maxbytes"] || has["upload"] || has["payload"] || has["bodylimit"]
	for _, w := range words {
		switch w {
		case "ratelimit", "ratelimiter", "ratelimiting", "limiter", "limiters", "throttle", "throttler", "throttled", "throttling",
			"bruteforce", "quota", "tollbooth", "ratelimited", "bucket", "leakybucket", "tokenbucket":
			c |= RateLimit
		case "limit", "limits", "limited":
			if !size {
				c |= RateLimit
			} else {
				c |= BodyLimit
			}
		case "helmet", "secureheaders", "securityheaders":
			c |= SecurityHeaders
		case "csrf", "xsrf", "nosurf":
			c |= CSRF
		case "cors":
			c |= CORS
		case "auth", "jwt", "authenticate", "authenticated", "authn", "authz", "authorize", "authorization", "authentication", "oauth", "apikey", "bearer":
			c |= Auth
		case "log", "logger", "logging", "ginzap", "zap":
			c |= Logging
		case "recover", "recovery", "recoverer":
			c |= Recovery
		case "requestid":
			c |= RequestID
		case "timeout":
			c |= Timeout
		case "gzip", "compress", "compression":
			c |= Compress
		}
	}
	if (has["secure"] || has["security"]) && (has["headers"] || has["header"] || has["middleware"] || len(words) == 1) {
		c |= SecurityHeaders
	}
	if (has["rate"] && has["limit"]) || has["ratelimit"] {
		c |= RateLimit
	}
	if c != 0 {
		return c, true
	}
	for _, w := range words {
		switch w {
		case "metrics", "metric", "prometheus", "trace", "tracing", "tracer", "otel", "otelhttp", "otelgin", "otelecho", "sentry",
			"request", "session", "sessions", "cache", "nocache", "realip", "i18n", "locale", "tenant", "context", "ctx",
			"user", "admin", "role", "roles", "permission", "permissions", "validate", "validator", "audit", "monitor",
			"instrument", "newrelic", "datadog", "static", "gzip", "etag", "favicon", "pprof", "health", "version",
			"json", "content", "type", "method", "override", "proxy", "headers", "header", "secure", "https", "redirect":
			return 0, true
		}
	}
	return 0, false
}

// assignedExpr returns what a variable holds at pos: for a local variable
// the last plain assignment before pos, for package variables and fields
// the first assignment. A multi-value assignment comes back as a
// *tupleExpr.
func (b *builder) assignedExpr(f *frame, v *types.Var, pos token.Pos) ast.Expr {
	as, _ := b.sv.Assignments(v)
	var best *strval.Assignment
	local := v.Parent() != nil && v.Parent() != b.pass.Pkg.Scope() && !v.IsField()
	for i := range as {
		a := &as[i]
		if a.RHS == nil || a.Op != token.ASSIGN || (a.Kind != strval.Plain && a.Kind != strval.Tuple) {
			continue
		}
		if a.RHS.Pos() <= pos && pos < a.RHS.End() {
			continue // h = wrap(h): the h inside is the earlier value
		}
		if !local {
			best = a
			break
		}
		switch {
		case best == nil:
			best = a
		case a.Pos < pos && (best.Pos >= pos || a.Pos > best.Pos):
			best = a
		case best.Pos >= pos && a.Pos < best.Pos:
			best = a
		}
	}
	if best == nil {
		return nil
	}
	if best.Kind == strval.Tuple {
		return &tupleExpr{best.RHS, best.Index}
	}
	return best.RHS
}

// exprFrame returns the frame to evaluate the right-hand side of an
// assignment to v in.
func (b *builder) exprFrame(f *frame, v *types.Var, rhs ast.Expr) *frame {
	if vf := b.frameOfVar(f, v); vf != nil && !v.IsField() {
		return vf
	}
	if af := b.frameAt(rhs.Pos()); af != nil {
		return af
	}
	return b.pkgFrame
}

// summary is what a function of the module does, from its body or from a
// MiddlewareFact.
func (b *builder) summary(fn *types.Func) Summary {
	if s := b.summaries[fn]; s != nil {
		return *s
	}
	if fn.Pkg() != b.pass.Pkg {
		s := b.importSummary(fn)
		b.summaries[fn] = &s
		return s
	}
	fd := b.decls[fn]
	if fd == nil || b.sumBusy[fn] {
		return Summary{}
	}
	b.sumBusy[fn] = true
	s := b.scan(fd.Body)
	delete(b.sumBusy, fn)
	b.summaries[fn] = &s
	return s
}

func (b *builder) litSummary(lit *ast.FuncLit) Summary {
	if s := b.litSums[lit]; s != nil {
		return *s
	}
	b.litSums[lit] = &Summary{}
	s := b.scan(lit.Body)
	b.litSums[lit] = &s
	return s
}

// scan summarises a function body, its nested literals included.
func (b *builder) scan(body ast.Node) Summary {
	var s Summary
	if body == nil {
		return s
	}
	var counted, compared bool
	st := &reqScan{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			b.scanCall(x, &s, &counted, st)
			for _, a := range x.Args {
				if b.is429(a) {
					s.Caps |= RateLimit
				}
			}
		case *ast.SelectorExpr:
			if obj := b.info.Uses[x.Sel]; obj != nil && obj.Pkg() != nil && tooManyRequests[obj.Pkg().Path()+"."+obj.Name()] {
				if _, isConst := obj.(*types.Const); !isConst {
					s.Caps |= RateLimit
				}
			}
		case *ast.IncDecStmt:
			if x.Tok == token.INC && b.counterTarget(x.X) {
				counted = true
			}
		case *ast.AssignStmt:
			if x.Tok == token.ADD_ASSIGN && len(x.Lhs) == 1 && b.counterTarget(x.Lhs[0]) {
				counted = true
			}
			b.scanHeaderMapWrite(x, &s)
			b.scanRequestAssign(x, &s, st)
		case *ast.IndexExpr:
			b.scanSessionValue(x, st)
		case *ast.BinaryExpr:
			switch x.Op {
			case token.GTR, token.GEQ, token.LSS, token.LEQ:
				compared = true
			case token.EQL, token.NEQ:
				b.scanMethodCheck(x.X, []ast.Expr{x.Y}, &s)
				b.scanMethodCheck(x.Y, []ast.Expr{x.X}, &s)
			}
		case *ast.SwitchStmt:
			if x.Tag != nil {
				for _, st := range x.Body.List {
					if cc, ok := st.(*ast.CaseClause); ok {
						b.scanMethodCheck(x.Tag, cc.List, &s)
					}
				}
			}
		}
		return true
	})
	if counted && compared {
		s.Caps |= RateLimit
		s.strong = true
	}
	b.finishRequest(&s, st)
	if len(s.Headers) > 0 {
		for _, h := range s.Headers {
			if isSecurityHeader(h.Name) {
				s.Caps |= SecurityHeaders
			}
		}
	}
	return s
}

func isSecurityHeader(name string) bool {
	switch textproto.CanonicalMIMEHeaderKey(name) {
	case hHSTS, hXCTO, hXFO, hCSP, "Referrer-Policy", "Permissions-Policy", "X-Xss-Protection":
		return true
	}
	return false
}

// is429 reports whether e is the constant 429 used as a status.
func (b *builder) is429(e ast.Expr) bool {
	tv, ok := b.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && v == 429
}

// counterTarget reports whether an incremented expression counts per key:
// an element of a map (attempts[ip]++), or a field or variable named as a
// counter of attempts or requests.
func (b *builder) counterTarget(e ast.Expr) bool {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		if t := typesx.TypeOf(b.info, x.X); t != nil {
			if _, isMap := t.Underlying().(*types.Map); isMap {
				return true
			}
		}
	case *ast.SelectorExpr, *ast.Ident:
		name := typesx.ExprName(x)
		if i := strings.LastIndex(name, "."); i >= 0 {
			name = name[i+1:]
		}
		for _, w := range typesx.NameWords(name) {
			switch w {
			case "attempt", "attempts", "failures", "failed", "fails", "tries", "retries", "hits", "requests", "count", "counter":
				return true
			}
		}
	}
	return false
}

// scanCall adds what one call contributes to a summary.
func (b *builder) scanCall(call *ast.CallExpr, s *Summary, counted *bool, st *reqScan) {
	fn := typesx.Callee(b.info, call)
	if fn == nil {
		return
	}
	key := typesx.FuncKey(fn)
	b.scanRequestCall(call, fn, s, st)
	if limiterCalls[key] || b.genericLimiter(fn) || limiterInterfaceCall(fn) {
		s.Caps |= RateLimit
		s.strong = true
	}
	if counterCalls[key] {
		*counted = true
	}
	if lm, ok := libFuncs[key]; ok {
		s.Caps |= lm.Caps
		if lm.Caps&RateLimit != 0 {
			s.strong = true
		}
		if lm.Headers != "" {
			s.Headers = mergeHeaders(s.Headers, b.libHeaders(b.pkgFrame, lm, call))
		}
	}
	recv := typesx.Recv(fn)
	if recv != nil {
		if lt, ok := libTypes[typeKey(recv)]; ok {
			if lt.Headers == "unrolled" {
				if unrolledHeaderMethods[fn.Name()] {
					if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
						s.Headers = mergeHeaders(s.Headers, b.unrolledReceiver(b.pkgFrame, sel.X))
					}
				}
			} else {
				s.Caps |= lt.Caps
				if lt.Caps&RateLimit != 0 {
					s.strong = true
				}
			}
		}
		if idx, ok := headerSetters[key]; ok && idx[1] < len(call.Args) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !b.requestHeader(sel.X, 0) {
				b.addHeader(s, call.Args[idx[0]], call.Args[idx[1]])
			}
		}
	}
	if htmlCalls[key] && b.writesResponse(fn, call) {
		s.Caps |= ServesHTML
	}
	if isModule(b.pass, fn) && !(fn.Pkg() == b.pass.Pkg && b.decls[fn] == nil) {
		sub := b.summary(fn)
		c := sub.Caps
		if !sub.strong {
			c &^= RateLimit
		} else {
			s.strong = true
		}
		s.Caps |= c
		s.Headers = mergeHeaders(s.Headers, sub.Headers)
		s.AnyHeader = s.AnyHeader || sub.AnyHeader
		s.Creds |= sub.Creds
		s.Unsafe = s.Unsafe || sub.Unsafe
		if !st.bounded(call.Pos()) {
			s.Reads = appendReads(s.Reads, sub.Reads...)
		}
		if sub.Caps&BodyLimit != 0 && !st.limitAt.IsValid() {
			// limitBody(w, r): the helper bounds r.Body for what follows.
			st.limitAt = call.End()
		}
	}
}

// genericLimiter recognises token-taking methods of rate-limiter
// libraries apivet has no entry for (redis_rate, juju/ratelimit,
// uber-go/ratelimit, throttled).
func (b *builder) genericLimiter(fn *types.Func) bool {
	if !limiterMethodNames[fn.Name()] || fn.Pkg() == nil || fn.Pkg() == b.pass.Pkg {
		return false
	}
	if typesx.Recv(fn) == nil {
		return false
	}
	for _, w := range typesx.NameWords(fn.Pkg().Path()) {
		switch w {
		case "rate", "ratelimit", "ratelimiter", "limiter", "throttled", "throttle", "tollbooth":
			return true
		}
	}
	return false
}

// requestHeader reports whether a header value belongs to a request (or a
// client's response), not to the response being written.
func (b *builder) requestHeader(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if x.Sel.Name == "Header" {
			t := typesx.TypeOf(b.info, x.X)
			if typesx.TypeIs(t, pkgHTTP, "Request") || typesx.TypeIs(t, pkgHTTP, "Response") {
				return true
			}
		}
		if x.Sel.Name == "Header" {
			// fasthttp: c.Request().Header
			if typeKey(typesx.TypeOf(b.info, x)) == "github.com/valyala/fasthttp.RequestHeader" {
				return true
			}
		}
	case *ast.Ident:
		if v, ok := b.info.ObjectOf(x).(*types.Var); ok {
			if rhs := b.assignedExpr(b.pkgFrame, v, x.Pos()); rhs != nil {
				if _, tuple := rhs.(*tupleExpr); !tuple {
					return b.requestHeader(rhs, depth+1)
				}
			}
		}
	}
	return false
}

// addHeader records a header set with constant (or unknown) key and value.
func (b *builder) addHeader(s *Summary, k, v ast.Expr) {
	name, ok := b.sv.String(k)
	if !ok {
		// for k, v := range securityHeaders { w.Header().Set(k, v) }
		kv := b.sv.Eval(k)
		if kv == nil || kv.Many || len(kv.Strings()) == 0 {
			s.AnyHeader = true
			return
		}
		for _, n := range kv.Strings() {
			s.Headers = mergeHeaders(s.Headers, []Header{{Name: textproto.CanonicalMIMEHeaderKey(n)}})
		}
		return
	}
	name = textproto.CanonicalMIMEHeaderKey(name)
	h := Header{Name: name}
	if val, ok := b.sv.String(v); ok {
		h.Value, h.Known = val, true
	}
	if name == "Content-Type" && strings.Contains(strings.ToLower(h.Value), "text/html") {
		s.Caps |= ServesHTML
	}
	s.Headers = mergeHeaders(s.Headers, []Header{h})
}

// scanHeaderMapWrite handles w.Header()["X-Frame-Options"] = []string{"DENY"}.
func (b *builder) scanHeaderMapWrite(as *ast.AssignStmt, s *Summary) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		ix, ok := ast.Unparen(l).(*ast.IndexExpr)
		if !ok || !typesx.TypeIs(typesx.TypeOf(b.info, ix.X), pkgHTTP, "Header") || b.requestHeader(ix.X, 0) {
			continue
		}
		v := as.Rhs[i]
		if lit, ok := ast.Unparen(v).(*ast.CompositeLit); ok && len(lit.Elts) > 0 {
			v = lit.Elts[0]
		}
		b.addHeader(s, ix.Index, v)
	}
}

// mergeHeaders adds the headers of src not yet in dst.
func mergeHeaders(dst, src []Header) []Header {
	for _, h := range src {
		if _, ok := HeaderOf(dst, h.Name); !ok {
			dst = append(dst, h)
		}
	}
	return dst
}

// unrolledReceiver resolves the *secure.Secure behind a method value or
// call and returns the headers its options send.
func (b *builder) unrolledReceiver(f *frame, e ast.Expr) []Header {
	lm := libFuncs[pkgUnrolled+".New"]
	for i := 0; i < 6; i++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.CallExpr:
			if fn := typesx.Callee(b.info, x); fn != nil && typesx.FuncKey(fn) == pkgUnrolled+".New" {
				return b.libHeaders(f, lm, x)
			}
			return b.modelHeaders(headerModels["unrolled"], nil, "unknown")
		case *ast.Ident, *ast.SelectorExpr:
			v, ok := typesx.ObjectOf(b.info, x).(*types.Var)
			if !ok {
				return nil
			}
			rhs := b.assignedExpr(f, v, x.Pos())
			if rhs == nil {
				return b.modelHeaders(headerModels["unrolled"], nil, "unknown")
			}
			if _, tuple := rhs.(*tupleExpr); tuple {
				return b.modelHeaders(headerModels["unrolled"], nil, "unknown")
			}
			e = rhs
		default:
			return b.modelHeaders(headerModels["unrolled"], nil, "unknown")
		}
	}
	return nil
}

// libHeaders returns the headers a header middleware sends under the
// configuration of its constructor call.
func (b *builder) libHeaders(f *frame, lm libMW, call *ast.CallExpr) []Header {
	if lm.Headers == "setheader" {
		if call == nil || len(call.Args) < 2 {
			return nil
		}
		var s Summary
		b.addHeader(&s, call.Args[0], call.Args[1])
		return s.Headers
	}
	model := headerModels[lm.Headers]
	if model == nil {
		return nil
	}
	if lm.Headers == "echo-default" {
		return b.modelHeaders(model, nil, "default")
	}
	if call == nil {
		return b.modelHeaders(model, nil, "unknown")
	}
	if lm.ConfigArg < 0 || lm.ConfigArg >= len(call.Args) {
		if model.FillDefaults {
			return b.modelHeaders(model, nil, "default")
		}
		return nil // no options: unrolled/secure sends nothing
	}
	fields, base := b.config(model, call.Args[lm.ConfigArg], 0)
	return b.modelHeaders(model, fields, base)
}

// config reads a configuration struct: the field expressions set and the
// base ("zero" for a literal, "default" for the library's defaults,
// "unknown" when it cannot be seen).
func (b *builder) config(model *headerModel, e ast.Expr, depth int) (map[string]ast.Expr, string) {
	if depth > 6 {
		return nil, "unknown"
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		fields := map[string]ast.Expr{}
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					fields[id.Name] = kv.Value
				}
			}
		}
		return fields, "zero"
	case *ast.CallExpr:
		fn := typesx.Callee(b.info, x)
		if fn == nil {
			return nil, "unknown"
		}
		for _, d := range model.DefaultConstructors {
			if typesx.FuncKey(fn) == d {
				return map[string]ast.Expr{}, "default"
			}
		}
		if fn.Pkg() == b.pass.Pkg && b.decls[fn] != nil {
			rs := b.returnExprs(b.decls[fn], 0)
			if len(rs) == 1 {
				return b.config(model, rs[0], depth+1)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := typesx.ObjectOf(b.info, x)
		v, ok := obj.(*types.Var)
		if !ok {
			return nil, "unknown"
		}
		if v.Pkg() != nil {
			for _, d := range model.DefaultConstructors {
				if v.Pkg().Path()+"."+v.Name() == d {
					return map[string]ast.Expr{}, "default"
				}
			}
		}
		if v.Pkg() != b.pass.Pkg {
			return nil, "unknown"
		}
		rhs := b.assignedExpr(b.pkgFrame, v, x.Pos())
		if rhs == nil {
			return nil, "unknown"
		}
		if _, tuple := rhs.(*tupleExpr); tuple {
			return nil, "unknown"
		}
		fields, base := b.config(model, rhs, depth+1)
		if base == "unknown" {
			return fields, base
		}
		// cfg.STSSeconds = 31536000 in the same function
		out := map[string]ast.Expr{}
		for k, v := range fields {
			out[k] = v
		}
		if fd := b.funcDeclAt(rhs.Pos()); fd != nil {
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, l := range as.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if ok && typesx.ObjectOf(b.info, sel.X) == obj {
						out[sel.Sel.Name] = as.Rhs[i]
					}
				}
				return true
			})
		}
		return out, base
	}
	return nil, "unknown"
}

// fieldValue is one configuration field: its constant value if known.
type fieldValue struct {
	present bool // set to a non-zero value, or to something unknown
	known   bool
	val     constant.Value
}

func (b *builder) field(model *headerModel, fields map[string]ast.Expr, base, name string) fieldValue {
	if e, ok := fields[name]; ok {
		v, ok := b.sv.Eval(e).Single()
		if !ok {
			return fieldValue{present: true}
		}
		fv := fieldValue{known: true, val: v, present: !isZero(v)}
		if !fv.present && model.FillDefaults {
			if d, ok := model.Defaults[name]; ok {
				return defaultValue(d)
			}
		}
		return fv
	}
	if base == "default" || model.FillDefaults {
		if d, ok := model.Defaults[name]; ok {
			return defaultValue(d)
		}
	}
	return fieldValue{}
}

func defaultValue(d string) fieldValue {
	switch d {
	case "true":
		return fieldValue{present: true, known: true, val: constant.MakeBool(true)}
	}
	if n, ok := constant.MakeFromLiteral(d, token.INT, 0), true; ok && n.Kind() == constant.Int {
		return fieldValue{present: true, known: true, val: n}
	}
	return fieldValue{present: true, known: true, val: constant.MakeString(d)}
}

func isZero(v constant.Value) bool {
	switch v.Kind() {
	case constant.Bool:
		return !constant.BoolVal(v)
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	}
	return false
}

// modelHeaders applies a header model to a configuration.
func (b *builder) modelHeaders(model *headerModel, fields map[string]ast.Expr, base string) []Header {
	var out []Header
	if base == "unknown" {
		// A configuration apivet cannot see: assume it sends every header
		// the middleware can send.
		for _, r := range model.Rules {
			if r.Override != "" {
				continue
			}
			out = mergeHeaders(out, []Header{{Name: r.Header}})
		}
		return out
	}
	if model.DisableAll != "" {
		if fv := b.field(model, fields, base, model.DisableAll); fv.present && fv.known {
			return nil // IsDevelopment: true
		}
	}
	for _, r := range model.Rules {
		if r.Override != "" {
			if fv := b.field(model, fields, base, r.Override); fv.present {
				continue
			}
		}
		if r.Disabled != "" {
			if fv := b.field(model, fields, base, r.Disabled); fv.present && fv.known {
				continue
			}
		}
		if r.ReportOnly != "" {
			if fv := b.field(model, fields, base, r.ReportOnly); fv.present && fv.known {
				continue
			}
		}
		fv := b.field(model, fields, base, r.Field)
		if !fv.present {
			continue
		}
		h := Header{Name: r.Header}
		if fv.known {
			switch r.Type {
			case "bool":
				h.Value, h.Known = r.Value, true
			case "string":
				if fv.val.Kind() == constant.String {
					h.Value, h.Known = constant.StringVal(fv.val), true
				}
			case "int":
				if i, ok := constant.Int64Val(constant.ToInt(fv.val)); ok {
					h.Value, h.Known = fmt.Sprintf(r.Format, i), true
				}
			}
		}
		out = mergeHeaders(out, []Header{h})
	}
	return out
}

// serveHTTP returns the ServeHTTP method of a named type of the module.
func (b *builder) serveHTTP(t types.Type) *types.Func {
	n := typesx.Named(t)
	if n == nil || !isModulePkg(b.pass, n.Obj().Pkg()) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, n.Obj().Pkg(), "ServeHTTP")
	fn, _ := obj.(*types.Func)
	return fn
}

// writesResponse tells an html/template execution into the response from
// one into a buffer (an e-mail body).
func (b *builder) writesResponse(fn *types.Func, call *ast.CallExpr) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "html/template" {
		return true
	}
	if len(call.Args) == 0 {
		return false
	}
	switch typeKey(typesx.TypeOf(b.info, call.Args[0])) {
	case pkgHTTP + ".ResponseWriter", pkgGin + ".ResponseWriter", pkgEcho + ".Response":
		return true
	}
	return false
}

// limiterInterfaceCall recognises a call through an interface whose
// method or type names a rate limiter or an attempt counter
// (h.limiter.Allow(ip) on a RateLimiter, h.guard.RecordFailedAttempt(email)).
func limiterInterfaceCall(fn *types.Func) bool {
	if !isInterfaceMethod(fn) {
		return false
	}
	recv := ""
	if n := typesx.Recv(fn); n != nil {
		recv = n.Obj().Name()
	}
	words := map[string]bool{}
	for _, w := range typesx.NameWords(recv + " " + fn.Name()) {
		words[w] = true
	}
	typeLimits := false
	for _, w := range typesx.NameWords(recv) {
		switch w {
		case "limiter", "ratelimiter", "throttler", "throttle", "ratelimit", "bucket":
			typeLimits = true
		}
	}
	if typeLimits && limiterMethodNames[fn.Name()] {
		return true
	}
	if words["attempt"] || words["attempts"] {
		return words["record"] || words["failed"] || words["check"] || words["count"] || words["register"] || words["too"] || words["exceeded"]
	}
	return words["lockout"] || words["bruteforce"] || words["ratelimit"] || words["throttle"] || (words["rate"] && words["limit"])
}
