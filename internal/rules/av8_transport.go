package rules

func init() {
	register(
		&Rule{
			ID:         "AV801",
			Name:       "tls-insecure-skip-verify",
			Title:      "TLS certificate verification turned off",
			Summary:    "A tls.Config sets InsecureSkipVerify to true, directly, through a variable, a helper or an environment or debug switch, without verifying the certificate itself; trust the server's CA through RootCAs instead.",
			CWE:        []int{295},
			Severity:   High,
			Confidence: HighConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV802",
			Name:       "tls-old-version",
			Title:      "TLS version below 1.2 allowed",
			Summary:    "A tls.Config sets MinVersion below TLS 1.2, or MaxVersion below TLS 1.2, allowing deprecated protocol versions (RFC 8996); leave MinVersion unset for Go's default of TLS 1.2 or set tls.VersionTLS12 or higher.",
			CWE:        []int{326},
			Severity:   Medium,
			Confidence: HighConfidence,
			Default:    true,
			Settings:   []string{"min-tls-version"},
		},
		&Rule{
			ID:         "AV803",
			Name:       "tls-insecure-cipher-suites",
			Title:      "Insecure TLS cipher suites enabled",
			Summary:    "A tls.Config lists cipher suites that Go's tls.InsecureCipherSuites() names (RC4, 3DES, CBC with SHA-256, RSA key exchange); remove them or leave CipherSuites unset for Go's defaults.",
			CWE:        []int{327},
			Severity:   Medium,
			Confidence: HighConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV804",
			Name:       "server-no-read-header-timeout",
			Title:      "HTTP server without a read-header timeout",
			Summary:    "An HTTP server sets neither ReadHeaderTimeout nor ReadTimeout (http.ListenAndServe, an http.Server literal, gin's Run, echo's Start on an unconfigured e.Server, fiber's Listen without ReadTimeout), so slow clients can hold connections open indefinitely (slowloris); serve with an http.Server that sets ReadHeaderTimeout, or set ReadTimeout in fiber.Config.",
			CWE:        []int{400},
			Severity:   Medium,
			Confidence: HighConfidence,
			Default:    true,
			Settings:   []string{"read-header-timeout"},
		},
		&Rule{
			ID:         "AV805",
			Name:       "request-body-no-size-limit",
			Title:      "Request body read with no size limit",
			Summary:    "A handler reads the whole request body (io.ReadAll(r.Body), json.NewDecoder(r.Body).Decode, gin's ShouldBindJSON, echo's Bind, r.ParseMultipartForm with a large memory limit) on a route where no http.MaxBytesReader, http.MaxBytesHandler, chi's RequestSize, echo's BodyLimit or middleware of the module bounds it, so one client can exhaust the server's memory; wrap the body in http.MaxBytesReader or add a body-limit middleware.",
			CWE:        []int{770},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
			Settings:   []string{"max-multipart-memory"},
		},
	)
}
