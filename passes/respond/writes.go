package respond

import (
	"go/ast"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/ast/inspector"
)

// Site is one call (or error literal) that writes a response body.
type Site struct {
	Node ast.Node // the call or the literal
	// Name is how messages name it: "c.JSON", "echo.NewHTTPError".
	Name string
	// Status is the status expression, nil when none is given (fiber
	// without Status, net/http without WriteHeader: 200) or when Code
	// holds it.
	Status ast.Expr
	// Code is a fixed status a helper of the module writes (from its
	// summary), 0 otherwise.
	Code int64
	Body []Arg
	// Returned is set when the framework's error handler writes it
	// (echo.NewHTTPError, fiber.NewError).
	Returned bool
	// Helper is set for a call of a response helper of another package
	// of the module, with the summary entry the site comes from.
	Helper *Write
}

// Arg is a written argument.
type Arg struct {
	E ast.Expr
	// Text is set when an error value here is written as its text
	// (fmt's verbs, echo's HTTPError message), rather than encoded as
	// JSON (where an error without exported fields is {}).
	Text bool
}

// recognizer finds the library calls that write a response.
type recognizer struct {
	info *types.Info
	sv   *strval.Result
}

// Call recognises a library call that writes a response body:
// http.Error, w.Write, fmt.Fprintf(w, ...), json.NewEncoder(w).Encode,
// gin's c.JSON family, echo's c.JSON and echo.NewHTTPError, fiber's
// c.Status(code).JSON and fiber.NewError. Calls of the module's own
// helpers are Helper's business.
func (r *Result) Call(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) (Site, bool) {
	return r.rec.call(cur, call, fn)
}

// Literal recognises &echo.HTTPError{Code: 500, Message: ...}.
func (r *Result) Literal(lit *ast.CompositeLit) (Site, bool) {
	return r.rec.literal(lit)
}

// IsResponseWriter reports whether t has http.ResponseWriter's methods.
func (r *Result) IsResponseWriter(t types.Type) bool {
	return r.rec.isResponseWriter(t)
}

// MarshalArg returns the argument a marshaler encodes
// (json.Marshal(payload)): the text it holds stays in the result.
func MarshalArg(fn *types.Func) (int, bool) {
	i, ok := marshalers[typesx.FuncKey(fn)]
	return i, ok
}

func (c *recognizer) call(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) (Site, bool) {
	if fn == nil {
		return Site{}, false
	}
	key := typesx.FuncKey(fn)
	name := typesx.ExprName(call.Fun)
	if enc, ok := encoders[key]; ok && len(call.Args) == 1 {
		// json.NewEncoder(w).Encode(v), enc.Encode(v)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return Site{}, false
		}
		w := c.encoderWriter(sel.X, enc)
		if w == nil {
			return Site{}, false
		}
		st, _ := c.statusBefore(cur, w)
		return Site{Node: call, Name: name, Status: st, Body: []Arg{{E: call.Args[0]}}}, true
	}
	wr, ok := writers[key]
	if !ok {
		// w.Write on any http.ResponseWriter (gin's c.Writer included).
		if recv := typesx.Recv(fn); recv != nil && (fn.Name() == "Write" || fn.Name() == "WriteString") && len(call.Args) == 1 {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.isResponseWriter(typesx.TypeOf(c.info, sel.X)) {
				st, _ := c.statusBefore(cur, sel.X)
				return Site{Node: call, Name: name, Status: st, Body: []Arg{{E: call.Args[0]}}}, true
			}
		}
		return Site{}, false
	}
	if responseWriterFuncs[key] && (len(call.Args) == 0 || !c.isResponseWriter(typesx.TypeOf(c.info, call.Args[0]))) {
		return Site{}, false
	}
	ws := Site{Node: call, Name: name, Returned: wr.returned}
	switch {
	case wr.status >= 0:
		if wr.status >= len(call.Args) {
			return Site{}, false
		}
		ws.Status = call.Args[wr.status]
	case responseWriterFuncs[key]:
		ws.Status, _ = c.statusBefore(cur, call.Args[0])
	default:
		// fiber: c.Status(code).JSON(v), or c.Status(code) before.
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return Site{}, false
		}
		if st, ok := c.chainedStatus(sel.X); ok {
			ws.Status = st
		} else {
			ws.Status, _ = c.statusBefore(cur, sel.X)
		}
	}
	for i, idx := range wr.body {
		last := i == len(wr.body)-1
		for j := idx; j < len(call.Args); j++ {
			ws.Body = append(ws.Body, Arg{E: call.Args[j], Text: wr.errors})
			if !(last && wr.variadic) {
				break
			}
		}
	}
	return ws, true
}

