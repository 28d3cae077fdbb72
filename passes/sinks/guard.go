package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
)

// validatorWords mark a function whose job is to check a value against a
// list: isValidColumn, allowedSort, whitelist, sanitizeOrder...
var validatorWords = []string{"valid", "allow", "whitelist", "safe", "permit", "sanitiz", "known", "supported"}

// allowListed reports whether the function around the sink checks the
// value against a fixed set before using it:
//
//	if !allowed[col] { return }            _, ok := columns[col]
//	if !slices.Contains(sortable, col) {}  if !identRE.MatchString(col) {}
//	if !isValidColumn(col) { return }      switch col { case "a", "b": default: return }
//	if dir != "ASC" && dir != "DESC" { return }
func (c *checker) allowListed(v types.Object, use ast.Expr) bool {
	if c.fnBody == nil || v == nil {
		return false
	}
	same := func(e ast.Expr) bool {
		e = typesx.StripConversions(c.info, e)
		switch x := e.(type) {
		case *ast.Ident:
			return c.info.Uses[x] == v
		case *ast.SelectorExpr:
			return c.info.Uses[x.Sel] == v && typesx.ExprName(x) == typesx.ExprName(use)
		}
		return false
	}
	mentions := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && same(e) {
				found = true
			}
			return !found
		})
		return found
	}
	// checks reports whether an expression (an if condition) tests v
	// against a set.
	var checks func(e ast.Expr) bool
	checks = func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if found {
				return false
			}
			switch x := n.(type) {
			case *ast.IndexExpr:
				if t := typesx.TypeOf(c.info, x.X); t != nil {
					if _, isMap := t.Underlying().(*types.Map); isMap && same(x.Index) {
						found = true
					}
				}
			case *ast.CallExpr:
				fn := typesx.Callee(c.info, x)
				if fn == nil {
					return true
				}
				usesV := false
				for _, a := range x.Args {
					if same(a) {
						usesV = true
					}
				}
				if !usesV {
					return true
				}
				key := typesx.FuncKey(fn)
				name := strings.ToLower(fn.Name())
				switch {
				case key == "slices.Contains" || key == "slices.Index" || key == "sort.SearchStrings":
					found = true
				case key == "regexp.Regexp.MatchString":
					found = true
				default:
					for _, w := range validatorWords {
						if strings.Contains(name, w) {
							found = true
						}
					}
				}
			case *ast.BinaryExpr:
				if x.Op == token.EQL || x.Op == token.NEQ {
					if same(x.X) && c.nonEmptyConst(x.Y) || same(x.Y) && c.nonEmptyConst(x.X) {
						found = true
					}
				}
			}
			return true
		})
		return found
	}
	guarded := false
	ast.Inspect(c.fnBody, func(n ast.Node) bool {
		if guarded {
			return false
		}
		switch s := n.(type) {
		case *ast.IfStmt:
			if s.Init != nil && mentions(s.Init) {
				if as, ok := s.Init.(*ast.AssignStmt); ok && len(as.Lhs) == 2 && len(as.Rhs) == 1 && checks(as.Rhs[0]) {
					guarded = true // if _, ok := allowed[col]; !ok {...}
					return false
				}
			}
			if checks(s.Cond) {
				guarded = true
			}
		case *ast.AssignStmt:
			// _, ok := allowed[col]
			if len(s.Lhs) == 2 && len(s.Rhs) == 1 {
				if ix, ok := ast.Unparen(s.Rhs[0]).(*ast.IndexExpr); ok && checks(ix) {
					guarded = true
				}
			}
		case *ast.SwitchStmt:
			if s.Tag != nil && same(s.Tag) && c.constCasesWithDefault(s) {
				guarded = true
			}
		}
		return !guarded
	})
	return guarded
}

func (c *checker) nonEmptyConst(e ast.Expr) bool {
	s, ok := c.sv.String(e)
	return ok && s != ""
}

// constCasesWithDefault reports whether every case of a switch lists
// constants and the default clause leaves (return, panic, continue) or
// replaces the value.
func (c *checker) constCasesWithDefault(s *ast.SwitchStmt) bool {
	hasDefault := false
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			return false
		}
		if cc.List == nil {
			hasDefault = true
			if len(cc.Body) == 0 {
				return false
			}
			switch last := cc.Body[len(cc.Body)-1].(type) {
			case *ast.ReturnStmt, *ast.BranchStmt, *ast.AssignStmt:
			case *ast.ExprStmt:
				if call, ok := last.X.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
						break
					}
				}
				return false
			default:
				return false
			}
			continue
		}
		for _, e := range cc.List {
			if !c.sv.IsConst(e) {
				return false
			}
		}
	}
	return hasDefault
}
