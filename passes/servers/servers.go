// Package servers defines an Analyzer that records, for the module's
// functions that build and return an echo or fiber server, whether they
// give it a read timeout.
//
// # Analyzer servers
//
// servers: whether functions returning an *echo.Echo or *fiber.App set a
// read timeout
//
// echo.New() serves with a bare http.Server and fiber.New() with fasthttp
// and no ReadTimeout unless the code says otherwise. When a package starts
// a server another package built (ops.New(store).Listen(addr)), the
// ServerFact of the constructor says whether that package set a timeout:
// e.Server.ReadHeaderTimeout / ReadTimeout written (or e.Server replaced),
// or a fiber.Config with a ReadTimeout. Unknown configuration counts as
// set, so that only a constructor seen to leave the default is reported.
package servers

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer exports ServerFacts.
var Analyzer = &analysis.Analyzer{
	Name:             "servers",
	Doc:              "whether functions returning an *echo.Echo or *fiber.App set a read timeout",
	URL:              "https://github.com/apivet/apivet/tree/main/passes/servers",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
	FactTypes:        []analysis.Fact{(*ServerFact)(nil)},
}

const (
	echoType  = "github.com/labstack/echo/v4.Echo"
	fiberType = "github.com/gofiber/fiber/v2.App"
	fiberNew  = "github.com/gofiber/fiber/v2.New"
	echoNew   = "github.com/labstack/echo/v4.New"
)

// ServerFact says whether a constructor's server has a read timeout.
type ServerFact struct {
	Kind  string // "echo" or "fiber"
	Timed bool   // a read timeout is set, or the configuration is not known
}

// AFact marks ServerFact as an analysis fact.
func (*ServerFact) AFact() {}

func (f *ServerFact) String() string {
	if f.Timed {
		return "servers " + f.Kind + " timed"
	}
	return "servers " + f.Kind + " untimed"
}

// Result looks constructors up.
type Result struct {
	pass  *analysis.Pass
	local map[*types.Func]*ServerFact
}

// Constructor returns what is known of fn's server, if fn is a constructor
// of the module that returns one.
func (r *Result) Constructor(fn *types.Func) (*ServerFact, bool) {
	if r == nil || fn == nil {
		return nil, false
	}
	if f, ok := r.local[fn]; ok {
		return f, true
	}
	if fn.Pkg() == r.pass.Pkg || r.pass.ImportObjectFact == nil {
		return nil, false
	}
	var f ServerFact
	if r.pass.ImportObjectFact(fn, &f) {
		return &f, true
	}
	return nil, false
}

func kindOf(t types.Type) string {
	switch typesx.TypeKey(t) {
	case echoType:
		return "echo"
	case fiberType:
		return "fiber"
	}
	return ""
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{pass: pass, local: map[*types.Func]*ServerFact{}}
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return r, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sv := pass.ResultOf[strval.Analyzer].(*strval.Result)
	info := pass.TypesInfo

	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		fn, _ := info.Defs[fd.Name].(*types.Func)
		if fn == nil || fd.Body == nil || fn.Signature().Results().Len() == 0 {
			continue
		}
		kind := kindOf(fn.Signature().Results().At(0).Type())
		if kind == "" {
			continue
		}
		f := &ServerFact{Kind: kind}
		switch kind {
		case "echo":
			f.Timed = echoTimed(info, fd.Body)
		case "fiber":
			f.Timed = fiberTimed(info, sv, fd.Body)
		}
		r.local[fn] = f
	}
	fns := make([]*types.Func, 0, len(r.local))
	for fn := range r.local {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		pass.ExportObjectFact(fn, r.local[fn])
	}
	return r, nil
}

// echoTimed reports whether a function body sets a read timeout on an echo
// server: e.Server.ReadHeaderTimeout = d, e.Server.ReadTimeout = d, or
// replaces e.Server / e.TLSServer altogether.
func echoTimed(info *types.Info, body *ast.BlockStmt) bool {
	timed, built := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && typesx.FuncKey(typesx.Callee(info, call)) == echoNew {
			built = true
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || timed {
			return !timed
		}
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			switch sel.Sel.Name {
			case "ReadHeaderTimeout", "ReadTimeout":
				inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
				if ok && (inner.Sel.Name == "Server" || inner.Sel.Name == "TLSServer") && kindOf(typesx.TypeOf(info, inner.X)) == "echo" {
					if i < len(as.Rhs) && !zero(info, as.Rhs[i]) {
						timed = true
					}
				}
			case "Server", "TLSServer":
				if kindOf(typesx.TypeOf(info, sel.X)) == "echo" {
					timed = true // replaced: its literal is checked where it is written
				}
			}
		}
		return !timed
	})
	return timed || !built // not built here: not known
}

// fiberTimed reports whether every fiber.New in a function body gets a
// config that can carry a ReadTimeout (unknown configurations count).
func fiberTimed(info *types.Info, sv *strval.Result, body *ast.BlockStmt) bool {
	timed, seen := true, false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || typesx.FuncKey(typesx.Callee(info, call)) != fiberNew {
			return true
		}
		seen = true
		if len(call.Args) == 0 {
			timed = false
			return true
		}
		lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
		if !ok {
			return true // a config built elsewhere: not known
		}
		has := false
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ReadTimeout" && !zero(info, kv.Value) {
					has = true
				}
			}
		}
		if !has {
			timed = false
		}
		return true
	})
	return timed || !seen
}

// zero reports whether e is the constant zero.
func zero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	v := constant.ToInt(tv.Value)
	return v.Kind() == constant.Int && constant.Compare(v, token.EQL, constant.MakeInt64(0))
}
