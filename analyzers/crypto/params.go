package crypto

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/typesx"
	"golang.org/x/tools/go/analysis"
)

// Weak key sizes and work factors (AV608).

// ints returns every value an integer expression can hold, when all are
// known.
func (c *checker) ints(e ast.Expr) ([]int64, bool) {
	v := c.sv.Eval(e)
	if v == nil || v.Many || len(v.Vals) == 0 {
		return nil, false
	}
	xs := v.Int64s()
	if len(xs) != len(v.Vals) {
		return nil, false
	}
	return xs, true
}

func maxOf(xs []int64) int64 {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

// weakParam checks the parameter of one call. A value is reported only
// when every value the expression can hold is too low, so a cheaper
// setting chosen for tests next to a strong default stays silent.
func (c *checker) weakParam(cc cand, p paramSpec) {
	args := cc.call.Args
	if p.arg >= len(args) {
		return
	}
	xs, ok := c.ints(args[p.arg])
	if !ok {
		return
	}
	val := maxOf(xs)
	display := typesx.FuncDisplay(cc.fn)
	switch p.kind {
	case pRSA:
		if val >= int64(minRSABits) {
			return
		}
		c.report(lint.Finding{
			Rule:    "AV608",
			Node:    cc.call,
			Message: fmt.Sprintf("%s with %d bits is below %d; use %d bits or more%s", display, val, minRSABits, minRSABits, rsaLongTerm()),
			Fixes:   c.literalFix(args[p.arg], strconv.Itoa(minRSABits), fmt.Sprintf("use %d bits", minRSABits)),
		})
	case pBcrypt:
		eff := int64(0)
		for _, x := range xs {
			if x < 4 { // below bcrypt.MinCost the library uses DefaultCost
				x = 10
			}
			eff = max(eff, x)
		}
		if eff >= int64(minBcryptCost) {
			return
		}
		repl := strconv.Itoa(minBcryptCost)
		if minBcryptCost <= 10 {
			if sel, ok := ast.Unparen(cc.call.Fun).(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					if _, isPkg := c.info.Uses[id].(*types.PkgName); isPkg {
						repl = id.Name + ".DefaultCost"
					}
				}
			}
		}
		c.report(lint.Finding{
			Rule:    "AV608",
			Node:    cc.call,
			Message: fmt.Sprintf("bcrypt cost %d is below %d; use bcrypt.DefaultCost (10) or higher", eff, minBcryptCost),
			Fixes:   c.literalFix(args[p.arg], repl, "use "+repl),
		})
	case pPBKDF2:
		hash := ""
		if p.hashArg < len(args) {
			hash = c.hashValueName(args[p.hashArg])
		}
		min, label := int64(minPBKDF2Iter), "HMAC-SHA256"
		switch hash {
		case "md5", "sha1":
			min, label = int64(minPBKDF2Iter)*13/6, "HMAC-"+upperHash(hash)
		case "sha256", "sha224":
			label = "HMAC-" + upperHash(hash)
		default: // SHA-512, SHA-384, SHA-3 or a hash we cannot see: the lowest OWASP figure
			min, label = int64(minPBKDF2Iter)*7/20, "HMAC-"+upperHash(hash)
		}
		if hash == "" {
			label = "its hash"
		}
		if val >= min {
			return
		}
		c.reportf("AV608", cc.call, "pbkdf2 with %d iterations of %s is below OWASP's %d; raise the iteration count or use argon2.IDKey",
			val, label, min)
	case pArgon2:
		if p.timeArg >= len(args) {
			return
		}
		ts, ok := c.ints(args[p.timeArg])
		if !ok {
			return
		}
		t := maxOf(ts)
		floor := int64(minArgon2MemoryKiB)
		if val >= floor || val*t >= floor*7/4 {
			return
		}
		c.reportf("AV608", cc.call, "%s with %d KiB of memory and time %d is below OWASP's minimum (%d KiB at time 2); use at least %d KiB (m=19456, t=2 or m=65536, t=1)",
			display, val, t, floor, floor)
	case pScrypt:
		if val >= int64(minScryptN) {
			return
		}
		c.reportf("AV608", cc.call, "scrypt N=%d is below %d; use N=32768 (2^15) or higher with r=8, p=1",
			val, minScryptN)
	}
}

// hashValueName names a hash constructor passed as a value (sha256.New).
func (c *checker) hashValueName(e ast.Expr) string {
	fn, ok := typesx.ObjectOf(c.info, e).(*types.Func)
	if !ok {
		return ""
	}
	return hashValueNames[typesx.FuncKey(fn)]
}

func upperHash(h string) string {
	switch h {
	case "md5":
		return "MD5"
	case "sha1":
		return "SHA1"
	case "sha224":
		return "SHA224"
	case "sha256":
		return "SHA256"
	case "sha384":
		return "SHA384"
	case "sha512":
		return "SHA512"
	}
	return h
}

// literalFix replaces a literal argument; nothing when the value comes
// from elsewhere (a constant, a variable), where the fix is not certain.
func (c *checker) literalFix(arg ast.Expr, repl, msg string) []analysis.SuggestedFix {
	lit, ok := ast.Unparen(arg).(*ast.BasicLit)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(repl)}},
	}}
}

func rsaLongTerm() string {
	if minRSABits < 3072 {
		return " (3072 for keys that must stay safe past 2030)"
	}
	return ""
}
