package exposure

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// --- AV902 uploaded file names in filesystem paths ---

// taint is one way the client's file name reaches a value.
type taint struct {
	param *types.Var // a parameter of the function, decided by its callers
	what  string     // "file.Filename"
	// vars are the variables the name went through, for containment checks.
	vars []types.Object
}

const maxTaintDepth = 8

// checkFSCall decides one filesystem call.
func (c *checker) checkFSCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	fn, _ := fnOf(c.info, cur)
	idxs := fsSinks[typesx.FuncKey(typesx.Callee(c.info, call))]
	for _, i := range idxs {
		if i >= len(call.Args) {
			continue
		}
		arg := call.Args[i]
		if c.generated(arg, 0) {
			continue // a UUID, a timestamp or a hash in the path: no client picks it
		}
		for _, t := range c.taints(arg, fn, 0) {
			if c.checked(cur, arg, t.vars) {
				continue
			}
			if t.param == nil {
				c.reportUpload(call, call, t, nil)
				return
			}
			// The name comes from the callers of this helper: report where
			// each of them hands it over, pointing at the filesystem call.
			sites := c.taintSites(fn, t.param, 0, map[*types.Func]bool{})
			for _, st := range sites {
				rel := []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(),
					Message: fmt.Sprintf("the path reaches %s here", typesx.ExprName(call.Fun))}}
				c.reportUpload(st.call, call, st.src, rel)
			}
			if len(sites) > 0 {
				return
			}
		}
	}
}

// reportUpload reports at site (the filesystem call, or the call that hands
// the name to a helper doing it) the use of the name in fsCall.
func (c *checker) reportUpload(site, fsCall *ast.CallExpr, t taint, rel []analysis.RelatedInformation) {
	c.rep.Report(lint.Finding{
		Rule: "AV902",
		Node: callRange(site),
		Message: fmt.Sprintf("%s, the file name the client sent, is used in the path given to %s: the client picks the stored name (\"..\", another upload's name, a dot-file); generate the name (e.g. a UUID plus filepath.Ext) or at least apply filepath.Base",
			t.what, typesx.ExprName(fsCall.Fun)),
		Related: rel,
	})
}

type siteTaint struct {
	call *ast.CallExpr
	src  taint
}

// taintSites lists the call sites, through further helpers, that pass the
// client's file name for param of fn: the calls in the functions that read
// it.
func (c *checker) taintSites(fn *types.Func, param *types.Var, depth int, seen map[*types.Func]bool) []siteTaint {
	if depth > 4 || seen[fn] {
		return nil
	}
	seen[fn] = true
	callers, ok := c.callersOf(fn)
	if !ok {
		return nil
	}
	i := paramIndex(fn, param)
	if i < 0 {
		return nil
	}
	var out []siteTaint
	for _, cur := range callers {
		call := cur.Node().(*ast.CallExpr)
		if i >= len(call.Args) || c.rep.Skipped(call.Pos()) {
			continue
		}
		caller, _ := fnOf(c.info, cur)
		if c.generated(call.Args[i], 0) {
			continue
		}
		for _, t := range c.taints(call.Args[i], caller, 0) {
			if c.checked(cur, call.Args[i], t.vars) {
				continue
			}
			if t.param == nil {
				out = append(out, siteTaint{call, t})
				break
			}
			out = append(out, c.taintSites(caller, t.param, depth+1, seen)...)
		}
	}
	return out
}

