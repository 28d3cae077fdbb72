package secrets

import "regexp"

// This file is the analyzer's library knowledge, kept as data: the words
// that make a name a credential, the words and value shapes that mean "not a
// secret", the parameters and struct fields that take key material, the
// request accessors, and the provider token formats. Matching code lives in
// the other files and only reads these tables.
//
// Functions and methods are named by typesx.FuncKey: "pkgpath.Func" or
// "pkgpath.Recv.Method" (pointer receivers without the star; interface
// methods under the interface's name). Types are named "pkgpath.Type".

// ---------------------------------------------------------------------------
// Names (AV501, AV510)

// credentialHeads are the last word of a name that holds a credential:
// dbPassword, jwtSecret, accessToken, API_KEY (as api+key, see keyQualifiers).
var credentialHeads = set(
	"password", "passwd", "pwd", "pw", "pass", "passphrase", "passcode", "cred",
	"secret", "token", "credential", "credentials", "creds", "bearer",
	// one-word spellings that NameWords does not split
	"apikey", "apitoken", "apisecret", "privatekey", "secretkey", "accesskey",
	"signingkey", "clientsecret", "authtoken", "accesstoken", "refreshtoken",
	"jwtsecret", "jwtkey", "hmackey", "encryptionkey", "masterkey",
)

// keyQualifiers make a name ending in "key" a secret (secretKey, apiKey,
// privateKey, jwtKey, AES_KEY); any other word before "key" makes it a
// lookup key (tokenKey, passwordKey, sessionKey, userIDKey).
var keyQualifiers = set(
	"jwt", "jws", "jwe", "hmac", "aes", "encryption", "encrypt", "decryption", "decrypt",
	"signing", "sign", "signature", "secret", "private", "api", "access", "master",
	"crypto", "cipher", "symmetric", "shared", "license", "admin",
	// providers: stripeKey, sendgridKey, openaiKey
	"stripe", "twilio", "sendgrid", "openai", "anthropic", "mailgun", "github", "gitlab", "slack", "aws",
)

// trailingNoise words are dropped from the end of a name before its head
// word is taken: jwtSecretBytes, apiKeyValue, passwordStr.
var trailingNoise = set("bytes", "byte", "b", "str", "string", "value", "val", "raw", "plain", "plaintext", "text", "data", "default", "b64", "base64", "hex")

// negatingWords anywhere in a name mean it does not hold a secret: a public
// key, an example, an error message, a label, a flag that enables something.
var negatingWords = set(
	"public", "publishable", "pub", "example", "sample", "dummy", "fake", "mock", "placeholder",
	"err", "error", "errs", "msg", "message", "label", "hint", "prompt", "description", "desc", "title",
	"is", "has", "use", "enable", "enabled", "require", "required", "show", "hide", "masked", "redacted",
	"ctx", "context", "header", "headers", "field", "fields", "param", "params", "column", "col", "attr", "attribute",
	"errcode", "code", "status", "invalid", "wrong", "bad", "missing", "expired", "failed", "mismatch", "incorrect",
)

// validatorSink is a library callback whose parameter holds a credential
// taken from the request whatever it is named: the callback is argument Arg
// of Func, or the struct field Field ("pkgpath.Type.Field"); Param is the
// parameter's index.
type validatorSink struct {
	Func  string
	Field string
	Arg   int
	Param int
	What  string
}

// validatorSinks are the basic-auth and key-auth validators.
var validatorSinks = []validatorSink{
	{Func: "github.com/labstack/echo/v4/middleware.BasicAuth", Arg: 0, Param: 1, What: "basic-auth password"},
	{Field: "github.com/labstack/echo/v4/middleware.BasicAuthConfig.Validator", Param: 1, What: "basic-auth password"},
	{Func: "github.com/labstack/echo/v4/middleware.KeyAuth", Arg: 0, Param: 0, What: "API key"},
	{Field: "github.com/labstack/echo/v4/middleware.KeyAuthConfig.Validator", Param: 0, What: "API key"},
	{Field: "github.com/gofiber/fiber/v2/middleware/keyauth.Config.Validator", Param: 1, What: "API key"},
	{Field: "github.com/gofiber/fiber/v2/middleware/basicauth.Config.Authorizer", Param: 1, What: "basic-auth password"},
}

