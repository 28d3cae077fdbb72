package crypto

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/ast/inspector"
)

// Passwords, keys derived from them, and what hashes are used for
// (AV602, AV606).

const maxPasswordDepth = 6

// password reports whether e holds a password, with a name for it:
// a password-named variable, field or parameter, a request or config value
// read under a password key, a parameter of a password function, or a
// helper parameter whose callers pass one. Hashes and KDFs stop the search:
// their result is no longer the password itself.
func (c *checker) password(e ast.Expr, depth int, seen map[types.Object]bool) (string, bool) {
	if depth > maxPasswordDepth || e == nil {
		return "", false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := c.info.ObjectOf(x).(*types.Var)
		if !ok || !textual(v.Type()) {
			return "", false
		}
		if isPasswordName(x.Name) {
			return x.Name, true
		}
		return c.passwordVar(v, depth, seen)
	case *ast.SelectorExpr:
		if isPasswordName(x.Sel.Name) && textual(typesx.TypeOf(c.info, x)) {
			return typesx.ExprName(x), true
		}
	case *ast.CallExpr:
		return c.passwordCall(x, depth, seen)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			if n, ok := c.password(x.X, depth+1, seen); ok {
				return n, true
			}
			return c.password(x.Y, depth+1, seen)
		}
	case *ast.IndexExpr:
		// creds["password"], mux.Vars(r)["password"]
		if s, ok := c.sv.String(x.Index); ok && isPasswordName(s) {
			return typesx.ExprName(x.X) + "[" + quoteName(s) + "]", true
		}
	case *ast.SliceExpr:
		return c.password(x.X, depth+1, seen)
	case *ast.StarExpr:
		return c.password(x.X, depth+1, seen)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.password(x.X, depth+1, seen)
		}
	}
	return "", false
}

func (c *checker) passwordCall(x *ast.CallExpr, depth int, seen map[types.Object]bool) (string, bool) {
	if typesx.IsConversion(c.info, x) {
		return c.password(x.Args[0], depth+1, seen)
	}
	switch c.builtinName(x) {
	case "":
	case "append":
		for _, a := range x.Args {
			if n, ok := c.password(a, depth+1, seen); ok {
				return n, true
			}
		}
		return "", false
	default:
		return "", false
	}
	fn := typesx.Callee(c.info, x)
	if fn == nil {
		return "", false
	}
	key := typesx.FuncKey(fn)
	if transparent[key] || (fn.Pkg() != nil && (fn.Pkg().Path() == "strings" || fn.Pkg().Path() == "bytes") && typesx.Recv(fn) == nil) {
		for _, a := range x.Args {
			if n, ok := c.password(a, depth+1, seen); ok {
				return n, true
			}
		}
		return "", false
	}
	if !textual(typesx.TypeOf(c.info, x)) && !tupleStartsTextual(fn) {
		return "", false
	}
	if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && valueMethods[fn.Name()] {
		return c.password(sel.X, depth+1, seen)
	}
	// getPassword(), term.ReadPassword(fd), u.Password()
	if isPasswordName(fn.Name()) {
		return typesx.ExprName(x), true
	}
	// r.FormValue("password"), c.PostForm("passphrase"), os.Getenv("DB_PASSWORD")
	for _, a := range x.Args {
		if s, ok := c.sv.String(a); ok && isPasswordName(s) {
			return typesx.ExprName(x.Fun) + "(" + quoteName(s) + ")", true
		}
	}
	return "", false
}

func tupleStartsTextual(fn *types.Func) bool {
	r := fn.Signature().Results()
	return r.Len() > 1 && textual(r.At(0).Type())
}

