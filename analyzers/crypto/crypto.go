// Package crypto defines an Analyzer that reports weak uses of
// cryptography: broken ciphers, passwords used as keys, static or reused
// IVs and nonces, ECB, unauthenticated encryption, weak hashes where
// strength matters, math/rand for secrets, weak parameters and deprecated
// crypto packages.
//
// # Analyzer crypto
//
// crypto: report broken ciphers, password-derived keys, static IVs, ECB,
// unauthenticated modes, weak hashes, math/rand secrets, weak parameters and
// deprecated crypto packages (AV601-AV609)
//
//   - AV601: des.NewCipher, des.NewTripleDESCipher, rc4.NewCipher and the
//     x/crypto Blowfish, CAST5, TEA and XTEA constructors.
//   - AV602: a password or passphrase used directly as a cipher or HMAC key,
//     or turned into one by a single fast hash instead of a KDF.
//   - AV603: an IV or nonce that is a literal or constant, an all-zero
//     buffer never filled from crypto/rand, taken from the key, created once
//     and reused by every Seal (outside the loop, in a struct field), or
//     passed to two Seal calls.
//   - AV604: a block cipher's Encrypt or Decrypt applied block by block in
//     a loop (ECB).
//   - AV605: CFB, OFB or CTR with no MAC or signature in the function, its
//     callers (two levels up) or the functions they call.
//   - AV606: MD5 or SHA-1 for signatures, our own HMACs and tokens, and any
//     fast hash storing a password (also through a hash helper of another
//     package named for its algorithm, utils.MD5(password)). Checksums,
//     ETags and cache keys are not reported; neither is HMAC-SHA1 verifying
//     a third party's webhook or a TOTP code.
//   - AV607: math/rand and math/rand/v2 values that become keys, IVs,
//     nonces, salts, tokens, session IDs, passwords or one-time codes, also
//     through a helper of the package. Jitter, sampling, shuffling and load
//     balancing are not reported.
//   - AV608: RSA keys under -min-rsa-bits, bcrypt costs under
//     -min-bcrypt-cost, PBKDF2 iterations under -min-pbkdf2-iterations,
//     argon2 memory under -min-argon2-memory, scrypt N under -min-scrypt-n.
//   - AV609: imports of deprecated crypto packages (x/crypto/openpgp, md4,
//     ripemd160, twofish, poly1305, otr, bn256, crypto/dsa).
//
// Findings are reported on the call that uses the weak primitive or
// parameter; AV609 on the import.
//
//	block, _ := des.NewCipher(key)                    // AV601
//	key := sha256.Sum256([]byte(passphrase))          // AV602
//	mode := cipher.NewCBCEncrypter(block, []byte(iv)) // AV603 when iv is constant
//	sid := strconv.Itoa(rand.Int())                   // AV607 (math/rand)
package crypto

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

var opts = lint.NewOptions('6')

// Thresholds of AV608, set through the analyzer's flags.
var (
	minRSABits         = 2048
	minBcryptCost      = 10
	minPBKDF2Iter      = 600000
	minArgon2MemoryKiB = 19456
	minScryptN         = 16384
)

// Analyzer reports AV601-AV609.
var Analyzer = &analysis.Analyzer{
	Name:     "crypto",
	Doc:      "report broken ciphers, password-derived keys, static IVs, ECB, unauthenticated modes, weak hashes, math/rand secrets, weak parameters and deprecated crypto packages (AV601-AV609)",
	URL:      "https://github.com/apivet/apivet/blob/main/docs/rules/AV601.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, strval.Analyzer},
	Run:      run,
}

func init() {
	opts.Register(&Analyzer.Flags)
	registerThresholds(&Analyzer.Flags)
}

