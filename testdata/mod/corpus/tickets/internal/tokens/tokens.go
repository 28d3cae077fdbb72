// Package tokens issues and parses the ticket service's JWTs.
package tokens

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

// Claims are the agent token claims.
type Claims struct {
	Team string `json:"team"`
	Use  string `json:"use"`
	jwt.RegisteredClaims
}

// Pair is an access and refresh token.
type Pair struct {
	Access, Refresh string
}

// Issue signs a token pair for an agent.
func Issue(key []byte, agent, team string, now time.Time) (Pair, error) {
	access := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{
		Team: team,
		Use:  "access",
		RegisteredClaims: jwt.RegisteredClaims{
			Subject: agent,
			// exactly one working day: not longer than the 24h limit
			ExpiresAt: jwt.NewNumericDate(now.Add(24 * time.Hour)), // safe:jwt
		},
	})
	refresh := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{
		Team: team,
		Use:  "refresh",
		RegisteredClaims: jwt.RegisteredClaims{
			Subject: agent,
			// three months for a refresh token, over the 30-day limit
			ExpiresAt: jwt.NewNumericDate(now.AddDate(0, 3, 0)), // vuln:jwt
		},
	})
	a, err := access.SignedString(key)
	if err != nil {
		return Pair{}, err
	}
	r, err := refresh.SignedString(key)
	return Pair{Access: a, Refresh: r}, err
}

func hmacKey(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, fmt.Errorf("unexpected alg %s", t.Method.Alg())
		}
		return key, nil
	}
}

// ParseRefresh checks a refresh token, with thirty seconds of clock skew.
func ParseRefresh(key []byte, raw string) (*Claims, error) {
	var c Claims
	// thirty seconds of leeway, and hmacKey checks the method
	if _, err := jwt.ParseWithClaims(raw, &c, hmacKey(key), jwt.WithLeeway(30*time.Second)); err != nil { // safe:jwt
		return nil, err
	}
	if c.Use != "refresh" {
		return nil, fmt.Errorf("token use %q", c.Use)
	}
	return &c, nil
}

// PortalParser is the echo-jwt ParseTokenFunc of the customer portal.
func PortalParser(key []byte) func(c echo.Context, auth string) (interface{}, error) {
	return func(c echo.Context, auth string) (interface{}, error) {
		var cl Claims
		// two hours of leeway: expired portal tokens stay usable for two more hours
		tok, err := jwt.ParseWithClaims(auth, &cl, hmacKey(key), jwt.WithLeeway(2*time.Hour)) // vuln:jwt
		if err != nil {
			return nil, err
		}
		return tok, nil
	}
}
