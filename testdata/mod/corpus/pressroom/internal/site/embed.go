package site

import (
	"html/template"
	"net/http"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// tenantOrigin is meant to match customer sites on pressroom.io, but it is
// not anchored: "https://x.pressroom.io.evil.net" matches too.
var tenantOrigin = regexp.MustCompile(`https://[a-z0-9-]+\.pressroom\.io`)

var widget = template.Must(template.New("w").Parse(`<!doctype html><div id="comments" data-article="{{.}}"></div><script src="/static/widget.js"></script>`))

// Comments is the embeddable widget.
type Comments struct{}

// NewEmbed builds the widget app.
func NewEmbed(h Comments) *echo.Echo {
	// HSTS, nosniff, frame-ancestors and a CSP are all sent
	e := echo.New() // safe:headers
	e.HideBanner = true
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		ContentTypeNosniff: "nosniff",
		HSTSMaxAge:         31536000,
		// but the CSP allows inline scripts
		ContentSecurityPolicy: "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors https://*.pressroom.io", // vuln:headers
	}))
	// the unanchored tenantOrigin regexp decides, with credentials
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // vuln:cors
		AllowOriginFunc:  func(origin string) (bool, error) { return tenantOrigin.MatchString(origin), nil },
		AllowCredentials: true,
	}))
	e.GET("/comments/:article", h.Widget)
	e.POST("/comments/:article", h.Post)
	return e
}

// Widget renders the iframe page.
func (Comments) Widget(c echo.Context) error {
	var b strings.Builder
	if err := widget.Execute(&b, c.Param("article")); err != nil {
		return echo.ErrInternalServerError
	}
	return c.HTML(http.StatusOK, b.String())
}

type newComment struct {
	Body string `json:"body"`
}

// Post stores an anonymous comment for moderation.
func (Comments) Post(c echo.Context) error {
	var in newComment
	// this app has no BodyLimit middleware
	if err := c.Bind(&in); err != nil { // vuln:transport
		return echo.NewHTTPError(http.StatusBadRequest, "malformed comment")
	}
	if len(in.Body) == 0 || len(in.Body) > 2000 {
		return echo.NewHTTPError(http.StatusBadRequest, "a comment has 1 to 2000 characters")
	}
	return c.NoContent(http.StatusAccepted)
}
