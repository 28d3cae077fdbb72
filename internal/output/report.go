// Package output holds apivet's report model and writes it in the three
// output formats: coloured text for people, JSON (documented in
// docs/json-output.md) and SARIF 2.1.0 for code-scanning services.
//
// The driver fills a Report (findings with absolute file names, load
// errors, the module root), calls AssignFingerprints and Sort, and hands it
// to Text, JSON or SARIF. Every writer is deterministic: the same report
// gives the same bytes.
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/apivet/apivet/internal/lint"
	"github.com/apivet/apivet/internal/rules"
	"golang.org/x/tools/go/analysis"
)

// Report is the result of one apivet run.
type Report struct {
	Tool    string // "apivet"; empty means "apivet"
	Version string // the tool's version, e.g. "v0.3.0" or "(devel)"
	// Root is the absolute module or repository root. Paths in every
	// output format are relative to it (with forward slashes) when they
	// lie inside it, and absolute otherwise.
	Root     string
	Findings []Finding
	Errors   []Error
	Packages int // packages analysed

	// ReadFile reads source files for the SARIF column conversion. Nil
	// means os.ReadFile.
	ReadFile func(string) ([]byte, error)
}

// Finding is one diagnostic.
type Finding struct {
	Rule           *rules.Rule // never nil
	Message        string      // without the "AV301 high: " prefix
	Pos, End       token.Position
	Package        string // import path
	Fingerprint    string // see Fingerprint
	Suppressed     bool   // silenced by //apivet:ignore
	SuppressReason string // the directive's reason
	Related        []Related
	HasFix         bool // the diagnostic carries a suggested fix
}

// Related is a secondary location of a finding.
type Related struct {
	Pos     token.Position
	Message string
}

// Error is a package that failed to load or type-check, or an analyzer
// that failed.
type Error struct {
	Package string
	Pos     string // "file:line:col" or ""
	Message string
}

func (r *Report) tool() string {
	if r.Tool == "" {
		return "apivet"
	}
	return r.Tool
}

func (r *Report) readFile() func(string) ([]byte, error) {
	if r.ReadFile != nil {
		return r.ReadFile
	}
	return os.ReadFile
}

// FromDiagnostic turns a diagnostic reported by an apivet analyzer into a
// Finding: the rule comes from the diagnostic's Category, the "AV301 high: "
// prefix is removed from the message, and the Related entry the lint
// Reporter adds to a suppressed finding (lint.SuppressedPrefix) becomes
// Suppressed and SuppressReason. The diagnostic's category must be a rule
// ID of the catalog.
func FromDiagnostic(fset *token.FileSet, pkg string, d analysis.Diagnostic) (Finding, error) {
	rule := rules.ByID(d.Category)
	if rule == nil {
		return Finding{}, fmt.Errorf("diagnostic %q at %s has no apivet rule (category %q)", d.Message, fset.Position(d.Pos), d.Category)
	}
	f := Finding{
		Rule:    rule,
		Message: TrimPrefix(rule, d.Message),
		Pos:     fset.Position(d.Pos),
		Package: pkg,
		HasFix:  len(d.SuggestedFixes) > 0,
	}
	if d.End.IsValid() {
		f.End = fset.Position(d.End)
	}
	for _, rel := range d.Related {
		if reason, ok := strings.CutPrefix(rel.Message, lint.SuppressedPrefix); ok {
			f.Suppressed = true
			f.SuppressReason = reason
			continue
		}
		f.Related = append(f.Related, Related{Pos: fset.Position(rel.Pos), Message: rel.Message})
	}
	return f, nil
}

// TrimPrefix removes the "AV301 high: " prefix the lint Reporter puts in
// front of every message.
func TrimPrefix(rule *rules.Rule, msg string) string {
	p := rule.ID + " " + rule.Severity.String() + ": "
	if s, ok := strings.CutPrefix(msg, p); ok {
		return s
	}
	if s, ok := strings.CutPrefix(msg, rule.ID+": "); ok {
		return s
	}
	return msg
}

// normalize returns the findings as the writers print them: a Related
// entry carrying lint.SuppressedPrefix (left there by a driver that did
// not use FromDiagnostic) marks the finding suppressed instead of being
// printed. The input is not modified.
func normalize(fs []Finding) ([]Finding, error) {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		if f.Rule == nil {
			return nil, fmt.Errorf("output: finding %q at %s has no rule", f.Message, f.Pos)
		}
		var rel []Related
		for _, r := range f.Related {
			if reason, ok := strings.CutPrefix(r.Message, lint.SuppressedPrefix); ok {
				if !f.Suppressed {
					f.Suppressed = true
					f.SuppressReason = reason
				}
				continue
			}
			rel = append(rel, r)
		}
		f.Related = rel
		out[i] = f
	}
	return out, nil
}

// Sort orders findings by file, line, column, rule ID and message (then
// by the remaining fields, so that the order never depends on the input
// order).
func Sort(findings []Finding) {
	sort.SliceStable(findings, func(i, j int) bool { return less(&findings[i], &findings[j]) })
}

