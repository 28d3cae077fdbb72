package rules

func init() {
	register(
		&Rule{
			ID:         "AV701",
			Name:       "missing-security-headers",
			Title:      "Served router without the core security headers",
			Summary:    "A router that is served does not give every response Strict-Transport-Security, X-Content-Type-Options: nosniff and frame protection (X-Frame-Options or CSP frame-ancestors), nor a Content-Security-Policy when it renders HTML; add a security-headers middleware configured to send them.",
			CWE:        []int{693},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
			Settings:   []string{"exclude-ops-routers", "ops-path-words"},
		},
		&Rule{
			ID:         "AV702",
			Name:       "weak-security-header-value",
			Title:      "Weak Content-Security-Policy or short HSTS max-age",
			Summary:    "A Content-Security-Policy allows inline or eval'd scripts ('unsafe-inline', 'unsafe-eval'), any source (default-src *) or lacks default-src, or a Strict-Transport-Security max-age is under 180 days; tighten the policy and use a max-age of at least 180 days.",
			CWE:        []int{693},
			Severity:   Medium,
			Confidence: HighConfidence,
			Default:    true,
			Settings:   []string{"min-hsts-max-age"},
		},
		&Rule{
			ID:         "AV703",
			Name:       "insecure-session-cookie",
			Title:      "Session or token cookie without HttpOnly, Secure or SameSite",
			Summary:    "A cookie whose name or value says it carries a session or a token is set without HttpOnly, Secure or SameSite, so scripts can read it, it travels over plain HTTP, or other sites can send it; set all three.",
			CWE:        []int{1004, 614},
			Severity:   Medium,
			Confidence: HighConfidence,
			Default:    true,
			Settings:   []string{"cookie-words", "require-samesite"},
		},
	)
}
