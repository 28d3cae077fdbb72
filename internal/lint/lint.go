// Package lint holds what every apivet family analyzer shares: the common
// flags (disabled and enabled rules, minimum severity, test and generated
// files), the //apivet:ignore directives, and the Reporter through which
// every finding goes. Everything that changes what is reported lives here,
// inside the analyzers, so that the standalone driver, go vet, golangci-lint
// and nogo report the same findings.
package lint

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/rules"
	"golang.org/x/tools/go/analysis"
)

// SuppressedPrefix marks the Related entry that the Reporter attaches to a
// suppressed finding when the report-suppressed flag is on. The standalone
// driver turns such findings into SARIF suppressions; nothing else sets the
// flag, so other drivers never see them.
const SuppressedPrefix = "apivet:suppressed "

// Options are the flags every family analyzer carries.
type Options struct {
	family           byte
	Disable          string
	Enable           string
	MinSeverity      string
	Tests            bool
	Generated        bool
	Exclude          string
	ReportSuppressed bool
}

// NewOptions returns the options for the family with the given digit.
func NewOptions(family byte) *Options { return &Options{family: family, MinSeverity: "low"} }

// Register defines the common flags on fs (an Analyzer's Flags).
func (o *Options) Register(fs *flag.FlagSet) {
	fs.StringVar(&o.Disable, "disable", o.Disable, "comma-separated rule IDs or families to turn off (e.g. AV302,secrets)")
	fs.StringVar(&o.Enable, "enable", o.Enable, "comma-separated rule IDs or families to turn on, including rules that are off by default")
	fs.StringVar(&o.MinSeverity, "min-severity", o.MinSeverity, "report only findings at or above this severity: low, medium or high")
	fs.BoolVar(&o.Tests, "tests", o.Tests, "also report findings in _test.go files")
	fs.BoolVar(&o.Generated, "generated", o.Generated, "also report findings in generated files (// Code generated ... DO NOT EDIT.)")
	fs.StringVar(&o.Exclude, "exclude", o.Exclude, "comma-separated path globs whose files are not reported (matched against the end of the file's path: internal/legacy/**, *_mock.go)")
	fs.BoolVar(&o.ReportSuppressed, "report-suppressed", o.ReportSuppressed, "report findings silenced by //apivet:ignore, marked as suppressed (used by the apivet driver for SARIF)")
}

// settings is the parsed form of Options for one pass.
type settings struct {
	enabled map[string]bool
	minSev  rules.Severity
}

func (o *Options) parse() (*settings, error) {
	s := &settings{enabled: map[string]bool{}}
	for _, r := range rules.All() {
		s.enabled[r.ID] = r.Default
	}
	en, err := rules.Resolve(rules.SplitList(o.Enable))
	if err != nil {
		return nil, fmt.Errorf("-enable: %v", err)
	}
	dis, err := rules.Resolve(rules.SplitList(o.Disable))
	if err != nil {
		return nil, fmt.Errorf("-disable: %v", err)
	}
	for _, id := range en {
		s.enabled[id] = true
	}
	for _, id := range dis {
		s.enabled[id] = false
	}
	if s.minSev, err = rules.ParseSeverity(o.MinSeverity); err != nil {
		return nil, fmt.Errorf("-min-severity: %v", err)
	}
	return s, nil
}

// Reporter reports one pass's findings through the catalog, the flags and
// the //apivet:ignore directives.
type Reporter struct {
	pass   *analysis.Pass
	opts   *Options
	set    *settings
	dirs   map[*token.File][]*Directive
	skip   map[*token.File]bool
	files  []*ast.File
	seen   map[string]bool
	family byte
}

// NewReporter prepares the reporter for a pass. It fails only on bad flag
// values, which the analyzer returns as its error.
func NewReporter(pass *analysis.Pass, opts *Options) (*Reporter, error) {
	set, err := opts.parse()
	if err != nil {
		return nil, err
	}
	r := &Reporter{
		pass:   pass,
		opts:   opts,
		set:    set,
		dirs:   map[*token.File][]*Directive{},
		skip:   map[*token.File]bool{},
		seen:   map[string]bool{},
		family: opts.family,
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		if r.skipFile(f, tf) {
			r.skip[tf] = true
			continue
		}
		r.files = append(r.files, f)
		for _, d := range ParseDirectives(pass.Fset, f) {
			if d.Valid() {
				r.dirs[tf] = append(r.dirs[tf], d)
			}
		}
	}
	return r, nil
}

func (r *Reporter) skipFile(f *ast.File, tf *token.File) bool {
	// The name the user knows: cgo rewrites files into the build cache and
	// points back at the original with //line directives.
	name := r.pass.Fset.Position(f.Package).Filename
	if name == "" {
		name = tf.Name()
	}
	if !r.opts.Tests && strings.HasSuffix(name, "_test.go") {
		return true
	}
	if !r.opts.Generated && ast.IsGenerated(f) && !cgoOutput(f) {
		return true
	}
	return r.excluded(name)
}

// cgoOutput reports whether f is cmd/cgo's rewrite of a user's file, which
// carries a "Code generated" header but is the user's code.
func cgoOutput(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		if strings.Contains(cg.Text(), "Code generated by cmd/cgo") {
			return true
		}
	}
	return false
}