func (c *recognizer) literal(lit *ast.CompositeLit) (Site, bool) {
	fields, ok := errorLiterals[typesx.TypeKey(typesx.TypeOf(c.info, lit))]
	if !ok {
		return Site{}, false
	}
	ws := Site{Node: lit, Name: types.ExprString(lit.Type), Returned: true}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return Site{}, false
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
		case key.Name == fields.code:
			ws.Status = kv.Value
		case key.Name == fields.message:
			ws.Body = append(ws.Body, Arg{E: kv.Value, Text: true})
		}
	}
	return ws, ws.Status != nil && len(ws.Body) > 0
}

func (c *recognizer) isResponseWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	if typesx.TypeKey(t) == pkgHTTP+".ResponseWriter" {
		return true
	}
	for _, m := range []string{"Header", "Write", "WriteHeader"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m)
		if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	return true
}

// encoderWriter returns the response writer an encoder writes to:
// json.NewEncoder(w), or a variable assigned it.
func (c *recognizer) encoderWriter(e ast.Expr, ctor string) ast.Expr {
	for i := 0; i < 4; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if typesx.FuncKey(typesx.Callee(c.info, x)) == ctor && len(x.Args) == 1 && c.isResponseWriter(typesx.TypeOf(c.info, x.Args[0])) {
				return x.Args[0]
			}
			return nil
		case *ast.Ident:
			v, _ := c.info.Uses[x].(*types.Var)
			if v == nil {
				return nil
			}
			writes, ok := c.sv.Assignments(v)
			if !ok || len(writes) != 1 || writes[0].Kind != strval.Plain {
				return nil
			}
			e = writes[0].RHS
		default:
			return nil
		}
	}
	return nil
}

// chainedStatus returns code in c.Status(code).JSON(...).
func (c *recognizer) chainedStatus(recv ast.Expr) (ast.Expr, bool) {
	for i := 0; i < 4; i++ {
		call, ok := ast.Unparen(recv).(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		key := typesx.FuncKey(typesx.Callee(c.info, call))
		if statusSetters[key] && len(call.Args) == 1 {
			return call.Args[0], true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		recv = sel.X // c.Set(...).Status(...)
	}
	return nil, false
}

// statusBefore finds the status set on a writer by a statement that runs
// before the write on every path: w.WriteHeader(code) or c.Status(code)
// earlier in the same block or an enclosing one.
func (c *recognizer) statusBefore(cur inspector.Cursor, writer ast.Expr) (ast.Expr, bool) {
	obj := rootObject(c.info, writer)
	if obj == nil {
		return nil, false
	}
	for anc := cur; anc.Valid(); anc = anc.Parent() {
		switch anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File:
			return nil, false
		}
		if _, ok := anc.Node().(ast.Stmt); !ok {
			continue
		}
		for prev, ok := anc.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
			es, ok := prev.Node().(*ast.ExprStmt)
			if !ok {
				continue
			}
			call, ok := ast.Unparen(es.X).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				continue
			}
			if !statusSetters[typesx.FuncKey(typesx.Callee(c.info, call))] {
				continue
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if ok && rootObject(c.info, sel.X) == obj {
				return call.Args[0], true
			}
		}
	}
	return nil, false
}

// rootObject returns the variable at the root of w, c.Writer, h.w.
func rootObject(info *types.Info, e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.ObjectOf(x)
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
				e = x.X
				continue
			}
			return info.ObjectOf(x.Sel)
		default:
			return nil
		}
	}
}
