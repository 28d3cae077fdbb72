package config

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// testAnalyzers builds two family-like analyzers with the common flags and
// a few of their own, plus one analyzer without the common flags.
func testAnalyzers() []*analysis.Analyzer {
	common := func(fs *flag.FlagSet) {
		fs.String("enable", "", "")
		fs.String("disable", "", "")
		fs.String("min-severity", "low", "")
		fs.Bool("tests", false, "")
		fs.Bool("generated", false, "")
		fs.String("exclude", "", "")
		fs.Bool("report-suppressed", false, "")
	}
	jwt := &analysis.Analyzer{Name: "jwt", Doc: "jwt"}
	common(&jwt.Flags)
	jwt.Flags.Duration("max-access-lifetime", 24*time.Hour, "")
	jwt.Flags.Int("min-key-bits", 2048, "")
	jwt.Flags.String("issuers", "", "")
	sqli := &analysis.Analyzer{Name: "sqli", Doc: "sqli"}
	common(&sqli.Flags)
	sqli.Flags.Bool("strict", false, "")
	routes := &analysis.Analyzer{Name: "routes", Doc: "routes"}
	routes.Flags.String("frameworks", "", "")
	return []*analysis.Analyzer{jwt, sqli, routes}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func load(t *testing.T, content string) (*Config, string, error) {
	t.Helper()
	p := write(t, t.TempDir(), ".apivet.yml", content)
	c, err := Load(p, testAnalyzers())
	return c, p, err
}

const valid = `# apivet configuration
enable: [AV501, jwt]
disable:
  - AV302
min-severity: Medium
tests: true
generated: false
exclude: ["internal/legacy/**", "*_mock.go"]
settings:
  jwt:
    max-access-lifetime: 12h
    min-key-bits: 3072
    issuers: [https://a.example, https://b.example]
    disable: [AV502]
  sqli:
    strict: true
  routes:
    frameworks: gin
format: sarif
output: apivet.sarif
`

func TestLoadValid(t *testing.T) {
	c, p, err := load(t, valid)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != p || !reflect.DeepEqual(c.Enable, []string{"AV501", "jwt"}) || !reflect.DeepEqual(c.Disable, []string{"AV302"}) ||
		c.MinSeverity != "medium" || c.Tests == nil || !*c.Tests || c.Generated == nil || *c.Generated ||
		!reflect.DeepEqual(c.Exclude, []string{"internal/legacy/**", "*_mock.go"}) ||
		c.Format != "sarif" || c.Output != "apivet.sarif" {
		t.Errorf("config: %+v", c)
	}
	want := map[string]map[string]string{
		"jwt": {
			"enable": "AV501,jwt", "disable": "AV502", "min-severity": "medium", "tests": "true", "generated": "false",
			"exclude": "internal/legacy/**,*_mock.go", "max-access-lifetime": "12h", "min-key-bits": "3072",
			"issuers": "https://a.example,https://b.example",
		},
		"sqli": {
			"enable": "AV501,jwt", "disable": "AV302", "min-severity": "medium", "tests": "true", "generated": "false",
			"exclude": "internal/legacy/**,*_mock.go", "strict": "true",
		},
		"routes": {"frameworks": "gin"},
	}
	vals := c.FlagValues()
	if !reflect.DeepEqual(vals, want) {
		t.Errorf("FlagValues:\n got %v\nwant %v", vals, want)
	}

	as := testAnalyzers()
	if err := Apply(as, vals); err != nil {
		t.Fatal(err)
	}
	get := func(a *analysis.Analyzer, name string) string { return a.Flags.Lookup(name).Value.String() }
	if get(as[0], "max-access-lifetime") != "12h0m0s" || get(as[0], "disable") != "AV502" || get(as[1], "disable") != "AV302" ||
		get(as[1], "strict") != "true" || get(as[1], "tests") != "true" || get(as[2], "frameworks") != "gin" {
		t.Error("Apply did not set the flags")
	}
}

func TestPartialConfigSetsOnlyItsKeys(t *testing.T) {
	c, _, err := load(t, "min-severity: high\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{"jwt": {"min-severity": "high"}, "sqli": {"min-severity": "high"}}
	if got := c.FlagValues(); !reflect.DeepEqual(got, want) {
		t.Errorf("FlagValues = %v, want %v", got, want)
	}
}

func TestScalarLists(t *testing.T) {
	c, _, err := load(t, "enable: AV501, sql\nexclude: gen/**\n")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Enable, []string{"AV501", "sql"}) || !reflect.DeepEqual(c.Exclude, []string{"gen/**"}) {
		t.Errorf("%v %v", c.Enable, c.Exclude)
	}
}

func TestEmpty(t *testing.T) {
	for _, content := range []string{"", "# nothing yet\n", "---\n", "~\n"} {
		c, _, err := load(t, content)
		if err != nil {
			t.Errorf("%q: %v", content, err)
			continue
		}
		if got := c.FlagValues(); len(got) != 0 {
			t.Errorf("%q: FlagValues = %v", content, got)
		}
	}
}

// wantErr loads content and checks that the error mentions the file, each
// of the fragments, and nothing else is wrong.
func wantErr(t *testing.T, content string, fragments ...string) error {
	t.Helper()
	_, p, err := load(t, content)
	if err == nil {
		t.Fatalf("no error for:\n%s", content)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, p+":") {
		t.Errorf("error does not start with the file name: %s", msg)
	}
	for _, f := range fragments {
		if !strings.Contains(msg, f) {
			t.Errorf("error %q lacks %q", msg, f)
		}
	}
	return err
}

func TestUnknownKey(t *testing.T) {
	err := wantErr(t, "enable: [AV501]\n\nenabel: [jwt]\n", `:3:1: unknown key "enabel" (did you mean "enable"?)`)
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 3 || ce.Column != 1 {
		t.Errorf("error is not an *Error at line 3: %#v", err)
	}
	wantErr(t, "min_severity: high\n", `:1:1: unknown key "min_severity" (did you mean "min-severity"?)`)
	err = wantErr(t, "colour: true\n", `:1:1: unknown key "colour"`)
	if strings.Contains(err.Error(), "did you mean") {
		t.Errorf("suggestion for a name that is not close: %v", err)
	}
	wantErr(t, "tests: true\ntests: false\n", `:2:1: duplicate key "tests" (first at line 1)`)
}

func TestUnknownAnalyzer(t *testing.T) {
	wantErr(t, "settings:\n  jtw:\n    max-access-lifetime: 1h\n", `:2:3: settings: unknown analyzer "jtw" (did you mean "jwt"?)`)
	wantErr(t, "settings:\n  sql:\n    strict: true\n", `:2:3: settings: unknown analyzer "sql" (did you mean "sqli"?`)
	wantErr(t, "settings:\n  nothing:\n    x: 1\n", `unknown analyzer "nothing" (analyzers: jwt, routes, sqli)`)
}

func TestUnknownFlag(t *testing.T) {
	wantErr(t, "settings:\n  jwt:\n    max-acess-lifetime: 1h\n",
		`:3:5: settings.jwt: analyzer "jwt" has no setting "max-acess-lifetime" (did you mean "max-access-lifetime"?)`)
	wantErr(t, "settings:\n  jwt:\n    max-access: 1h\n", `(did you mean "max-access-lifetime"?)`)
	wantErr(t, "settings:\n  routes:\n    zzz: 1\n", `has no setting "zzz" (settings: frameworks)`)
}

func TestBadValues(t *testing.T) {
	for _, tc := range []struct {
		content string
		want    string
	}{
		{"min-severity: critical\n", `:1:15: min-severity: unknown severity "critical" (want low, medium or high)`},
		{"min-severity: [high]\n", `:1:15: min-severity: want a string, not a list`},
		{"tests: yes please\n", `:1:8: tests: want true or false, not a string ("yes please")`},
		{"tests: 1\n", `:1:8: tests: want true or false, not a number ("1")`},
		{"generated:\n  a: b\n", `:2:3: generated: want true or false, not a mapping`},
		{"enable:\n  a: b\n", `:2:3: enable: want a list, not a mapping`},
		{"disable: [AV301, AV999]\n", `:1:18: disable: unknown rule or family "AV999"`},
		{"enable: [jtw]\n", `(did you mean "jwt"?)`},
		{"enable: [[AV301]]\n", `:1:10: enable: list entries must be strings, not a list`},
		{"exclude: ['a,b']\n", `:1:11: exclude: bad glob "a,b": a pattern cannot contain a comma`},
		{"exclude: ['gen/[x']\n", `exclude: bad glob "gen/[x": syntax error in pattern`},
		{"format: xml\n", `:1:9: format: unknown format "xml"`},
		{"format: sarf\n", `(did you mean "sarif"?)`},
		{"output: [a]\n", `:1:9: output: want a string, not a list`},
		{"settings: [jwt]\n", `:1:11: settings: want a mapping`},
		{"settings:\n  jwt: 3\n", `:2:8: settings.jwt: want a mapping of flag names to values, not a number`},
		{"settings:\n  jwt:\n    max-access-lifetime: forever\n", `:3:26: settings.jwt.max-access-lifetime: want a duration such as 24h or 15m, not "forever"`},
		{"settings:\n  jwt:\n    min-key-bits: lots\n", `:3:19: settings.jwt.min-key-bits: want an integer, not "lots"`},
		{"settings:\n  jwt:\n    min-key-bits: {a: 1}\n", `:3:19: settings.jwt.min-key-bits: want a value, not a mapping`},
		{"settings:\n  sqli:\n    strict: maybe\n", `settings.sqli.strict: want true or false, not "maybe"`},
		{"settings:\n  sqli:\n    min-severity: huge\n", `settings.sqli.min-severity: unknown severity "huge"`},
		{"settings:\n  sqli:\n    enable: [nope]\n", `:3:14: settings.sqli.enable: unknown rule or family "nope"`},
		{"- enable\n", `:1:1: the configuration must be a mapping`},
	} {
		t.Run(tc.want, func(t *testing.T) { wantErr(t, tc.content, tc.want) })
	}
}

func TestSeveralErrors(t *testing.T) {
	err := wantErr(t, "enabel: [jwt]\nmin-severity: huge\n", ":1:1:", ":2:15:")
	if n := strings.Count(err.Error(), "\n"); n != 1 {
		t.Errorf("want two lines of errors, got:\n%v", err)
	}
}

func TestBadYAML(t *testing.T) {
	wantErr(t, "enable: [AV301,\ndisable: [AV302]\n", ":2: invalid YAML: did not find expected ',' or ']'")
	wantErr(t, "tests: true\nenable: AV301: x\n", ":2: invalid YAML: mapping values are not allowed in this context")
	wantErr(t, "tests: true\n\tenable: x\n", ":2: invalid YAML:")
	wantErr(t, "tests: true\n---\ntests: false\n", ":2:1: the file holds more than one YAML document")
}

func TestAnchors(t *testing.T) {
	c, _, err := load(t, "x: &globs [\"gen/**\"]\n")
	if err == nil {
		t.Fatalf("unknown key x accepted: %+v", c)
	}
	// Aliases to known values work.
	content := "exclude: &g [\"gen/**\"]\nsettings:\n  jwt:\n    exclude: *g\n"
	c, _, err = load(t, content)
	if err != nil {
		t.Fatal(err)
	}
	if c.Settings["jwt"]["exclude"] != "gen/**" {
		t.Errorf("alias: %v", c.Settings)
	}
}

func TestApplyErrors(t *testing.T) {
	as := testAnalyzers()
	err := Apply(as, map[string]map[string]string{
		"jwt":   {"min-key-bits": "x", "nope": "1"},
		"ghost": {"a": "b"},
	})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`no analyzer "ghost"`, `analyzer jwt: -min-key-bits="x": `, `analyzer jwt: -nope="1": no such flag -nope`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// The temp dir's parents may hold a config of their own; compare with
	// what Find says before any file is written.
	outside, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != outside {
		t.Errorf("Find with no config = %q, %v; want %q", got, err, outside)
	}
	top := write(t, root, "a/.apivet.yaml", "tests: true\n")
	if got, err := Find(deep); err != nil || got != top {
		t.Errorf("Find = %q, %v; want %q", got, err, top)
	}
	near := write(t, root, "a/b/.apivet.yml", "")
	if got, err := Find(deep); err != nil || got != near {
		t.Errorf("Find = %q, %v; want %q", got, err, near)
	}
	if got, err := Find(filepath.Join(root, "a")); err != nil || got != top {
		t.Errorf("Find(a) = %q, %v; want %q", got, err, top)
	}
	// A file as the start: its directory.
	f := write(t, root, "a/b/c/main.go", "package main\n")
	if got, err := Find(f); err != nil || got != near {
		t.Errorf("Find(file) = %q, %v; want %q", got, err, near)
	}
	// Both names in one directory is an error.
	write(t, root, "a/b/.apivet.yaml", "")
	if _, err := Find(deep); err == nil || !strings.Contains(err.Error(), "both") {
		t.Errorf("Find with both names: %v", err)
	}
	// Relative start directories work.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(filepath.Join(root, "a")); err != nil {
		t.Fatal(err)
	}
	if got, err := Find("."); err != nil || got != top {
		t.Errorf("Find(.) = %q, %v; want %q", got, err, top)
	}
	if _, err := Find(filepath.Join(root, "missing")); err == nil {
		t.Error("no error for a missing start directory")
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"enable", "disable", "min-severity", "tests", "generated", "exclude", "settings"}
	for in, want := range map[string]string{
		"enabel": "enable", "Enable": "enable", "test": "tests", "setting": "settings",
		"excludes": "exclude", "minseverity": "min-severity", "foo": "", "x": "", "generate": "generated",
	} {
		if got := closest(in, cands); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}
