// Package latest fetches the latest exchange rates.
package latest

import "crypto/tls"

// Config is not test code despite the name.
func Config() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `AV801 high: InsecureSkipVerify is true`
}
