package secrets

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apivet/apivet/internal/typesx"
)

// credentialName reports whether an identifier, field, map key, header or
// env var name means a credential: dbPassword, JWT_SECRET, apiKey,
// X-API-Key, client_secret. Names about a secret that do not hold one
// (PasswordMinLength, TokenURL, APIKeyHeader, tokenKey) are not.
func credentialName(name string) bool {
	return credentialWords(typesx.NameWords(name), false)
}

// comparableSecretName is credentialName plus the names AV510 also treats
// as secrets when compared: an expected signature or MAC, and (loose) a bare
// "key" for function parameters (func valid(key string) bool).
func comparableSecretName(name string, loose bool) bool {
	words := typesx.NameWords(name)
	if credentialWords(words, loose) {
		return true
	}
	words = trimNoise(words)
	if len(words) == 0 || negated(words) {
		return false
	}
	return compareWords[words[len(words)-1]]
}

func credentialWords(words []string, bareKey bool) bool {
	if negated(words) {
		return false
	}
	words = trimNoise(words)
	if len(words) == 0 {
		return false
	}
	head := words[len(words)-1]
	if credentialHeads[head] {
		return true
	}
	if head == "key" {
		if len(words) >= 2 {
			return keyQualifiers[words[len(words)-2]]
		}
		return bareKey
	}
	return false
}

func negated(words []string) bool {
	for _, w := range words {
		if negatingWords[w] {
			return true
		}
	}
	return false
}

func trimNoise(words []string) []string {
	for len(words) > 1 && trailingNoise[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return words
}

var (
	identLikeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:[-_.:][A-Za-z0-9]+)*$`)
	envNameRe   = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)
	envRefRe    = regexp.MustCompile(`^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%)$`)
	numericRe   = regexp.MustCompile(`^[0-9]+$`)
	durationRe  = regexp.MustCompile(`^(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h|d))+$`)
	angleRe     = regexp.MustCompile(`<[^<>]*>`)
	headerRe    = regexp.MustCompile(`^[A-Z][a-z]*(?:-[A-Z][A-Za-z]*)+$`)
)

// looksLikeSecret reports whether a literal given to a credential name is a
// value a reviewer would call a hardcoded secret: long enough, one token, not
// a placeholder, a field/header/env var name, a common word, a number, a
// duration, a path or a URL.
func looksLikeSecret(s string) bool {
	if utf8.RuneCountInString(s) < minCredentialLen {
		return false
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 { // sentences, messages, "Bearer " prefixes
		return false
	}
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return false // punctuation only: a separator, a test of escaping
	}
	lower := strings.ToLower(s)
	switch {
	case commonWords[lower],
		isPlaceholder(s),
		isFieldName(s),
		envNameRe.MatchString(s),
		headerRe.MatchString(s),
		numericRe.MatchString(s),
		durationRe.MatchString(s),
		isPathOrURL(s):
		return false
	}
	return true
}

// isPlaceholder reports template, example and placeholder values:
// "changeme", "<password>", "${DB_PASSWORD}", "%s", "your-secret-here",
// "TODO", "xxxxxxxx", "test123".
func isPlaceholder(s string) bool {
	if s == "" || allSame(s) || envRefRe.MatchString(s) || angleRe.MatchString(s) {
		return true
	}
	lower := strings.ToLower(s)
	for _, m := range placeholderMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	if strings.HasPrefix(lower, "test") {
		return true
	}
	for _, w := range valueWords(s) {
		if placeholderWords[w] {
			return true
		}
	}
	return false
}

// valueWords splits a value at non-alphanumerics and case changes.
func valueWords(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, typesx.NameWords(part)...)
	}
	return out
}

func allSame(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

// isFieldName reports values that name a credential rather than hold one:
// "password", "api_key", "X-API-Key", "access_token", "newPassword".
func isFieldName(s string) bool {
	if !identLikeRe.MatchString(s) {
		return false
	}
	words := typesx.NameWords(s)
	cred := false
	for _, w := range words {
		switch {
		case credentialHeads[w] || w == "key":
			cred = true
		case fieldNameVocabulary[w] || keyQualifiers[w]:
		default:
			return false
		}
	}
	return cred
}

// isPathOrURL reports file names, paths and URLs: "keys/jwt.pem",
// "/run/secrets/db", "https://oauth2.googleapis.com/token".
func isPathOrURL(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	for _, p := range []string{"/", "./", "../", "~/"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	lower := strings.ToLower(s)
	for _, ext := range fileExtensions {
		if strings.HasSuffix(lower, ext) && len(lower) > len(ext) {
			return true
		}
	}
	return false
}

// authHeaderSecret returns the credential part of an Authorization value
// ("Bearer abc" → "abc") and whether the value has a known scheme.
func authHeaderSecret(v string) (string, bool) {
	for _, p := range authSchemes {
		if len(v) > len(p) && strings.EqualFold(v[:len(p)], p) {
			return strings.TrimSpace(v[len(p):]), true
		}
	}
	return "", false
}