// passwordVar follows a variable without a password name to what it was
// assigned, what was copied into it, and, for a parameter, what the
// function is about and what its callers pass.
func (c *checker) passwordVar(v *types.Var, depth int, seen map[types.Object]bool) (string, bool) {
	if seen[v] || v.Pkg() != c.pass.Pkg {
		return "", false
	}
	seen[v] = true
	if fn, idx, ok := c.sv.Param(v); ok {
		if funcMentionsPassword(fn.Name()) && !isNegatedName(v.Name()) {
			return v.Name(), true
		}
		for _, call := range c.callers[fn] {
			args := call.Node().(*ast.CallExpr).Args
			if idx < len(args) && !fn.Signature().Variadic() {
				if n, ok := c.password(args[idx], depth+1, seen); ok {
					return n, true
				}
			}
		}
		return "", false
	}
	writes, _ := c.sv.Assignments(v)
	for _, w := range writes {
		if w.RHS == nil || w.Op != token.ASSIGN {
			continue
		}
		switch w.Kind {
		case strval.Plain:
			if n, ok := c.password(w.RHS, depth+1, seen); ok {
				return n, true
			}
		case strval.Tuple: // pw, err := term.ReadPassword(fd)
			if w.Index == 0 {
				if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok {
					if n, ok := c.passwordCall(call, depth+1, seen); ok {
						return n, true
					}
				}
			}
		}
	}
	// copy(key, password)
	for _, id := range c.usesOf(v) {
		cur, ok := c.cursorOf(id)
		if !ok {
			continue
		}
		if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && c.builtinName(call) == "copy" && len(call.Args) == 2 && call.Args[0] == id {
			if n, ok := c.password(call.Args[1], depth+1, seen); ok {
				return n, true
			}
		}
	}
	return "", false
}

// isNegatedName reports whether a parameter's name says it is not the
// password itself (hashed, salt, stored).
func isNegatedName(name string) bool {
	for _, w := range typesx.NameWords(name) {
		if passwordNegations[w] {
			return true
		}
	}
	return false
}

// textual reports whether t can carry a password: a string or bytes.
func textual(t types.Type) bool {
	if t == nil {
		return false
	}
	return typesx.IsString(t) || isByteData(t)
}

// passwordKey reports AV602 for a password used directly as a key.
func (c *checker) passwordKey(cc cand, keyExpr ast.Expr) {
	name, ok := c.password(keyExpr, 0, map[types.Object]bool{})
	if !ok {
		return
	}
	what := "key"
	if cc.key == "crypto/hmac.New" {
		what = "HMAC key"
	}
	c.reportf("AV602", cc.call, "password %s is used directly as the %s of %s; derive the key with scrypt, argon2.IDKey or pbkdf2 and a random salt",
		name, what, typesx.FuncDisplay(cc.fn))
}

// hashCall looks at what a hash is computed over and what its digest is
// used for (AV602, AV606).
func (c *checker) hashCall(cc cand, alg hashAlg) {
	inputs, outputs := c.hashFlow(cc, alg)
	if len(outputs) == 0 {
		return
	}
	seen := map[types.Object]bool{}
	for _, in := range inputs {
		if name, ok := c.password(in, 0, seen); ok {
			c.hashedPassword(cc, alg, name, outputs)
			return
		}
	}
	if !alg.weak || c.random(inputs) {
		return
	}
	// A token is only predictable when made of guessable data: an e-mail,
	// a user ID, the time.
	secretInput := c.secretInput(inputs) || !c.guessable(inputs)
	var found dest
	kind := secNone
	for _, out := range outputs {
		c.destsOf(out, func(d dest) bool {
			if d.kind == dArg {
				if sg, ok := signers[d.key]; ok && d.arg == sg.digest {
					if sg.hash >= 0 {
						return false // the signing call names its hash and is reported there
					}
					found, kind = d, secSig
					return false
				}
				if _, ok := keyArgs[d.key]; ok || kdfs[d.key] {
					return false // key material or KDF input: not a token
				}
			}
			switch k := c.destKind(d, false); k {
			case secSig:
				found, kind = d, k
				return false
			case secToken, secPassword, secCode:
				if secretInput {
					return true // the digest of an existing secret, kept to look it up
				}
				found, kind = d, k
				return false
			}
			return true
		})
		if kind != secNone {
			break
		}
	}
	if kind == secNone {
		return
	}
	upper := strings.ToUpper(alg.name)
	if kind == secSig {
		// Even a partner's scheme (md5(secret + body), a webhook's SHA-1
		// of the parameters) is forgeable: unlike HMAC-SHA1, a bare digest
		// is no MAC, so it is reported whoever chose it.
		c.reportf("AV606", cc.call, "%s digest used as %s: %s collisions let an attacker forge it; use SHA-256 (HMAC-SHA256 for MACs, crypto.SHA256 for signatures)",
			alg.name, describe(found, kind), upper)
		return
	}
	c.reportf("AV606", cc.call, "%s digest used as %s is predictable from its inputs; generate tokens with crypto/rand (rand.Text() or 32 bytes from rand.Read)",
		alg.name, describe(found, kind))
}

