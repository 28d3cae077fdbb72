package main

import (
	"expvar"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

type config struct {
	port    int
	limiter struct {
		rps     float64
		burst   int
		enabled bool
	}
}

type application struct {
	config config
}

func (app *application) rateLimit(next http.Handler) http.Handler {
	type client struct {
		limiter  *rate.Limiter
		lastSeen time.Time
	}
	var (
		mu      sync.Mutex
		clients = make(map[string]*client)
	)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if app.config.limiter.enabled {
			ip, _, err := net.SplitHostPort(r.RemoteAddr)
			if err != nil {
				app.serverErrorResponse(w, r, err)
				return
			}
			mu.Lock()
			if _, found := clients[ip]; !found {
				clients[ip] = &client{limiter: rate.NewLimiter(rate.Limit(app.config.limiter.rps), app.config.limiter.burst)}
			}
			clients[ip].lastSeen = time.Now()
			if !clients[ip].limiter.Allow() {
				mu.Unlock()
				app.rateLimitExceededResponse(w, r)
				return
			}
			mu.Unlock()
		}
		next.ServeHTTP(w, r)
	})
}

func (app *application) serverErrorResponse(w http.ResponseWriter, r *http.Request, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

func (app *application) rateLimitExceededResponse(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "rate limit exceeded", http.StatusTooManyRequests)
}

func (app *application) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if err := recover(); err != nil {
				w.Header().Set("Connection", "close")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func (app *application) enableCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		next.ServeHTTP(w, r)
	})
}

func (app *application) requireActivatedUser(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { next(w, r) }
}

func (app *application) healthcheckHandler(w http.ResponseWriter, r *http.Request)               {}
func (app *application) registerUserHandler(w http.ResponseWriter, r *http.Request)              {}
func (app *application) activateUserHandler(w http.ResponseWriter, r *http.Request)              {}
func (app *application) createAuthenticationTokenHandler(w http.ResponseWriter, r *http.Request) {}
func (app *application) createPasswordResetTokenHandler(w http.ResponseWriter, r *http.Request)  {}
func (app *application) listMoviesHandler(w http.ResponseWriter, r *http.Request)                {}

// routes wraps the whole mux in the per-client limiter: no AV201.
func (app *application) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/healthcheck", app.healthcheckHandler)
	mux.HandleFunc("GET /v1/movies", app.requireActivatedUser(app.listMoviesHandler))
	mux.HandleFunc("POST /v1/users", app.registerUserHandler)
	mux.HandleFunc("PUT /v1/users/activated", app.activateUserHandler)
	mux.HandleFunc("POST /v1/tokens/authentication", app.createAuthenticationTokenHandler)
	mux.HandleFunc("POST /v1/tokens/password-reset", app.createPasswordResetTokenHandler)
	mux.Handle("GET /debug/vars", expvar.Handler())
	return app.recoverPanic(app.enableCORS(app.rateLimit(mux)))
}

func (app *application) serve() error {
	srv := &http.Server{
		Addr:         fmt.Sprintf(":%d", app.config.port),
		Handler:      app.routes(),
		IdleTimeout:  time.Minute,
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
	}
	return srv.ListenAndServe()
}

func main() {
	app := &application{}
	app.serve()
}

// unlimited serves the same routes without the limiter.
func (app *application) unlimited() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/tokens/authentication", app.createAuthenticationTokenHandler) // want `AV201 .*POST /v1/tokens/authentication has no rate limiter in its middleware chain \(app.recoverPanic, app.enableCORS\)`
	return app.recoverPanic(app.enableCORS(mux))
}

func (app *application) serveUnlimited() error {
	return http.ListenAndServe(":4001", app.unlimited())
}
