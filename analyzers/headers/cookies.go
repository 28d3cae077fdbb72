package headers

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// cookieType describes a cookie (or cookie options) struct.
type cookieType struct {
	httpOnly, secure, sameSite string // field names; sameSite "" when the library defaults to Lax
	name, value, maxAge        string
	always                     bool // session options: always a session cookie
	fix                        string
}

var cookieTypes = map[string]cookieType{
	"net/http.Cookie": {httpOnly: "HttpOnly", secure: "Secure", sameSite: "SameSite", name: "Name", value: "Value", maxAge: "MaxAge",
		fix: "set HttpOnly: true, Secure: true and SameSite: http.SameSiteLaxMode (or Strict)"},
	// fiber sends SameSite=Lax unless told otherwise.
	"github.com/gofiber/fiber/v2.Cookie": {httpOnly: "HTTPOnly", secure: "Secure", name: "Name", value: "Value", maxAge: "MaxAge",
		fix: "set HTTPOnly: true and Secure: true"},
	"github.com/gorilla/sessions.Options": {httpOnly: "HttpOnly", secure: "Secure", sameSite: "SameSite", maxAge: "MaxAge", always: true,
		fix: "set HttpOnly: true, Secure: true and SameSite: http.SameSiteLaxMode (or Strict) in the session options"},
}

// cookieLit checks a cookie literal.
func (c *checker) cookieLit(lit *ast.CompositeLit, cur inspector.Cursor) {
	if !c.rep.Enabled("AV703") {
		return
	}
	t := typesx.TypeOf(c.pass.TypesInfo, lit)
	if t == nil {
		return
	}
	if _, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		return
	}
	ct, ok := cookieTypes[typesx.TypeKey(t)]
	if !ok {
		return
	}
	fields := map[string]ast.Expr{}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = kv.Value
			}
		}
	}
	if c.deletion(fields[ct.maxAge], fields[ct.value]) || c.clientCookie(lit, cur) {
		return
	}
	label, sensitive := c.sensitiveCookie(fields[ct.name], fields[ct.value])
	if ct.always {
		label, sensitive = "session", true
	}
	if !sensitive {
		return
	}
	// Fields written after the literal: cookie.HttpOnly = true.
	later := c.laterWrites(lit, cur)
	set := func(field string) bool {
		if e, ok := later[field]; ok {
			return !c.isFalse(e)
		}
		e, ok := fields[field]
		return ok && !c.isFalse(e) && !c.isDefaultSameSite(field, e)
	}
	var missing []string
	if !set(ct.httpOnly) {
		missing = append(missing, ct.httpOnly)
	}
	if !set(ct.secure) {
		missing = append(missing, ct.secure)
	}
	if ct.sameSite != "" && requireSameSite && !set(ct.sameSite) {
		missing = append(missing, "SameSite")
	}
	if len(missing) == 0 {
		return
	}
	f := lint.Finding{Rule: "AV703", Node: lit, Message: cookieMessage(label, missing, ct.fix)}
	if fix, ok := c.cookieFix(lit, cur, ct, missing, fields, later); ok {
		f.Fixes = []analysis.SuggestedFix{fix}
	}
	c.rep.Report(f)
}

// cookieFix adds the missing attributes to a net/http Cookie literal when
// none of them is written anywhere (not set to false, not assigned later):
// then adding them is certain to be what the code means.
func (c *checker) cookieFix(lit *ast.CompositeLit, cur inspector.Cursor, ct cookieType, missing []string, fields, later map[string]ast.Expr) (analysis.SuggestedFix, bool) {
	if ct.name != "Name" || ct.sameSite != "SameSite" {
		return analysis.SuggestedFix{}, false // net/http.Cookie only
	}
	httpName := ""
	var file *ast.File
	for enc := range cur.Enclosing((*ast.File)(nil)) {
		file = enc.Node().(*ast.File)
	}
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	for _, imp := range file.Imports {
		if imp.Path.Value == `"net/http"` {
			httpName = "http"
			if imp.Name != nil {
				httpName = imp.Name.Name
			}
		}
	}
	if httpName == "" || httpName == "_" || httpName == "." {
		return analysis.SuggestedFix{}, false
	}
	var parts []string
	for _, m := range missing {
		if _, ok := fields[m]; ok {
			return analysis.SuggestedFix{}, false
		}
		if _, ok := later[m]; ok {
			return analysis.SuggestedFix{}, false
		}
		switch m {
		case "HttpOnly", "Secure":
			parts = append(parts, m+": true")
		case "SameSite":
			parts = append(parts, "SameSite: "+httpName+".SameSiteLaxMode")
		}
	}
	fset := c.pass.Fset
	var text string
	if fset.Position(lit.Lbrace).Line == fset.Position(lit.Rbrace).Line {
		text = strings.Join(parts, ", ")
		if len(lit.Elts) > 0 {
			text = ", " + text
		}
	} else {
		text = strings.Join(parts, ",\n") + ",\n"
	}
	return analysis.SuggestedFix{
		Message:   "add " + strings.Join(missing, ", ") + " to the cookie",
		TextEdits: []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}},
	}, true
}