// keyedSetters store a value under a name: the name says whether the value
// is a credential (Header.Set("X-API-Key", "..."), os.Setenv("DB_PASSWORD",
// "..."), flag.String("jwt-secret", "...", usage)).
var keyedSetters = map[string][2]int{ // FuncKey → {name arg, value arg}
	"net/http.Header.Set":    {0, 1},
	"net/http.Header.Add":    {0, 1},
	"net/url.Values.Set":     {0, 1},
	"net/url.Values.Add":     {0, 1},
	"os.Setenv":              {0, 1},
	"flag.String":            {0, 1},
	"flag.StringVar":         {1, 2},
	"flag.FlagSet.String":    {0, 1},
	"flag.FlagSet.StringVar": {1, 2},
}

// authHeaders carry a credential after an auth scheme ("Bearer eyJ...").
var authHeaders = set("authorization", "proxy-authorization")

// authSchemes are stripped from an Authorization value (or a credential
// written with its scheme, "Bearer: abc...") before it is judged.
var authSchemes = []string{"Bearer ", "Basic ", "Token ", "Bot ", "ApiKey ", "Key ", "Bearer: ", "Basic: ", "Token: "}

// ---------------------------------------------------------------------------
// Values (AV501, AV505)

// minCredentialLen is the shortest value AV501 reports.
const minCredentialLen = 4

// commonWords are values that name a thing rather than hold a secret (an
// auth scheme, a token type, an algorithm, a mode). Compared lower-case.
var commonWords = set(
	"bearer", "basic", "digest", "token", "tokens", "secret", "secrets", "password", "passwords", "passwd", "pass",
	"apikey", "api-key", "credential", "credentials", "none", "null", "nil", "true", "false", "yes", "no",
	"enabled", "disabled", "required", "optional", "hidden", "string", "text", "jwt", "jwe", "jws", "jwk",
	"hs256", "hs384", "hs512", "rs256", "rs384", "rs512", "es256", "es384", "es512", "ps256", "ps384", "ps512", "eddsa",
	"refresh", "access", "authorization", "auth", "session", "cookie", "header", "query", "form", "body",
	"json", "default", "unknown", "empty", "invalid", "missing", "redacted", "masked", "private", "public",
	"local", "development", "production", "staging", "prod", "debug", "client", "server", "user", "username",
	"email", "login", "logout", "signin", "signup", "register", "reset", "oauth", "oauth2", "openid", "code",
	"state", "expired", "revoked", "valid", "hmac", "sha1", "sha256", "sha384", "sha512", "md5", "bcrypt",
	"argon2", "argon2id", "scrypt", "pbkdf2", "base64", "plain", "plaintext", "encrypted", "sensitive", "unset",
	"undefined", "secure", "insecure", "strong", "weak", "random", "generated", "static", "dynamic", "bearer_token",
)

// placeholderMarkers anywhere in a value (lower-cased) mark it as a
// placeholder, a template or an example rather than a real secret.
var placeholderMarkers = []string{
	"changeme", "change_me", "change-me", "changethis", "change_this", "change-this", "change-in-production",
	"replaceme", "replace_me", "replace-me", "replace-with", "replace_with",
	"your-", "your_", "yoursecret", "yourpassword", "yourkey", "yourtoken", "yourapikey",
	"xxx", "***", "...", "${", "{{", "$(", "%s", "%v", "%d", "%q", "%x",
	"todo", "fixme", "tbd", "example", "dummy", "placeholder", "sample", "redacted",
	"-here", "_here", "fake", "mock", "not-a-secret", "notasecret", "not_a_secret",
}

// placeholderWords are values' words that mark a test or example value:
// "test123", "my-test-token", "password-for-testing".
var placeholderWords = set("test", "tests", "testing", "foo", "bar", "baz", "lorem", "ipsum", "insert")

// fieldNameVocabulary: a value made only of these words (with at least one
// credential word) is the name of a field, header, parameter or env var
// ("password", "api_key", "X-API-Key", "access_token", "newPassword",
// "DB_PASSWORD"), not a secret.
var fieldNameVocabulary = set(
	"x", "new", "old", "confirm", "confirmation", "current", "user", "username", "client", "id",
	"refresh", "access", "auth", "authorization", "key", "session", "csrf", "xsrf", "reset", "otp", "code",
	"db", "database", "hash", "hashed", "type", "header", "field", "grant", "app", "service", "account",
	"admin", "basic", "bearer", "oauth", "oauth2", "id", "jwt", "api", "private", "secret", "verify",
	"repeat", "retype", "login", "sign", "signing", "smtp", "mail", "redis", "mysql", "postgres", "pg", "mongo",
	"aws", "s3", "gcp", "azure", "env", "id", "root", "master", "encryption", "hmac", "server", "token",
	"cookie", "remember", "me", "one", "time", "personal", "bot", "webhook", "stripe", "github", "slack",
)

