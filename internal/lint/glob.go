package lint

import (
	"path"
	"path/filepath"
	"strings"
)

// MatchPath reports whether a file path matches one of the globs. A glob is
// matched against every trailing run of path elements, so "internal/legacy/**"
// matches /home/u/svc/internal/legacy/db/q.go and "*_mock.go" matches any
// file of that name. "**" matches any number of elements.
func MatchPath(globs []string, filename string) bool {
	elems := strings.Split(filepath.ToSlash(filename), "/")
	for _, g := range globs {
		g = strings.Trim(filepath.ToSlash(g), "/")
		if g == "" {
			continue
		}
		pat := strings.Split(g, "/")
		for i := range elems {
			if matchElems(pat, elems[i:]) {
				return true
			}
		}
	}
	return false
}

func matchElems(pat, elems []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return true
			}
			for i := 0; i <= len(elems); i++ {
				if matchElems(pat[1:], elems[i:]) {
					return true
				}
			}
			return false
		}
		if len(elems) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], elems[0]); !ok {
			return false
		}
		pat, elems = pat[1:], elems[1:]
	}
	return len(elems) == 0
}
