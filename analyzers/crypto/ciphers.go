package crypto

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/typesx"
	"github.com/apivet/apivet/passes/strval"
	"golang.org/x/tools/go/ast/inspector"
)

// IVs and nonces (AV603) and ECB (AV604).

const zeroDesc = "all zeros (never filled from crypto/rand)"

// ivCheck reports AV603 for one IV or nonce argument.
func (c *checker) ivCheck(cc cand, s ivSink) {
	arg := cc.call.Args[s.arg]
	name := exprName(c.info, arg)
	display := typesx.FuncDisplay(cc.fn)
	harm := "equal plaintexts encrypt to equal ciphertexts"
	if s.what == "nonce" {
		harm = "a repeated nonce reveals the plaintexts and lets an attacker forge messages"
	}
	if desc, ok := c.staticIV(arg, 0, map[types.Object]bool{}); ok {
		c.reportf("AV603", cc.call, "%s gets %s %s that is %s: %s; generate a fresh %s with crypto/rand for every message and store it with the ciphertext",
			display, s.what, name, desc, harm, s.what)
		return
	}
	if from, ok := c.ivFromKey(cc, s, arg); ok {
		c.reportf("AV603", cc.call, "%s gets %s %s taken from %s, so it never changes for that key: %s; generate a fresh %s with crypto/rand for every message",
			display, s.what, name, from, harm, s.what)
		return
	}
	if !s.enc {
		return
	}
	if why, ok := c.reusedNonce(cc, s, arg); ok {
		c.reportf("AV603", cc.call, "%s reuses %s %s: %s; %s; generate a fresh %s with crypto/rand for every message",
			display, s.what, name, why, harm, s.what)
	}
}

// staticIV reports whether an IV or nonce expression never varies: a
// constant, a literal, an unfilled buffer, or a variable only ever
// assigned such values and never filled.
func (c *checker) staticIV(e ast.Expr, depth int, seen map[types.Object]bool) (string, bool) {
	if depth > 8 || e == nil {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return constDesc(tv.Value)
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.staticIV(x.X, depth+1, seen)
		}
	case *ast.SliceExpr:
		return c.staticIV(x.X, depth+1, seen)
	case *ast.CompositeLit:
		if !isByteData(typesx.TypeOf(c.info, x)) {
			return "", false
		}
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !c.sv.IsConst(elt) {
				return "", false
			}
		}
		if len(x.Elts) == 0 {
			return zeroDesc, true
		}
		return "a fixed byte literal", true
	case *ast.CallExpr:
		if typesx.IsConversion(c.info, x) {
			return c.staticIV(x.Args[0], depth+1, seen)
		}
		switch c.builtinName(x) {
		case "make", "new":
			return zeroDesc, true
		case "":
		default:
			return "", false
		}
		if fn := typesx.Callee(c.info, x); fn != nil && typesx.FuncKey(fn) == "bytes.Repeat" && len(x.Args) == 2 && c.sv.IsConst(x.Args[1]) {
			if _, ok := c.staticIV(x.Args[0], depth+1, seen); ok {
				return "bytes.Repeat of a constant", true
			}
		}
		if v := c.sv.Eval(x); v != nil {
			if c, ok := v.Single(); ok {
				return constDesc(c)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := typesx.ObjectOf(c.info, x).(*types.Var)
		if !ok {
			return "", false
		}
		_, _, isParam := c.sv.Param(v)
		if v.Pkg() != c.pass.Pkg || v.IsField() || isParam {
			// strval knows constants of other packages, fields written only
			// with constants and parameters whose callers pass constants.
			if val := c.sv.Eval(x); val != nil {
				if cv, ok := val.Single(); ok && !c.ivFilled(v) {
					return constDesc(cv)
				}
			}
			return "", false
		}
		return c.staticVar(v, depth, seen)
	}
	return "", false
}

func constDesc(v constant.Value) (string, bool) {
	if v.Kind() != constant.String {
		return "", false
	}
	s := constant.StringVal(v)
	return fmt.Sprintf("the constant %s (%d bytes)", short(s), len(s)), true
}