// fileExtensions mark a value as a file name, not key material ("keys/jwt.pem").
var fileExtensions = []string{".pem", ".key", ".crt", ".cer", ".der", ".p8", ".p12", ".pfx", ".jks", ".json", ".yaml", ".yml", ".toml", ".txt", ".env", ".conf", ".ini", ".pub"}

// connection strings (AV505): schemes whose URLs carry a database, broker or
// service password in user:pass@host.
var connSchemes = set(
	"postgres", "postgresql", "pgx", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss",
	"amqp", "amqps", "sqlserver", "mssql", "oracle", "clickhouse", "cockroachdb", "cockroach", "nats",
	"kafka", "ldap", "ldaps", "ftp", "ftps", "sftp", "smtp", "smtps", "http", "https", "memcached",
	"couchbase", "neo4j", "bolt", "cassandra", "elasticsearch", "influxdb", "snowflake", "vertica", "tds",
)

// weakDSNPasswords are local-development defaults that AV505 leaves alone.
var weakDSNPasswords = set("password", "pass", "passwd", "secret", "changeme", "pwd", "")

var (
	urlCredRe  = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.\-]*)://([^\s:/@?#]*):([^\s@/?#]+)@([^\s/?#]+)`)
	mysqlDSNRe = regexp.MustCompile(`^([^\s:@/()]+):([^\s@]+)@(?:(?:tcp|tcp6|udp|unix)\([^)]*\))?/`)
	kvPassRe   = regexp.MustCompile(`(?i)(?:^|[\s;])(?:password|pwd|passwd)\s*=\s*('[^']*'|"[^"]*"|[^\s;]+)`)
	kvUserRe   = regexp.MustCompile(`(?i)(?:^|[\s;])(?:user|user id|uid|username)\s*=\s*('[^']*'|"[^"]*"|[^\s;]+)`)
	kvDSNRe    = regexp.MustCompile(`(?i)(?:^|[\s;])(?:host|hostaddr|server|data source|dbname|database|port|sslmode|initial catalog|addr|address)\s*=`)
)

// ---------------------------------------------------------------------------
// Key sinks (AV502)

type sinkKind int

const (
	sinkValue     sinkKind = iota // the argument or field holds the key
	sinkKeyfunc                   // a func whose first result is the key (jwt.Keyfunc)
	sinkMapValues                 // a map whose values are passwords (gin.Accounts)
	sinkVariadic                  // every argument from Arg on holds a key
)

// callSink is a parameter taking key material or a credential.
type callSink struct {
	Arg  int
	Kind sinkKind
	What string // for messages: "signing key", "HMAC key"
}

// jwtPkgs are the golang-jwt family's import paths.
var jwtPkgs = []string{
	"github.com/golang-jwt/jwt/v5", "github.com/golang-jwt/jwt/v4", "github.com/golang-jwt/jwt",
	"github.com/dgrijalva/jwt-go", "github.com/dgrijalva/jwt-go/v4", "github.com/form3tech-oss/jwt-go",
}

var josePkgs = []string{"github.com/go-jose/go-jose/v4", "github.com/go-jose/go-jose/v3", "gopkg.in/square/go-jose.v2"}
var joseJWTPkgs = []string{"github.com/go-jose/go-jose/v4/jwt", "github.com/go-jose/go-jose/v3/jwt", "gopkg.in/square/go-jose.v2/jwt"}

var jwxVersions = []string{"github.com/lestrrat-go/jwx/v2", "github.com/lestrrat-go/jwx/v3", "github.com/lestrrat-go/jwx"}

