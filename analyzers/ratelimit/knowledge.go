package ratelimit

import "github.com/apivet/apivet/passes/routes"

// Words that make a route an authentication route. The defaults of the
// flags; matching is on the lower-case words of path segments and handler
// names ("forgot-password" → forgot, password; "SignIn" → sign, in).

// authWords mark a credential endpoint wherever they appear in the path.
const defaultAuthWords = "login,signin,sign-in,logon,log-in,signup,sign-up,password,passwords,passwd," +
	"forgot,otp,mfa,2fa,totp,authenticate,authentication,passcode,passkey,webauthn,magic-link"

// authActionWords mark one as the last literal path segment (POST /auth,
// POST /api/v1/sessions, POST /oauth/token, POST /verify-email, POST
// /register), under the conditions below.
const defaultActionWords = "auth,session,sessions,token,tokens,authorize,verify,verification,reset,recover,recovery,pin," +
	"refresh,challenge,credentials,register,registration,introspect,introspection,revoke,revocation"

// authHandlerWords mark one in a handler's name (Login, HandleSignIn,
// ResetPassword, IssueToken, CreateSession, VerifyOTP).
const defaultHandlerWords = "login,signin,sign-in,logon,signup,sign-up,authenticate,password,forgot,otp,mfa,2fa,totp,passcode"

// contextualActions count only when the path or the handler also names
// an account thing: POST /verify-email and POST /password/reset, not POST
// /payments/verify, POST /cache/reset or POST /posts/{id}/pin.
var contextualActions = map[string]bool{
	"verify": true, "verification": true, "reset": true, "recover": true, "recovery": true, "pin": true,
}

// accountContext are the words that give a contextual action its meaning.
var accountContext = map[string]bool{
	"password": true, "passwd": true, "email": true, "phone": true, "otp": true, "code": true, "account": true,
	"accounts": true, "user": true, "users": true, "auth": true, "mfa": true, "2fa": true, "login": true,
	"identity": true, "signup": true, "registration": true, "magic": true, "credentials": true, "card": true,
	"cards": true, "me": true, "token": true, "totp": true, "sms": true,
}

// genericSegments may precede the other action words: POST
// /api/v1/auth/token and POST /users/{id}/tokens, not POST /devices/tokens
// or POST /chat/sessions.
var genericSegments = map[string]bool{
	"api": true, "rest": true, "public": true, "internal": true, "external": true, "app": true, "web": true,
	"auth": true, "authentication": true, "oauth": true, "oauth2": true, "user": true, "users": true,
	"account": true, "accounts": true, "me": true, "identity": true, "iam": true, "sso": true, "id": true,
	"idp": true, "session": true, "sessions": true, "token": true, "tokens": true, "customer": true,
	"customers": true, "member": true, "members": true, "admin": true, "portal": true, "mobile": true,
	"service": true, "svc": true, "gateway": true, "core": true, "backend": true, "client": true, "clients": true,
	"platform": true, "connect": true, "jwt": true, "openid": true, "oidc": true, "sign": true,
}

// nonAuthLast are last path segments that are not credential endpoints
// even under /auth: logging out, reading one's profile, provider
// callbacks, device push tokens, CSRF tokens.
var nonAuthLast = map[string]bool{
	"logout": true, "signout": true, "logoff": true, "me": true, "profile": true, "status": true, "health": true,
	"jwks": true, "keys": true, "userinfo": true, "whoami": true, "providers": true, "config": true,
	"callback": true, "push": true, "fcm": true, "apns": true, "device": true, "devices": true, "firebase": true,
	"csrf": true, "xsrf": true, "webhook": true, "webhooks": true, "notification": true, "notifications": true,
}

// readMethods never carry credentials (GET /api/tokens/prices).
var readMethods = map[string]bool{"GET": true, "HEAD": true, "OPTIONS": true, "DELETE": true, "TRACE": true, "CONNECT": true}

// handlerNoise are words in handler names that say nothing.
var handlerNoise = map[string]bool{
	"handle": true, "handler": true, "handlers": true, "h": true, "http": true, "api": true, "func": true, "fn": true,
	"controller": true, "ctrl": true, "endpoint": true, "post": true, "put": true, "patch": true, "v1": true, "v2": true,
	"route": true, "srv": true, "server": true, "s": true, "a": true, "app": true, "svc": true, "service": true,
}

// registerObjects are what "register" may register in a credential sense
// (Register, RegisterUser, RegisterAccount).
var registerObjects = map[string]bool{"user": true, "users": true, "account": true, "accounts": true, "customer": true,
	"member": true, "new": true, "with": true, "email": true, "phone": true, "by": true, "password": true}

// tokenActions turn "token" or "session" in a handler name into an
// issuing endpoint (IssueToken, CreateSession, RefreshToken).
var tokenActions = map[string]bool{"issue": true, "create": true, "new": true, "generate": true, "refresh": true,
	"exchange": true, "get": true, "grant": true, "obtain": true, "request": true, "start": true, "open": true}

// verifyObjects make "verify" a credential check (VerifyOTP, VerifyEmail,
// VerifyCode).
var verifyObjects = map[string]bool{"email": true, "phone": true, "code": true, "account": true, "user": true,
	"identity": true, "otp": true, "mfa": true, "2fa": true, "totp": true, "pin": true, "login": true, "token": true}

// suggestions name a limiter that fits the router.
var suggestions = map[routes.Kind]string{
	routes.Gin:        "a limiter middleware such as github.com/ulule/limiter/v3/drivers/middleware/gin or a gin.HandlerFunc around golang.org/x/time/rate",
	routes.Echo:       "echo's middleware.RateLimiter",
	routes.Fiber:      "fiber's limiter.New()",
	routes.Chi:        "a limiter such as httprate.LimitByIP",
	routes.Mux:        "a limiter such as httprate.LimitByIP or golang.org/x/time/rate middleware",
	routes.NetHTTP:    "a limiter such as httprate.LimitByIP or golang.org/x/time/rate middleware",
	routes.HTTPRouter: "a limiter such as tollbooth.LimitHandler or golang.org/x/time/rate middleware",
}

// secretCheckWords mark an authenticated route that verifies a guessable
// secret: a one-time code or PIN.
var secretCheckWords = map[string]bool{
	"otp": true, "totp": true, "hotp": true, "mfa": true, "2fa": true, "pin": true, "passcode": true,
	"verify": true, "verification": true, "code": true, "codes": true, "challenge": true,
}

// adminPasswordWords mark a password operation that checks no current
// password: an administrator setting or resetting someone's password.
var adminPasswordWords = map[string]bool{
	"reset": true, "forgot": true, "recover": true, "set": true, "admin": true, "initial": true,
}

// authScopes name an authentication scheme: an action word right after one
// is an auth endpoint wherever the path starts (POST /partner/oauth/token).
var authScopes = map[string]bool{
	"oauth": true, "oauth2": true, "auth": true, "authentication": true, "sso": true, "oidc": true,
	"openid": true, "idp": true, "iam": true, "jwt": true, "login": true,
}
