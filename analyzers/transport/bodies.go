package transport

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/passes/routes"
)

// --- AV805 request bodies read with no size limit ---

// checkBodies reports, for every route whose chain bounds no request
// body, the places where its handler reads the body whole.
func (c *checker) checkBodies(res *routes.Result) {
	for _, r := range res.Routes {
		if r.Router == nil || r.Router.Unknown || len(r.HandlerSummary.Reads) == 0 {
			continue
		}
		switch {
		case r.External:
			// A route of another package left for this one to judge (see
			// routes.Origin): its reads lie in other files.
			if r.Origin == nil || !r.Origin.Deferred {
				continue
			}
		case !r.Pos.IsValid() || c.rep.Skipped(r.Pos):
			continue
		case r.Deferred():
			// The packages calling the exported function judge the route
			// with its whole chain; an //apivet:ignore on a read here
			// still covers it.
			c.consumeDirectives(r.HandlerSummary.Reads)
			continue
		}
		if !bodyMethods[r.Method] || r.Static || r.Mount || r.Router.Kind == routes.Fiber {
			// fiber (fasthttp) refuses bodies over Config.BodyLimit, 4 MiB
			// unless configured.
			c.consumeDirectives(r.HandlerSummary.Reads)
			continue
		}
		if limited, unknown := bodyLimited(r); limited || unknown {
			c.consumeDirectives(r.HandlerSummary.Reads)
			continue
		}
		for _, rd := range r.HandlerSummary.Reads {
			if rd.Memory > 0 && rd.Memory <= maxMultipartMemory {
				continue
			}
			if rd.Origin != nil && (rd.Origin.Ignored("AV805") || c.rep.SkipsFile(rd.Origin.File, rd.Origin.Generated)) {
				continue
			}
			c.rep.Report(lint.Finding{Rule: "AV805", Node: span{rd.Pos, rd.Pos}, Message: bodyMessage(r, rd)})
		}
	}
	c.consumeFuncDirectives(res)
}

// bodyLimited reports whether a middleware of the route's chain bounds the
// request body, and whether one of them cannot be identified.
func bodyLimited(r *routes.Route) (limited, unknown bool) {
	for _, m := range r.Chain {
		if m.Has(routes.BodyLimit) {
			return true, false
		}
		if m.Unknown {
			unknown = true
		}
	}
	return false, unknown
}

// consumeDirectives marks the //apivet:ignore AV805 directives on the
// reads of this package as used: the finding itself may come from the
// package that judges the route (it honours the directive through
// routes.Origin).
func (c *checker) consumeDirectives(reads []routes.Read) {
	for _, rd := range reads {
		if rd.Origin == nil && rd.Pos.IsValid() {
			c.rep.Suppresses(rd.Pos, "AV805")
		}
	}
}

// consumeFuncDirectives does the same for the functions of this package
// that hold an //apivet:ignore AV805: a handler another package registers.
func (c *checker) consumeFuncDirectives(res *routes.Result) {
	for _, f := range c.rep.Files() {
		lines := map[int]bool{}
		for _, d := range lint.ParseDirectives(c.pass.Fset, f) {
			if d.Valid() && d.Names("AV805") {
				lines[d.Line] = true
			}
		}
		if len(lines) == 0 {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			from, to := c.pass.Fset.Position(fd.Pos()).Line, c.pass.Fset.Position(fd.End()).Line
			holds := false
			for l := range lines {
				if l >= from && l <= to {
					holds = true
				}
			}
			if fn := c.funcOf(fd); holds && fn != nil {
				c.consumeDirectives(res.Summary(fn).Reads)
			}
		}
	}
}

// bodyMessage names the read, the route and the fix for its framework.
func bodyMessage(r *routes.Route, rd routes.Read) string {
	method := r.Method
	if method == "" {
		method = "ANY"
	}
	route := method + " " + r.Path
	if !r.PathKnown && r.HandlerName != "" {
		route += " (" + r.HandlerName + ")"
	}
	fix := bodyFixes[r.Router.Kind]
	if fix == "" {
		fix = bodyFixes[routes.NetHTTP]
	}
	if rd.Memory > 0 {
		return fmt.Sprintf("%s keeps up to %s of the upload in memory and nothing bounds the request body of %s; %s, and pass a smaller maxMemory",
			rd.What, byteSize(rd.Memory), route, fix)
	}
	return fmt.Sprintf("%s reads the request body of %s with no size limit; %s", rd.What, route, fix)
}

// byteSize renders a byte count as people write it: 64 MiB, 1 GiB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }
