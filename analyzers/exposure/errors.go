package exposure

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/internal/web"
	"github.com/apivet/apivet/passes/respond"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// --- AV901 internal error details in 5xx responses ---

// writeSite is one call (or error literal) that writes a response body.
type writeSite struct {
	cur    inspector.Cursor
	node   ast.Node // the call or the literal
	name   string   // how the message names it: "c.JSON", "echo.NewHTTPError"
	status ast.Expr // nil when no status is given (fiber without Status, net/http without WriteHeader: 200)
	body   []bodyArg
	// returned is set when the framework's error handler writes it.
	returned bool
	// fixed is the status a helper of another package writes itself.
	fixed int64
}

type bodyArg struct {
	e    ast.Expr
	text bool // an error value here is written as its text
}

// source is where written error text comes from.
type source struct {
	// param is set when the text comes from a parameter of the function
	// holding the write: the error itself (text) or a payload holding
	// text, decided by the helper's callers.
	param *types.Var
	text  bool
	what  string // "err.Error()", "the text of err"
}

// status is what a write's status code can be.
type status struct {
	codes []int64
	param *types.Var // the status is this parameter of the function
}

func (s status) all5xx() bool {
	if len(s.codes) == 0 {
		return false
	}
	for _, c := range s.codes {
		if c < 500 || c > 599 {
			return false
		}
	}
	return true
}

type memoKey struct {
	fn    *types.Func
	index int
}

const maxErrDepth = 6

// writeCall recognises the calls that write a response body: library
// writers (passes/respond), the response helpers of other packages of the
// module (their HelperFacts), and unmodelled packages handed a responder,
// a 5xx status and error text.
func (c *checker) writeCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) []writeSite {
	if fn == nil {
		return nil
	}
	if s, ok := c.resp.Call(cur, call, fn); ok {
		return []writeSite{fromSite(cur, s)}
	}
	if c.decls[fn] != nil {
		return nil // the package's own helpers are followed through their writes
	}
	if ws, ok := c.helperWrites(cur, call, fn); ok {
		return ws
	}
	if c.inModule(fn) {
		return nil // a function of the module without a summary writes no parameter
	}
	if ws, ok := c.unknownWriter(cur, call, fn); ok {
		return []writeSite{ws}
	}
	return nil
}

// inModule reports whether fn belongs to the module under analysis, whose
// response helpers passes/respond summarises.
func (c *checker) inModule(fn *types.Func) bool {
	m := c.pass.Module
	if m == nil || m.Path == "" || fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	return p == m.Path || strings.HasPrefix(p, m.Path+"/")
}

func fromSite(cur inspector.Cursor, s respond.Site) writeSite {
	ws := writeSite{cur: cur, node: s.Node, name: s.Name, status: s.Status, returned: s.Returned}
	for _, a := range s.Body {
		ws.body = append(ws.body, bodyArg{e: a.E, text: a.Text})
	}
	return ws
}

// helperWrites turns a call of another package's response helper into
// the writes its HelperFact describes: respond.Error(w, 500, err) writes
// err's text with status 500. A helper that writes an error parameter's
// text with a fixed 5xx status (respond.Internal(w, err)) is reported in
// its own package, whose callers it cannot see; its call sites stay
// silent. ok is false when fn has no summary: not a helper of the module.
func (c *checker) helperWrites(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) ([]writeSite, bool) {
	hw := c.resp.Helper(fn)
	if hw == nil {
		return nil, false
	}
	var out []writeSite
	sig := fn.Signature()
	for _, w := range hw {
		if w.Param >= len(call.Args) || w.Param >= sig.Params().Len() {
			continue
		}
		ws := writeSite{cur: cur, node: call, name: typesx.ExprName(call.Fun), body: []bodyArg{{e: call.Args[w.Param], text: w.Text}}}
		if w.Status >= 0 {
			if w.Status >= len(call.Args) {
				continue
			}
			ws.status = call.Args[w.Status]
		} else {
			if w.Text && errorType(sig.Params().At(w.Param).Type()) {
				continue
			}
			ws.fixed = w.Code
		}
		out = append(out, ws)
	}
	return out, true
}

