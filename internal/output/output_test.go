package output

import (
	"bytes"
	"encoding/json"
	"go/token"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apivet/apivet/docs"
	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/rules"
	"github.com/fatih/color"
	"golang.org/x/tools/go/analysis"
)

const handlerSrc = `package api

func List(db DB, name string) {
	_ = "héllo"; db.Query("SELECT * FROM t WHERE n = '" + name + "'")
	db.Query("x" + name) //apivet:ignore AV301 name is an enum
}

var key = "sk_live_0123456789"
`

// fixture writes a small module to a temp dir and returns a report on it.
func fixture(t *testing.T) *Report {
	t.Helper()
	root := t.TempDir()
	file := filepath.Join(root, "api", "handler.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(handlerSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(handlerSrc, "\n")
	col := func(line int, sub string) int { return strings.Index(lines[line-1], sub) + 1 }
	pos := func(line, c int) token.Position { return token.Position{Filename: file, Line: line, Column: c} }
	q4 := col(4, "db.Query")
	q5 := col(5, "db.Query")
	r := &Report{
		Tool:    "apivet",
		Version: "v0.3.1",
		Root:    root,
		Findings: []Finding{
			{
				Rule:    rules.MustGet("AV501"),
				Message: `hardcoded credential "sk_l…789" (18 chars); load it from the environment`,
				Pos:     pos(8, col(8, `"sk`)), End: pos(8, len(lines[7])+1),
				Package: "example.com/svc/api",
			},
			{
				Rule:    rules.MustGet("AV301"),
				Message: "SQL query built by concatenating name; use a placeholder",
				Pos:     pos(4, q4), End: pos(4, len(lines[3])+1),
				Package: "example.com/svc/api",
				Related: []Related{{Pos: pos(3, col(3, "name")), Message: "name comes from here"}},
				HasFix:  true,
			},
			{
				Rule:           rules.MustGet("AV301"),
				Message:        "SQL query built by concatenating name; use a placeholder",
				Pos:            pos(5, q5),
				End:            pos(5, col(5, ")")+1),
				Package:        "example.com/svc/api",
				Suppressed:     true,
				SuppressReason: "name is an enum",
			},
		},
		Errors: []Error{
			{Package: "example.com/svc/broken", Pos: filepath.Join(root, "broken", "b.go") + ":3:7", Message: "undefined: foo"},
			{Package: "example.com/svc/other", Message: "no Go files"},
		},
		Packages: 12,
	}
	AssignFingerprints(r.Findings, root, nil)
	Sort(r.Findings)
	return r
}

func TestTextPlain(t *testing.T) {
	r := fixture(t)
	var b bytes.Buffer
	if err := Text(&b, r, false); err != nil {
		t.Fatal(err)
	}
	want := `api/handler.go:4:16: AV301 high: SQL query built by concatenating name; use a placeholder
	api/handler.go:3:18: name comes from here
api/handler.go:8:11: AV501 high: hardcoded credential "sk_l…789" (18 chars); load it from the environment
broken/b.go:3:7: error: undefined: foo
example.com/svc/other: error: no Go files
apivet: 2 findings (2 high) in 12 packages; 1 suppressed; 2 packages failed to load
`
	if got := b.String(); got != want {
		t.Errorf("text output:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(b.String(), "\x1b[") {
		t.Error("colour codes without colour")
	}
}

func TestTextColour(t *testing.T) {
	saved := color.NoColor
	defer func() { color.NoColor = saved }()
	r := fixture(t)
	r.Findings = append(r.Findings,
		Finding{Rule: rules.MustGet("AV510"), Message: "medium one", Pos: r.Findings[0].Pos},
		Finding{Rule: rules.MustGet("AV001"), Message: "low one", Pos: r.Findings[0].Pos},
	)
	for _, global := range []bool{true, false} {
		color.NoColor = global
		var on, off bytes.Buffer
		if err := Text(&on, r, true); err != nil {
			t.Fatal(err)
		}
		if err := Text(&off, r, false); err != nil {
			t.Fatal(err)
		}
		if color.NoColor != global {
			t.Errorf("Text changed color.NoColor from %v", global)
		}
		if strings.Contains(off.String(), "\x1b[") {
			t.Errorf("NoColor=%v: colour codes with colour off:\n%q", global, off.String())
		}
		for _, want := range []string{
			"\x1b[31;1mAV301 high\x1b[",       // high: red bold
			"\x1b[33mAV510 medium\x1b[",       // medium: yellow
			"\x1b[36mAV001 low\x1b[",          // low: cyan
			"\x1b[2mapi/handler.go:4:16\x1b[", // position: faint
		} {
			if !strings.Contains(on.String(), want) {
				t.Errorf("NoColor=%v: coloured output lacks %q:\n%q", global, want, on.String())
			}
		}
		if !strings.Contains(off.String(), "3 findings (2 high, 1 medium, 1 low)") && !strings.Contains(off.String(), "4 findings (2 high, 1 medium, 1 low)") {
			t.Errorf("summary: %s", off.String())
		}
	}
}

func TestTextSummary(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want string
	}{
		{Report{Packages: 12}, "apivet: no findings in 12 packages\n"},
		{Report{Packages: 1}, "apivet: no findings in 1 package\n"},
		{Report{Packages: 3, Errors: []Error{{Package: "p", Message: "x"}, {Package: "p", Message: "y"}}},
			"p: error: x\np: error: y\napivet: no findings in 3 packages; 1 package failed to load\n"},
		{Report{Packages: 3, Errors: []Error{{Message: "boom"}}},
			"error: boom\napivet: no findings in 3 packages; 1 error\n"},
		{Report{Packages: 2, Findings: []Finding{{Rule: rules.MustGet("AV001"), Message: "m", Suppressed: true}}},
			"apivet: no findings in 2 packages; 1 suppressed\n"},
	} {
		var b bytes.Buffer
		if err := Text(&b, &tc.r, false); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("got %q, want %q", b.String(), tc.want)
		}
	}
	var b bytes.Buffer
	r := &Report{Packages: 1, Findings: []Finding{{Rule: rules.MustGet("AV510"), Message: "m",
		Pos: token.Position{Filename: "/elsewhere/x.go", Line: 2, Column: 1}}}, Root: "/work/root"}
	if err := Text(&b, r, false); err != nil {
		t.Fatal(err)
	}
	want := "/elsewhere/x.go:2:1: AV510 medium: m\napivet: 1 finding (1 medium) in 1 package\n"
	if filepath.Separator != '/' {
		t.Skip("absolute paths differ")
	}
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestNilRule(t *testing.T) {
	r := &Report{Findings: []Finding{{Message: "x"}}}
	for name, write := range map[string]func() error{
		"text":  func() error { return Text(new(bytes.Buffer), r, false) },
		"json":  func() error { return JSON(new(bytes.Buffer), r) },
		"sarif": func() error { return SARIF(new(bytes.Buffer), r) },
	} {
		if write() == nil {
			t.Errorf("%s: no error for a finding without a rule", name)
		}
	}
}

func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, data)
	}
	return m
}