// taints finds the client's file name in a path expression.
func (c *checker) taints(e ast.Expr, fn *types.Func, depth int) []taint {
	if depth > maxTaintDepth || e == nil {
		return nil
	}
	e = typesx.StripConversions(c.info, e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if uploadNameFields[typesx.TypeKey(typesx.TypeOf(c.info, x.X))] == x.Sel.Name {
			return []taint{{what: typesx.ExprName(x)}}
		}
		return nil
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(c.taints(x.X, fn, depth+1), c.taints(x.Y, fn, depth+1)...)
		}
	case *ast.CallExpr:
		return c.callTaints(x, fn, depth)
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil || !typesx.IsString(v.Type()) {
			return nil
		}
		if paramIndex(fn, v) >= 0 {
			return []taint{{param: v, vars: []types.Object{v}}}
		}
		if v.Pkg() != c.pass.Pkg || v.Parent() == v.Pkg().Scope() || c.litParams[v] || v.IsField() {
			return nil
		}
		writes, ok := c.sv.Assignments(v)
		if !ok {
			return nil
		}
		writes = c.reaching(writes, x.Pos())
		var out []taint
		for _, w := range writes {
			switch w.Kind {
			case strval.Plain:
				if c.sanitizes(w.RHS) {
					return nil // name = filepath.Base(name)
				}
				if w.Op == token.ASSIGN || w.Op == token.ADD_ASSIGN {
					out = append(out, c.taints(w.RHS, fn, depth+1)...)
				}
			case strval.Tuple:
				if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok {
					out = append(out, c.helperTaints(call, fn, w.Index, depth)...)
				}
			}
		}
		for k := range out {
			out[k].vars = append(out[k].vars, v)
		}
		return out
	}
	return nil
}

// generated reports whether a path includes a generated part: a UUID,
// a timestamp, a random ID or a hash, as a prefix or a directory.
func (c *checker) generated(e ast.Expr, depth int) bool {
	if depth > maxTaintDepth || e == nil {
		return false
	}
	e = typesx.StripConversions(c.info, e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if c.generatorCall(x, 0) {
			return true
		}
		callee := typesx.Callee(c.info, x)
		if callee == nil {
			return false
		}
		if pathBuilders[typesx.FuncKey(callee)] {
			for _, a := range x.Args {
				if c.generated(a, depth+1) {
					return true
				}
			}
			return false
		}
		if decl := c.decls[callee]; decl != nil && decl.Body != nil {
			found := false
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(n.Results) > 0 && c.generated(n.Results[0], depth+1) {
						found = true
					}
				}
				return !found
			})
			return found
		}
	case *ast.BinaryExpr:
		return x.Op == token.ADD && (c.generated(x.X, depth+1) || c.generated(x.Y, depth+1))
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil || v.Pkg() != c.pass.Pkg || v.Parent() == v.Pkg().Scope() || v.IsField() {
			return false
		}
		writes, _ := c.sv.Assignments(v)
		for _, w := range c.reaching(writes, x.Pos()) {
			switch w.Kind {
			case strval.Plain:
				if c.generated(w.RHS, depth+1) {
					return true
				}
			case strval.Tuple:
				if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok && c.generatorCall(call, 0) {
					return true
				}
			}
		}
	}
	return false
}

// generatorCall reports uuid.NewString(), uuid.New().String(),
// time.Now().UnixNano(), strconv.FormatInt(time.Now().Unix(), 10),
// hex.EncodeToString(sum[:]).
func (c *checker) generatorCall(call *ast.CallExpr, depth int) bool {
	if depth > 4 {
		return false
	}
	callee := typesx.Callee(c.info, call)
	if callee != nil {
		if generators[typesx.PkgPath(callee)] || generatorFuncs[typesx.FuncKey(callee)] {
			return true
		}
		if p := typesx.PkgPath(callee); (p == "strconv" || p == "fmt") && typesx.Recv(callee) == nil {
			for _, a := range call.Args {
				if inner, ok := typesx.StripConversions(c.info, a).(*ast.CallExpr); ok && c.generatorCall(inner, depth+1) {
					return true
				}
			}
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
			return c.generatorCall(inner, depth+1) // uuid.New().String()
		}
	}
	return false
}