// hashFlow returns what a hash call digests and the cursors of its
// digests: the argument and the call for Sum functions; the Write,
// io.WriteString and fmt.Fprint inputs and the Sum calls of a hash.Hash
// made by a New function and stored in a variable.
func (c *checker) hashFlow(cc cand, alg hashAlg) (inputs []ast.Expr, outputs []inspector.Cursor) {
	if alg.sum {
		return cc.call.Args, []inspector.Cursor{cc.cur}
	}
	var v *types.Var
	switch p := cc.cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if r == cc.call {
					v = c.rootObj(p.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		for i, r := range p.Values {
			if r == cc.call && i < len(p.Names) {
				v, _ = c.info.Defs[p.Names[i]].(*types.Var)
			}
		}
	}
	if v == nil {
		return nil, nil
	}
	for _, m := range c.sv.MethodCalls(v) {
		sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		switch sel.Sel.Name {
		case "Write", "WriteString":
			inputs = append(inputs, m.Args...)
		case "Sum":
			if cur, ok := c.cursorOf(m); ok {
				outputs = append(outputs, cur)
			}
		}
	}
	for _, id := range c.usesOf(v) {
		cur, ok := c.cursorOf(id)
		if !ok {
			continue
		}
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || len(call.Args) < 2 || call.Args[0] != id {
			continue
		}
		if fn := typesx.Callee(c.info, call); fn != nil && fn.Pkg() != nil {
			switch typesx.FuncKey(fn) {
			case "io.WriteString", "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln":
				inputs = append(inputs, call.Args[1:]...)
			}
		}
	}
	return inputs, outputs
}

// hashedPassword reports a hash over a password: AV602 when the digest
// becomes a key, AV606 when it is stored or compared, nothing when the
// digest only feeds a KDF (bcrypt's 72-byte pre-hash), the function also
// runs a KDF, or it is a Have I Been Pwned range query.
func (c *checker) hashedPassword(cc cand, alg hashAlg, name string, outputs []inspector.Cursor) {
	asKey, toKDF := false, false
	for _, out := range outputs {
		c.destsOf(out, func(d dest) bool {
			if d.kind == dArg {
				if kdfs[d.key] {
					toKDF = true
					return false
				}
				if i, ok := keyArgs[d.key]; ok && i == d.arg {
					asKey = true
					return false
				}
			}
			if c.destKind(d, true) == secKey {
				asKey = true
				return false
			}
			return true
		})
	}
	display := typesx.FuncDisplay(cc.fn)
	if asKey {
		c.reportf("AV602", cc.call, "%s of password %s is used as a key: a fast hash is not a password KDF and is brute-forced quickly; derive the key with scrypt, argon2.IDKey or pbkdf2 and a random salt",
			display, name)
		return
	}
	if toKDF {
		return
	}
	if fd := outerFunc(cc.cur); fd != nil && (c.tagsOf(fd).kdf || c.pwned(fd)) {
		return
	}
	if alg.weak {
		c.reportf("AV606", cc.call, "%s hashes password %s with %s, which is broken and fast to brute-force; store passwords with bcrypt.GenerateFromPassword, argon2.IDKey or scrypt",
			display, name, strings.ToUpper(alg.name))
		return
	}
	c.reportf("AV606", cc.call, "%s hashes password %s with a fast hash (%s) that GPUs brute-force at billions of guesses per second; store passwords with bcrypt.GenerateFromPassword, argon2.IDKey or scrypt",
		display, name, strings.ToUpper(alg.name))
}

// pwned reports whether a function queries Have I Been Pwned, whose range
// API takes the SHA-1 of the password by design.
func (c *checker) pwned(fd *ast.FuncDecl) bool {
	if anyWord(typesx.NameWords(fd.Name.Name), pwnedWords) {
		return true
	}
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(strings.ToLower(lit.Value), "pwnedpasswords") {
			found = true
		}
		return !found
	})
	return found
}

