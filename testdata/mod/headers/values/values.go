package values

import (
	"net/http"

	ginsecure "github.com/gin-contrib/secure"
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4/middleware"
	"github.com/unrolled/secure"
)

const strictCSP = "default-src 'none'; frame-ancestors 'none'"

func headers(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'") // want `AV702 medium: Content-Security-Policy "default-src 'self'; script-src 'self' 'unsafe-inline'" allows inline scripts \('unsafe-inline' in script-src\)`
	h.Set("Content-Security-Policy", "default-src 'self' 'unsafe-eval'")                      // want `AV702 .*allows eval \('unsafe-eval' in default-src\)`
	h.Set("Content-Security-Policy", "default-src *")                                         // want `AV702 .*allows any source \(default-src \*\)`
	h.Set("Content-Security-Policy", "script-src 'self'; img-src *.example.com")              // want `AV702 .*has no default-src`
	h.Set("Content-Security-Policy", "script-src 'nonce-abc' 'unsafe-inline' 'strict-dynamic'; default-src 'self'")
	h.Set("Content-Security-Policy", strictCSP)
	h.Set("Content-Security-Policy", "frame-ancestors 'none'")
	h.Set("Strict-Transport-Security", "max-age=3600") // want `AV702 .*Strict-Transport-Security max-age=3600 is under 15552000 seconds \(180 days\)`
	h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload")
	r.Header.Set("Content-Security-Policy", "default-src *")
}

func ginHeader(c *gin.Context) {
	c.Header("Strict-Transport-Security", "max-age=86400") // want `AV702 .*max-age=86400`
}

func configs() {
	_ = secure.New(secure.Options{
		STSSeconds:            600,                                            // want `AV702 .*max-age=600 is under`
		ContentSecurityPolicy: "default-src 'self'; script-src 'unsafe-eval'", // want `AV702 .*'unsafe-eval' in script-src`
	})
	cfg := ginsecure.DefaultConfig()
	cfg.STSSeconds = 86400 // want `AV702 .*max-age=86400`
	_ = ginsecure.New(cfg)
	_ = middleware.SecureWithConfig(middleware.SecureConfig{HSTSMaxAge: 31536000, ContentSecurityPolicy: "default-src 'self'"})
}

// secureOptions builds the options of each router; the values come from
// its callers, where a weak one is reported.
func secureOptions(maxAge int64, policy string) secure.Options {
	return secure.Options{STSSeconds: maxAge, ContentSecurityPolicy: policy, FrameDeny: true}
}

const oneDay = 24 * 60 * 60

func routers() {
	_ = secure.New(secureOptions(31536000, strictCSP))
	_ = secure.New(secureOptions(oneDay, strictCSP))                            // want `AV702 .*max-age=86400`
	_ = secure.New(secureOptions(63072000, "default-src 'self' 'unsafe-eval'")) // want `AV702 .*'unsafe-eval'`
}
