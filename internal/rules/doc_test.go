package rules_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apivet/apivet/docs"
	"github.com/apivet/apivet/internal/rules"
	"github.com/apivet/apivet/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the generated headers of docs/rules/*.md from the catalog")

// TestDocs keeps docs/rules in step with the catalog: every rule has a page
// whose header is generated from its catalog entry and whose body has every
// section, and every page belongs to a rule.
func TestDocs(t *testing.T) {
	dir := filepath.Join(testenv.Root(t), "docs", "rules")
	for _, r := range rules.All() {
		path := filepath.Join(dir, r.ID+".md")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s has no doc page: %v", r.ID, err)
			continue
		}
		page := string(data)
		head := rules.DocHeader(r)
		_, body, ok := strings.Cut(page, rules.DocMarker+"\n")
		if !ok {
			t.Errorf("%s: page lacks the marker %q", path, rules.DocMarker)
			continue
		}
		if !strings.HasPrefix(page, head) {
			if *update {
				if err := os.WriteFile(path, []byte(head+body), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				t.Errorf("%s: header differs from the catalog; run go test ./internal/rules -run TestDocs -update", path)
			}
		}
		last := -1
		for _, sec := range rules.DocSections {
			i := strings.Index(body, "\n"+sec+"\n")
			if strings.HasPrefix(body, sec+"\n") {
				i = 0
			}
			if i < 0 {
				t.Errorf("%s: missing section %q", path, sec)
				continue
			}
			if i < last {
				t.Errorf("%s: section %q out of order", path, sec)
			}
			last = i
		}
		if !strings.Contains(body, "//apivet:ignore "+r.ID) && r.ID != "AV001" && r.ID != "AV002" {
			t.Errorf("%s: the Suppressing section should show //apivet:ignore %s", path, r.ID)
		}
	}
	for _, id := range docs.RulePages() {
		if rules.ByID(id) == nil {
			t.Errorf("docs/rules/%s.md documents no rule in the catalog", id)
		}
	}
}

func TestCatalog(t *testing.T) {
	names := map[string]string{}
	for _, r := range rules.All() {
		if r.Title == "" || r.Summary == "" || r.Name == "" {
			t.Errorf("%s: title, summary and name are required", r.ID)
		}
		if r.ID[2] != '0' && len(r.CWE) == 0 {
			t.Errorf("%s: no CWE", r.ID)
		}
		if strings.HasSuffix(r.Title, ".") {
			t.Errorf("%s: title ends with a period", r.ID)
		}
		if other, dup := names[r.Name]; dup {
			t.Errorf("%s and %s share the name %q", r.ID, other, r.Name)
		}
		names[r.Name] = r.ID
		if _, ok := rules.FamilyByName(r.Family().Name); !ok {
			t.Errorf("%s: unknown family", r.ID)
		}
	}
}

func TestResolve(t *testing.T) {
	ids, err := rules.Resolve([]string{"av301", "secrets"})
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] != "AV301" || len(ids) < 3 {
		t.Errorf("Resolve = %v", ids)
	}
	if _, err := rules.Resolve([]string{"AV399"}); err == nil {
		t.Error("Resolve accepted an unknown ID")
	}
}

// TestReadmeRules keeps the rule table in README.md in step with the
// catalog.
func TestReadmeRules(t *testing.T) {
	path := filepath.Join(testenv.Root(t), "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	const begin, end = "<!-- rules:begin", "<!-- rules:end -->"
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q markers", begin, end)
	}
	head := s[:i]
	nl := strings.Index(s[i:], "\n")
	marker := s[i : i+nl+1]
	var b strings.Builder
	b.WriteString("| ID | severity | CWE | title |\n|---|---|---|---|\n")
	for _, r := range rules.All() {
		cwe := r.CWEs()
		if cwe == "" {
			cwe = "-"
		}
		fmt.Fprintf(&b, "| [%s](docs/rules/%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, cwe, r.Title)
	}
	want := head + marker + b.String() + s[j:]
	if want != s {
		if *update {
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's rule table differs from the catalog; run go test ./internal/rules -run TestReadmeRules -update")
	}
}