func (r *Reporter) excluded(filename string) bool {
	globs := rules.SplitList(r.opts.Exclude)
	if len(globs) == 0 {
		return false
	}
	return MatchPath(globs, filename)
}

// Files returns the files the analyzer should look at: the pass's files
// minus skipped test and generated files.
func (r *Reporter) Files() []*ast.File { return r.files }

// Skipped reports whether the file containing pos is not analysed.
func (r *Reporter) Skipped(pos token.Pos) bool {
	tf := r.pass.Fset.File(pos)
	return tf == nil || r.skip[tf]
}

// Enabled reports whether the rule would be reported at all.
func (r *Reporter) Enabled(id string) bool {
	rule := rules.ByID(id)
	return rule != nil && r.set.enabled[id] && rule.Severity >= r.set.minSev
}

// Finding is one diagnostic before it is reported.
type Finding struct {
	Rule    string // rule ID
	Node    analysis.Range
	Message string // lowercase, no rule prefix: what is wrong and what to do
	Related []analysis.RelatedInformation
	Fixes   []analysis.SuggestedFix
}

// Reportf reports a finding of rule id at node with a formatted message.
func (r *Reporter) Reportf(id string, node analysis.Range, format string, args ...any) {
	r.Report(Finding{Rule: id, Node: node, Message: fmt.Sprintf(format, args...)})
}

// Report reports a finding unless its rule is off, it lies in a skipped
// file, or an //apivet:ignore directive silences it. A finding is reported
// once per rule and line.
func (r *Reporter) Report(f Finding) {
	rule := rules.MustGet(f.Rule)
	if !r.Enabled(f.Rule) || f.Node == nil {
		return
	}
	pos := f.Node.Pos()
	if !pos.IsValid() || r.Skipped(pos) {
		return
	}
	// One finding per rule and line: two calls on one line are one thing
	// to fix, and a line is what editors and baselines point at.
	p := r.pass.Fset.Position(pos)
	key := fmt.Sprintf("%s@%s:%d", f.Rule, p.Filename, p.Line)
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	d := analysis.Diagnostic{
		Pos:            pos,
		End:            f.Node.End(),
		Category:       rule.ID,
		Message:        fmt.Sprintf("%s %s: %s", rule.ID, rule.Severity, f.Message),
		URL:            rule.DocURL(),
		Related:        f.Related,
		SuggestedFixes: f.Fixes,
	}
	if dir := r.suppressor(pos, rule.ID); dir != nil {
		dir.used[rule.ID] = true
		if !r.opts.ReportSuppressed {
			return
		}
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos: dir.From, End: dir.To, Message: SuppressedPrefix + dir.Reason,
		})
	}
	r.pass.Report(d)
}

func (r *Reporter) suppressor(pos token.Pos, id string) *Directive {
	tf := r.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	line := tf.Line(pos)
	for _, d := range r.dirs[tf] {
		if (d.Line == line || d.Line == line-1) && d.Names(id) {
			return d
		}
	}
	return nil
}

// Finish reports the //apivet:ignore directives naming this family's rules
// that silenced nothing (AV002). Call it once, after every finding.
func (r *Reporter) Finish() {
	if !r.Enabled("AV002") {
		return
	}
	var tfs []*token.File
	for tf := range r.dirs {
		tfs = append(tfs, tf)
	}
	sort.Slice(tfs, func(i, j int) bool { return tfs[i].Base() < tfs[j].Base() })
	for _, tf := range tfs {
		for _, d := range r.dirs[tf] {
			var unused []string
			for _, id := range d.IDs {
				if id[2] != r.family || d.used[id] {
					continue
				}
				if !r.set.enabled[id] || rules.MustGet(id).Severity < r.set.minSev {
					continue // a disabled rule cannot be matched; the ignore may matter elsewhere
				}
				unused = append(unused, id)
			}
			if len(unused) == 0 {
				continue
			}
			r.Report(Finding{
				Rule: "AV002",
				Node: d,
				Message: fmt.Sprintf("//apivet:ignore for %s matches no finding on this line or the next; delete the directive",
					strings.Join(unused, ", ")),
			})
		}
	}
}

// Suppresses reports whether a valid //apivet:ignore directive of this
// pass's files names rule id on pos's line or the line above, and marks it
// used. Analyzers that leave a finding for another package to report (a
// route registered here but judged where the router is served) call it so
// that the directive counts as used here.
func (r *Reporter) Suppresses(pos token.Pos, id string) bool {
	if d := r.suppressor(pos, id); d != nil {
		d.used[id] = true
		return true
	}
	return false
}

// SkipsFile reports whether findings in the named file (of another package:
// a finding reported on a line of a package that deferred it) are dropped
// by the common settings: test files, generated files, excluded paths.
func (r *Reporter) SkipsFile(name string, generated bool) bool {
	if !r.opts.Tests && strings.HasSuffix(name, "_test.go") {
		return true
	}
	if generated && !r.opts.Generated {
		return true
	}
	return r.excluded(name)
}
