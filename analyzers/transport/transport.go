// Package transport defines an Analyzer that reports TLS configurations
// that turn certificate verification off, allow protocol versions below
// TLS 1.2 or enable cipher suites Go lists as insecure, and HTTP servers
// that never time out a client's request headers.
//
// # Analyzer transport
//
// transport: report TLS and transport settings that weaken connections
// and request bodies read with no size limit (AV801, AV802, AV803, AV804,
// AV805)
//
// The analyzer looks at every crypto/tls.Config the package builds, as a
// literal (also nested in http.Transport{TLSClientConfig: ...},
// http.Server{TLSConfig: ...} or a client library's setter) and as field
// assignments (cfg.InsecureSkipVerify = true,
// transport.TLSClientConfig.MinVersion = v), following values through
// variables, constants of other packages, helpers and environment
// switches. It reports on the field or the assignment.
//
//	&tls.Config{InsecureSkipVerify: true}                          // AV801
//	&tls.Config{MinVersion: tls.VersionTLS10}                      // AV802
//	&tls.Config{CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}} // AV803
//
// Silent on a zero MinVersion (Go's default is TLS 1.2), on
// InsecureSkipVerify in a configuration that verifies the chain itself
// (VerifyPeerCertificate, VerifyConnection) or only serves (a server never
// reads it), on opt-in knobs read from configuration files or flags, and
// on test support code (files importing testing or net/http/httptest,
// packages such as testutil).
//
// AV804 reports servers that set neither ReadHeaderTimeout nor
// ReadTimeout: http.ListenAndServe, ListenAndServeTLS, Serve and ServeTLS
// (a zero-value server), an http.Server literal whose timeouts are not set
// in the literal nor later on the same server (srv.ReadHeaderTimeout = d,
// also in a helper the server is passed to or returned from), a zero-value
// server started through its methods, gin's Run, RunTLS, RunListener and
// RunFd (gin builds a bare server), echo's Start and StartTLS when the
// package never sets e.Server's (respectively e.TLSServer's) timeouts, and
// fiber's Listen when the fiber.Config passed to fiber.New has no
// ReadTimeout (fasthttp then sets no read deadline at all). It reports on
// the start call or the literal, and offers to add ReadHeaderTimeout
// (-read-header-timeout, 10s by default) to a literal in a file that
// imports time.
//
//	http.ListenAndServe(":8080", mux)                  // AV804
//	&http.Server{Addr: addr, Handler: h}                // AV804
//	&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second} // ok
//
// Silent on a non-zero constant or a configured value whose number is not
// known, on listen addresses that only the machine reaches (localhost,
// 127.0.0.1, ::1), on echo and fiber instances built in another package
// or passed in as parameters, and on servers configured through something
// the analysis cannot follow.
//
// AV805 takes the routes from passes/routes and, for every route with a
// method that carries a body, the reads of its handler's summary:
// io.ReadAll(r.Body), io.Copy from the body, json and xml decoders on it,
// gin's Bind and ShouldBind families and GetRawData, echo's Bind, and
// r.ParseMultipartForm with a constant memory limit above
// -max-multipart-memory, with no http.MaxBytesReader or io.LimitReader
// applied to the body before them in the function (a helper's reads count
// for its callers). It reports each read on its own line when nothing in
// the route's chain bounds the body: http.MaxBytesHandler, chi's
// RequestSize, echo's BodyLimit, or a middleware of the module that wraps
// the body. Routes an exported function of another package registers are
// judged by the package that calls it, with the whole chain.
//
//	json.NewDecoder(r.Body).Decode(&n)                        // AV805 on an unbounded route
//	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)            // ok: the reads after it
//
// Silent on fiber (fasthttp's 4 MiB default limit), on handlers no known
// route reaches, on chains with a middleware it cannot identify, on GET,
// HEAD and OPTIONS routes, and on reads in middleware.
package transport

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"time"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/switches"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/routes"
	srvfacts "github.com/apivet/apivet/passes/servers"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

