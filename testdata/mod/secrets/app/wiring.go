package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"os"

	ginjwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"
	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/basicauth"
	"github.com/gofiber/fiber/v2/middleware/keyauth"
	"github.com/gorilla/csrf"
	"github.com/gorilla/sessions"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/oauth2"
)

func webhookMAC(body []byte) []byte {
	mac := hmac.New(sha256.New, []byte("webhook-Signing-Secret")) // want `AV502 high: hardcoded HMAC key "webh…ret" \(22 chars\) reaches hmac.New`
	mac.Write(body)
	return mac.Sum(nil)
}

func webhookMACFromEnv(body []byte) []byte {
	mac := hmac.New(sha256.New, []byte(os.Getenv("WEBHOOK_SECRET")))
	mac.Write(body)
	return mac.Sum(nil)
}

var encryptionKey = []byte("0123456789abcdef0123456789abcdef") // want `AV502 high: hardcoded cipher key "0123…def" \(32 chars\) reaches aes.NewCipher through encryptionKey`

func sealer() (cipher.AEAD, error) {
	block, err := aes.NewCipher(encryptionKey)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func chacha() (cipher.AEAD, error) {
	return chacha20poly1305.New([]byte("chacha-Key-32-bytes-long-0000001")) // want `AV502 high: hardcoded cipher key "chac…001" \(32 chars\) reaches chacha20poly1305.New`
}

func callBilling(user string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://billing.internal/v1/invoices", nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("svc-billing", "B1ll!ng-Pw") // want `AV502 high: hardcoded basic-auth password "…" \(10 chars\) reaches \(\*http.Request\).SetBasicAuth`
	req.SetBasicAuth(user, os.Getenv("BILLING_PASSWORD"))
	req.Header.Set("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMifQ.Qm9keVNpZw") // want `AV501 high: hardcoded credential in header "Authorization" = "Bear…pZw" \(57 chars\)`
	req.Header.Set("X-API-Key", "k-live-7Hq2xP9mZ")                                              // want `AV501 high: hardcoded credential "X-API-Key" \(\(net/http.Header\).Set|AV501 high: hardcoded credential "X-API-Key"`
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BILLING_TOKEN"))
	req.Header.Set("X-API-Key", os.Getenv("BILLING_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}

var googleOAuth = &oauth2.Config{
	ClientID:     "1234567890-abc.apps.googleusercontent.com",
	ClientSecret: "GOCSPX-q8Zr2Lm4Vt7Xw1Ny", // want `AV502 high: hardcoded OAuth2 client secret "GOCS…1Ny" \(23 chars\) reaches oauth2.Config.ClientSecret`
	RedirectURL:  "https://orders.acme.io/oauth/callback",
	Scopes:       []string{"email"},
}

var githubOAuth = &oauth2.Config{
	ClientID:     os.Getenv("GITHUB_CLIENT_ID"),
	ClientSecret: os.Getenv("GITHUB_CLIENT_SECRET"),
}

var store = sessions.NewCookieStore([]byte("cookie-Store-Key-1")) // want `AV502 high: hardcoded session key "cook…y-1" \(18 chars\) reaches sessions.NewCookieStore`

var envStore = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

var csrfMiddleware = csrf.Protect([]byte("csrf-Auth-Key-32-bytes-long-0001")) // want `AV502 high: hardcoded CSRF authentication key`

func ginRouter() *gin.Engine {
	r := gin.New()
	admin := r.Group("/admin", gin.BasicAuth(gin.Accounts{
		"admin": "Adm1n-Pw!", // want `AV502 high: hardcoded basic-auth password "…" \(9 chars\) reaches gin.BasicAuth`
	}))
	_ = admin
	ops := gin.Accounts{}
	ops["ops"] = "0ps-Pass!" // want `AV502 high: hardcoded basic-auth password "…" \(9 chars\) reaches gin.BasicAuthForRealm`
	r.Group("/ops", gin.BasicAuthForRealm(ops, "ops"))
	accounts := gin.Accounts{os.Getenv("METRICS_USER"): os.Getenv("METRICS_PASSWORD")}
	r.Group("/metrics", gin.BasicAuth(accounts))

	mw, _ := ginjwt.New(&ginjwt.GinJWTMiddleware{
		Realm: "orders",
		Key:   []byte("gin-jwt-Secret-Key"), // want `AV502 high: hardcoded JWT signing key "gin-…Key" \(18 chars\) reaches jwt.GinJWTMiddleware.Key`
	})
	_ = mw
	mwEnv, _ := ginjwt.New(&ginjwt.GinJWTMiddleware{Realm: "orders", Key: []byte(os.Getenv("JWT_SECRET"))})
	_ = mwEnv
	return r
}

func echoServer() *echo.Echo {
	e := echo.New()
	e.Use(echojwt.WithConfig(echojwt.Config{
		SigningKey: []byte("echo-Signing-Key-77"), // want `AV502 high: hardcoded JWT signing key "echo…-77" \(19 chars\) reaches echojwt.Config.SigningKey`
	}))
	e.Use(echojwt.JWT([]byte("echo-jwt-Key-22"))) // want `AV502 high: hardcoded JWT signing key "…" \(15 chars\) reaches echojwt.JWT`
	e.Use(echojwt.JWT([]byte(os.Getenv("JWT_SECRET"))))

	e.Use(middleware.BasicAuth(func(username, password string, c echo.Context) (bool, error) {
		if subtle.ConstantTimeCompare([]byte(username), []byte("joe")) == 1 &&
			subtle.ConstantTimeCompare([]byte(password), []byte("secret")) == 1 { // want `AV501 high: basic-auth password "password" compared with the hardcoded value "…" \(6 chars\); check it against a secret loaded at run time`
			return true, nil
		}
		return false, nil
	}))
	e.Use(middleware.KeyAuth(func(key string, c echo.Context) (bool, error) {
		return key == "valid-key", nil // want `AV501 high: API key "key" compared with the hardcoded value "…" \(9 chars\)`
	}))
	e.Use(middleware.KeyAuth(func(key string, c echo.Context) (bool, error) {
		return subtle.ConstantTimeCompare([]byte(key), []byte(os.Getenv("API_KEY"))) == 1, nil
	}))
	return e
}

var fiberAPIKey = os.Getenv("API_KEY")

func fiberApp() *fiber.App {
	app := fiber.New()
	app.Use(basicauth.New(basicauth.Config{
		Users: map[string]string{
			"john": "d0e-Pass!", // want `AV502 high: hardcoded basic-auth password "…" \(9 chars\) reaches basicauth.Config.Users`
		},
	}))
	app.Use(jwtware.New(jwtware.Config{
		SigningKey: jwtware.SigningKey{Key: []byte("fiber-Secret-99")}, // want `AV502 high: hardcoded JWT signing key "…" \(15 chars\) reaches jwtware.SigningKey.Key`
	}))
	app.Use(keyauth.New(keyauth.Config{
		Validator: func(c *fiber.Ctx, key string) (bool, error) {
			return key == fiberAPIKey, nil // want `AV510 medium: request value key compared with the secret fiberAPIKey using ==`
		},
	}))
	app.Use(keyauth.New(keyauth.Config{
		Validator: func(c *fiber.Ctx, key string) (bool, error) {
			return subtle.ConstantTimeCompare([]byte(key), []byte(fiberAPIKey)) == 1, nil
		},
	}))
	return app
}
