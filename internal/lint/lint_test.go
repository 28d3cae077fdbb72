package lint

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestMatchPath(t *testing.T) {
	for _, c := range []struct {
		glob, file string
		want       bool
	}{
		{"internal/legacy/**", "/src/svc/internal/legacy/db/q.go", true},
		{"internal/legacy/**", "/src/svc/internal/legacyx/q.go", false},
		{"*_mock.go", "/a/b/user_mock.go", true},
		{"*_mock.go", "/a/b/user.go", false},
		{"cmd/tool/main.go", "/x/cmd/tool/main.go", true},
		{"**/gen/*.go", "/x/y/gen/a.go", true},
	} {
		if got := MatchPath([]string{c.glob}, c.file); got != c.want {
			t.Errorf("MatchPath(%q, %q) = %v", c.glob, c.file, got)
		}
	}
}

func TestParseDirectives(t *testing.T) {
	src := `package p

//apivet:ignore AV301 constant table names only
var a = 1

//apivet:ignore AV301,av302 two rules at once
var b = 2

//apivet:ignore AV301
var c = 3

//apivet:ignore just because
var d = 4

//apivet:ignore AV399 no such rule
var e = 5

// apivet:ignore AV301 a space after the slashes is accepted
var f = 6

//apivet:ignorex AV301 not a directive
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds := ParseDirectives(fset, f)
	if len(ds) != 6 {
		t.Fatalf("got %d directives, want 6", len(ds))
	}
	valid := []bool{true, true, false, false, false, true}
	for i, d := range ds {
		if d.Valid() != valid[i] {
			t.Errorf("directive %d (line %d): Valid = %v, want %v (%s)", i, d.Line, d.Valid(), valid[i], d.Problem())
		}
	}
	if !ds[1].Names("AV302") {
		t.Error("lower-case IDs are not normalised")
	}
	if ds[0].Reason != "constant table names only" {
		t.Errorf("reason = %q", ds[0].Reason)
	}
}