// random reports whether a hash input includes unpredictable data: bytes
// filled from crypto/rand, crypto/rand.Text, a random UUID. The digest of
// such input is as unpredictable as the input.
func (c *checker) random(inputs []ast.Expr) bool {
	for _, in := range inputs {
		found := false
		ast.Inspect(in, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				if fn := typesx.Callee(c.info, x); fn != nil && cryptoRandValues[typesx.FuncKey(fn)] {
					found = true
				}
			case *ast.Ident:
				if v, ok := c.info.ObjectOf(x).(*types.Var); ok && c.cryptoFilled(v) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// cryptoFilled reports whether a variable is filled from crypto/rand or
// assigned a crypto/rand value.
func (c *checker) cryptoFilled(v *types.Var) bool {
	if v.Pkg() != c.pass.Pkg {
		return false
	}
	for _, id := range c.usesOf(v) {
		cur, ok := c.cursorOf(id)
		if !ok {
			continue
		}
		for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
			call, ok := p.Node().(*ast.CallExpr)
			if !ok {
				if _, isExpr := p.Node().(ast.Expr); isExpr {
					continue
				}
				break
			}
			if fn := typesx.Callee(c.info, call); fn != nil {
				if i, ok := cryptoRandFills[typesx.FuncKey(fn)]; ok && i < len(call.Args) && c.rootObj(call.Args[i]) == v {
					if typesx.FuncKey(fn) == "crypto/rand.Read" || c.cryptoReader(call.Args[0]) {
						return true
					}
				}
			}
			break
		}
	}
	writes, _ := c.sv.Assignments(v)
	for _, w := range writes {
		if call, ok := ast.Unparen(w.RHS).(*ast.CallExpr); ok {
			if fn := typesx.Callee(c.info, call); fn != nil && cryptoRandValues[typesx.FuncKey(fn)] {
				return true
			}
		}
	}
	return false
}

// cryptoReader reports whether e is crypto/rand.Reader.
func (c *checker) cryptoReader(e ast.Expr) bool {
	v, ok := typesx.ObjectOf(c.info, e).(*types.Var)
	return ok && typesx.PkgPath(v) == "crypto/rand" && v.Name() == "Reader"
}

// hmacHash reports AV606 for HMAC with MD5 or SHA-1 the author chose:
// HMAC-MD5 unless the code verifies a third party's signature or speaks a
// fixed protocol; HMAC-SHA1 (still a sound MAC) only when it signs the
// service's own tokens, cookies or links.
func (c *checker) hmacHash(cc cand) {
	if len(cc.call.Args) == 0 {
		return
	}
	fn, ok := typesx.ObjectOf(c.info, cc.call.Args[0]).(*types.Func)
	if !ok {
		return
	}
	alg := weakHashValues[typesx.FuncKey(fn)]
	if alg == "" {
		return
	}
	words := c.ctxWords(cc.cur)
	words = append(words, typesx.NameWords(c.pass.Pkg.Name())...)
	c.destsOf(cc.cur, func(d dest) bool {
		if d.kind == dName || d.kind == dReturn {
			words = append(words, typesx.NameWords(d.name)...)
			return false
		}
		return true
	})
	if c.readsSignatureHeader(cc.cur) {
		return
	}
	if anyWord(words, thirdPartyWords) {
		return
	}
	if anyWord(words, hookWords) && !(alg == "md5" && !c.verifies(cc.cur, words)) {
		// Verifying a webhook's MAC follows the sender's spec; signing the
		// service's own outgoing deliveries with HMAC-MD5 is a choice.
		return
	}
	if alg == "sha1" && !anyWord(words, ownTokenWords) {
		return
	}
	c.reportf("AV606", cc.call, "hmac.New with %s.New signs the service's own data with %s; use sha256.New (HMAC-SHA256)",
		alg, strings.ToUpper(alg))
}

// verifies reports whether the MAC at cur checks a received signature:
// its function or a caller of it is named for verifying, or reads a
// signature header.
func (c *checker) verifies(cur inspector.Cursor, words []string) bool {
	if anyWord(words, verifyWords) {
		return true
	}
	fd := outerFunc(cur)
	if fd == nil {
		return false
	}
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	for _, call := range c.callers[fn] {
		if anyWord(c.ctxWords(call), verifyWords) || c.readsSignatureHeader(call) {
			return true
		}
	}
	return false
}

// readsSignatureHeader reports whether the function around cur reads a
// request header carrying a signature (X-Hub-Signature, X-Signature): it
// verifies a MAC a third party chose.
func (c *checker) readsSignatureHeader(cur inspector.Cursor) bool {
	fd := outerFunc(cur)
	if fd == nil {
		return false
	}
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			// req.Header.Set("X-Signature", sig) puts the service's own
			// signature on an outgoing request.
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && headerWrites[sel.Sel.Name] {
				return false
			}
		}
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s := strings.ToLower(lit.Value)
			if strings.Contains(s, "signature") || strings.Contains(s, "x-hub") {
				found = true
			}
		}
		return !found
	})
	return found
}

