package echo

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func list(c echo.Context) error { return nil }

// Secure's defaults send no HSTS.
func defaults() {
	e := echo.New() // want `AV701 .*echo router echo.New\(\) serves responses without Strict-Transport-Security; add middleware.SecureWithConfig`
	e.GET("/items", list)
	e.Use(middleware.Secure())
	e.Start(":8080")
}

func configured() {
	e := echo.New()
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:      "1; mode=block",
		ContentTypeNosniff: "nosniff",
		XFrameOptions:      "DENY",
		HSTSMaxAge:         31536000,
	}))
	e.GET("/items", list)
	e.Start(":8080")
}

func fromDefault() {
	cfg := middleware.DefaultSecureConfig
	cfg.HSTSMaxAge = 63072000
	e := echo.New()
	e.Use(middleware.SecureWithConfig(cfg))
	e.GET("/items", list)
	e.Start(":8080")
}

func handWritten() {
	e := echo.New()
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			h.Set(echo.HeaderStrictTransportSecurity, "max-age=31536000; includeSubDomains")
			h.Set(echo.HeaderXContentTypeOptions, "nosniff")
			h.Set(echo.HeaderXFrameOptions, "SAMEORIGIN")
			return next(c)
		}
	})
	e.GET("/items", list)
	e.Start(":8080")
}