func registerThresholds(fs *flag.FlagSet) {
	fs.IntVar(&minRSABits, "min-rsa-bits", minRSABits, "AV608: smallest acceptable RSA modulus in bits")
	fs.IntVar(&minBcryptCost, "min-bcrypt-cost", minBcryptCost, "AV608: smallest acceptable bcrypt cost")
	fs.IntVar(&minPBKDF2Iter, "min-pbkdf2-iterations", minPBKDF2Iter,
		"AV608: smallest acceptable PBKDF2-HMAC-SHA256 iteration count; SHA-512 needs 0.35x and SHA-1 2.17x this (OWASP's 210,000 and 1,300,000 by default)")
	fs.IntVar(&minArgon2MemoryKiB, "min-argon2-memory", minArgon2MemoryKiB,
		"AV608: smallest acceptable argon2 memory in KiB at time cost 2 (OWASP: 19456); less memory is accepted with proportionally more passes")
	fs.IntVar(&minScryptN, "min-scrypt-n", minScryptN, "AV608: smallest acceptable scrypt cost parameter N")
}

// cand is a call the second phase looks at.
type cand struct {
	cur  inspector.Cursor
	call *ast.CallExpr
	fn   *types.Func
	key  string
}

// funcTags says what kinds of calls a function declaration contains.
type funcTags struct {
	kdf       bool          // calls bcrypt, scrypt, argon2, pbkdf2, hkdf
	integrity bool          // MACs or signs something
	callees   []*types.Func // functions of the package it calls
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	sv   *strval.Result
	rep  *lint.Reporter
	root inspector.Cursor

	cands   []cand
	callers map[*types.Func][]inspector.Cursor // calls of functions declared in this package
	decls   map[*types.Func]*ast.FuncDecl
	tags    map[*ast.FuncDecl]*funcTags
	seals   []cand // AEAD Seal-like calls, for nonce reuse

	uses map[types.Object][]*ast.Ident // built on first need
	once map[string]bool               // rule and line already reported
}

func run(pass *analysis.Pass) (any, error) {
	if lint.NoSyntax(pass) || lint.IsDependency(pass) {
		return nil, nil
	}
	rep, err := lint.NewReporter(pass, opts)
	if err != nil {
		return nil, err
	}
	if !anyEnabled(rep) {
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		info:    pass.TypesInfo,
		sv:      pass.ResultOf[strval.Analyzer].(*strval.Result),
		rep:     rep,
		root:    pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root(),
		callers: map[*types.Func][]inspector.Cursor{},
		decls:   map[*types.Func]*ast.FuncDecl{},
		tags:    map[*ast.FuncDecl]*funcTags{},
		once:    map[string]bool{},
	}
	c.walk()
	for _, cc := range c.cands {
		c.check(cc)
	}
	rep.Finish()
	return nil, nil
}

func anyEnabled(rep *lint.Reporter) bool {
	for _, id := range []string{"AV601", "AV602", "AV603", "AV604", "AV605", "AV606", "AV607", "AV608", "AV609", "AV002"} {
		if rep.Enabled(id) {
			return true
		}
	}
	return false
}

// walk is the analyzer's one pass over the syntax of the files the
// reporter keeps: it reports deprecated imports and collects the calls the
// rules look at, the callers of the package's functions, and what each
// function declaration calls.
func (c *checker) walk() {
	for file := range c.root.Children() {
		f, ok := file.Node().(*ast.File)
		if !ok || c.rep.Skipped(f.Pos()) {
			continue
		}
		for cur := range file.Preorder((*ast.ImportSpec)(nil), (*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.ImportSpec:
				c.checkImport(n)
			case *ast.FuncDecl:
				if fn, ok := c.info.Defs[n.Name].(*types.Func); ok {
					c.decls[fn] = n
				}
			case *ast.CallExpr:
				fn := typesx.Callee(c.info, n)
				if fn == nil {
					continue
				}
				fd := outerFunc(cur)
				if fn.Pkg() == c.pass.Pkg {
					c.callers[fn] = append(c.callers[fn], cur)
					if fd != nil {
						c.tagsOf(fd).callees = append(c.tagsOf(fd).callees, fn)
					}
				}
				key := typesx.FuncKey(fn)
				if kdfs[key] && !kdfVerifiers[key] && fd != nil {
					c.tagsOf(fd).kdf = true
				}
				if integrityCalls[key] && fd != nil {
					c.tagsOf(fd).integrity = true
				}
				if !c.interesting(fn, key) {
					continue
				}
				cc := cand{cur: cur, call: n, fn: fn, key: key}
				c.cands = append(c.cands, cc)
				if s, ok := ivSinks[key]; ok && s.seal {
					c.seals = append(c.seals, cc)
				}
			}
		}
	}
}

