package web

import (
	"log/slog"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/tenantly/internal/apikeys"
	"example.com/apivettest/corpus/tenantly/internal/billing"
	"example.com/apivettest/corpus/tenantly/internal/config"
	"example.com/apivettest/corpus/tenantly/internal/impersonate"
	"example.com/apivettest/corpus/tenantly/internal/tenants"
)

// Handlers holds the engines' dependencies.
type Handlers struct {
	Cfg     config.Config
	Repo    *tenants.Repo
	Billing *billing.Client
	Support impersonate.Issuer
	Log     *slog.Logger
}

func tenantOf(c *gin.Context) string {
	claims := jwt.ExtractClaims(c)
	t, _ := claims["tenant"].(string)
	return t
}

// ListUsers lists the tenant's users.
func (h *Handlers) ListUsers(c *gin.Context) {
	f := tenants.Filter{Query: c.Query("q"), Roles: c.QueryArray("role")}
	users, err := h.Repo.Users(c.Request.Context(), tenantOf(c), f)
	if err != nil {
		// lib/pq's message on a 500
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // vuln:exposure
		return
	}
	c.JSON(http.StatusOK, users)
}

var plans = []string{"free", "team", "enterprise"}

// SetPlan changes the tenant's plan.
func (h *Handlers) SetPlan(c *gin.Context) {
	plan := c.PostForm("plan")
	if !slices.Contains(plans, plan) {
		// the handler's own check, 400
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "plan must be one of free, team, enterprise"}) // safe:exposure
		return
	}
	if err := h.Billing.ChangePlan(c.Request.Context(), c.Param("id"), "price_"+plan); err != nil {
		// Stripe's error text on a 502
		c.String(http.StatusBadGateway, "billing: "+err.Error()) // vuln:exposure
		return
	}
	if err := h.Repo.SetPlan(c.Request.Context(), c.Param("id"), plan); err != nil {
		h.Log.Error("set plan", "err", err)
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

type fieldPatch struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// UpdateUser changes one field of a user's profile.
func (h *Handlers) UpdateUser(c *gin.Context) {
	var p fieldPatch
	// the /admin group has no body limit
	if err := c.ShouldBindJSON(&p); err != nil { // vuln:transport
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "malformed patch"})
		return
	}
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	if err := h.Repo.UpdateUserField(c.Request.Context(), id, p.Field, p.Value); err != nil {
		h.Log.Error("update user", "err", err)
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "update failed"})
		return
	}
	c.Status(http.StatusNoContent)
}

// Invite invites someone into the tenant.
func (h *Handlers) Invite(c *gin.Context) {
	var in struct {
		Email string `json:"email" binding:"required,email"`
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 2<<10)
	// capped by the MaxBytesReader just above
	if err := c.ShouldBindJSON(&in); err != nil { // safe:transport
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "a valid email is required"})
		return
	}
	code := apikeys.InviteCode()
	if err := h.Repo.Invite(c.Request.Context(), tenantOf(c), in.Email, code); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"link": "https://console.tenantly.io/invitations/" + code})
}

// UploadLogo stores the tenant's logo under the tenant id and the base name.
func (h *Handlers) UploadLogo(c *gin.Context) {
	fh, err := c.FormFile("logo")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "missing logo"})
		return
	}
	// filepath.Base strips any directory part the client sent
	if err := c.SaveUploadedFile(fh, filepath.Join(h.Cfg.LogoDir, tenantOf(c)+"-"+filepath.Base(fh.Filename))); err != nil { // safe:exposure
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

// UploadLogoRaw is the old upload endpoint the CLI still uses.
func (h *Handlers) UploadLogoRaw(c *gin.Context) {
	fh, err := c.FormFile("logo")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "missing logo"})
		return
	}
	// the client's file name is joined as is
	if err := c.SaveUploadedFile(fh, filepath.Join(h.Cfg.LogoDir, fh.Filename)); err != nil { // vuln:exposure
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

// Impersonate starts a support session as a tenant admin.
func (h *Handlers) Impersonate(c *gin.Context) {
	tok, err := h.Support.Start(jwt.IdentityKey, tenantOf(c), c.Param("admin"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	// an auth token in a cookie with secure=false, httpOnly=false and no SameSite
	c.SetCookie("tly_impersonate", tok, 900, "/", "", false, false) // vuln:headers
	c.Status(http.StatusNoContent)
}

// VerifyMFA checks the second factor and sets the refresh cookie.
func (h *Handlers) VerifyMFA(c *gin.Context) {
	if c.PostForm("code") == "" {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "code required"})
		return
	}
	key, _, err := apikeys.NewKey()
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetSameSite(http.SameSiteLaxMode)
	// Secure, HttpOnly, and SameSite=Lax set on the line above
	c.SetCookie("tly_refresh", key, 7*24*3600, "/auth", "", true, true) // safe:headers
	c.Status(http.StatusNoContent)
}

// AcceptInvite registers an invited user.
func (h *Handlers) AcceptInvite(c *gin.Context) {
	if c.PostForm("email") == "" {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "email required"})
		return
	}
	c.Status(http.StatusCreated)
}

// TokenUsage reports API token usage.
func (h *Handlers) TokenUsage(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"tokens": []string{}})
}

// Metrics serves Prometheus metrics to the scraper.
func (h *Handlers) Metrics(c *gin.Context) {
	// comparing the configured token with "" is not a timing leak
	if h.Cfg.MetricsToken == "" { // safe:secrets
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	// the ?token= value is compared with != against the stored scrape token
	if c.Query("token") != h.Cfg.MetricsToken { // vuln:secrets
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.String(http.StatusOK, "# tenantly metrics\n")
}

// ScimCreateUser provisions a user from the customer's IdP.
func (h *Handlers) ScimCreateUser(c *gin.Context) {
	var u tenants.User
	// the SCIM engine wraps every body in MaxBytesReader (limitBody)
	if err := c.ShouldBindJSON(&u); err != nil { // safe:transport
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"detail": "invalid SCIM user"})
		return
	}
	c.JSON(http.StatusCreated, u)
}
