package session

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// CookieSigner signs the service's own session cookies.
type CookieSigner struct{ secret []byte }

func (s *CookieSigner) Sign(value string) string {
	mac := hmac.New(sha1.New, s.secret) // want `hmac.New with sha1.New signs the service's own data with SHA1; use sha256.New`
	io.WriteString(mac, value)
	return value + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// SignDownloadURL signs links with HMAC-MD5.
func SignDownloadURL(secret []byte, path string, expires time.Time) string {
	exp := strconv.FormatInt(expires.Unix(), 10)
	h := hmac.New(md5.New, secret) // want `hmac.New with md5.New signs the service's own data with MD5`
	h.Write([]byte(path + exp))
	return path + "?exp=" + exp + "&sig=" + hex.EncodeToString(h.Sum(nil))
}

// SignState uses HMAC-SHA256: fine.
func SignState(secret []byte, state string) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(state))
	return hex.EncodeToString(h.Sum(nil))
}

// VerifyGitHub checks GitHub's legacy X-Hub-Signature, which is HMAC-SHA1
// by GitHub's choice.
func VerifyGitHub(r *http.Request, secret []byte, body []byte) bool {
	sig := r.Header.Get("X-Hub-Signature")
	mac := hmac.New(sha1.New, secret)
	mac.Write(body)
	want := "sha1=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(sig), []byte(want))
}

// totp implements RFC 6238, whose authenticator apps expect HMAC-SHA1.
func totp(secret []byte, t time.Time) uint32 {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], uint64(t.Unix()/30))
	mac := hmac.New(sha1.New, secret)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	return (binary.BigEndian.Uint32(sum[off:]) & 0x7fffffff) % 1000000
}

// ResetToken derives the reset token from the e-mail and the time: MD5
// makes it look random, it is not.
func ResetToken(email string) string {
	resetToken := fmt.Sprintf("%x", md5.Sum([]byte(email+time.Now().String()))) // want `md5 digest used as token "resetToken" is predictable from its inputs`
	return resetToken
}

func newSessionID(userID int64) string {
	h := sha1.New() // want `sha1 digest used as token returned by newSessionID is predictable`
	fmt.Fprintf(h, "%d:%d", userID, time.Now().UnixNano())
	return hex.EncodeToString(h.Sum(nil))
}

// An MD5 of random bytes is as random as the bytes.
func inviteCode() string {
	b := make([]byte, 16)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		panic(err)
	}
	token := md5.Sum(b)
	return hex.EncodeToString(token[:])
}

// A homemade signature: md5(secret + payload).
func signPayload(secret, payload string) string {
	signature := md5.Sum([]byte(secret + payload)) // want `md5 digest used as signature "signature": MD5 collisions let an attacker forge it`
	return hex.EncodeToString(signature[:])
}
