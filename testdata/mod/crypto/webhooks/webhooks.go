// Package webhooks signs the service's own outgoing deliveries and
// verifies incoming ones.
package webhooks

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"net/http"
)

// sign computes the signature put on every outgoing delivery.
func sign(secret, body []byte) string {
	m := hmac.New(md5.New, secret) // want `AV606`
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// Deliver posts an event to a subscriber.
func Deliver(url string, secret, body []byte) {
	_ = sign(secret, body)
}

// digest is shared with the receiving side only.
func digest(secret, body []byte) []byte {
	m := hmac.New(md5.New, secret) // the sender chose HMAC-MD5: silent
	m.Write(body)
	return m.Sum(nil)
}

// VerifyIncoming checks a partner's delivery.
func VerifyIncoming(r *http.Request, secret, body []byte) bool {
	got, _ := hex.DecodeString(r.Header.Get("X-Delivery-Mac"))
	return hmac.Equal(digest(secret, body), got)
}

// signSHA1 uses HMAC-SHA1, still a sound MAC: silent.
func signSHA1(secret, body []byte) []byte {
	m := hmac.New(sha1.New, secret)
	m.Write(body)
	return m.Sum(nil)
}

var _ = signSHA1

// macHex is the signature an outgoing request carries.
func macHex(secret, body []byte) string {
	m := hmac.New(md5.New, secret) // want `AV606`
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// Post sends an event with its signature header set.
func Post(url string, secret, body []byte) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, url, nil)
	req.Header.Set("X-Event-Signature", macHex(secret, body))
	return req
}
