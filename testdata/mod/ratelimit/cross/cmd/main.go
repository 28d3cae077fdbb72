package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"

	"example.com/apivettest/ratelimit/cross/api"
	"example.com/apivettest/ratelimit/cross/handlers"
	"example.com/apivettest/ratelimit/cross/routes"
	"example.com/apivettest/ratelimit/mw"
)

type registrar interface {
	RegisterRoutes(*gin.RouterGroup)
}

func main() {
	h := &routes.Handlers{}
	r := gin.New()
	r.Use(gin.Logger())
	routes.Register(r, h)
	limited := r.Group("/auth", mw.New().Gin())
	routes.RegisterLimited(limited, h)
	go r.Run(":8080")

	r2 := gin.New()
	r2.Use(gin.Logger())
	v2 := r2.Group("/v2")
	for _, reg := range []registrar{&handlers.Auth{}} {
		reg.RegisterRoutes(v2)
	}
	limited2 := r2.Group("/v3", mw.New().Gin())
	var reg registrar = &handlers.Accounts{}
	reg.RegisterRoutes(limited2)
	go r2.Run(":8090")

	go http.ListenAndServe(":8081", httprate.LimitByIP(5, time.Minute)(api.Router()))
	go http.ListenAndServe(":8082", api.Bare())

	c := chi.NewRouter()
	c.Use(middleware.Logger)
	c.Mount("/auth", api.Auth())
	http.ListenAndServe(":8083", c)
}
