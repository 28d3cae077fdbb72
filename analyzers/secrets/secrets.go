// Package secrets defines an Analyzer that reports hardcoded secrets and
// secrets compared in variable time.
//
// # Analyzer secrets
//
// secrets: report hardcoded credentials, key material, provider tokens,
// private keys and DSN passwords, and secrets compared with == (AV501-AV505,
// AV510)
//
//   - AV501: a literal assigned to, initialising or compared with a name that
//     means a credential (dbPassword, JWT_SECRET, apiKey, {"password": ...}).
//   - AV502: a literal that reaches a parameter or field taking key material
//     (Token.SignedString, a jwt.Parse keyfunc, hmac.New, aes.NewCipher,
//     SetBasicAuth, gin.Accounts, oauth2.Config.ClientSecret, middleware
//     signing keys), directly or through variables, constants and helpers.
//   - AV503: a provider credential format (AWS, GitHub, Slack, Stripe,
//     Google, SendGrid, Twilio, GitLab, npm, OpenAI, Anthropic) in any literal.
//   - AV504: a PEM private key in a literal.
//   - AV505: a password inside a connection URL or DSN literal.
//   - AV510: a value from the request compared with a stored secret using ==,
//     bytes.Equal or strings.EqualFold instead of subtle.ConstantTimeCompare.
//
// Secrets are reported on the line of the literal (the first line of a
// multi-line literal) and never echoed: messages show a redacted form.
// A literal gets at most one finding; the most specific rule wins (AV504,
// AV503, AV502, AV505, AV501).
package secrets

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var opts = lint.NewOptions('5')

// Analyzer reports the AV5xx rules.
var Analyzer = &analysis.Analyzer{
	Name:             "secrets",
	Doc:              "report hardcoded credentials, key material, provider tokens, private keys and DSN passwords, and secrets compared in variable time (AV501-AV505, AV510)",
	URL:              "https://github.com/apivet/apivet/blob/main/docs/rules/AV501.md",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
}

func init() { opts.Register(&Analyzer.Flags) }

// candidate is a finding before the one-finding-per-literal rule is applied.
type candidate struct {
	rule string
	node analysis.Range
	lit  token.Pos // the literal the finding is about, when there is one
	msg  string
}

// rulePriority orders the rules that can fire on the same literal: the most
// specific wins.
var rulePriority = map[string]int{"AV504": 0, "AV503": 1, "AV502": 2, "AV505": 3, "AV501": 4, "AV510": 5}

// sinkUse is an expression that reaches a key sink.
type sinkUse struct {
	expr ast.Expr
	kind sinkKind
	what string // "JWT signing key"
	sink string // "(*jwt.Token).SignedString"
}

// comparison is x == y, x != y, or a comparison function's two arguments.
type comparison struct {
	node      ast.Node
	x, y      ast.Expr
	op        string
	constTime bool
}

// validatorUse is a basic-auth or key-auth validator callback.
type validatorUse struct {
	fn    ast.Expr
	param int
	what  string
}

// sourceBind is a decode call whose target comes from the request only if
// its source does: json.NewDecoder(r.Body).Decode(&req).
type sourceBind struct {
	call   *ast.CallExpr
	target *types.Var
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *lint.Reporter
	vals *strval.Result

	cands      []candidate
	sinks      []sinkUse
	compares   []comparison
	validators []validatorUse
	srcBinds   []sourceBind

	funcDecls  map[*types.Func]*ast.FuncDecl
	returns    map[ast.Node][]*ast.ReturnStmt // by innermost enclosing FuncLit or FuncDecl
	lits       map[token.Pos]*ast.BasicLit
	credParams map[*types.Var]string // validator parameters holding a credential
	bound      map[*types.Var]bool   // variables a request binder fills
	reqMemo    map[*types.Var]int8   // 1 from the request, 2 not, 3 in progress
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass:       pass,
		info:       pass.TypesInfo,
		rep:        rep,
		vals:       pass.ResultOf[strval.Analyzer].(*strval.Result),
		funcDecls:  map[*types.Func]*ast.FuncDecl{},
		returns:    map[ast.Node][]*ast.ReturnStmt{},
		lits:       map[token.Pos]*ast.BasicLit{},
		credParams: map[*types.Var]string{},
		bound:      map[*types.Var]bool{},
		reqMemo:    map[*types.Var]int8{},
	}
	c.walk(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	c.resolveValidators()
	c.resolveSinks()
	c.resolveComparisons()
	c.emit()
	rep.Finish()
	return nil, nil
}

