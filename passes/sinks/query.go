package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/internal/web"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
)

// Taint describes the first non-constant piece found in a query.
type Taint struct {
	How   string // the construct that embedded it: concatenation, fmt.Sprintf, ...
	What  string // `parameter "name"`, `request input c.Query("sort")`, ...
	Arg   string // what to pass as an argument instead
	Ident bool   // it stands where an identifier goes (ORDER BY, FROM, ...)
	Whole bool   // the whole query text comes from the request
}

const maxDepth = 24

// checker analyses the query arguments of one function.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	sv     *strval.Result
	fnBody *ast.BlockStmt
	// trusted are the function's parameters that carry SQL text by design
	// (table, where, clause, ...): the function's callers decide what goes
	// in, so a query built from them is checked where they are called.
	trusted map[*types.Var]bool
	used    map[*types.Var]bool
}

// clauseWords mark a parameter that carries SQL text by contract: a helper
// such as Count(ctx, db, table, where string) takes conditions from its
// callers, who decide what goes in.
var clauseWords = map[string]bool{
	"where": true, "clause": true, "cond": true, "condition": true, "conditions": true,
	"predicate": true, "sql": true, "stmt": true, "statement": true, "fragment": true,
	"expr": true, "expression": true, "join": true, "joins": true,
}

// identWords mark a parameter naming a table or columns. In a helper that
// also takes a clause they are caller-controlled SQL text too; alone
// (DropTable(name string)) they are as likely to come from a request, so
// the helper's own query is checked.
var identWords = map[string]bool{
	"table": true, "tbl": true, "tablename": true, "select": true, "projection": true,
	"schema": true, "view": true, "columns": true, "cols": true,
}

// trustedParams returns the string parameters of a SQL helper that carry
// SQL text by design (never reassigned); see clauseWords.
func trustedParams(sv *strval.Result, fn *types.Func) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	if fn == nil {
		return out
	}
	sig := fn.Signature()
	clause := false
	for i := 0; i < sig.Params().Len(); i++ {
		v := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 || !typesx.IsString(v.Type()) {
			continue
		}
		if as, _ := sv.Assignments(v); len(as) > 0 {
			continue
		}
		for _, w := range typesx.NameWords(v.Name()) {
			if clauseWords[w] {
				out[v] = true
				clause = true
			} else if identWords[w] {
				out[v] = true
			}
		}
	}
	if !clause {
		return map[*types.Var]bool{}
	}
	return out
}

// query decides whether a sink argument is a query built from non-constant
// pieces, or read whole from the request.
func (c *checker) query(e ast.Expr) *Taint {
	if !c.isText(e) {
		return nil
	}
	return c.top(e, 0, map[types.Object]bool{})
}

func (c *checker) top(e ast.Expr, depth int, seen map[types.Object]bool) *Taint {
	if depth > maxDepth {
		return nil
	}
	e = typesx.StripConversions(c.info, e)
	if c.sv.IsConst(e) {
		return nil
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return c.concat(x, depth, seen)
		}
	case *ast.CallExpr:
		if t, handled := c.construct(x, depth, seen); handled {
			return t
		}
		if arg, ok := c.passThrough(x); ok {
			return c.top(arg, depth+1, seen)
		}
		if d, ok := web.RequestInput(c.info, x); ok {
			return &Taint{How: "request input", What: "request input " + d, Whole: true}
		}
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || seen[v] {
			return nil
		}
		seen[v] = true
		if c.allowListed(v, x) {
			return nil
		}
		as, ok := c.sv.Assignments(v)
		if !ok {
			return nil
		}
		for _, a := range as {
			if t := c.assigned(v, a, depth, seen, true); t != nil {
				return t
			}
		}
	case *ast.SelectorExpr, *ast.IndexExpr:
		if d, ok := web.RequestInput(c.info, x); ok {
			return &Taint{How: "request input", What: "request input " + d, Whole: true}
		}
	}
	return nil
}

