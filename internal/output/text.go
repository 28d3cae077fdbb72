package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apivet/apivet/internal/rules"
	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
)

// UseColour reports whether text output to f should be coloured: f is a
// terminal, NO_COLOR is not set (to any value, even empty) and TERM is not
// "dumb".
func UseColour(f *os.File) bool {
	if f == nil {
		return false
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// palette holds the colours of the text format. Each colour is switched on
// or off explicitly, so fatih/color's global NoColor neither decides nor
// changes anything.
type palette struct {
	high, medium, low, pos, err, summary *color.Color
}

func newPalette(on bool) *palette {
	p := &palette{
		high:    color.New(color.FgRed, color.Bold),
		medium:  color.New(color.FgYellow),
		low:     color.New(color.FgCyan),
		pos:     color.New(color.Faint),
		err:     color.New(color.FgRed, color.Bold),
		summary: color.New(color.Bold),
	}
	for _, c := range []*color.Color{p.high, p.medium, p.low, p.pos, p.err, p.summary} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p *palette) severity(s rules.Severity) *color.Color {
	switch s {
	case rules.High:
		return p.high
	case rules.Medium:
		return p.medium
	}
	return p.low
}

// Text writes the report for people: one line per unsuppressed finding,
//
//	relpath:line:col: AV301 high: message
//
// with its related locations indented below it, then one line per error,
// then a one-line summary. With colour, the rule and severity are coloured
// by severity and the position is faint.
func Text(w io.Writer, r *Report, colour bool) error {
	fs, err := normalize(r.Findings)
	if err != nil {
		return err
	}
	p := newPalette(colour)
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		if f.Suppressed {
			continue
		}
		pos := posString(r.Root, f.Pos.Filename, f.Pos.Line, f.Pos.Column)
		tag := f.Rule.ID + " " + f.Rule.Severity.String()
		fmt.Fprintf(bw, "%s: %s: %s\n", p.pos.Sprint(pos), p.severity(f.Rule.Severity).Sprint(tag), oneLine(f.Message))
		for _, rel := range f.Related {
			if rel.Pos.Filename == "" {
				fmt.Fprintf(bw, "\t%s\n", oneLine(rel.Message))
				continue
			}
			rp := posString(r.Root, rel.Pos.Filename, rel.Pos.Line, rel.Pos.Column)
			fmt.Fprintf(bw, "\t%s: %s\n", p.pos.Sprint(rp), oneLine(rel.Message))
		}
	}
	for _, e := range r.Errors {
		var where string
		switch {
		case e.Pos != "":
			file, line, col := splitPos(e.Pos)
			where = posString(r.Root, file, line, col)
		case e.Package != "":
			where = e.Package
		}
		if where != "" {
			fmt.Fprintf(bw, "%s: ", p.pos.Sprint(where))
		}
		fmt.Fprintf(bw, "%s %s\n", p.err.Sprint("error:"), oneLine(e.Message))
	}
	fmt.Fprintln(bw, p.summary.Sprint(summaryLine(r, fs)))
	return bw.Flush()
}

// oneLine keeps a multi-line message (a compiler error list) readable by
// indenting its continuation lines.
func oneLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return strings.ReplaceAll(s, "\n", "\n\t")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// summaryLine is e.g. "apivet: 3 findings (2 high, 1 medium) in 12
// packages; 1 suppressed; 1 package failed to load".
func summaryLine(r *Report, fs []Finding) string {
	c := count(fs)
	var b strings.Builder
	b.WriteString(r.tool() + ": ")
	if c.findings == 0 {
		b.WriteString("no findings")
	} else {
		b.WriteString(plural(c.findings, "finding", "findings"))
		var sev []string
		for _, x := range []struct {
			n    int
			name string
		}{{c.high, "high"}, {c.medium, "medium"}, {c.low, "low"}} {
			if x.n > 0 {
				sev = append(sev, fmt.Sprintf("%d %s", x.n, x.name))
			}
		}
		b.WriteString(" (" + strings.Join(sev, ", ") + ")")
	}
	b.WriteString(" in " + plural(r.Packages, "package", "packages"))
	if c.suppressed > 0 {
		fmt.Fprintf(&b, "; %d suppressed", c.suppressed)
	}
	failed := map[string]bool{}
	other := 0
	for _, e := range r.Errors {
		if e.Package != "" {
			failed[e.Package] = true
		} else {
			other++
		}
	}
	if len(failed) > 0 {
		b.WriteString("; " + plural(len(failed), "package", "packages") + " failed to load")
	}
	if other > 0 {
		b.WriteString("; " + plural(other, "error", "errors"))
	}
	return b.String()
}
