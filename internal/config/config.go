// Package config reads apivet's configuration file, .apivet.yml, and turns
// it into analyzer flag values. The file only sets flags the analyzers
// already have, so a setting means the same thing in the standalone
// driver, under go vet -vettool, in golangci-lint and under nogo.
//
//	enable: [AV104, jwt]          # rule IDs or families
//	disable: [AV302]
//	min-severity: medium          # low, medium or high
//	tests: false                  # also report in _test.go files
//	generated: false              # also report in generated files
//	exclude: ["internal/legacy/**", "*_mock.go"]
//	settings:                     # per analyzer: its own flag names
//	  jwt:
//	    max-access-lifetime: 24h
//	format: text                  # text, json or sarif: the CLI's default
//	output: apivet.sarif          # the CLI's default output file
//
// Every error names the file, the line and the key.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apivet/apivet/internal/rules"
	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"
)

// FileNames are the names Find looks for, in order of preference.
var FileNames = []string{".apivet.yml", ".apivet.yaml"}

// Formats are the values of the format key.
var Formats = []string{"text", "json", "sarif"}

// CommonFlags are the flags every family analyzer carries (see
// lint.Options.Register) that the top-level keys of the same names set.
var CommonFlags = []string{"enable", "disable", "min-severity", "tests", "generated", "exclude"}

// Config is a parsed configuration file. A key that is absent from the
// file is nil or "" here and sets no flag.
type Config struct {
	Path        string   // the file it was read from
	Enable      []string // rule IDs and families, as written
	Disable     []string
	MinSeverity string // "low", "medium" or "high"
	Tests       *bool
	Generated   *bool
	Exclude     []string // path globs
	// Settings holds, per analyzer name, flag name → value as the flag
	// parses it (lists joined with commas).
	Settings map[string]map[string]string
	Format   string // "text", "json", "sarif" or ""
	Output   string // as written; relative to the working directory

	analyzers []*analysis.Analyzer
}

// Error is a problem at a place in the configuration file.
type Error struct {
	File   string
	Line   int // 1-based; 0 when unknown
	Column int // 1-based; 0 when unknown
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Find looks for .apivet.yml (or .apivet.yaml) in startDir and then in
// each parent directory up to the filesystem root. It returns "" and no
// error when there is none, and an error when one directory holds both.
func Find(startDir string) (string, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(dir); err != nil {
		return "", err
	} else if !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		var found []string
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			// A file that cannot be stat'ed (missing, or in a directory
			// we may not search) is not there.
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("both %s and %s exist; keep one", found[0], found[1])
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the configuration file at path against the rule
// catalog and the flags of the given analyzers.
func Load(path string, analyzers []*analysis.Analyzer) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, analyzers)
}

// Parse is Load on data already read; name is used in error messages.
// All problems found are returned together (joined with errors.Join), each
// an *Error.
func Parse(name string, data []byte, analyzers []*analysis.Analyzer) (*Config, error) {
	p := &parser{file: name, cfg: &Config{Path: name, analyzers: analyzers}}
	for _, a := range analyzers {
		if a != nil {
			p.byName = append(p.byName, a)
		}
	}
	p.parse(data)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return p.cfg, nil
}

type parser struct {
	file   string
	cfg    *Config
	byName []*analysis.Analyzer
	errs   []error
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{File: p.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns the parser's "yaml: line 3: ..." into an *Error. Some
// parser errors carry no line ("mapping values are not allowed in this
// context"); for those the line is found by parsing ever longer prefixes
// of the file until the same error appears.
func (p *parser) yamlError(err error, data []byte) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Msg: "invalid YAML: " + m[2]})
		return
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: errorLine(data, msg), Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")})
}

// errorLine returns the first line n such that the file's first n lines
// fail to parse with the message msg, or 0.
func errorLine(data []byte, msg string) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines) > 5000 {
		return 0
	}
	for n := 1; n <= len(lines); n++ {
		dec := yaml.NewDecoder(bytes.NewReader(bytes.Join(lines[:n], nil)))
		for {
			var node yaml.Node
			err := dec.Decode(&node)
			if err == nil {
				continue
			}
			if err.Error() == msg {
				return n
			}
			break
		}
	}
	return 0
}

func (p *parser) parse(data []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF {
			p.yamlError(err, data)
		}
		return // io.EOF: an empty file is an empty configuration
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		p.errorf(&extra, "the file holds more than one YAML document; keep one")
		return
	case err != io.EOF:
		p.yamlError(err, data)
		return
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return
		}
		root = root.Content[0]
	}
	root = deref(root)
	if isNull(root) {
		return
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "the configuration must be a mapping of keys (enable, disable, min-severity, ...), not %s", kind(root))
		return
	}
	c := p.cfg
	p.mapping(root, "key", topKeys, func(k, v *yaml.Node) {
		switch k.Value {
		case "enable":
			c.Enable = p.ruleList(k, v)
		case "disable":
			c.Disable = p.ruleList(k, v)
		case "min-severity":
			c.MinSeverity = p.severity(k, v)
		case "tests":
			c.Tests = p.boolean(k, v)
		case "generated":
			c.Generated = p.boolean(k, v)
		case "exclude":
			c.Exclude = p.globs(k, v)
		case "settings":
			p.settings(v)
		case "format":
			if s, ok := p.str(k, v); ok {
				if !contains(Formats, s) {
					p.errorf(v, "format: unknown format %q (want text, json or sarif)%s", s, didYouMean(s, Formats))
				} else {
					c.Format = s
				}
			}
		case "output":
			if s, ok := p.str(k, v); ok {
				c.Output = s
			}
		}
	})
}

var topKeys = []string{"enable", "disable", "min-severity", "tests", "generated", "exclude", "settings", "format", "output"}

