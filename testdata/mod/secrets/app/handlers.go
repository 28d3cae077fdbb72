package main

import (
	"context"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"example.com/apivettest/secrets/config"
)

// Server holds the service's dependencies.
type Server struct {
	apiKey        string
	cfg           config.Config
	webhookSecret []byte
	tokenBytes    []byte
	sessionToken  string
	adminUser     string
	adminPassword string
	adminEmail    string
	defaultPage   string
}

type user struct {
	Name     string
	Password string
	APIKey   string
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func lookupUser(name string) *user { return &user{Name: name} }

var adminToken = os.Getenv("ADMIN_TOKEN")

func (s *Server) requireAPIKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(config.APIKeyHeader) == "" {
			http.Error(w, "missing API key", http.StatusUnauthorized)
			return
		}
		if r.Header.Get(config.APIKeyHeader) != s.apiKey { // want `AV510 medium: request value r.Header.Get\(...\) compared with the secret s.apiKey using !=, which leaks through timing how much of it matched; use subtle.ConstantTimeCompare or hmac.Equal`
			http.Error(w, "invalid API key", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) requireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), config.BearerPrefix)
		if token != s.cfg.AdminToken { // want `AV510 medium: request value token compared with the secret s.cfg.AdminToken using !=`
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) requireBearerSafe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), config.BearerPrefix)
		if subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.AdminToken)) != 1 {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) validKey(key string) bool {
	return key == s.apiKey // want `AV510 medium: parameter key compared with the secret s.apiKey using ==`
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	u := lookupUser(req.Username)
	if u.Password != req.Password { // want `AV510 medium: request value req.Password compared with the secret u.Password using !=`
		http.Error(w, config.ErrInvalidPassword, http.StatusUnauthorized)
		return
	}
	if u.Name != req.Username {
		return
	}
	if req.Password == "" || len(req.Password) < config.PasswordMinLength {
		return
	}
}

func (s *Server) orders(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("page") == s.defaultPage {
		return
	}
	if r.FormValue("email") == s.adminEmail {
		return
	}
	ck, err := r.Cookie("session")
	if err != nil {
		return
	}
	if ck.Value == s.sessionToken { // want `AV510 medium: request value ck.Value compared with the secret s.sessionToken using ==`
		return
	}
	user, pass, ok := r.BasicAuth()
	if !ok || user != s.adminUser || pass != s.adminPassword { // want `AV510 medium: request value pass compared with the secret s.adminPassword using !=`
		return
	}
	if pass == "letmein-now" { // want `AV501 high: basic-auth password "pass" compared with the hardcoded value "…" \(11 chars\)`
		return
	}
}

func (s *Server) verifyWebhook(r *http.Request) bool {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, s.webhookSecret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	return r.Header.Get("X-Signature") == expected // want `AV510 medium: request value r.Header.Get\(...\) compared with the secret expected using ==`
}

func (s *Server) verifyWebhookSafe(r *http.Request) bool {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, s.webhookSecret)
	mac.Write(body)
	sig, err := hex.DecodeString(r.Header.Get("X-Signature"))
	if err != nil {
		return false
	}
	return hmac.Equal(sig, mac.Sum(nil))
}

func changePassword(oldPassword, newPassword string) bool {
	return oldPassword == newPassword
}

func sameConfig(a, b config.Config) bool {
	return a.JWTSecret == b.JWTSecret && a.APIKey == b.APIKey
}

func (s *Server) ginAPIKey(c *gin.Context) {
	if c.GetHeader("X-API-Key") != s.apiKey { // want `AV510 medium: request value c.GetHeader\(...\) compared with the secret s.apiKey using !=`
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	if !bytes.Equal([]byte(c.Query("token")), s.tokenBytes) { // want `AV510 medium: request value c.Query\(...\) compared with the secret s.tokenBytes using bytes.Equal`
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var body struct {
		APIKey string `json:"api_key"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		return
	}
	if lookupUser("svc").APIKey == body.APIKey { // want `AV510 medium: request value body.APIKey compared with the secret lookupUser\(...\).APIKey using ==`
		return
	}
	if len(c.GetHeader("X-API-Key")) != len(s.apiKey) {
		return
	}
	if c.GetHeader("X-API-Key") == "" {
		return
	}
	c.Next()
}

func echoAPIKey(c echo.Context) error {
	if c.QueryParam("api_key") != os.Getenv("API_KEY") { // want `AV510 medium: request value c.QueryParam\(...\) compared with the secret os.Getenv\(...\) using !=`
		return echo.ErrUnauthorized
	}
	if c.Request().Header.Get("X-Request-ID") == os.Getenv("REQUEST_ID_PREFIX") {
		return nil
	}
	return nil
}

func fiberAdmin(c *fiber.Ctx) error {
	if strings.EqualFold(c.Get("X-Admin-Token"), adminToken) { // want `AV510 medium: request value c.Get\(...\) compared with the secret adminToken using strings.EqualFold`
		return c.Next()
	}
	if c.Get("X-Admin-Token") == "admin-T0ken-8812" { // want `AV501 high: request value "X-Admin-Token" compared with the hardcoded value "admi…812" \(16 chars\)`
		return c.Next()
	}
	return fiber.ErrUnauthorized
}

func compareLiterals(r *http.Request) bool {
	password := r.FormValue("password")
	if password == "hunter2!x" { // want `AV501 high: "password" compared with the hardcoded value "…" \(9 chars\)`
		return true
	}
	if password == "" || password == "password" {
		return false
	}
	return r.Header.Get("X-Mode") == "maintenance"
}

// botStore looks webhook tokens up per bot.
type botStore interface {
	BotToken(ctx context.Context, id string) (string, error)
	BotName(ctx context.Context, id string) (string, error)
}

// BotWebhook compares the presented token with the stored one using !=.
func BotWebhook(st botStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		want, err := st.BotToken(r.Context(), r.URL.Query().Get("bot"))
		if err != nil {
			http.Error(w, "unknown bot", http.StatusNotFound)
			return
		}
		if r.Header.Get("X-Bot-Token") != want { // want `AV510`
			http.Error(w, "bad token", http.StatusUnauthorized)
			return
		}
		name, _ := st.BotName(r.Context(), r.URL.Query().Get("bot"))
		if r.URL.Query().Get("name") != name {
			http.Error(w, "wrong bot", http.StatusBadRequest)
		}
	}
}
