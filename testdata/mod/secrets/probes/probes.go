// Package probes compares request values whose names say credential with
// stored values whose names do not.
package probes

import (
	"crypto/subtle"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

// Header names live in constants, as services write them.
const (
	ServerKeyHeader   = "X-Edge-Server-Key"
	IdempotencyHeader = "Idempotency-Key"
)

type environment struct{ ServerKey, Slug string }

type student struct{ AccessCode, Name string }

func edge(c *gin.Context, env environment) {
	if c.GetHeader(ServerKeyHeader) != env.ServerKey { // want `AV510`
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func ingest(c *fiber.Ctx, keys map[int64]string) error {
	want := keys[1]
	got := c.Get("X-Stream-Key")
	if want == "" || got != want { // want `AV510`
		return c.SendStatus(fiber.StatusForbidden)
	}
	return nil
}

func consent(w http.ResponseWriter, r *http.Request, st student) {
	if r.FormValue("access_code") != st.AccessCode { // want `AV510`
		http.Error(w, "wrong code", http.StatusForbidden)
	}
}

// Look-alikes: no credential in the request's name, or a key that is none.

func replay(c *gin.Context, last string) bool {
	return c.GetHeader(IdempotencyHeader) == last
}

func slug(c *gin.Context, env environment) bool {
	return c.Param("slug") == env.Slug
}

func country(r *http.Request, st student) bool {
	return r.FormValue("country_code") == st.Name
}

func constantTime(c *gin.Context, env environment) bool {
	return subtle.ConstantTimeCompare([]byte(c.GetHeader(ServerKeyHeader)), []byte(env.ServerKey)) == 1
}

func empty(c *gin.Context) bool {
	return c.GetHeader(ServerKeyHeader) == ""
}

func getEnv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Config reads the service's settings with hardcoded fallbacks.
type Config struct{ BankKey, BankURL, DBPassword, Region string }

func load() Config {
	return Config{
		BankKey:    getEnv("BANK_API_KEY", "bk_live_7Hq2ZtPw9LmX4cRv8NyD3sKf"), // want `AV501 high: hardcoded credential "BANK_API_KEY" \(default of probes.getEnv\) = .*; drop the fallback and fail at startup when the variable is unset`
		BankURL:    getEnv("BANK_URL", "https://bank.example/v2"),
		DBPassword: getEnv("DB_PASSWORD", ""),
		Region:     getEnv("REGION", "eu-west-1"),
	}
}
