package main

import (
	"context"
	"errors"
	"flag"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/gin-gonic/gin"
)

// Names about secrets that hold none, placeholders, templates, settings.
const (
	headerAPIKey        = "X-API-Key"
	headerAuth          = "Authorization"
	apiKeyHeader        = "X-Api-Key"
	passwordFormField   = "password"
	tokenKey            = "token"
	passwordKey         = "pwd"
	sessionKey          = "session_id"
	apiKeyEnv           = "API_KEY"
	jwtSecretVar        = "JWT_SECRET"
	passwordMinLength   = 8
	maxPasswordLen      = 72
	tokenExpiry         = "24h"
	tokenLifetime       = 15 * time.Minute
	passwordResetURL    = "https://orders.acme.io/reset"
	tokenEndpoint       = "/oauth/token"
	secretsDir          = "/run/secrets"
	privateKeyPath      = "keys/private.pem"
	privateKeyFile      = "jwt.key"
	tokenPrefix         = "Bearer "
	tokenType           = "Bearer"
	grantType           = "refresh_token"
	passwordRegex       = `^(?=.*[A-Z]).{8,}$`
	passwordHint        = "at least 8 characters"
	secretName          = "orders/prod/db"
	passwordHash        = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
	apiKeyID            = "key_01HZX8"
	passwordPlaceholder = "Enter your password"
)

const (
	dbPassword       = ""
	adminPassword    = "changeme"
	apiKey           = "your-api-key-here"
	clientSecret     = "<client-secret>"
	apiToken         = "${API_TOKEN}"
	smtpPassword     = "%s"
	signingSecret    = "TODO"
	masterKey        = "********"
	encryptionKey2   = "xxxxxxxxxxxxxxxx"
	testPassword     = "test1234"
	demoToken        = "Bearer"
	stripeKey        = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
	jwtSecretDefault = "jwt-secret"
	secretKey        = "secret_key"
	authToken        = "access_token"
	refreshToken     = "refreshToken"
	bearerToken      = "Bearer"
	accessToken      = "DB_PASSWORD"
	password         = "password"
	pass             = "pass"
	secret           = "1234567890"
	token            = "30m"
)

type ctxKey string

const userTokenKey ctxKey = "user-token-value"

var (
	errBadToken    = errors.New("invalid or expired token")
	errBadPassword = errors.New("password must be at least 8 characters long")

	dbPasswordEnv = os.Getenv("DB_PASSWORD")
	apiTokenFlag  = flag.String("api-token", "", "API token used to call billing")
	jwtSecretFlag = flag.String("jwt-secret", os.Getenv("JWT_SECRET"), "JWT signing secret")
)

// Settings are numbers, never secrets.
type Settings struct {
	TokenTTL          time.Duration
	PasswordMinLength int
	MaxTokenAge       int
	SecretRotation    time.Duration
	TokenHeader       string
	PasswordField     string
}

var defaults = Settings{
	TokenTTL:          time.Hour,
	PasswordMinLength: 12,
	MaxTokenAge:       3600,
	SecretRotation:    30 * 24 * time.Hour,
	TokenHeader:       "X-Auth-Token",
	PasswordField:     "password",
}

// loginForm posts the user's own credentials.
func loginForm(user, pw string) url.Values {
	v := url.Values{}
	v.Set("username", user)
	v.Set("password", pw)
	v.Set("grant_type", "password")
	return v
}

func withToken(ctx context.Context, tok string) context.Context {
	return context.WithValue(ctx, userTokenKey, tok)
}

func responses(c *gin.Context, tok string) {
	c.JSON(http.StatusOK, gin.H{"access_token": tok, "token_type": "Bearer", "expires_in": 3600})
	c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
	c.JSON(http.StatusBadRequest, gin.H{"password": "password is required"})
	c.JSON(http.StatusBadRequest, gin.H{"password": "required"})
	c.Header("X-API-Key", "")
}

func headerNames(r *http.Request) (string, string, string) {
	return r.Header.Get(headerAPIKey), r.Header.Get(headerAuth), r.FormValue(passwordFormField)
}

type credentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func emptyCreds() credentials {
	return credentials{Username: "", Password: ""}
}

func setEnv() {
	_ = os.Setenv("DB_PASSWORD", "")
	_ = os.Setenv("APP_MODE", "production")
}

func keyFromFile() ([]byte, error) {
	return os.ReadFile(privateKeyPath)
}

var lookups = map[string]string{
	"password": "password",
	"token":    "token",
	"secret":   "client_secret",
	"api_key":  "X-API-Key",
}
