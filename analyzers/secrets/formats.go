package secrets

import (
	"fmt"
	"math"
	"net/url"
	"strings"
	"unicode/utf8"
)

// literalFinding is what the format scanners find in one string constant.
type literalFinding struct {
	rule string
	msg  string
}

// scanLiteral checks a string literal (or a concatenation of literals) for a
// PEM private key (AV504), a provider credential (AV503) and a password in a
// connection string (AV505), in that order, and returns the first finding.
func scanLiteral(s string) (literalFinding, bool) {
	if kind, ok := privateKeyPEM(s); ok {
		return literalFinding{"AV504", fmt.Sprintf("hardcoded PEM %s; treat it as compromised, rotate it, and load keys from a file or secret store at run time", kind)}, true
	}
	if name, tok, ok := providerToken(s); ok {
		return literalFinding{"AV503", fmt.Sprintf("hardcoded %s %s; revoke it and load it from the environment or a secret store", name, redact(tok))}, true
	}
	if kind, pass, ok := dsnPassword(s); ok {
		return literalFinding{"AV505", fmt.Sprintf("hardcoded password %s in a %s; build it at run time from configuration or a secret manager", redact(pass), kind)}, true
	}
	return literalFinding{}, false
}

// privateKeyPEM reports a PEM private key block with a body and its kind
// ("RSA private key"). A header alone (a constant used to recognise PEM input) is not one.
func privateKeyPEM(s string) (string, bool) {
	if !strings.Contains(s, "-----BEGIN") {
		return "", false
	}
	m := pemPrivateRe.FindStringSubmatchIndex(s)
	if m == nil {
		return "", false
	}
	body := s[m[1]:]
	if i := strings.Index(body, "-----END"); i >= 0 {
		body = body[:i]
	}
	n := 0
	for _, r := range body {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '=' {
			n++
		}
	}
	if n < minPEMBody {
		return "", false
	}
	kind := strings.TrimSpace(s[m[2]:m[3]])
	return strings.Replace(kind, "PRIVATE KEY", "private key", 1), true
}

// providerToken finds a provider credential whose random part has the
// entropy of a real key and is not a documented example.
func providerToken(s string) (name, tok string, ok bool) {
	for _, f := range tokenFormats {
		if !containsAny(s, f.Hints) {
			continue
		}
		for _, m := range f.Re.FindAllStringSubmatchIndex(s, -1) {
			tok := s[m[0]:m[1]]
			rnd := s[m[2]:m[3]]
			if documentedTokens[tok] || exampleToken(rnd) || entropy(rnd) < f.MinEntropy {
				continue
			}
			return f.Name, tok, true
		}
	}
	return "", "", false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func exampleToken(rnd string) bool {
	lower := strings.ToLower(rnd)
	for _, m := range exampleMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	h := 0.0
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// dsnPassword finds a password in a connection URL (scheme://user:pass@host),
// a MySQL DSN (user:pass@tcp(host)/db) or a key/value DSN (password=...).
// Placeholders, format verbs, passwords equal to the user name and the usual
// local defaults are not reported.
func dsnPassword(s string) (kind, pass string, ok bool) {
	if strings.Contains(s, "@") {
		for _, m := range urlCredRe.FindAllStringSubmatch(s, -1) {
			scheme := strings.ToLower(m[1])
			if !connSchemes[scheme] {
				continue
			}
			user, pass := m[2], m[3]
			if p, err := url.PathUnescape(pass); err == nil {
				pass = p
			}
			if u, err := url.PathUnescape(user); err == nil {
				user = u
			}
			if !weakDSNPassword(user, pass) {
				return scheme + " connection URL", pass, true
			}
		}
		if m := mysqlDSNRe.FindStringSubmatch(s); m != nil && !weakDSNPassword(m[1], m[2]) {
			return "MySQL DSN", m[2], true
		}
	}
	if strings.Contains(s, "=") && kvDSNRe.MatchString(s) {
		if m := kvPassRe.FindStringSubmatch(s); m != nil {
			pass := unquoteDSN(m[1])
			user := ""
			if u := kvUserRe.FindStringSubmatch(s); u != nil {
				user = unquoteDSN(u[1])
			}
			if !weakDSNPassword(user, pass) {
				return "connection string", pass, true
			}
		}
	}
	return "", "", false
}

func unquoteDSN(v string) string {
	if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

func weakDSNPassword(user, pass string) bool {
	if weakDSNPasswords[strings.ToLower(pass)] || strings.EqualFold(user, pass) || isPlaceholder(pass) {
		return true
	}
	if utf8.RuneCountInString(pass) < minCredentialLen || (len(pass) <= 5 && numericRe.MatchString(pass)) { // "u:p@", host:port@...
		return true
	}
	if strings.HasPrefix(pass, "%") || strings.HasPrefix(pass, "$") || strings.HasPrefix(pass, ":") ||
		(strings.HasPrefix(pass, "{") && strings.HasSuffix(pass, "}")) {
		return true
	}
	return false
}
