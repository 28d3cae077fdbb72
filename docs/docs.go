// Package docs embeds apivet's rule pages (docs/rules/AVnnn.md) so that
// `apivet explain` and the SARIF rule help can show them.
package docs

import (
	"embed"
	"io/fs"
)

//go:embed rules/*.md
var files embed.FS

// RulePage returns the markdown page of a rule, or false if there is none.
func RulePage(id string) (string, bool) {
	b, err := fs.ReadFile(files, "rules/"+id+".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// RulePages lists the IDs that have a page.
func RulePages() []string {
	ents, _ := fs.ReadDir(files, "rules")
	var ids []string
	for _, e := range ents {
		name := e.Name()
		if len(name) > 3 && name[len(name)-3:] == ".md" {
			ids = append(ids, name[:len(name)-3])
		}
	}
	return ids
}