func (c *checker) tagsOf(fd *ast.FuncDecl) *funcTags {
	t := c.tags[fd]
	if t == nil {
		t = &funcTags{}
		c.tags[fd] = t
	}
	return t
}

func (c *checker) interesting(fn *types.Func, key string) bool {
	if _, ok := brokenCiphers[key]; ok {
		return true
	}
	if _, ok := keyArgs[key]; ok {
		return true
	}
	if _, ok := ivSinks[key]; ok {
		return true
	}
	if _, ok := hashFuncs[key]; ok {
		return true
	}
	if _, ok := signers[key]; ok {
		return true
	}
	if _, ok := weakParams[key]; ok || mathRandValues[key] {
		return true
	}
	if _, ok := c.helperHash(fn); ok {
		return true
	}
	return isBlockMethod(fn)
}

// check runs every rule that applies to one collected call.
func (c *checker) check(cc cand) {
	if bc, ok := brokenCiphers[cc.key]; ok {
		c.brokenCipher(cc, bc)
	}
	if i, ok := keyArgs[cc.key]; ok && i < len(cc.call.Args) {
		c.passwordKey(cc, cc.call.Args[i])
	}
	if s, ok := ivSinks[cc.key]; ok && s.arg < len(cc.call.Args) {
		c.ivCheck(cc, s)
	}
	if mode, ok := unauthModes[cc.key]; ok {
		c.unauthenticated(cc, mode)
	}
	if alg, ok := hashFuncs[cc.key]; ok {
		c.hashCall(cc, alg)
	} else if alg, ok := c.helperHash(cc.fn); ok {
		c.hashCall(cc, alg)
	}
	if cc.key == "crypto/hmac.New" {
		c.hmacHash(cc)
	}
	if sg, ok := signers[cc.key]; ok {
		c.signerHash(cc, sg)
	}
	if mathRandValues[cc.key] {
		c.mathRand(cc)
	}
	if p, ok := weakParams[cc.key]; ok {
		c.weakParam(cc, p)
	}
	if isBlockMethod(cc.fn) {
		c.ecb(cc)
	}
}

// checkImport reports AV609.
func (c *checker) checkImport(spec *ast.ImportSpec) {
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return
	}
	instead, ok := deprecatedPkgs[path]
	if !ok {
		for _, p := range deprecatedPrefixes {
			if strings.HasPrefix(path, p) {
				instead, ok = deprecatedPkgs[strings.TrimSuffix(p, "/")], true
			}
		}
	}
	if !ok {
		return
	}
	c.reportf("AV609", spec, "%s is deprecated and unmaintained; use %s", path, instead)
}

// brokenCipher reports AV601.
func (c *checker) brokenCipher(cc cand, bc brokenCipher) {
	c.reportf("AV601", cc.call, "%s uses %s, and %s; use AES-GCM (crypto/aes with cipher.NewGCM) or chacha20poly1305",
		typesx.FuncDisplay(cc.fn), bc.name, bc.why)
}

// unauthenticated reports AV605 unless the ciphertext may be
// authenticated: the function, a function calling it (two levels up), or a
// function any of these calls MACs or signs something.
func (c *checker) unauthenticated(cc cand, mode string) {
	if fd := outerFunc(cc.cur); fd != nil && c.nearIntegrity(fd) {
		return
	}
	c.reportf("AV605", cc.call, "%s uses %s mode with no MAC over the ciphertext, so an attacker can flip plaintext bits undetected; use an AEAD (cipher.NewGCM or chacha20poly1305), or add an HMAC over iv and ciphertext",
		typesx.FuncDisplay(cc.fn), mode)
}

