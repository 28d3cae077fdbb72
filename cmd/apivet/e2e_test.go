package main_test

// End-to-end tests: build the apivet binary and run it on the fixture
// module testdata/e2e standalone (text, JSON, SARIF) and under
// `go vet -vettool`, checking findings, exit codes and output shapes.

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/apivet/apivet/internal/testenv"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// apivet builds the binary once per test process.
func apivet(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "apivet-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "apivet")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("building apivet: %v\n%s", buildErr, binPath)
	}
	return binPath
}

func fixture(t *testing.T) string {
	return filepath.Join(testenv.Root(t), "testdata", "e2e")
}

type run struct {
	stdout, stderr string
	code           int
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) run {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return run{out.String(), errb.String(), code}
}

var findingLine = regexp.MustCompile(`^([^:\s]+\.go):(\d+):(\d+): (AV\d{3}) (high|medium|low): (.+)$`)

// findings parses text output (or go vet output) into "file:line:col RULE".
func findings(out string) []string {
	var res []string
	for _, l := range strings.Split(out, "\n") {
		m := findingLine.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		res = append(res, filepath.ToSlash(m[1])+":"+m[2]+":"+m[3]+" "+m[4])
	}
	sort.Strings(res)
	return res
}

var wantApp = []string{
	"app/db.go:14:14 AV301",
	"app/db.go:19:20 AV301",
	"app/db.go:32:1 AV001",
}

func TestText(t *testing.T) {
	r := runIn(t, fixture(t), nil, apivet(t), "./app/...", "./generic/...", "./cgoapp/...")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	want := append(append([]string(nil), wantApp...), "cgoapp/cgo.go:13:12 AV301", "generic/generic.go:8:14 AV301")
	sort.Strings(want)
	if got := findings(r.stdout); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s\nfull output:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour escape codes in output that is not a terminal")
	}
	if !strings.Contains(r.stdout, "apivet: 5 findings") || !strings.Contains(r.stdout, "1 suppressed") {
		t.Errorf("summary line missing or wrong:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "view names come from") {
		t.Error("a suppressed finding is shown in text output")
	}

	// -color=always forces colour; NO_COLOR is honoured in auto mode.
	c := runIn(t, fixture(t), nil, apivet(t), "-color=always", "./app/...")
	if !strings.Contains(c.stdout, "\x1b[") {
		t.Error("-color=always printed no colour")
	}
}

func TestDeterministic(t *testing.T) {
	a := runIn(t, fixture(t), nil, apivet(t), "-format", "json", "./app/...", "./generic/...")
	b := runIn(t, fixture(t), []string{"GOMAXPROCS=1"}, apivet(t), "-format", "json", "./app/...", "./generic/...")
	if a.stdout != b.stdout {
		t.Errorf("two runs differ:\n%s\n---\n%s", a.stdout, b.stdout)
	}
}

func TestJSON(t *testing.T) {
	r := runIn(t, fixture(t), nil, apivet(t), "-format", "json", "./app/...")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	var doc struct {
		Version  int `json:"version"`
		Findings []struct {
			Rule        string   `json:"rule"`
			Severity    string   `json:"severity"`
			CWE         []string `json:"cwe"`
			File        string   `json:"file"`
			Line        int      `json:"line"`
			Message     string   `json:"message"`
			Fingerprint string   `json:"fingerprint"`
			Suppressed  bool     `json:"suppressed"`
		} `json:"findings"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if doc.Version != 1 {
		t.Errorf("version = %d", doc.Version)
	}
	var suppressed, open int
	for _, f := range doc.Findings {
		if f.Fingerprint == "" || f.File == "" || f.Line == 0 {
			t.Errorf("incomplete finding %+v", f)
		}
		if strings.HasPrefix(f.Message, "AV") {
			t.Errorf("message keeps the rule prefix: %q", f.Message)
		}
		if f.Suppressed {
			suppressed++
		} else {
			open++
		}
	}
	if suppressed != 1 || open != 3 {
		t.Errorf("suppressed=%d open=%d, want 1 and 3", suppressed, open)
	}
}

func TestSARIF(t *testing.T) {
	r := runIn(t, fixture(t), nil, apivet(t), "-format", "sarif", "./app/...")
	var doc struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string         `json:"id"`
						Name             string         `json:"name"`
						ShortDescription map[string]any `json:"shortDescription"`
						FullDescription  map[string]any `json:"fullDescription"`
						Help             map[string]any `json:"help"`
						HelpURI          string         `json:"helpUri"`
						Properties       map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []map[string]any  `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Version != "2.1.0" || !strings.Contains(doc.Schema, "sarif") || len(doc.Runs) != 1 {
		t.Fatalf("bad SARIF header: %q %q runs=%d", doc.Version, doc.Schema, len(doc.Runs))
	}
	run := doc.Runs[0]
	rules := run.Tool.Driver.Rules
	for _, rule := range rules {
		if rule.Name == "" || rule.ShortDescription["text"] == nil || rule.FullDescription["text"] == nil ||
			rule.Help["markdown"] == nil || rule.HelpURI == "" || rule.Properties["security-severity"] == nil {
			t.Errorf("rule %s lacks a field code scanning needs", rule.ID)
		}
		if strings.HasPrefix(rule.ID, "AV3") {
			tags, _ := rule.Properties["tags"].([]any)
			found := false
			for _, tg := range tags {
				if s, _ := tg.(string); strings.Contains(s, "cwe-89") || s == "CWE-89" {
					found = true
				}
			}
			if !found {
				t.Errorf("rule %s has no CWE-89 tag: %v", rule.ID, tags)
			}
		}
	}
	var suppressed int
	for _, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d that does not point at its rule", res.RuleID, res.RuleIndex)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") ||
			!strings.HasPrefix(loc.ArtifactLocation.URI, "app/") {
			t.Errorf("location not relative to the module root: %+v", loc.ArtifactLocation)
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("result %s has no partialFingerprints", res.RuleID)
		}
		if len(res.Suppressions) > 0 {
			suppressed++
		}
	}
	if suppressed != 1 {
		t.Errorf("%d suppressed results, want 1", suppressed)
	}
}