var walkFilter = []ast.Node{
	(*ast.BasicLit)(nil),
	(*ast.BinaryExpr)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.CallExpr)(nil),
	(*ast.FuncDecl)(nil),
	(*ast.ReturnStmt)(nil),
}

// walk makes the analyzer's one pass over the syntax of the files the
// reporter keeps, collecting candidates and what the resolvers need.
func (c *checker) walk(insp *inspector.Inspector) {
	for file := range insp.Root().Children() {
		if c.rep.Skipped(file.Node().Pos()) {
			continue
		}
		for cur := range file.Preorder(walkFilter...) {
			switch n := cur.Node().(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					c.lits[n.Pos()] = n
					if !c.insideConcat(cur) {
						c.scan(n)
					}
				}
			case *ast.BinaryExpr:
				switch n.Op {
				case token.ADD:
					if c.litConcat(n) && !c.insideConcat(cur) {
						c.scan(n)
					}
				case token.EQL, token.NEQ:
					c.compares = append(c.compares, comparison{node: n, x: n.X, y: n.Y, op: n.Op.String()})
				}
			case *ast.ValueSpec:
				c.valueSpec(n)
			case *ast.AssignStmt:
				c.assign(n)
			case *ast.CompositeLit:
				c.compositeLit(n)
			case *ast.CallExpr:
				c.call(n)
			case *ast.FuncDecl:
				if fn, ok := c.info.Defs[n.Name].(*types.Func); ok {
					c.funcDecls[fn] = n
				}
			case *ast.ReturnStmt:
				for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
					c.returns[enc.Node()] = append(c.returns[enc.Node()], n)
					break
				}
			}
		}
	}
}

// litConcat reports whether e is a string literal or a concatenation made
// only of string literals.
func (c *checker) litConcat(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.BinaryExpr:
		return e.Op == token.ADD && c.litConcat(e.X) && c.litConcat(e.Y)
	}
	return false
}

// insideConcat reports whether the node at cur is part of a larger
// concatenation of literals, which is scanned as a whole.
func (c *checker) insideConcat(cur inspector.Cursor) bool {
	p, ok := cur.Parent().Node().(*ast.BinaryExpr)
	return ok && c.litConcat(p)
}

