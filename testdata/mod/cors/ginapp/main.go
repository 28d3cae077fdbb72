// Package main wires a gin service with CORS middleware.
package main

import (
	"net/http"
	"regexp"
	"strings"
	"time"

	"example.com/apivettest/cors/config"
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.New()
	r.Use(corsMiddleware())
	r.GET("/api/me", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{}) })
	_ = r.Run(":8080")
}

// The DefaultConfig pattern from the README, opened to every origin.
func corsMiddleware() gin.HandlerFunc {
	cfg := cors.DefaultConfig()
	cfg.AllowAllOrigins = true
	cfg.AllowCredentials = true
	cfg.AddAllowHeaders("Authorization")
	return cors.New(cfg) // want `AV401 high: AllowAllOrigins: true together with AllowCredentials is true: gin-contrib/cors answers with Access-Control-Allow-Origin: \*`
}

func wildcardList() gin.HandlerFunc {
	return cors.New(cors.Config{ // want `AV401 high: AllowOrigins "\*" together with AllowCredentials is true`
		AllowOrigins:     []string{"*"},
		AllowMethods:     []string{"GET", "POST"},
		AllowCredentials: true,
		MaxAge:           12 * time.Hour,
	})
}

// With AllowWildcard, "https://*" reflects every https origin.
func wildcardPattern() gin.HandlerFunc {
	return cors.New(cors.Config{ // want `AV401 high: AllowOrigins "https://\*" together with AllowCredentials is true: gin-contrib/cors reflects every such origin`
		AllowOrigins:     []string{"https://*"},
		AllowWildcard:    true,
		AllowCredentials: true,
	})
}

func acceptAll() gin.HandlerFunc {
	return cors.New(cors.Config{ // want `AV402 high: AllowOriginFunc accepts every origin and AllowCredentials is true: gin-contrib/cors reflects`
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	})
}

var trusted = regexp.MustCompile(`^https://[a-z0-9-]+\.example\.com`)

func regexCallback() gin.HandlerFunc {
	return cors.New(cors.Config{ // want `AV403 medium: AllowOriginFunc checks regexp "\^https://\[a-z0-9-\]\+\\.example\\.com" \(with credentials\): no \$ anchor`
		AllowOriginFunc: func(origin string) bool {
			return trusted.MatchString(origin)
		},
		AllowCredentials: true,
	})
}

func regexEntry() gin.HandlerFunc {
	return cors.New(cors.Config{ // want `AV403 medium: AllowOrigins entry "/https://.\*\\.example\\.com/" is a regular expression matched without anchors`
		AllowOrigins:     []string{`/https://.*\.example\.com/`},
		AllowCredentials: true,
	})
}

// Hand-written middleware from a popular answer: wildcard plus credentials.
func handWritten() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Writer.Header().Set("Access-Control-Allow-Origin", "*") // want `AV401 high: Access-Control-Allow-Origin "\*" is sent together with Access-Control-Allow-Credentials "true"`
		c.Writer.Header().Set("Access-Control-Allow-Credentials", "true")
		c.Writer.Header().Set("Access-Control-Allow-Methods", "POST, OPTIONS, GET, PUT, DELETE")
		if c.Request.Method == http.MethodOptions {
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}

// Reflecting the origin with c.Header.
func reflectOrigin() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if origin != "" {
			c.Header("Access-Control-Allow-Origin", origin) // want `AV402 high: the request's Origin \(origin\) is copied into Access-Control-Allow-Origin unchecked`
			c.Header("Access-Control-Allow-Credentials", "true")
		}
		c.Next()
	}
}

// A check with Contains.
func containsCheck() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.Request.Header.Get("Origin")
		if strings.Contains(origin, "example.com") {
			c.Header("Access-Control-Allow-Origin", origin) // want `AV403 medium: the request's Origin \(origin\) is reflected after a check of strings.Contains\(origin, "example.com"\) \(with credentials\): an attacker's origin such as https://example.com.evil.net passes`
			c.Header("Access-Control-Allow-Credentials", "true")
		}
		c.Next()
	}
}

// --- safe look-alikes ---

func explicit() gin.HandlerFunc {
	cfg := cors.DefaultConfig()
	cfg.AllowOrigins = []string{config.WebOrigin, config.AdminOrigin}
	cfg.AllowCredentials = true
	return cors.New(cfg)
}

func public() gin.HandlerFunc {
	return cors.Default()
}

func publicConfig() gin.HandlerFunc {
	return cors.New(cors.Config{AllowAllOrigins: true, AllowMethods: []string{"GET"}})
}

// gin-contrib panics at startup on conflicting settings: nothing is served.
func conflicting() gin.HandlerFunc {
	return cors.New(cors.Config{
		AllowAllOrigins:  true,
		AllowOrigins:     []string{config.WebOrigin},
		AllowCredentials: true,
	})
}

// "null" fails Validate: the service does not start.
func nullPanics() gin.HandlerFunc {
	return cors.New(cors.Config{AllowOrigins: []string{"null"}, AllowCredentials: true})
}

func anchoredEntry() gin.HandlerFunc {
	return cors.New(cors.Config{
		AllowOrigins:     []string{`/^https://[a-z]+\.example\.com$/`},
		AllowCredentials: true,
	})
}

var allowedOrigins = map[string]bool{config.WebOrigin: true}

func allowListed() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if allowedOrigins[origin] {
			c.Header("Access-Control-Allow-Origin", origin)
			c.Header("Access-Control-Allow-Credentials", "true")
			c.Header("Vary", "Origin")
		}
		c.Next()
	}
}

// Reflection without credentials is what "*" gives anyway.
func reflectNoCredentials() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Access-Control-Allow-Origin", c.GetHeader("Origin"))
		c.Next()
	}
}

// A proxy copying a header into an upstream request is not a response.
func proxyHeaders(c *gin.Context, req *http.Request) {
	req.Header.Set("Access-Control-Allow-Origin", c.GetHeader("Origin"))
	req.Header.Set("Access-Control-Allow-Credentials", "true")
}
