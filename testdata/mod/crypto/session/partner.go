package session

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
)

// PartnerWebhook verifies the payments provider's legacy webhook
// signature, md5(secret + body): a bare digest is no MAC, whoever chose it.
func PartnerWebhook(secret, body []byte, sigHex string) bool {
	sum := md5.Sum(append(append([]byte{}, secret...), body...)) // want `md5 digest used as signature \(compared by hmac.Equal\)`
	return hmac.Equal([]byte(hex.EncodeToString(sum[:])), []byte(sigHex))
}

// GitHubWebhook verifies X-Hub-Signature (HMAC-SHA1, GitHub's choice):
// silent.
func GitHubWebhook(secret, body []byte, sigHex string) bool {
	mac := hmac.New(sha1.New, secret)
	mac.Write(body)
	return hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(sigHex))
}