// stringConst returns the value of a string constant expression.
func (c *checker) stringConst(e ast.Expr) (string, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// scan runs the format checks (AV503, AV504, AV505) on a literal.
func (c *checker) scan(e ast.Expr) {
	s, ok := c.stringConst(e)
	if !ok || len(s) < 8 {
		return
	}
	if f, ok := scanLiteral(s); ok {
		c.add(f.rule, e, e.Pos(), "%s", f.msg)
	}
}

func (c *checker) add(rule string, node analysis.Range, lit token.Pos, format string, args ...any) {
	c.cands = append(c.cands, candidate{rule: rule, node: node, lit: lit, msg: fmt.Sprintf(format, args...)})
}

// ---------------------------------------------------------------------------
// AV501: literals given to credential names

// literal returns the literal (or concatenation of literals) behind e,
// looking through parentheses and conversions such as []byte("...").
func (c *checker) literal(e ast.Expr) (ast.Expr, string, bool) {
	e = typesx.StripConversions(c.info, e)
	if !c.litConcat(e) {
		return nil, "", false
	}
	s, ok := c.stringConst(e)
	return e, s, ok
}

// textual reports whether a variable or field of type t can hold a secret
// written as a literal: string or []byte, not a named type (context keys,
// enums). Interface-typed targets are judged by the value's type.
func textual(t, valueType types.Type) bool {
	if t == nil {
		return false
	}
	if types.IsInterface(t) {
		t = valueType
		if t == nil {
			return false
		}
	}
	t = types.Unalias(t)
	if b, ok := t.(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	if _, ok := t.(*types.Slice); ok {
		return typesx.IsBytes(t)
	}
	return false
}

// credential reports AV501 when name means a credential and value is a
// literal that looks like one.
func (c *checker) credential(name, display string, target types.Type, value ast.Expr) {
	c.credentialWith(name, display, target, value, "load it from the environment or a secret manager")
}

// credentialWith is credential with its own advice.
func (c *checker) credentialWith(name, display string, target types.Type, value ast.Expr, advice string) {
	if !credentialName(name) {
		return
	}
	lit, s, ok := c.literal(value)
	if !ok || !textual(target, typesx.TypeOf(c.info, value)) {
		return
	}
	if cred, ok := authHeaderSecret(s); ok {
		s = cred // "Bearer abc..." in a credential-named variable
	}
	if !looksLikeSecret(s) {
		return
	}
	c.add("AV501", lit, lit.Pos(), "hardcoded credential %s = %s; %s", display, redact(s), advice)
}

// authHeader reports AV501 for a literal Authorization value with a
// credential after its scheme ("Bearer eyJ...").
func (c *checker) authHeader(name string, value ast.Expr) bool {
	if !authHeaders[lower(name)] {
		return false
	}
	lit, s, ok := c.literal(value)
	if !ok {
		return true
	}
	if cred, ok := authHeaderSecret(s); ok && looksLikeSecret(cred) {
		c.add("AV501", lit, lit.Pos(), "hardcoded credential in header %q = %s; load it from the environment or a secret manager", name, redact(s))
	}
	return true
}

func (c *checker) valueSpec(n *ast.ValueSpec) {
	if len(n.Values) != len(n.Names) {
		return
	}
	for i, name := range n.Names {
		obj := c.info.Defs[name]
		if obj == nil {
			continue
		}
		c.credential(name.Name, fmt.Sprintf("%q", name.Name), obj.Type(), n.Values[i])
	}
}

func (c *checker) assign(n *ast.AssignStmt) {
	if (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) || len(n.Lhs) != len(n.Rhs) {
		return
	}
	for i, lhs := range n.Lhs {
		rhs := n.Rhs[i]
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			c.credential(l.Name, fmt.Sprintf("%q", l.Name), typesx.TypeOf(c.info, l), rhs)
		case *ast.SelectorExpr:
			if sel, ok := c.info.Selections[l]; ok && sel.Kind() == types.FieldVal {
				c.fieldSink(typesx.Named(sel.Recv()), l.Sel.Name, rhs)
				if c.isValidatorField(typesx.Named(sel.Recv()), l.Sel.Name, rhs) {
					continue
				}
			}
			c.credential(l.Sel.Name, fmt.Sprintf("%q", typesx.ExprName(l)), typesx.TypeOf(c.info, l), rhs)
		case *ast.IndexExpr:
			key, ok := c.vals.String(l.Index)
			if !ok {
				continue
			}
			if c.authHeader(key, rhs) {
				continue
			}
			c.credential(key, fmt.Sprintf("for key %q", key), typesx.TypeOf(c.info, l), rhs)
		}
	}
}

func (c *checker) compositeLit(n *ast.CompositeLit) {
	t := typesx.TypeOf(c.info, n)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		named := typesx.Named(t)
		for _, elt := range n.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			fld, ok := c.info.ObjectOf(id).(*types.Var)
			if !ok || !fld.IsField() {
				continue
			}
			c.fieldSink(named, id.Name, kv.Value)
			if c.isValidatorField(named, id.Name, kv.Value) {
				continue
			}
			c.credential(id.Name, "field "+c.typeName(named)+id.Name, fld.Type(), kv.Value)
		}
	case *types.Map:
		if !typesx.IsString(u.Key()) {
			return
		}
		for _, elt := range n.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := c.stringConst(kv.Key)
			if !ok {
				continue
			}
			c.credential(key, fmt.Sprintf("for key %q", key), u.Elem(), kv.Value)
		}
	}
}