// staticVar reports whether a variable of this package only ever holds a
// static value and nothing fills it.
func (c *checker) staticVar(v *types.Var, depth int, seen map[types.Object]bool) (string, bool) {
	if seen[v] {
		return "", false
	}
	seen[v] = true
	writes, _ := c.sv.Assignments(v)
	if len(writes) == 0 {
		return "", false
	}
	desc := ""
	for _, w := range writes {
		switch w.Kind {
		case strval.Zero:
		case strval.Plain:
			if w.Op != token.ASSIGN {
				return "", false
			}
			d, ok := c.staticIV(w.RHS, depth+1, seen)
			if !ok {
				return "", false
			}
			if d != zeroDesc {
				desc = d
			}
		default:
			return "", false
		}
	}
	if c.ivFilled(v) {
		return "", false
	}
	if desc == "" {
		return zeroDesc, true
	}
	return desc, true
}

// ivFilled reports whether a variable is used in a way that may fill or
// change it: anything but reading it as an IV or nonce, its length, or
// passing it to functions that only read (encoders, append, fmt).
func (c *checker) ivFilled(v *types.Var) bool {
	for _, id := range c.usesOf(v) {
		cur, ok := c.cursorOf(id)
		if !ok {
			continue
		}
		if isWrite(cur) || c.fillingUse(cur) {
			return true
		}
	}
	return false
}

// fillingUse reports whether the read of a buffer at cur may change its
// contents.
func (c *checker) fillingUse(cur inspector.Cursor) bool {
	n := cur
	for {
		p := n.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			n = p
			continue
		case *ast.SelectorExpr:
			if pn.Sel == n.Node() { // the field of x.f
				n = p
				continue
			}
		case *ast.SliceExpr:
			if pn.X == n.Node() {
				n = p
				continue
			}
			return false // used as a bound
		case *ast.UnaryExpr:
			if pn.Op == token.AND {
				n = p
				continue
			}
		case *ast.CallExpr:
			if typesx.IsConversion(c.info, pn) {
				n = p
				continue
			}
		}
		break
	}
	call, ok := n.Parent().Node().(*ast.CallExpr)
	if !ok {
		return true // stored or aliased elsewhere: assume it may be filled
	}
	switch c.builtinName(call) {
	case "len", "cap", "append":
		return false
	case "copy":
		return argIndex(call, n.Node()) == 0
	case "":
	default:
		return true
	}
	fn := typesx.Callee(c.info, call)
	if fn == nil {
		return true
	}
	key := typesx.FuncKey(fn)
	if _, ok := ivSinks[key]; ok || transparent[key] {
		return false
	}
	if p := fn.Pkg(); p != nil && (p.Path() == "fmt" || p.Path() == "log" || p.Path() == "log/slog") && !strings.HasPrefix(fn.Name(), "Sscan") && !strings.HasPrefix(fn.Name(), "Fscan") {
		return false
	}
	return true
}

// ivFromKey reports whether an IV is the cipher's key, a slice or hash of
// it, or other key material.
func (c *checker) ivFromKey(cc cand, s ivSink, arg ast.Expr) (string, bool) {
	root := c.rootObj(arg)
	if root == nil {
		return "", false
	}
	src := root
	for i := 0; i < 3; i++ {
		if src.Pkg() != c.pass.Pkg {
			break
		}
		writes, _ := c.sv.Assignments(src)
		if len(writes) != 1 || writes[0].Kind != strval.Plain {
			break
		}
		rhs := typesx.StripConversions(c.info, writes[0].RHS)
		if call, ok := rhs.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if fn := typesx.Callee(c.info, call); fn != nil {
				if alg, ok := hashFuncs[typesx.FuncKey(fn)]; ok && alg.sum {
					rhs = call.Args[0]
				}
			}
		}
		next := c.rootObj(rhs)
		if next == nil {
			break
		}
		src = next
	}
	if key := c.cipherKey(cc, s); key != nil && (src == key || root == key) {
		return "the key " + key.Name(), true
	}
	if src != root && classify(src.Name(), src.Type(), nil, nil) == secKey {
		return "key material " + src.Name(), true
	}
	if classify(root.Name(), root.Type(), nil, nil) == secKey {
		return "key material " + root.Name(), true
	}
	return "", false
}

