// Command shop serves the product API with no body limit.
package main

import (
	"log"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/apivettest/transport/bodycross/api"
	"example.com/apivettest/transport/bodycross/handlers"
)

func main() {
	r := gin.New()
	api.Register(r, &handlers.Handler{})

	mux := http.NewServeMux()
	mux.HandleFunc("POST /ingest", handlers.Ingest)
	mux.HandleFunc("POST /bounded", handlers.Bounded)
	mux.Handle("/", r)

	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