// callSinks maps a FuncKey to the parameter that takes a key.
var callSinks = func() map[string]callSink {
	m := map[string]callSink{}
	add := func(keys []string, s callSink) {
		for _, k := range keys {
			m[k] = s
		}
	}
	add(each(jwtPkgs, "Token.SignedString"), callSink{0, sinkValue, "JWT signing key"})
	add(each(jwtPkgs, "SigningMethodHMAC.Sign"), callSink{1, sinkValue, "JWT signing key"})
	add(each(jwtPkgs, "SigningMethodHMAC.Verify"), callSink{2, sinkValue, "JWT verification key"})
	add(each(jwtPkgs, "Parse"), callSink{1, sinkKeyfunc, "JWT verification key"})
	add(each(jwtPkgs, "ParseWithClaims"), callSink{2, sinkKeyfunc, "JWT verification key"})
	add(each(jwtPkgs, "Parser.Parse"), callSink{1, sinkKeyfunc, "JWT verification key"})
	add(each(jwtPkgs, "Parser.ParseWithClaims"), callSink{2, sinkKeyfunc, "JWT verification key"})
	add(each(subpkgs(jwxVersions, "jwt", "jws", "jwe"), "WithKey"), callSink{1, sinkValue, "JOSE key"})
	add(each(subpkgs(jwxVersions, "jwk"), "FromRaw", "Import", "New"), callSink{0, sinkValue, "JWK key material"})
	add(each(joseJWTPkgs, "JSONWebToken.Claims"), callSink{0, sinkValue, "JWT verification key"})
	add(each(josePkgs, "JSONWebSignature.Verify"), callSink{0, sinkValue, "JWS verification key"})
	add([]string{"crypto/hmac.New"}, callSink{1, sinkValue, "HMAC key"})
	add([]string{"crypto/aes.NewCipher", "crypto/des.NewCipher", "crypto/des.NewTripleDESCipher", "crypto/rc4.NewCipher",
		"golang.org/x/crypto/chacha20poly1305.New", "golang.org/x/crypto/chacha20poly1305.NewX",
		"golang.org/x/crypto/blowfish.NewCipher", "golang.org/x/crypto/xtea.NewCipher"}, callSink{0, sinkValue, "cipher key"})
	add([]string{"golang.org/x/crypto/hkdf.New", "golang.org/x/crypto/hkdf.Extract"}, callSink{1, sinkValue, "HKDF secret"})
	add([]string{"net/http.Request.SetBasicAuth"}, callSink{1, sinkValue, "basic-auth password"})
	add([]string{"github.com/gin-gonic/gin.BasicAuth", "github.com/gin-gonic/gin.BasicAuthForRealm", "github.com/gin-gonic/gin.BasicAuthForProxy"},
		callSink{0, sinkMapValues, "basic-auth password"})
	add([]string{"github.com/labstack/echo-jwt/v4.JWT", "github.com/labstack/echo/v4/middleware.JWT", "github.com/labstack/echo/middleware.JWT"},
		callSink{0, sinkValue, "JWT signing key"})
	add([]string{"github.com/gorilla/sessions.NewCookieStore"}, callSink{0, sinkVariadic, "session key"})
	add([]string{"github.com/gorilla/sessions.NewFilesystemStore"}, callSink{1, sinkVariadic, "session key"})
	add([]string{"github.com/gorilla/securecookie.New"}, callSink{0, sinkVariadic, "cookie key"})
	add([]string{"github.com/gorilla/csrf.Protect"}, callSink{0, sinkValue, "CSRF authentication key"})
	return m
}()

// fieldSink is a struct field that holds a key or credential.
type fieldSink struct {
	Kind sinkKind
	What string
}

// fieldSinks maps "pkgpath.Type.Field" to what the field holds.
var fieldSinks = func() map[string]fieldSink {
	m := map[string]fieldSink{
		"golang.org/x/oauth2.Config.ClientSecret":                         {sinkValue, "OAuth2 client secret"},
		"golang.org/x/oauth2/clientcredentials.Config.ClientSecret":       {sinkValue, "OAuth2 client secret"},
		"github.com/labstack/echo-jwt/v4.Config.SigningKey":               {sinkValue, "JWT signing key"},
		"github.com/labstack/echo-jwt/v4.Config.SigningKeys":              {sinkMapValues, "JWT signing key"},
		"github.com/labstack/echo-jwt/v4.Config.KeyFunc":                  {sinkKeyfunc, "JWT verification key"},
		"github.com/labstack/echo/v4/middleware.JWTConfig.SigningKey":     {sinkValue, "JWT signing key"},
		"github.com/labstack/echo/v4/middleware.JWTConfig.SigningKeys":    {sinkMapValues, "JWT signing key"},
		"github.com/appleboy/gin-jwt/v2.GinJWTMiddleware.Key":             {sinkValue, "JWT signing key"},
		"github.com/appleboy/gin-jwt.GinJWTMiddleware.Key":                {sinkValue, "JWT signing key"},
		"github.com/gofiber/contrib/jwt.SigningKey.Key":                   {sinkValue, "JWT signing key"},
		"github.com/gofiber/contrib/jwt.Config.KeyFunc":                   {sinkKeyfunc, "JWT verification key"},
		"github.com/gofiber/jwt/v3.Config.SigningKey":                     {sinkValue, "JWT signing key"},
		"github.com/gofiber/fiber/v2/middleware/basicauth.Config.Users":   {sinkMapValues, "basic-auth password"},
		"github.com/gofiber/fiber/v2/middleware/encryptcookie.Config.Key": {sinkValue, "cookie encryption key"},
	}
	for _, p := range josePkgs {
		m[p+".SigningKey.Key"] = fieldSink{sinkValue, "JOSE signing key"}
		m[p+".Recipient.Key"] = fieldSink{sinkValue, "JOSE encryption key"}
	}
	return m
}()

