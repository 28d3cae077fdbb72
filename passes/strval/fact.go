package strval

import (
	"go/constant"
	"go/token"
	"strconv"
	"strings"
)

// ValueFact is exported for package-level variables and struct fields that
// hold only constants, and for functions whose results are constant. It is
// gob-encodable and deterministic (slices only).
type ValueFact struct {
	Results []FactSet // one entry per constant result (variables and fields: Index 0)
}

// FactSet is one constant result.
type FactSet struct {
	Index int
	Many  bool
	Vals  []FactVal
}

// FactVal is one constant value in a portable form.
type FactVal struct {
	Kind int8   // constant.Kind
	Text string // strings: the value; others: constant.Value.ExactString
}

// AFact marks ValueFact as an analysis fact.
func (*ValueFact) AFact() {}

func (f *ValueFact) String() string {
	var parts []string
	for _, s := range f.Results {
		var vs []string
		for _, v := range s.Vals {
			c := v.value()
			if c == nil {
				continue
			}
			vs = append(vs, c.ExactString())
		}
		p := strconv.Itoa(s.Index) + ":[" + strings.Join(vs, " ") + "]"
		if s.Many {
			p += "+"
		}
		parts = append(parts, p)
	}
	return "strval " + strings.Join(parts, " ")
}

func toFactSet(index int, v *Value) FactSet {
	fs := FactSet{Index: index, Many: v.Many}
	for _, c := range v.Vals {
		fv := FactVal{Kind: int8(c.Kind())}
		if c.Kind() == constant.String {
			fv.Text = constant.StringVal(c)
		} else {
			fv.Text = c.ExactString()
		}
		fs.Vals = append(fs.Vals, fv)
	}
	return fs
}

func (fv FactVal) value() constant.Value {
	switch constant.Kind(fv.Kind) {
	case constant.String:
		return constant.MakeString(fv.Text)
	case constant.Bool:
		return constant.MakeBool(fv.Text == "true")
	case constant.Int:
		return constant.MakeFromLiteral(fv.Text, token.INT, 0)
	case constant.Float:
		// ExactString of a float may be a fraction "a/b".
		if num, den, ok := strings.Cut(fv.Text, "/"); ok {
			n := constant.MakeFromLiteral(num, token.INT, 0)
			d := constant.MakeFromLiteral(den, token.INT, 0)
			if n.Kind() == constant.Unknown || d.Kind() == constant.Unknown {
				return nil
			}
			return constant.BinaryOp(n, token.QUO, d)
		}
		return constant.MakeFromLiteral(fv.Text, token.FLOAT, 0)
	}
	return nil
}

func fromFactSet(fs FactSet) *Value {
	v := &Value{Many: fs.Many}
	for _, fv := range fs.Vals {
		c := fv.value()
		if c == nil || c.Kind() == constant.Unknown {
			return nil
		}
		v.Vals = append(v.Vals, c)
		v.Origins = append(v.Origins, token.NoPos)
	}
	return v
}
