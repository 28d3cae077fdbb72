package routes_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testenv"
	"github.com/apivet/apivet/passes/routes"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// probe reports the route graph: each route on its registration line as
// "METHOD PATH [chain] handler", each router on the line that creates it,
// and each server start.
var probe = &analysis.Analyzer{
	Name:       "routesprobe",
	Doc:        "reports the routes pass's graph",
	Requires:   []*analysis.Analyzer{routes.Analyzer},
	ResultType: reflect.TypeOf(nil),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[routes.Analyzer].(*routes.Result)
		for _, r := range res.Routes {
			if !r.Pos.IsValid() {
				continue
			}
			m := r.Method
			if m == "" {
				m = "ANY"
			}
			path := r.Path
			if !r.PathKnown {
				path += "?"
			}
			ext := ""
			if r.External {
				ext = " (external)"
			}
			pass.Reportf(r.Pos, "%s %s [%s] %s%s", m, path, chain(r.Chain), handler(r), ext)
		}
		for _, r := range res.Routers {
			if !r.Created.IsValid() {
				continue
			}
			var flags []string
			if r.Served {
				flags = append(flags, "served")
			}
			if r.Escapes {
				flags = append(flags, "escapes")
			}
			if r.Returned {
				flags = append(flags, "returned")
			}
			if r.Parent != nil {
				flags = append(flags, "mounted")
			}
			if r.HTML {
				flags = append(flags, "html")
			}
			pass.Reportf(r.Created, "router %s %s (%s) [%s]", r.Kind, r.Display, strings.Join(flags, " "), chain(r.Middleware))
		}
		for _, s := range res.Starts {
			name := "?"
			if s.Router != nil {
				name = string(s.Router.Kind) + " " + s.Router.Display
			}
			pass.Reportf(s.Pos, "start %s %s", s.Via, name)
		}
		return nil, nil
	},
}

func handler(r *routes.Route) string {
	s := r.HandlerName
	if c := r.HandlerSummary.Caps; c != 0 {
		s += "{" + c.String() + "}"
	}
	return s
}

func chain(ms []*routes.Middleware) string {
	var parts []string
	for _, m := range ms {
		s := m.Name
		if m.Caps != 0 {
			s += "{" + m.Caps.String() + "}"
		}
		if len(m.Headers) > 0 {
			var hs []string
			for _, h := range m.Headers {
				hs = append(hs, h.Name)
			}
			s += "<" + strings.Join(hs, ",") + ">"
		}
		if m.Unknown {
			s += "?"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// TestGraph checks the route graph of a service per framework, across
// packages, with the probe's one-line rendering of each route, router and
// server start.
func TestGraph(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), probe, "./routes/graph/...")
}

// TestFacts checks the MiddlewareFacts and RouterFacts exported for the
// module's functions.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testenv.Module(t), routes.Analyzer, "./routes/facts/...")
}