// mapping calls f for each key of m, reporting non-scalar, duplicate and
// (when known is not nil) unknown keys. what names the keys in messages.
func (p *parser) mapping(m *yaml.Node, what string, known []string, f func(k, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := deref(m.Content[i]), deref(m.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "a %s must be a plain name, not %s", what, kind(k))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			p.errorf(k, "duplicate %s %q (first at line %d)", what, k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		if known != nil && !contains(known, k.Value) {
			p.errorf(k, "unknown %s %q%s", what, k.Value, didYouMean(k.Value, known))
			continue
		}
		f(k, v)
	}
}

// list reads a sequence of scalars, or one scalar split by split.
func (p *parser) list(k, v *yaml.Node, split func(string) []string) ([]string, []*yaml.Node, bool) {
	switch {
	case isNull(v):
		return []string{}, nil, true
	case v.Kind == yaml.ScalarNode:
		var out []string
		var nodes []*yaml.Node
		for _, s := range split(v.Value) {
			out = append(out, s)
			nodes = append(nodes, v)
		}
		return out, nodes, true
	case v.Kind == yaml.SequenceNode:
		out := []string{}
		var nodes []*yaml.Node
		ok := true
		for _, e := range v.Content {
			e = deref(e)
			if e.Kind != yaml.ScalarNode || isNull(e) {
				p.errorf(e, "%s: list entries must be strings, not %s", k.Value, kind(e))
				ok = false
				continue
			}
			out = append(out, e.Value)
			nodes = append(nodes, e)
		}
		return out, nodes, ok
	}
	p.errorf(v, "%s: want a list, not %s", k.Value, kind(v))
	return nil, nil, false
}

func (p *parser) ruleList(k, v *yaml.Node) []string {
	items, nodes, ok := p.list(k, v, rules.SplitList)
	if !ok {
		return nil
	}
	for i, it := range items {
		if _, err := rules.Resolve([]string{it}); err != nil {
			p.errorf(nodes[i], "%s: %v%s", k.Value, err, didYouMean(it, ruleNames()))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return items
}

// ruleNames are the names rules.Resolve accepts, for suggestions.
func ruleNames() []string {
	var out []string
	for _, r := range rules.All() {
		out = append(out, r.ID)
	}
	for _, f := range rules.Families {
		out = append(out, f.Name, f.Analyzer)
	}
	return out
}

func (p *parser) severity(k, v *yaml.Node) string {
	s, ok := p.str(k, v)
	if !ok {
		return ""
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low", "medium", "high":
		return strings.ToLower(strings.TrimSpace(s))
	}
	p.errorf(v, "%s: unknown severity %q (want low, medium or high)", k.Value, s)
	return ""
}

func (p *parser) boolean(k, v *yaml.Node) *bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		p.errorf(v, "%s: want true or false, not %s", k.Value, describe(v))
		return nil
	}
	return &b
}

func (p *parser) str(k, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || isNull(v) {
		p.errorf(v, "%s: want a string, not %s", k.Value, describe(v))
		return "", false
	}
	return v.Value, true
}

func splitComma(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (p *parser) globs(k, v *yaml.Node) []string {
	items, nodes, ok := p.list(k, v, splitComma)
	if !ok {
		return nil
	}
	for i, g := range items {
		if msg := checkGlob(g); msg != "" {
			p.errorf(nodes[i], "%s: bad glob %q: %s", k.Value, g, msg)
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return items
}

// checkGlob checks a glob the way lint.MatchPath uses it: path.Match
// patterns per slash-separated element, "**" for any number of elements,
// and no commas (the exclude flag is a comma-separated list).
func checkGlob(g string) string {
	if strings.TrimSpace(g) == "" {
		return "empty pattern"
	}
	if strings.Contains(g, ",") {
		return "a pattern cannot contain a comma"
	}
	for _, el := range strings.Split(filepath.ToSlash(g), "/") {
		if el == "**" {
			continue
		}
		if _, err := path.Match(el, ""); err != nil {
			return err.Error()
		}
	}
	return ""
}

func (p *parser) settings(v *yaml.Node) {
	if isNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		p.errorf(v, "settings: want a mapping of analyzer names to their settings, not %s", kind(v))
		return
	}
	var names []string
	for _, a := range p.byName {
		names = append(names, a.Name)
	}
	if p.cfg.Settings == nil {
		p.cfg.Settings = map[string]map[string]string{}
	}
	p.mapping(v, "analyzer", nil, func(k, v *yaml.Node) {
		a := p.analyzer(k.Value)
		if a == nil {
			hint := didYouMean(k.Value, names)
			if hint == "" {
				if f, ok := rules.FamilyByName(k.Value); ok && contains(names, f.Analyzer) {
					hint = fmt.Sprintf(" (did you mean %q? settings are keyed by analyzer name)", f.Analyzer)
				} else if len(names) > 0 {
					hint = " (analyzers: " + strings.Join(sorted(names), ", ") + ")"
				}
			}
			p.errorf(k, "settings: unknown analyzer %q%s", k.Value, hint)
			return
		}
		if isNull(v) {
			return
		}
		if v.Kind != yaml.MappingNode {
			p.errorf(v, "settings.%s: want a mapping of flag names to values, not %s", k.Value, kind(v))
			return
		}
		var flags []string
		a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
		vals := map[string]string{}
		p.mapping(v, "setting", nil, func(fk, fv *yaml.Node) {
			f := a.Flags.Lookup(fk.Value)
			if f == nil {
				hint := didYouMean(fk.Value, flags)
				if hint == "" && len(flags) > 0 {
					hint = " (settings: " + strings.Join(sorted(flags), ", ") + ")"
				}
				p.errorf(fk, "settings.%s: analyzer %q has no setting %q%s", a.Name, a.Name, fk.Value, hint)
				return
			}
			if s, ok := p.flagValue(a.Name, f, fk, fv); ok {
				vals[f.Name] = s
			}
		})
		p.cfg.Settings[a.Name] = vals
	})
}

func (p *parser) analyzer(name string) *analysis.Analyzer {
	for _, a := range p.byName {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// flagValue checks a setting's value against its flag and returns it in
// the form flag.Value.Set takes.
func (p *parser) flagValue(an string, f *flag.Flag, k, v *yaml.Node) (string, bool) {
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: "settings." + an + "." + k.Value}
	switch f.Name {
	case "enable", "disable":
		items := p.ruleList(key, v)
		return strings.Join(items, ","), items != nil
	case "exclude":
		items := p.globs(key, v)
		return strings.Join(items, ","), items != nil
	case "min-severity":
		s := p.severity(key, v)
		return s, s != ""
	}
	var s string
	switch {
	case v.Kind == yaml.ScalarNode && !isNull(v):
		s = v.Value
	case v.Kind == yaml.SequenceNode:
		items, _, ok := p.list(key, v, nil)
		if !ok {
			return "", false
		}
		s = strings.Join(items, ",")
	default:
		p.errorf(v, "%s: want a value, not %s", key.Value, describe(v))
		return "", false
	}
	if msg := checkValue(f, s); msg != "" {
		p.errorf(v, "%s: %s", key.Value, msg)
		return "", false
	}
	return s, true
}

// checkValue parses s the way the flag's type would, for the types the
// flag package defines; other flag types are checked by Apply.
func checkValue(f *flag.Flag, s string) string {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return ""
	}
	var err error
	var want string
	switch g.Get().(type) {
	case bool:
		_, err = strconv.ParseBool(s)
		want = "true or false"
	case int, int64:
		_, err = strconv.ParseInt(s, 0, 64)
		want = "an integer"
	case uint, uint64:
		_, err = strconv.ParseUint(s, 0, 64)
		want = "a non-negative integer"
	case float64:
		_, err = strconv.ParseFloat(s, 64)
		want = "a number"
	case time.Duration:
		_, err = time.ParseDuration(s)
		want = "a duration such as 24h or 15m"
	}
	if err != nil {
		return fmt.Sprintf("want %s, not %q", want, s)
	}
	return ""
}

// FlagValues gives, per analyzer name, the flag values the configuration
// sets: the top-level enable, disable, min-severity, tests, generated and
// exclude on every analyzer that has a flag of that name (lists joined
// with commas), then the analyzer's own settings, which win.
func (c *Config) FlagValues() map[string]map[string]string {
	common := map[string]string{}
	if c.Enable != nil {
		common["enable"] = strings.Join(c.Enable, ",")
	}
	if c.Disable != nil {
		common["disable"] = strings.Join(c.Disable, ",")
	}
	if c.MinSeverity != "" {
		common["min-severity"] = c.MinSeverity
	}
	if c.Tests != nil {
		common["tests"] = strconv.FormatBool(*c.Tests)
	}
	if c.Generated != nil {
		common["generated"] = strconv.FormatBool(*c.Generated)
	}
	if c.Exclude != nil {
		common["exclude"] = strings.Join(c.Exclude, ",")
	}
	out := map[string]map[string]string{}
	for _, a := range c.analyzers {
		if a == nil {
			continue
		}
		vals := map[string]string{}
		for k, v := range common {
			if a.Flags.Lookup(k) != nil {
				vals[k] = v
			}
		}
		for k, v := range c.Settings[a.Name] {
			vals[k] = v
		}
		if len(vals) > 0 {
			out[a.Name] = vals
		}
	}
	return out
}

// Apply sets the flags: values maps analyzer name → flag name → value, as
// FlagValues returns it. Analyzers and flags are visited in sorted order;
// every failure is reported, naming the analyzer and the flag.
func Apply(analyzers []*analysis.Analyzer, values map[string]map[string]string) error {
	byName := map[string]*analysis.Analyzer{}
	for _, a := range analyzers {
		if a != nil {
			byName[a.Name] = a
		}
	}
	var errs []error
	for _, name := range sortedKeys(values) {
		a := byName[name]
		if a == nil {
			errs = append(errs, fmt.Errorf("no analyzer %q", name))
			continue
		}
		for _, fl := range sortedKeys(values[name]) {
			v := values[name][fl]
			if err := a.Flags.Set(fl, v); err != nil {
				errs = append(errs, fmt.Errorf("analyzer %s: -%s=%q: %w", name, fl, v, err))
			}
		}
	}
	return errors.Join(errs...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// kind names a node's kind for messages.
func kind(n *yaml.Node) string {
	switch {
	case isNull(n):
		return "an empty value"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return "a string"
	}
	return "a YAML node"
}

// describe is kind with the value of a scalar.
func describe(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode && !isNull(n) {
		return fmt.Sprintf("%s (%q)", kind(n), n.Value)
	}
	return kind(n)
}

// didYouMean returns ` (did you mean "x"?)` for the closest candidate, or
// "" when none is close.
func didYouMean(s string, candidates []string) string {
	if c := closest(s, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}

// closest returns the candidate nearest to s by edit distance (with
// transpositions), if it is close enough, preferring the earlier of equal
// candidates; a case-insensitive match or a prefix of at least four
// characters also counts.
func closest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	best, bestD := "", -1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == ls {
			return c
		}
		d := distance(ls, lc)
		limit := max(1, min(len(ls), len(lc))/3)
		if d > limit && !(len(ls) >= 4 && (strings.HasPrefix(lc, ls) || strings.HasPrefix(ls, lc))) {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range rb {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