var (
	opts               = lint.NewOptions('8')
	minTLSVersion      = "1.2"
	readHeaderTimeout  = 10 * time.Second
	maxMultipartMemory = int64(32 << 20)
)

// Analyzer reports AV801, AV802, AV803, AV804 and AV805.
var Analyzer = &analysis.Analyzer{
	Name:     "transport",
	Doc:      "report TLS settings that skip verification, allow old versions or insecure cipher suites, servers without a read-header timeout, and request bodies read with no size limit (AV801, AV802, AV803, AV804, AV805)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV801.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer, routes.Analyzer, srvfacts.Analyzer},
	Run:      run,
}

func init() {
	opts.Register(&Analyzer.Flags)
	Analyzer.Flags.StringVar(&minTLSVersion, "min-tls-version", minTLSVersion,
		"lowest acceptable TLS version for AV802 (1.0, 1.1, 1.2 or 1.3); MinVersion and MaxVersion below it are reported")
	Analyzer.Flags.DurationVar(&readHeaderTimeout, "read-header-timeout", readHeaderTimeout,
		"the ReadHeaderTimeout AV804's suggested fix adds to an http.Server literal, and its message proposes")
	Analyzer.Flags.Int64Var(&maxMultipartMemory, "max-multipart-memory", maxMultipartMemory,
		"largest maxMemory, in bytes, AV805 accepts in r.ParseMultipartForm on a route whose body nothing bounds (net/http's own default is 32 MiB)")
}

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	sv    *strval.Result
	rep   *lint.Reporter
	root  inspector.Cursor
	bools *switches.Evaluator
	decls map[*types.Func]*ast.FuncDecl
	stmts map[token.Pos]inspector.Cursor
	// callbacks records writes of the verification callbacks, keyed by the
	// configuration's name and function (see configKey).
	callbacks map[string][]ast.Expr
	minVer    int64
	srv       *servers
	ctors     *srvfacts.Result // echo and fiber constructors of other packages
}

// site is one field of a watched struct set in a literal or an assignment.
type site struct {
	cur    inspector.Cursor // the KeyValueExpr or AssignStmt
	typ    string           // the struct's "pkgpath.Type"
	field  string
	value  ast.Expr
	lit    *ast.CompositeLit // the literal holding the field, if any
	litCur inspector.Cursor
	target ast.Expr // an assignment's struct expression (cfg in cfg.F = v)
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	minVer, ok := flagVersions[strings.TrimSpace(minTLSVersion)]
	if !ok {
		return nil, errBadVersion(minTLSVersion)
	}
	if readHeaderTimeout <= 0 {
		return nil, fmt.Errorf("-read-header-timeout: %v is not a positive duration", readHeaderTimeout)
	}
	if maxMultipartMemory <= 0 {
		return nil, fmt.Errorf("-max-multipart-memory: %d is not a positive number of bytes", maxMultipartMemory)
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		sv:        pass.ResultOf[strval.Analyzer].(*strval.Result),
		rep:       rep,
		root:      insp.Root(),
		decls:     map[*types.Func]*ast.FuncDecl{},
		stmts:     map[token.Pos]inspector.Cursor{},
		callbacks: map[string][]ast.Expr{},
		minVer:    minVer,
		srv:       newServers(),
		ctors:     pass.ResultOf[srvfacts.Analyzer].(*srvfacts.Result),
	}
	testFiles := map[*token.File]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
		for _, imp := range f.Imports {
			if testImports[strings.Trim(imp.Path.Value, `"`)] {
				testFiles[pass.Fset.File(f.FileStart)] = true
			}
		}
	}
	c.bools = &switches.Evaluator{Pkg: pass.Pkg, Info: c.info, SV: c.sv, Root: c.root, Skip: rep.Skipped, Decls: c.decls, Stmts: c.stmts}

	if !testPackage(pass.Pkg) {
		skip := func(pos token.Pos) bool {
			return rep.Skipped(pos) || testFiles[pass.Fset.File(pos)]
		}
		var sites []site
		filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.ReturnStmt)(nil), (*ast.ValueSpec)(nil)}
		for cur := range c.root.Preorder(filter...) {
			c.indexServer(cur)
			if skip(cur.Node().Pos()) {
				continue
			}
			c.serverSite(cur)
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				c.stmts[n.Pos()] = cur
				sites = c.assignSites(cur, n, sites)
			case *ast.CompositeLit:
				sites = c.literalSites(cur, n, sites)
			}
		}
		for _, s := range sites {
			c.check(s)
		}
		c.checkServers()
		if rep.Enabled("AV805") {
			c.checkBodies(pass.ResultOf[routes.Analyzer].(*routes.Result))
		}
	}
	rep.Finish()
	return nil, nil
}

