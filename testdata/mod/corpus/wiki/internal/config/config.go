// Package config holds the wiki settings.
package config

import (
	"os"
	"strings"
)

// LDAP describes the directory used for staff logins.
type LDAP struct {
	URL          string
	BindDN       string
	BindPassword string
}

// Directory is the production directory binding.
var Directory = LDAP{
	URL:    "ldaps://ldap.corp.example:636",
	BindDN: "cn=wiki,ou=services,dc=corp,dc=example",
	// the production directory password
	BindPassword: "Ld4p-B1nd#Pr0d-7731", // vuln:secrets
}

// ExampleDirectory is printed by `wiki -print-config` as a template.
var ExampleDirectory = LDAP{
	URL:    "ldaps://ldap.example.org:636",
	BindDN: "cn=wiki,dc=example,dc=org",
	// an obvious placeholder
	BindPassword: "changeme", // safe:secrets
}

// Config is the runtime configuration.
type Config struct {
	Addr       string
	DSN        string
	SessionKey []byte
	CSRFKey    []byte
	Origins    []string
	UploadDir  string
}

// Load reads the environment.
func Load() Config {
	return Config{
		Addr:       ":8080",
		DSN:        os.Getenv("WIKI_DSN"),
		SessionKey: []byte(os.Getenv("WIKI_SESSION_KEY")),
		CSRFKey:    []byte(os.Getenv("WIKI_CSRF_KEY")),
		Origins:    strings.Split(os.Getenv("WIKI_ORIGINS"), ","),
		UploadDir:  "/var/lib/wiki/files",
	}
}
