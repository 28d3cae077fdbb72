package crypto

import (
	"github.com/apivet/apivet/internal/typesx"
)

// mathRand reports AV607: a math/rand value that becomes a key, IV,
// nonce, salt, token, session ID, password or one-time code. Values that
// go to sleeps, comparisons (sampling), list indexes (load balancing) or
// names that mean none of these are not reported.
func (c *checker) mathRand(cc cand) {
	if anyWord(c.ctxWords(cc.cur), testWords) {
		return
	}
	var found dest
	kind := secNone
	visit := func(d dest) bool {
		if d.at.Valid() && anyWord(c.ctxWords(d.at), testWords) {
			return true // test data made outside _test.go files
		}
		switch k := c.destKind(d, true); k {
		case secNone, secSig:
			return true
		default:
			found, kind = d, k
			return false
		}
	}
	if cc.fn.Name() == "Read" {
		if len(cc.call.Args) != 1 {
			return
		}
		c.destsOfStore(cc.call.Args[0], cc.cur, visit)
	} else {
		c.destsOf(cc.cur, visit)
	}
	if kind == secNone {
		return
	}
	pkg := typesx.PkgPath(cc.fn)
	var advice string
	switch kind {
	case secCode:
		advice = "draw it with crypto/rand (rand.Int(rand.Reader, max))"
	case secKey, secIV, secSalt:
		advice = "fill it with crypto/rand.Read"
	default:
		advice = "use crypto/rand (rand.Text(), or 32 bytes from rand.Read encoded)"
	}
	c.reportf("AV607", cc.call, "%s from %s makes %s predictable; %s",
		typesx.FuncDisplay(cc.fn), pkg, describe(found, kind), advice)
}
