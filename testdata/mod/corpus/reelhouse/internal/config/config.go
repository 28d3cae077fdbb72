// Package config holds reelhouse's settings.
package config

import (
	"os"
	"time"
)

const (
	PlaybackTTL = 6 * time.Hour
	AccessTTL   = 20 * time.Minute
	UploadDir   = "/srv/reelhouse/uploads"
	SubtitleDir = "/srv/reelhouse/subtitles"
	// a header name, not a key
	StreamKeyHdr = "X-Stream-Key" // safe:secrets
)

type Config struct {
	Addr       string
	CDNAddr    string
	StudioAddr string
	DBURL      string
	JWTKey     []byte
	DeviceKey  []byte
	Storage    Storage
	// StudioReadTimeout is tuned per deployment.
	StudioReadTimeout time.Duration
}

// Storage is the object store holding the renditions.
type Storage struct {
	Bucket          string
	Region          string
	AccessKeyID     string
	SecretAccessKey string
}

// Load reads the environment.
func Load() Config {
	rt, _ := time.ParseDuration(os.Getenv("REELHOUSE_STUDIO_READ_TIMEOUT"))
	return Config{
		Addr:              ":3000",
		CDNAddr:           ":3001",
		StudioAddr:        ":3002",
		DBURL:             os.Getenv("REELHOUSE_DB_URL"),
		JWTKey:            []byte(os.Getenv("REELHOUSE_JWT_KEY")),
		DeviceKey:         []byte(os.Getenv("REELHOUSE_DEVICE_KEY")),
		StudioReadTimeout: rt,
		Storage:           defaultStorage(),
	}
}

func defaultStorage() Storage {
	s := Storage{
		Bucket: "reelhouse-renditions",
		Region: "eu-west-1",
		// an AWS access key id committed with its secret
		AccessKeyID: "AKIA4J7QXRZ2MPLVN3DW", // vuln:secrets
		// the matching secret access key
		SecretAccessKey: "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", // vuln:secrets
	}
	if id := os.Getenv("AWS_ACCESS_KEY_ID"); id != "" {
		s.AccessKeyID = id
		s.SecretAccessKey = os.Getenv("AWS_SECRET_ACCESS_KEY")
	}
	return s
}

// ExampleStorage is shown in the README; it is AWS's documented example key.
var ExampleStorage = Storage{
	Bucket: "my-bucket",
	// AWS's documented example key id
	AccessKeyID: "AKIAIOSFODNN7EXAMPLE", // safe:secrets
}
