package main

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	jwa3 "github.com/lestrrat-go/jwx/v3/jwa"
	jwxt3 "github.com/lestrrat-go/jwx/v3/jwt"
)

var dbUser, dbPass = "orders", "Ord3rs-Pw!" // want `AV501 high: hardcoded credential "dbPass" = "…" \(10 chars\)`

func seedAccounts() map[string]string {
	return map[string]string{
		"username": "admin",
		"password": "Adm1n-Map-Pw", // want `AV501 high: hardcoded credential for key "password" = "…" \(12 chars\)`
	}
}

func status(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"service": "orders", "api_key": "k_9fQ2mZ7xLp"}) // want `AV501 high: hardcoded credential for key "api_key" = "…" \(12 chars\)`
}

func outgoingHeaders() map[string]string {
	headers := map[string]string{}
	headers["Authorization"] = "Basic b3JkZXJzOk9yZDNycy1QdyE=" // want `AV501 high: hardcoded credential in header "Authorization" = "Basi…PdyE=" \(34 chars\)|AV501 high: hardcoded credential in header "Authorization"`
	headers["Accept"] = "application/json"
	return headers
}

func bootstrapEnv() {
	_ = os.Setenv("DB_PASSWORD", "S3tenv-Pw-11") // want `AV501 high: hardcoded credential "DB_PASSWORD" \(os.Setenv\) = "…" \(12 chars\)`
}

func anonymous() any {
	return struct{ User, Password string }{User: "svc", Password: "An0n-Struct-Pw"} // want `AV501 high: hardcoded credential field Password = "…" \(14 chars\)`
}

func signJWX3() ([]byte, error) {
	tok := jwxt3.New()
	return jwxt3.Sign(tok, jwxt3.WithKey(jwa3.HS256(), []byte("jwx3-Shared-Secret"))) // want `AV502 high: hardcoded JOSE key "jwx3…ret" \(18 chars\) reaches jwt.WithKey`
}

func (s *Server) keyFunc(t *jwt.Token) (any, error) {
	return []byte("method-Keyfunc-K3y"), nil // want `AV502 high: hardcoded JWT verification key "meth…K3y" \(18 chars\) reaches the keyfunc of \(\*jwt.Parser\).Parse`
}

func keyFuncFor() jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		return []byte("factory-K3y-xyz1"), nil // want `AV502 high: hardcoded JWT verification key "fact…yz1" \(16 chars\) reaches the keyfunc of jwt.ParseWithClaims`
	}
}

var varKeyFunc jwt.Keyfunc = func(t *jwt.Token) (any, error) {
	return []byte("var-Keyfunc-S3cret"), nil // want `AV502 high: hardcoded JWT verification key "var-…ret" \(18 chars\) reaches the keyfunc of jwt.Parse`
}

func (s *Server) parseAll(raw string) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, _ = p.Parse(raw, s.keyFunc)
	_, _ = jwt.ParseWithClaims(raw, &jwt.MapClaims{}, keyFuncFor())
	_, _ = jwt.Parse(raw, varKeyFunc)
}

func echoBasic() echo.MiddlewareFunc {
	return middleware.BasicAuthWithConfig(middleware.BasicAuthConfig{
		Validator: func(user, pw string, c echo.Context) (bool, error) {
			return user == "ops" && pw == "cfg-Basic-Pw", nil // want `AV501 high: basic-auth password "pw" compared with the hardcoded value "…" \(12 chars\)`
		},
	})
}

const expected = "wh-T0ken-7781" // want `AV501 high: request value "X-Webhook-Token" compared with the hardcoded value "…" \(13 chars\)`

func webhookToken(r *http.Request) bool {
	return r.Header.Get("X-Webhook-Token") == expected
}

func issueAndCompare(s *Server, userID string) bool {
	token, err := issue(userID)
	if err != nil {
		return false
	}
	return token == s.sessionToken
}

func extractToken(r *http.Request) string { return r.URL.Query().Get("t") }

func (s *Server) fromHelper(r *http.Request) bool {
	token := extractToken(r)
	return token == s.sessionToken // want `AV510 medium: variable token compared with the secret s.sessionToken using ==`
}
