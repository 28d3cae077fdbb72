// Package consts holds values another package reads through strval facts.
package consts

import (
	"os"
	"time"
)

const Table = "users"

const AccessTTL = 15 * time.Minute

var DefaultSort = "created_at" // want DefaultSort:`strval 0:\["created_at"\]`

var Columns = []string{"id", "name"}

var fromEnv = os.Getenv("X")

// Key returns a constant.
func Key() string { return "k-" + Table } // want Key:`strval 0:\["k-users"\]`

// Pick returns one of two constants.
func Pick(b bool) (string, error) { // want Pick:`strval 0:\["a" "b"\]`
	if b {
		return "a", nil
	}
	return "b", nil
}

// Env is not constant.
func Env() string { return fromEnv + dynamic() }

func dynamic() string { return time.Now().String() }

type Config struct {
	Name   string // want Name:`strval 0:\["svc"\]`
	Secret string `json:"secret"`
	TTL    time.Duration // want TTL:`strval 0:\[3600000000000\]`
}

var Default = Config{Name: "svc", Secret: "s", TTL: time.Hour}