// cipherKey returns the variable holding the key of the block or AEAD a
// sink uses, when it is built in this package.
func (c *checker) cipherKey(cc cand, s ivSink) *types.Var {
	if strings.HasPrefix(cc.key, "crypto/cipher.New") && len(cc.call.Args) > 0 {
		return c.ctorKey(cc.call.Args[0], 0)
	}
	if sel, ok := ast.Unparen(cc.call.Fun).(*ast.SelectorExpr); ok && strings.HasPrefix(cc.key, "crypto/cipher.AEAD.") {
		return c.ctorKey(sel.X, 0)
	}
	return nil
}

// ctorKey follows a block or AEAD expression to the constructor call that
// made it and returns the variable passed as its key.
func (c *checker) ctorKey(e ast.Expr, depth int) *types.Var {
	if depth > 3 {
		return nil
	}
	v := c.rootObj(e)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return nil
	}
	writes, _ := c.sv.Assignments(v)
	for _, w := range writes {
		if w.Kind != strval.Plain && !(w.Kind == strval.Tuple && w.Index == 0) {
			continue
		}
		call, ok := ast.Unparen(w.RHS).(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			continue
		}
		fn := typesx.Callee(c.info, call)
		if fn == nil {
			continue
		}
		key := typesx.FuncKey(fn)
		switch {
		case blockCtors[key]:
			return c.rootObj(call.Args[0])
		case aeadCtors[key]:
			if typesx.TypeIs(typesx.TypeOf(c.info, call.Args[0]), "crypto/cipher", "Block") {
				return c.ctorKey(call.Args[0], depth+1)
			}
			return c.rootObj(call.Args[0])
		}
	}
	return nil
}

// reusedNonce reports a nonce or IV used for more than one encryption: a
// variable made before a loop and not changed in it, a variable passed to
// two Seal calls in a row, or a struct field or package variable made
// once, next to the AEAD, and read by every call.
func (c *checker) reusedNonce(cc cand, s ivSink, arg ast.Expr) (string, bool) {
	v := c.rootObj(arg)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return "", false
	}
	fnCur, ok := innerFunc(cc.cur)
	if !ok {
		return "", false
	}
	fnNode := fnCur.Node()
	local := v.Pos() >= fnNode.Pos() && v.Pos() < fnNode.End()
	if local {
		for enc := range cc.cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch loop := enc.Node().(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if v.Pos() < loop.Pos() && !c.touched(v, loop.Pos(), loop.End()) && !c.sameMessage(cc, s, loop) {
					return "it is made once before the loop and never changed inside it", true
				}
			}
			break
		}
		if s.seal {
			for _, other := range c.seals {
				if other.call.Pos() >= cc.call.Pos() {
					break
				}
				oa := other.call.Args
				if ivSinks[other.key].arg >= len(oa) || c.rootObj(oa[ivSinks[other.key].arg]) != v {
					continue
				}
				if c.runsBefore(other.cur, cc.cur) && !c.touched(v, other.call.End(), cc.call.Pos()) {
					return fmt.Sprintf("it was already used by the call on line %d", c.line(other.call.Pos())), true
				}
			}
		}
		return "", false
	}
	return c.nonceMadeOnce(cc, v, fnNode, arg)
}

// sameMessage reports whether a Seal in a loop encrypts the same plaintext
// in every iteration (a retry): the same nonce then gives the same
// ciphertext and leaks nothing.
func (c *checker) sameMessage(cc cand, s ivSink, loop ast.Node) bool {
	if s.pt < 0 || s.pt >= len(cc.call.Args) {
		return false
	}
	v := c.rootObj(cc.call.Args[s.pt])
	if v == nil || v.Pos() >= loop.Pos() && v.Pos() < loop.End() {
		return false
	}
	for _, id := range c.usesOf(v) {
		if id.Pos() < loop.Pos() || id.Pos() >= loop.End() {
			continue
		}
		if cur, ok := c.cursorOf(id); ok && isWrite(cur) {
			return false
		}
	}
	return true
}

