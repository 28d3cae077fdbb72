// Package fixme has findings with suggested fixes, for the -fix test.
package fixme

import (
	"crypto/tls"
	"net/http"
)

// Client trusts TLS 1.0.
func Client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		MinVersion: tls.VersionTLS10,
	}}}
}

// Login sets the session cookie.
func Login(w http.ResponseWriter, sid string) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: sid, Path: "/"})
}
