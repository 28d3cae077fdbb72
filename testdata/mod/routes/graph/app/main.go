package main

import (
	"github.com/gin-gonic/gin"

	"example.com/apivettest/routes/graph/api"
	"example.com/apivettest/routes/graph/mw"
)

func main() {
	h := &api.Handler{}
	r := gin.New() // want `router gin gin\.New\(\) \(served\) \[mw\.NewIPLimiter\(\)\.Gin\{rate-limit\}, mw\.Logger\{logging\}\]`
	r.Use(mw.NewIPLimiter().Gin())
	api.Register(r, h) // want `GET /items \[mw\.NewIPLimiter\(\)\.Gin\{rate-limit\}, mw\.Logger\{logging\}\] h\.List \(external\)` `POST /auth/login \[mw\.NewIPLimiter\(\)\.Gin\{rate-limit\}\] h\.Login \(external\)` `POST /auth/forgot \[mw\.NewIPLimiter\(\)\.Gin\{rate-limit\}, mw\.NewIPLimiter\(\)\.Gin\{rate-limit\}\] h\.Forgot \(external\)`
	go r.Run(":8080")  // want `start \(\*gin\.Engine\)\.Run gin gin\.New\(\)`

	r2 := api.NewRouter(h)   // want `POST /v2/login \[mw\.Headers\{security-headers\}<Strict-Transport-Security,X-Content-Type-Options,X-Frame-Options>\] h\.Login \(external\)`
	r2.GET("/local", h.List) // want `GET /local \[mw\.Headers\{security-headers\}<Strict-Transport-Security,X-Content-Type-Options,X-Frame-Options>\] h\.List`
	r2.Run(":8081")          // want `start \(\*gin\.Engine\)\.Run gin gin\.New\(\)`
}