// ---------------------------------------------------------------------------
// Requests (AV510, and the names of request values for AV501)

// requestAccessors return a string (or []byte) taken from the request; the
// argument at NameArg names it (a header, query or form field).
var requestAccessors = map[string]int{ // FuncKey → name argument (-1: none)
	"net/http.Request.FormValue":     0,
	"net/http.Request.PostFormValue": 0,
	"net/http.Request.PathValue":     0,
	"net/http.Request.UserAgent":     -1,
	"net/http.Request.Referer":       -1,
	// rooted in a *http.Request: r.Header.Get, r.URL.Query().Get, r.Form.Get
	"net/http.Header.Get":                              0,
	"net/url.Values.Get":                               0,
	"github.com/gin-gonic/gin.Context.GetHeader":       0,
	"github.com/gin-gonic/gin.Context.Query":           0,
	"github.com/gin-gonic/gin.Context.DefaultQuery":    0,
	"github.com/gin-gonic/gin.Context.PostForm":        0,
	"github.com/gin-gonic/gin.Context.DefaultPostForm": 0,
	"github.com/gin-gonic/gin.Context.Param":           0,
	"github.com/labstack/echo/v4.Context.QueryParam":   0,
	"github.com/labstack/echo/v4.Context.FormValue":    0,
	"github.com/labstack/echo/v4.Context.Param":        0,
	"github.com/gofiber/fiber/v2.Ctx.Get":              0,
	"github.com/gofiber/fiber/v2.Ctx.Query":            0,
	"github.com/gofiber/fiber/v2.Ctx.Params":           0,
	"github.com/gofiber/fiber/v2.Ctx.FormValue":        0,
	"github.com/gofiber/fiber/v2.Ctx.Cookies":          0,
	"github.com/valyala/fasthttp.RequestHeader.Peek":   0,
}

// requestTypes are the request objects of net/http and the frameworks
// (through pointers).
var requestTypes = set(
	"net/http.Request", "github.com/gin-gonic/gin.Context", "github.com/labstack/echo/v4.Context",
	"github.com/gofiber/fiber/v2.Ctx", "github.com/valyala/fasthttp.RequestCtx",
)

// requestFields of *http.Request carry client data (r.Body, r.Header).
var requestFields = set("Body", "Header", "Form", "PostForm", "MultipartForm", "Trailer")

// rootedAccessors are request accessors only when their receiver is reached
// from a *http.Request (r.Header.Get, not resp.Header.Get).
var rootedAccessors = set("net/http.Header.Get", "net/url.Values.Get")

// requestTuples return request values among several results: FuncKey → the
// result indexes that come from the request.
var requestTuples = map[string][]int{
	"net/http.Request.BasicAuth":                   {0, 1},
	"net/http.Request.Cookie":                      {0},
	"github.com/gin-gonic/gin.Context.GetQuery":    {0},
	"github.com/gin-gonic/gin.Context.GetPostForm": {0},
	"github.com/gin-gonic/gin.Context.Cookie":      {0},
	"github.com/labstack/echo/v4.Context.Cookie":   {0},
	"github.com/gin-gonic/gin.Context.GetRawData":  {0},
}

// passwordTuples: results that are a password whatever the variable is
// called (user, pass, ok := r.BasicAuth()).
var passwordTuples = map[string]int{"net/http.Request.BasicAuth": 1}

