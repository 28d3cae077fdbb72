// Command demo-api is a small order-management API with the mistakes
// API-security guides warn about. It exists so that the first run of apivet
// shows real findings: see the README at the repository root.
package main

import (
	"log"
	"net/http"

	"example.com/demo-api/internal/auth"
	"example.com/demo-api/internal/config"
	"example.com/demo-api/internal/store"
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func main() {
	cfg := config.Load()
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	users := &auth.Service{Store: db}

	r := gin.Default()
	r.Use(cors.New(cors.Config{
		AllowOrigins:     []string{"*"},
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
	}))

	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })

	api := r.Group("/api/v1")
	api.POST("/login", users.Login)
	api.POST("/password/reset", users.ResetPassword)

	orders := api.Group("/orders", users.RequireAuth)
	orders.GET("", func(c *gin.Context) {
		rows, err := db.ListOrders(c.Request.Context(), c.Query("status"), c.DefaultQuery("sort", "created_at"))
		if err != nil {
			c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, rows)
	})

	log.Fatal(http.ListenAndServe(cfg.Addr, r))
}
