package main

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
)

// Provider credentials pasted into the code.
const awsAccessKeyID = "AKIAE0YTQ4YC09XHHXLM" // want `AV503 high: hardcoded AWS access key ID "AKIA…XLM" \(20 chars\); revoke it and load it from the environment or a secret store`

var githubToken = "ghp_O4F9Tgl48BKvFbXCnUJXZqhyCHGhYtTkiheQ" // want `AV503 high: hardcoded GitHub token "ghp_…heQ" \(40 chars\)`

var integrations = map[string]string{
	"slack":    "xoxb-457122579957-3707346799414-DARb9WpFFYbWRBpdrDvMUT37",                                                // want `AV503 high: hardcoded Slack token`
	"alerts":   "https://hooks.slack.com/services/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",                           // want `AV503 high: hardcoded Slack webhook URL`
	"payments": "sk_live_C0zgloK52ggINnXq307w0zzx",                                                                        // want `AV503 high: hardcoded Stripe secret key "sk_l…zzx" \(32 chars\)`
	"maps":     "AIzaq1nObmmEa1Kr0KBGUCfuVbljNIiCFLWTiD8",                                                                 // want `AV503 high: hardcoded Google API key`
	"mail":     "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",                                   // want `AV503 high: hardcoded SendGrid API key`
	"sms":      "SK05c3ae3f6ec60f911272114afe024f8a",                                                                      // want `AV503 high: hardcoded Twilio API key`
	"ci":       "glpat-obCsF5URpDNQ3nEty0p5",                                                                              // want `AV503 high: hardcoded GitLab token`
	"registry": "npm_QIYiCGdmpwbHBppJpp57yU7hjqsphBkAchgU",                                                                // want `AV503 high: hardcoded npm token`
	"llm":      "sk-proj-HBswz1JvLK8EKhUlo7hF5EhirfSpt0wSZbo1jUeo3OgP8uAF",                                                // want `AV503 high: hardcoded OpenAI API key`
	"claude":   "sk-ant-api03-UJH6SsatoMnITpKpAgAIu55O80OWZSV1tyQvaaP8GmtK9XBK2kgsQDeYfii56ahDDAljKF0D8eGh1dBtuICGK5U2XD", // want `AV503 high: hardcoded Anthropic API key`
}

// Documented examples, placeholders and prose stay silent.
var docs = []string{
	"AKIAIOSFODNN7EXAMPLE",
	"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc",
	"sk_live_0000000000000000000000000000",
	"set GITHUB_TOKEN to a ghp_ token with the repo scope",
	"AKIAAAAAAAAAAAAAAAAA",
	"https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX",
	"xoxb-your-token-here",
}

// signingPEM is the RSA key the service signs with.
var signingPEM = /* want `AV504 high: hardcoded PEM RSA private key; treat it as compromised, rotate it, and load keys from a file or secret store at run time` */ `-----BEGIN RSA PRIVATE KEY-----
02B6DO3f/pWEB1eNcbNy2F4b+RZEF94u1L14nP2TmOlpzFVHOCA5MvNC5zKQlqYU
6JwrywPizdOtCYXmbb/9mnUCdi6sQ1/LIvEWC/+MjTfkGlzYWQZi8CMUA72YmXkn
rDye6QzuRAsSUzqm70i1nncvIfQJdfUrpJhATFbO8fVrVHyt3Q5667FLCb4zOWWz
-----END RSA PRIVATE KEY-----`

const ecKey = "-----BEGIN EC PRIVATE KEY-----\n" + // want `AV504 high: hardcoded PEM EC private key;`
	"cpNDFoQgWafvUOxYd2T8JH5O9HDlFmGAlbTArkySJh74XGTAkk1YcyUREMSBGFIp\n" +
	"pSbZ60Xxv3XCuoQAHWMU72EqO+ukQhIW4DaonGgJ/sYIxBme/ratNj8bPXdMTYFg\n" +
	"-----END EC PRIVATE KEY-----\n"

var privateKey = []byte(`-----BEGIN PRIVATE KEY----- ` + /* want `AV504 high: hardcoded PEM private key;` */ `
8mvf8ZTKmrOLdjvucUE1W/9OyLhpPHg9nRsBfOu0DN/6al5szWaVibnF6K+vCK8C
0A7qp0F0eRLCLzi9rDye6QzuRAsSUzqm70i1nncvIfQJdfUrpJhATFbO8fVrVHyt
-----END PRIVATE KEY-----`)

// Public keys, certificates and PEM markers are not secrets.
var jwtPublicKey = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END PUBLIC KEY-----`

var caCert = `-----BEGIN CERTIFICATE-----
MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ
-----END CERTIFICATE-----`

const rsaHeader = "-----BEGIN RSA PRIVATE KEY-----"

func parseKey(data []byte) (any, error) {
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "RSA PRIVATE KEY" {
		return nil, errors.New("no RSA PRIVATE KEY block")
	}
	return x509.ParsePKCS1PrivateKey(block.Bytes)
}
