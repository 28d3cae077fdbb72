// Package config loads schoolbook's settings into nested structs.
package config

import (
	"os"
	"strings"
	"time"
)

const (
	StaffTokenTTL = 8 * time.Hour
	// SubstituteTTL lets a substitute teacher use one token for a whole month.
	SubstituteTTL = 30 * 24 * time.Hour
	MaxJSONBody   = 256 << 10
	MaxImportBody = 20 << 20
	ImportDir     = "/var/lib/schoolbook/imports"
	SubmissionDir = "/var/lib/schoolbook/submissions"
	Issuer        = "https://id.schoolbook.edu"
	// a form field name
	PasswordField = "password" // safe:secrets
	// the name of an environment variable
	LDAPPasswordEnv = "LDAP_BIND_PASSWORD" // safe:secrets
)

type Config struct {
	Web     Web
	Parents Parents
	Kiosk   Kiosk
	DB      DB
	LDAP    LDAP
	SIS     SIS
}

type Web struct {
	Addr              string
	ReadHeaderTimeout time.Duration
	CSRFKey           []byte
	QRKey             []byte
	TeacherOrigins    []string
}

type Parents struct {
	Addr string
}

type Kiosk struct {
	Addr string
}

type DB struct {
	DSN string
}

type LDAP struct {
	URL      string
	BindDN   string
	Password string
}

type SIS struct {
	BaseURL  string
	APIKey   string
	Insecure bool
}

// Load reads the environment.
func Load() Config {
	rht, err := time.ParseDuration(os.Getenv("SCHOOLBOOK_READ_HEADER_TIMEOUT"))
	if err != nil {
		rht = 10 * time.Second
	}
	return Config{
		Web: Web{
			Addr:              ":8443",
			ReadHeaderTimeout: rht,
			// read from the environment
			CSRFKey:        []byte(os.Getenv("SCHOOLBOOK_CSRF_KEY")), // safe:secrets
			QRKey:          []byte(os.Getenv("SCHOOLBOOK_QR_KEY")),
			TeacherOrigins: strings.Split(os.Getenv("SCHOOLBOOK_TEACHER_ORIGINS"), ","),
		},
		Parents: Parents{Addr: ":8444"},
		Kiosk:   Kiosk{Addr: ":8445"},
		DB:      DB{DSN: os.Getenv("SCHOOLBOOK_DSN")},
		LDAP: LDAP{
			URL:    "ldaps://dc1.district.local:636",
			BindDN: "cn=schoolbook,ou=services,dc=district,dc=local",
			// the service account's bind password as a literal
			Password: "Sch00lb00k-LDAP!bind", // vuln:secrets
		},
		SIS: SIS{
			BaseURL:  os.Getenv("SIS_URL"),
			APIKey:   os.Getenv("SIS_API_KEY"),
			Insecure: os.Getenv("SIS_INSECURE") == "1",
		},
	}
}
