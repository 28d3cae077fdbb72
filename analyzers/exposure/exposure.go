// Package exposure defines an Analyzer that reports API handlers that
// expose internals or users to clients: error details in 5xx responses,
// uploaded files stored under the name the client chose, and
// cookie-authenticated state changes open to cross-site requests.
//
// # Analyzer exposure
//
// exposure: report internal error text written to 5xx responses, uploaded
// file names used in filesystem paths and cookie-authenticated state
// changes without CSRF protection (AV901, AV902, AV903)
//
// AV901 follows error text (err.Error(), an error formatted with fmt, an
// error wrapped with fmt.Errorf("...: %w", err) or pkg/errors, a variable,
// map or struct holding such text) into the calls that write a response:
// http.Error, w.Write, fmt.Fprintf(w, ...), io.WriteString and
// json.NewEncoder(w).Encode after w.WriteHeader(code); gin's c.JSON,
// c.String, c.AbortWithStatusJSON and friends; echo's c.JSON, c.String and
// echo.NewHTTPError; fiber's c.Status(code).JSON, SendString and
// fiber.NewError; and the package's own helpers that end in one of them
// (writeError(w, code, err), respond(c, code, body)), through their call
// sites, and the response helpers of other packages of the module through
// their passes/respond summaries (respond.Error(w, 500, err) writes err's
// text with 500). It reports when every status the write can send is 5xx and the
// error comes from something other than the handler's own checks: a
// repository, a service, the database, the filesystem, an interface
// method, a caller of the helper.
//
//	c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // AV901
//	c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})          // ok: 4xx
//
// AV902 follows the client's name of an uploaded file
// (multipart.FileHeader.Filename from r.FormFile, c.FormFile or
// MultipartForm.File, and Part.FileName()) into the path of a filesystem
// call: os.Create, os.OpenFile, os.WriteFile, os.MkdirAll, os.Rename,
// gin's c.SaveUploadedFile, fiber's c.SaveFile, and the package's own
// helpers that pass a path parameter to one of them.
//
//	c.SaveUploadedFile(file, filepath.Join("uploads", file.Filename)) // AV902
//	c.SaveUploadedFile(file, filepath.Join("uploads", uuid.NewString()+filepath.Ext(file.Filename))) // ok
//
// Silent on 4xx responses, generic messages, errors that are only logged,
// errors the handler made itself (errors.New("name is required"), sentinel
// errors, fmt.Errorf without %w of another error), errors that describe
// the request (binding, decoding, strconv, validation), details shown only
// under a debug switch, statuses that can be other than 5xx, and on file
// names passed through filepath.Base, replaced by a generated name, used
// only for their extension, checked for containment (filepath.Rel,
// strings.HasPrefix after filepath.Clean, filepath.IsLocal, a ".." test)
// or stored in a database.
//
// AV903 takes the routes from passes/routes: a POST, PUT, PATCH or DELETE
// route whose chain or handler identifies the caller by a session cookie
// (a session or token cookie read by name, a gorilla/sessions,
// gin-contrib/sessions or scs session value) and that no middleware
// protects against cross-site requests (gorilla/csrf, nosurf, echo's and
// fiber's CSRF, http.CrossOriginProtection, a token, Sec-Fetch-Site or
// Origin check of the module) is reported on its registration, when the
// application is seen to set its session cookie (or build its session
// store) and none with SameSite=Lax or Strict. Silent on
// routes authenticated by a header (Authorization, API keys, basic auth),
// on fiber, on login and logout routes and on chains with middleware it
// cannot identify.
package exposure

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/respond"
	"github.com/apivet/apivet/passes/routes"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var opts = lint.NewOptions('9')

// Analyzer reports AV901, AV902 and AV903.
var Analyzer = &analysis.Analyzer{
	Name:     "exposure",
	Doc:      "report internal error text written to 5xx responses, uploaded file names used in filesystem paths and cookie-authenticated state changes without CSRF protection (AV901, AV902, AV903)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV901.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer, routes.Analyzer, respond.Analyzer},
	Run:      run,
}