// typeName renders a struct type as a prefix for a field in messages:
// "redis.Options.", "DBConfig.", or nothing for an anonymous struct.
func (c *checker) typeName(named *types.Named) string {
	if named == nil {
		return ""
	}
	obj := named.Obj()
	if obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg {
		return obj.Pkg().Name() + "." + obj.Name() + "."
	}
	return obj.Name() + "."
}

func (c *checker) call(n *ast.CallExpr) {
	fn := typesx.Callee(c.info, n)
	if fn == nil {
		return
	}
	key := typesx.FuncKey(fn)
	if key == "" {
		return
	}
	if s, ok := callSinks[key]; ok && s.Arg < len(n.Args) {
		use := sinkUse{kind: s.Kind, what: s.What, sink: typesx.FuncDisplay(fn)}
		if s.Kind == sinkKeyfunc {
			use.sink = "the keyfunc of " + typesx.FuncDisplay(fn)
		}
		if s.Kind == sinkVariadic {
			if !n.Ellipsis.IsValid() {
				for _, a := range n.Args[s.Arg:] {
					use.expr, use.kind = a, sinkValue
					c.sinks = append(c.sinks, use)
				}
			}
		} else {
			use.expr = n.Args[s.Arg]
			c.sinks = append(c.sinks, use)
		}
	}
	if len(n.Args) == 2 && envDefaultFunc(fn) {
		// getEnv("STRIPE_SECRET_KEY", "sk_live_..."): the fallback is in
		// the binary and runs wherever the variable is unset.
		if name, ok := c.vals.String(n.Args[0]); ok && envNameRe.MatchString(name) {
			c.credentialWith(name, fmt.Sprintf("%q (default of %s)", name, typesx.FuncDisplay(fn)), types.Typ[types.String], n.Args[1],
				"drop the fallback and fail at startup when the variable is unset")
		}
	}
	if idx, ok := keyedSetters[key]; ok && idx[1] < len(n.Args) {
		if name, ok := c.vals.String(n.Args[idx[0]]); ok && !c.authHeader(name, n.Args[idx[1]]) {
			c.credential(name, fmt.Sprintf("%q (%s)", name, typesx.FuncDisplay(fn)), types.Typ[types.String], n.Args[idx[1]])
		}
	}
	for _, v := range validatorSinks {
		if v.Func == key && v.Arg < len(n.Args) {
			c.validators = append(c.validators, validatorUse{fn: n.Args[v.Arg], param: v.Param, what: v.What})
		}
	}
	if len(n.Args) >= 2 {
		if timingUnsafeCompares[key] {
			c.compares = append(c.compares, comparison{node: n, x: n.Args[0], y: n.Args[1], op: typesx.FuncDisplay(fn)})
		} else if constantTimeCompares[key] {
			c.compares = append(c.compares, comparison{node: n, x: n.Args[0], y: n.Args[1], op: typesx.FuncDisplay(fn), constTime: true})
		}
	}
	if i, ok := requestBinders[key]; ok && i < len(n.Args) {
		if v := c.target(n.Args[i]); v != nil {
			c.bound[v] = true
		}
	}
	if i, ok := sourceBinders[key]; ok && i < len(n.Args) {
		if v := c.target(n.Args[i]); v != nil {
			c.srcBinds = append(c.srcBinds, sourceBind{call: n, target: v})
		}
	}
}

// envDefaultFunc reports a helper reading an environment variable with a
// default: getEnv(key, def), envOr, GetEnvOrDefault, config.Env. Its
// parameters are two strings and it returns one.
func envDefaultFunc(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 2 || sig.Results().Len() != 1 || sig.Variadic() {
		return false
	}
	for _, t := range []types.Type{sig.Params().At(0).Type(), sig.Params().At(1).Type(), sig.Results().At(0).Type()} {
		if b, ok := types.Unalias(t).(*types.Basic); !ok || b.Kind() != types.String {
			return false
		}
	}
	for _, w := range typesx.NameWords(fn.Name()) {
		if w == "env" || w == "getenv" || w == "environ" {
			return true
		}
	}
	return false
}

