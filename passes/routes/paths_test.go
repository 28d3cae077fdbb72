package routes

import (
	"reflect"
	"testing"
)

func TestParsePattern(t *testing.T) {
	for _, c := range []struct{ in, method, path string }{
		{"POST /login", "POST", "/login"},
		{"GET example.com/items/{id}", "GET", "/items/{id}"},
		{"/static/", "", "/static/"},
		{"example.com/", "", "/"},
		{"  DELETE   /users/{id}  ", "DELETE", "/users/{id}"},
	} {
		m, p := parsePattern(c.in)
		if m != c.method || p != c.path {
			t.Errorf("parsePattern(%q) = %q, %q; want %q, %q", c.in, m, p, c.method, c.path)
		}
	}
}

func TestJoinPath(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"/api", "/login", "/api/login"},
		{"/api/", "/login", "/api/login"},
		{"/api", "login", "/api/login"},
		{"", "/login", "/login"},
		{"/api", "", "/api"},
		{"/api/v1", "/users/", "/api/v1/users/"},
	} {
		if got := joinPath(c.a, c.b); got != c.want {
			t.Errorf("joinPath(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
	for in, want := range map[string]string{"/api/*": "/api", "/api/": "/api", "/": "", "/*": ""} {
		if got := mountPrefix(in); got != want {
			t.Errorf("mountPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathWords(t *testing.T) {
	got := PathWords("/api/v1/users/{id}/reset-password/:token/" + unknownPart + "/signIn")
	want := [][]string{{"api"}, {"v1"}, {"users"}, {"reset", "password"}, {"sign", "in"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PathWords = %v, want %v", got, want)
	}
	for p, ops := range map[string]bool{
		"/healthz": true, "/api/v1/health": true, "/metrics": true, "/debug/pprof/heap": true,
		"/api/login": false, "/": false, "/orders/{id}": false,
	} {
		if IsOpsPath(p, nil) != ops {
			t.Errorf("IsOpsPath(%q) = %v", p, !ops)
		}
	}
}

func TestGuessCaps(t *testing.T) {
	for name, want := range map[string]Caps{
		"RateLimitMiddleware": RateLimit, "throttle": RateLimit, "BodyLimit": BodyLimit, "helmet": SecurityHeaders,
		"SecureHeaders": SecurityHeaders, "JWTAuth": Auth, "requestLogger": Logging, "CSRFProtect": CSRF,
	} {
		if got, known := guessCaps(name); got&want == 0 || !known {
			t.Errorf("guessCaps(%q) = %v, %v; want %v", name, got, known, want)
		}
	}
	if _, known := guessCaps("mw"); known {
		t.Error("guessCaps(mw) should say nothing")
	}
}
