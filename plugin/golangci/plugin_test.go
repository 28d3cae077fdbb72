package golangci

import (
	"strings"
	"testing"

	"github.com/apivet/apivet/analyzers"
)

func flagValue(t *testing.T, analyzer, name string) string {
	t.Helper()
	for _, a := range analyzers.All() {
		if a.Name == analyzer {
			f := a.Flags.Lookup(name)
			if f == nil {
				t.Fatalf("%s has no flag %s", analyzer, name)
			}
			return f.Value.String()
		}
	}
	t.Fatalf("no analyzer %s", analyzer)
	return ""
}

func TestSettingsApplied(t *testing.T) {
	p, err := New(map[string]any{
		"disable":      []any{"AV302"},
		"min-severity": "medium",
		"settings":     map[string]any{"sqli": map[string]any{"exclude": "internal/legacy/**"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != len(analyzers.All()) {
		t.Fatalf("BuildAnalyzers = %d analyzers, %v", len(as), err)
	}
	if got := flagValue(t, "sqli", "disable"); !strings.Contains(got, "AV302") {
		t.Errorf("sqli.disable = %q", got)
	}
	if got := flagValue(t, "sqli", "min-severity"); got != "medium" {
		t.Errorf("sqli.min-severity = %q", got)
	}
	if got := flagValue(t, "sqli", "exclude"); got != "internal/legacy/**" {
		t.Errorf("sqli.exclude = %q", got)
	}
	if got := flagValue(t, "sqli", "tests"); got != "true" {
		t.Errorf("tests should default to true under golangci-lint, got %q", got)
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
}

func TestUnknownSettings(t *testing.T) {
	for _, raw := range []map[string]any{
		{"disabel": []any{"AV302"}},
		{"settings": map[string]any{"nosuch": map[string]any{"x": 1}}},
		{"settings": map[string]any{"sqli": map[string]any{"nosuch": "1"}}},
		{"disable": []any{"AV399"}},
		{"min-severity": "urgent"},
	} {
		if _, err := New(raw); err == nil {
			t.Errorf("New(%v) accepted bad settings", raw)
		}
	}
}