// unknownWriter recognises a call of a package this analyzer does not
// model that is handed a responder (w, c), a 5xx status written as such
// (http.StatusInternalServerError, 500, statusCode) and error text:
// httputil.RespondWithError(w, http.StatusInternalServerError, err.Error()).
// A function given all three writes the text; an error value alone may
// only be logged, so only text and payloads holding text count.
func (c *checker) unknownWriter(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) (writeSite, bool) {
	path := typesx.PkgPath(fn)
	if path == "" || knownPkgs[path] || !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		return writeSite{}, false // the standard library and modelled frameworks
	}
	responder := -2
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && typesx.Recv(fn) != nil && c.isResponder(typesx.TypeOf(c.info, sel.X)) {
		responder = -1
	}
	statusArg := -1
	for i, a := range call.Args {
		t := typesx.TypeOf(c.info, a)
		switch {
		case responder == -2 && c.isResponder(t):
			responder = i
		case statusArg < 0 && isInteger(t) && statusLike(a):
			statusArg = i
		}
	}
	if responder == -2 || statusArg < 0 {
		return writeSite{}, false
	}
	ws := writeSite{cur: cur, node: call, name: typesx.ExprName(call.Fun), status: call.Args[statusArg]}
	for i, a := range call.Args {
		if i == responder || i == statusArg {
			continue
		}
		ws.body = append(ws.body, bodyArg{e: a})
	}
	return ws, len(ws.body) > 0
}

func (c *checker) isResponder(t types.Type) bool {
	return t != nil && (responders[typesx.TypeKey(t)] || c.resp.IsResponseWriter(t))
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// statusLike reports an expression written as a status code:
// http.StatusBadGateway, fiber.StatusInternalServerError, 503, status,
// code, httpCode.
func statusLike(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.SelectorExpr:
		if strings.HasPrefix(x.Sel.Name, "Status") {
			return true
		}
		return statusName(x.Sel.Name)
	case *ast.Ident:
		return statusName(x.Name)
	}
	return false
}

func statusName(name string) bool {
	for _, w := range typesx.NameWords(name) {
		if w == "status" || w == "code" {
			return true
		}
	}
	return false
}

// statusOf says what a status expression can be in fn.
func (c *checker) statusOf(e ast.Expr, fn *types.Func) status {
	if e == nil {
		return status{codes: []int64{200}}
	}
	if v, ok := typesx.ObjectOf(c.info, ast.Unparen(e)).(*types.Var); ok && paramIndex(fn, v) >= 0 {
		return status{param: v}
	}
	val := c.sv.Eval(e)
	if val == nil || val.Many {
		return status{}
	}
	return status{codes: val.Int64s()}
}

// checkWrite decides one write.
func (c *checker) checkWrite(w writeSite) {
	fn, _ := fnOf(c.info, w.cur)
	if c.debugOnly(w.cur) {
		return
	}
	st := c.statusOf(w.status, fn)
	if w.fixed != 0 {
		st = status{codes: []int64{w.fixed}}
	}
	if st.param == nil && !st.all5xx() {
		return
	}
	var srcs []source
	for _, b := range w.body {
		srcs = append(srcs, c.textSources(b.e, fn, b.text, 0)...)
	}
	verb := "is written to the client"
	by := "by " + w.name
	if w.returned {
		by = "through " + w.name + " (the error handler writes its message)"
	}
	c.propagate(fn, w.node, srcs, st, verb, by, 0, map[ast.Node]bool{})
}

