package httpserver

import (
	"regexp"

	"github.com/rs/cors"
)

// widgetCORS is the policy of the embeddable payment widget.
func widgetCORS() cors.Options {
	return cors.Options{
		AllowedOrigins:   []string{"*"},
		AllowedMethods:   []string{"GET", "POST"},
		AllowCredentials: true,
	}
}

var shopOrigin = regexp.MustCompile(`^https://[a-z0-9-]+\.shops\.pay\.example$`)
