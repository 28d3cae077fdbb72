package headers

import (
	"fmt"
	"go/ast"
	"go/types"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/routes"
	"golang.org/x/tools/go/analysis"
)

// valueCall checks a header set with a constant CSP or HSTS value.
func (c *checker) valueCall(call *ast.CallExpr) {
	if !c.rep.Enabled("AV702") {
		return
	}
	k, v, ok := c.res.HeaderSet(call)
	if !ok {
		return
	}
	name, ok := c.sv.String(k)
	if !ok {
		return
	}
	val, ok := c.sv.String(v)
	if !ok {
		return
	}
	switch textproto.CanonicalMIMEHeaderKey(name) {
	case hCSP:
		if msg := weakCSP(val); msg != "" {
			c.rep.Report(lint.Finding{Rule: "AV702", Node: call, Message: msg})
		}
	case hHSTS:
		if msg := weakHSTS(val); msg != "" {
			c.rep.Report(lint.Finding{Rule: "AV702", Node: call, Message: msg})
		}
	}
}

// configLit checks the CSP and HSTS fields of a header middleware's
// configuration literal.
func (c *checker) configLit(lit *ast.CompositeLit) {
	if !c.rep.Enabled("AV702") {
		return
	}
	t := typesx.TypeOf(c.pass.TypesInfo, lit)
	fields, ok := routes.ConfigTypes[typesx.TypeKey(t)]
	if !ok || typesx.Named(t) == nil {
		return
	}
	if _, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		c.configField(id.Name, fields, kv.Value, kv)
	}
}

// configAssign checks cfg.ContentSecurityPolicy = "..." and
// cfg.STSSeconds = n on a configuration value.
func (c *checker) configAssign(as *ast.AssignStmt) {
	if !c.rep.Enabled("AV702") || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		fields, ok := routes.ConfigTypes[typesx.TypeKey(typesx.TypeOf(c.pass.TypesInfo, sel.X))]
		if !ok {
			continue
		}
		c.configField(sel.Sel.Name, fields, as.Rhs[i], as)
	}
}

func (c *checker) configField(name string, fields [2]string, value ast.Expr, at analysis.Range) {
	switch name {
	case fields[0]:
		if s, ok := c.sv.String(value); ok {
			if msg := weakCSP(s); msg != "" {
				c.rep.Report(lint.Finding{Rule: "AV702", Node: at, Message: msg})
			}
			return
		}
		for _, arg := range c.paramArgs(value) {
			if s, ok := c.sv.String(arg); ok {
				if msg := weakCSP(s); msg != "" {
					c.rep.Report(lint.Finding{Rule: "AV702", Node: arg, Message: msg})
				}
			}
		}
	case fields[1]:
		if n, ok := c.sv.Int(value); ok {
			if n > 0 && n < minHSTS {
				c.rep.Report(lint.Finding{Rule: "AV702", Node: at, Message: hstsMessage(n)})
			}
			return
		}
		for _, arg := range c.paramArgs(value) {
			if n, ok := c.sv.Int(arg); ok && n > 0 && n < minHSTS {
				c.rep.Report(lint.Finding{Rule: "AV702", Node: arg, Message: hstsMessage(n)})
			}
		}
	}
}

// paramArgs returns, for a parameter of an unexported helper of this
// package (secureOptions(maxAge int)), the arguments its callers pass:
// a weak value is reported where it is written.
func (c *checker) paramArgs(value ast.Expr) []ast.Expr {
	id, ok := ast.Unparen(value).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	fn, idx, ok := c.sv.Param(v)
	if !ok || fn.Signature().Variadic() {
		return nil
	}
	sites, ok := c.sv.CallSites(fn)
	if !ok {
		return nil
	}
	var args []ast.Expr
	for _, site := range sites {
		if idx < len(site) {
			args = append(args, site[idx])
		}
	}
	return args
}

// weakCSP explains what makes a policy weak, or returns "".
func weakCSP(policy string) string {
	dirs := map[string][]string{}
	var order []string
	for _, part := range strings.Split(policy, ";") {
		fs := strings.Fields(strings.TrimSpace(part))
		if len(fs) == 0 {
			continue
		}
		name := strings.ToLower(fs[0])
		if _, dup := dirs[name]; dup {
			continue // the first occurrence wins
		}
		dirs[name] = fs[1:]
		order = append(order, name)
	}
	if len(dirs) == 0 {
		return ""
	}
	shown := policy
	if len(shown) > 60 {
		shown = shown[:57] + "..."
	}
	scripts, which := dirs["script-src"], "script-src"
	if _, ok := dirs["script-src"]; !ok {
		scripts, which = dirs["default-src"], "default-src"
	}
	nonce := false
	for _, s := range scripts {
		ls := strings.ToLower(s)
		if strings.HasPrefix(ls, "'nonce-") || strings.Contains(s, "$NONCE") || strings.Contains(s, "%[1]s") || strings.HasPrefix(ls, "'sha256-") || strings.HasPrefix(ls, "'sha384-") ||
			strings.HasPrefix(ls, "'sha512-") || ls == "'strict-dynamic'" {
			nonce = true
		}
	}
	for _, s := range scripts {
		switch strings.ToLower(s) {
		case "'unsafe-inline'":
			if !nonce {
				return fmt.Sprintf("Content-Security-Policy %q allows inline scripts ('unsafe-inline' in %s); remove it and allow scripts by nonce or hash", shown, which)
			}
		case "'unsafe-eval'":
			return fmt.Sprintf("Content-Security-Policy %q allows eval ('unsafe-eval' in %s); remove it and stop evaluating strings as code", shown, which)
		}
	}
	for _, d := range []string{"default-src", "script-src"} {
		for _, s := range dirs[d] {
			if s == "*" {
				return fmt.Sprintf("Content-Security-Policy %q allows any source (%s *); list the origins you load from, or use 'self' or 'none'", shown, d)
			}
		}
	}
	if _, ok := dirs["default-src"]; !ok {
		for _, d := range order {
			if fetchDirectives[d] {
				return fmt.Sprintf("Content-Security-Policy %q has no default-src, so every resource type it does not name is unrestricted; add default-src 'self' (or 'none' for an API)", shown)
			}
		}
	}
	return ""
}

// weakHSTS explains a short max-age, or returns "".
func weakHSTS(v string) string {
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		k, val, ok := strings.Cut(part, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "max-age") {
			continue
		}
		n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(val), `"`), 10, 64)
		if err != nil {
			return ""
		}
		if n < minHSTS {
			return hstsMessage(n)
		}
	}
	return ""
}

func hstsMessage(n int64) string {
	return fmt.Sprintf("Strict-Transport-Security max-age=%d is under %d seconds (%d days); use at least max-age=%d, ideally 31536000 (one year)",
		n, minHSTS, minHSTS/86400, minHSTS)
}
