package ginapi

import "github.com/gin-gonic/gin"

// Register mounts the handlers.
func Register(r *gin.Engine, h *Handler) {
	api := r.Group("/api")
	api.GET("/users/:id", h.Get)
	api.POST("/users", h.Create)
	api.DELETE("/users/:id", h.Delete)
}
