// Package echoapp is an echo service.
package echoapp

import (
	"net/http"
	"net/url"
	"strings"

	"example.com/apivettest/cors/config"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// New builds the server with a global CORS middleware.
func New(cfg *config.Config) *echo.Echo {
	e := echo.New()
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // want `AV401 high: AllowOrigins "\*" together with AllowCredentials is true: echo answers with Access-Control-Allow-Origin: \*`
		AllowOrigins:     []string{"*"},
		AllowMethods:     []string{http.MethodGet, http.MethodPost},
		AllowCredentials: true,
	}))
	e.GET("/api/me", func(c echo.Context) error { return c.JSON(http.StatusOK, nil) })
	return e
}

func unsafeReflect() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{ // want `AV401 high: AllowOrigins "\*" with UnsafeWildcardOriginWithAllowCredentials together with AllowCredentials is true: echo reflects every such origin with credentials`
		AllowOrigins:                             []string{"*"},
		AllowCredentials:                         true,
		UnsafeWildcardOriginWithAllowCredentials: true,
	})
}

// Starting from the library default ("*").
func fromDefault() echo.MiddlewareFunc {
	cfg := middleware.DefaultCORSConfig
	cfg.AllowCredentials = true
	return middleware.CORSWithConfig(cfg) // want `AV401 high: AllowOrigins "\*" together`
}

func acceptAll() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{ // want `AV402 high: AllowOriginFunc accepts every origin and AllowCredentials is true: echo reflects`
		AllowOriginFunc: func(origin string) (bool, error) {
			return true, nil
		},
		AllowCredentials: true,
	})
}

func hostSuffix() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{ // want `AV403 medium: AllowOriginFunc checks strings.HasSuffix\(u.Hostname\(\), "example.com"\) \(with credentials\)`
		AllowOriginFunc: func(origin string) (bool, error) {
			u, err := url.Parse(origin)
			if err != nil {
				return false, err
			}
			return strings.HasSuffix(u.Hostname(), "example.com"), nil
		},
		AllowCredentials: true,
	})
}

func trailingGlob() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{ // want `AV403 medium: AllowOrigins entry "https://app.example.com\*" \(with credentials\): it also matches https://app.example.com.evil.net`
		AllowOrigins:     []string{"https://app.example.com*"},
		AllowCredentials: true,
	})
}

// Hand-written: the origin reflected in a middleware.
func reflectMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, c.Request().Header.Get(echo.HeaderOrigin)) // want `AV402 high: the request's Origin \(c.Request\(\).Header.Get\(echo.HeaderOrigin\)\) is copied`
		c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
		return next(c)
	}
}

// --- safe look-alikes ---

func public() echo.MiddlewareFunc { return middleware.CORS() }

func explicit() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     []string{config.WebOrigin, "https://*.example.com"},
		AllowCredentials: true,
	})
}

func checkedCallback() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOriginFunc: func(origin string) (bool, error) {
			u, err := url.Parse(origin)
			if err != nil {
				return false, nil
			}
			return u.Scheme == "https" && (u.Hostname() == "example.com" || strings.HasSuffix(u.Hostname(), ".example.com")), nil
		},
		AllowCredentials: true,
	})
}

func checkedMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		origin := c.Request().Header.Get(echo.HeaderOrigin)
		if origin == config.WebOrigin || origin == config.AdminOrigin {
			c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, origin)
			c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
		}
		return next(c)
	}
}