// touched reports whether a variable is written or may be filled between
// two positions.
func (c *checker) touched(v *types.Var, from, to token.Pos) bool {
	for _, id := range c.usesOf(v) {
		if id.Pos() < from || id.Pos() >= to {
			continue
		}
		cur, ok := c.cursorOf(id)
		if !ok || isWrite(cur) || c.fillingUse(cur) {
			return true
		}
	}
	return false
}

// runsBefore reports whether the call at a always runs before the call at
// b: a's statement sits directly in a block that contains b after it, and
// does not return.
func (c *checker) runsBefore(a, b inspector.Cursor) bool {
	fa, oka := innerFunc(a)
	fb, okb := innerFunc(b)
	if !oka || !okb || fa.Node() != fb.Node() {
		return false
	}
	var blk inspector.Cursor
	found := false
	for enc := range a.Enclosing((*ast.BlockStmt)(nil)) {
		blk, found = enc, true
		break
	}
	if !found || !blk.Contains(b) {
		return false
	}
	stmt := a
	for stmt.Parent().Node() != blk.Node() {
		stmt = stmt.Parent()
		if stmt.Node() == nil {
			return false
		}
	}
	if _, ok := stmt.Node().(*ast.ReturnStmt); ok {
		return false
	}
	return b.Node().Pos() > stmt.Node().End()
}

// nonceMadeOnce reports a nonce held in a struct field next to the AEAD
// (or in a package variable) that is made outside the function encrypting
// with it, which calls nothing that changes it.
func (c *checker) nonceMadeOnce(cc cand, v *types.Var, fnNode ast.Node, arg ast.Expr) (string, bool) {
	if v.IsField() {
		sel, ok := ast.Unparen(arg).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		// The cipher must hang off the same struct, so that the struct is a
		// long-lived encryptor rather than one message:
		// s.aead.Seal(nil, s.nonce, ...), cipher.NewCBCEncrypter(s.block, s.iv).
		var cipherExpr ast.Expr
		if strings.HasPrefix(cc.key, "crypto/cipher.New") && len(cc.call.Args) > 0 {
			cipherExpr = cc.call.Args[0]
		} else if recv, ok := ast.Unparen(cc.call.Fun).(*ast.SelectorExpr); ok {
			cipherExpr = recv.X
		}
		cipherSel, ok := ast.Unparen(cipherExpr).(*ast.SelectorExpr)
		if !ok || !types.Identical(typesx.TypeOf(c.info, cipherSel.X), typesx.TypeOf(c.info, sel.X)) {
			return "", false
		}
	} else if v.Parent() != c.pass.Pkg.Scope() {
		return "", false
	}
	in := func(p token.Pos) bool { return p >= fnNode.Pos() && p < fnNode.End() }
	makers := map[*ast.FuncDecl]bool{}
	first := token.NoPos
	mark := func(p token.Pos) bool {
		if in(p) {
			return false
		}
		if cur, ok := c.root.FindByPos(p, p); ok {
			if fd := outerFunc(cur); fd != nil {
				makers[fd] = true
			}
		}
		if !first.IsValid() || p < first {
			first = p
		}
		return true
	}
	writes, _ := c.sv.Assignments(v)
	for _, w := range writes {
		if w.Kind == strval.Zero {
			continue
		}
		if !mark(w.Pos) {
			return "", false
		}
	}
	for _, id := range c.usesOf(v) {
		cur, ok := c.cursorOf(id)
		if !ok {
			continue
		}
		if isWrite(cur) || c.fillingUse(cur) {
			if !mark(id.Pos()) {
				return "", false
			}
		}
	}
	if !first.IsValid() {
		return "", false
	}
	for fd := range makers {
		fn, ok := c.info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		for _, call := range c.callers[fn] {
			if in(call.Node().Pos()) {
				return "", false // the encrypting function refreshes it
			}
		}
	}
	return fmt.Sprintf("it is made once (line %d) and read by every call", c.line(first)), true
}