func init() { opts.Register(&Analyzer.Flags) }

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	sv    *strval.Result
	resp  *respond.Result
	rep   *lint.Reporter
	decls map[*types.Func]*ast.FuncDecl
	// calls are the call sites of the package's functions; escapes marks
	// those also used as values, whose calls cannot all be seen.
	calls   map[*types.Func][]inspector.Cursor
	escapes map[*types.Func]bool
	// litParams are the parameters of function literals.
	litParams map[*types.Var]bool
	// stmts maps assignment positions to their cursors.
	stmts map[token.Pos]inspector.Cursor
	// fieldWrites are writes into a field of a local variable
	// (resp.Error = err.Error()), by the variable.
	fieldWrites map[types.Object][]ast.Expr
	// memo holds the sources of the package's helpers' error results.
	memo map[memoKey][]source
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	if !rep.Enabled("AV901") && !rep.Enabled("AV902") && !rep.Enabled("AV903") && !rep.Enabled("AV002") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:        pass,
		info:        pass.TypesInfo,
		sv:          pass.ResultOf[strval.Analyzer].(*strval.Result),
		resp:        pass.ResultOf[respond.Analyzer].(*respond.Result),
		rep:         rep,
		decls:       map[*types.Func]*ast.FuncDecl{},
		calls:       map[*types.Func][]inspector.Cursor{},
		escapes:     map[*types.Func]bool{},
		litParams:   map[*types.Var]bool{},
		stmts:       map[token.Pos]inspector.Cursor{},
		fieldWrites: map[types.Object][]ast.Expr{},
		memo:        map[memoKey][]source{},
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}

	// One walk: the call graph of the package's functions, the writes the
	// flows need, and the candidate sinks of both rules.
	var writes []writeSite
	var fsCalls []inspector.Cursor
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.FuncLit)(nil)}
	ncalls := map[*types.Func]int{}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			for _, fld := range n.Type.Params.List {
				for _, name := range fld.Names {
					if v, ok := c.info.Defs[name].(*types.Var); ok {
						c.litParams[v] = true
					}
				}
			}
		case *ast.AssignStmt:
			c.stmts[n.Pos()] = cur
			c.indexFieldWrites(n)
		case *ast.CallExpr:
			fn := typesx.Callee(c.info, n)
			if fn != nil && c.decls[fn] != nil {
				c.calls[fn] = append(c.calls[fn], cur)
				ncalls[fn]++
			}
			if rep.Skipped(n.Pos()) {
				continue
			}
			writes = append(writes, c.writeCall(cur, n, fn)...)
			if fn != nil && fsSinks[typesx.FuncKey(fn)] != nil {
				fsCalls = append(fsCalls, cur)
			}
		case *ast.CompositeLit:
			if rep.Skipped(n.Pos()) {
				continue
			}
			if s, ok := c.resp.Literal(n); ok {
				writes = append(writes, fromSite(cur, s))
			}
		}
	}
	// A function used other than as a callee may be called where we cannot
	// see: its parameters come from anywhere.
	uses := map[*types.Func]int{}
	for _, obj := range c.info.Uses {
		if fn, ok := obj.(*types.Func); ok && c.decls[fn] != nil {
			uses[fn]++
		}
	}
	for fn, n := range uses {
		if n != ncalls[fn] {
			c.escapes[fn] = true
		}
	}

	if rep.Enabled("AV901") {
		for _, w := range writes {
			c.checkWrite(w)
		}
	}
	if rep.Enabled("AV902") {
		for _, cur := range fsCalls {
			c.checkFSCall(cur)
		}
	}
	if rep.Enabled("AV903") {
		c.checkCSRF(pass.ResultOf[routes.Analyzer].(*routes.Result))
	}
	rep.Finish()
	return nil, nil
}

// indexFieldWrites records resp.Error = err.Error() under resp.
func (c *checker) indexFieldWrites(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			continue
		}
		root := sel.X
		for {
			if inner, ok := ast.Unparen(root).(*ast.SelectorExpr); ok {
				root = inner.X
				continue
			}
			break
		}
		if id, ok := ast.Unparen(root).(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && v.Pkg() == c.pass.Pkg && !v.IsField() {
				c.fieldWrites[v] = append(c.fieldWrites[v], as.Rhs[i])
			}
		}
	}
}

// fnOf returns the declared function a cursor lies in directly (nil inside
// a function literal) and the innermost function node.
func fnOf(info *types.Info, cur inspector.Cursor) (*types.Func, ast.Node) {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fd, ok := enc.Node().(*ast.FuncDecl); ok {
			fn, _ := info.Defs[fd.Name].(*types.Func)
			return fn, fd
		}
		return nil, enc.Node()
	}
	return nil, nil
}

// outerBody returns the body of the declaration a cursor lies in (through
// function literals), the scope of containment checks.
func outerBody(cur inspector.Cursor) ast.Node {
	var body ast.Node
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := enc.Node().(type) {
		case *ast.FuncDecl:
			return n.Body
		case *ast.FuncLit:
			body = n.Body
		}
	}
	return body
}

// paramIndex returns the index of v among fn's parameters, or -1; the
// variadic parameter does not count.
func paramIndex(fn *types.Func, v *types.Var) int {
	if fn == nil || v == nil {
		return -1
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			if sig.Variadic() && i == sig.Params().Len()-1 {
				return -1
			}
			return i
		}
	}
	return -1
}

// callersOf returns the call sites through which a helper's parameters
// can be followed; ok is false when some calls cannot be seen.
func (c *checker) callersOf(fn *types.Func) ([]inspector.Cursor, bool) {
	if fn == nil || c.escapes[fn] {
		return nil, false
	}
	cs := c.calls[fn]
	return cs, len(cs) > 0
}

// span is a reported range.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// callRange points at the method name of a chained call, so that
// c.Status(500).\n\tJSON(...) is reported on the JSON line.
func callRange(call *ast.CallExpr) analysis.Range {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return span{sel.Sel.Pos(), call.End()}
	}
	return call
}

// reaching narrows a variable's writes to those that can reach a use: the
// writes before it, from the nearest back to the first one that runs on
// every path to the use (x, err := f() reuses err, and only the latest
// write before the check matters). A use with no write before it (a loop,
// a closure's captured variable) keeps every write.
func (c *checker) reaching(writes []strval.Assignment, use token.Pos) []strval.Assignment {
	var before []strval.Assignment
	for _, w := range writes {
		end := w.Pos
		if cur, ok := c.stmts[w.Pos]; ok {
			end = cur.Node().End() // err = fmt.Errorf("...: %w", err) reads the earlier err
		}
		if end <= use {
			before = append(before, w)
		}
	}
	if len(before) == 0 {
		return writes
	}
	sort.SliceStable(before, func(i, j int) bool { return before[i].Pos > before[j].Pos })
	var out []strval.Assignment
	for _, w := range before {
		out = append(out, w)
		cur, ok := c.stmts[w.Pos]
		if !ok {
			break // a declaration: var err error
		}
		if p := cur.Parent().Node(); p.Pos() <= use && use < p.End() {
			break
		}
	}
	return out
}
