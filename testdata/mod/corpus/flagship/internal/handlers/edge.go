package handlers

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/flagship/internal/config"
	"example.com/apivettest/corpus/flagship/internal/flags"
	"example.com/apivettest/corpus/flagship/internal/sdk"
	"example.com/apivettest/corpus/flagship/pkg/rollout"
)

// Edge serves SDK evaluations.
type Edge struct {
	Repo   flags.Repository
	Tokens *sdk.Tokens
	Log    *slog.Logger
}

type exchangeRequest struct {
	Env     string `json:"env" binding:"required"`
	UserKey string `json:"user_key" binding:"required"`
}

// Exchange trades a server key for a browser SDK token.
func (e *Edge) Exchange(c *gin.Context) {
	var in exchangeRequest
	// no body limit anywhere on the edge engine
	if err := c.BindJSON(&in); err != nil { // vuln:transport
		return
	}
	env, err := e.Repo.Environment(c.Request.Context(), in.Env)
	if err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "unknown environment"})
		return
	}
	// an environment without a key is not usable
	if env.ServerKey == "" { // safe:secrets
		c.JSON(http.StatusConflict, gin.H{"error": "environment has no server key"})
		return
	}
	// the key from the request header is compared with == against the stored key
	if c.GetHeader(config.ServerKeyHdr) != env.ServerKey { // vuln:secrets
		c.JSON(http.StatusUnauthorized, gin.H{"error": "bad server key"})
		return
	}
	tok, err := e.Tokens.Client(in.Env, in.UserKey)
	if err != nil {
		e.Log.Error("sign client token", "err", err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "token error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": tok})
}

type evalRequest struct {
	Token string   `json:"token"`
	Flags []string `json:"flags"`
}

// Evaluate answers which flags are on for the token's user.
func (e *Edge) Evaluate(c *gin.Context) {
	var in evalRequest
	// unbounded JSON body on the edge
	if err := c.ShouldBindJSON(&in); err != nil { // vuln:transport
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad request"})
		return
	}
	claims, err := e.Tokens.ParseClient(in.Token)
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "bad token"})
		return
	}
	all, err := e.Repo.ForEnvironmentKey(c.Request.Context(), claims.Env)
	if err != nil {
		// the gorm error goes into a 503 body
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": "evaluation unavailable", "cause": err.Error()}) // vuln:exposure
		return
	}
	out := make(map[string]bool, len(all))
	for _, f := range all {
		out[f.Key] = f.Enabled && rollout.Bucket(f.Key, claims.Subject) < f.Rollout
	}
	if rollout.SampleEvent(0.01) {
		e.Log.Info("evaluation", "env", claims.Env, "n", len(out))
	}
	c.JSON(http.StatusOK, out)
}

// Relay streams flag data to a relay proxy.
func (e *Edge) Relay(c *gin.Context) {
	claims, err := e.Tokens.ParseRelay(c.GetHeader("X-Relay-Token"))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	env, _ := claims["env"].(string)
	all, err := e.Repo.ForEnvironmentKey(c.Request.Context(), env)
	if err != nil {
		c.AbortWithStatus(http.StatusServiceUnavailable)
		return
	}
	c.JSON(http.StatusOK, all)
}
