package robust

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apivet/apivet/analyzers"
)

var (
	warm    sync.Once
	impOnce sync.Once
	imp     types.Importer
	impMu   sync.Mutex
)

// check parses and type-checks src as package example.com/fuzz/p; ok is
// false when it does not compile (the driver reports such packages).
func check(t testing.TB, srcs ...string) (fset *token.FileSet, pkg *types.Package, info *types.Info, files []*ast.File, ok bool) {
	impOnce.Do(func() { imp = importer.ForCompiler(token.NewFileSet(), "gc", nil) })
	fset = token.NewFileSet()
	for i, src := range srcs {
		f, err := parser.ParseFile(fset, fmt.Sprintf("f%d.go", i), src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, nil, nil, false
		}
		files = append(files, f)
	}
	info = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	var firstErr error
	conf := types.Config{
		Importer: lockedImporter{},
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	pkg, _ = conf.Check("example.com/fuzz/p", fset, files, info)
	return fset, pkg, info, files, firstErr == nil
}

type lockedImporter struct{}

// Import serialises the shared export-data importer (it is not safe for
// concurrent use) and allows only the standard library.
func (lockedImporter) Import(path string) (*types.Package, error) {
	impMu.Lock()
	defer impMu.Unlock()
	if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		return nil, fmt.Errorf("robust: only standard-library imports (%s)", path)
	}
	return imp.Import(path)
}

func runAll(t testing.TB, srcs ...string) {
	t.Helper()
	fset, pkg, info, files, ok := check(t, srcs...)
	if !ok {
		return
	}
	if _, err := Run(fset, pkg, info, files, analyzers.All()); err != nil {
		t.Fatalf("analyzer error: %v", err)
	}
}

const seedService = `package p

import (
	"crypto/md5"
	"crypto/tls"
	"database/sql"
	"fmt"
	"math/rand"
	"net/http"
	"strings"
	"time"
)

const secretKey = "hunter2hunter2hunter2"

type Repo struct{ db *sql.DB; table string }

func (r *Repo) Find(name string, cols []string) (*sql.Rows, error) {
	q := "SELECT " + strings.Join(cols, ",") + " FROM " + r.table + " WHERE name = '" + name + "'"
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %d", q, len(cols))
	return r.db.Query(sb.String())
}

func handler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	sum := md5.Sum([]byte(r.FormValue("password")))
	tok := fmt.Sprint(rand.Int63())
	http.SetCookie(w, &http.Cookie{Name: "session", Value: tok + string(sum[:])})
	_ = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}
	_ = time.Now().Add(720 * time.Hour)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", handler)
	http.ListenAndServe(":8080", mux)
}
`

const seedGenerics = `package p

import "database/sql"

type Number interface{ ~int | ~int64 | ~float64 }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

type Store[K comparable, V any] struct {
	db *sql.DB
	m  map[K]V
}

func (s *Store[K, V]) Get(table string, k K) (V, error) {
	var v V
	_, err := s.db.Query("SELECT v FROM " + table)
	return v, err
}

func Use() { _ = Sum(1, 2, 3); _ = (&Store[string, int]{}).m }
`

func FuzzAnalyzers(f *testing.F) {
	f.Add(seedService)
	f.Add(seedGenerics)
	f.Add("package p\n\nfunc f() { var x string = \"a\" + \"b\"; _ = x }\n")
	f.Add("package p\n\nimport \"database/sql\"\n\nfunc f(db *sql.DB, s string) { for { s += s; db.Exec(s) } }\n")
	f.Fuzz(func(t *testing.T, src string) {
		// The first import of the standard library can take a minute in a
		// fuzzing worker (export data is built with the worker's flags):
		// do it before the clock starts.
		warm.Do(func() { check(t, seedService) })
		done := make(chan struct{})
		go func() {
			defer close(done)
			runAll(t, src)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("no result after 20s for input:\n%s", src)
		}
	})
}

// TestHostile runs inputs that stress recursion, size and the type
// checker's corners through every analyzer.
func TestHostile(t *testing.T) {
	var b strings.Builder

	// Deeply nested concatenation flowing into a sink.
	b.WriteString("package p\n\nimport \"database/sql\"\n\nfunc f(db *sql.DB, s string) {\n\tq := ")
	for i := 0; i < 2000; i++ {
		b.WriteString("(s + ")
	}
	b.WriteString("\"x\"")
	b.WriteString(strings.Repeat(")", 2000))
	b.WriteString("\n\tdb.Query(q)\n}\n")
	deep := b.String()

	// A long chain of variables, each built from the last.
	b.Reset()
	b.WriteString("package p\n\nimport \"database/sql\"\n\nfunc f(db *sql.DB, s string) {\n\tv0 := s\n")
	for i := 1; i < 3000; i++ {
		fmt.Fprintf(&b, "\tv%d := v%d + \"a\"\n", i, i-1)
	}
	b.WriteString("\tdb.Query(v2999)\n}\n")
	chain := b.String()

	// A very large file: many functions and a huge literal.
	b.Reset()
	b.WriteString("package p\n\nimport \"database/sql\"\n\nconst big = \"" + strings.Repeat("A", 1<<20) + "\"\n\nvar password = \"" + strings.Repeat("x9Q", 100000) + "\"\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "func f%d(db *sql.DB, s string) { db.Query(\"SELECT %d FROM t WHERE a = '\" + s + \"'\" + big[:1]) }\n", i, i)
	}
	large := b.String()

	// Cycles between variables and functions.
	cycles := `package p

import "database/sql"

func a(s string) string { return b(s) + "x" }
func b(s string) string { return a(s) }

func f(db *sql.DB) {
	x := "a"
	y := x
	x = y + x
	db.Query(x + a(y))
}
`
	// Generated code is skipped; the analyzers must still cope with it.
	generated := "// Code generated by tool; DO NOT EDIT.\n\n" + seedService

	// Build-tagged file content (the driver selects files; here both parse).
	tagged := "//go:build integration\n\n" + seedGenerics

	for name, srcs := range map[string][]string{
		"deep":      {deep},
		"chain":     {chain},
		"large":     {large},
		"cycles":    {cycles},
		"generated": {generated},
		"tagged":    {tagged},
		"service":   {seedService},
		"generics":  {seedGenerics},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, _, _, ok := check(t, srcs...)
			if !ok && name != "deep" {
				t.Fatalf("%s does not type-check: the case tests nothing", name)
			}
			runAll(t, srcs...)
		})
	}
}