// assigned examines one write to a variable holding (part of) a query. At
// the top level a plain value (a parameter, a field) is not a built query;
// inside a build every non-constant piece counts.
func (c *checker) assigned(v *types.Var, a strval.Assignment, depth int, seen map[types.Object]bool, top bool) *Taint {
	switch a.Kind {
	case strval.Plain:
		if a.Op == token.ASSIGN {
			if top {
				return c.top(a.RHS, depth+1, seen)
			}
			return c.piece(a.RHS, depth+1, seen)
		}
		if a.Op == token.ADD_ASSIGN {
			if t := c.piece(a.RHS, depth+1, seen); t != nil {
				if t.How == "" {
					t.How = "+="
				}
				t.Ident = t.Ident || identPosition(c.prefixOf(v, a))
				return t
			}
		}
	case strval.Tuple:
		// q, args, err := sqlx.In(q, ids)
		if call, ok := ast.Unparen(a.RHS).(*ast.CallExpr); ok && a.Index == 0 {
			if arg, ok := c.passThrough(call); ok {
				if top {
					return c.top(arg, depth+1, seen)
				}
				return c.piece(arg, depth+1, seen)
			}
			if !top {
				return c.leaf(call)
			}
		}
	case strval.Range:
		if !top {
			if c.sv.IsConst(a.RHS) {
				return nil
			}
			if !isTextType(v.Type()) {
				return nil // ranging over a slice yields int keys
			}
			t := c.leaf(a.RHS)
			if t != nil {
				kind := "element"
				if a.Index == 0 {
					kind = "key"
				}
				t.What = kind + " of " + t.What
				t.Arg = v.Name()
			}
			return t
		}
	case strval.CommaOk:
		if !top && a.Index == 0 {
			return c.piece(a.RHS, depth+1, seen)
		}
	}
	return nil
}

// prefixOf returns the constant text a variable held before an op-assign,
// when it has a single plain constant write.
func (c *checker) prefixOf(v *types.Var, a strval.Assignment) string {
	as, _ := c.sv.Assignments(v)
	var last string
	for _, x := range as {
		if x.Pos >= a.Pos {
			break
		}
		if s, ok := c.sv.String(x.RHS); ok {
			last = s
		}
	}
	return last
}

// concat walks a + b + c, checking every operand.
func (c *checker) concat(b *ast.BinaryExpr, depth int, seen map[types.Object]bool) *Taint {
	var ops []ast.Expr
	var flatten func(e ast.Expr)
	flatten = func(e ast.Expr) {
		if x, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && x.Op == token.ADD && !c.sv.IsConst(x) {
			flatten(x.X)
			flatten(x.Y)
			return
		}
		ops = append(ops, e)
	}
	flatten(b)
	prefix := ""
	for _, op := range ops {
		if s, ok := c.sv.String(op); ok {
			prefix += s
			continue
		}
		if t := c.piece(op, depth+1, seen); t != nil {
			if t.How == "" {
				t.How = "concatenation"
			}
			t.Ident = t.Ident || identPosition(prefix)
			return t
		}
		prefix = ""
	}
	return nil
}

// construct handles the calls that build strings: fmt.Sprintf and
// friends, strings.Join, and Builder/Buffer String().
func (c *checker) construct(call *ast.CallExpr, depth int, seen map[types.Object]bool) (*Taint, bool) {
	fn := typesx.Callee(c.info, call)
	if fn == nil {
		return nil, false
	}
	switch typesx.FuncKey(fn) {
	case "fmt.Sprintf":
		return c.format("fmt.Sprintf", call.Args, depth, seen), true
	case "fmt.Sprint", "fmt.Sprintln":
		for _, a := range call.Args {
			if t := c.piece(a, depth+1, seen); t != nil {
				if t.How == "" {
					t.How = typesx.FuncKey(fn)
				}
				return t, true
			}
		}
		return nil, true
	case "strings.Join":
		if len(call.Args) == 2 {
			return c.join(call.Args[0], call.Args[1], depth, seen), true
		}
	case "strings.Builder.String", "bytes.Buffer.String":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return c.builder(sel.X, fn.Pkg().Name()+"."+typesx.Recv(fn).Obj().Name(), depth, seen), true
		}
	}
	return nil, false
}

