// Package backup ships encrypted snapshots to object storage.
package backup

// S3Credentials are the keys of the backup bucket.
type S3Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	Region          string
}

// Production is the backup bucket account.
var Production = S3Credentials{
	// a real-format AWS access key id
	AccessKeyID: "AKIAUJZDEGXDNCF32EPF", // vuln:secrets
	// the matching secret access key
	SecretAccessKey: "2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj", // vuln:secrets
	Region:          "eu-west-1",
}

// Documentation is the example from the cloud provider's docs, used in the README snippet.
var Documentation = S3Credentials{
	// the provider's documented example id
	AccessKeyID: "AKIAIOSFODNN7EXAMPLE", // safe:secrets
	Region:      "us-east-1",
}

// ReleaseCheckToken reads the GitHub releases of the vault to warn about updates.
const ReleaseCheckToken = "ghp_hGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rES" // vuln:secrets

// MasterKeyRef names where the master key lives; it is not the key.
const MasterKeyRef = "vault://kv/master-key#v3" // safe:secrets
