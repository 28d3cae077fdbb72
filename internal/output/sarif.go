package output

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/apivet/apivet/docs"
	"github.com/apivet/apivet/internal/rules"
)

// SARIF constants.
const (
	SARIFSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	SARIFVersion = "2.1.0"
	// SrcRoot is the uriBaseId every artifact location inside the root
	// uses; run.originalUriBaseIds maps it to the root's file URI.
	SrcRoot = "%SRCROOT%"
	// FingerprintKey is the partialFingerprints entry holding
	// Finding.Fingerprint.
	FingerprintKey = "apivet/v1"
	// InformationURI is the tool's home page.
	InformationURI = "https://github.com/apivet/apivet"
)

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool         `json:"tool"`
		Invocations        []sarifInvocation `json:"invocations"`
		OriginalURIBaseIDs *sarifBaseIDs     `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult     `json:"results"`
		ColumnKind         string            `json:"columnKind"`
	}
	sarifBaseIDs struct {
		SrcRoot sarifArtifactLocation `json:"%SRCROOT%"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name"`
		ShortDescription     sarifText          `json:"shortDescription"`
		FullDescription      sarifText          `json:"fullDescription"`
		Help                 sarifHelp          `json:"help"`
		HelpURI              string             `json:"helpUri"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           sarifRuleProps     `json:"properties"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags             []string `json:"tags"`
		SecuritySeverity string   `json:"security-severity"`
		Precision        string   `json:"precision"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifText          `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
		RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	}
	sarifLocation struct {
		ID               int                   `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifText            `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
)

