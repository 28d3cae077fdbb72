package web

import (
	"strings"

	"github.com/labstack/echo/v4/middleware"
)

// apiSecure turns on HSTS for the API. SecureWithConfig does not merge in
// DefaultSecureConfig, so nothing else is sent.
var apiSecure = middleware.SecureConfig{
	HSTSMaxAge:         31536000,
	HSTSPreloadEnabled: true,
}

// statusSecure is the full policy of the HTML status page.
var statusSecure = middleware.SecureConfig{
	XSSProtection:         "0",
	ContentTypeNosniff:    "nosniff",
	XFrameOptions:         "DENY",
	HSTSMaxAge:            63072000,
	ContentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'",
	ReferrerPolicy:        "same-origin",
}

// portalCORS lets the customer sites embed the portal.
var portalCORS = middleware.CORSConfig{
	AllowOriginFunc: func(origin string) (bool, error) {
		return strings.Contains(origin, "tickets.example.com"), nil
	},
	AllowCredentials: true,
	AllowMethods:     []string{"GET", "POST"},
}
