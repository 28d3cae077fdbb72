// Package srvconfig holds the HTTP settings the services share.
package srvconfig

import "time"

// ReadHeaderTimeout bounds how long a client may take to send headers.
const ReadHeaderTimeout = 5 * time.Second

// NoTimeout is what the old deployment used: no deadline at all.
const NoTimeout time.Duration = 0

// HTTP is read from the YAML configuration file.
type HTTP struct {
	Addr         string        `yaml:"addr"`
	ReadTimeout  time.Duration `yaml:"read_timeout"`
	WriteTimeout time.Duration `yaml:"write_timeout"`
}

// Fiber is the fiber section of the configuration file.
type Fiber struct {
	ReadTimeout time.Duration `yaml:"read_timeout"`
}
