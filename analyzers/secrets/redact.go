package secrets

import (
	"fmt"
	"unicode/utf8"
)

// redactMin is the shortest value whose ends are shown; shorter values show
// only their length.
const redactMin = 16

// redact renders a secret for a message without giving it away: the first
// four and last three characters of a long value, `"sk_l…27f" (32 chars)`;
// only the length of a short one, `"…" (9 chars)`. Reports end up in CI logs
// and SARIF uploads, so a message must never carry the secret itself.
func redact(s string) string {
	n := utf8.RuneCountInString(s)
	if n < redactMin {
		return fmt.Sprintf(`"…" (%d chars)`, n)
	}
	rs := []rune(s)
	return fmt.Sprintf("%q (%d chars)", string(rs[:4])+"…"+string(rs[n-3:]), n)
}
