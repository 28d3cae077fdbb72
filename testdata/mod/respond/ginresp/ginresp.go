// Package ginresp holds the gin services' response helpers.
package ginresp

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// InternalError answers 500 with the error's text.
func InternalError(c *gin.Context, err error) { // want InternalError:`respond param 1 text status 500$`
	c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
}

// Abort stops the chain with {"message": msg}.
func Abort(c *gin.Context, status int, msg string) { // want Abort:`respond param 2 status param 1$`
	c.AbortWithStatusJSON(status, gin.H{"message": msg})
}

// ServerError answers 500 with the message it is given.
func ServerError(c *gin.Context, msg string) { // want ServerError:`respond param 1 status 500$`
	Abort(c, http.StatusInternalServerError, msg)
}

// NotFound answers 404.
func NotFound(c *gin.Context, msg string) {
	Abort(c, http.StatusNotFound, msg)
}