// cookieCall checks gin's c.SetCookie(name, value, maxAge, path, domain,
// secure, httpOnly).
func (c *checker) cookieCall(call *ast.CallExpr, cur inspector.Cursor) {
	if !c.rep.Enabled("AV703") {
		return
	}
	fn := typesx.Callee(c.pass.TypesInfo, call)
	if fn == nil || typesx.FuncKey(fn) != "github.com/gin-gonic/gin.Context.SetCookie" || len(call.Args) != 7 {
		return
	}
	if c.deletion(call.Args[2], call.Args[1]) {
		return
	}
	label, sensitive := c.sensitiveCookie(call.Args[0], call.Args[1])
	if !sensitive {
		return
	}
	var missing []string
	if c.isFalse(call.Args[6]) {
		missing = append(missing, "HttpOnly")
	}
	if c.isFalse(call.Args[5]) {
		missing = append(missing, "Secure")
	}
	if requireSameSite && !c.callsSetSameSite(cur) {
		missing = append(missing, "SameSite")
	}
	if len(missing) == 0 {
		return
	}
	c.rep.Report(lint.Finding{Rule: "AV703", Node: call, Message: cookieMessage(label, missing,
		"pass secure and httpOnly as true and call c.SetSameSite(http.SameSiteLaxMode) before SetCookie")})
}

func cookieMessage(label string, missing []string, fix string) string {
	list := missing[0]
	if len(missing) > 1 {
		list = strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
	}
	return fmt.Sprintf("%s cookie is set without %s; %s", label, list, fix)
}

// sensitiveCookie reports whether a cookie's name or its value says it
// carries a session or a token (Name: "session_id", or Name: "dash" with
// Value: sid). CSRF cookies are not: scripts must read them.
func (c *checker) sensitiveCookie(name, value ast.Expr) (string, bool) {
	label := ""
	if name != nil {
		var words []string
		if s, ok := c.sv.String(name); ok {
			words, label = typesx.NameWords(s), fmt.Sprintf("%q", s)
		} else {
			words, label = typesx.NameWords(lastName(name)), "session/token ("+typesx.ExprName(name)+")"
		}
		for _, w := range words {
			if csrfWords[w] {
				return "", false
			}
		}
		for _, w := range words {
			if c.ck[w] {
				return label, true
			}
		}
	}
	if value != nil {
		for _, w := range typesx.NameWords(lastName(value)) {
			if csrfWords[w] {
				return "", false
			}
			if c.ck[w] {
				if label == "" || label[0] != '"' {
					label = "session/token (value " + typesx.ExprName(value) + ")"
				}
				return label, true
			}
		}
	}
	return "", false
}

// lastName is the last identifier of an expression (s.cfg.SessionName →
// SessionName; tokenString → tokenString).
func lastName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			return lastName(x.Args[0])
		}
		return lastName(x.Fun)
	}
	return ""
}

// deletion reports a cookie that is being cleared (MaxAge < 0 or an empty
// constant value).
func (c *checker) deletion(maxAge, value ast.Expr) bool {
	if maxAge != nil {
		if n, ok := c.sv.Int(maxAge); ok && n < 0 {
			return true
		}
	}
	if value != nil {
		if s, ok := c.sv.String(value); ok && s == "" {
			return true
		}
	}
	return false
}

func (c *checker) isFalse(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// isDefaultSameSite reports SameSite: http.SameSiteDefaultMode, which sends
// no attribute.
func (c *checker) isDefaultSameSite(field string, e ast.Expr) bool {
	if field != "SameSite" {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	if s, ok := c.sv.String(e); ok {
		return s == ""
	}
	n, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && (n == 0 || n == 1) // zero value and http.SameSiteDefaultMode
}

// laterWrites finds the fields written on the variable the literal is
// assigned to, in the same function.
func (c *checker) laterWrites(lit *ast.CompositeLit, cur inspector.Cursor) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	var v types.Object
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		p = p.Parent()
	}
	switch as := p.Node().(type) {
	case *ast.AssignStmt:
		for i, r := range as.Rhs {
			if i < len(as.Lhs) && (r == ast.Expr(lit) || isAddrOf(r, lit)) {
				v = typesx.ObjectOf(c.pass.TypesInfo, as.Lhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, r := range as.Values {
			if i < len(as.Names) && (r == ast.Expr(lit) || isAddrOf(r, lit)) {
				v = c.pass.TypesInfo.Defs[as.Names[i]]
			}
		}
	}
	if v == nil {
		return out
	}
	var body ast.Node
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = enc.Node()
		break
	}
	if body == nil {
		return out
	}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && typesx.ObjectOf(c.pass.TypesInfo, sel.X) == v {
				out[sel.Sel.Name] = as.Rhs[i]
			}
		}
		return true
	})
	return out
}

func isAddrOf(e ast.Expr, lit *ast.CompositeLit) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.AND && ast.Unparen(u.X) == ast.Expr(lit)
}

// callsSetSameSite reports whether the function around a gin SetCookie
// sets the context's SameSite mode.
func (c *checker) callsSetSameSite(cur inspector.Cursor) bool {
	var body ast.Node
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = enc.Node()
		break
	}
	found := false
	if body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn := typesx.Callee(c.pass.TypesInfo, call); fn != nil && typesx.FuncKey(fn) == "github.com/gin-gonic/gin.Context.SetSameSite" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// clientCookie reports a cookie a client sends (req.AddCookie, a cookie
// jar), where HttpOnly, Secure and SameSite mean nothing.
func (c *checker) clientCookie(lit *ast.CompositeLit, cur inspector.Cursor) bool {
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		p = p.Parent()
	}
	for i := 0; i < 3; i++ {
		switch n := p.Node().(type) {
		case *ast.CallExpr:
			if fn := typesx.Callee(c.pass.TypesInfo, n); fn != nil {
				switch typesx.FuncKey(fn) {
				case "net/http.Request.AddCookie", "net/http/cookiejar.Jar.SetCookies", "net/http.CookieJar.SetCookies":
					return true
				}
			}
			return false
		case *ast.CompositeLit, *ast.KeyValueExpr:
			p = p.Parent() // []*http.Cookie{{...}} handed to a jar
		default:
			return false
		}
	}
	return false
}
