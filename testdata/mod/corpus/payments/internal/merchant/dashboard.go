// Package merchant is the merchant dashboard, a gin engine.
package merchant

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-contrib/secure"
	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/payments/internal/config"
	"example.com/apivettest/corpus/payments/internal/ledgerdb"
	"example.com/apivettest/corpus/payments/internal/sessions"
)

type dash struct {
	cfg config.Config
	db  *ledgerdb.DB
}

// Engine builds the dashboard.
func Engine(cfg config.Config, db *ledgerdb.DB) *gin.Engine {
	d := &dash{cfg: cfg, db: db}
	// the secure middleware is only on the /app group; /api and /login get nothing
	r := gin.New() // vuln:headers
	r.Use(gin.Recovery())
	// the merchant login has no limiter
	r.POST("/login", d.login) // vuln:ratelimit

	app := r.Group("/app", secure.New(secure.DefaultConfig()), d.session)
	app.GET("/payments", d.payments)
	// cookie session, but the cookie is SameSite=Strict
	app.POST("/payouts", d.payout) // safe:exposure

	api := r.Group("/api", d.apiKey)
	api.POST("/payments/:id/notes", d.annotate)
	api.GET("/legacy/payments", d.legacyAPIKey, d.payments)
	return r
}

func (d *dash) login(c *gin.Context) {
	tok, err := sessions.Access(d.cfg.JWTKey, c.PostForm("merchant"))
	if err != nil {
		// the signing error text on a 500
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // vuln:exposure
		return
	}
	c.SetSameSite(http.SameSiteStrictMode)
	// Secure, HttpOnly, and SameSite=Strict set just above
	c.SetCookie("pay_session", tok, 3600, "/app", "", true, true) // safe:headers
	c.Status(http.StatusNoContent)
}

func (d *dash) session(c *gin.Context) {
	raw, err := c.Cookie("pay_session")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	if _, err := sessions.Parse(d.cfg.JWTKey, raw); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func (d *dash) apiKey(c *gin.Context) {
	got := c.GetHeader("X-Api-Key")
	// constant-time comparison with the configured key
	if subtle.ConstantTimeCompare([]byte(got), []byte(d.cfg.MerchantAPIKey)) != 1 { // safe:secrets
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func (d *dash) legacyAPIKey(c *gin.Context) {
	// EqualFold on the key: case-insensitive and not constant-time
	if !strings.EqualFold(c.Query("api_key"), d.cfg.MerchantAPIKey) { // vuln:secrets
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func (d *dash) payments(c *gin.Context) { c.JSON(http.StatusOK, []string{}) }

func (d *dash) payout(c *gin.Context) {
	var req struct {
		Amount int64 `json:"amount"`
	}
	// no body limit on the dashboard
	if err := c.ShouldBindJSON(&req); err != nil { // vuln:transport
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.Status(http.StatusAccepted)
}

func (d *dash) annotate(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 4096)
	var req struct{ Key, Value string }
	// capped at 4 KiB on the line above
	if err := c.ShouldBindJSON(&req); err != nil { // safe:transport
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	if err := d.db.Annotate(c.Request.Context(), id, req.Key, req.Value); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}