// passThrough returns the query argument of calls that transform a query
// without changing its trust: sqlx.In, Rebind, strings.TrimSpace.
func (c *checker) passThrough(call *ast.CallExpr) (ast.Expr, bool) {
	fn := typesx.Callee(c.info, call)
	if fn == nil || len(call.Args) == 0 {
		return nil, false
	}
	switch typesx.FuncKey(fn) {
	case "github.com/jmoiron/sqlx.In", "github.com/jmoiron/sqlx.DB.Rebind", "github.com/jmoiron/sqlx.Tx.Rebind",
		"strings.TrimSpace", "strings.TrimSuffix", "strings.TrimPrefix", "strings.ToUpper", "strings.ToLower":
		return call.Args[0], true
	case "github.com/jmoiron/sqlx.Rebind":
		if len(call.Args) == 2 {
			return call.Args[1], true
		}
	}
	return nil, false
}

// format checks fmt.Sprintf's format and the arguments its text verbs
// (%s, %v, %q) consume; numbers formatted with %d and friends are safe.
func (c *checker) format(how string, args []ast.Expr, depth int, seen map[types.Object]bool) *Taint {
	if len(args) == 0 {
		return nil
	}
	f, ok := c.sv.String(args[0])
	if !ok {
		if t := c.piece(args[0], depth+1, seen); t != nil {
			if t.How == "" {
				t.How = how + " format"
			}
			return t
		}
		return nil
	}
	for _, v := range parseVerbs(f) {
		if v.arg+1 >= len(args) {
			break
		}
		if !strings.ContainsRune("svq", v.verb) {
			continue // %d, %x, %t, %f, %T...: cannot carry SQL text
		}
		if t := c.piece(args[v.arg+1], depth+1, seen); t != nil {
			if t.How == "" {
				t.How = how
			}
			t.Ident = t.Ident || identPosition(f[:v.pos])
			return t
		}
	}
	return nil
}

type verb struct {
	verb rune
	arg  int // operand index
	pos  int // offset of the % in the format
}

// parseVerbs lists the verbs of a format string with their operands,
// honouring %%, flags, * widths and explicit [n] indexes.
func parseVerbs(f string) []verb {
	var out []verb
	arg := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		start := i
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		for i < len(f) {
			ch := f[i]
			switch {
			case strings.IndexByte("+-# 0", ch) >= 0 || (ch >= '1' && ch <= '9') || ch == '.':
				i++
				continue
			case ch == '*':
				arg++
				i++
				continue
			case ch == '[':
				end := strings.IndexByte(f[i:], ']')
				if end < 0 {
					return out
				}
				if n, err := strconv.Atoi(f[i+1 : i+end]); err == nil && n > 0 {
					arg = n - 1
				}
				i += end + 1
				continue
			}
			break
		}
		if i >= len(f) {
			break
		}
		out = append(out, verb{verb: rune(f[i]), arg: arg, pos: start})
		arg++
	}
	return out
}

// join checks strings.Join(elems, sep): every element that can reach elems.
func (c *checker) join(elems, sep ast.Expr, depth int, seen map[types.Object]bool) *Taint {
	if t := c.piece(sep, depth+1, seen); t != nil {
		return t
	}
	if t := c.elements(elems, depth, seen); t != nil {
		if t.How == "" {
			t.How = "strings.Join"
		}
		return t
	}
	return nil
}

