package output

// TestSARIFSchema validates apivet's SARIF against testdata/sarif/
// sarif-2.1.0.schema.json, a structural schema written from the SARIF 2.1.0
// specification, with a small JSON-schema validator that supports exactly
// the keywords that file uses and fails on any other.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testenv"
)

type validator struct {
	root map[string]any
	errs []string
}

var knownKeywords = map[string]bool{
	"$schema": true, "title": true, "description": true, "definitions": true, "$ref": true,
	"type": true, "properties": true, "required": true, "additionalProperties": true,
	"items": true, "enum": true, "minimum": true, "maximum": true, "uniqueItems": true,
	"anyOf": true, "format": true,
}

func (v *validator) errorf(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) resolve(s map[string]any) map[string]any {
	for i := 0; i < 16; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		if !ok {
			v.errorf("schema", "unsupported $ref %q", ref)
			return map[string]any{}
		}
		defs, _ := v.root["definitions"].(map[string]any)
		next, ok := defs[name].(map[string]any)
		if !ok {
			v.errorf("schema", "no definition %q", name)
			return map[string]any{}
		}
		s = next
	}
	return s
}

func typeOf(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case json.Number:
		if !strings.ContainsAny(x.String(), ".eE") {
			return "integer"
		}
		return "number"
	}
	return "unknown"
}

// valid reports whether x satisfies s, recording errors unless quiet.
func (v *validator) valid(x any, s map[string]any, path string) bool {
	s = v.resolve(s)
	before := len(v.errs)
	for k := range s {
		if !knownKeywords[k] {
			v.errorf("schema", "keyword %q is not supported by this validator", k)
		}
	}
	if t, ok := s["type"].(string); ok {
		got := typeOf(x)
		if !(got == t || t == "number" && got == "integer") {
			v.errorf(path, "type %s, want %s", got, t)
			return false
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if reflect.DeepEqual(e, x) || fmt.Sprint(e) == fmt.Sprint(x) {
				found = true
			}
		}
		if !found {
			v.errorf(path, "%v is not one of %v", x, enum)
		}
	}
	if n, ok := x.(json.Number); ok {
		f, _ := n.Float64()
		if m, ok := s["minimum"].(json.Number); ok {
			if mf, _ := m.Float64(); f < mf {
				v.errorf(path, "%v below minimum %v", f, mf)
			}
		}
		if m, ok := s["maximum"].(json.Number); ok {
			if mf, _ := m.Float64(); f > mf {
				v.errorf(path, "%v above maximum %v", f, mf)
			}
		}
	}
	if f, ok := s["format"].(string); ok {
		str, _ := x.(string)
		u, err := url.Parse(str)
		switch {
		case err != nil:
			v.errorf(path, "%q is not a URI reference: %v", str, err)
		case f == "uri" && !u.IsAbs():
			v.errorf(path, "%q is not an absolute URI", str)
		case f != "uri" && f != "uri-reference":
			v.errorf("schema", "format %q not supported", f)
		}
	}
	if obj, ok := x.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r]; !ok {
				v.errorf(path, "missing required property %q", r)
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k].(map[string]any); ok {
				v.valid(obj[k], ps, path+"."+k)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					v.errorf(path, "property %q is not defined by SARIF 2.1.0 here", k)
				}
			case map[string]any:
				v.valid(obj[k], ap, path+"."+k)
			}
		}
	}
	if arr, ok := x.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range arr {
				v.valid(e, items, fmt.Sprintf("%s[%d]", path, i))
			}
		}
		if s["uniqueItems"] == true {
			seen := map[string]bool{}
			for i, e := range arr {
				b, _ := json.Marshal(e)
				if seen[string(b)] {
					v.errorf(fmt.Sprintf("%s[%d]", path, i), "duplicate item")
				}
				seen[string(b)] = true
			}
		}
	}
	if alts, ok := s["anyOf"].([]any); ok {
		matched := false
		for _, alt := range alts {
			sub := &validator{root: v.root}
			if m, ok := alt.(map[string]any); ok && sub.valid(x, m, path) && len(sub.errs) == 0 {
				matched = true
				break
			}
		}
		if !matched {
			v.errorf(path, "matches none of anyOf")
		}
	}
	return len(v.errs) == before
}

func asList(x any) []string {
	var out []string
	if l, ok := x.([]any); ok {
		for _, e := range l {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func decodeNumbers(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestSARIFSchema(t *testing.T) {
	schemaData, err := os.ReadFile(filepath.Join(testenv.Root(t), "testdata", "sarif", "sarif-2.1.0.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	schema := decodeNumbers(t, schemaData).(map[string]any)
	check := func(name string, r *Report) {
		var buf bytes.Buffer
		if err := SARIF(&buf, r); err != nil {
			t.Fatal(err)
		}
		v := &validator{root: schema}
		v.valid(decodeNumbers(t, buf.Bytes()), schema, "sarifLog")
		for _, e := range v.errs {
			t.Errorf("%s: %s", name, e)
		}
	}
	check("full report", fixture(t))
	empty := fixture(t)
	empty.Findings, empty.Errors = nil, nil
	check("empty report", empty)

	// The validator itself must reject what the schema forbids.
	bad := decodeNumbers(t, []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rulez":[]}},
		"results":[{"message":{"text":"m"},"level":"fatal","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.go"},"region":{"startLine":0}}}]}]}]}`))
	v := &validator{root: schema}
	v.valid(bad, schema, "sarifLog")
	joined := strings.Join(v.errs, "\n")
	for _, want := range []string{`"rulez" is not defined`, "fatal is not one of", "below minimum"} {
		if !strings.Contains(joined, want) {
			t.Errorf("validator missed %q; errors:\n%s", want, joined)
		}
	}
}
