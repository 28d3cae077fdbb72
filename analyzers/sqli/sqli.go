// Package sqli defines an Analyzer that reports SQL statements built from
// non-constant strings.
//
// # Analyzer sqli
//
// sqli: report SQL queries built by concatenation or formatting from
// non-constant values (AV301, AV302)
//
// A query string built with +, +=, fmt.Sprintf, strings.Builder,
// bytes.Buffer or strings.Join from any value that is not provably constant
// is reported where it reaches a call that executes it: database/sql, sqlx,
// pgx (including Batch.Queue), a DB interface of the user's own, or a
// helper of the module whose parameter flows into one (AV301); or where it
// is handed to an ORM clause that inserts it verbatim, such as gorm's Where,
// Order or Joins (AV302). A whole query or clause read straight from the
// request is reported too.
//
// Silent on constants (also through variables, constants of other packages
// and helpers that return constants), placeholders with arguments, numbers
// formatted with %d, values quoted by pq.QuoteIdentifier or
// pgx.Identifier.Sanitize, and identifiers chosen through an allow-list:
// a switch or map lookup of constants, or a guard that checks the value
// against a map, a slice of constants, a regexp or a validator function
// before it is used.
//
//	rows, err := db.Query("SELECT * FROM users WHERE name = '" + name + "'") // AV301
//	rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)       // ok
package sqli

import (
	"go/ast"
	"go/token"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/passes/sinks"
	"golang.org/x/tools/go/analysis"
)

var opts = lint.NewOptions('3')

// Analyzer reports AV301 and AV302.
var Analyzer = &analysis.Analyzer{
	Name:     "sqli",
	Doc:      "report SQL queries built by concatenation or formatting from non-constant values (AV301, AV302)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV301.md",
	Requires: []*analysis.Analyzer{sinks.Analyzer},
	Run:      run,
}

func init() { opts.Register(&Analyzer.Flags) }

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	if !rep.Enabled("AV301") && !rep.Enabled("AV302") && !rep.Enabled("AV002") {
		return nil, nil
	}
	for _, f := range pass.ResultOf[sinks.Analyzer].(*sinks.Result).Findings {
		if rep.Skipped(f.Call.Pos()) {
			continue
		}
		rule := "AV301"
		if f.Sink.Kind == sinks.SQLFragment {
			rule = "AV302"
		}
		rep.Report(lint.Finding{
			Rule:    rule,
			Node:    reportRange(f.Call),
			Message: message(f.Taint, f.Sink),
		})
	}
	rep.Finish()
	return nil, nil
}

// reportRange points at the method name of a chained call
// (db.Model(&u).\n\tWhere(...)) so the finding lands on the sink's line.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

func reportRange(call *ast.CallExpr) analysis.Range {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return span{sel.Sel.Pos(), call.End()}
	}
	return call
}
