// Package cli is the apivet command line: flag parsing, the config file,
// the subcommands (rules, explain, version), output and exit status. The
// go vet protocol is handled before this package is reached (cmd/apivet).
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/docs"
	"github.com/apivet/apivet/internal/config"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/output"
	"github.com/apivet/apivet/internal/rules"
	"golang.org/x/tools/go/analysis"
)

// Version is apivet's version when the binary carries no module version
// (a build from a checkout).
const Version = "v0.1.0-dev"

// Exit codes.
const (
	ExitClean    = 0 // no findings at or above the threshold
	ExitFindings = 1 // findings
	ExitError    = 2 // usage, config or load error
)

// ToolVersion returns the version of the running binary.
func ToolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return Version
}

const usage = `apivet: a security linter for Go web APIs

Usage:
  apivet [flags] [packages]     analyse packages (default ./...)
  apivet rules [-json]          list the rules
  apivet explain AVnnn          print a rule's documentation
  apivet version                print the version
  go vet -vettool=$(command -v apivet) [vet flags] [packages]

Exit status: 0 no findings, 1 findings, 2 usage, config or load error.

Flags:
`

// Main runs the command line and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(args[1:], stdout, stderr)
		case "explain":
			return cmdExplain(args[1:], stdout, stderr)
		case "version":
			fmt.Fprintf(stdout, "apivet %s\n", ToolVersion())
			return ExitClean
		case "help":
			args = []string{"-h"}
		}
	}
	return analyse(args, stdout, stderr)
}

type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = append(*l, rules.SplitList(s)...)
	return nil
}

type options struct {
	format, out, configPath, minSeverity, tags, dir, color string
	baseline, writeBaseline                                string
	enable, disable                                        listFlag
	tests, fix, noConfig                                   bool
}