// SARIF writes the report as a SARIF 2.1.0 log with one run, in the form
// GitHub code scanning accepts: one rule descriptor per catalog rule
// (sorted by ID) with help from the rule's doc page, CWE tags and
// security-severity; results with paths relative to %SRCROOT% (the root),
// columns in Unicode code points (converted from Go's byte columns by
// reading the source through r.ReadFile), the fingerprint under
// partialFingerprints["apivet/v1"], and an inSource suppression for each
// suppressed finding. Load errors become tool execution notifications and
// make executionSuccessful false.
func SARIF(w io.Writer, r *Report) error {
	fs, err := normalize(r.Findings)
	if err != nil {
		return err
	}
	catalog := rules.All()
	index := map[string]int{}
	descs := make([]sarifRule, 0, len(catalog))
	for i, rule := range catalog {
		index[rule.ID] = i
		descs = append(descs, ruleDescriptor(rule))
	}
	driver := sarifDriver{
		Name:           r.tool(),
		Version:        r.Version,
		InformationURI: InformationURI,
		Rules:          descs,
	}
	if v, ok := semanticVersion(r.Version); ok {
		driver.SemanticVersion = v
	}
	run := sarifRun{
		Tool:       sarifTool{Driver: driver},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	if r.Root != "" {
		run.OriginalURIBaseIDs = &sarifBaseIDs{SrcRoot: sarifArtifactLocation{URI: fileURI(r.Root, true)}}
	}
	src := newSources(r.readFile())
	for _, f := range fs {
		i, ok := index[f.Rule.ID]
		if !ok {
			return fmt.Errorf("output: rule %s of finding at %s is not in the catalog", f.Rule.ID, f.Pos)
		}
		res := sarifResult{
			RuleID:    f.Rule.ID,
			RuleIndex: i,
			Level:     level(f.Rule.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: physical(r.Root, src, f.Pos.Filename, f.Pos.Line, f.Pos.Column, f.End)}},
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
		}
		for j, rel := range f.Related {
			if rel.Pos.Filename == "" {
				continue // nowhere to point; code scanning rejects empty URIs
			}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               j + 1,
				PhysicalLocation: physical(r.Root, src, rel.Pos.Filename, rel.Pos.Line, rel.Pos.Column, token.Position{}),
				Message:          &sarifText{Text: rel.Message},
			})
		}
		if f.Suppressed {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.SuppressReason}}
		}
		run.Results = append(run.Results, res)
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: e.Message}}
		if e.Package != "" {
			n.Message.Text = e.Package + ": " + e.Message
		}
		if e.Pos != "" {
			file, line, col := splitPos(e.Pos)
			if file != "" {
				n.Locations = []sarifLocation{{PhysicalLocation: physical(r.Root, src, file, line, col, token.Position{})}}
			}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	log := sarifLog{Schema: SARIFSchema, Version: SARIFVersion, Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func ruleDescriptor(rule *rules.Rule) sarifRule {
	page, ok := docs.RulePage(rule.ID)
	if !ok || strings.TrimSpace(page) == "" {
		page = rule.Summary
	}
	tags := []string{"security"}
	for _, c := range rule.CWE {
		tags = append(tags, fmt.Sprintf("CWE-%d", c), fmt.Sprintf("external/cwe/cwe-%d", c))
	}
	return sarifRule{
		ID:                   rule.ID,
		Name:                 rule.Name,
		ShortDescription:     sarifText{Text: rule.Title},
		FullDescription:      sarifText{Text: rule.Summary},
		Help:                 sarifHelp{Text: page, Markdown: page},
		HelpURI:              rule.DocURL(),
		DefaultConfiguration: sarifConfiguration{Level: level(rule.Severity)},
		Properties: sarifRuleProps{
			Tags:             tags,
			SecuritySeverity: rule.SecuritySeverity(),
			Precision:        precision(rule.Confidence),
		},
	}
}

// level maps a severity onto SARIF's result levels.
func level(s rules.Severity) string {
	switch s {
	case rules.High:
		return "error"
	case rules.Medium:
		return "warning"
	}
	return "note"
}

// precision maps a confidence onto the precision property code scanning
// reads.
func precision(c rules.Confidence) string {
	switch c {
	case rules.HighConfidence:
		return "high"
	case rules.MediumConfidence:
		return "medium"
	}
	return "low"
}

// semverRE is SemVer 2.0.0 (https://semver.org), without a leading "v".
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion turns "v1.2.3" or "1.2.3-rc.1" into a SemVer string,
// reporting false for versions such as "(devel)".
func semanticVersion(v string) (string, bool) {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v, true
	}
	return "", false
}

// fileURI is the file:// URI of an absolute path; dir adds the trailing
// slash SARIF requires of a base URI.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// relURI escapes a slash-separated relative path as a URI reference.
func relURI(rel string) string {
	u := (&url.URL{Path: rel}).String()
	return u
}

// physical is the location of file:line:col, with the region ending at
// end when end is on the same file and after the start.
func physical(root string, src *sources, file string, line, col int, end token.Position) sarifPhysicalLocation {
	e := end
	var loc sarifArtifactLocation
	if inside(root, file) {
		loc = sarifArtifactLocation{URI: relURI(relPath(root, file)), URIBaseID: SrcRoot}
	} else if filepath.IsAbs(file) {
		loc = sarifArtifactLocation{URI: fileURI(file, false)}
	} else {
		loc = sarifArtifactLocation{URI: relURI(filepath.ToSlash(file))}
	}
	pl := sarifPhysicalLocation{ArtifactLocation: loc}
	if line <= 0 {
		return pl
	}
	reg := &sarifRegion{StartLine: line}
	if col > 0 {
		reg.StartColumn = runeColumn(src.line(file, line), col)
	}
	if e.Line > 0 && (e.Filename == "" || e.Filename == file) && e.Line >= line {
		ec := 0
		if e.Column > 0 {
			ec = runeColumn(src.line(file, e.Line), e.Column)
		}
		switch {
		case e.Line > line:
			reg.EndLine, reg.EndColumn = e.Line, ec
		case ec > reg.StartColumn && reg.StartColumn > 0:
			reg.EndLine, reg.EndColumn = e.Line, ec
		}
	}
	pl.Region = reg
	return pl
}

// runeColumn converts a 1-based byte column on a line into a 1-based
// Unicode code point column. A column beyond the end of the line (or an
// unreadable line) keeps its excess bytes as columns.
func runeColumn(line []byte, col int) int {
	n := col - 1
	if n <= len(line) {
		return utf8.RuneCount(line[:n]) + 1
	}
	return utf8.RuneCount(line) + (n - len(line)) + 1
}
