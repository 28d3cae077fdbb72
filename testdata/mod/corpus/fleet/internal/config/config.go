// Package config holds the fleet service settings.
package config

import (
	"os"
	"time"
)

// MapsAPIKey is used by the server to geocode depot addresses.
const MapsAPIKey = "AIzaSyD4kP9xW2mQ7vLr3TnB8cZ1hJ6fY0eKsUo" // vuln:secrets

// Lifetimes of the tokens the fleet service issues.
const (
	DriverShift   = 12 * time.Hour
	DeviceRefresh = 7 * 24 * time.Hour
)

// Config is the runtime configuration.
type Config struct {
	APIAddr           string
	OpsAddr           string
	DatabaseURL       string
	JWTKey            []byte
	TelematicsURL     string
	TelematicsUser    string
	TelematicsPass    string
	Env               string
	UploadDir         string
	OpsAllowedOrigins string
}

// Load reads the environment.
func Load() Config {
	return Config{
		APIAddr:           ":3000",
		OpsAddr:           ":3001",
		DatabaseURL:       os.Getenv("FLEET_DATABASE_URL"),
		JWTKey:            []byte(os.Getenv("FLEET_JWT_KEY")),
		TelematicsURL:     os.Getenv("FLEET_TELEMATICS_URL"),
		TelematicsUser:    os.Getenv("FLEET_TELEMATICS_USER"),
		TelematicsPass:    os.Getenv("FLEET_TELEMATICS_PASSWORD"),
		Env:               os.Getenv("FLEET_ENV"),
		UploadDir:         "/srv/fleet/uploads",
		OpsAllowedOrigins: "https://ops.fleet.example.com",
	}
}
