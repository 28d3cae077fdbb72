// Package robust holds apivet's robustness tests: a fuzz test that feeds
// mutated Go source through every analyzer in memory, and hostile inputs
// (huge files and literals, deep nesting, generics, build tags, generated
// code). Packages that do not parse or type-check are skipped, as the
// driver reports them as errors; anything else must never panic.
package robust
