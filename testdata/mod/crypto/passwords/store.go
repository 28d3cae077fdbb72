// Package passwords stores and checks user passwords.
package passwords

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"strings"

	"example.com/apivettest/crypto/consts"
	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"
)

type Store struct{ db *sql.DB }

type signupRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Signup hashes the password with MD5.
func (s *Store) Signup(c *gin.Context) {
	var req signupRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	sum := md5.Sum([]byte(req.Password)) // want `md5.Sum hashes password req.Password with MD5, which is broken`
	s.db.Exec("INSERT INTO users (email, password_hash) VALUES ($1, $2)", req.Email, hex.EncodeToString(sum[:]))
}

// SaltedSHA256 is the "improved" version: still a fast hash.
func SaltedSHA256(salt []byte, password string) string {
	h := sha256.New() // want `sha256.New hashes password password with a fast hash \(SHA256\)`
	h.Write(salt)
	h.Write([]byte(password))
	return hex.EncodeToString(h.Sum(nil))
}

// digest is a generic helper; Login passes it a password.
func digest(s string) string {
	sum := sha1.Sum([]byte(s)) // want `sha1.Sum hashes password r.FormValue\("password"\) with SHA1`
	return hex.EncodeToString(sum[:])
}

func (s *Store) Login(w http.ResponseWriter, r *http.Request) {
	var stored string
	s.db.QueryRow("SELECT password_hash FROM users WHERE email = $1", r.FormValue("email")).Scan(&stored)
	if subtle.ConstantTimeCompare([]byte(digest(r.FormValue("password"))), []byte(stored)) != 1 {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// The same helper over an e-mail address (a Gravatar hash) is no finding.
func gravatarURL(email string) string {
	return "https://www.gravatar.com/avatar/" + gravatarHash(email)
}

func gravatarHash(email string) string {
	sum := md5.Sum([]byte(strings.ToLower(strings.TrimSpace(email))))
	return hex.EncodeToString(sum[:])
}

// A function about passwords: its parameter is the password.
func hashPassword(s string) string {
	return fmt.Sprintf("%x", sha256.Sum256([]byte(s))) // want `sha256.Sum256 hashes password s with a fast hash`
}

// bcrypt with cost 8 from a literal, and through a constant of another package.
func (s *Store) Register(email, password string) error {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 8) // want `bcrypt cost 8 is below 10; use bcrypt.DefaultCost \(10\) or higher`
	if err != nil {
		return err
	}
	_, err = s.db.Exec("INSERT INTO users VALUES ($1, $2)", email, hash)
	return err
}

func (s *Store) RegisterFast(email, password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), consts.BcryptCost) // want `bcrypt cost 8 is below 10`
}

func (s *Store) RegisterAdmin(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), consts.StrongBcryptCost)
}

func (s *Store) RegisterDefault(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
}

// Below bcrypt.MinCost the library uses DefaultCost.
func (s *Store) RegisterZero(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), 0)
}

// A cheaper cost for the test environment next to the default is a choice,
// not a finding.
func hashWithEnvCost(password string) ([]byte, error) {
	cost := bcrypt.DefaultCost
	if os.Getenv("APP_ENV") == "test" {
		cost = bcrypt.MinCost
	}
	return bcrypt.GenerateFromPassword([]byte(password), cost)
}

// A variable that only ever holds a weak cost is reported.
func hashLegacy(password string) ([]byte, error) {
	cost := 6
	return bcrypt.GenerateFromPassword([]byte(password), cost) // want `bcrypt cost 6 is below 10`
}

// A helper returning a constant cost.
func legacyCost() int { return 5 }

func hashOld(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), legacyCost()) // want `bcrypt cost 5 is below 10`
}

// Pre-hashing with SHA-256 to get past bcrypt's 72-byte limit is fine.
func hashLongPassword(password string) ([]byte, error) {
	pre := sha256.Sum256([]byte(password))
	return bcrypt.GenerateFromPassword([]byte(hex.EncodeToString(pre[:])), 12)
}

// A stored hash is not a password.
func fingerprint(u struct{ PasswordHash string }) string {
	sum := sha256.Sum256([]byte(u.PasswordHash))
	return hex.EncodeToString(sum[:8])
}
