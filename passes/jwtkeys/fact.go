package jwtkeys

import (
	"fmt"
	"strings"
	"time"
)

// KeyfuncFact summarises a function of the module that is a golang-jwt
// keyfunc (func(*jwt.Token) (any, error)) or that returns one (a keyfunc
// factory), so that a Parse call in another package can be checked.
type KeyfuncFact struct {
	Factory bool // the function returns a keyfunc rather than being one
	Keyfunc Keyfunc
}

// AFact marks KeyfuncFact as an analysis fact.
func (*KeyfuncFact) AFact() {}

func (f *KeyfuncFact) String() string {
	s := "keyfunc " + f.Keyfunc.String()
	if f.Factory {
		s = "keyfunc factory " + f.Keyfunc.String()
	}
	return s
}

// ClaimsFact records whether a function of the module that returns JWT
// claims sets their expiry.
type ClaimsFact struct {
	Expiry ExpState // ExpSet or ExpMissing; unknown is not exported
}

// AFact marks ClaimsFact as an analysis fact.
func (*ClaimsFact) AFact() {}

func (f *ClaimsFact) String() string { return "claims exp " + f.Expiry.String() }

// ParserFact records what a function of the module that returns a
// golang-jwt *Parser, ParserOption or []ParserOption configures. Only
// fully resolved configurations are exported.
type ParserFact struct {
	Config ParserConfig
}

// AFact marks ParserFact as an analysis fact.
func (*ParserFact) AFact() {}

func (f *ParserFact) String() string { return "parser " + f.Config.String() }

// Keyfunc is what apivet knows about a keyfunc.
type Keyfunc struct {
	Name string // for messages: "keyFunc", "(*Auth).keyFunc", "func literal"
	// ChecksAlg is set when the keyfunc looks at token.Method or the alg
	// header, or hands the token to another function that may.
	ChecksAlg bool
	NilKey    bool // some path returns a nil key and a nil error
	EmptyKey  bool // some path returns an empty key and a nil error
	NoneKey   bool // some path returns jwt.UnsafeAllowNoneSignatureType
	Weak      Weakness
	// KeyKind is the kind of every key returned ("hmac", "rsa", "ecdsa",
	// "ed25519"), or "" when unknown or mixed.
	KeyKind string
	kinds   int // keys seen while summarising
}

// Fits reports whether the keyfunc's keys are of the kind alg needs: an
// HMAC secret for HS256, an RSA key for RS256 and PS256, and so on.
func (k Keyfunc) Fits(alg string) bool {
	switch {
	case k.KeyKind == "":
		return false
	case strings.HasPrefix(alg, "HS"):
		return k.KeyKind == "hmac"
	case strings.HasPrefix(alg, "RS"), strings.HasPrefix(alg, "PS"):
		return k.KeyKind == "rsa"
	case strings.HasPrefix(alg, "ES"):
		return k.KeyKind == "ecdsa"
	case alg == "EdDSA":
		return k.KeyKind == "ed25519"
	}
	return false
}

func (k Keyfunc) String() string {
	var parts []string
	if k.ChecksAlg {
		parts = append(parts, "checks-alg")
	} else {
		parts = append(parts, "no-alg-check")
	}
	if k.NilKey {
		parts = append(parts, "nil-key")
	}
	if k.EmptyKey {
		parts = append(parts, "empty-key")
	}
	if k.NoneKey {
		parts = append(parts, "none-key")
	}
	if k.Weak.Known {
		parts = append(parts, k.Weak.String())
	}
	return strings.Join(parts, " ")
}

// merge combines the summaries of keyfuncs a value may hold: the alg is
// checked only if every one checks it; any bad key counts.
func (k Keyfunc) merge(o Keyfunc) Keyfunc {
	out := Keyfunc{
		Name:      k.Name,
		ChecksAlg: k.ChecksAlg && o.ChecksAlg,
		NilKey:    k.NilKey || o.NilKey,
		EmptyKey:  k.EmptyKey || o.EmptyKey,
		NoneKey:   k.NoneKey || o.NoneKey,
		Weak:      k.Weak.min(o.Weak),
	}
	if k.KeyKind == o.KeyKind {
		out.KeyKind = k.KeyKind
	}
	if out.Name != o.Name {
		out.Name = "keyfunc"
	}
	return out
}

// Weakness is what is known about the length of an HMAC key.
type Weakness struct {
	Known    bool   // the key's value (or its fallback) is a known constant
	Len      int    // the shortest known value, in bytes
	Fallback bool   // the value is only a fallback (a default when the environment has none)
	Key      string // the package-level variable, constant or field holding the key (KeyID), or ""
}

func (w Weakness) String() string {
	if !w.Known {
		return ""
	}
	if w.Fallback {
		return fmt.Sprintf("key-fallback-%d", w.Len)
	}
	return fmt.Sprintf("key-%d", w.Len)
}

func (w Weakness) min(o Weakness) Weakness {
	switch {
	case !w.Known:
		return o
	case !o.Known:
		return w
	case o.Len < w.Len || (o.Len == w.Len && !o.Fallback):
		return o
	}
	return w
}

// ExpState says whether claims set an expiry.
type ExpState int

const (
	ExpUnknown ExpState = iota
	ExpMissing
	ExpSet
)

func (s ExpState) String() string {
	switch s {
	case ExpMissing:
		return "missing"
	case ExpSet:
		return "set"
	}
	return "unknown"
}

// ParserConfig is what a golang-jwt parser and its options do.
type ParserConfig struct {
	// Known is set when every option and the parser were resolved; a
	// feature below that is set is certain either way.
	Known        bool
	ValidMethods bool     // WithValidMethods or Parser.ValidMethods
	Methods      []string // the methods, when known
	SkipClaims   bool     // WithoutClaimsValidation or SkipClaimsValidation: true
	Leeway       int64    // the largest known leeway, in nanoseconds
}

func (c ParserConfig) String() string {
	var parts []string
	if c.ValidMethods {
		parts = append(parts, "valid-methods["+strings.Join(c.Methods, " ")+"]")
	}
	if c.SkipClaims {
		parts = append(parts, "skip-claims")
	}
	if c.Leeway > 0 {
		parts = append(parts, "leeway="+time.Duration(c.Leeway).String())
	}
	if !c.Known {
		parts = append(parts, "partial")
	}
	if len(parts) == 0 {
		return "default"
	}
	return strings.Join(parts, " ")
}

func (c ParserConfig) merge(o ParserConfig) ParserConfig {
	out := ParserConfig{
		Known:        c.Known && o.Known,
		ValidMethods: c.ValidMethods || o.ValidMethods,
		SkipClaims:   c.SkipClaims || o.SkipClaims,
		Leeway:       max(c.Leeway, o.Leeway),
	}
	out.Methods = append(append(out.Methods, c.Methods...), o.Methods...)
	return out
}