// path walks a decoded JSON value: path(v, "runs", 0, "tool").
func path(t *testing.T, v any, keys ...any) any {
	t.Helper()
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", keys, k)
			}
			if v, ok = m[k]; !ok {
				t.Fatalf("%v: no key %q in %v", keys, k, m)
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no index %d", keys, k)
			}
			v = a[k]
		}
	}
	return v
}

func has(v any, key string) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, ok = m[key]
	return ok
}

func TestJSON(t *testing.T) {
	r := fixture(t)
	var b1, b2 bytes.Buffer
	if err := JSON(&b1, r); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&b2, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("JSON output differs between runs")
	}
	m := decode(t, b1.Bytes())
	if v := path(t, m, "version"); v != float64(1) {
		t.Errorf("version = %v", v)
	}
	if v := path(t, m, "tool"); !reflect.DeepEqual(v, map[string]any{"name": "apivet", "version": "v0.3.1"}) {
		t.Errorf("tool = %v", v)
	}
	fs := path(t, m, "findings").([]any)
	if len(fs) != 3 {
		t.Fatalf("%d findings, want 3 (suppressed included)", len(fs))
	}
	f := fs[0].(map[string]any)
	want := map[string]any{
		"rule": "AV301", "name": "sql-string-building", "title": rules.MustGet("AV301").Title,
		"severity": "high", "confidence": rules.MustGet("AV301").Confidence.String(),
		"cwe":     []any{"CWE-89"},
		"message": "SQL query built by concatenating name; use a placeholder",
		"file":    "api/handler.go", "line": float64(4), "column": float64(16),
		"endLine": float64(4), "endColumn": float64(len(strings.Split(handlerSrc, "\n")[3]) + 1),
		"package": "example.com/svc/api", "fingerprint": r.Findings[0].Fingerprint,
		"suppressed": false, "suppressionReason": "",
		"related": []any{map[string]any{"file": "api/handler.go", "line": float64(3), "column": float64(18), "message": "name comes from here"}},
		"hasFix":  true,
		"url":     rules.MustGet("AV301").DocURL(),
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("finding:\n got %v\nwant %v", f, want)
	}
	sup := fs[1].(map[string]any)
	if sup["suppressed"] != true || sup["suppressionReason"] != "name is an enum" || sup["line"] != float64(5) {
		t.Errorf("suppressed finding: %v", sup)
	}
	if rel := sup["related"]; !reflect.DeepEqual(rel, []any{}) {
		t.Errorf("related of a finding without any = %#v, want []", rel)
	}
	errs := path(t, m, "errors").([]any)
	if !reflect.DeepEqual(errs[0], map[string]any{"package": "example.com/svc/broken", "file": "broken/b.go", "line": float64(3), "column": float64(7), "message": "undefined: foo"}) {
		t.Errorf("error 0: %v", errs[0])
	}
	if !reflect.DeepEqual(errs[1], map[string]any{"package": "example.com/svc/other", "file": "", "line": float64(0), "column": float64(0), "message": "no Go files"}) {
		t.Errorf("error 1: %v", errs[1])
	}
	wantSum := map[string]any{"findings": float64(2), "high": float64(2), "medium": float64(0), "low": float64(0),
		"suppressed": float64(1), "packages": float64(12), "errors": float64(2)}
	if s := path(t, m, "summary"); !reflect.DeepEqual(s, wantSum) {
		t.Errorf("summary = %v", s)
	}

	// An empty report has arrays, not nulls.
	var b bytes.Buffer
	if err := JSON(&b, &Report{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"findings": []`) || !strings.Contains(b.String(), `"errors": []`) {
		t.Errorf("empty report:\n%s", b.String())
	}
	// No HTML escaping of messages.
	if !strings.Contains(b1.String(), `\"sk_l…789\"`) || strings.Contains(b1.String(), `\u`) {
		t.Errorf("message escaping:\n%s", b1.String())
	}
}