// TestGoVet runs the same fixture through go vet -vettool: the same
// findings (suppressed ones are dropped there), and analyzer flags work.
func TestGoVet(t *testing.T) {
	bin := apivet(t)
	std := runIn(t, fixture(t), nil, bin, "./app/...", "./generic/...")
	vet := runIn(t, fixture(t), nil, "go", "vet", "-vettool="+bin, "./app/...", "./generic/...")
	if vet.code == 0 {
		t.Errorf("go vet exited 0 with findings:\n%s", vet.stderr)
	}
	if a, b := findings(std.stdout), findings(vet.stderr); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("standalone and go vet differ:\nstandalone:\n%s\ngo vet:\n%s\n(raw vet output:\n%s)", strings.Join(a, "\n"), strings.Join(b, "\n"), vet.stderr)
	}
	off := runIn(t, fixture(t), nil, "go", "vet", "-vettool="+bin, "-sqli.disable=AV301", "-apivetdirectives.disable=AV001", "./app/...")
	if got := findings(off.stderr); len(got) != 0 {
		t.Errorf("findings with every rule disabled through vet flags: %v\n%s", got, off.stderr)
	}
	if off.code != 0 {
		t.Errorf("go vet with no findings exited %d: %s", off.code, off.stderr)
	}
}

func TestBrokenPackage(t *testing.T) {
	r := runIn(t, fixture(t), nil, apivet(t), "./...")
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	all := r.stdout + r.stderr
	if !strings.Contains(all, "broken.go:4:9") || !strings.Contains(all, "cannot use") {
		t.Errorf("the compiler's message for the broken package is missing:\n%s", all)
	}
	if !strings.Contains(r.stdout, "app/db.go:14:14: AV301") {
		t.Errorf("other packages were not analysed:\n%s", r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	bin := apivet(t)
	dir := fixture(t)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no dir", []string{"./nonexistent/..."}, "no such file or directory"},
		{"no match", []string{"./app/zz..."}, "no packages matched"},
		{"bad format", []string{"-format", "xml", "./app/..."}, "want text, json or sarif"},
		{"bad rule", []string{"-disable", "AV399", "./app/..."}, "unknown rule"},
		{"bad severity", []string{"-min-severity", "urgent", "./app/..."}, "severity"},
		{"bad flag", []string{"-nope"}, "not defined"},
	} {
		r := runIn(t, dir, nil, bin, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr+r.stdout, c.want) {
			t.Errorf("%s: exit %d, output %q; want exit 2 mentioning %q", c.name, r.code, r.stderr+r.stdout, c.want)
		}
	}
	cfg := filepath.Join(t.TempDir(), ".apivet.yml")
	if err := os.WriteFile(cfg, []byte("disable: [AV302]\nmin-severity: hgh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runIn(t, dir, nil, bin, "-config", cfg, "./app/...")
	if r.code != 2 || !strings.Contains(r.stderr, ".apivet.yml:2") {
		t.Errorf("broken config: exit %d, stderr %q; want 2 naming the file and line", r.code, r.stderr)
	}
}

func TestFlagsAndConfig(t *testing.T) {
	bin := apivet(t)
	dir := fixture(t)
	// Only high findings: AV001 (low) is dropped.
	r := runIn(t, dir, nil, bin, "-min-severity", "high", "./app/...")
	for _, f := range findings(r.stdout) {
		if strings.HasSuffix(f, "AV001") {
			t.Errorf("-min-severity high kept %s", f)
		}
	}
	// Nothing left: exit 0.
	r = runIn(t, dir, nil, bin, "-disable", "sql,AV001", "./app/...")
	if r.code != 0 || len(findings(r.stdout)) != 0 {
		t.Errorf("-disable sql,AV001: exit %d\n%s", r.code, r.stdout)
	}
	// The config file disables, the command line re-enables.
	cfg := filepath.Join(t.TempDir(), "apivet.yml")
	if err := os.WriteFile(cfg, []byte("disable: [sql]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, dir, nil, bin, "-config", cfg, "./app/...")
	for _, f := range findings(r.stdout) {
		if strings.HasSuffix(f, "AV301") {
			t.Errorf("config disable: kept %s", f)
		}
	}
	r = runIn(t, dir, nil, bin, "-config", cfg, "-enable", "AV301", "./app/...")
	if n := len(findings(r.stdout)); n != 3 {
		t.Errorf("-enable over config: %d findings, want 3\n%s", n, r.stdout)
	}
	// Build tags and test files.
	r = runIn(t, dir, nil, bin, "-tags", "integration", "./app/...")
	if !strings.Contains(r.stdout, "app/tagged.go:6:14: AV301") {
		t.Errorf("-tags integration did not analyse tagged.go:\n%s", r.stdout)
	}
	r = runIn(t, dir, nil, bin, "-tests", "./app/...")
	if !strings.Contains(r.stdout, "app/app_test.go:10:15: AV301") {
		t.Errorf("-tests did not analyse app_test.go:\n%s", r.stdout)
	}
	r = runIn(t, dir, nil, bin, "./app/...")
	if strings.Contains(r.stdout, "app_test.go") || strings.Contains(r.stdout, "tagged.go") {
		t.Errorf("test or tagged files analysed by default:\n%s", r.stdout)
	}
	// -out writes the report to a file.
	out := filepath.Join(t.TempDir(), "report.sarif")
	r = runIn(t, dir, nil, bin, "-format", "sarif", "-out", out, "./app/...")
	if data, err := os.ReadFile(out); err != nil || !bytes.Contains(data, []byte(`"2.1.0"`)) {
		t.Errorf("-out: %v %s", err, data)
	}
}

func TestSubcommands(t *testing.T) {
	bin := apivet(t)
	r := runIn(t, fixture(t), nil, bin, "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "AV301") || !strings.Contains(r.stdout, "CWE-89") {
		t.Errorf("apivet rules: %d\n%s", r.code, r.stdout)
	}
	r = runIn(t, fixture(t), nil, bin, "explain", "av301")
	if r.code != 0 || !strings.Contains(r.stdout, "# AV301") || !strings.Contains(r.stdout, "## Good") {
		t.Errorf("apivet explain: %d\n%s", r.code, r.stdout)
	}
	r = runIn(t, fixture(t), nil, bin, "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "apivet ") {
		t.Errorf("apivet version: %d %q", r.code, r.stdout)
	}
}

func TestBaseline(t *testing.T) {
	bin := apivet(t)
	base := filepath.Join(t.TempDir(), "baseline.json")
	r := runIn(t, fixture(t), nil, bin, "-write-baseline", base, "./app/...")
	if r.code != 1 {
		t.Fatalf("write-baseline run: exit %d: %s", r.code, r.stderr)
	}
	r = runIn(t, fixture(t), nil, bin, "-baseline", base, "./app/...", "./generic/...")
	got := findings(r.stdout)
	if len(got) != 1 || got[0] != "generic/generic.go:8:14 AV301" {
		t.Errorf("with baseline: %v, want only the generic package's finding", got)
	}
}

// TestRobustnessRealCode runs every check over the standard library and
// over the real libraries apivet models (with the dependency skip turned
// off): no panics, no analyzer errors, and output is deterministic.
func TestRobustnessRealCode(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the standard library: skipped with -short")
	}
	bin := apivet(t)
	env := []string{"APIVET_ANALYZE_DEPENDENCIES=1"}
	for _, c := range []struct {
		dir  string
		args []string
	}{
		{t.TempDir(), []string{"-format", "json", "std"}},
		{testenv.Module(t), []string{"-format", "json",
			"github.com/gin-gonic/gin/...", "github.com/labstack/echo/v4/...", "github.com/gofiber/fiber/v2/...",
			"github.com/go-chi/chi/v5/...", "github.com/gorilla/mux/...", "github.com/golang-jwt/jwt/v5/...",
			"github.com/lestrrat-go/jwx/v2/...", "github.com/jmoiron/sqlx/...", "gorm.io/gorm/...",
			"github.com/jackc/pgx/v5/...", "github.com/rs/cors/...", "golang.org/x/crypto/bcrypt", "golang.org/x/crypto/argon2"}},
	} {
		r := runIn(t, c.dir, env, bin, c.args...)
		if r.code != 0 && r.code != 1 {
			t.Errorf("apivet %v: exit %d\n%s", c.args, r.code, r.stderr)
		}
		var doc struct {
			Errors []struct{ Message string } `json:"errors"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Errorf("apivet %v: output is not JSON: %v", c.args, err)
		}
		for _, e := range doc.Errors {
			t.Errorf("apivet %v: %s", c.args, e.Message)
		}
		if strings.Contains(r.stderr, "panic") {
			t.Errorf("apivet %v panicked:\n%s", c.args, r.stderr)
		}
	}
}

// TestNarrowPatterns: analysing one package still loads the module's
// packages it imports from source, so facts about their helpers apply.
func TestNarrowPatterns(t *testing.T) {
	r := runIn(t, fixture(t), nil, apivet(t), "./user/...")
	if got := findings(r.stdout); len(got) != 1 || got[0] != "user/user.go:11:16 AV301" {
		t.Errorf("findings %v, want the helper call in user.go\n%s%s", got, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "helper/") {
		t.Errorf("a package outside the patterns was reported:\n%s", r.stdout)
	}
}

// TestFix applies suggested fixes to a copy of the fixture.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture(t))); err != nil {
		t.Fatal(err)
	}
	bin := apivet(t)
	before := findings(runIn(t, dir, nil, bin, "./fixme/...").stdout)
	r := runIn(t, dir, nil, bin, "-fix", "./fixme/...")
	if !strings.Contains(r.stderr, "applied 2 fix(es)") {
		t.Errorf("-fix: %s", r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "fixme", "fixme.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MinVersion: tls.VersionTLS12", "HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("fixed file lacks %q:\n%s", want, data)
		}
	}
	after := findings(runIn(t, dir, nil, bin, "./fixme/...").stdout)
	if len(before) != 2 || len(after) != 0 {
		t.Errorf("findings before -fix %v, after %v", before, after)
	}
}

// TestWorkspace: at the root of a go.work workspace, ./... means every
// module of the workspace, and facts cross module boundaries.
func TestWorkspace(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.work":        "go 1.26\n\nuse (\n\t./svc\n\t./lib\n)\n",
		"svc/go.mod":     "module example.com/svc\n\ngo 1.26\n\nrequire example.com/lib v0.0.0\n",
		"lib/go.mod":     "module example.com/lib\n\ngo 1.26\n",
		"lib/db/db.go":   "package db\n\nimport \"database/sql\"\n\nfunc Exec(d *sql.DB, stmt string) error { _, err := d.Exec(stmt); return err }\n",
		"svc/api/api.go": "package api\n\nimport (\n\t\"database/sql\"\n\n\t\"example.com/lib/db\"\n)\n\nfunc Del(d *sql.DB, name string) error {\n\treturn db.Exec(d, \"DELETE FROM t WHERE n = '\"+name+\"'\")\n}\n",
	}
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{nil, {"./..."}} {
		r := runIn(t, root, []string{"GOWORK=", "GOFLAGS="}, apivet(t), args...)
		if got := findings(r.stdout); len(got) != 1 || got[0] != "svc/api/api.go:10:12 AV301" {
			t.Errorf("apivet %v in a workspace: %v, exit %d\n%s%s", args, got, r.code, r.stdout, r.stderr)
		}
	}
}

// TestDemo keeps the README's first command honest: the demo service shows
// findings of every family but the directives.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads the demo's modules: skipped with -short")
	}
	dir := filepath.Join(testenv.Root(t), "examples", "demo-api")
	testenv.Download(t, dir)
	r := runIn(t, testenv.Root(t), nil, apivet(t), "-C", "examples/demo-api", "./...")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	families := map[string]bool{}
	for _, f := range findings(r.stdout) {
		families[f[strings.LastIndex(f, " ")+1:][:3]] = true
	}
	for _, fam := range []string{"AV1", "AV2", "AV3", "AV4", "AV5", "AV6", "AV7", "AV8", "AV9"} {
		if !families[fam] {
			t.Errorf("the demo shows no %sxx finding:\n%s", fam, r.stdout)
		}
	}
}
