package rules

func init() {
	register(
		&Rule{
			ID:         "AV201",
			Name:       "auth-route-without-rate-limit",
			Title:      "Authentication route without rate limiting",
			Summary:    "A login, registration, token, password-reset or one-time-code route has no rate limiter in its middleware chain, so its credentials can be guessed at full speed; add a limiter (httprate, x/time/rate, ulule/limiter, echo's RateLimiter, fiber's limiter) to the route or its group.",
			CWE:        []int{307},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
			Settings:   []string{"auth-words", "auth-action-words", "auth-handler-words", "exclude-paths"},
		},
	)
}
