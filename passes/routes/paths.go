package routes

import (
	"strings"

	"github.com/apivet/apivet/internal/typesx"
)

// unknownPart stands for a path piece whose value is not constant.
const unknownPart = "…"

// joinPath joins a prefix and a relative path with exactly one slash
// between them, keeping a trailing slash of the relative path.
func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasSuffix(a, "/") && strings.HasPrefix(b, "/"):
		return a + b[1:]
	case !strings.HasSuffix(a, "/") && !strings.HasPrefix(b, "/"):
		return a + "/" + b
	}
	return a + b
}

// mountPrefix turns a mount pattern into a prefix: chi's "/api/*" and
// ServeMux's "/api/" become "/api".
func mountPrefix(p string) string {
	p = strings.TrimSuffix(p, "*")
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	if p == "/" {
		return ""
	}
	return p
}

// parsePattern splits a net/http ServeMux pattern ("POST /login",
// "GET example.com/items/{id}", "/static/") into its method and path.
func parsePattern(p string) (method, path string) {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, " \t"); i > 0 {
		m := p[:i]
		if strings.ToUpper(m) == m && !strings.Contains(m, "/") {
			method = m
			p = strings.TrimSpace(p[i+1:])
		}
	}
	if !strings.HasPrefix(p, "/") {
		if i := strings.Index(p, "/"); i >= 0 {
			p = p[i:] // drop the host
		}
	}
	return method, p
}

// PathWords splits a route path into the lower-case words of its literal
// segments, dropping parameters ({id}, :id, *rest) and unknown parts. Each
// element is one segment's words.
func PathWords(path string) [][]string {
	var out [][]string
	for _, seg := range strings.Split(path, "/") {
		if seg == "" || seg == unknownPart || strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "*") ||
			(strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}")) || strings.HasPrefix(seg, "<") {
			continue
		}
		seg = strings.ReplaceAll(seg, unknownPart, " ")
		if w := typesx.NameWords(seg); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// IsOpsPath reports whether a path serves health, readiness, metrics or
// profiling: its last literal segment is such a word (/healthz,
// /api/v1/health, /metrics) or it lies under one (/debug/pprof/heap).
func IsOpsPath(path string, words map[string]bool) bool {
	if words == nil {
		words = opsPathWords
	}
	segs := PathWords(path)
	if len(segs) == 0 {
		return false
	}
	has := func(seg []string) bool {
		for _, w := range seg {
			if words[w] {
				return true
			}
		}
		return false
	}
	if has(segs[len(segs)-1]) || has(segs[0]) {
		return true
	}
	for _, seg := range segs { // /debug/pprof/heap
		for _, w := range seg {
			if w == "pprof" && words[w] {
				return true
			}
		}
	}
	return false
}

// OpsPathWords returns a copy of the default list of ops path words.
func OpsPathWords() []string {
	var out []string
	for w := range opsPathWords {
		out = append(out, w)
	}
	return out
}
