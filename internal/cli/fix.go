package cli

import (
	"fmt"
	"go/format"
	"os"
	"sort"

	"github.com/apivet/apivet/internal/driver"
)

type edit struct {
	start, end int
	text       []byte
}

// applyFixes applies the first suggested fix of each finding. Edits to one
// file are applied together; a fix whose edits overlap an earlier fix's is
// skipped. Files are gofmt'ed when they still parse.
func applyFixes(fixes []driver.Fix) (int, error) {
	byFile := map[string][]edit{}
	applied := 0
	for _, fx := range fixes {
		var es []edit
		file := ""
		ok := true
		for _, te := range fx.Fix.TextEdits {
			tf := fx.Fset.File(te.Pos)
			if tf == nil {
				ok = false
				break
			}
			if file == "" {
				file = tf.Name()
			} else if file != tf.Name() {
				ok = false // fixes spanning files are not applied
				break
			}
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			es = append(es, edit{tf.Offset(te.Pos), tf.Offset(end), te.NewText})
		}
		if !ok || file == "" {
			continue
		}
		if overlaps(byFile[file], es) {
			continue
		}
		byFile[file] = append(byFile[file], es...)
		applied++
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return 0, err
		}
		es := byFile[name]
		sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
		var out []byte
		last := 0
		for _, e := range es {
			if e.start < last || e.end > len(src) {
				return 0, fmt.Errorf("%s: conflicting edits", name)
			}
			out = append(out, src[last:e.start]...)
			out = append(out, e.text...)
			last = e.end
		}
		out = append(out, src[last:]...)
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		info, err := os.Stat(name)
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(name, out, info.Mode()); err != nil {
			return 0, err
		}
	}
	return applied, nil
}

func overlaps(have, add []edit) bool {
	for _, a := range add {
		for _, h := range have {
			if a.start < h.end && h.start < a.end || a.start == h.start {
				return true
			}
		}
	}
	return false
}
