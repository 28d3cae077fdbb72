// Package limits holds the rate limiters for flagship's engines.
package limits

import (
	"net/http"
	"time"

	ginratelimit "github.com/JGLTechnologies/gin-rate-limit"
	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

// Login allows 10 credential attempts a minute per client IP.
func Login() gin.HandlerFunc {
	rate := limiter.Rate{Period: time.Minute, Limit: 10}
	return mgin.NewMiddleware(limiter.New(memory.NewStore(), rate))
}

// Global is the dashboard-wide limiter.
func Global() gin.HandlerFunc {
	rate, _ := limiter.NewRateFromFormatted("600-M")
	return mgin.NewMiddleware(limiter.New(memory.NewStore(), rate))
}

// SDK limits SDK key exchanges per key.
func SDK() gin.HandlerFunc {
	store := ginratelimit.InMemoryStore(&ginratelimit.InMemoryOptions{Rate: time.Minute, Limit: 30})
	return ginratelimit.RateLimiter(store, &ginratelimit.Options{
		KeyFunc: func(c *gin.Context) string { return c.ClientIP() },
		ErrorHandler: func(c *gin.Context, info ginratelimit.Info) {
			c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": "slow down"})
		},
	})
}

// LimitBody caps request bodies on an engine.
func LimitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}
