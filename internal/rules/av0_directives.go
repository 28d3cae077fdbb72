package rules

func init() {
	register(
		&Rule{
			ID:         "AV001",
			Name:       "malformed-ignore",
			Title:      "Malformed //apivet:ignore directive",
			Summary:    "An //apivet:ignore comment must name known rule IDs and give a reason; a malformed one suppresses nothing.",
			CWE:        nil,
			Severity:   Low,
			Confidence: HighConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV002",
			Name:       "unused-ignore",
			Title:      "Unused //apivet:ignore directive",
			Summary:    "An //apivet:ignore comment no longer matches any finding of the rules it names; delete it so it cannot hide a future finding.",
			CWE:        nil,
			Severity:   Low,
			Confidence: HighConfidence,
			Default:    true,
		},
	)
}