// requestBinders fill their argument from the request body, query or headers.
var requestBinders = func() map[string]int { // FuncKey → argument filled
	m := map[string]int{
		"github.com/labstack/echo/v4.Context.Bind":        0,
		"github.com/gofiber/fiber/v2.Ctx.BodyParser":      0,
		"github.com/gofiber/fiber/v2.Ctx.QueryParser":     0,
		"github.com/gofiber/fiber/v2.Ctx.ReqHeaderParser": 0,
		"github.com/gofiber/fiber/v2.Ctx.ParamsParser":    0,
	}
	for _, n := range []string{"Bind", "BindJSON", "BindXML", "BindQuery", "BindYAML", "BindTOML", "BindHeader", "BindUri", "BindWith",
		"ShouldBind", "ShouldBindJSON", "ShouldBindXML", "ShouldBindQuery", "ShouldBindYAML", "ShouldBindTOML", "ShouldBindHeader",
		"ShouldBindUri", "ShouldBindWith", "ShouldBindBodyWith", "ShouldBindBodyWithJSON", "ShouldBindBodyWithXML", "MustBindWith"} {
		m["github.com/gin-gonic/gin.Context."+n] = 0
	}
	return m
}()

// sourceBinders fill their argument from a reader or bytes that must
// themselves come from the request: json.NewDecoder(r.Body).Decode(&req),
// json.Unmarshal(body, &req).
var sourceBinders = map[string]int{ // FuncKey → argument filled
	"encoding/json.Decoder.Decode": 0,
	"encoding/json.Unmarshal":      1,
	"encoding/xml.Decoder.Decode":  0,
	"encoding/xml.Unmarshal":       1,
}

// decoderConstructors wrap a reader: json.NewDecoder(r.Body).
var decoderConstructors = set("encoding/json.NewDecoder", "encoding/xml.NewDecoder")

// passThrough functions return (a part of) their first argument.
var passThrough = set(
	"strings.TrimPrefix", "strings.TrimSuffix", "strings.TrimSpace", "strings.Trim", "strings.TrimLeft",
	"strings.TrimRight", "strings.ToLower", "strings.ToUpper", "strings.Split", "strings.SplitN", "strings.Fields",
	"bytes.TrimSpace", "bytes.TrimPrefix", "bytes.TrimSuffix",
)

// passThroughTuples return their first argument transformed as result 0.
var passThroughTuples = set(
	"strings.CutPrefix", "strings.CutSuffix", "encoding/hex.DecodeString", "encoding/base64.Encoding.DecodeString",
	"io.ReadAll", "io/ioutil.ReadAll", "net/url.QueryUnescape", "net/url.PathUnescape",
)

// timingUnsafeCompares compare their first two arguments in variable time.
var timingUnsafeCompares = set("bytes.Equal", "strings.EqualFold", "strings.Compare", "bytes.Compare", "slices.Equal", "reflect.DeepEqual")

// constantTimeCompares compare their first two arguments in constant time;
// AV501 still reports a literal compared through them.
var constantTimeCompares = set("crypto/subtle.ConstantTimeCompare", "crypto/hmac.Equal")

// encoders turn a MAC into its textual form: hex.EncodeToString(mac.Sum(nil)).
var encoders = set("encoding/hex.EncodeToString", "encoding/base64.Encoding.EncodeToString")

// macSums return the MAC of a hash.Hash; macConstructors make a keyed one.
var (
	macSums         = set("hash.Hash.Sum")
	macConstructors = set("crypto/hmac.New")
)

// credentialEnvFuncs read configuration by name: os.Getenv("API_KEY").
var credentialEnvFuncs = set("os.Getenv", "os.LookupEnv")

// compareWords: a name ending in one of these is, for AV510, a value an
// attacker must not be able to guess byte by byte (in addition to the
// credential names): an expected signature or MAC.
var compareWords = set("signature", "sig", "mac", "hmac")

// probeNegations in a request field's name say its key is no credential:
// Idempotency-Key, X-Cache-Key.
var probeNegations = set("idempotency", "idempotent", "cache", "partition", "sort", "routing", "dedup",
	"deduplication", "object", "request", "trace", "correlation", "event", "version", "lookup", "primary",
	"foreign", "public", "pub", "publishable", "site", "recaptcha", "captcha", "map", "index")

// accessCodeQualifiers make a "code" a credential: access_code, invite_code.
var accessCodeQualifiers = set("access", "invite", "invitation", "verification", "verify", "otp", "reset",
	"confirm", "confirmation", "pairing", "join", "enrollment", "activation", "recovery", "backup", "auth",
	"login", "pickup", "unlock", "security", "admin", "master", "pin")

