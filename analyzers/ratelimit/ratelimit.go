// Package ratelimit defines an Analyzer that reports authentication routes
// that no rate limiter protects.
//
// # Analyzer ratelimit
//
// ratelimit: report login, registration, token and password-reset routes
// without a rate limiter (AV201)
//
// The routes come from passes/routes, with the middleware chain that
// applies to each: middleware wrapped around the served router, Use calls
// on the router and its groups that reach the route (gin and fiber apply
// Use only to routes registered after it), per-route middleware and
// wrappers around the handler. A route is an authentication route when its
// path or its handler's name says so (login, signin, signup, register,
// password, forgot, reset, otp, mfa, token, session creation, verify, ...)
// and its method can carry credentials (not GET, HEAD, OPTIONS or DELETE).
// It is reported when nothing in its chain, and not its handler either,
// limits the request rate: golang.org/x/time/rate (Allow, Wait, Reserve),
// go-chi/httprate, ulule/limiter, tollbooth, sethvargo/go-limiter, echo's
// RateLimiter, fiber's limiter, gin rate-limit packages, and the module's
// own middleware that answers 429 or counts attempts per key, also from
// another package.
//
// Silent when a middleware of the chain cannot be identified (a parameter,
// an interface method with a name that says nothing), and for routes on a
// router received from a caller whose router could not be resolved.
//
//	api.POST("/login", h.Login)                    // AV201
//	api.POST("/login", limiter.Middleware(), h.Login) // ok
package ratelimit

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/rules"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/routes"
	"golang.org/x/tools/go/analysis"
)

var (
	opts          = lint.NewOptions('2')
	authWords     = defaultAuthWords
	actionWords   = defaultActionWords
	handlerWords  = defaultHandlerWords
	excludedPaths = ""
)

// Analyzer reports AV201.
var Analyzer = &analysis.Analyzer{
	Name:     "ratelimit",
	Doc:      "report login, registration, token and password-reset routes without a rate limiter (AV201)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV201.md",
	Requires: []*analysis.Analyzer{routes.Analyzer},
	Run:      run,
}

func init() {
	opts.Register(&Analyzer.Flags)
	Analyzer.Flags.StringVar(&authWords, "auth-words", authWords, "comma-separated words that make a route an authentication route wherever they appear in its path")
	Analyzer.Flags.StringVar(&actionWords, "auth-action-words", actionWords, "comma-separated words that make a route an authentication route when they name its last path segment")
	Analyzer.Flags.StringVar(&handlerWords, "auth-handler-words", handlerWords, "comma-separated words that make a route an authentication route when its handler's name contains them")
	Analyzer.Flags.StringVar(&excludedPaths, "exclude-paths", excludedPaths, "comma-separated route path globs never reported (/internal/**, /admin/*)")
}

// wordSet matches single words and hyphenated sequences ("sign-in").
type wordSet [][]string