func TestSARIF(t *testing.T) {
	r := fixture(t)
	var b1, b2 bytes.Buffer
	if err := SARIF(&b1, r); err != nil {
		t.Fatal(err)
	}
	if err := SARIF(&b2, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("SARIF output differs between runs")
	}
	m := decode(t, b1.Bytes())
	if path(t, m, "$schema") != SARIFSchema || path(t, m, "version") != "2.1.0" {
		t.Errorf("header: %v %v", m["$schema"], m["version"])
	}
	if n := len(path(t, m, "runs").([]any)); n != 1 {
		t.Fatalf("%d runs", n)
	}
	run := path(t, m, "runs", 0)
	drv := path(t, run, "tool", "driver")
	if path(t, drv, "name") != "apivet" || path(t, drv, "version") != "v0.3.1" ||
		path(t, drv, "semanticVersion") != "0.3.1" || path(t, drv, "informationUri") != "https://github.com/apivet/apivet" {
		t.Errorf("driver: %v", drv)
	}

	// Rule descriptors: the whole catalog, sorted by ID.
	descs := path(t, drv, "rules").([]any)
	all := rules.All()
	if len(descs) != len(all) {
		t.Fatalf("%d rule descriptors, want %d", len(descs), len(all))
	}
	for i, rule := range all {
		d := descs[i]
		if path(t, d, "id") != rule.ID || path(t, d, "name") != rule.Name ||
			path(t, d, "shortDescription", "text") != rule.Title ||
			path(t, d, "fullDescription", "text") != rule.Summary ||
			path(t, d, "helpUri") != rule.DocURL() {
			t.Errorf("descriptor %d: %v", i, d)
		}
		help := rule.Summary
		if page, ok := docs.RulePage(rule.ID); ok {
			help = page
		}
		if path(t, d, "help", "text") != help || path(t, d, "help", "markdown") != help {
			t.Errorf("%s: help is not the rule's page", rule.ID)
		}
		if path(t, d, "properties", "security-severity") != rule.SecuritySeverity() {
			t.Errorf("%s: security-severity", rule.ID)
		}
		tags := path(t, d, "properties", "tags").([]any)
		if len(tags) == 0 || tags[0] != "security" || len(tags) != 1+2*len(rule.CWE) {
			t.Errorf("%s: tags %v", rule.ID, tags)
		}
		if want := map[rules.Severity]string{rules.High: "error", rules.Medium: "warning", rules.Low: "note"}[rule.Severity]; path(t, d, "defaultConfiguration", "level") != want {
			t.Errorf("%s: level", rule.ID)
		}
		if path(t, d, "properties", "precision") != rule.Confidence.String() {
			t.Errorf("%s: precision", rule.ID)
		}
	}
	av301 := descs[indexOf(all, "AV301")]
	if tags := path(t, av301, "properties", "tags"); !reflect.DeepEqual(tags, []any{"security", "CWE-89", "external/cwe/cwe-89"}) {
		t.Errorf("AV301 tags = %v", tags)
	}

	if path(t, run, "columnKind") != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run.(map[string]any)["columnKind"])
	}
	if u := path(t, run, "originalUriBaseIds", "%SRCROOT%", "uri").(string); u != "file://"+filepath.ToSlash(r.Root)+"/" {
		t.Errorf("%%SRCROOT%% = %s", u)
	}

	results := path(t, run, "results").([]any)
	if len(results) != 3 {
		t.Fatalf("%d results, want 3", len(results))
	}
	for i, res := range results {
		id := path(t, res, "ruleId").(string)
		idx := int(path(t, res, "ruleIndex").(float64))
		if path(t, descs[idx], "id") != id {
			t.Errorf("result %d: ruleIndex %d is not %s", i, idx, id)
		}
		if path(t, res, "partialFingerprints", "apivet/v1") != r.Findings[i].Fingerprint {
			t.Errorf("result %d: fingerprint", i)
		}
		loc := path(t, res, "locations", 0, "physicalLocation")
		if path(t, loc, "artifactLocation", "uri") != "api/handler.go" || path(t, loc, "artifactLocation", "uriBaseId") != "%SRCROOT%" {
			t.Errorf("result %d: artifact %v", i, path(t, loc, "artifactLocation"))
		}
	}
	first := results[0]
	if path(t, first, "level") != "error" || path(t, first, "message", "text") != r.Findings[0].Message {
		t.Errorf("result 0: %v", first)
	}
	// Line 4 has "é" (two bytes, one code point) before the query: the
	// byte column 16 is code point column 15.
	line4 := strings.Split(handlerSrc, "\n")[3]
	reg := path(t, first, "locations", 0, "physicalLocation", "region")
	wantReg := map[string]any{"startLine": float64(4), "startColumn": float64(15), "endLine": float64(4),
		"endColumn": float64(len([]rune(line4)) + 1)}
	if !reflect.DeepEqual(reg, wantReg) {
		t.Errorf("region = %v, want %v", reg, wantReg)
	}
	rel := path(t, first, "relatedLocations", 0)
	if path(t, rel, "id") != float64(1) || path(t, rel, "message", "text") != "name comes from here" ||
		path(t, rel, "physicalLocation", "region", "startLine") != float64(3) {
		t.Errorf("related location: %v", rel)
	}
	if has(first, "suppressions") {
		t.Error("unsuppressed result has suppressions")
	}
	sup := results[1]
	if s := path(t, sup, "suppressions"); !reflect.DeepEqual(s, []any{map[string]any{"kind": "inSource", "justification": "name is an enum"}}) {
		t.Errorf("suppressions = %v", s)
	}

	inv := path(t, run, "invocations", 0)
	if path(t, inv, "executionSuccessful") != false {
		t.Error("executionSuccessful with load errors")
	}
	notes := path(t, inv, "toolExecutionNotifications").([]any)
	if len(notes) != 2 || path(t, notes[0], "level") != "error" ||
		path(t, notes[0], "message", "text") != "example.com/svc/broken: undefined: foo" ||
		path(t, notes[0], "locations", 0, "physicalLocation", "artifactLocation", "uri") != "broken/b.go" {
		t.Errorf("notifications: %v", notes)
	}

	// Without errors the run is successful and has no notifications.
	r.Errors = nil
	var b bytes.Buffer
	if err := SARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	inv = path(t, decode(t, b.Bytes()), "runs", 0, "invocations", 0)
	if path(t, inv, "executionSuccessful") != true || has(inv, "toolExecutionNotifications") {
		t.Errorf("invocation: %v", inv)
	}
}

