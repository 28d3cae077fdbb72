package secrets

import "testing"

func TestCredentialName(t *testing.T) {
	for name, want := range map[string]bool{
		"password": true, "dbPassword": true, "DB_PASSWORD": true, "passwd": true, "pwd": true, "dbPass": true,
		"jwtSecret": true, "clientSecret": true, "client_secret": true, "accessToken": true, "authToken": true,
		"apiKey": true, "API_KEY": true, "APIKey": true, "apikey": true, "X-API-Key": true, "secretKey": true,
		"privateKey": true, "signingKey": true, "jwtKey": true, "hmacKey": true, "AES_KEY": true, "masterKey": true,
		"credentials": true, "bearer": true, "jwtSecretBytes": true, "apiKeyValue": true, "stripeKey": true,

		"tokenKey": false, "passwordKey": false, "sessionKey": false, "userIDKey": false, "key": false,
		"PasswordMinLength": false, "TokenTTL": false, "tokenExpiry": false, "TokenURL": false, "tokenEndpoint": false,
		"APIKeyHeader": false, "HeaderAccessControlAllowCredentials": false, "passwordField": false,
		"apiKeyEnv": false, "secretName": false, "tokenPrefix": false, "tokenType": false, "passwordPattern": false,
		"ErrInvalidPassword": false, "msgBadToken": false, "publicKey": false, "passwordHash": false,
		"apiKeyID": false, "tokenCtxKey": false, "ERRCODE_INVALID_PASSWORD": false, "secretsDir": false,
		"Authorization": false, "username": false, "email": false,
	} {
		if got := credentialName(name); got != want {
			t.Errorf("credentialName(%q) = %v, want %v", name, got, want)
		}
	}
	if !comparableSecretName("key", true) || comparableSecretName("key", false) || !comparableSecretName("expectedSignature", false) {
		t.Error("comparableSecretName: bare key only when loose; signatures always")
	}
}

func TestLooksLikeSecret(t *testing.T) {
	for v, want := range map[string]bool{
		"hunter2!x": true, "Adm1n!2024": true, "supersecret": true, "my_secret_key": true, "s3cr3t-key": true,
		"f62e5bcda4fae4f82370da0c6f20697b8f8447ef": true, "admin": true, "mySecretPassword": true,

		"": false, "abc": false, "changeme": false, "your-secret-here": false, "<password>": false,
		"${DB_PASSWORD}": false, "%s": false, "TODO": false, "xxxxxxxx": false, "********": false,
		"test1234": false, "example-key": false, "dummy-token": false, "password": false, "secret": false,
		"api_key": false, "access_token": false, "X-API-Key": false, "newPassword": false, "DB_PASSWORD": false,
		"Bearer": false, "refresh": false, "invalid password": false, "12345678": false, "720h": false,
		"https://auth.acme.io/token": false, "/run/secrets/db": false, "keys/jwt.pem": false, "jwt.key": false,
		"Access-Control-Allow-Credentials": false, "@/?!": false, "$API_KEY": false, "{{ .Password }}": false,
	} {
		if got := looksLikeSecret(v); got != want {
			t.Errorf("looksLikeSecret(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"sk_live_0123456789abcdefghij27f": `"sk_l…27f" (31 chars)`,
		"hunter2!x":                       `"…" (9 chars)`,
		"":                                `"…" (0 chars)`,
		"pässwörd-ünïcode-1":              `"päss…e-1" (18 chars)`,
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestScanLiteral(t *testing.T) {
	for s, want := range map[string]string{
		"AKIAE0YTQ4YC09XHHXLM":                              "AV503",
		"AKIAIOSFODNN7EXAMPLE":                              "",
		"AKIAAAAAAAAAAAAAAAAA":                              "",
		"ghp_O4F9Tgl48BKvFbXCnUJXZqhyCHGhYtTkiheQ":          "AV503",
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx":          "",
		"token: ghp_O4F9Tgl48BKvFbXCnUJXZqhyCHGhYtTkiheQ !": "AV503",
		"sk_test_4eC39HqLyjWDarjtT1zdp7dc":                  "",
		"postgres://app:Xk29mPq7wZ@db:5432/app":             "AV505",
		"postgres://postgres:postgres@localhost/app":        "",
		"postgres://app:password@localhost/app":             "",
		"postgres://app:%s@localhost/app":                   "",
		"postgres://db.internal:5432/app":                   "",
		"redis://:Rds-Pw-2291@cache:6379/0":                 "AV505",
		"https://example.com:443@evil.io/":                  "",
		"http://gopher:go@test.com":                         "",
		"app:Xk29mPq7wZ@tcp(db:3306)/app":                   "AV505",
		"root:root@tcp(db:3306)/app":                        "",
		"host=db user=app password=Xk29mPq7wZ dbname=app":   "AV505",
		"host=db user=app password='' dbname=app":           "",
		"the password=secret is wrong":                      "",
		"-----BEGIN RSA PRIVATE KEY-----":                   "",
		"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----":                         "",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----": "AV504",
	} {
		f, ok := scanLiteral(s)
		got := ""
		if ok {
			got = f.rule
		}
		if got != want {
			t.Errorf("scanLiteral(%q) = %q (%s), want %q", s, got, f.msg, want)
		}
	}
}