// isBlockMethod reports whether fn is the Encrypt or Decrypt method of a
// block cipher (a type with BlockSize, Encrypt(dst, src []byte) and
// Decrypt), such as cipher.Block.
func isBlockMethod(fn *types.Func) bool {
	if fn.Name() != "Encrypt" && fn.Name() != "Decrypt" {
		return false
	}
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 2 || sig.Results().Len() != 0 ||
		!typesx.IsBytes(sig.Params().At(0).Type()) || !typesx.IsBytes(sig.Params().At(1).Type()) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(sig.Recv().Type(), true, fn.Pkg(), "BlockSize")
	_, ok := obj.(*types.Func)
	return ok
}

// ecb reports AV604: Encrypt or Decrypt in a loop over consecutive slices
// of the input, with no XOR chaining the blocks (a hand-written CBC or CTR
// XORs; ECB does not).
func (c *checker) ecb(cc cand) {
	var loop ast.Node
	for enc := range cc.cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := enc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n
		}
		break
	}
	if loop == nil || len(cc.call.Args) != 2 {
		return
	}
	if c.chains(loop) {
		return
	}
	switch src := ast.Unparen(cc.call.Args[1]).(type) {
	case *ast.SliceExpr:
		if !c.advances(src, loop) {
			return
		}
	case *ast.Ident:
		// for _, rec := range records { block.Encrypt(dst, rec) }: records
		// of one block each, encrypted independently with one key.
		rs, ok := loop.(*ast.RangeStmt)
		if !ok || rs.Value == nil {
			return
		}
		if id, ok := rs.Value.(*ast.Ident); !ok || c.info.ObjectOf(id) != c.info.ObjectOf(src) {
			return
		}
		sl, ok := typesx.TypeOf(c.info, rs.X).Underlying().(*types.Slice)
		if !ok || !typesx.IsBytes(sl.Elem()) {
			return
		}
	default:
		return
	}
	recv := "block"
	if sel, ok := ast.Unparen(cc.call.Fun).(*ast.SelectorExpr); ok {
		recv = typesx.ExprName(sel.X)
	}
	c.reportf("AV604", cc.call, "%s.%s applied block by block in a loop is ECB mode: equal plaintext blocks give equal ciphertext blocks; use an AEAD such as cipher.NewGCM",
		recv, cc.fn.Name())
}

// advances reports whether a slice expression moves through its buffer as
// the loop runs: a bound uses a variable the loop changes (src[i:i+bs]),
// or the buffer itself is re-sliced in the loop (src = src[bs:]).
func (c *checker) advances(se *ast.SliceExpr, loop ast.Node) bool {
	written := func(v *types.Var) bool {
		for _, id := range c.usesOf(v) {
			if id.Pos() < loop.Pos() || id.Pos() >= loop.End() {
				continue
			}
			if cur, ok := c.cursorOf(id); ok && isWrite(cur) {
				return true
			}
		}
		return false
	}
	// A bound may also be the range key: for i := range n.
	changed := func(v *types.Var) bool {
		if rs, ok := loop.(*ast.RangeStmt); ok {
			for _, e := range []ast.Expr{rs.Key, rs.Value} {
				if id, ok := e.(*ast.Ident); ok && c.info.ObjectOf(id) == v {
					return true
				}
			}
		}
		return written(v)
	}
	for _, b := range []ast.Expr{se.Low, se.High, se.Max} {
		if b == nil {
			continue
		}
		found := false
		ast.Inspect(b, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.ObjectOf(id).(*types.Var); ok && changed(v) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	// The buffer itself re-sliced in the loop; a range value bound to each
	// item in turn is a list of separate blocks, not one buffer.
	if v := c.rootObj(se.X); v != nil && written(v) {
		return true
	}
	return false
}

// chains reports whether a loop XORs (CBC, CTR, CFB written by hand).
func (c *checker) chains(loop ast.Node) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BinaryExpr:
			found = x.Op == token.XOR
		case *ast.AssignStmt:
			found = x.Tok == token.XOR_ASSIGN
		case *ast.CallExpr:
			if fn := typesx.Callee(c.info, x); fn != nil && strings.Contains(strings.ToLower(fn.Name()), "xor") {
				found = true
			}
		}
		return !found
	})
	return found
}