func TestSARIFEdges(t *testing.T) {
	r := &Report{Version: "(devel)", Root: "/nonexistent/root", Findings: []Finding{
		{Rule: rules.MustGet("AV510"), Message: "outside", Pos: token.Position{Filename: "/other/dir/a b.go", Line: 3, Column: 4}},
		{Rule: rules.MustGet("AV510"), Message: "spaces", Pos: token.Position{Filename: "/nonexistent/root/x y/a.go", Line: 1}},
	}}
	if filepath.Separator != '/' {
		t.Skip("unix paths")
	}
	var b bytes.Buffer
	if err := SARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	m := decode(t, b.Bytes())
	drv := path(t, m, "runs", 0, "tool", "driver")
	if has(drv, "semanticVersion") {
		t.Error("semanticVersion for (devel)")
	}
	res := path(t, m, "runs", 0, "results").([]any)
	loc := path(t, res[0], "locations", 0, "physicalLocation")
	if !reflect.DeepEqual(loc, map[string]any{
		"artifactLocation": map[string]any{"uri": "file:///other/dir/a%20b.go"},
		// The file cannot be read: byte columns are kept.
		"region": map[string]any{"startLine": float64(3), "startColumn": float64(4)},
	}) {
		t.Errorf("outside location: %v", loc)
	}
	loc = path(t, res[1], "locations", 0, "physicalLocation")
	if !reflect.DeepEqual(loc, map[string]any{
		"artifactLocation": map[string]any{"uri": "x%20y/a.go", "uriBaseId": "%SRCROOT%"},
		"region":           map[string]any{"startLine": float64(1)},
	}) {
		t.Errorf("location: %v", loc)
	}
	if has(res[0], "partialFingerprints") {
		t.Error("partialFingerprints without a fingerprint")
	}
}

