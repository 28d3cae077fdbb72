package sqli

import (
	"fmt"

	"github.com/apivet/apivet/passes/sinks"
)

// message renders a finding: what was built from what, where it goes, and
// what to do instead.
func message(t *sinks.Taint, sk sinks.Sink) string {
	subject := "query"
	if sk.Kind == sinks.SQLFragment {
		subject = "SQL clause"
	}
	target := sk.Name
	if sk.Via != "" {
		verb := "runs it with"
		if sk.Partial {
			verb = "builds it into a query for"
		}
		target = sk.Via + " (which " + verb + " " + sk.Name + ")"
	}
	if t.Whole {
		return fmt.Sprintf("%s text read from %s reaches %s; never run SQL text from the client: use a fixed %s with placeholders, choosing identifiers from an allow-list",
			subject, t.What, target, subject)
	}
	var advice string
	switch {
	case t.Ident:
		advice = "choose the identifier from an allow-list of constants (a switch or a map of fixed names)"
	default:
		ph := "a placeholder ($1 or ?, as the driver expects)"
		switch sk.Placeholder {
		case "$1":
			ph = "a placeholder ($1)"
		case "?":
			ph = "a placeholder (?)"
		}
		arg := t.Arg
		if arg == "" {
			arg = "the value"
		}
		advice = fmt.Sprintf("use %s and pass %s as an argument", ph, arg)
	}
	return fmt.Sprintf("%s built with %s from %s reaches %s; %s", subject, t.How, t.What, target, advice)
}