// propagate reports concrete error text written with a 5xx status. When
// a helper fixes the status itself (internalError(w, err) answering 500)
// the helper is what to fix: it is reported at its write when a caller
// hands it an internal error. When the status is the helper's parameter
// (writeError(w, code, err)), each call site decides, and the finding is
// on the call that passes a 5xx and an internal error.
func (c *checker) propagate(fn *types.Func, node ast.Node, srcs []source, st status, verb, by string, depth int, seen map[ast.Node]bool) {
	if depth > maxErrDepth || seen[node] {
		return
	}
	seen[node] = true
	for _, s := range srcs {
		switch {
		case s.param == nil && st.all5xx():
			c.report(node, s, st, verb, by)
			return
		case st.param == nil:
			if s.param != nil && st.all5xx() && c.paramLeaks(fn, s, 0, map[*types.Func]bool{}) {
				c.report(node, s, st, verb, by)
				return
			}
			continue
		}
		// The status is a parameter: each call site decides.
		callers, ok := c.callersOf(fn)
		if !ok {
			continue
		}
		for _, cur := range callers {
			call := cur.Node().(*ast.CallExpr)
			if c.debugOnly(cur) || c.rep.Skipped(call.Pos()) {
				continue
			}
			caller, _ := fnOf(c.info, cur)
			i := paramIndex(fn, st.param)
			if i < 0 || i >= len(call.Args) {
				continue
			}
			cst := c.statusOf(call.Args[i], caller)
			if cst.param == nil && !cst.all5xx() {
				continue
			}
			csrcs := []source{s}
			if s.param != nil {
				j := paramIndex(fn, s.param)
				if j < 0 || j >= len(call.Args) {
					continue
				}
				csrcs = c.textSources(call.Args[j], caller, s.text, 0)
			}
			c.propagate(caller, call, csrcs, cst, "is written to the client", "by "+typesx.ExprName(call.Fun), depth+1, seen)
		}
	}
}

// paramLeaks reports whether some caller of fn passes, for the parameter
// source s, an internal error (or text of one), through further helpers.
// A helper whose callers cannot all be seen (exported, used as a value:
// an error handler) is taken to receive internal errors when the parameter
// is an error written as text.
func (c *checker) paramLeaks(fn *types.Func, s source, depth int, seen map[*types.Func]bool) bool {
	if depth > maxErrDepth || seen[fn] {
		return false
	}
	seen[fn] = true
	callers, ok := c.callersOf(fn)
	if !ok {
		return s.text && errorType(s.param.Type())
	}
	i := paramIndex(fn, s.param)
	if i < 0 {
		return false
	}
	for _, cur := range callers {
		call := cur.Node().(*ast.CallExpr)
		if i >= len(call.Args) || c.debugOnly(cur) || c.rep.Skipped(call.Pos()) {
			continue
		}
		caller, _ := fnOf(c.info, cur)
		for _, cs := range c.textSources(call.Args[i], caller, s.text, 0) {
			if cs.param == nil || c.paramLeaks(caller, cs, depth+1, seen) {
				return true
			}
		}
	}
	return false
}

func (c *checker) report(node ast.Node, s source, st status, verb, by string) {
	rng := analysis.Range(node)
	if call, ok := node.(*ast.CallExpr); ok {
		rng = callRange(call)
	}
	c.rep.Report(lint.Finding{
		Rule: "AV901",
		Node: rng,
		Message: fmt.Sprintf("%s %s with status %d %s: internal details leak to the caller; log the error and return a generic message",
			s.what, verb, st.codes[0], by),
	})
}

