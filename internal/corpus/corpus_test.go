package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testenv"
)

// TestCorpusScores fails when apivet's precision or recall in a family
// drops below the figures recorded in testdata/mod/corpus/scores.json.
// Raise them as the checks improve; never lower them to make this pass.
func TestCorpusScores(t *testing.T) {
	testenv.Module(t)
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	labels, err := ReadLabels(root)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := RunApivet(root)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "scores.json"))
	if err != nil {
		t.Fatal(err)
	}
	var floor map[string]struct{ Precision, Recall float64 }
	if err := json.Unmarshal(data, &floor); err != nil {
		t.Fatalf("scores.json: %v", err)
	}
	var b strings.Builder
	scores := Compute(labels, findings)
	Print(&b, "apivet", scores)
	t.Log("\n" + b.String())
	for _, s := range scores {
		want, ok := floor[s.Family]
		if !ok {
			t.Errorf("scores.json has no entry for family %s", s.Family)
			continue
		}
		if s.Precision+1e-9 < want.Precision {
			t.Errorf("%s: precision %.2f below the recorded %.2f; false positives: %v", s.Family, s.Precision, want.Precision, s.FalsePositives)
		}
		if s.Recall+1e-9 < want.Recall {
			t.Errorf("%s: recall %.2f below the recorded %.2f; missed: %v", s.Family, s.Recall, want.Recall, s.FalseNegatives)
		}
	}
}

func TestCompute(t *testing.T) {
	l := &Labels{
		Vuln: map[string]map[Line]bool{"sql": {{"a.go", 1}: true, {"a.go", 2}: true}},
		Safe: map[string]map[Line]bool{"sql": {{"a.go", 3}: true}},
	}
	s := Compute(l, []Finding{{"sql", Line{"a.go", 1}, "AV301"}, {"sql", Line{"a.go", 3}, "AV301"}})[2]
	if s.Family != "sql" || s.TP != 1 || s.FP != 1 || s.FN != 1 || s.Precision != 0.5 || s.Recall != 0.5 {
		t.Errorf("Compute = %+v", s)
	}
}
