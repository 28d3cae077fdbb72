// Package labs exchanges results with external laboratories.
package labs

// signingKeyPEM signs result acknowledgements sent to the laboratories.
var signingKeyPEM = []byte(
	// a complete RSA private key in the source
	"-----BEGIN RSA PRIVATE KEY-----\n" + // vuln:secrets
		"MIICXQIBAAKBgQDH1U6T61sl7bLH4u1YqdArloDck3f6Exy+wQ3RUMqiZtE2rFO2\n" +
		"QWzVIvfUvTftKpj1INRoPr+bPC5TfuUUJpANHp03gcJs+mYZjXEJG/pwPBLDRHQr\n" +
		"yE0Qb9zW1hKgQbl5p+gzo3nA0igfRh79a1yNbQTt+MA2gAQSM2jPu+DuYQIDAQAB\n" +
		"AoGAYMopcC38DQfvoy9/5IUDpkkUi0IGR6MANkiNp8epDjYcuY2IUmuoCigQwAMS\n" +
		"VpZeVcSb/Q3/gnIIwjphPHxdIpIhEoudhfm/bLTK0B7vjro/ShnsS+gxzDPZLcgp\n" +
		"UqOwIQIg7T3RNBMUPnoHdvGBtKA49B1cm7rd9+7U8LuhBwECQQDwayAw9QJY3YCZ\n" +
		"RD5dOBY9ge5nvp2e3Mw/8qqkgNXXxu50PivoQRXJ+WOsRX5wJgatJIN2FzbRccZJ\n" +
		"k/CRZswxAkEA1MjQ8elpowfIhrEH3KyMD+OESxrJIrTzZ7xqhgPNzx0g0T4ECBt3\n" +
		"aDcbjawZgrZHgZRlEns/H6ZpZEm72IApMQJBAL5jZ0O90xUCnENDisuRjfM5gM2B\n" +
		"YxsaKVl+12mcaTwOWmmNjoHHgPTIXQlgoyc2xdS5dK3A5nVoTymXUUwkBxECQEry\n" +
		"DD4Ycz+b3zIpqlY8Y/y4qwD1B0D1MQIpp+9Z6aR4YvWv/SWJ3w3S0x6cLkQOxbLL\n" +
		"PKo8xKf2KgrLuaDwyxECQQC/e57Bxm6pB98DkX2jaJDQadw686EG2J7rYuoADE5o\n" +
		"gHsFsD80uEEW7oYfxF4HyUJOSaTgtC3pRIcXRmgBpAfX\n" +
		"-----END RSA PRIVATE KEY-----\n" +
		"")

// verifyKeyPEM is the public half, shared with the laboratories.
var verifyKeyPEM = []byte(
	// a public key is meant to be shared
	"-----BEGIN PUBLIC KEY-----\n" + // safe:secrets
		"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDH1U6T61sl7bLH4u1YqdArloDc\n" +
		"k3f6Exy+wQ3RUMqiZtE2rFO2QWzVIvfUvTftKpj1INRoPr+bPC5TfuUUJpANHp03\n" +
		"gcJs+mYZjXEJG/pwPBLDRHQryE0Qb9zW1hKgQbl5p+gzo3nA0igfRh79a1yNbQTt\n" +
		"+MA2gAQSM2jPu+DuYQIDAQAB\n" +
		"-----END PUBLIC KEY-----\n" +
		"")
