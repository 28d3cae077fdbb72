package jwtkeys

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// UseKind classifies one occurrence of a local variable.
type UseKind int

const (
	UseRead       UseKind = iota // any other read
	UseDef                       // declaration: v := rhs, var v = rhs, var v T (rhs nil)
	UseAssign                    // v = rhs
	UseTuple                     // v, err := call(): Index says which result
	UseParam                     // a parameter's declaration
	UseIndexWrite                // v[key]... = rhs
	UseFieldWrite                // v.f... = rhs: Field is the last field selected
	UseMethodCall                // v.M(...) or v.f.M(...): Method, Call
	UseArg                       // passed to a call, as v, &v or v.f: Call
	UseAddr                      // &v used other than as a call argument
	UseAlias                     // stored: assigned to another variable, a field, a composite literal
	UseReturn                    // returned
	UseOther                     // written in a way not followed (++, range, op-assign)
)

// Use is one classified occurrence of a local variable.
type Use struct {
	Kind   UseKind
	Ident  *ast.Ident
	Top    inspector.Cursor // the outermost selector/index/assertion chain rooted at the identifier
	RHS    ast.Expr         // the value written (def, assign, index and field writes)
	Index  int              // UseTuple: the result index
	Key    ast.Expr         // UseIndexWrite: the index
	Field  *types.Var       // UseFieldWrite, and reads through a field: the last field selected
	Path   []string         // the selector names from the variable outwards
	Method *types.Func      // UseMethodCall
	Call   *ast.CallExpr    // UseMethodCall, UseArg
}

// Classify describes an identifier cursor of v (one of Uses(v)).
func (r *Result) Classify(v *types.Var, c inspector.Cursor) Use { return r.classify(v, c) }

func (r *Result) classify(v *types.Var, c inspector.Cursor) Use {
	id := c.Node().(*ast.Ident)
	u := Use{Kind: UseRead, Ident: id, Top: c}
	if r.info.Defs[id] == v {
		return r.classifyDef(u, c)
	}
	// Walk up the chain v.f.g, v[k], v.(T), (*v), (v).
	top := c
	for {
		p := top.Parent()
		k, _ := top.ParentEdge()
		switch n := p.Node().(type) {
		case *ast.SelectorExpr:
			if k == edge.SelectorExpr_X {
				if sel, ok := r.info.Selections[n]; ok && sel.Kind() == types.MethodVal {
					if call, ok := p.Parent().Node().(*ast.CallExpr); ok {
						if ek, _ := p.ParentEdge(); ek == edge.CallExpr_Fun {
							u.Kind = UseMethodCall
							u.Method, _ = sel.Obj().(*types.Func)
							u.Call = call
							u.Top = p
							return u
						}
					}
				}
				if sel, ok := r.info.Selections[n]; ok && sel.Kind() == types.FieldVal {
					u.Field, _ = sel.Obj().(*types.Var)
				}
				u.Path = append(u.Path, n.Sel.Name)
				top = p
				continue
			}
		case *ast.IndexExpr:
			if k == edge.IndexExpr_X && u.Key == nil {
				u.Key = n.Index
				top = p
				continue
			}
		case *ast.TypeAssertExpr:
			if k == edge.TypeAssertExpr_X {
				top = p
				continue
			}
		case *ast.ParenExpr, *ast.StarExpr:
			top = p
			continue
		}
		break
	}
	u.Top = top
	p := top.Parent()
	k, idx := top.ParentEdge()
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if k == edge.AssignStmt_Lhs {
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				u.Kind = UseOther
				return u
			}
			var rhs ast.Expr
			if len(n.Lhs) == len(n.Rhs) {
				rhs = n.Rhs[idx]
			}
			switch {
			case u.Key != nil:
				u.Kind, u.RHS = UseIndexWrite, rhs
			case len(u.Path) > 0:
				u.Kind, u.RHS = UseFieldWrite, rhs
			case rhs == nil:
				u.Kind, u.Index, u.RHS = UseTuple, idx, n.Rhs[0]
			default:
				u.Kind, u.RHS = UseAssign, rhs
			}
			return u
		}
		u.Kind = UseAlias
	case *ast.IncDecStmt, *ast.RangeStmt:
		if _, ok := n.(*ast.RangeStmt); ok && k == edge.RangeStmt_X {
			return u // ranging over it reads it
		}
		u.Kind = UseOther
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if call, ok := p.Parent().Node().(*ast.CallExpr); ok {
				if ek, _ := p.ParentEdge(); ek == edge.CallExpr_Args {
					u.Kind, u.Call = UseArg, call
					return u
				}
			}
			u.Kind = UseAddr
		}
	case *ast.CallExpr:
		if k == edge.CallExpr_Args {
			u.Kind, u.Call = UseArg, n
		}
	case *ast.ReturnStmt:
		u.Kind = UseReturn
	case *ast.ValueSpec, *ast.KeyValueExpr, *ast.CompositeLit, *ast.SendStmt:
		u.Kind = UseAlias
	}
	return u
}

func (r *Result) classifyDef(u Use, c inspector.Cursor) Use {
	p := c.Parent()
	k, idx := c.ParentEdge()
	switch n := p.Node().(type) {
	case *ast.ValueSpec:
		u.Kind = UseDef
		switch {
		case len(n.Values) == len(n.Names):
			u.RHS = n.Values[idx]
		case len(n.Values) == 1:
			u.Kind, u.Index, u.RHS = UseTuple, idx, n.Values[0]
		}
	case *ast.AssignStmt:
		if k != edge.AssignStmt_Lhs {
			u.Kind = UseOther
			break
		}
		if len(n.Lhs) == len(n.Rhs) {
			u.Kind, u.RHS = UseDef, n.Rhs[idx]
		} else {
			u.Kind, u.Index, u.RHS = UseTuple, idx, n.Rhs[0]
		}
	case *ast.Field:
		u.Kind = UseParam
	default: // range variables, type switches
		u.Kind = UseOther
	}
	return u
}

// varOf returns the variable an identifier or selector denotes.
func (r *Result) varOf(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := r.info.ObjectOf(x).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := r.info.ObjectOf(x.Sel).(*types.Var)
		return v
	}
	return nil
}

// AssignedVar returns the variable a call's value is assigned to, when
// the call is the right-hand side of a declaration or assignment (result
// index i of a multi-value call).
func (r *Result) AssignedVar(call inspector.Cursor, i int) *types.Var {
	p := call.Parent()
	k, idx := call.ParentEdge()
	var lhs []ast.Expr
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if k != edge.AssignStmt_Rhs {
			return nil
		}
		lhs = n.Lhs
		if len(n.Lhs) == len(n.Rhs) {
			i = idx
		}
	case *ast.ValueSpec:
		if k != edge.ValueSpec_Values {
			return nil
		}
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		if len(n.Names) == len(n.Values) {
			i = idx
		}
	default:
		return nil
	}
	if i >= len(lhs) {
		return nil
	}
	id, ok := lhs[i].(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := r.info.ObjectOf(id).(*types.Var)
	return v
}
