package lint

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/apivet/apivet/internal/rules"
)

// Directive is one //apivet:ignore comment.
//
//	//apivet:ignore AV301 the column comes from a fixed list above
//	//apivet:ignore AV301,AV302 reason
//
// It silences the named rules on its own line and on the line below.
type Directive struct {
	From, To token.Pos
	Line     int
	IDs      []string // as written, upper-cased
	Unknown  []string // IDs that name no rule
	Reason   string
	used     map[string]bool
}

// Pos and End make a Directive an analysis.Range.
func (d *Directive) Pos() token.Pos { return d.From }
func (d *Directive) End() token.Pos { return d.To }

// Valid reports whether the directive names only known rules and gives a
// reason; only valid directives suppress anything.
func (d *Directive) Valid() bool {
	return len(d.IDs) > 0 && len(d.Unknown) == 0 && d.Reason != ""
}

// Names reports whether the directive names rule id.
func (d *Directive) Names(id string) bool {
	for _, x := range d.IDs {
		if x == id {
			return true
		}
	}
	return false
}

// Problem describes what is wrong with an invalid directive.
func (d *Directive) Problem() string {
	switch {
	case len(d.IDs) == 0:
		return "//apivet:ignore names no rule; write //apivet:ignore AV301 <reason>"
	case len(d.Unknown) > 0:
		return "//apivet:ignore names unknown rule " + strings.Join(d.Unknown, ", ") + "; see `apivet rules` for the IDs"
	case d.Reason == "":
		return "//apivet:ignore " + strings.Join(d.IDs, ",") + " gives no reason; add why the finding is safe after the rule ID"
	}
	return ""
}

// ParseDirectives returns the //apivet:ignore directives in f, in order.
func ParseDirectives(fset *token.FileSet, f *ast.File) []*Directive {
	var out []*Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text := c.Text
			if !strings.HasPrefix(text, "//") {
				continue
			}
			body := strings.TrimSpace(text[2:])
			rest, ok := strings.CutPrefix(body, "apivet:ignore")
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
				continue
			}
			d := &Directive{From: c.Pos(), To: c.End(), Line: fset.Position(c.Pos()).Line, used: map[string]bool{}}
			fields := strings.Fields(rest)
			if len(fields) > 0 && looksLikeIDList(fields[0]) {
				for _, id := range strings.Split(fields[0], ",") {
					id = strings.ToUpper(strings.TrimSpace(id))
					if id == "" {
						continue
					}
					d.IDs = append(d.IDs, id)
					if rules.ByID(id) == nil {
						d.Unknown = append(d.Unknown, id)
					}
				}
				fields = fields[1:]
			}
			d.Reason = strings.Join(fields, " ")
			out = append(out, d)
		}
	}
	return out
}

func looksLikeIDList(s string) bool {
	for _, id := range strings.Split(s, ",") {
		id = strings.TrimSpace(id)
		if len(id) < 3 || !strings.EqualFold(id[:2], "av") {
			if id != "" {
				return false
			}
		}
	}
	return true
}