// errorType reports whether t implements error.
func errorType(t types.Type) bool {
	if t == nil {
		return false
	}
	return types.Implements(t, errorIface) || types.Implements(types.NewPointer(t), errorIface) && !types.IsInterface(t)
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// textSources finds the error text in a written value. text says whether
// an error value itself is written as its text here.
func (c *checker) textSources(e ast.Expr, fn *types.Func, text bool, depth int) []source {
	if depth > maxErrDepth || e == nil {
		return nil
	}
	e = typesx.StripConversions(c.info, e)
	t := typesx.TypeOf(c.info, e)
	if t != nil && errorType(t) && !typesx.IsString(t) {
		if !text {
			return nil // encoded as JSON: an error without exported fields is {}
		}
		srcs := c.errSources(e, fn, 0)
		for k := range srcs {
			srcs[k].what = "the text of " + typesx.ExprName(e)
		}
		return srcs
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		return c.callText(x, fn, text, depth)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(c.textSources(x.X, fn, text, depth+1), c.textSources(x.Y, fn, text, depth+1)...)
		}
	case *ast.CompositeLit:
		var out []source
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			out = append(out, c.textSources(elt, fn, false, depth+1)...)
		}
		return out
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.textSources(x.X, fn, text, depth+1)
		}
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil {
			return nil
		}
		if paramIndex(fn, v) >= 0 {
			return []source{{param: v, text: text}}
		}
		if v.Pkg() != c.pass.Pkg || v.Parent() == v.Pkg().Scope() || c.litParams[v] {
			return nil
		}
		return c.varText(v, x.Pos(), fn, text, depth)
	}
	return nil
}

// varText follows a local variable holding text or a payload.
func (c *checker) varText(v *types.Var, use token.Pos, fn *types.Func, text bool, depth int) []source {
	writes, ok := c.sv.Assignments(v)
	writes = c.reaching(writes, use)
	if !ok && len(c.fieldWrites[v]) == 0 {
		return nil
	}
	var out []source
	for _, w := range writes {
		if c.writeDebugOnly(w.Pos) {
			continue
		}
		switch w.Kind {
		case strval.Plain:
			if w.Op == token.ASSIGN || w.Op == token.ADD_ASSIGN {
				out = append(out, c.textSources(w.RHS, fn, text, depth+1)...)
			}
		case strval.Elem:
			out = append(out, c.textSources(w.RHS, fn, false, depth+1)...)
		case strval.Tuple:
			if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok {
				if i, ok := respond.MarshalArg(typesx.Callee(c.info, call)); ok && w.Index == 0 && i < len(call.Args) {
					out = append(out, c.textSources(call.Args[i], fn, false, depth+1)...)
					continue
				}
				out = append(out, c.helperResults(call, fn, w.Index, text, depth)...)
			}
		}
	}
	for _, rhs := range c.fieldWrites[v] {
		if c.writeDebugOnly(rhs.Pos()) {
			continue
		}
		out = append(out, c.textSources(rhs, fn, false, depth+1)...)
	}
	return out
}

// callText finds error text in a call's result: err.Error(),
// fmt.Sprintf("...: %v", err), strings.Join, a helper building the body.
func (c *checker) callText(call *ast.CallExpr, fn *types.Func, text bool, depth int) []source {
	callee := typesx.Callee(c.info, call)
	if callee == nil {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "recover" {
			if _, ok := c.info.Uses[id].(*types.Builtin); ok && text {
				return []source{{what: "the recovered panic value"}}
			}
		}
		return nil
	}
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if callee.Name() == "Error" && sel != nil && isErrorMethod(callee) {
		if errorType(typesx.TypeOf(c.info, sel.X)) {
			srcs := c.errSources(sel.X, fn, depth+1)
			for k := range srcs {
				srcs[k].what = typesx.ExprName(sel.X) + ".Error()"
			}
			return srcs
		}
		return nil
	}
	path := typesx.PkgPath(callee)
	if typesx.Recv(callee) == nil && (path == "fmt" || path == "strings") {
		var out []source
		for _, a := range call.Args {
			out = append(out, c.textSources(a, fn, true, depth+1)...)
		}
		return out
	}
	if c.decls[callee] != nil {
		return c.helperResults(call, fn, 0, text, depth)
	}
	return nil
}

func isErrorMethod(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Recv() != nil && sig.Params().Len() == 0 && sig.Results().Len() == 1 && typesx.IsString(sig.Results().At(0).Type())
}

