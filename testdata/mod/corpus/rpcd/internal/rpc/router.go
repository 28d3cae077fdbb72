package rpc

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/unrolled/secure"
	"golang.org/x/time/rate"

	"example.com/apivettest/corpus/rpcd/internal/corsx"
)

// Middleware is the usual net/http middleware shape.
type Middleware = func(http.Handler) http.Handler

// chain applies middlewares so that the first one is outermost.
func chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Limiter is a global token bucket for the credential endpoints.
type Limiter struct{ l *rate.Limiter }

// NewLimiter allows per requests per second with the given burst.
func NewLimiter(per float64, burst int) *Limiter {
	return &Limiter{l: rate.NewLimiter(rate.Limit(per), burst)}
}

// Wrap answers 429 when a reservation would have to wait more than a second.
func (l *Limiter) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res := l.l.Reserve()
		if d := res.Delay(); d > time.Second {
			res.Cancel()
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func logRequests(log *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.Info("request", "method", r.Method, "path", r.URL.Path)
			next.ServeHTTP(w, r)
		})
	}
}

// NewRouter builds the API handler.
func NewRouter(origins []string, s *Server, a *AuthHandlers, lim *Limiter, log *slog.Logger) http.Handler {
	// unrolled/secure below sends HSTS, frame denial and nosniff
	mux := http.NewServeMux() // safe:headers
	// the limiter wraps the handler
	mux.Handle("POST /auth/login", lim.Wrap(http.HandlerFunc(a.Login))) // safe:ratelimit
	// the variadic chain contains the limiter
	mux.Handle("POST /auth/register", chain(http.HandlerFunc(a.Register), logRequests(log), lim.Wrap)) // safe:ratelimit
	// codes are texted for every request
	mux.HandleFunc("POST /auth/otp", a.SendOTP) // vuln:ratelimit
	// no limiter; the cookie it relies on is SameSite=Strict, so CSRF is not a concern
	mux.HandleFunc("POST /auth/refresh", a.Refresh) // vuln:ratelimit // safe:exposure
	// public keys, read with GET
	mux.HandleFunc("GET /auth/keys", a.Keys) // safe:ratelimit
	// bearer-authenticated
	mux.Handle("POST /rpc", chain(http.HandlerFunc(s.Serve), s.requireBearer)) // safe:exposure
	mux.Handle("POST /rpc/batch", chain(http.HandlerFunc(s.Batch), s.requireBearer))
	mux.Handle("POST /desktop/rpc", corsx.Electron(chain(http.HandlerFunc(s.Serve), s.requireBearer)))

	sec := secure.New(secure.Options{
		STSSeconds:         31536000,
		FrameDeny:          true,
		ContentTypeNosniff: true,
		SSLProxyHeaders:    map[string]string{"X-Forwarded-Proto": "https"},
	})
	return sec.Handler(corsx.API(origins, mux))
}
