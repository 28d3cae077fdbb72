// Package limits holds the shopfront's gin middleware for rate and size limits.
package limits

import (
	"net/http"
	"time"

	ratelimit "github.com/JGLTechnologies/gin-rate-limit"
	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

// AuthLimiter allows perMinute attempts per client address and route.
func AuthLimiter(perMinute uint) gin.HandlerFunc {
	store := ratelimit.InMemoryStore(&ratelimit.InMemoryOptions{Rate: time.Minute, Limit: perMinute})
	return ratelimit.RateLimiter(store, &ratelimit.Options{
		ErrorHandler: func(c *gin.Context, info ratelimit.Info) {
			c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": "too many attempts", "retry_at": info.ResetTime})
		},
		KeyFunc: func(c *gin.Context) string { return c.ClientIP() },
	})
}

// PerIP is the general limiter for the storefront.
func PerIP(perMinute int64) gin.HandlerFunc {
	lim := limiter.New(memory.NewStore(), limiter.Rate{Period: time.Minute, Limit: perMinute})
	return mgin.NewMiddleware(lim)
}

// MaxBody caps request bodies at n bytes.
func MaxBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}
