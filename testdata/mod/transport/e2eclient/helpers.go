// Package e2eclient drives the API in end-to-end checks.
package e2eclient

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
)

// NewServer starts a TLS test server and a client for it.
func NewServer(h http.Handler) (*httptest.Server, *http.Client) {
	srv := httptest.NewTLSServer(h)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	return srv, c
}
