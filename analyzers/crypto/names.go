package crypto

import (
	"go/types"

	"github.com/apivet/apivet/internal/typesx"
)

// secKind says what security-sensitive value a name denotes.
type secKind int

const (
	secNone     secKind = iota
	secToken            // token, session ID, CSRF token, API key, secret, OAuth state
	secPassword         // a password
	secCode             // a one-time code, PIN, verification code
	secKey              // a cryptographic key
	secIV               // an IV or nonce
	secSalt             // a salt
	secSig              // a signature or MAC
)

func (k secKind) String() string {
	switch k {
	case secToken:
		return "token"
	case secPassword:
		return "password"
	case secCode:
		return "one-time code"
	case secKey:
		return "key"
	case secIV:
		return "iv/nonce"
	case secSalt:
		return "salt"
	case secSig:
		return "signature"
	}
	return "value"
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	// headKinds: the last word of a name alone says what it holds.
	headKinds = map[string]secKind{
		"token": secToken, "tok": secToken, "secret": secToken, "csrf": secToken, "xsrf": secToken,
		"sid": secToken, "apikey": secToken, "verifier": secToken, "jti": secToken,
		"nonce": secIV, "iv": secIV,
		"salt": secSalt,
		"otp":  secCode, "totp": secCode, "hotp": secCode, "passcode": secCode, "pin": secCode,
		"password": secPassword, "passwd": secPassword, "passphrase": secPassword, "pwd": secPassword,
		"signature": secSig, "sig": secSig, "mac": secSig, "hmac": secSig,
	}
	// idQualifiers make an "id" a token: sessionID, authID.
	idQualifiers = set("session", "sess", "auth", "api", "access", "refresh", "secret", "csrf", "login", "reset")
	// keyTokenQualifiers make a "key" an API credential: apiKey, accessKey.
	keyTokenQualifiers = set("api", "access", "auth", "license", "activation", "invite",
		// credentials handed to clients: SDK and server keys, stream keys
		"sdk", "server", "client", "publishable", "stream", "ingest", "integration", "developer", "deploy",
		"webhook", "personal", "tenant", "partner")
	// keyQualifiers make a "key" key material: signingKey, aesKey.
	keyQualifiers = set("secret", "signing", "sign", "encryption", "encrypt", "enc", "crypt", "crypto", "cipher",
		"aes", "hmac", "mac", "private", "priv", "master", "shared", "symmetric", "jwt", "derive", "derived", "wrap",
		"wrapping", "kek", "dek", "data", "chacha", "gcm", "box", "block", "cookie", "csrf", "session")
	// cookieQualifiers make a cookie a session credential.
	cookieQualifiers = set("session", "auth", "csrf", "xsrf", "remember", "login", "sid")
	// codeQualifiers make a "code" a one-time code, in the name or the
	// surrounding function or type.
	codeQualifiers = set("verify", "verification", "otp", "reset", "confirm", "confirmation", "login", "auth",
		"mfa", "twofa", "2fa", "magic", "invite", "invitation", "activation", "activate", "recovery", "backup",
		"security", "access", "signup", "register", "registration", "passcode", "one",
		// codes that grant something on their own: joining a room, claiming
		// or pairing a device, the OAuth device flow
		"join", "claim", "provisioning", "provision", "pairing", "pair", "enroll", "enrollment", "device",
		// codes that release goods or money: a parcel pickup, a locker, a voucher
		"pickup", "handover", "unlock", "locker", "door", "gate", "redeem", "redemption", "voucher", "gift",
		"withdrawal", "approval", "authorization", "authorisation")
	// codeNameQualifiers count only inside the name: emailCode, smsCode.
	codeNameQualifiers = set("email", "phone", "sms", "mail")
	// idFuncQualifiers, codeFuncQualifiers and stateFuncQualifiers qualify
	// through the name of the function a value is made in: an "id" made in
	// (*SessionStore).New is a session ID; "auth" or "access" there says too
	// little.
	idFuncQualifiers   = set("session", "sessions", "sess", "csrf")
	codeFuncQualifiers = set("verify", "verification", "otp", "reset", "confirm", "confirmation", "mfa", "twofa",
		"2fa", "magic", "activation", "activate", "recovery", "passcode", "login", "signin", "signup", "register",
		"registration", "join", "claim", "provisioning", "provision", "pairing", "pair", "enroll", "enrollment")
	stateFuncQualifiers = set("oauth", "oauth2", "oidc", "sso")
	// stateQualifiers make a "state" an OAuth state parameter.
	stateQualifiers = set("oauth", "oauth2", "oidc", "sso", "login", "auth", "csrf")
	// linkQualifiers make a link or URL carry a token: resetLink.
	linkQualifiers = set("reset", "magic", "invite", "verification", "verify", "confirm", "confirmation", "activation", "unsubscribe", "login")
	// filler words qualify nothing: generateRandomKey is a bare key.
	filler = set("generate", "gen", "new", "make", "create", "random", "rand", "rnd", "get", "build", "init",
		"fresh", "temp", "tmp", "my", "the", "a", "secure", "crypto", "strong")
	// noise is dropped from the end of a name: tokenStr, keyBytes.
	noise = set("str", "string", "bytes", "byte", "b", "raw", "hex", "b64", "base64", "encoded", "text", "buf",
		"buffer", "val", "value", "out", "result", "res", "bin", "data", "plain", "s", "new")
	// negations anywhere in a name mean it is about a secret, not one:
	// tokenHash, hashedPassword, cacheKey, tokenLength.
	negations = set("hash", "hashed", "hashes", "digest", "checksum", "fingerprint", "cache", "etag", "fake",
		"mock", "dummy", "sample", "example", "test", "tests", "testing", "fixture", "fixtures", "stub", "length", "len", "size", "count", "ttl", "expiry", "expires",
		"expiration", "timeout", "duration", "interval", "index", "idx", "header", "name", "type", "format",
		"field", "column", "label", "prefix", "suffix", "regex", "pattern", "policy", "min",
		"max", "limit", "rate", "bucket", "jitter", "delay", "backoff", "retry", "weight", "metric", "lookup",
		"hint", "rule", "rules", "strength", "score", "attempts", "err", "error", "msg", "message",
		"encrypted", "crypted", "bcrypt", "argon", "argon2", "scrypt", "pbkdf2", "kdf", "store", "manager",
		"service", "repo", "repository", "provider", "env", "flag", "mode", "enabled", "required", "valid",
		"validator", "param", "file", "request", "trace", "correlation", "span", "page", "pagination", "cursor",
		"continuation", "next", "asset", "version", "build", "lexer", "parser", "syntax")

	// passwordHeads name a password.
	passwordHeads = set("password", "passwd", "passphrase", "pwd", "pw", "pass", "pword", "pin", "passcode")
	// passwordFuncHeads, anywhere in a function's name, make its string
	// parameters passwords: hashPassword(s string).
	passwordFuncWords = set("password", "passwd", "passphrase", "pwd", "pin", "passcode")
	// passwordNoise is dropped from the end of a password name.
	passwordNoise = set("str", "string", "bytes", "byte", "b", "raw", "plain", "plaintext", "clear", "cleartext",
		"input", "in", "value", "val", "text", "buf", "data", "confirm", "confirmation", "again", "repeat",
		"new", "old", "current", "given", "provided", "candidate", "attempt", "entered", "arg")
	// passwordNegations anywhere mean the name is about a password, not one.
	passwordNegations = set("hash", "hashed", "hashes", "digest", "policy", "length", "len", "min", "max",
		"field", "column", "col", "label", "hint", "expiry", "expires", "expired", "expiration", "rule", "rules",
		"regex", "pattern", "changed", "updated", "count", "attempts", "reset", "salt", "pepper", "url",
		"path", "prompt", "header", "param", "key", "file", "env", "name", "strength", "score", "err", "error",
		"msg", "message", "required", "valid", "validator", "encrypted", "crypted", "bcrypt", "argon", "argon2",
		"scrypt", "pbkdf2", "kdf", "manager", "store", "service", "repo", "flag", "mode", "enabled", "stored",
		"sha", "md5", "sha1", "sha256", "mask", "masked", "redacted")

	// thirdPartyWords mark code verifying someone else's MAC or speaking a
	// fixed protocol: HMAC-SHA1 there is not the author's choice.
	thirdPartyWords = set("github", "gitlab", "bitbucket", "twilio",
		"slack", "stripe", "shopify", "paypal", "mailgun", "sendgrid", "mailchimp", "intercom", "zoom", "svix",
		"totp", "hotp", "otp", "oauth", "oauth1", "sigv2", "aws", "s3", "ntlm", "radius",
		"kerberos", "ldap", "snmp", "vnc", "cram", "pusher", "jira", "trello", "dropbox", "hub", "wechat", "weixin",
		"alipay", "partner", "vendor", "upstream")
	// hookWords mark webhook code: verifying a sender's MAC (verifyWords
	// around it or its callers) or signing the service's own deliveries.
	hookWords   = set("webhook", "webhooks", "hook", "hooks")
	verifyWords = set("verify", "verifier", "validate", "validator", "valid", "check", "checker", "compare",
		"incoming", "inbound", "receive", "receiver", "authenticate", "handle", "handler")
	// ownTokenWords mark MACs over the service's own tokens, cookies and
	// links: HMAC-SHA1 there is the author's choice.
	ownTokenWords = set("token", "tokens", "session", "sessions", "cookie", "cookies", "csrf", "xsrf", "jwt",
		"url", "urls", "link", "links", "download", "unsubscribe", "invite", "reset", "magic", "remember",
		"password", "state", "presign", "presigned")
	// testWords in a function's name mark test data, fixtures and load
	// generators, where math/rand is the right tool.
	testWords = set("test", "tests", "testing", "fake", "fakes", "mock", "mocks", "fixture", "fixtures", "seed",
		"seeds", "bench", "benchmark", "dummy", "sample", "demo", "example", "stub", "simulate", "simulation")
	// guessableWords name data an attacker knows or can guess; a digest of
	// it is no secret.
	guessableWords = set("email", "mail", "user", "username", "uid", "id", "name", "login", "phone", "time",
		"now", "date", "timestamp", "ts", "unix", "nano", "counter", "seq", "sequence", "account", "ip", "addr",
		"created", "expires", "exp", "order", "customer", "member")
	// pwnedWords mark a Have I Been Pwned range query, which needs SHA-1 of
	// the password by design.
	pwnedWords = set("pwned", "breach", "breached", "hibp", "compromised", "leaked")
)

