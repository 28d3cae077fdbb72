// Package ginsrv starts the catalog service's gin router.
package ginsrv

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func routes() *gin.Engine {
	r := gin.Default()
	r.GET("/health", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	return r
}

// Run is gin's quick start.
func Run() error {
	r := routes()
	return r.Run(":8080") // want `AV804 medium: r.Run serves with an http.Server that sets neither ReadHeaderTimeout nor ReadTimeout: .*; serve r from an http.Server\{Handler: r, ReadHeaderTimeout: ...\} instead`
}

// RunDefault listens on $PORT or :8080.
func RunDefault() {
	_ = routes().Run() // want `AV804 medium: routes\(\).Run serves with an http.Server`
}

// RunTLS serves HTTPS with gin's helper.
func RunTLS(r *gin.Engine, cert, key string) error {
	return r.RunTLS(":8443", cert, key) // want `AV804 medium: r.RunTLS serves with an http.Server`
}

// --- safe look-alikes ---

// Serve wraps the router in a configured server.
func Serve(addr string) error {
	r := routes()
	srv := &http.Server{
		Addr:              addr,
		Handler:           r,
		ReadHeaderTimeout: 5 * time.Second,
	}
	return srv.ListenAndServe()
}

// Local serves a loopback-only debug router.
func Local() error {
	return routes().Run("127.0.0.1:8081")
}

// Unix serves on a socket behind the local proxy.
func Unix(r *gin.Engine) error {
	return r.RunUnix("/run/catalog.sock")
}
