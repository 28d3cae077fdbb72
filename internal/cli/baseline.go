package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apivet/apivet/internal/output"
)

// baseline is a recorded set of findings, matched by fingerprint (rule,
// file, the text of the line, occurrence), so that code moving up or down
// does not make an old finding new.
type baseline struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %v", err)
	}
	var b baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: not an apivet baseline: %v", path, err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("baseline %s: unsupported version %d", path, b.Version)
	}
	return &b, nil
}

// filter drops the findings the baseline holds, each entry matching once.
func (b *baseline) filter(fs []output.Finding) []output.Finding {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	var out []output.Finding
	for _, f := range fs {
		if left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			continue
		}
		out = append(out, f)
	}
	return out
}

func writeBaseline(path string, rep *output.Report) error {
	b := baseline{Version: 1, Tool: "apivet " + rep.Version, Findings: []baselineEntry{}}
	for _, f := range rep.Findings {
		if f.Suppressed {
			continue
		}
		b.Findings = append(b.Findings, baselineEntry{
			Rule:        f.Rule.ID,
			File:        relPath(rep.Root, f.Pos.Filename),
			Fingerprint: f.Fingerprint,
			Message:     f.Message,
		})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		if b.Findings[i].File != b.Findings[j].File {
			return b.Findings[i].File < b.Findings[j].File
		}
		return b.Findings[i].Fingerprint < b.Findings[j].Fingerprint
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

func relPath(root, name string) string {
	if rel, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(name)
}
