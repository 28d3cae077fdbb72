package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/apivet/apivet/internal/rules"
)

// JSONVersion is the version of the JSON output shape. It changes only
// when a field is removed or changes meaning; new fields may be added
// without changing it.
const JSONVersion = 1

// The JSON shape, documented field by field in docs/json-output.md.
type (
	jsonReport struct {
		Version  int           `json:"version"`
		Tool     jsonTool      `json:"tool"`
		Findings []jsonFinding `json:"findings"`
		Errors   []jsonError   `json:"errors"`
		Summary  jsonSummary   `json:"summary"`
	}
	jsonTool struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	jsonFinding struct {
		Rule              string        `json:"rule"`
		Name              string        `json:"name"`
		Title             string        `json:"title"`
		Severity          string        `json:"severity"`
		Confidence        string        `json:"confidence"`
		CWE               []string      `json:"cwe"`
		Message           string        `json:"message"`
		File              string        `json:"file"`
		Line              int           `json:"line"`
		Column            int           `json:"column"`
		EndLine           int           `json:"endLine"`
		EndColumn         int           `json:"endColumn"`
		Package           string        `json:"package"`
		Fingerprint       string        `json:"fingerprint"`
		Suppressed        bool          `json:"suppressed"`
		SuppressionReason string        `json:"suppressionReason"`
		Related           []jsonRelated `json:"related"`
		HasFix            bool          `json:"hasFix"`
		URL               string        `json:"url"`
	}
	jsonRelated struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
	jsonError struct {
		Package string `json:"package"`
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
	jsonSummary struct {
		Findings   int `json:"findings"`
		High       int `json:"high"`
		Medium     int `json:"medium"`
		Low        int `json:"low"`
		Suppressed int `json:"suppressed"`
		Packages   int `json:"packages"`
		Errors     int `json:"errors"`
	}
)

// JSON writes the report as one indented JSON object, in the shape
// documented in docs/json-output.md. Lists are never null, suppressed
// findings are included with "suppressed": true, and findings keep the
// order of r.Findings (call Sort first).
func JSON(w io.Writer, r *Report) error {
	fs, err := normalize(r.Findings)
	if err != nil {
		return err
	}
	out := jsonReport{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: r.tool(), Version: r.Version},
		Findings: []jsonFinding{},
		Errors:   []jsonError{},
	}
	for _, f := range fs {
		jf := jsonFinding{
			Rule:        f.Rule.ID,
			Name:        f.Rule.Name,
			Title:       f.Rule.Title,
			Severity:    f.Rule.Severity.String(),
			Confidence:  f.Rule.Confidence.String(),
			CWE:         cweList(f.Rule),
			Message:     f.Message,
			File:        relPath(r.Root, f.Pos.Filename),
			Line:        f.Pos.Line,
			Column:      f.Pos.Column,
			EndLine:     f.End.Line,
			EndColumn:   f.End.Column,
			Package:     f.Package,
			Fingerprint: f.Fingerprint,
			Suppressed:  f.Suppressed,
			Related:     []jsonRelated{},
			HasFix:      f.HasFix,
			URL:         f.Rule.DocURL(),
		}
		if f.Suppressed {
			jf.SuppressionReason = f.SuppressReason
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{
				File:    relPath(r.Root, rel.Pos.Filename),
				Line:    rel.Pos.Line,
				Column:  rel.Pos.Column,
				Message: rel.Message,
			})
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, e := range r.Errors {
		je := jsonError{Package: e.Package, Message: e.Message}
		if e.Pos != "" {
			file, line, col := splitPos(e.Pos)
			je.File, je.Line, je.Column = relPath(r.Root, file), line, col
		}
		out.Errors = append(out.Errors, je)
	}
	c := count(fs)
	out.Summary = jsonSummary{
		Findings:   c.findings,
		High:       c.high,
		Medium:     c.medium,
		Low:        c.low,
		Suppressed: c.suppressed,
		Packages:   r.Packages,
		Errors:     len(r.Errors),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func cweList(r *rules.Rule) []string {
	out := []string{}
	for _, c := range r.CWE {
		out = append(out, fmt.Sprintf("CWE-%d", c))
	}
	return out
}