// helperResults finds error text in what a helper of the package returns
// (errorBody(err) returning gin.H{"error": err.Error()}), mapping its
// parameters to the call's arguments.
func (c *checker) helperResults(call *ast.CallExpr, fn *types.Func, index int, text bool, depth int) []source {
	callee := typesx.Callee(c.info, call)
	decl := c.decls[callee]
	if decl == nil || decl.Body == nil || depth > maxErrDepth {
		return nil
	}
	var inner []source
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if index < len(n.Results) && len(n.Results) > 1 || index == 0 && len(n.Results) == 1 {
				inner = append(inner, c.textSources(n.Results[index], callee, text, depth+1)...)
			}
		}
		return true
	})
	return c.mapParams(inner, callee, call, fn, depth)
}

// mapParams replaces a callee's parameter sources by the sources of the
// call's arguments.
func (c *checker) mapParams(inner []source, callee *types.Func, call *ast.CallExpr, fn *types.Func, depth int) []source {
	var out []source
	for _, s := range inner {
		if s.param == nil {
			out = append(out, s)
			continue
		}
		i := paramIndex(callee, s.param)
		if i < 0 || i >= len(call.Args) {
			continue
		}
		out = append(out, c.textSources(call.Args[i], fn, s.text, depth+1)...)
	}
	return out
}

// errSources decides where an error value comes from: nothing when the
// handler made it (errors.New, a sentinel) or it describes the request;
// a parameter; or a concrete internal error.
func (c *checker) errSources(e ast.Expr, fn *types.Func, depth int) []source {
	if depth > maxErrDepth || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	what := typesx.ExprName(e)
	switch x := e.(type) {
	case *ast.Ident:
		switch obj := c.info.Uses[x].(type) {
		case *types.Nil:
			return nil
		case *types.Var:
			if paramIndex(fn, obj) >= 0 {
				return []source{{param: obj, text: true}}
			}
			if c.litParams[obj] {
				// An error handler's parameter (fiber's ErrorHandler,
				// echo's HTTPErrorHandler), a closure's: any error.
				return []source{{what: what}}
			}
			if obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() || obj.Pkg() != c.pass.Pkg {
				return nil // a sentinel error: fixed text
			}
			if _, _, isParam := c.sv.Param(obj); isParam {
				return nil // a parameter of an enclosing declaration seen from a closure
			}
			return c.varErrSources(obj, x.Pos(), fn, what, depth)
		}
		return nil
	case *ast.SelectorExpr:
		switch obj := typesx.ObjectOf(c.info, x).(type) {
		case *types.Var:
			if !obj.IsField() {
				return nil // store.ErrNotFound, sql.ErrNoRows: fixed text
			}
			return []source{{what: what}}
		}
		return nil
	case *ast.CallExpr:
		return c.callErrSources(x, fn, 0, depth)
	}
	return nil
}

func (c *checker) varErrSources(v *types.Var, use token.Pos, fn *types.Func, what string, depth int) []source {
	writes, ok := c.sv.Assignments(v)
	if !ok {
		return nil // errors.As(err, &target): a typed error the code chose
	}
	writes = c.reaching(writes, use)
	var out []source
	for _, w := range writes {
		switch w.Kind {
		case strval.Plain:
			if w.Op == token.ASSIGN {
				out = append(out, c.errSources(w.RHS, fn, depth+1)...)
			}
		case strval.Tuple:
			if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok {
				out = append(out, c.callErrSources(call, fn, w.Index, depth+1)...)
			}
		}
	}
	for k := range out {
		if out[k].param == nil {
			out[k].what = what
		}
	}
	return out
}

