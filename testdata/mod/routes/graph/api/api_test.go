package api

import (
	"testing"

	"github.com/gin-gonic/gin"
)

// Routers built by tests are not part of the graph: Register keeps its
// empty chain above, and nothing here is reported.
func TestRegister(t *testing.T) {
	r := gin.New()
	r.Use(gin.Logger())
	Register(r, &Handler{})
	r.POST("/test-only", (&Handler{}).Login)
}
