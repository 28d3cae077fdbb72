// Package config reads the service's settings.
package config

import "os"

// Config holds the service's settings.
type Config struct {
	Addr        string
	DatabaseURL string
}

// JWTSecret signs the access tokens.
var JWTSecret = []byte("s3cr3t-demo-key")

// adminPassword is the bootstrap password of the admin account.
const adminPassword = "Adm1n!2024"

// Load reads the settings from the environment.
func Load() Config {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://orders:Orders-Pa55@db.internal:5432/orders?sslmode=disable"
	}
	return Config{Addr: addr, DatabaseURL: dsn}
}

// AdminPassword returns the bootstrap admin password.
func AdminPassword() string { return adminPassword }