// elements checks every element that can reach a slice: the literal's
// elements, what is appended to it, what is stored into it.
func (c *checker) elements(e ast.Expr, depth int, seen map[types.Object]bool) *Taint {
	if depth > maxDepth {
		return nil
	}
	depth++
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.SliceExpr:
		return c.elements(x.X, depth, seen)
	case *ast.SelectorExpr:
		// strings.Join(q.Statuses, "','"): a field's strings, unless the
		// field is trusted or constant.
		if c.sv.IsConst(x) || !stringElems(typesx.TypeOf(c.info, x)) {
			return nil
		}
		if obj, ok := c.info.Uses[x.Sel].(*types.Var); ok && (trustedFields[fieldKey(obj)] || c.allowListed(obj, x)) {
			return nil
		}
		return c.leaf(x)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if t := c.piece(el, depth+1, seen); t != nil {
				return t
			}
		}
		return nil
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || seen[v] {
			return nil
		}
		seen[v] = true
		// An unexported package variable is judged by what the package
		// writes into it, like a local: var columns = [...]string{"id"}.
		pkgVar := v.Parent() == v.Pkg().Scope()
		if _, _, isParam := c.sv.Param(v); isParam || (pkgVar && (v.Exported() || v.Pkg() != c.pass.Pkg)) {
			if c.sv.IsConst(x) {
				return nil
			}
			return c.leaf(x)
		}
		as, ok := c.sv.Assignments(v)
		if !ok {
			if pkgVar {
				return c.leaf(x)
			}
			return nil
		}
		for _, a := range as {
			switch a.Kind {
			case strval.Elem:
				if t := c.piece(a.RHS, depth+1, seen); t != nil {
					return t
				}
			case strval.Plain:
				rhs := ast.Unparen(a.RHS)
				if call, ok := rhs.(*ast.CallExpr); ok {
					if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
						if _, ok := c.info.Uses[id].(*types.Builtin); ok {
							if id.Name == "append" && len(call.Args) > 0 {
								if call.Ellipsis.IsValid() {
									if t := c.elements(call.Args[len(call.Args)-1], depth, seen); t != nil {
										return t
									}
									continue
								}
								if t := c.elements(call.Args[0], depth, seen); t != nil {
									return t
								}
								for _, el := range call.Args[1:] {
									if t := c.piece(el, depth+1, seen); t != nil {
										return t
									}
								}
							}
							continue // make(...)
						}
					}
				}
				if t := c.elements(rhs, depth, seen); t != nil {
					return t
				}
			}
		}
	}
	return nil
}

// stringElems reports a slice or array of strings.
func stringElems(t types.Type) bool {
	if t == nil {
		return false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false
	}
	b, ok := elem.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// builder checks every write into a local strings.Builder or bytes.Buffer.
func (c *checker) builder(x ast.Expr, kind string, depth int, seen map[types.Object]bool) *Taint {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || seen[v] {
		return nil
	}
	seen[v] = true
	if _, _, isParam := c.sv.Param(v); isParam {
		return nil
	}
	for _, call := range c.sv.MethodCalls(v) {
		fn := typesx.Callee(c.info, call)
		if fn == nil || len(call.Args) == 0 {
			continue
		}
		switch fn.Name() {
		case "WriteString", "Write":
			if t := c.piece(call.Args[0], depth+1, seen); t != nil {
				if t.How == "" {
					t.How = kind
				}
				return t
			}
		}
	}
	for _, call := range c.sv.AddrCalls(v) {
		fn := typesx.Callee(c.info, call)
		if fn == nil {
			continue
		}
		if typesx.FuncKey(fn) == "fmt.Fprintf" && len(call.Args) > 1 {
			if t := c.format("fmt.Fprintf", call.Args[1:], depth, seen); t != nil {
				return t
			}
		}
		if typesx.FuncKey(fn) == "fmt.Fprint" || typesx.FuncKey(fn) == "fmt.Fprintln" {
			for _, a := range call.Args[1:] {
				if t := c.piece(a, depth+1, seen); t != nil {
					if t.How == "" {
						t.How = typesx.FuncKey(fn)
					}
					return t
				}
			}
		}
	}
	return nil
}

// isText reports whether e's type can carry SQL text: strings, byte and
// rune slices, and interfaces (any may hold a string).
func (c *checker) isText(e ast.Expr) bool {
	t := typesx.TypeOf(c.info, e)
	if t == nil {
		return true
	}
	return isTextType(t)
}

func isTextType(t types.Type) bool {
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok {
			return b.Kind() == types.Byte || b.Kind() == types.Rune
		}
		return false
	case *types.Interface:
		return u.Empty()
	}
	return false
}