// target returns the variable a binder fills: &req or a pointer req.
func (c *checker) target(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

// fieldSink records a value written to a struct field that takes a key.
func (c *checker) fieldSink(named *types.Named, field string, value ast.Expr) {
	if named == nil {
		return
	}
	key := typesx.TypeKey(named) + "." + field
	s, ok := fieldSinks[key]
	if !ok {
		return
	}
	display := named.Obj().Pkg().Name() + "." + named.Obj().Name() + "." + field
	if s.Kind == sinkKeyfunc {
		display = "the keyfunc in " + display
	}
	c.sinks = append(c.sinks, sinkUse{expr: value, kind: s.Kind, what: s.What, sink: display})
}

// isValidatorField records a validator callback set through a struct field.
func (c *checker) isValidatorField(named *types.Named, field string, value ast.Expr) bool {
	if named == nil {
		return false
	}
	key := typesx.TypeKey(named) + "." + field
	for _, v := range validatorSinks {
		if v.Field == key {
			c.validators = append(c.validators, validatorUse{fn: value, param: v.Param, what: v.What})
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// AV502: literals reaching key sinks

func (c *checker) resolveSinks() {
	for _, u := range c.sinks {
		switch u.kind {
		case sinkValue:
			c.keyValue(u.expr, u)
		case sinkMapValues:
			for _, v := range c.mapValues(u.expr, 0) {
				c.keyValue(v, u)
			}
		case sinkKeyfunc:
			for _, fn := range c.funcBodies(u.expr, 0) {
				for _, ret := range c.returns[fn] {
					if len(ret.Results) >= 1 {
						c.keyValue(ret.Results[0], u)
					}
				}
			}
		}
	}
}

// keyValue reports AV502 for every constant value e can hold, on the
// literal when it lies in this package, else on e.
func (c *checker) keyValue(e ast.Expr, u sinkUse) {
	if t := typesx.TypeOf(c.info, typesx.StripConversions(c.info, e)); t != nil && !textual(t, nil) {
		return // a named constant type (jwt.UnsafeAllowNoneSignatureType), not key bytes
	}
	v := c.constValue(e)
	if v == nil {
		return
	}
	via := ""
	if s := typesx.StripConversions(c.info, e); !c.litConcat(s) {
		via = " through " + typesx.ExprName(s)
	}
	for i, cv := range v.Vals {
		if cv.Kind() != constant.String {
			continue
		}
		s := constant.StringVal(cv)
		if s == "" {
			continue
		}
		origin := token.NoPos
		if i < len(v.Origins) {
			origin = v.Origins[i]
		}
		if origin.IsValid() {
			if c.rep.Skipped(origin) {
				continue // written only by a test or generated file
			}
			c.add("AV502", c.litAt(origin), origin, "hardcoded %s %s reaches %s%s; load the key from the environment or a secret manager at run time", u.what, redact(s), u.sink, via)
			continue
		}
		if c.reportedInOwnPackage(e, s) {
			continue
		}
		c.add("AV502", e, token.NoPos, "hardcoded %s %s reaches %s%s; load the key from the environment or a secret manager at run time", u.what, redact(s), u.sink, via)
	}
}

// constValue is strval's answer for e, except through fields of other
// packages: strval knows those from facts of their own package and does not
// see the writes of this one (cfg.JWTSecret = os.Getenv(...)).
func (c *checker) constValue(e ast.Expr) *strval.Value {
	foreign := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal && s.Obj().Pkg() != c.pass.Pkg {
				foreign = true
			}
		}
		return !foreign
	})
	if foreign {
		return nil
	}
	return c.vals.Eval(e)
}

// reportedInOwnPackage reports whether the constant behind a sink argument
// is a credential-named constant or variable of another package whose
// literal AV501 reports there ("config.JWTSecret"); the sink would report the
// same literal a second time.
func (c *checker) reportedInOwnPackage(e ast.Expr, value string) bool {
	obj := typesx.ObjectOf(c.info, typesx.StripConversions(c.info, e))
	switch obj := obj.(type) {
	case *types.Const:
	case *types.Var:
		if obj.Kind() != types.PackageVar {
			return false
		}
	default:
		return false
	}
	return obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg && c.rep.Enabled("AV501") &&
		credentialName(obj.Name()) && textual(obj.Type(), nil) && looksLikeSecret(value)
}

// litAt returns the literal at pos, or an empty range there when the value
// was computed (a constant expression, fmt.Sprintf).
func (c *checker) litAt(pos token.Pos) analysis.Range {
	if l, ok := c.lits[pos]; ok {
		return l
	}
	return posRange(pos)
}

type posRange token.Pos

func (p posRange) Pos() token.Pos { return token.Pos(p) }
func (p posRange) End() token.Pos { return token.Pos(p) }

// mapValues returns the value expressions of a map literal, following a
// variable to the literals and element writes that fill it.
func (c *checker) mapValues(e ast.Expr, depth int) []ast.Expr {
	if depth > 4 {
		return nil
	}
	e = typesx.StripConversions(c.info, e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		var out []ast.Expr
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				out = append(out, kv.Value)
			}
		}
		return out
	case *ast.Ident:
		v, ok := c.info.ObjectOf(x).(*types.Var)
		if !ok {
			return nil
		}
		ws, _ := c.vals.Assignments(v)
		var out []ast.Expr
		for _, w := range ws {
			switch w.Kind {
			case strval.Plain:
				out = append(out, c.mapValues(w.RHS, depth+1)...)
			case strval.Elem:
				out = append(out, w.RHS)
			}
		}
		return out
	}
	return nil
}