func parseWords(s string) wordSet {
	var out wordSet
	for _, w := range rules.SplitList(s) {
		if ws := typesx.NameWords(w); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// match reports whether words contain one of the set's sequences.
func (ws wordSet) match(words []string) bool {
	for _, seq := range ws {
		for i := 0; i+len(seq) <= len(words); i++ {
			ok := true
			for j, w := range seq {
				if words[i+j] != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

type checker struct {
	auth, action, handler wordSet
	exclude               []string
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	if !rep.Enabled("AV201") {
		rep.Finish()
		return nil, nil
	}
	res := pass.ResultOf[routes.Analyzer].(*routes.Result)
	c := &checker{
		auth:    parseWords(authWords),
		action:  parseWords(actionWords),
		handler: parseWords(handlerWords),
		exclude: rules.SplitList(excludedPaths),
	}
	for _, r := range res.Routes {
		if r.Router == nil || r.Router.Unknown {
			continue
		}
		var node analysis.Range = span{r.Pos, r.Pos}
		if r.Call != nil {
			node = span{r.Pos, r.Call.End()}
		}
		switch {
		case r.External:
			// A route of another package that it left for its callers to
			// judge: report it on its own line, with the whole chain.
			o := r.Origin
			if o == nil || !o.Deferred || !o.Pos.IsValid() || (o.Ignored("AV201") || rep.SkipsFile(o.File, o.Generated)) {
				continue
			}
			node = span{o.Pos, o.Pos}
		case !r.Pos.IsValid() || rep.Skipped(r.Pos):
			continue
		}
		if !c.authRoute(r) || (len(c.exclude) > 0 && r.PathKnown && lint.MatchPath(c.exclude, r.Path)) {
			continue
		}
		if authenticated(r) && !guessable(r) {
			// Behind authentication a route is a brute-force target only
			// when it checks a secret: the current password, a one-time
			// code. Issuing tokens or an admin's account operations are not.
			continue
		}
		limited, unknown := limited(r)
		if limited || unknown {
			continue
		}
		if !r.External && r.Deferred() {
			// The packages calling this exported function judge the route
			// (see routes.Origin); an //apivet:ignore here still covers it.
			if rep.Suppresses(r.Pos, "AV201") {
				rep.Report(lint.Finding{Rule: "AV201", Node: node, Message: message(r)})
			}
			continue
		}
		rep.Report(lint.Finding{Rule: "AV201", Node: node, Message: message(r)})
	}
	rep.Finish()
	return nil, nil
}

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// authRoute reports whether a route is a credential endpoint.
func (c *checker) authRoute(r *routes.Route) bool {
	if readMethods[r.Method] || r.Static || r.Mount {
		return false
	}
	segs := routes.PathWords(r.Path)
	hwords := handlerNameWords(r.HandlerName)
	if len(segs) > 0 {
		last := segs[len(segs)-1]
		for _, w := range last {
			if nonAuthLast[w] {
				return false
			}
		}
		for _, seg := range segs {
			if c.auth.match(seg) {
				return true
			}
		}
		if c.action.match(last) && c.actionHolds(last, segs, hwords) {
			return true
		}
	}
	return c.authHandler(hwords)
}

// actionHolds checks the condition of the action word in the last
// segment: account context for contextual ones, generic segments before
// the others; a refresh must refresh a token or session.
func (c *checker) actionHolds(last []string, segs [][]string, hwords []string) bool {
	contextual, plain, refresh := false, false, false
	for _, w := range last {
		if !c.action.match([]string{w}) {
			continue
		}
		switch {
		case w == "refresh":
			refresh = true
		case contextualActions[w]:
			contextual = true
		default:
			plain = true
		}
	}
	all := append(append([]string(nil), hwords...), last...)
	for _, seg := range segs[:len(segs)-1] {
		all = append(all, seg...)
	}
	if contextual {
		n := 0
		for _, w := range all {
			if accountContext[w] && !contextualActions[w] {
				n++
			}
		}
		if n > 0 {
			return true
		}
	}
	generic := true
	for _, seg := range segs[:len(segs)-1] {
		for _, w := range seg {
			if !genericSegments[w] && !isVersion(w) {
				generic = false
			}
		}
	}
	// POST /partner/oauth/token: the segment right before names the
	// authentication scheme, whatever comes first.
	if len(segs) > 1 {
		for _, w := range segs[len(segs)-2] {
			if authScopes[w] {
				generic = true
			}
		}
	}
	// POST /api/v1/legacy/auth: "auth" alone as the action.
	for _, w := range last {
		if w == "auth" || w == "authenticate" {
			plain, generic = true, true
		}
	}
	if plain && generic {
		return true
	}
	if refresh && generic {
		for _, w := range all {
			switch w {
			case "auth", "token", "tokens", "session", "sessions", "jwt", "oauth", "oauth2", "login", "access":
				return true
			}
		}
	}
	return false
}

// isVersion matches v1, v2, ... and 2024-01 style segments.
func isVersion(w string) bool {
	if len(w) >= 2 && w[0] == 'v' {
		for _, r := range w[1:] {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// handlerNameWords reads a handler's display name (h.Login,
// handlers.LoginHandler(...), authHandler.SignIn) into meaningful words.
func handlerNameWords(name string) []string {
	if name == "" || name == "func literal" || name == "static files" {
		return nil
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "(...)"), "()")
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	var words []string
	for _, w := range typesx.NameWords(name) {
		if !handlerNoise[w] {
			words = append(words, w)
		}
	}
	return words
}

// authHandler reads a handler's name words.
func (c *checker) authHandler(words []string) bool {
	if len(words) == 0 {
		return false
	}
	has := map[string]bool{}
	for _, w := range words {
		has[w] = true
		if nonAuthLast[w] {
			return false
		}
	}
	if c.handler.match(words) {
		return true
	}
	if has["register"] || has["registration"] {
		rest := true
		for _, w := range words {
			if w != "register" && w != "registration" && !registerObjects[w] {
				rest = false
			}
		}
		if rest {
			return true
		}
	}
	if has["token"] || has["session"] || has["tokens"] {
		for _, w := range words {
			if tokenActions[w] {
				return true
			}
		}
	}
	if has["verify"] || has["verification"] || has["reset"] {
		for _, w := range words {
			if verifyObjects[w] {
				return true
			}
		}
	}
	return false
}

// limited reports whether the route's chain or handler limits the rate,
// and whether a middleware of the chain is unknown.
func limited(r *routes.Route) (limited, unknown bool) {
	if r.HandlerSummary.Caps&routes.RateLimit != 0 {
		return true, false
	}
	for _, m := range r.Chain {
		if m.Has(routes.RateLimit) {
			return true, false
		}
		if m.Unknown {
			unknown = true
		}
	}
	return false, unknown
}

// authenticated reports whether the route's chain authenticates the
// caller first.
func authenticated(r *routes.Route) bool {
	for _, m := range r.Chain {
		if m.Has(routes.Auth) {
			return true
		}
	}
	return false
}

// guessable reports whether an authenticated route verifies a secret a
// client could guess: a one-time code, or the current password when
// changing it (an admin resetting someone's password checks none).
func guessable(r *routes.Route) bool {
	var words []string
	for _, seg := range routes.PathWords(r.Path) {
		words = append(words, seg...)
	}
	words = append(words, handlerNameWords(r.HandlerName)...)
	password, resetting := false, false
	for _, w := range words {
		switch {
		case secretCheckWords[w]:
			return true
		case w == "password" || w == "passwd" || w == "passphrase" || w == "passwords":
			password = true
		case adminPasswordWords[w]:
			resetting = true
		}
	}
	return password && !resetting
}

func message(r *routes.Route) string {
	method := r.Method
	if method == "" {
		method = "ANY"
	}
	what := method + " " + r.Path
	if !r.PathKnown && r.HandlerName != "" {
		what += " (" + r.HandlerName + ")"
	}
	var names []string
	seen := map[string]bool{}
	for _, m := range r.Chain {
		n := strings.TrimSuffix(m.Name, "()")
		if seen[n] {
			continue
		}
		seen[n] = true
		names = append(names, n)
	}
	if len(names) > 6 {
		names = append(names[:6], "…")
	}
	sug := suggestions[r.Router.Kind]
	if sug == "" {
		sug = suggestions[routes.NetHTTP]
	}
	if len(names) == 0 {
		return fmt.Sprintf("%s has no rate limiter and no middleware at all; add %s to this route or its group", what, sug)
	}
	return fmt.Sprintf("%s has no rate limiter in its middleware chain (%s); add %s to this route or its group",
		what, strings.Join(names, ", "), sug)
}
