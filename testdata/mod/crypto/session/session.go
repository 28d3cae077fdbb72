// Package session issues session IDs, API tokens and one-time codes.
package session

import (
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand"
	"net/http"
	"strconv"
	"time"

	"example.com/apivettest/crypto/consts"
	"github.com/gin-gonic/gin"
	"golang.org/x/oauth2"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomString has a neutral name: what it is for comes from its callers.
func randomString(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rand.Intn(len(letters))] // want `rand.Intn from math/rand makes token "sessionID" predictable; use crypto/rand`
	}
	return string(b)
}

type Store struct {
	sessions map[string]string
}

func (s *Store) Create(userID string) string {
	sessionID := randomString(32)
	s.sessions[sessionID] = userID
	return sessionID
}

// generateToken names what it makes.
func generateToken() string {
	b := make([]byte, 32)
	rand.Read(b) // want `rand.Read from math/rand makes token returned by generateToken predictable`
	return hex.EncodeToString(b)
}

func (s *Store) APIToken(userID string) string {
	tok := generateToken()
	s.sessions[tok] = userID
	return tok
}

// goodToken is the safe look-alike: crypto/rand.
func goodToken() string {
	b := make([]byte, 32)
	if _, err := crand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func goodSessionID() string { return crand.Text() }

type OTPService struct{ codes map[string]string }

func (o *OTPService) SendLoginCode(phone string) {
	code := fmt.Sprintf("%06d", rand.Intn(1000000)) // want `rand.Intn from math/rand makes one-time code "code" predictable; draw it with crypto/rand`
	o.codes[phone] = code
}

func (o *OTPService) SendGoodCode(phone string) error {
	n, err := crand.Int(crand.Reader, big.NewInt(1000000))
	if err != nil {
		return err
	}
	o.codes[phone] = fmt.Sprintf("%06d", n.Int64())
	return nil
}

// The seeded generator is no better.
var rng = rand.New(rand.NewSource(time.Now().UnixNano()))

func ResetPasswordCode() string {
	otp := 100000 + rng.Intn(900000) // want `\(\*rand.Rand\).Intn from math/rand makes one-time code "otp" predictable`
	return strconv.Itoa(otp)
}

// A session cookie whose value comes from a helper.
func setSessionCookie(w http.ResponseWriter, value string) {
	http.SetCookie(w, &http.Cookie{Name: consts.SessionCookie, Value: value, HttpOnly: true, Secure: true})
}

func cookieValue() string {
	return strconv.FormatInt(rand.Int63(), 36) // want `rand.Int63 from math/rand makes token "session_id" predictable`
}

func Login(w http.ResponseWriter, r *http.Request) {
	setSessionCookie(w, cookieValue())
}

// Gin handlers: the token goes to the client.
func IssueToken(c *gin.Context) {
	t := strconv.FormatUint(rand.Uint64(), 16) // want `rand.Uint64 from math/rand makes token "token" predictable`
	c.JSON(http.StatusOK, gin.H{"token": t})
}

func SetCSRF(c *gin.Context) {
	c.SetCookie("csrf_token", strconv.Itoa(rand.Int()), 3600, "/", "", true, true) // want `rand.Int from math/rand makes token "csrf_token" predictable`
}

// OAuth state through oauth2.Config.AuthCodeURL.
func StartOAuth(cfg *oauth2.Config, w http.ResponseWriter, r *http.Request) {
	state := strconv.Itoa(rand.Int()) // want `rand.Int from math/rand makes token \(parameter state of \(\*oauth2.Config\).AuthCodeURL\) predictable`
	http.Redirect(w, r, cfg.AuthCodeURL(state), http.StatusFound)
}

// Request IDs are not secrets.
func RequestID(w http.ResponseWriter) {
	id := strconv.FormatInt(rand.Int63(), 16)
	w.Header().Set("X-Request-ID", id)
}

// Tokens are stored hashed: hashing a token is fine.
func (s *Store) StoreHashed(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Tokens for the sandbox environment, reviewed.
func SandboxToken() string {
	//apivet:ignore AV607 sandbox tokens are fake and never accepted by the API
	token := strconv.Itoa(rand.Int())
	return token
}

// JoinCode lets anyone with it join a room: a credential.
func JoinCode() string {
	return fmt.Sprintf("%06d", rand.Intn(1000000)) // want `rand.Intn from math/rand makes one-time code`
}

// ProvisioningCode claims a device for a fleet.
func ProvisioningCode() string {
	code := fmt.Sprintf("%06d", rand.Intn(1_000_000)) // want `rand.Intn from math/rand makes one-time code`
	return code
}

// CountryCode picks a test fixture value: not a credential.
func CountryCode(codes []string) string {
	return codes[rand.Intn(len(codes))]
}

// StatusCode simulates a flaky upstream for chaos testing.
func StatusCode() int {
	if rand.Intn(100) < 5 {
		return 503
	}
	return 200
}