func analyse(args []string, stdout, stderr io.Writer) int {
	all := analyzers.All()
	var o options
	fs := flag.NewFlagSet("apivet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "", "output format: text, json or sarif (default text)")
	fs.StringVar(&o.out, "out", "", "write the report to `file` instead of standard output")
	fs.StringVar(&o.configPath, "config", "", "config `file` (default: .apivet.yml in the working directory or a parent)")
	fs.BoolVar(&o.noConfig, "no-config", false, "ignore .apivet.yml files")
	fs.Var(&o.enable, "enable", "rule IDs or families to turn on, comma-separated (e.g. AV104,jwt)")
	fs.Var(&o.disable, "disable", "rule IDs or families to turn off, comma-separated (e.g. AV302,secrets)")
	fs.StringVar(&o.minSeverity, "min-severity", "", "report only findings at or above this severity: low, medium, high")
	fs.BoolVar(&o.tests, "tests", false, "also analyse _test.go files")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes of the findings that have one")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before loading packages")
	fs.StringVar(&o.color, "color", "auto", "colour text output: auto (terminal and NO_COLOR unset), always, never")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings that are not in this baseline `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the current findings to this baseline `file`")
	// Every analyzer flag, prefixed with the analyzer's name, as go vet
	// spells them: -jwt.max-access-lifetime=1h.
	for _, a := range all {
		a := a
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.VisitAll(func(f *flag.Flag) {
			if strings.Contains(f.Name, ".") {
				return
			}
			name, u := flag.UnquoteUsage(f)
			fmt.Fprintf(stderr, "  -%s %s\n    \t%s\n", f.Name, name, u)
		})
		fmt.Fprintln(stderr, "\nAnalyzer flags (also settable in .apivet.yml under settings.<analyzer>):")
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(f.Name, ".") {
				return
			}
			name, u := flag.UnquoteUsage(f)
			fmt.Fprintf(stderr, "  -%s %s\n    \t%s\n", f.Name, name, u)
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	// Remember the analyzer flags given on the command line: they win over
	// the config file, which is applied next.
	cmdline := map[string]string{}
	fs.Visit(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") {
			cmdline[f.Name] = f.Value.String()
		}
	})

	dir := o.dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	dir, _ = filepath.Abs(dir)

	// Config file.
	cfgPath := o.configPath
	if cfgPath == "" && !o.noConfig {
		p, err := config.Find(dir)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return ExitError
		}
		cfgPath = p
	}
	var cfg *config.Config
	if cfgPath != "" {
		c, err := config.Load(cfgPath, all)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return ExitError
		}
		cfg = c
		if err := config.Apply(all, c.FlagValues()); err != nil {
			fmt.Fprintf(stderr, "apivet: %s: %v\n", cfgPath, err)
			return ExitError
		}
	}
	for name, v := range cmdline {
		if err := fs.Set(name, v); err != nil {
			fmt.Fprintf(stderr, "apivet: -%s: %v\n", name, err)
			return ExitError
		}
	}
	if err := applyGlobals(all, &o); err != nil {
		fmt.Fprintf(stderr, "apivet: %v\n", err)
		return ExitError
	}
	// The standalone driver shows suppressed findings in SARIF.
	for _, a := range all {
		if f := a.Flags.Lookup("report-suppressed"); f != nil {
			_ = f.Value.Set("true")
		}
	}

	format := o.format
	if format == "" && cfg != nil {
		format = cfg.Format
	}
	if format == "" {
		format = "text"
	}
	switch format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "apivet: -format %q: want text, json or sarif\n", format)
		return ExitError
	}
	outPath := o.out
	if outPath == "" && cfg != nil {
		outPath = cfg.Output
	}

	res, err := driver.Run(driver.Options{
		Dir:       dir,
		Patterns:  fs.Args(),
		Tests:     testsEnabled(all),
		Tags:      o.tags,
		Analyzers: all,
	})
	if err != nil {
		fmt.Fprintf(stderr, "apivet: %v\n", err)
		return ExitError
	}
	rep := res.Report
	rep.Version = ToolVersion()

	if o.baseline != "" {
		b, err := readBaseline(o.baseline)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return ExitError
		}
		rep.Findings = b.filter(rep.Findings)
	}
	if o.writeBaseline != "" {
		if err := writeBaseline(o.writeBaseline, rep); err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return ExitError
		}
	}

	if o.fix && len(res.Fixes) > 0 {
		n, err := applyFixes(res.Fixes)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: -fix: %v\n", err)
			return ExitError
		}
		fmt.Fprintf(stderr, "apivet: applied %d fix(es)\n", n)
	}

	var w io.Writer = stdout
	var file *os.File
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return ExitError
		}
		file = f
		w = f
	}
	var werr error
	switch format {
	case "json":
		werr = output.JSON(w, rep)
	case "sarif":
		werr = output.SARIF(w, rep)
	default:
		colour := false
		switch o.color {
		case "always":
			colour = true
		case "never":
		default:
			if f, ok := w.(*os.File); ok {
				colour = output.UseColour(f)
			}
		}
		werr = output.Text(w, rep, colour)
	}
	if file != nil {
		if err := file.Close(); err != nil && werr == nil {
			werr = err
		}
	}
	if werr != nil {
		fmt.Fprintf(stderr, "apivet: writing report: %v\n", werr)
		return ExitError
	}
	if len(rep.Errors) > 0 {
		if format != "text" || file != nil {
			for _, e := range rep.Errors {
				if e.Pos != "" {
					fmt.Fprintf(stderr, "%s: %s\n", e.Pos, e.Message)
				} else {
					fmt.Fprintf(stderr, "%s: %s\n", e.Package, e.Message)
				}
			}
		}
		return ExitError
	}
	for _, f := range rep.Findings {
		if !f.Suppressed {
			return ExitFindings
		}
	}
	return ExitClean
}

// applyGlobals maps the command line's -enable, -disable, -min-severity and
// -tests onto every analyzer's common flags, on top of the config file.
func applyGlobals(all []*analysis.Analyzer, o *options) error {
	if _, err := rules.Resolve(o.enable); err != nil {
		return fmt.Errorf("-enable: %v", err)
	}
	if _, err := rules.Resolve(o.disable); err != nil {
		return fmt.Errorf("-disable: %v", err)
	}
	if o.minSeverity != "" {
		if _, err := rules.ParseSeverity(o.minSeverity); err != nil {
			return fmt.Errorf("-min-severity: %v", err)
		}
	}
	en, _ := rules.Resolve(o.enable)
	dis, _ := rules.Resolve(o.disable)
	for _, a := range all {
		fe, fd := a.Flags.Lookup("enable"), a.Flags.Lookup("disable")
		if fe == nil || fd == nil {
			continue
		}
		cur := func(f *flag.Flag) map[string]bool {
			ids, _ := rules.Resolve(rules.SplitList(f.Value.String()))
			m := map[string]bool{}
			for _, id := range ids {
				m[id] = true
			}
			return m
		}
		enabled, disabled := cur(fe), cur(fd)
		for _, id := range en {
			enabled[id] = true
			delete(disabled, id)
		}
		for _, id := range dis {
			disabled[id] = true
			delete(enabled, id)
		}
		if err := fe.Value.Set(joinSorted(enabled)); err != nil {
			return err
		}
		if err := fd.Value.Set(joinSorted(disabled)); err != nil {
			return err
		}
		if o.minSeverity != "" {
			if f := a.Flags.Lookup("min-severity"); f != nil {
				_ = f.Value.Set(o.minSeverity)
			}
		}
		if o.tests {
			if f := a.Flags.Lookup("tests"); f != nil {
				_ = f.Value.Set("true")
			}
		}
	}
	return nil
}

func joinSorted(m map[string]bool) string {
	var ids []string
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func testsEnabled(all []*analysis.Analyzer) bool {
	for _, a := range all {
		if f := a.Flags.Lookup("tests"); f != nil && f.Value.String() == "true" {
			return true
		}
	}
	return false
}

func cmdRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("apivet rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the catalog as JSON")
	if err := fs.Parse(args); err != nil {
		return ExitError
	}
	if *asJSON {
		return printRulesJSON(stdout)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tCWE\tDEFAULT\tNAME\tTITLE")
	for _, r := range rules.All() {
		def := "on"
		if !r.Default {
			def = "off"
		}
		cwe := r.CWEs()
		if cwe == "" {
			cwe = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, cwe, def, r.Name, r.Title)
	}
	tw.Flush()
	return ExitClean
}

func cmdExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: apivet explain AVnnn")
		return ExitError
	}
	r := rules.ByID(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "apivet: unknown rule %q (see `apivet rules`)\n", args[0])
		return ExitError
	}
	page, ok := docs.RulePage(r.ID)
	if !ok {
		fmt.Fprintf(stdout, "%s: %s\n\n%s\n", r.ID, r.Title, r.Summary)
		return ExitClean
	}
	fmt.Fprint(stdout, page)
	return ExitClean
}

func printRulesJSON(stdout io.Writer) int {
	type ruleJSON struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Title      string   `json:"title"`
		Summary    string   `json:"summary"`
		Family     string   `json:"family"`
		Analyzer   string   `json:"analyzer"`
		Severity   string   `json:"severity"`
		Confidence string   `json:"confidence"`
		CWE        []string `json:"cwe"`
		Default    bool     `json:"enabledByDefault"`
		URL        string   `json:"url"`
	}
	var out []ruleJSON
	for _, r := range rules.All() {
		cwe := []string{}
		for _, c := range r.CWE {
			cwe = append(cwe, fmt.Sprintf("CWE-%d", c))
		}
		out = append(out, ruleJSON{r.ID, r.Name, r.Title, r.Summary, r.Family().Name, r.Family().Analyzer,
			r.Severity.String(), r.Confidence.String(), cwe, r.Default, r.DocURL()})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return ExitError
	}
	return ExitClean
}
