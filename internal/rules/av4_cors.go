package rules

func init() {
	register(
		&Rule{
			ID:         "AV401",
			Name:       "cors-any-origin-with-credentials",
			Title:      "CORS allows any origin together with credentials",
			Summary:    "A CORS middleware (rs/cors, go-chi/cors, gin-contrib/cors, echo, gorilla/handlers) or a hand-written Access-Control-Allow-Origin allows every origin while credentials are allowed; list the exact trusted origins.",
			CWE:        []int{942},
			Severity:   High,
			Confidence: HighConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV402",
			Name:       "cors-origin-reflection",
			Title:      "CORS reflects the request's origin with credentials",
			Summary:    "The request's Origin header is copied into Access-Control-Allow-Origin without a check, or an AllowOriginFunc accepts every origin, while credentials are allowed, so any site can read authenticated responses; check the origin against an allow-list of exact origins.",
			CWE:        []int{942, 346},
			Severity:   High,
			Confidence: HighConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV403",
			Name:       "cors-weak-origin-check",
			Title:      "CORS origin check that attacker origins pass",
			Summary:    "An origin is allowed by strings.HasSuffix, HasPrefix or Contains without a dot or scheme boundary, by an unanchored regular expression, by a wildcard entry such as \"https://*example.com\", or because \"null\" is allowed with credentials; compare against exact origins or a suffix that starts with a dot.",
			CWE:        []int{942, 346},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
		},
	)
}