// funcBodies returns the functions (FuncLit or FuncDecl nodes) an
// expression denotes: a literal, a declared function or method value, a
// variable assigned one, or the result of a factory returning one.
func (c *checker) funcBodies(e ast.Expr, depth int) []ast.Node {
	if depth > 4 || e == nil {
		return nil
	}
	e = typesx.StripConversions(c.info, e)
	switch x := e.(type) {
	case *ast.FuncLit:
		return []ast.Node{x}
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := typesx.ObjectOf(c.info, x).(type) {
		case *types.Func:
			if d := c.funcDecls[obj.Origin()]; d != nil {
				return []ast.Node{d}
			}
		case *types.Var:
			ws, _ := c.vals.Assignments(obj)
			var out []ast.Node
			for _, w := range ws {
				if w.Kind == strval.Plain {
					out = append(out, c.funcBodies(w.RHS, depth+1)...)
				}
			}
			return out
		}
	case *ast.CallExpr:
		if fn := typesx.Callee(c.info, x); fn != nil {
			if d := c.funcDecls[fn]; d != nil {
				var out []ast.Node
				for _, ret := range c.returns[d] {
					if len(ret.Results) == 1 {
						out = append(out, c.funcBodies(ret.Results[0], depth+1)...)
					}
				}
				return out
			}
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// emission

// emit reports the candidates, one per literal: the most specific rule
// wins, and AV501 yields to an AV502 on the same line (a key computed from
// that literal).
func (c *checker) emit() {
	sort.SliceStable(c.cands, func(i, j int) bool {
		pi, pj := rulePriority[c.cands[i].rule], rulePriority[c.cands[j].rule]
		if pi != pj {
			return pi < pj
		}
		return c.cands[i].node.Pos() < c.cands[j].node.Pos()
	})
	taken := map[token.Pos]bool{}
	type line struct {
		file *token.File
		n    int
	}
	keyLines := map[line]bool{}
	lineOf := func(p token.Pos) line {
		f := c.pass.Fset.File(p)
		if f == nil {
			return line{}
		}
		return line{f, f.Line(p)}
	}
	for _, cd := range c.cands {
		if cd.lit.IsValid() {
			if taken[cd.lit] {
				continue
			}
			if cd.rule == "AV501" && keyLines[lineOf(cd.lit)] {
				continue
			}
		}
		if !c.rep.Enabled(cd.rule) {
			continue // a disabled rule does not hide the literal from the others
		}
		c.rep.Report(lint.Finding{Rule: cd.rule, Node: cd.node, Message: cd.msg})
		if cd.lit.IsValid() {
			taken[cd.lit] = true
			if cd.rule == "AV502" {
				keyLines[lineOf(cd.lit)] = true
			}
		}
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, ch := range b {
		if ch >= 'A' && ch <= 'Z' {
			b[i] = ch + 'a' - 'A'
		}
	}
	return string(b)
}