// classify says what security-sensitive value a name denotes. typ is the
// value's type (a bare "key" counts only as bytes); ctx are the words of
// the type around it (the struct of a field, the receiver of a method, the
// function a value is passed to), which qualify it like words of the name;
// fctx are the words of the function it is made in, which qualify an "id",
// "code" or "state" only through stricter lists.
func classify(name string, typ types.Type, ctx, fctx []string) secKind {
	words := typesx.NameWords(name)
	for len(words) > 1 && noise[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return secNone
	}
	head := words[len(words)-1]
	quals := words[:len(words)-1]
	if head == "key" && len(quals) == 1 && quals[0] == "hash" {
		return secKey // securecookie's hashKey: an HMAC key
	}
	for _, w := range words {
		if negations[w] {
			return secNone
		}
	}
	var named []string // qualifiers that say something: not generate, random, new
	for _, w := range quals {
		if !filler[w] {
			named = append(named, w)
		}
	}
	if k, ok := headKinds[head]; ok {
		return k
	}
	if passwordHeads[head] && head != "pass" && head != "pw" {
		return secPassword
	}
	in := func(m map[string]bool) bool { return anyWord(quals, m) || anyWord(ctx, m) }
	switch head {
	case "id", "identifier":
		if in(idQualifiers) || anyWord(fctx, idFuncQualifiers) {
			return secToken
		}
	case "key":
		switch {
		case in(keyTokenQualifiers):
			return secToken
		case in(keyQualifiers):
			return secKey
		case len(named) == 0 && isByteData(typ):
			return secKey
		}
	case "cookie":
		if anyWord(quals, cookieQualifiers) {
			return secToken
		}
	case "code", "codes":
		if in(codeQualifiers) || anyWord(quals, codeNameQualifiers) || anyWord(fctx, codeFuncQualifiers) {
			return secCode
		}
	case "state":
		if in(stateQualifiers) || anyWord(fctx, stateFuncQualifiers) {
			return secToken
		}
	case "link", "url":
		if anyWord(quals, linkQualifiers) {
			return secToken
		}
	}
	return secNone
}

// isByteData reports whether t is []byte or [N]byte (or a pointer to one).
func isByteData(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if typesx.IsBytes(t) {
		return true
	}
	a, ok := types.Unalias(t).Underlying().(*types.Array)
	if !ok {
		return false
	}
	b, ok := types.Unalias(a.Elem()).Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// isPasswordName reports whether a variable, field, key or getter name
// denotes a password: password, req.Password, newPasswd, "passphrase",
// ReadPassword. Names about a password (passwordHash, PasswordMinLength)
// do not.
func isPasswordName(name string) bool {
	words := typesx.NameWords(name)
	for _, w := range words {
		if passwordNegations[w] {
			return false
		}
	}
	for len(words) > 1 && passwordNoise[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return len(words) > 0 && passwordHeads[words[len(words)-1]]
}

// funcMentionsPassword reports whether a function name is about passwords:
// hashPassword, (*User).SetPassword, checkPasswd.
func funcMentionsPassword(name string) bool {
	for _, w := range typesx.NameWords(name) {
		if passwordFuncWords[w] {
			return true
		}
	}
	return false
}

func anyWord(words []string, m map[string]bool) bool {
	for _, w := range words {
		if m[w] {
			return true
		}
	}
	return false
}