// nearIntegrity reports whether fd, its callers and their callers, or a
// function one of them calls, computes a MAC or a signature.
func (c *checker) nearIntegrity(fd *ast.FuncDecl) bool {
	related := []*ast.FuncDecl{fd}
	seen := map[*ast.FuncDecl]bool{fd: true}
	add := func(d *ast.FuncDecl) {
		if d != nil && !seen[d] {
			seen[d] = true
			related = append(related, d)
		}
	}
	for level := 0; level < 2; level++ {
		for _, d := range related {
			if fn, ok := c.info.Defs[d.Name].(*types.Func); ok {
				for _, call := range c.callers[fn] {
					add(outerFunc(call))
				}
			}
		}
	}
	for _, d := range related {
		t := c.tagsOf(d)
		if t.integrity {
			return true
		}
		for _, callee := range t.callees {
			if cd := c.decls[callee]; cd != nil && c.tagsOf(cd).integrity {
				return true
			}
		}
	}
	return false
}

// Helpers on cursors and syntax.

// outerFunc returns the function declaration around cur, or nil at
// package level.
func outerFunc(cur inspector.Cursor) *ast.FuncDecl {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return enc.Node().(*ast.FuncDecl)
	}
	return nil
}

// innerFunc returns the innermost function (declaration or literal)
// around cur.
func innerFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return enc, true
	}
	return inspector.Cursor{}, false
}

// cursorOf returns the cursor of a node of the package.
func (c *checker) cursorOf(n ast.Node) (inspector.Cursor, bool) {
	cur, ok := c.root.FindByPos(n.Pos(), n.End())
	for ok && cur.Node() != n {
		if _, isFile := cur.Node().(*ast.File); isFile {
			return inspector.Cursor{}, false
		}
		cur = cur.Parent()
	}
	return cur, ok
}

// usesOf returns the identifiers that refer to a variable of this package
// in the files the reporter keeps, in source order.
func (c *checker) usesOf(obj types.Object) []*ast.Ident {
	if c.uses == nil {
		c.uses = map[types.Object][]*ast.Ident{}
		for id, o := range c.info.Uses {
			v, ok := o.(*types.Var)
			if !ok || v.Pkg() != c.pass.Pkg || c.rep.Skipped(id.Pos()) {
				continue
			}
			c.uses[v] = append(c.uses[v], id)
		}
		for _, ids := range c.uses {
			sortIdents(ids)
		}
	}
	return c.uses[obj]
}

func sortIdents(ids []*ast.Ident) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j].Pos() < ids[j-1].Pos(); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// isWrite reports whether the identifier at cur is written, not read:
// the left side of an assignment (x = ..., x[i] = ..., x.f = ...) or a
// composite literal key.
func isWrite(cur inspector.Cursor) bool {
	n := cur.Node()
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
			if ix, ok := pn.(*ast.IndexExpr); ok && ix.Index == n {
				return false
			}
			if sel, ok := pn.(*ast.SelectorExpr); ok && sel.X != n && sel.Sel != n {
				return false
			}
			n = pn
			continue
		case *ast.AssignStmt:
			for _, l := range pn.Lhs {
				if l == n {
					return true
				}
			}
			return false
		case *ast.KeyValueExpr:
			return pn.Key == n
		case *ast.IncDecStmt:
			return true
		}
		return false
	}
	return false
}

// rootObj returns the variable an expression reads, through parentheses,
// conversions, slicing, indexing, & and *: iv[:12] → iv, &nonce → nonce,
// c.key → the field key.
func (c *checker) rootObj(e ast.Expr) *types.Var {
	for i := 0; i < 8; i++ {
		e = typesx.StripConversions(c.info, e)
		switch x := e.(type) {
		case *ast.SliceExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident, *ast.SelectorExpr:
			v, _ := typesx.ObjectOf(c.info, x).(*types.Var)
			return v
		default:
			return nil
		}
	}
	return nil
}

