package rules

func init() {
	register(
		&Rule{
			ID:         "AV901",
			Name:       "error-details-in-response",
			Title:      "Internal error details written to a 5xx response",
			Summary:    "A handler writes the text of an internal error (err.Error(), an error formatted or wrapped into the body) to the client with a 5xx status, through http.Error, w.Write, gin's c.JSON, echo's c.JSON or echo.NewHTTPError, fiber's c.Status(...).JSON or fiber.NewError, or the package's own error helper; log the error and return a generic message.",
			CWE:        []int{209},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV902",
			Name:       "upload-filename-in-path",
			Title:      "Uploaded file stored under the client's file name",
			Summary:    "The file name a client sent with an upload (multipart.FileHeader.Filename, Part.FileName()) is used in the path of os.Create, os.WriteFile, gin's c.SaveUploadedFile, fiber's c.SaveFile or a helper that reaches one, so the client picks where the file lands and what it replaces; generate the stored name (a UUID plus filepath.Ext) or at least apply filepath.Base.",
			CWE:        []int{22},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV903",
			Name:       "session-route-without-csrf",
			Title:      "Cookie-authenticated state change without CSRF protection",
			Summary:    "A POST, PUT, PATCH or DELETE route identifies its caller by a session cookie (r.Cookie, gorilla/sessions, gin-contrib/sessions) while nothing in its chain checks for cross-site requests (gorilla/csrf, nosurf, echo's CSRF, fiber's csrf, http.CrossOriginProtection) and the application sets no SameSite=Lax or Strict session cookie, so any site the user visits can make the request with the user's session; add CSRF middleware or http.CrossOriginProtection, or set the session cookie SameSite=Lax.",
			CWE:        []int{352},
			Severity:   Medium,
			Confidence: MediumConfidence,
			Default:    true,
		},
	)
}
