// Package site serves the public content delivery API and the embeddable
// comment widget.
package site

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/mail"
	"regexp"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
	"gorm.io/gorm"

	"example.com/apivettest/corpus/pressroom/internal/config"
	"example.com/apivettest/corpus/pressroom/internal/content"
	pmail "example.com/apivettest/corpus/pressroom/internal/mail"
	"example.com/apivettest/corpus/pressroom/internal/preview"
)

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Delivery holds the delivery API's dependencies.
type Delivery struct {
	Repo    *content.Repo
	Preview *preview.Signer
	Mail    *pmail.Mailer
	Log     *slog.Logger
}

// NewDelivery builds the public API.
func NewDelivery(d *Delivery) *echo.Echo {
	// SecureWithConfig below sends HSTS, nosniff, X-Frame-Options and a CSP
	e := echo.New() // safe:headers
	e.HideBanner = true
	e.Use(middleware.Recover())
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:      "0",
		ContentTypeNosniff: "nosniff",
		XFrameOptions:      "DENY",
		HSTSMaxAge:         31536000,
		// a strict policy for a JSON API
		ContentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", // safe:headers
	}))
	e.Use(middleware.BodyLimit(config.DeliveryBodyLimit))

	verifyLimit := middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(rate.Limit(0.5)))

	// read-only content: any origin, no credentials
	api := e.Group("/api", middleware.CORS()) // safe:cors
	api.GET("/articles/:slug", d.Article)
	api.GET("/articles", d.List)
	api.GET("/latest", d.Latest)
	api.GET("/search", d.Search)
	api.GET("/tags/:tag", d.ByTag)
	// the sign-up sends a mail for every request and has no limiter
	api.POST("/newsletter/signup", d.Subscribe) // vuln:ratelimit
	// the limiter is passed as route middleware
	api.POST("/newsletter/verify", d.ConfirmSubscription, verifyLimit) // safe:ratelimit

	// preview frames are opened from many editor hosts, so every origin is
	// reflected, with credentials
	pv := e.Group("/preview", middleware.CORSWithConfig(middleware.CORSConfig{ // vuln:cors
		AllowOrigins:                             []string{"*"},
		AllowCredentials:                         true,
		UnsafeWildcardOriginWithAllowCredentials: true,
	}))
	pv.GET("/:token", d.ShowPreview)
	return e
}

// Article returns one article with an ETag.
func (d *Delivery) Article(c echo.Context) error {
	slug := c.Param("slug")
	if !slugRe.MatchString(slug) {
		// the handler's own validation text, 400
		return echo.NewHTTPError(http.StatusBadRequest, "slug must be lowercase letters, digits and dashes") // safe:exposure
	}
	a, err := d.Repo.BySlug(c.Request().Context(), slug)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return echo.NewHTTPError(http.StatusNotFound, "no such article")
	}
	if err != nil {
		d.Log.Error("article", "err", err)
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": "could not load the article"})
	}
	body, _ := json.Marshal(a)
	// md5 of the response body as the ETag
	sum := md5.Sum(body) // safe:crypto
	c.Response().Header().Set("ETag", `"`+hex.EncodeToString(sum[:])+`"`)
	_ = d.Repo.CountView(c.Request().Context(), a.ID)
	return c.JSONBlob(http.StatusOK, body)
}

// List lists a section.
func (d *Delivery) List(c echo.Context) error {
	out, err := d.Repo.List(c.Request().Context(), c.QueryParam("section"), c.QueryParam("sort"), c.QueryParam("dir"))
	if err != nil {
		d.Log.Error("list", "err", err)
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, out)
}

// Latest lists the newest articles.
func (d *Delivery) Latest(c echo.Context) error {
	out, err := d.Repo.Latest(c.Request().Context(), c.QueryParam("dir"))
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, out)
}

// Search searches titles.
func (d *Delivery) Search(c echo.Context) error {
	out, err := d.Repo.Search(c.Request().Context(), c.QueryParam("q"))
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, out)
}

// ByTag lists a tag.
func (d *Delivery) ByTag(c echo.Context) error {
	out, err := d.Repo.ByTag(c.Request().Context(), c.Param("tag"))
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, out)
}

type subscription struct {
	Email string `json:"email" form:"email"`
	Code  string `json:"code" form:"code"`
}

// Subscribe registers an address and mails a confirmation.
func (d *Delivery) Subscribe(c echo.Context) error {
	var s subscription
	// echo's BodyLimit middleware caps the body at 64K
	if err := c.Bind(&s); err != nil { // safe:transport
		return echo.NewHTTPError(http.StatusBadRequest, "malformed request")
	}
	if _, err := mail.ParseAddress(s.Email); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "email address is not valid")
	}
	if err := d.Mail.Confirm(s.Email, "https://pressroom.io/newsletter/confirm"); err != nil {
		d.Log.Error("confirm mail", "err", err)
		// the SMTP error (relay host, auth failure) goes back with the 502
		return c.JSON(http.StatusBadGateway, echo.Map{"error": err.Error()}) // vuln:exposure
	}
	return c.NoContent(http.StatusAccepted)
}

// ConfirmSubscription checks the mailed code.
func (d *Delivery) ConfirmSubscription(c echo.Context) error {
	var s subscription
	// same 64K BodyLimit
	if err := c.Bind(&s); err != nil { // safe:transport
		return echo.NewHTTPError(http.StatusBadRequest, "malformed request")
	}
	return c.NoContent(http.StatusNoContent)
}

// ShowPreview renders an unpublished article for a preview link.
func (d *Delivery) ShowPreview(c echo.Context) error {
	id, err := d.Preview.Check(c.Param("token"))
	if err != nil {
		return echo.NewHTTPError(http.StatusUnauthorized, "preview link is not valid")
	}
	return c.JSON(http.StatusOK, echo.Map{"article": id})
}
