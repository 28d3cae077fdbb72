// Package api registers the shop's routes on the engine the command builds.
package api

import (
	"github.com/gin-gonic/gin"

	"example.com/apivettest/transport/bodies/limits"
	"example.com/apivettest/transport/bodycross/handlers"
)

// Register adds the product routes.
func Register(r *gin.Engine, h *handlers.Handler) {
	r.POST("/products", h.Create)
	r.PUT("/products/:id", h.Update)
	r.POST("/products/import", h.Import)
	up := r.Group("/uploads", limits.MaxBody(8<<20))
	up.POST("", h.Upload)
}