// headerWrites are the methods that set a header rather than read one.
var headerWrites = map[string]bool{"Set": true, "Add": true, "SetHeader": true, "AddHeader": true, "Append": true}

// signerHash reports AV606 for a signature made with crypto.MD5 or
// crypto.SHA1. Verifying someone else's SHA-1 signature is not reported.
func (c *checker) signerHash(cc cand, sg signer) {
	if sg.hash < 0 || sg.hash >= len(cc.call.Args) {
		return
	}
	tv, ok := c.info.Types[cc.call.Args[sg.hash]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return
	}
	n, ok := constant.Int64Val(tv.Value)
	if !ok {
		return
	}
	name := weakCryptoHashes[n]
	if name == "" || !typesx.TypeIs(tv.Type, "crypto", "Hash") {
		return
	}
	c.reportf("AV606", cc.call, "%s signs with crypto.%s, whose collisions let an attacker forge signatures; use crypto.SHA256",
		typesx.FuncDisplay(cc.fn), name)
}

// destKind classifies a destination. funcCtx lets the words of the
// function around a stored value qualify it (an "id" made inside a
// SessionStore method is a session ID).
func (c *checker) destKind(d dest, funcCtx bool) secKind {
	switch d.kind {
	case dArg:
		// hmac.Equal(digest, []byte(sigHex)): compared with a signature, the
		// digest is one.
		if compareFuncs[d.key] && d.call != nil && len(d.call.Args) == 2 {
			other := d.call.Args[1-d.arg%2]
			if k := classify(lastWordName(c.info, other), nil, nil, nil); k == secSig {
				return secSig
			}
		}
		if m, ok := securityArgs[d.key]; ok {
			if k, ok := m[d.arg]; ok {
				return k
			}
		}
		if i, ok := keyArgs[d.key]; ok && i == d.arg {
			return secKey
		}
		if s, ok := ivSinks[d.key]; ok && s.arg == d.arg {
			return secIV
		}
		if d.name == "" {
			return secNone
		}
		typ := d.typ
		if d.callee.Pkg() != c.pass.Pkg {
			typ = nil // a library's "key []byte" is a map or database key as often as a cipher key
		}
		return classify(d.name, typ, d.ctx, nil)
	case dReturn:
		if k := classify(d.name, d.typ, d.ctx, nil); k != secNone {
			return k
		}
		// streamkeys.New, tokens.Generate: a bare constructor's package
		// says what it makes.
		if allFiller(d.name) && d.callee != nil && d.callee.Pkg() != nil {
			if n := pkgNameAsValue(d.callee.Pkg().Name()); n != "" {
				return classify(n, d.typ, d.ctx, nil)
			}
		}
		return secNone
	}
	var fctx []string
	if funcCtx && d.at.Valid() {
		fctx = c.ctxWords(d.at)
	}
	k := classify(d.name, d.typ, d.ctx, fctx)
	if k == secNone && funcCtx && d.at.Valid() {
		// code := ... inside SendEmailCode, key := ... inside NewServerKey:
		// a bare name takes its meaning from the function that makes it.
		if fd := outerFunc(d.at); fd != nil && sameHead(d.name, fd.Name.Name) {
			if fk := classify(fd.Name.Name, d.typ, nil, nil); fk == secCode || fk == secToken {
				return fk
			}
		}
	}
	return k
}

