// Command shoplimited serves the same API behind a global body limit.
package main

import (
	"log"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/apivettest/transport/bodies/limits"
	"example.com/apivettest/transport/bodycross/api"
	"example.com/apivettest/transport/bodycross/handlers"
)

func main() {
	r := gin.New()
	r.Use(limits.MaxBody(1 << 20))
	api.Register(r, &handlers.Handler{})

	srv := &http.Server{Addr: ":8081", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