// piece checks one component of a built query.
func (c *checker) piece(e ast.Expr, depth int, seen map[types.Object]bool) *Taint {
	if depth > maxDepth || e == nil {
		return nil
	}
	e = typesx.StripConversions(c.info, e)
	if c.sv.IsConst(e) || !c.isText(e) {
		return nil
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return c.concat(x, depth, seen)
		}
		return nil
	case *ast.CallExpr:
		if t, handled := c.construct(x, depth, seen); handled {
			return t
		}
		if c.safeCall(x) {
			return nil
		}
		if arg, ok := c.passThrough(x); ok {
			return c.piece(arg, depth+1, seen)
		}
		return c.leaf(x)
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		if seen[v] {
			return nil
		}
		if c.allowListed(v, x) {
			return nil
		}
		if c.trusted[v] {
			c.used[v] = true
			return nil
		}
		_, _, isParam := c.sv.Param(v)
		as, ok := c.sv.Assignments(v)
		if isParam || v.Parent() == v.Pkg().Scope() || v.Pkg() != c.pass.Pkg || !ok || len(as) == 0 {
			if c.sanitizedBy(as) {
				return nil
			}
			return c.leaf(x)
		}
		seen[v] = true
		defer delete(seen, v)
		if c.sanitizedBy(as) {
			return nil
		}
		for _, a := range as {
			if t := c.assigned(v, a, depth, seen, false); t != nil {
				if t.Arg == "" {
					t.Arg = v.Name()
				}
				return t
			}
		}
		return nil
	case *ast.SelectorExpr:
		if obj, ok := c.info.Uses[x.Sel].(*types.Var); ok {
			if trustedFields[fieldKey(obj)] || c.allowListed(obj, x) {
				return nil
			}
		}
		return c.leaf(x)
	case *ast.IndexExpr:
		// conds[0] of a local slice: every element that can be there.
		if t := typesx.TypeOf(c.info, x.X); t != nil {
			if _, isSlice := t.Underlying().(*types.Slice); isSlice {
				if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok && v.Pkg() == c.pass.Pkg && v.Parent() != v.Pkg().Scope() {
						if _, _, isParam := c.sv.Param(v); !isParam {
							if _, ok := c.sv.Assignments(v); ok {
								return c.elements(x.X, depth+1, seen)
							}
						}
					}
				}
			}
		}
		return c.leaf(x)
	case *ast.SliceExpr:
		return c.piece(x.X, depth+1, seen)
	}
	return c.leaf(e)
}

// leaf describes a non-constant value.
func (c *checker) leaf(e ast.Expr) *Taint {
	e = typesx.StripConversions(c.info, e)
	if d, ok := web.RequestInput(c.info, e); ok {
		return &Taint{What: "request input " + d, Arg: "the value"}
	}
	name := typesx.ExprName(e)
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			if _, _, isParam := c.sv.Param(v); isParam {
				return &Taint{What: "parameter " + strconv.Quote(x.Name), Arg: x.Name}
			}
			if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return &Taint{What: "package variable " + strconv.Quote(x.Name), Arg: x.Name}
			}
			return &Taint{What: "variable " + strconv.Quote(x.Name), Arg: x.Name}
		}
	case *ast.SelectorExpr:
		if _, ok := c.info.Selections[x]; ok {
			return &Taint{What: "field " + strconv.Quote(name), Arg: name}
		}
		return &Taint{What: strconv.Quote(name), Arg: name}
	case *ast.CallExpr:
		return &Taint{What: "the result of " + name, Arg: "the value"}
	}
	return &Taint{What: strconv.Quote(name), Arg: "the value"}
}