// allFiller reports whether every word of a name is filler: New,
// Generate, MakeRandom.
func allFiller(name string) bool {
	for _, w := range typesx.NameWords(name) {
		if !filler[w] {
			return false
		}
	}
	return true
}

// valuePkgSuffixes are package-name endings that name what the package
// makes: streamkeys, apitokens.
var valuePkgSuffixes = []struct{ suffix, head string }{
	{"tokens", "token"}, {"token", "token"}, {"keys", "key"}, {"key", "key"},
	{"secrets", "secret"}, {"secret", "secret"}, {"codes", "code"}, {"otp", "otp"},
}

// pkgNameAsValue turns a package name ending in a value's head into a name
// classify understands: streamkeys → stream_key. It returns "" for other
// packages.
func pkgNameAsValue(pkg string) string {
	for _, s := range valuePkgSuffixes {
		if strings.HasSuffix(pkg, s.suffix) {
			return strings.TrimSuffix(pkg, s.suffix) + "_" + s.head
		}
	}
	return ""
}

// sameHead reports whether a bare name (code, key) is the last word of a
// function's name (SendEmailCode, NewServerKey).
func sameHead(name, fn string) bool {
	nw, fw := typesx.NameWords(name), typesx.NameWords(fn)
	if len(nw) != 1 || len(fw) < 2 {
		return false
	}
	return nw[0] == fw[len(fw)-1]
}

// describe names a destination for a message.
func describe(d dest, k secKind) string {
	switch d.kind {
	case dArg:
		if compareFuncs[d.key] {
			return k.String() + " (compared by " + typesx.FuncDisplay(d.callee) + ")"
		}
		if d.name != "" {
			return k.String() + " (parameter " + d.name + " of " + typesx.FuncDisplay(d.callee) + ")"
		}
		return k.String() + " (argument of " + typesx.FuncDisplay(d.callee) + ")"
	case dReturn:
		return k.String() + " returned by " + d.name
	}
	return k.String() + " " + quoteName(d.name)
}

// secretInput reports whether a hash input includes a value named as a
// token, key or secret: its digest indexes an existing secret rather than
// making a new one from guessable data.
func (c *checker) secretInput(inputs []ast.Expr) bool {
	for _, in := range inputs {
		found := false
		ast.Inspect(in, func(n ast.Node) bool {
			var name string
			switch x := n.(type) {
			case *ast.Ident:
				if _, ok := c.info.ObjectOf(x).(*types.Var); ok {
					name = x.Name
				}
			case *ast.SelectorExpr:
				name = x.Sel.Name
			}
			if name != "" {
				switch classify(name, typesx.TypeOf(c.info, n.(ast.Expr)), nil, nil) {
				case secToken, secKey, secCode:
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// guessable reports whether a hash input includes data an attacker knows
// or can guess: identities (e-mail, user name or ID, phone, IP) and times.
func (c *checker) guessable(inputs []ast.Expr) bool {
	for _, in := range inputs {
		found := false
		ast.Inspect(in, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				found = anyWord(typesx.NameWords(x.Name), guessableWords)
			case *ast.CallExpr:
				if fn := typesx.Callee(c.info, x); fn != nil && typesx.PkgPath(fn) == "time" {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// compareFuncs compare two byte strings: what a digest is compared with
// tells what the digest is.
var compareFuncs = map[string]bool{
	"crypto/hmac.Equal":                 true,
	"crypto/subtle.ConstantTimeCompare": true,
	"bytes.Equal":                       true,
}

// lastWordName names an expression for classify: the identifier or field
// behind conversions ([]byte(sigHex) → sigHex).
func lastWordName(info *types.Info, e ast.Expr) string {
	e = typesx.StripConversions(info, e)
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.CallExpr:
		// r.Header.Get("X-Signature")
		if len(x.Args) == 1 {
			if lit, ok := x.Args[0].(*ast.BasicLit); ok {
				return strings.Trim(lit.Value, `"`)
			}
		}
	}
	return ""
}
