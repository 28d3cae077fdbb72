package routes

import (
	"strings"
)

// finish computes every route's path and middleware chain and fills the
// Result.
func (b *builder) finish() {
	for _, r := range b.routers {
		if r.root.shadow {
			continue
		}
		b.collect(r.root, r)
		r.Middleware = b.chain(r.root, when{}, "", false, nil)
		b.res.Routers = append(b.res.Routers, r)
		b.res.Routes = append(b.res.Routes, r.Routes...)
	}
}

// collect fills r.Routes from the nodes of r (not from routers mounted
// into it).
func (b *builder) collect(n *node, r *Router) {
	for _, ev := range n.routes {
		prefix, known := b.fullPrefix(n, nil)
		ev.r.Path = joinPath(prefix, ev.rel)
		ev.r.PathKnown = known && ev.relKnown
		chain := b.chain(n, ev.at, ev.r.Path, ev.r.PathKnown, nil)
		chain = append(chain, ev.below...)
		ev.r.Chain = append(chain, ev.args...)
		r.Routes = append(r.Routes, ev.r)
	}
	for _, c := range n.children {
		if c.router == r {
			b.collect(c, r)
		}
	}
}

// fullPrefix joins the prefixes from the top (or from below stop) down to
// n.
func (b *builder) fullPrefix(n, stop *node) (string, bool) {
	var parts []string
	known := true
	for i := 0; n != nil && n != stop && i < 64; i++ {
		parts = append(parts, n.prefix)
		known = known && n.prefixKnown
		n = n.parent
	}
	p := ""
	for i := len(parts) - 1; i >= 0; i-- {
		p = joinPath(p, parts[i])
	}
	return p, known
}

// chain returns the middleware of n that applies to a route registered at
// time t with the given full path, outermost first. Walking up stops below
// stop.
func (b *builder) chain(n *node, t when, full string, fullKnown bool, stop *node) []*Middleware {
	var out []*Middleware
	b.chainInto(&out, n, t, full, fullKnown, stop, 0)
	return out
}

func (b *builder) chainInto(out *[]*Middleware, n *node, t when, full string, fullKnown bool, stop *node, depth int) {
	if n == nil || n == stop || depth > 64 {
		return
	}
	if n.parent != nil && n.parent != stop {
		pt := t
		if n.snapshot {
			pt = n.created
		}
		b.chainInto(out, n.parent, pt, full, fullKnown, stop, depth+1)
	}
	*out = append(*out, n.mountMW...)
	*out = append(*out, n.args...)
	for _, u := range n.uses {
		if n.ordered && !u.at.before(t) {
			continue
		}
		if u.prefix != "" && u.prefixKnown && fullKnown {
			p, known := b.fullPrefix(n, nil)
			up := joinPath(p, u.prefix)
			if known && !hasPathPrefix(full, up) {
				continue
			}
		}
		*out = append(*out, u.mws...)
	}
}

func hasPathPrefix(path, prefix string) bool {
	prefix = strings.TrimSuffix(prefix, "/")
	if prefix == "" {
		return true
	}
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}