func less(a, b *Finding) bool {
	if a.Pos.Filename != b.Pos.Filename {
		return a.Pos.Filename < b.Pos.Filename
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Column != b.Pos.Column {
		return a.Pos.Column < b.Pos.Column
	}
	if ai, bi := ruleID(a), ruleID(b); ai != bi {
		return ai < bi
	}
	if a.Message != b.Message {
		return a.Message < b.Message
	}
	if a.End.Line != b.End.Line {
		return a.End.Line < b.End.Line
	}
	if a.End.Column != b.End.Column {
		return a.End.Column < b.End.Column
	}
	if a.Package != b.Package {
		return a.Package < b.Package
	}
	if a.Suppressed != b.Suppressed {
		return !a.Suppressed
	}
	return a.SuppressReason < b.SuppressReason
}

func ruleID(f *Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.ID
}

// Fingerprint identifies a finding across runs so that baselines and code
// scanning can follow it when unrelated lines move: the hex form of the
// first 16 bytes of the SHA-256 of the rule ID, the slash-separated path
// relative to the root, the source line with its whitespace normalised
// (runs of spaces and tabs become one space, leading and trailing space is
// dropped), and the occurrence index (0, 1, ...) among the findings with
// the same rule, path and line text.
func Fingerprint(ruleID, relPath, lineText string, occurrence int) string {
	h := sha256.New()
	for _, s := range []string{ruleID, filepath.ToSlash(relPath), normSpace(lineText), strconv.Itoa(occurrence)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// AssignFingerprints fills Finding.Fingerprint for every finding. Paths
// are made relative to root; readFile (nil means os.ReadFile) reads the
// source lines, and a file that cannot be read counts as empty lines.
// Occurrence indexes are counted in Sort order, whatever the order of the
// slice, which is left as it is.
func AssignFingerprints(findings []Finding, root string, readFile func(string) ([]byte, error)) {
	if readFile == nil {
		readFile = os.ReadFile
	}
	src := newSources(readFile)
	idx := make([]int, len(findings))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return less(&findings[idx[i]], &findings[idx[j]]) })
	seen := map[string]int{}
	for _, i := range idx {
		f := &findings[i]
		rel := relPath(root, f.Pos.Filename)
		text := normSpace(string(src.line(f.Pos.Filename, f.Pos.Line)))
		key := ruleID(f) + "\x00" + rel + "\x00" + text
		n := seen[key]
		seen[key] = n + 1
		f.Fingerprint = Fingerprint(ruleID(f), rel, text, n)
	}
}

// sources caches file contents split into lines.
type sources struct {
	read  func(string) ([]byte, error)
	files map[string][][]byte
}

func newSources(read func(string) ([]byte, error)) *sources {
	return &sources{read: read, files: map[string][][]byte{}}
}

// line returns line n (1-based) of the file without its line ending, or
// nil when the file cannot be read or has no such line.
func (s *sources) line(filename string, n int) []byte {
	if filename == "" || n <= 0 {
		return nil
	}
	lines, ok := s.files[filename]
	if !ok {
		data, err := s.read(filename)
		if err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		s.files[filename] = lines
	}
	if n > len(lines) {
		return nil
	}
	return bytes.TrimSuffix(lines[n-1], []byte("\r"))
}

// relPath returns filename relative to root with forward slashes when it
// lies inside root, and filename unchanged otherwise.
func relPath(root, filename string) string {
	if root == "" || filename == "" || !filepath.IsAbs(filename) {
		return filepath.ToSlash(filename)
	}
	rel, err := filepath.Rel(root, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filename
	}
	return filepath.ToSlash(rel)
}

// inside reports whether relPath made filename relative to root.
func inside(root, filename string) bool {
	if root == "" || !filepath.IsAbs(filename) {
		return false
	}
	rel, err := filepath.Rel(root, filename)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// splitPos splits "file:line:col" (or "file:line", or "file") into its
// parts. Only trailing numeric fields count, so Windows drive letters and
// colons in file names survive.
func splitPos(s string) (file string, line, col int) {
	file = s
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil || n < 0 {
			break
		}
		nums = append(nums, n)
		file = file[:i]
	}
	switch len(nums) {
	case 1:
		line = nums[0]
	case 2:
		line, col = nums[1], nums[0]
	}
	return file, line, col
}

// posString formats a position with the file relative to root, omitting a
// zero line or column.
func posString(root, file string, line, col int) string {
	s := relPath(root, file)
	if line > 0 {
		s += ":" + strconv.Itoa(line)
		if col > 0 {
			s += ":" + strconv.Itoa(col)
		}
	}
	return s
}

// summary holds the counts every format reports.
type summary struct {
	findings, high, medium, low, suppressed int
}

func count(fs []Finding) summary {
	var s summary
	for _, f := range fs {
		if f.Suppressed {
			s.suppressed++
			continue
		}
		s.findings++
		switch f.Rule.Severity {
		case rules.High:
			s.high++
		case rules.Medium:
			s.medium++
		default:
			s.low++
		}
	}
	return s
}
