// Package api starts the public HTTP API of the orders service.
package api

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"time"

	"example.com/apivettest/transport/srvconfig"
)

// ServeDefault is the quick start from the net/http docs.
func ServeDefault(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `AV804 medium: http.ListenAndServe serves with a zero-value http.Server, which sets neither ReadHeaderTimeout nor ReadTimeout: a client that sends its request headers slowly holds the connection open indefinitely`
}

// ServeTLSDefault is the same over TLS.
func ServeTLSDefault(addr string, h http.Handler) error {
	return http.ListenAndServeTLS(addr, "cert.pem", "key.pem", h) // want `AV804 medium: http.ListenAndServeTLS serves with a zero-value http.Server`
}

// ServeListener serves on a socket handed over by systemd.
func ServeListener(l net.Listener, h http.Handler) error {
	return http.Serve(l, h) // want `AV804 medium: http.Serve serves with a zero-value http.Server`
}

// NewServer builds the API server; the caller starts it.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{ // want `AV804 medium: http.Server sets neither ReadHeaderTimeout nor ReadTimeout: .*; set ReadHeaderTimeout \(e.g. 10 \* time.Second\)`
		Addr:         addr,
		Handler:      h,
		WriteTimeout: 30 * time.Second,
		IdleTimeout:  120 * time.Second,
	}
}

// Inline starts a server built on one line.
func Inline(h http.Handler) error {
	srv := &http.Server{Addr: ":8081", Handler: h} // want `AV804 medium: http.Server sets neither ReadHeaderTimeout nor ReadTimeout`
	return srv.ListenAndServe()
}

// Immediate builds and starts in one expression.
func Immediate(h http.Handler) error {
	return (&http.Server{Addr: ":8082", Handler: h}).ListenAndServe() // want `AV804 medium: http.Server sets neither`
}

// ZeroConst copies the old deployment's "no timeout".
func ZeroConst(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8083", Handler: h, ReadHeaderTimeout: srvconfig.NoTimeout} // want `AV804 medium: http.Server sets neither`
}

// ZeroValue configures a zero-value server field by field.
func ZeroValue(h http.Handler) error {
	var srv http.Server
	srv.Addr = ":8084"
	srv.Handler = h
	srv.WriteTimeout = 10 * time.Second
	return srv.ListenAndServe() // want `AV804 medium: srv.ListenAndServe serves with a zero-value http.Server, which sets neither ReadHeaderTimeout nor ReadTimeout: .*; set srv.ReadHeaderTimeout before serving`
}

// Admin is the internal admin port, deliberately left alone.
func Admin(h http.Handler) error {
	return http.ListenAndServe(":9000", h) //apivet:ignore AV804 only reachable through the mesh sidecar, which enforces header timeouts
}

// --- safe look-alikes ---

// Good sets ReadHeaderTimeout through a constant of another package.
func Good(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: srvconfig.ReadHeaderTimeout,
	}
}

// ReadOnly sets ReadTimeout, which net/http also applies to the headers.
func ReadOnly(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadTimeout: 15 * time.Second, WriteTimeout: 15 * time.Second}
}

// FromConfig takes the timeout from the configuration file.
func FromConfig(cfg srvconfig.HTTP, h http.Handler) *http.Server {
	return &http.Server{Addr: cfg.Addr, Handler: h, ReadTimeout: cfg.ReadTimeout, WriteTimeout: cfg.WriteTimeout}
}

// InSteps sets the timeout after building the server.
func InSteps(h http.Handler) error {
	srv := &http.Server{Addr: ":8085", Handler: h}
	srv.ReadHeaderTimeout = 10 * time.Second
	return srv.ListenAndServe()
}

// harden sets the timeouts every server of the service gets.
func harden(s *http.Server) {
	s.ReadHeaderTimeout = 5 * time.Second
	s.IdleTimeout = time.Minute
}

// Hardened builds the server and hands it to harden.
func Hardened(h http.Handler) error {
	srv := &http.Server{Addr: ":8086", Handler: h}
	harden(srv)
	return srv.ListenAndServe()
}

func newBase(h http.Handler) *http.Server {
	return &http.Server{Handler: h}
}

// FromHelper gets a bare server from a helper and configures it.
func FromHelper(h http.Handler) error {
	srv := newBase(h)
	srv.Addr = ":8087"
	srv.ReadTimeout = 20 * time.Second
	return srv.ListenAndServe()
}

// App keeps its server in a field.
type App struct {
	srv     *http.Server
	timeout time.Duration
}

// NewApp builds the server into the field.
func NewApp(h http.Handler, timeout time.Duration) *App {
	return &App{srv: &http.Server{Addr: ":8088", Handler: h}, timeout: timeout}
}

// Start sets the timeout on the field's server.
func (a *App) Start() error {
	a.srv.ReadHeaderTimeout = a.timeout
	return a.srv.ListenAndServe()
}

// Graceful starts with a shutdown on context cancel.
func Graceful(ctx context.Context, h http.Handler) error {
	srv := &http.Server{Addr: ":8089", Handler: h, ReadHeaderTimeout: 3 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Embedded wraps http.Server and sets its timeout through the promoted field.
type Embedded struct {
	http.Server
	name string
}

// NewEmbedded builds the wrapper.
func NewEmbedded(h http.Handler) *Embedded {
	e := &Embedded{Server: http.Server{Addr: ":8090", Handler: h}, name: "api"}
	e.ReadTimeout = 10 * time.Second
	return e
}

const pprofAddr = "127.0.0.1:6060"

// Debug serves pprof on loopback only.
func Debug() {
	go func() {
		log.Println(http.ListenAndServe("localhost:6060", nil))
	}()
	go http.ListenAndServe(pprofAddr, nil)
}

// Metrics serves on loopback through a literal.
func Metrics(h http.Handler) *http.Server {
	return &http.Server{Addr: "127.0.0.1:9090", Handler: h}
}
