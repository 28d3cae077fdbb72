package sinks

import (
	"go/ast"
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
)

// libSink describes a library call that executes or embeds SQL.
type libSink struct {
	kind        Kind
	arg         int
	placeholder string
	ident       bool // the argument is an identifier list (ORDER BY, table)
}

// methods maps "pkgpath.Type" to method name to sink. Types are the named
// receiver types (struct or interface) of the real libraries.
var methods = map[string]map[string]libSink{}

// funcs maps "pkgpath.Func" to sink.
var funcs = map[string]libSink{}

func addMethods(types []string, kind Kind, placeholder string, byName map[string]int) {
	for _, t := range types {
		m := methods[t]
		if m == nil {
			m = map[string]libSink{}
			methods[t] = m
		}
		for name, arg := range byName {
			m[name] = libSink{kind: kind, arg: arg, placeholder: placeholder}
		}
	}
}

// addIdentMethods adds fragment methods whose argument names columns or
// tables rather than holding a condition.
func addIdentMethods(typ, placeholder string, names ...string) {
	m := methods[typ]
	if m == nil {
		m = map[string]libSink{}
		methods[typ] = m
	}
	for _, n := range names {
		m[n] = libSink{SQLFragment, 0, placeholder, true}
	}
}

func addFuncs(pkg string, kind Kind, placeholder string, byName map[string]int) {
	for name, arg := range byName {
		funcs[pkg+"."+name] = libSink{kind: kind, arg: arg, placeholder: placeholder}
	}
}

// stdQuery is database/sql's method set and its argument positions.
var stdQuery = map[string]int{
	"Query": 0, "QueryContext": 1, "QueryRow": 0, "QueryRowContext": 1,
	"Exec": 0, "ExecContext": 1, "Prepare": 0, "PrepareContext": 1,
}

// pgxQuery is pgx's: every call takes a context first.
var pgxQuery = map[string]int{"Query": 1, "QueryRow": 1, "Exec": 1, "Prepare": 2}

func init() {
	// database/sql
	addMethods([]string{"database/sql.DB", "database/sql.Tx", "database/sql.Conn"}, SQLQuery, "", stdQuery)

	// sqlx: its DB/Tx/Conn embed database/sql's, so Query/Exec resolve to
	// database/sql; these are sqlx's own.
	const sqlx = "github.com/jmoiron/sqlx"
	sqlxMethods := map[string]int{
		"Select": 1, "SelectContext": 2, "Get": 1, "GetContext": 2,
		"Queryx": 0, "QueryxContext": 1, "QueryRowx": 0, "QueryRowxContext": 1,
		"NamedQuery": 0, "NamedQueryContext": 1, "NamedExec": 0, "NamedExecContext": 1,
		"MustExec": 0, "MustExecContext": 1, "Preparex": 0, "PreparexContext": 1,
		"PrepareNamed": 0, "PrepareNamedContext": 1,
	}
	addMethods([]string{sqlx + ".DB", sqlx + ".Tx", sqlx + ".Conn"}, SQLQuery, "", sqlxMethods)
	addMethods([]string{sqlx + ".Queryer", sqlx + ".QueryerContext", sqlx + ".Execer", sqlx + ".ExecerContext",
		sqlx + ".Ext", sqlx + ".ExtContext", sqlx + ".Preparer", sqlx + ".PreparerContext"}, SQLQuery, "", map[string]int{
		"Query": 0, "Queryx": 0, "QueryRowx": 0, "Exec": 0, "QueryContext": 1, "QueryxContext": 1,
		"QueryRowxContext": 1, "ExecContext": 1, "Prepare": 0, "PrepareContext": 1,
	})
	addFuncs(sqlx, SQLQuery, "", map[string]int{
		"Select": 2, "SelectContext": 3, "Get": 2, "GetContext": 3,
		"NamedExec": 1, "NamedExecContext": 2, "NamedQuery": 1, "NamedQueryContext": 2,
		"MustExec": 1, "MustExecContext": 2, "Preparex": 1, "PreparexContext": 2,
		"PrepareNamed": 1, "PrepareNamedContext": 2,
	})

	// pgx v4 and v5, their pools and transactions.
	for _, v := range []string{"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5"} {
		addMethods([]string{v + ".Conn", v + ".Tx", v + "/pgxpool.Pool", v + "/pgxpool.Conn", v + "/pgxpool.Tx"}, SQLQuery, "$1", pgxQuery)
		addMethods([]string{v + ".Batch"}, SQLQuery, "$1", map[string]int{"Queue": 0})
	}

	// gorm (v2 and the old jinzhu/gorm): Raw and Exec run a statement; the
	// clause methods insert their string verbatim.
	for _, g := range []string{"gorm.io/gorm.DB", "github.com/jinzhu/gorm.DB"} {
		addMethods([]string{g}, SQLQuery, "?", map[string]int{"Raw": 0, "Exec": 0})
		addMethods([]string{g}, SQLFragment, "?", map[string]int{
			"Where": 0, "Or": 0, "Not": 0, "Having": 0, "Joins": 0,
		})
		addIdentMethods(g, "?", "Order", "Group", "Select", "Table", "Distinct", "Pluck", "Omit")
	}

	// squirrel: Expr and the builders' Where take SQL text.
	const sq = "github.com/Masterminds/squirrel"
	addFuncs(sq, SQLFragment, "?", map[string]int{"Expr": 0})
	addMethods([]string{sq + ".SelectBuilder", sq + ".UpdateBuilder", sq + ".DeleteBuilder"}, SQLFragment, "?", map[string]int{
		"Where": 0, "Having": 0, "JoinClause": 0, "Join": 0, "LeftJoin": 0, "RightJoin": 0, "OrderByClause": 0,
	})
	for _, b := range []string{sq + ".SelectBuilder", sq + ".UpdateBuilder", sq + ".DeleteBuilder"} {
		addIdentMethods(b, "?", "From")
	}
}

// userInterfaceMethods are method names that, on an interface the user
// declares for a DB handle (type DBTX interface{ QueryContext(...) }), run
// SQL: the argument index is database/sql's.
var userInterfaceMethods = stdQuery

// libraryLookup matches a callee against the tables.
func libraryLookup(fn *types.Func, call *ast.CallExpr) (Sink, bool) {
	if recv := typesx.Recv(fn); recv != nil {
		key := typesx.TypeKey(recv)
		if ls, ok := methods[key][fn.Name()]; ok {
			return mk(fn, ls, call)
		}
		// An interface of the user's own whose method looks like
		// database/sql's or pgx's: the query is its first string
		// parameter, after an optional context.
		if types.IsInterface(recv) {
			if _, ok := userInterfaceMethods[fn.Name()]; ok {
				params := fn.Signature().Params()
				for i := 0; i < params.Len() && i < 2; i++ {
					t := params.At(i).Type()
					if typesx.IsString(t) {
						return mk(fn, libSink{kind: SQLQuery, arg: i}, call)
					}
					if t.String() != "context.Context" {
						break
					}
				}
			}
		}
		return Sink{}, false
	}
	if ls, ok := funcs[typesx.FuncKey(fn)]; ok {
		return mk(fn, ls, call)
	}
	return Sink{}, false
}

func mk(fn *types.Func, ls libSink, call *ast.CallExpr) (Sink, bool) {
	if ls.arg >= len(call.Args) {
		return Sink{}, false
	}
	return Sink{Kind: ls.kind, Arg: ls.arg, Name: typesx.FuncDisplay(fn), Placeholder: ls.placeholder, Ident: ls.ident}, true
}
