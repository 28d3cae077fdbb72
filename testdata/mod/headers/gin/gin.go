package gin

import (
	"net/http"

	"github.com/gin-contrib/secure"
	"github.com/gin-gonic/gin"
)

func list(c *gin.Context) { c.JSON(http.StatusOK, nil) }

func bare() {
	r := gin.Default() // want `AV701 medium: gin router gin.Default\(\) serves responses without Strict-Transport-Security, X-Content-Type-Options: nosniff and frame protection \(X-Frame-Options or CSP frame-ancestors\); add github.com/gin-contrib/secure`
	r.GET("/items", list)
	r.Run()
}

func library() {
	r := gin.New()
	r.Use(secure.New(secure.DefaultConfig()))
	r.GET("/items", list)
	r.Run()
}

func configured() {
	r := gin.New() // want `AV701 .*without Strict-Transport-Security;`
	r.Use(secure.New(secure.Config{FrameDeny: true, ContentTypeNosniff: true}))
	r.GET("/items", list)
	r.Run()
}

func handWritten() {
	r := gin.New()
	r.Use(func(c *gin.Context) {
		c.Header("Strict-Transport-Security", "max-age=31536000")
		c.Header("X-Content-Type-Options", "nosniff")
		c.Header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		c.Next()
	})
	r.GET("/items", list)
	r.Run()
}

// tooLate: gin copies a group's middleware into routes when they are
// registered.
func tooLate() {
	r := gin.New() // want `AV701 .*gin router gin.New\(\) serves responses without Strict-Transport-Security`
	r.GET("/items", list)
	r.Use(secure.New(secure.DefaultConfig()))
	r.Run()
}

// html: a router that renders templates also needs a CSP.
func html() {
	r := gin.New() // want `AV701 .*without Content-Security-Policy \(it renders HTML\)`
	r.LoadHTMLGlob("templates/*")
	r.Use(func(c *gin.Context) {
		c.Header("Strict-Transport-Security", "max-age=31536000")
		c.Header("X-Content-Type-Options", "nosniff")
		c.Header("X-Frame-Options", "DENY")
	})
	r.GET("/", func(c *gin.Context) { c.HTML(http.StatusOK, "index.tmpl", nil) })
	r.Run()
}

// metrics: a router that only serves ops endpoints.
func metrics() {
	m := gin.New()
	m.GET("/metrics", list)
	m.GET("/healthz", list)
	m.Run(":9090")
}

// notServed: a router nobody serves (built for a test helper).
func notServed() *gin.Engine {
	r := gin.New()
	r.GET("/items", list)
	return r
}

// NewRouter builds an engine for another package to serve: that package
// judges it (see headers/cross); nobody here serves it.
func NewRouter() *gin.Engine {
	r := gin.New()
	r.GET("/items", list)
	return r
}