// ctxWords returns the words of the names around cur: the enclosing
// function, its receiver type, and the package.
func (c *checker) ctxWords(cur inspector.Cursor) []string {
	var words []string
	if fd := outerFunc(cur); fd != nil {
		words = append(words, typesx.NameWords(fd.Name.Name)...)
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			if n := typesx.Named(typesx.TypeOf(c.info, fd.Recv.List[0].Type)); n != nil {
				words = append(words, typesx.NameWords(n.Obj().Name())...)
			}
		}
	}
	return words
}

// typeWords returns the words of a named type's name.
func typeWords(t types.Type) []string {
	if n := typesx.Named(t); n != nil {
		return typesx.NameWords(n.Obj().Name())
	}
	return nil
}

// builtinName returns the name of the builtin a call invokes, or "".
func (c *checker) builtinName(call *ast.CallExpr) string {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			return b.Name()
		}
	}
	return ""
}

func argIndex(call *ast.CallExpr, e ast.Node) int {
	for i, a := range call.Args {
		if a == e {
			return i
		}
	}
	return -1
}

// line returns the line of a position, for messages.
func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// short quotes a constant for a message, shortening long values.
func short(s string) string {
	if len(s) > 12 {
		return strconv.Quote(s[:8]) + "…"
	}
	return strconv.Quote(s)
}

// quoteName quotes a name (a map key, a header, an environment variable)
// for a message.
func quoteName(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:36]) + "…"
	}
	return strconv.Quote(s)
}

// exprName renders an IV, nonce or key expression for a message, looking
// through conversions: []byte(consts.IV) → consts.IV, key[:16] → key[...].
func exprName(info *types.Info, e ast.Expr) string {
	e = typesx.StripConversions(info, e)
	if s, ok := e.(*ast.SliceExpr); ok {
		return exprName(info, s.X) + "[...]"
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return "&" + exprName(info, u.X)
	}
	return typesx.ExprName(e)
}

// report reports a finding once per rule and line: two math/rand calls
// making one token (fmt.Sprintf("%x%x", rand.Uint64(), rand.Uint64())) are
// one finding.
func (c *checker) report(f lint.Finding) {
	p := c.pass.Fset.Position(f.Node.Pos())
	key := fmt.Sprintf("%s %s:%d", f.Rule, p.Filename, p.Line)
	if c.once[key] {
		return
	}
	c.once[key] = true
	c.rep.Report(f)
}

func (c *checker) reportf(rule string, node analysis.Range, format string, args ...any) {
	c.report(lint.Finding{Rule: rule, Node: node, Message: fmt.Sprintf(format, args...)})
}

// helperHash recognises a hash helper of another package by its name
// (utils.MD5(s), helpers.Sha256Hex(s), cryptor.Md5String(s)): its hash
// call lies where this pass cannot see, so its call is treated as the
// hash. HMAC and file helpers are not.
func (c *checker) helperHash(fn *types.Func) (hashAlg, bool) {
	pkg := fn.Pkg()
	if pkg == nil || pkg == c.pass.Pkg || !strings.Contains(strings.SplitN(pkg.Path(), "/", 2)[0], ".") {
		return hashAlg{}, false
	}
	if strings.HasPrefix(pkg.Path(), xcrypto) {
		return hashAlg{}, false
	}
	sig := fn.Signature()
	if sig.Params().Len() == 0 || sig.Results().Len() == 0 || !textual(sig.Results().At(0).Type()) {
		return hashAlg{}, false
	}
	var alg hashAlg
	for _, w := range typesx.NameWords(fn.Name()) {
		if helperSkipWords[w] {
			return hashAlg{}, false
		}
		if a, ok := helperHashWords[w]; ok {
			alg = a
		}
	}
	return alg, alg.name != ""
}