// ---------------------------------------------------------------------------
// Provider token formats (AV503)

type tokenFormat struct {
	Name       string
	Hints      []string       // one of these substrings must occur (a cheap filter before Re)
	Re         *regexp.Regexp // submatch 1 is the random part
	MinEntropy float64        // Shannon entropy (bits per char) of the random part
}

var tokenFormats = []tokenFormat{
	{"AWS access key ID", []string{"AKIA", "ASIA", "ABIA", "ACCA"}, regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)([A-Z0-9]{16})\b`), 3.0},
	{"GitHub token", []string{"gh"}, regexp.MustCompile(`\bgh[pousr]_([A-Za-z0-9]{36})\b`), 3.8},
	{"GitHub fine-grained token", []string{"github_pat_"}, regexp.MustCompile(`\bgithub_pat_([A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`), 4.0},
	{"Slack webhook URL", []string{"hooks.slack.com"}, regexp.MustCompile(`https://hooks\.slack\.com/services/(T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{20,})`), 3.5},
	{"Slack token", []string{"xox"}, regexp.MustCompile(`\bxox[abeoprs]-([0-9A-Za-z]+(?:-[0-9A-Za-z]+){2,})`), 3.3},
	{"Stripe secret key", []string{"k_live_", "k_test_"}, regexp.MustCompile(`\b[rs]k_(?:live|test)_([0-9A-Za-z]{24,99})\b`), 3.5},
	{"Google API key", []string{"AIza"}, regexp.MustCompile(`\bAIza([0-9A-Za-z_\-]{35})`), 3.8},
	{"SendGrid API key", []string{"SG."}, regexp.MustCompile(`\bSG\.([A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})`), 4.0},
	{"Twilio API key", []string{"SK"}, regexp.MustCompile(`\bSK([0-9a-fA-F]{32})\b`), 3.2},
	{"GitLab token", []string{"glpat-"}, regexp.MustCompile(`\bglpat-([0-9A-Za-z_\-]{20,})`), 3.5},
	{"npm token", []string{"npm_"}, regexp.MustCompile(`\bnpm_([A-Za-z0-9]{36})\b`), 3.8},
	{"Anthropic API key", []string{"sk-ant-"}, regexp.MustCompile(`\bsk-ant-(?:api|admin)[0-9]{2}-([A-Za-z0-9_\-]{80,})`), 4.0},
	{"OpenAI API key", []string{"sk-"}, regexp.MustCompile(`\bsk-(?:proj|svcacct|admin)-([A-Za-z0-9_\-]{40,})`), 4.0},
	{"OpenAI API key", []string{"T3BlbkFJ"}, regexp.MustCompile(`\bsk-([A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})\b`), 4.0},
}

// exampleMarkers in a token's random part (case-insensitive) mark a
// documented example or a placeholder.
var exampleMarkers = []string{"example", "xxxx", "****", "0000", "1234567890", "abcdefgh", "sample", "dummy", "placeholder", "your"}

// documentedTokens are example credentials published in providers' docs.
var documentedTokens = set(
	"AKIAIOSFODNN7EXAMPLE",
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc",
	"sk_test_BQokikJOvBiI2HlWgH4olfQ2",
	"sk_test_26PHem9AhJZvU623DfE1x4sd",
	"rk_test_26PHem9AhJZvU623DfE1x4sd",
)

// ---------------------------------------------------------------------------
// PEM private keys (AV504)

var pemPrivateRe = regexp.MustCompile(`-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |ED25519 )?PRIVATE KEY(?: BLOCK)?)-----`)

// minPEMBody is how many base64 characters must follow the header for the
// literal to hold a key rather than just the header line.
const minPEMBody = 40

// ---------------------------------------------------------------------------

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// subpkgs joins every module path with every sub-package: subpkgs(jwx, "jwt").
func subpkgs(mods []string, subs ...string) []string {
	var out []string
	for _, m := range mods {
		for _, s := range subs {
			out = append(out, m+"/"+s)
		}
	}
	return out
}

// each joins every package path with every name: each(pkgs, "Token.SignedString").
func each(pkgs []string, names ...string) []string {
	var out []string
	for _, p := range pkgs {
		for _, n := range names {
			out = append(out, p+"."+n)
		}
	}
	return out
}
