// Package consts holds the security settings shared by the service.
package consts

// LegacyIV was the IV of the first version of the PII store.
const LegacyIV = "0123456789abcdef"

// BcryptCost is what the signup handler hashes with.
const BcryptCost = 8

// StrongBcryptCost is what the admin console hashes with.
const StrongBcryptCost = 12

// RSABits sizes the keys of the internal CA.
const RSABits = 1024

// PBKDF2Iterations is the iteration count of the export encryption.
const PBKDF2Iterations = 10000

// SessionCookie is the name of the session cookie.
const SessionCookie = "session_id"

// GCMNonce is the nonce the mobile client agreed on.
const GCMNonce = "mobile-nonce"
