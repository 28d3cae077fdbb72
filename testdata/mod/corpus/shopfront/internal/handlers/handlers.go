// Package handlers holds the shopfront's gin handlers.
package handlers

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/shopfront/internal/authn"
	"example.com/apivettest/corpus/shopfront/internal/catalog"
	"example.com/apivettest/corpus/shopfront/internal/config"
	"example.com/apivettest/corpus/shopfront/internal/guest"
)

// H implements the storefront endpoints.
type H struct {
	Repo *catalog.Repo
}

type registerRequest struct {
	Email    string `json:"email" binding:"required,email"`
	Password string `json:"password" binding:"required"`
}

// Register creates a customer account.
func (h *H) Register(c *gin.Context) {
	var req registerRequest
	// the router caps bodies with limits.MaxBody
	if err := c.ShouldBindJSON(&req); err != nil { // safe:transport
		// a 400 about the client's own malformed JSON
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // safe:exposure
		return
	}
	hash, err := authn.HashPassword(req.Password)
	if err != nil {
		// the handler's own length check, as a 400
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // safe:exposure
		return
	}
	u := &catalog.User{Email: strings.ToLower(req.Email), PasswordHash: string(hash)}
	if err := h.Repo.CreateUser(c.Request.Context(), u); err != nil {
		// the database error (constraint names, SQL state) is returned on a 500
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // vuln:exposure
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": u.ID})
}

// ChangePassword changes the logged-in customer's password.
func (h *H) ChangePassword(c *gin.Context) {
	var req struct {
		Current string `json:"current_password"`
		New     string `json:"new_password"`
	}
	// limits.MaxBody caps the body
	if err := c.ShouldBindJSON(&req); err != nil { // safe:transport
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "malformed request"})
		return
	}
	c.Status(http.StatusNoContent)
}

// ForgotPassword sends a reset mail.
func (h *H) ForgotPassword(c *gin.Context) {
	var req struct {
		Email string `json:"email"`
	}
	// limits.MaxBody caps the body
	if err := c.ShouldBindJSON(&req); err != nil { // safe:transport
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "malformed request"})
		return
	}
	c.Status(http.StatusAccepted)
}

// VerifyNewsletter confirms a newsletter subscription code.
func (h *H) VerifyNewsletter(c *gin.Context) {
	c.Status(http.StatusNoContent)
}

// Providers lists the social login providers shown on the login page.
func (h *H) Providers(c *gin.Context) {
	c.JSON(http.StatusOK, []string{"google", "apple"})
}

// Search finds products.
func (h *H) Search(c *gin.Context) {
	ps, err := h.Repo.Search(c.Request.Context(), c.Query("q"))
	if err != nil {
		log.Printf("search: %v", err)
		// a fixed message on the 500
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "search unavailable"}) // safe:exposure
		return
	}
	c.JSON(http.StatusOK, ps)
}

// List lists a category.
func (h *H) List(c *gin.Context) {
	minPrice, _ := strconv.ParseInt(c.DefaultQuery("min_price", "0"), 10, 64)
	ps, err := h.Repo.List(c.Request.Context(), c.Param("category"), c.DefaultQuery("sort", "id"), c.DefaultQuery("dir", "asc"), minPrice)
	if err != nil {
		// the gorm error text goes out on a 500
		c.String(http.StatusInternalServerError, "query failed: "+err.Error()) // vuln:exposure
		return
	}
	c.JSON(http.StatusOK, ps)
}

// Featured lists featured products.
func (h *H) Featured(c *gin.Context) {
	ps, _ := h.Repo.Featured(c.Request.Context(), c.Query("sort"), 4)
	c.JSON(http.StatusOK, ps)
}

// Totals reports stock per category.
func (h *H) Totals(c *gin.Context) {
	t, _ := h.Repo.CategoryTotals(c.Request.Context(), c.Param("category"))
	c.JSON(http.StatusOK, t)
}

// Export dumps selected columns.
func (h *H) Export(c *gin.Context) {
	rows, _ := h.Repo.Export(c.Request.Context(), c.Query("fields"))
	c.JSON(http.StatusOK, rows)
}

// Avatar returns the Gravatar URL of a customer.
func (h *H) Avatar(c *gin.Context) {
	email := strings.TrimSpace(strings.ToLower(c.Query("email")))
	// Gravatar identifies images by the MD5 of the e-mail address
	sum := md5.Sum([]byte(email)) // safe:crypto
	c.JSON(http.StatusOK, gin.H{"url": "https://www.gravatar.com/avatar/" + hex.EncodeToString(sum[:])})
}

// StartGuestSession gives an anonymous visitor a cart.
func (h *H) StartGuestSession(c *gin.Context) {
	sid := guest.NewSessionID()
	tok, err := guest.CartToken(sid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	// a session cookie without Secure and without SameSite
	c.SetCookie("shop_session", sid, 86400, "/", "", false, true) // vuln:headers
	// a display preference, not a session or token
	c.SetCookie("shop_currency", c.DefaultQuery("currency", "EUR"), 86400*365, "/", "", false, false) // safe:headers
	c.JSON(http.StatusOK, gin.H{"cart_token": tok, "stripe_key": config.StripePublishableKey})
}

// UploadImage stores a product image under the name the merchant's browser sent.
func (h *H) UploadImage(c *gin.Context) {
	file, err := c.FormFile("image")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "image is required"})
		return
	}
	// the client-supplied file name can contain ../
	if err := c.SaveUploadedFile(file, filepath.Join(config.UploadDir, file.Filename)); err != nil { // vuln:exposure
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

// UploadManual stores a PDF manual under a generated name.
func (h *H) UploadManual(c *gin.Context) {
	file, err := c.FormFile("manual")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "manual is required"})
		return
	}
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	name := hex.EncodeToString(b) + strings.ToLower(filepath.Ext(file.Filename))
	// the stored name is random; only the extension is kept
	if err := c.SaveUploadedFile(file, filepath.Join(config.UploadDir, "manuals", name)); err != nil { // safe:exposure
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"name": name})
}

// UploadLogo stores a brand logo, keeping only the base name.
func (h *H) UploadLogo(c *gin.Context) {
	file, err := c.FormFile("logo")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "logo is required"})
		return
	}
	// filepath.Base strips any directory part
	dst := filepath.Join(config.UploadDir, "logos", filepath.Base(file.Filename)) // safe:exposure
	if err := c.SaveUploadedFile(file, dst); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

// AdminHome renders the back-office dashboard.
func AdminHome(c *gin.Context) {
	c.HTML(http.StatusOK, "dashboard.tmpl", gin.H{"title": "Shopfront admin"})
}

// AdminBulkPrice applies a price change from a form post.
func AdminBulkPrice(c *gin.Context) {
	var form struct {
		Category string  `form:"category"`
		Percent  float64 `form:"percent"`
	}
	// the admin router applies no body limit
	if err := c.Bind(&form); err != nil { // vuln:transport
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin?updated=%s", form.Category))
}