// trustedFields hold identifiers an ORM derives from the program's own
// models, never from a client: gorm's statement table and schema names.
var trustedFields = map[string]bool{
	"gorm.io/gorm.Statement.Table":           true,
	"gorm.io/gorm/schema.Schema.Table":       true,
	"gorm.io/gorm/schema.Field.DBName":       true,
	"gorm.io/gorm/schema.Schema.Name":        true,
	"github.com/jinzhu/gorm.Scope.TableName": true,
}

// fieldKey names a struct field "pkgpath.Type.Field", or "".
func fieldKey(v *types.Var) string {
	if !v.IsField() || v.Pkg() == nil {
		return ""
	}
	// The owning named type is not recorded on the field; find it through
	// the package scope (fields of exported model types).
	scope := v.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == v {
				return v.Pkg().Path() + "." + tn.Name() + "." + v.Name()
			}
		}
	}
	return ""
}

// safeCalls return text that cannot break out of SQL: quoting functions
// and number formatting.
var safeCalls = map[string]bool{
	"github.com/lib/pq.QuoteIdentifier":                  true,
	"github.com/lib/pq.QuoteLiteral":                     true,
	"github.com/jackc/pgx/v5.Identifier.Sanitize":        true,
	"github.com/jackc/pgx/v4.Identifier.Sanitize":        true,
	"github.com/jackc/pgx/v5/pgconn.Identifier.Sanitize": true,
	"gorm.io/gorm.Statement.Quote":                       true,
	"strconv.Itoa":                                       true,
	"strconv.FormatInt":                                  true,
	"strconv.FormatUint":                                 true,
	"strconv.FormatFloat":                                true,
	"strconv.FormatBool":                                 true,
	"time.Time.Format":                                   true,
	"github.com/google/uuid.UUID.String":                 true,
	"github.com/gofrs/uuid.UUID.String":                  true,
	"math/big.Int.String":                                true,
}

func (c *checker) safeCall(call *ast.CallExpr) bool {
	fn := typesx.Callee(c.info, call)
	if fn == nil {
		return false
	}
	key := typesx.FuncKey(fn)
	if safeCalls[key] {
		return true
	}
	// strings.Repeat(",?", n) builds placeholder lists.
	if key == "strings.Repeat" && len(call.Args) == 2 && c.sv.IsConst(call.Args[0]) {
		return true
	}
	return false
}

// sanitizedBy reports whether one of the writes quotes the value.
func (c *checker) sanitizedBy(as []strval.Assignment) bool {
	for _, a := range as {
		if call, ok := ast.Unparen(a.RHS).(*ast.CallExpr); ok && a.Kind == strval.Plain && c.safeCall(call) {
			return true
		}
	}
	return false
}

// identPosition reports whether the SQL text before a piece puts it where
// an identifier goes (a column, a table, a sort direction) rather than a
// value, so that the advice is an allow-list rather than a placeholder.
func identPosition(prefix string) bool {
	p := strings.ToUpper(strings.TrimRight(prefix, " \t\n\"`["))
	if strings.HasSuffix(p, "'") || strings.HasSuffix(p, "=") || strings.HasSuffix(p, "(") {
		return false
	}
	for _, kw := range []string{"ORDER BY", "GROUP BY", "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "SELECT", "DISTINCT", "ASC", "DESC", " TO", "SCHEMA", ","} {
		if strings.HasSuffix(p, kw) {
			return !(kw == "," && !strings.Contains(p, "ORDER BY") && !strings.Contains(p, "SELECT"))
		}
	}
	// "ORDER BY created_at " + dir
	if i := strings.LastIndex(p, "ORDER BY"); i >= 0 && !strings.ContainsAny(p[i:], "='(") {
		return true
	}
	return false
}