// sanitizes reports whether an expression reduces or replaces a name:
// filepath.Base, filepath.Ext, any call that is not a path builder.
func (c *checker) sanitizes(e ast.Expr) bool {
	call, ok := typesx.StripConversions(c.info, e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typesx.Callee(c.info, call)
	if fn == nil {
		return false
	}
	key := typesx.FuncKey(fn)
	return key == "path/filepath.Base" || key == "path.Base" || key == "path/filepath.Ext" || key == "path.Ext"
}

// callTaints follows a call: path builders keep the name, the package's
// helpers are looked into, anything else (filepath.Base, filepath.Ext, a
// hash, a sanitizer) replaces it.
func (c *checker) callTaints(call *ast.CallExpr, fn *types.Func, depth int) []taint {
	callee := typesx.Callee(c.info, call)
	if callee == nil {
		return nil
	}
	key := typesx.FuncKey(callee)
	if uploadNameMethods[key] {
		return []taint{{what: typesx.ExprName(call)}}
	}
	if pathBuilders[key] {
		if rootedClean(c, call, key) {
			return nil // filepath.Join("/", name) and Clean("/"+name) drop ".."
		}
		var out []taint
		for _, a := range call.Args {
			out = append(out, c.taints(a, fn, depth+1)...)
		}
		return out
	}
	if c.decls[callee] != nil {
		return c.helperTaints(call, fn, 0, depth)
	}
	return nil
}

// rootedClean reports filepath.Join("/", x) and filepath.Clean("/" + x),
// whose result cannot climb above the root.
func rootedClean(c *checker, call *ast.CallExpr, key string) bool {
	if len(call.Args) == 0 {
		return false
	}
	switch key {
	case "path/filepath.Join", "path.Join":
		s, ok := c.sv.String(call.Args[0])
		return ok && s == "/" && len(call.Args) > 1
	case "path/filepath.Clean", "path.Clean":
		if b, ok := ast.Unparen(call.Args[0]).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			s, ok := c.sv.String(b.X)
			return ok && strings.HasPrefix(s, "/")
		}
	}
	return false
}

// helperTaints follows the name through a helper of the package that
// returns a path built from its parameters.
func (c *checker) helperTaints(call *ast.CallExpr, fn *types.Func, index, depth int) []taint {
	callee := typesx.Callee(c.info, call)
	decl := c.decls[callee]
	if decl == nil || decl.Body == nil || depth > maxTaintDepth {
		return nil
	}
	var inner []taint
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if index < len(n.Results) && (len(n.Results) > 1 || index == 0) {
				for _, t := range c.taints(n.Results[index], callee, depth+1) {
					if !c.checkedIn(decl.Body, t.vars) {
						inner = append(inner, t)
					}
				}
			}
		}
		return true
	})
	var out []taint
	for _, t := range inner {
		if t.param == nil {
			out = append(out, taint{what: t.what})
			continue
		}
		i := paramIndex(callee, t.param)
		if i < 0 || i >= len(call.Args) {
			continue
		}
		out = append(out, c.taints(call.Args[i], fn, depth+1)...)
	}
	return out
}

// checked reports whether the function around cur checks the path or
// one of the variables the name went through before using it.
func (c *checker) checked(cur inspector.Cursor, arg ast.Expr, vars []types.Object) bool {
	body := outerBody(cur)
	if body == nil {
		return false
	}
	objs := append([]types.Object(nil), vars...)
	ast.Inspect(arg, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && typesx.IsString(v.Type()) {
				objs = append(objs, v)
			}
		}
		return true
	})
	return c.checkedIn(body, objs)
}

// checkedIn reports whether body calls a containment check (or a helper
// of the package named like one: isSafePath, validateName) on one of objs.
func (c *checker) checkedIn(body ast.Node, objs []types.Object) bool {
	want := map[types.Object]bool{}
	for _, o := range objs {
		want[o] = true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := typesx.Callee(c.info, call)
		if fn == nil {
			return true
		}
		if !containmentChecks[typesx.FuncKey(fn)] && !checkerName(fn.Name()) {
			return true
		}
		for _, a := range call.Args {
			ast.Inspect(a, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.Ident:
					if want[c.info.Uses[m]] {
						found = true
					}
				case *ast.SelectorExpr, *ast.CallExpr:
					if e := m.(ast.Expr); c.isUploadName(e) {
						found = true // strings.Contains(file.Filename, "..")
					}
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// isUploadName reports file.Filename and part.FileName() themselves.
func (c *checker) isUploadName(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		return uploadNameFields[typesx.TypeKey(typesx.TypeOf(c.info, x.X))] == x.Sel.Name
	case *ast.CallExpr:
		return uploadNameMethods[typesx.FuncKey(typesx.Callee(c.info, x))]
	}
	return false
}

// checkerWords name the package's own path checks.
var checkerWords = []string{"safe", "valid", "sanitiz", "sanitis", "allowed", "within", "inside", "contain", "check", "verify", "secure"}

func checkerName(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range checkerWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