type errBadVersion string

// funcOf returns the function a declaration declares.
func (c *checker) funcOf(fd *ast.FuncDecl) *types.Func {
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	return fn
}

func (e errBadVersion) Error() string {
	return "-min-tls-version: unknown version " + string(e) + " (want 1.0, 1.1, 1.2 or 1.3)"
}

// testPackage reports whether the package only supports tests.
func testPackage(pkg *types.Package) bool {
	name := strings.ToLower(pkg.Name())
	if testPackageWords[name] {
		return true
	}
	// httptest, fstest, acmetest, e2etest: the standard library's naming
	// for test support, minus English words that end the same way.
	if strings.HasSuffix(name, "test") && len(name) > len("test") && !notTestWords[name] {
		return true
	}
	for _, el := range strings.Split(pkg.Path(), "/") {
		if testPackageWords[strings.ToLower(el)] {
			return true
		}
	}
	return false
}

// structKey returns the watched struct type of t, or "".
func structKey(t types.Type) string {
	k := typesx.TypeKey(t)
	if _, ok := structFields[k]; ok {
		return k
	}
	return ""
}

func (c *checker) literalSites(cur inspector.Cursor, lit *ast.CompositeLit, sites []site) []site {
	typ := structKey(typesx.TypeOf(c.info, lit))
	if typ == "" {
		return sites
	}
	fields := structFields[typ]
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if _, watched := fields[key.Name]; !watched {
			continue
		}
		kvCur := cur.ChildAt(edge.CompositeLit_Elts, i)
		sites = append(sites, site{cur: kvCur, typ: typ, field: key.Name, value: kv.Value, lit: lit, litCur: cur})
	}
	return sites
}

func (c *checker) assignSites(cur inspector.Cursor, as *ast.AssignStmt, sites []site) []site {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return sites
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			continue
		}
		typ := structKey(typesx.TypeOf(c.info, sel.X))
		if typ == "" {
			continue
		}
		for _, vf := range verifyFields {
			if sel.Sel.Name == vf {
				key := c.configKey(cur, types.ExprString(sel.X))
				c.callbacks[key] = append(c.callbacks[key], as.Rhs[i])
			}
		}
		if _, watched := structFields[typ][sel.Sel.Name]; !watched {
			continue
		}
		sites = append(sites, site{cur: cur, typ: typ, field: sel.Sel.Name, value: as.Rhs[i], target: sel.X})
	}
	return sites
}

// configKey names a configuration within its function: "tr.TLSClientConfig"
// in the function at a given position.
func (c *checker) configKey(cur inspector.Cursor, name string) string {
	fn := switches.EnclosingFunc(cur)
	pos := token.NoPos
	if fn != nil {
		pos = fn.Pos()
	}
	return name + "@" + strconv.Itoa(int(pos))
}

func (c *checker) check(s site) {
	switch structFields[s.typ][s.field] {
	case ruleSkipVerify:
		c.checkSkipVerify(s)
	case ruleMinVersion:
		c.checkVersion(s, true)
	case ruleMaxVersion:
		c.checkVersion(s, false)
	case ruleCipherSuites:
		c.checkCipherSuites(s)
	}
}

// node is what a finding is reported on: the field or the assignment.
func (s site) node() ast.Node { return s.cur.Node() }