func indexOf(all []*rules.Rule, id string) int {
	for i, r := range all {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3": "1.2.3", "1.2.3-rc.1": "1.2.3-rc.1", "v0.0.0-20240101120000-abcdef123456": "0.0.0-20240101120000-abcdef123456",
		"(devel)": "", "": "", "v1.2": "", "v01.2.3": "",
	} {
		got, ok := semanticVersion(v)
		if got != want || ok != (want != "") {
			t.Errorf("semanticVersion(%q) = %q, %v", v, got, ok)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("AV301", "api/h.go", "\tdb.Query(q)  // x", 0)
	if len(a) != 32 {
		t.Errorf("fingerprint %q: want 32 hex digits", a)
	}
	if b := Fingerprint("AV301", "api/h.go", "db.Query(q) // x   ", 0); a != b {
		t.Error("whitespace changes the fingerprint")
	}
	for _, b := range []string{
		Fingerprint("AV302", "api/h.go", "db.Query(q) // x", 0),
		Fingerprint("AV301", "api/g.go", "db.Query(q) // x", 0),
		Fingerprint("AV301", "api/h.go", "db.Query(p) // x", 0),
		Fingerprint("AV301", "api/h.go", "db.Query(q) // x", 1),
	} {
		if a == b {
			t.Error("different inputs give the same fingerprint")
		}
	}

	// Moving the line (an unrelated line inserted above) keeps it.
	root := t.TempDir()
	file := filepath.Join(root, "a.go")
	src := "package a\n\nvar k = \"secret\"; var k2 = \"secret\"\n"
	mk := func(line int) []Finding {
		return []Finding{
			{Rule: rules.MustGet("AV501"), Pos: token.Position{Filename: file, Line: line, Column: 20}},
			{Rule: rules.MustGet("AV501"), Pos: token.Position{Filename: file, Line: line, Column: 9}},
		}
	}
	before := mk(3)
	AssignFingerprints(before, root, func(string) ([]byte, error) { return []byte(src), nil })
	after := mk(5)
	AssignFingerprints(after, root, func(string) ([]byte, error) { return []byte("// moved\n\n" + src), nil })
	if before[0].Fingerprint != after[0].Fingerprint || before[1].Fingerprint != after[1].Fingerprint {
		t.Error("fingerprints change when the line moves")
	}
	if before[0].Fingerprint == before[1].Fingerprint {
		t.Error("two findings on one line share a fingerprint")
	}
	// Occurrences count in position order, not slice order.
	if want := Fingerprint("AV501", "a.go", `var k = "secret"; var k2 = "secret"`, 0); before[1].Fingerprint != want {
		t.Errorf("first occurrence = %s, want %s", before[1].Fingerprint, want)
	}
}

func TestSortDeterministic(t *testing.T) {
	r := fixture(t)
	extra := []Finding{
		{Rule: rules.MustGet("AV302"), Message: "b", Pos: token.Position{Filename: "/a.go", Line: 1, Column: 1}},
		{Rule: rules.MustGet("AV301"), Message: "b", Pos: token.Position{Filename: "/a.go", Line: 1, Column: 1}},
		{Rule: rules.MustGet("AV301"), Message: "a", Pos: token.Position{Filename: "/a.go", Line: 1, Column: 1}},
		{Rule: rules.MustGet("AV301"), Message: "a", Pos: token.Position{Filename: "/a.go", Line: 1, Column: 1}, Suppressed: true},
		{Rule: rules.MustGet("AV301"), Message: "a", Pos: token.Position{Filename: "/a.go", Line: 10, Column: 1}},
		{Rule: rules.MustGet("AV301"), Message: "a", Pos: token.Position{Filename: "/a.go", Line: 2, Column: 9}},
	}
	all := append(append([]Finding(nil), r.Findings...), extra...)
	Sort(all)
	rng := rand.New(rand.NewSource(1))
	for range 20 {
		shuffled := append([]Finding(nil), all...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		Sort(shuffled)
		if !reflect.DeepEqual(shuffled, all) {
			t.Fatal("Sort depends on the input order")
		}
	}
	var got []string
	for _, f := range all[:6] {
		got = append(got, f.Rule.ID+f.Message)
	}
	if want := []string{"AV301a", "AV301a", "AV301b", "AV302b", "AV301a", "AV301a"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if all[0].Suppressed || !all[1].Suppressed || all[4].Pos.Line != 2 || all[5].Pos.Line != 10 {
		t.Error("order within a position")
	}
}

func TestFromDiagnostic(t *testing.T) {
	fset := token.NewFileSet()
	tf := fset.AddFile("/root/a.go", -1, 100)
	tf.SetLines([]int{0, 10, 20, 30})
	d := analysis.Diagnostic{
		Pos: tf.Pos(12), End: tf.Pos(18), Category: "AV301",
		Message: "AV301 high: query built by concatenation; use a placeholder",
		Related: []analysis.RelatedInformation{
			{Pos: tf.Pos(2), Message: "value from here"},
			{Pos: tf.Pos(1), Message: lint.SuppressedPrefix + "checked upstream"},
		},
		SuggestedFixes: []analysis.SuggestedFix{{Message: "fix"}},
	}
	f, err := FromDiagnostic(fset, "example.com/a", d)
	if err != nil {
		t.Fatal(err)
	}
	want := Finding{
		Rule: rules.MustGet("AV301"), Message: "query built by concatenation; use a placeholder",
		Pos:     token.Position{Filename: "/root/a.go", Offset: 12, Line: 2, Column: 3},
		End:     token.Position{Filename: "/root/a.go", Offset: 18, Line: 2, Column: 9},
		Package: "example.com/a", Suppressed: true, SuppressReason: "checked upstream",
		Related: []Related{{Pos: token.Position{Filename: "/root/a.go", Offset: 2, Line: 1, Column: 3}, Message: "value from here"}},
		HasFix:  true,
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("FromDiagnostic:\n got %+v\nwant %+v", f, want)
	}
	if _, err := FromDiagnostic(fset, "p", analysis.Diagnostic{Pos: tf.Pos(1), Message: "x", Category: "nope"}); err == nil {
		t.Error("no error for an unknown category")
	}

	// A driver that copies the marker into Related gets it interpreted.
	r := &Report{Findings: []Finding{{Rule: rules.MustGet("AV301"), Message: "m", Related: []Related{{Message: lint.SuppressedPrefix + "why"}}}}}
	var b bytes.Buffer
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	fs := path(t, decode(t, b.Bytes()), "findings").([]any)
	if path(t, fs[0], "suppressed") != true || path(t, fs[0], "suppressionReason") != "why" || len(path(t, fs[0], "related").([]any)) != 0 {
		t.Errorf("marker not interpreted: %v", fs[0])
	}
	if r.Findings[0].Suppressed {
		t.Error("writer modified the report")
	}
}

func TestSplitPos(t *testing.T) {
	for in, want := range map[string]struct {
		file      string
		line, col int
	}{
		"/a/b.go:3:7":    {"/a/b.go", 3, 7},
		"/a/b.go:3":      {"/a/b.go", 3, 0},
		"/a/b.go":        {"/a/b.go", 0, 0},
		`C:\x\b.go:3:7`:  {`C:\x\b.go`, 3, 7},
		"/a/b:c.go:10:2": {"/a/b:c.go", 10, 2},
		"-":              {"-", 0, 0},
	} {
		f, l, c := splitPos(in)
		if f != want.file || l != want.line || c != want.col {
			t.Errorf("splitPos(%q) = %q %d %d", in, f, l, c)
		}
	}
}

func TestRuneColumn(t *testing.T) {
	line := []byte("aé€x")
	for col, want := range map[int]int{1: 1, 2: 2, 4: 3, 7: 4, 8: 5, 10: 7} {
		if got := runeColumn(line, col); got != want {
			t.Errorf("runeColumn(%d) = %d, want %d", col, got, want)
		}
	}
}

func TestUseColour(t *testing.T) {
	if UseColour(nil) {
		t.Error("nil file")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Setenv("NO_COLOR", "")
	if UseColour(f) {
		t.Error("colour with NO_COLOR set (empty)")
	}
	os.Unsetenv("NO_COLOR")
	if UseColour(f) {
		t.Error("colour for a regular file")
	}
}
