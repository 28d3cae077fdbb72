package analyzers_test

// TestShape asserts what Bazel's nogo, go vet and golangci-lint need from
// every analyzer: each family package exports exactly one *analysis.Analyzer
// named Analyzer, names are unique valid identifiers, flags are documented,
// facts are gob-encodable and encode deterministically.

import (
	"bytes"
	"encoding/gob"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/apivet/apivet/analyzers"
	"golang.org/x/tools/go/analysis"
)

func sourceDir(t *testing.T, a *analysis.Analyzer) string {
	fn := runtime.FuncForPC(reflect.ValueOf(a.Run).Pointer())
	if fn == nil {
		t.Fatalf("%s: cannot locate Run", a.Name)
	}
	file, _ := fn.FileLine(fn.Entry())
	return filepath.Dir(file)
}

func TestShape(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	flagName := regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	seen := map[string]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a.Name] {
			return
		}
		seen[a.Name] = true
		for _, r := range a.Requires {
			visit(r)
		}
		for _, f := range a.FactTypes {
			checkFact(t, a, f)
		}
	}
	for _, a := range all {
		visit(a)
		if a.Doc == "" || a.URL == "" {
			t.Errorf("%s: Doc and URL are required", a.Name)
		}
		if strings.Contains(strings.SplitN(a.Doc, "\n", 2)[0], ". ") {
			t.Errorf("%s: the first line of Doc should be a short summary", a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if !flagName.MatchString(f.Name) || f.Usage == "" {
				t.Errorf("%s: flag %q needs a lower-case name and a usage", a.Name, f.Name)
			}
		})
		// Exactly one exported package-level variable: Analyzer.
		dir := sourceDir(t, a)
		fset := token.NewFileSet()
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var exported []string
		for _, e := range ents {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, s := range gd.Specs {
					for _, n := range s.(*ast.ValueSpec).Names {
						if n.IsExported() {
							exported = append(exported, n.Name)
						}
					}
				}
			}
		}
		if len(exported) != 1 || exported[0] != "Analyzer" {
			t.Errorf("%s (%s): exported package variables %v, want exactly [Analyzer]", a.Name, dir, exported)
		}
	}
}

func checkFact(t *testing.T, a *analysis.Analyzer, f analysis.Fact) {
	t.Helper()
	typ := reflect.TypeOf(f)
	if typ.Kind() != reflect.Pointer {
		t.Errorf("%s: fact %v is not a pointer", a.Name, typ)
		return
	}
	v := reflect.New(typ.Elem()).Interface()
	enc := func() []byte {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(v); err != nil {
			t.Errorf("%s: fact %v does not gob-encode: %v", a.Name, typ, err)
		}
		return buf.Bytes()
	}
	b1, b2 := enc(), enc()
	if !bytes.Equal(b1, b2) {
		t.Errorf("%s: fact %v encodes non-deterministically", a.Name, typ)
	}
	if err := gob.NewDecoder(bytes.NewReader(b1)).Decode(reflect.New(typ.Elem()).Interface()); err != nil {
		t.Errorf("%s: fact %v does not decode: %v", a.Name, typ, err)
	}
	// Maps iterate in random order: facts must not hold any.
	var noMaps func(rt reflect.Type, path string, depth int)
	noMaps = func(rt reflect.Type, path string, depth int) {
		if depth > 8 {
			return
		}
		switch rt.Kind() {
		case reflect.Map:
			t.Errorf("%s: fact %v holds a map at %s; use a sorted slice", a.Name, typ, path)
		case reflect.Pointer, reflect.Slice, reflect.Array:
			noMaps(rt.Elem(), path+"[]", depth+1)
		case reflect.Struct:
			for i := 0; i < rt.NumField(); i++ {
				noMaps(rt.Field(i).Type, path+"."+rt.Field(i).Name, depth+1)
			}
		}
	}
	noMaps(typ.Elem(), typ.Elem().Name(), 0)
}
