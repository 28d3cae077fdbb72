package transport

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/rules"
	"github.com/apivet/apivet/passes/routes"
	"golang.org/x/tools/go/analysis"
)

// --- AV805 request bodies read with no size limit ---

// checkBodies reports, for every route whose chain bounds no request
// body, the places where its handler reads the body whole.
func (c *checker) checkBodies(res *routes.Result) {
	dirs := &directives{pass: c.pass}
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
		case deferred(r):
			// The packages calling the exported function judge the route
			// with its whole chain; an //apivet:ignore on a read here
			// still covers it.
			c.consumeDirectives(r.HandlerSummary.Reads, dirs)
			continue
		}
		if !bodyMethods[r.Method] || r.Static || r.Mount || r.Router.Kind == routes.Fiber {
			// fiber (fasthttp) refuses bodies over Config.BodyLimit, 4 MiB
			// unless configured.
			c.consumeDirectives(r.HandlerSummary.Reads, dirs)
			continue
		}
		if limited, unknown := bodyLimited(r); limited || unknown {
			c.consumeDirectives(r.HandlerSummary.Reads, dirs)
			continue
		}
		for _, rd := range r.HandlerSummary.Reads {
			if rd.Memory > 0 && rd.Memory <= maxMultipartMemory {
				continue
			}
			if rd.Origin != nil && foreignSkipped(rd.Origin, "AV805") {
				continue
			}
			c.rep.Report(lint.Finding{Rule: "AV805", Node: span{rd.Pos, rd.Pos}, Message: bodyMessage(r, rd)})
		}
	}
	c.consumeFuncDirectives(res, dirs)
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

// consumeDirectives reports the reads of this package that an
// //apivet:ignore AV805 names, so that the directive counts as used: the
// finding itself may come from the package that judges the route.
func (c *checker) consumeDirectives(reads []routes.Read, dirs *directives) {
	for _, rd := range reads {
		if rd.Origin == nil && rd.Pos.IsValid() && dirs.names(rd.Pos, "AV805") {
			c.rep.Report(lint.Finding{Rule: "AV805", Node: span{rd.Pos, rd.Pos}, Message: "request body read with no size limit (judged where the route is registered)"})
		}
	}
}

// consumeFuncDirectives does the same for the functions of this package
// that hold an //apivet:ignore AV805: a handler another package registers.
func (c *checker) consumeFuncDirectives(res *routes.Result, dirs *directives) {
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
				c.consumeDirectives(res.Summary(fn).Reads, dirs)
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

// deferred reports a route on the router parameter of an exported
// function its package never calls, or on a router an exported function
// returns without serving it: the importing package judges it.
func deferred(r *routes.Route) bool {
	top := r.Router.Top()
	if top.Returned && !top.Escapes && !top.Served {
		return true
	}
	fn := top.Func
	return top.Param != nil && fn != nil && fn.Exported() && fn.Pkg() != nil && fn.Pkg().Name() != "main"
}

// foreignSkipped applies the file settings to a line of another package.
func foreignSkipped(o *routes.Origin, id string) bool {
	if o.Ignored(id) || (o.Generated && !opts.Generated) || (!opts.Tests && strings.HasSuffix(o.File, "_test.go")) {
		return true
	}
	globs := rules.SplitList(opts.Exclude)
	return len(globs) > 0 && lint.MatchPath(globs, o.File)
}

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// directives finds //apivet:ignore directives by position.
type directives struct {
	pass  *analysis.Pass
	files map[*token.File][]*lint.Directive
}

func (d *directives) names(pos token.Pos, id string) bool {
	tf := d.pass.Fset.File(pos)
	if tf == nil {
		return false
	}
	if d.files == nil {
		d.files = map[*token.File][]*lint.Directive{}
		for _, f := range d.pass.Files {
			d.files[d.pass.Fset.File(f.FileStart)] = lint.ParseDirectives(d.pass.Fset, f)
		}
	}
	line := tf.Line(pos)
	for _, x := range d.files[tf] {
		if x.Valid() && (x.Line == line || x.Line == line-1) && x.Names(id) {
			return true
		}
	}
	return false
}
