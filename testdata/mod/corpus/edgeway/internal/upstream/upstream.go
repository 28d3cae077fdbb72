// Package upstream authenticates the gateway to its backends.
package upstream

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"

	"example.com/apivettest/corpus/edgeway/internal/config"
)

// the key that signs the X-Edge-Signature header, written into the source
var introspectionSecret = []byte("edgeway-introspection-secret-v1-7d1c") // vuln:secrets

// Authorize adds the gateway's credentials to an upstream request.
func Authorize(r *http.Request, u config.Upstream) {
	if u.User != "" {
		// both values come from configuration
		r.SetBasicAuth(u.User, u.Password) // safe:secrets
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	// HMAC-SHA256 with a random-looking key: the primitive is sound (the
	// literal key is the secrets finding above)
	mac := hmac.New(sha256.New, introspectionSecret) // safe:crypto
	mac.Write([]byte(r.Method + "\n" + r.URL.Path + "\n" + ts))
	r.Header.Set("X-Edge-Timestamp", ts)
	r.Header.Set("X-Edge-Signature", hex.EncodeToString(mac.Sum(nil)))
}

// AuthorizeLegacy authenticates to the billing backend.
func AuthorizeLegacy(r *http.Request) {
	// a literal password for the billing backend's basic auth
	r.SetBasicAuth("gateway", "gw-Upstr3am-2024!") // vuln:secrets
}