// callErrSources decides the error result (at index) of a call.
func (c *checker) callErrSources(call *ast.CallExpr, fn *types.Func, index, depth int) []source {
	callee := typesx.Callee(c.info, call)
	what := typesx.ExprName(call)
	if callee == nil {
		if typesx.IsConversion(c.info, call) {
			return c.errSources(call.Args[0], fn, depth+1)
		}
		return []source{{what: what}}
	}
	key := typesx.FuncKey(callee)
	switch {
	case ownErrors[key]:
		var out []source
		for _, a := range call.Args {
			if t := typesx.TypeOf(c.info, a); t != nil && errorType(t) && !typesx.IsString(t) {
				out = append(out, c.errSources(a, fn, depth+1)...)
			}
		}
		return out
	case clientErrors[key], clientErrorPkgs[typesx.PkgPath(callee)], responseErrors[key]:
		return nil
	case validates(callee.Name()):
		return nil
	}
	if _, ok := web.BindTarget(c.info, call); ok {
		return nil
	}
	if bodyReaders[key] && c.readsRequest(call) {
		return nil
	}
	if decl := c.decls[callee]; decl != nil && decl.Body != nil {
		return c.mapErrParams(c.returnedErrors(callee, index, depth), callee, call, fn, depth)
	}
	return []source{{what: what}}
}

// readsRequest reports whether a call's arguments read the request body.
func (c *checker) readsRequest(call *ast.CallExpr) bool {
	found := false
	for _, a := range call.Args {
		ast.Inspect(a, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
				if _, ok := web.RequestInput(c.info, sel); ok {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

func validates(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range validateWords {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// returnedErrors are the sources of a helper's error result, in the
// helper's own terms (its parameters unmapped).
func (c *checker) returnedErrors(fn *types.Func, index, depth int) []source {
	key := memoKey{fn, index}
	if m, ok := c.memo[key]; ok {
		return m
	}
	c.memo[key] = nil // a recursive helper adds nothing of its own
	decl := c.decls[fn]
	var out []source
	errIndex := index
	res := fn.Signature().Results()
	if res.Len() == 1 {
		errIndex = 0
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == res.Len() && errIndex < len(n.Results):
				out = append(out, c.errSources(n.Results[errIndex], fn, depth+1)...)
			case len(n.Results) == 1 && res.Len() > 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					out = append(out, c.callErrSources(call, fn, errIndex, depth+1)...)
				}
			case len(n.Results) == 0 && res.Len() > errIndex && res.At(errIndex).Name() != "":
				out = append(out, c.varErrSources(res.At(errIndex), n.Pos(), fn, res.At(errIndex).Name(), depth+1)...)
			}
		}
		return true
	})
	c.memo[key] = out
	return out
}

func (c *checker) mapErrParams(inner []source, callee *types.Func, call *ast.CallExpr, fn *types.Func, depth int) []source {
	var out []source
	what := typesx.ExprName(call)
	for _, s := range inner {
		if s.param == nil {
			s.what = what
			out = append(out, s)
			continue
		}
		i := paramIndex(callee, s.param)
		if i < 0 || i >= len(call.Args) {
			continue
		}
		out = append(out, c.errSources(call.Args[i], fn, depth+1)...)
	}
	return out
}

// debugOnly reports whether the statement at cur runs only under a debug
// or development switch: if cfg.Debug { ... }, if gin.IsDebugging() { ... }.
func (c *checker) debugOnly(cur inspector.Cursor) bool {
	child := cur
	for anc := cur.Parent(); anc.Valid(); child, anc = anc, anc.Parent() {
		switch n := anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File:
			return false
		case *ast.IfStmt:
			if child.Node() == n.Body && debugCond(c.info, n.Cond) {
				return true
			}
		}
	}
	return false
}

func (c *checker) writeDebugOnly(pos token.Pos) bool {
	cur, ok := c.stmts[pos]
	return ok && c.debugOnly(cur)
}

// debugCond reports whether a condition names a debug or development mode.
func debugCond(info *types.Info, cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.Ident:
			for _, w := range typesx.NameWords(x.Name) {
				if debugWords[w] {
					found = true
				}
			}
			if debugWords[strings.ToLower(x.Name)] {
				found = true
			}
		case *ast.BasicLit:
			if tv, ok := info.Types[x]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				s := strings.ToLower(constant.StringVal(tv.Value))
				if debugWords[s] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
