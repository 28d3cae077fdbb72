// Package config is sensorhub's configuration: constants shared by the
// packages and the settings read from the environment.
package config

import (
	"os"
	"strconv"
	"strings"
	"time"
)

const (
	// DeviceTokenTTL is how long a device's ingest token lasts. Devices
	// in the field sleep for weeks, so it was set to a year.
	DeviceTokenTTL = 365 * 24 * time.Hour
	// ConsoleTokenTTL covers an operator's working day.
	ConsoleTokenTTL = 8 * time.Hour
	// FirmwareLinkTTL bounds a firmware download link.
	FirmwareLinkTTL = 10 * time.Minute

	// the header devices put their token in: a name
	HeaderDeviceToken = "X-Device-Token" // safe:secrets
	// the broker's factory default, documented as a placeholder to override
	DefaultMQTTPassword = "changeme" // safe:secrets

	// RetentionDays is how long raw readings are kept.
	RetentionDays = 30
)

// Config holds the settings.
type Config struct {
	Console struct {
		Addr        string
		ReadTimeout time.Duration
		Origins     string
	}
	Ingest struct {
		Addr        string
		FirmwareDir string
		ExportDir   string
	}
	MQTT struct {
		Broker     string
		User       string
		Password   string
		SkipVerify bool
	}
	DB struct {
		URL string
	}
	Keys struct {
		DeviceSigningKeyPEM string
		ConsoleSecret       string
		SampleRate          float64
	}
}

// FromEnv reads SENSORHUB_* variables.
func FromEnv() *Config {
	c := &Config{}
	c.Console.Addr = or(os.Getenv("SENSORHUB_CONSOLE_ADDR"), ":8443")
	c.Console.ReadTimeout, _ = time.ParseDuration(or(os.Getenv("SENSORHUB_READ_TIMEOUT"), "10s"))
	c.Console.Origins = or(os.Getenv("SENSORHUB_CONSOLE_ORIGINS"), "https://console.sensorhub.io, https://staging-console.sensorhub.io")
	c.Ingest.Addr = or(os.Getenv("SENSORHUB_INGEST_ADDR"), ":9000")
	c.Ingest.FirmwareDir = or(os.Getenv("SENSORHUB_FIRMWARE_DIR"), "/srv/firmware")
	c.Ingest.ExportDir = or(os.Getenv("SENSORHUB_EXPORT_DIR"), "/srv/exports")
	c.MQTT.Broker = or(os.Getenv("SENSORHUB_MQTT_BROKER"), "mqtts://broker.sensorhub.internal:8883")
	c.MQTT.User = or(os.Getenv("SENSORHUB_MQTT_USER"), "ingest")
	c.MQTT.Password = or(os.Getenv("SENSORHUB_MQTT_PASSWORD"), DefaultMQTTPassword)
	// the lab brokers use self-signed certificates, so this can be switched on by env
	c.MQTT.SkipVerify, _ = strconv.ParseBool(os.Getenv("SENSORHUB_MQTT_INSECURE"))
	c.DB.URL = os.Getenv("SENSORHUB_DATABASE_URL")
	c.Keys.DeviceSigningKeyPEM = os.Getenv("SENSORHUB_DEVICE_KEY")
	c.Keys.ConsoleSecret = os.Getenv("SENSORHUB_CONSOLE_SECRET")
	c.Keys.SampleRate, _ = strconv.ParseFloat(or(os.Getenv("SENSORHUB_TRACE_SAMPLE"), "0.01"), 64)
	return c
}

func or(v, def string) string {
	if strings.TrimSpace(v) == "" {
		return def
	}
	return v
}
