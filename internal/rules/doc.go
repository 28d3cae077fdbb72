package rules

import (
	"fmt"
	"strings"
)

// DocMarker ends the generated header of a rule page; everything below it
// is written by hand.
const DocMarker = "<!-- end of generated header: edit below this line -->"

// DocSections are the headings every rule page has, in order.
var DocSections = []string{"## What it finds", "## Why it matters", "## Bad", "## Good", "## Settings", "## Suppressing"}

// DocHeader renders the generated header of a rule's page from the
// catalog, ending with DocMarker.
func DocHeader(r *Rule) string {
	var b strings.Builder
	fam := r.Family()
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "%s\n\n", r.Summary)
	b.WriteString("| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Rule | `%s` (%s) |\n", r.ID, r.Name)
	fmt.Fprintf(&b, "| Family | %s: `%s`, analyzer `%s` |\n", fam.Title, fam.Name, fam.Analyzer)
	fmt.Fprintf(&b, "| Severity | %s |\n", r.Severity)
	fmt.Fprintf(&b, "| Confidence | %s |\n", r.Confidence)
	if len(r.CWE) > 0 {
		var cwes []string
		for _, c := range r.CWE {
			cwes = append(cwes, fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", c, c))
		}
		fmt.Fprintf(&b, "| CWE | %s |\n", strings.Join(cwes, ", "))
	}
	if r.Default {
		b.WriteString("| Default | enabled |\n")
	} else {
		b.WriteString("| Default | disabled (turn on with `-enable " + r.ID + "`) |\n")
	}
	if len(r.Settings) > 0 {
		var s []string
		for _, x := range r.Settings {
			s = append(s, "`"+x+"`")
		}
		fmt.Fprintf(&b, "| Settings | %s |\n", strings.Join(s, ", "))
	}
	b.WriteString("\n" + DocMarker + "\n")
	return b.String()
}
