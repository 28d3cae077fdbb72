// Package rpc is a small JSON-RPC-over-HTTP server: one POST endpoint,
// methods looked up in a map of method values.
package rpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"example.com/apivettest/corpus/rpcd/internal/authsvc"
	"example.com/apivettest/corpus/rpcd/internal/config"
	"example.com/apivettest/corpus/rpcd/internal/store"
)

// Method is one RPC method.
type Method func(ctx context.Context, params json.RawMessage) (any, error)

// Server dispatches calls.
type Server struct {
	methods map[string]Method
	auth    *authsvc.Service
	store   *store.Store
	log     *slog.Logger
}

type unknownMethodError struct{ name string }

func (e *unknownMethodError) Error() string { return fmt.Sprintf("unknown method %q", e.name) }

type paramsError struct{ err error }

func (e *paramsError) Error() string { return "invalid params: " + e.err.Error() }

// NewServer builds the server and its method table.
func NewServer(auth *authsvc.Service, st *store.Store, log *slog.Logger) *Server {
	s := &Server{auth: auth, store: st, log: log}
	s.methods = map[string]Method{
		"users.where":     s.usersWhere,
		"users.search":    s.usersSearch,
		"team.members":    s.teamMembers,
		"sessions.revoke": s.revokeSessions,
		"users.transfer":  s.transfer,
	}
	return s
}

type call struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	ID     any             `json:"id"`
}

type result struct {
	ID     any    `json:"id"`
	Result any    `json:"result,omitempty"`
	Error  string `json:"error,omitempty"`
}

func decodeParams[T any](raw json.RawMessage) (T, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, &paramsError{err: err}
	}
	return v, nil
}

func (s *Server) dispatch(ctx context.Context, c call) (any, error) {
	m, ok := s.methods[c.Method]
	if !ok {
		return nil, &unknownMethodError{name: c.Method}
	}
	return m(ctx, c.Params)
}

// Serve handles one call.
func (s *Server) Serve(w http.ResponseWriter, r *http.Request) {
	var c call
	// capped at config.MaxRPCBody
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, config.MaxRPCBody)).Decode(&c); err != nil { // safe:transport
		http.Error(w, "the body is not a JSON-RPC call", http.StatusBadRequest)
		return
	}
	res, err := s.dispatch(r.Context(), c)
	var unknown *unknownMethodError
	var bad *paramsError
	switch {
	case errors.As(err, &unknown):
		// 400 naming the client's own method: the handler's check
		http.Error(w, unknown.Error(), http.StatusBadRequest) // safe:exposure
		return
	case errors.As(err, &bad):
		// the client's own malformed params, on a 400
		http.Error(w, bad.Error(), http.StatusBadRequest) // safe:exposure
		return
	case err != nil:
		s.log.Error("rpc", "method", c.Method, "err", err)
		// the store's error text on a 500
		http.Error(w, fmt.Sprintf("rpc: %v", err), http.StatusInternalServerError) // vuln:exposure
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(result{ID: c.ID, Result: res})
}

// Batch handles an array of calls.
func (s *Server) Batch(w http.ResponseWriter, r *http.Request) {
	// the whole batch is read with no size limit
	body, err := io.ReadAll(r.Body) // vuln:transport
	if err != nil {
		http.Error(w, "could not read batch", http.StatusBadRequest)
		return
	}
	var calls []call
	if err := json.Unmarshal(body, &calls); err != nil {
		http.Error(w, "the body is not a JSON-RPC batch", http.StatusBadRequest)
		return
	}
	out := make([]result, 0, len(calls))
	for _, c := range calls {
		res, err := s.dispatch(r.Context(), c)
		if err != nil {
			s.log.Error("rpc batch", "method", c.Method, "err", err)
			out = append(out, result{ID: c.ID, Error: "call failed"})
			continue
		}
		out = append(out, result{ID: c.ID, Result: res})
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

type bearerKey struct{}

func (s *Server) requireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "bearer token required", http.StatusUnauthorized)
			return
		}
		c, err := s.auth.Verify(raw)
		if err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), bearerKey{}, c)))
	})
}

func (s *Server) usersWhere(ctx context.Context, raw json.RawMessage) (any, error) {
	f, err := decodeParams[[]store.Filter](raw)
	if err != nil {
		return nil, err
	}
	return s.store.UsersWhere(ctx, f)
}

func (s *Server) usersSearch(ctx context.Context, raw json.RawMessage) (any, error) {
	p, err := decodeParams[struct{ Text string }](raw)
	if err != nil {
		return nil, err
	}
	return s.store.SearchUsers(ctx, p.Text)
}

func (s *Server) teamMembers(ctx context.Context, raw json.RawMessage) (any, error) {
	p, err := decodeParams[struct{ Team string }](raw)
	if err != nil {
		return nil, err
	}
	return s.store.TeamMembers(ctx, p.Team)
}

func (s *Server) revokeSessions(ctx context.Context, raw json.RawMessage) (any, error) {
	p, err := decodeParams[struct{ UserID string }](raw)
	if err != nil {
		return nil, err
	}
	return nil, s.store.RevokeSessions(ctx, p.UserID)
}

func (s *Server) transfer(ctx context.Context, raw json.RawMessage) (any, error) {
	p, err := decodeParams[struct{ UserID, Team string }](raw)
	if err != nil {
		return nil, err
	}
	return nil, s.store.Transfer(ctx, p.UserID, p.Team)
}
