package crypto

// This file is the family's knowledge of the crypto libraries, as data:
// which functions construct broken ciphers, take keys, IVs and nonces,
// hash, derive keys, produce math/rand values, and which packages are
// deprecated. Functions are keyed by typesx.FuncKey ("pkgpath.Func" or
// "pkgpath.Recv.Method").

const (
	xcrypto = "golang.org/x/crypto/"
	mrand1  = "math/rand"
	mrand2  = "math/rand/v2"
)

// brokenCipher describes a constructor of a broken or legacy cipher (AV601).
type brokenCipher struct {
	name string // "DES"
	why  string // what is wrong with it
}

var brokenCiphers = map[string]brokenCipher{
	"crypto/des.NewCipher":               {"DES", "its 56-bit key is brute-forced in hours"},
	"crypto/des.NewTripleDESCipher":      {"3DES", "its 64-bit block leaks plaintext after a few GB (Sweet32) and NIST withdrew it"},
	"crypto/rc4.NewCipher":               {"RC4", "its keystream is biased and plaintext is recoverable"},
	xcrypto + "blowfish.NewCipher":       {"Blowfish", "its 64-bit block leaks plaintext after a few GB (Sweet32)"},
	xcrypto + "blowfish.NewSaltedCipher": {"Blowfish", "its 64-bit block leaks plaintext after a few GB (Sweet32)"},
	xcrypto + "cast5.NewCipher":          {"CAST5", "its 64-bit block leaks plaintext after a few GB (Sweet32)"},
	xcrypto + "tea.NewCipher":            {"TEA", "it has related-key attacks and a 64-bit block"},
	xcrypto + "tea.NewCipherWithRounds":  {"TEA", "it has related-key attacks and a 64-bit block"},
	xcrypto + "xtea.NewCipher":           {"XTEA", "its 64-bit block leaks plaintext after a few GB (Sweet32)"},
}

// keyArgs maps functions taking a symmetric key to the index of the key
// argument (AV602: a password used directly as that key).
var keyArgs = map[string]int{
	"crypto/aes.NewCipher":                        0,
	"crypto/des.NewCipher":                        0,
	"crypto/des.NewTripleDESCipher":               0,
	"crypto/rc4.NewCipher":                        0,
	"crypto/hmac.New":                             1,
	xcrypto + "chacha20poly1305.New":              0,
	xcrypto + "chacha20poly1305.NewX":             0,
	xcrypto + "chacha20.NewUnauthenticatedCipher": 0,
	xcrypto + "blowfish.NewCipher":                0,
	xcrypto + "cast5.NewCipher":                   0,
	xcrypto + "tea.NewCipher":                     0,
	xcrypto + "xtea.NewCipher":                    0,
	xcrypto + "twofish.NewCipher":                 0,
	xcrypto + "nacl/secretbox.Seal":               3,
	xcrypto + "nacl/secretbox.Open":               3,
}

// blockCtors are the constructors whose key argument 0 makes a cipher.Block
// (used to tell whether an IV was taken from the key).
var blockCtors = map[string]bool{
	"crypto/aes.NewCipher":          true,
	"crypto/des.NewCipher":          true,
	"crypto/des.NewTripleDESCipher": true,
	xcrypto + "blowfish.NewCipher":  true,
	xcrypto + "cast5.NewCipher":     true,
	xcrypto + "twofish.NewCipher":   true,
	xcrypto + "xtea.NewCipher":      true,
}

// aeadCtors wrap a block (argument 0) or take a key (argument 0) and return
// a cipher.AEAD.
var aeadCtors = map[string]bool{
	"crypto/cipher.NewGCM":              true,
	"crypto/cipher.NewGCMWithNonceSize": true,
	"crypto/cipher.NewGCMWithTagSize":   true,
	xcrypto + "chacha20poly1305.New":    true,
	xcrypto + "chacha20poly1305.NewX":   true,
}

// ivSink is a call taking an IV or nonce (AV603).
type ivSink struct {
	arg  int
	what string // "iv", "nonce"
	enc  bool   // encrypts: an IV or nonce made once and reused is reported
	seal bool   // an AEAD-style Seal: two Seals with one nonce are reported
	pt   int    // the plaintext argument of a Seal, or -1
}

var ivSinks = map[string]ivSink{
	"crypto/cipher.NewCBCEncrypter":               {1, "iv", true, false, -1},
	"crypto/cipher.NewCBCDecrypter":               {1, "iv", false, false, -1},
	"crypto/cipher.NewCFBEncrypter":               {1, "iv", true, false, -1},
	"crypto/cipher.NewCFBDecrypter":               {1, "iv", false, false, -1},
	"crypto/cipher.NewOFB":                        {1, "iv", true, false, -1},
	"crypto/cipher.NewCTR":                        {1, "iv", true, false, -1},
	"crypto/cipher.AEAD.Seal":                     {1, "nonce", true, true, 2},
	"crypto/cipher.AEAD.Open":                     {1, "nonce", false, false, -1},
	xcrypto + "chacha20.NewUnauthenticatedCipher": {1, "nonce", true, false, -1},
	xcrypto + "nacl/secretbox.Seal":               {2, "nonce", true, true, 1},
	xcrypto + "nacl/secretbox.Open":               {2, "nonce", false, false, -1},
	xcrypto + "nacl/box.Seal":                     {2, "nonce", true, true, 1},
	xcrypto + "nacl/box.Open":                     {2, "nonce", false, false, -1},
	xcrypto + "nacl/box.SealAfterPrecomputation":  {2, "nonce", true, true, 1},
	xcrypto + "nacl/box.OpenAfterPrecomputation":  {2, "nonce", false, false, -1},
	xcrypto + "salsa20.XORKeyStream":              {2, "nonce", true, false, -1},
}

// unauthModes are the stream modes that encrypt without integrity (AV605).
var unauthModes = map[string]string{
	"crypto/cipher.NewCFBEncrypter": "CFB",
	"crypto/cipher.NewCFBDecrypter": "CFB",
	"crypto/cipher.NewOFB":          "OFB",
	"crypto/cipher.NewCTR":          "CTR",
}

// integrityCalls silence AV605 when a file also uses them: the ciphertext
// is authenticated (encrypt-then-MAC) or signed.
var integrityCalls = map[string]bool{
	"crypto/hmac.New":           true,
	"crypto/hmac.Equal":         true,
	xcrypto + "poly1305.Sum":    true,
	xcrypto + "poly1305.Verify": true,
	xcrypto + "poly1305.New":    true,
	"crypto/ed25519.Sign":       true,
	"crypto/ecdsa.Sign":         true,
	"crypto/ecdsa.SignASN1":     true,
	"crypto/rsa.SignPSS":        true,
	"crypto/rsa.SignPKCS1v15":   true,
	"crypto/ed25519.Verify":     true,
	"crypto/ecdsa.VerifyASN1":   true,
	"crypto/rsa.VerifyPSS":      true,
	"crypto/rsa.VerifyPKCS1v15": true,
}

// hashAlg describes a hash function or constructor.
type hashAlg struct {
	name string // "md5", "sha256"
	weak bool   // collision-broken: MD5, SHA-1
	sum  bool   // one-shot: the argument is the input, the result the digest
}

// hashFuncs are the hash functions (Sum*) and constructors (New*).
var hashFuncs = map[string]hashAlg{
	"crypto/md5.Sum":           {"md5", true, true},
	"crypto/md5.New":           {"md5", true, false},
	"crypto/sha1.Sum":          {"sha1", true, true},
	"crypto/sha1.New":          {"sha1", true, false},
	"crypto/sha256.Sum256":     {"sha256", false, true},
	"crypto/sha256.Sum224":     {"sha224", false, true},
	"crypto/sha256.New":        {"sha256", false, false},
	"crypto/sha256.New224":     {"sha224", false, false},
	"crypto/sha512.Sum512":     {"sha512", false, true},
	"crypto/sha512.Sum384":     {"sha384", false, true},
	"crypto/sha512.Sum512_256": {"sha512/256", false, true},
	"crypto/sha512.New":        {"sha512", false, false},
	"crypto/sha512.New384":     {"sha384", false, false},
	"crypto/sha512.New512_256": {"sha512/256", false, false},
	"crypto/sha3.Sum256":       {"sha3-256", false, true},
	"crypto/sha3.Sum512":       {"sha3-512", false, true},
	"crypto/sha3.New256":       {"sha3-256", false, false},
	"crypto/sha3.New512":       {"sha3-512", false, false},
	xcrypto + "sha3.Sum256":    {"sha3-256", false, true},
	xcrypto + "sha3.Sum512":    {"sha3-512", false, true},
	xcrypto + "sha3.New256":    {"sha3-256", false, false},
	xcrypto + "sha3.New512":    {"sha3-512", false, false},
	xcrypto + "blake2b.Sum256": {"blake2b", false, true},
	xcrypto + "blake2b.Sum512": {"blake2b", false, true},
	xcrypto + "blake2s.Sum256": {"blake2s", false, true},
}

// weakHashValues are the func values naming MD5 and SHA-1 (hmac.New's
// first argument, pbkdf2's hash).
var weakHashValues = map[string]string{
	"crypto/md5.New":  "md5",
	"crypto/sha1.New": "sha1",
}

// hashValueNames names the hash constructors passed as values, for pbkdf2's
// thresholds.
var hashValueNames = map[string]string{
	"crypto/md5.New":        "md5",
	"crypto/sha1.New":       "sha1",
	"crypto/sha256.New":     "sha256",
	"crypto/sha256.New224":  "sha224",
	"crypto/sha512.New":     "sha512",
	"crypto/sha512.New384":  "sha384",
	"crypto/sha3.New256":    "sha3-256",
	"crypto/sha3.New512":    "sha3-512",
	xcrypto + "sha3.New256": "sha3-256",
	xcrypto + "sha3.New512": "sha3-512",
}

// kdfs derive keys from or store passwords properly; a fast hash of a
// password in a function that also calls one of them is a pre-hash
// (bcrypt's 72-byte limit) or a legacy-hash migration, not the storage.
// kdfVerifiers check a password against a KDF hash without producing one:
// a function that calls them next to MD5 is verifying both kinds of stored
// hash, not migrating them.
var kdfVerifiers = map[string]bool{
	xcrypto + "bcrypt.CompareHashAndPassword": true,
}

var kdfs = map[string]bool{
	xcrypto + "bcrypt.GenerateFromPassword":                    true,
	xcrypto + "bcrypt.CompareHashAndPassword":                  true,
	xcrypto + "scrypt.Key":                                     true,
	xcrypto + "argon2.Key":                                     true,
	xcrypto + "argon2.IDKey":                                   true,
	xcrypto + "pbkdf2.Key":                                     true,
	xcrypto + "hkdf.New":                                       true,
	xcrypto + "hkdf.Extract":                                   true,
	"crypto/pbkdf2.Key":                                        true,
	"crypto/hkdf.Key":                                          true,
	"crypto/hkdf.Extract":                                      true,
	"github.com/alexedwards/argon2id.CreateHash":               true,
	"github.com/alexedwards/argon2id.ComparePasswordAndHash":   true,
	"github.com/elithrar/simple-scrypt.GenerateFromPassword":   true,
	"github.com/elithrar/simple-scrypt.CompareHashAndPassword": true,
}

// signers sign a digest. digest is the index of the digest argument, hash
// the index of a crypto.Hash (or SignerOpts) argument, or -1.
type signer struct{ digest, hash int }

var signers = map[string]signer{
	"crypto/rsa.SignPKCS1v15":      {3, 2},
	"crypto/rsa.SignPSS":           {3, 2},
	"crypto/rsa.PrivateKey.Sign":   {1, 2},
	"crypto/ecdsa.PrivateKey.Sign": {1, 2},
	"crypto.Signer.Sign":           {1, 2},
	"crypto/ecdsa.Sign":            {2, -1},
	"crypto/ecdsa.SignASN1":        {2, -1},
}

// weakCryptoHashes are the crypto.Hash constants of broken hashes.
var weakCryptoHashes = map[int64]string{
	1: "MD4",
	2: "MD5",
	3: "SHA1",
	8: "MD5SHA1",
}

// transparent functions pass their arguments' content on to their result:
// a token hex-encoded is still the token.
var transparent = map[string]bool{
	"fmt.Sprintf":                 true,
	"fmt.Sprint":                  true,
	"fmt.Sprintln":                true,
	"fmt.Appendf":                 true,
	"strconv.Itoa":                true,
	"strconv.FormatInt":           true,
	"strconv.FormatUint":          true,
	"strconv.Quote":               true,
	"strings.Join":                true,
	"strings.ToUpper":             true,
	"strings.ToLower":             true,
	"strings.TrimSpace":           true,
	"strings.TrimRight":           true,
	"strings.TrimLeft":            true,
	"strings.Repeat":              true,
	"strings.Clone":               true,
	"strings.ReplaceAll":          true,
	"bytes.Join":                  true,
	"bytes.Clone":                 true,
	"bytes.Repeat":                true,
	"bytes.TrimSpace":             true,
	"encoding/hex.EncodeToString": true,
	"encoding/hex.AppendEncode":   true,
	"encoding/base64.Encoding.EncodeToString": true,
	"encoding/base64.Encoding.AppendEncode":   true,
	"encoding/base32.Encoding.EncodeToString": true,
	"math/big.NewInt":                         true,
	"math/big.Int.Text":                       true,
	"math/big.Int.String":                     true,
	"slices.Clone":                            true,
	"slices.Concat":                           true,
	"unicode.ToUpper":                         true,
	"unicode.ToLower":                         true,
}

// copiers write their source argument into their destination argument.
type copier struct{ dst, src int }

var copiers = map[string]copier{
	"encoding/hex.Encode":             {0, 1},
	"encoding/base64.Encoding.Encode": {1, 2},
	"encoding/base32.Encoding.Encode": {1, 2},
}

// builderWrites are methods that append their argument to the receiver.
var builderWrites = map[string]bool{
	"strings.Builder.WriteString": true,
	"strings.Builder.WriteByte":   true,
	"strings.Builder.WriteRune":   true,
	"strings.Builder.Write":       true,
	"bytes.Buffer.WriteString":    true,
	"bytes.Buffer.WriteByte":      true,
	"bytes.Buffer.WriteRune":      true,
	"bytes.Buffer.Write":          true,
}

// valueMethods return their receiver's content in another form.
var valueMethods = map[string]bool{
	"String": true, "Bytes": true, "Text": true, "Hex": true,
}

// cryptoRandFills fill their argument with unpredictable bytes.
var cryptoRandFills = map[string]int{
	"crypto/rand.Read": 0,
	"io.ReadFull":      1,
	"io.ReadAtLeast":   1,
}

// cryptoRandValues return unpredictable values.
var cryptoRandValues = map[string]bool{
	"crypto/rand.Text":                 true,
	"crypto/rand.Int":                  true,
	"crypto/rand.Prime":                true,
	"github.com/google/uuid.New":       true,
	"github.com/google/uuid.NewString": true,
	"github.com/google/uuid.NewRandom": true,
	"github.com/google/uuid.Must":      true,
	"github.com/gofrs/uuid.NewV4":      true,
	"github.com/gofrs/uuid/v5.NewV4":   true,
}

// mathRandValues are the math/rand functions and methods whose result is a
// pseudo-random value (AV607). Read fills its argument instead. Seed,
// Shuffle and Perm produce no value a secret is made of.
var mathRandValues = map[string]bool{}

func init() {
	v1 := []string{"Int", "Intn", "Int31", "Int31n", "Int63", "Int63n", "Uint32", "Uint64", "Float32", "Float64", "Read"}
	for _, n := range v1 {
		mathRandValues[mrand1+"."+n] = true
		mathRandValues[mrand1+".Rand."+n] = true
	}
	v2 := []string{"Int", "IntN", "Int32", "Int32N", "Int64", "Int64N", "Uint", "UintN", "Uint32", "Uint32N", "Uint64", "Uint64N", "N", "Float32", "Float64"}
	for _, n := range v2 {
		mathRandValues[mrand2+"."+n] = true
		mathRandValues[mrand2+".Rand."+n] = true
	}
	mathRandValues[mrand1+".Source.Int63"] = true
	mathRandValues[mrand1+".Source64.Uint64"] = true
	mathRandValues[mrand2+".Source.Uint64"] = true
	mathRandValues[mrand2+".PCG.Uint64"] = true
}

// securityArgs are call arguments that are secrets whatever their
// parameter is called.
var securityArgs = map[string]map[int]secKind{
	"golang.org/x/oauth2.Config.AuthCodeURL": {0: secToken},
}

// setters store a value under a constant name given as argument 0 (or 1
// after a context): the name says what the value is.
var setters = map[string]bool{
	"Set": true, "Add": true, "SetCookie": true, "Put": true, "Store": true, "Save": true,
	"SetString": true, "Setenv": true, "SetHeader": true,
}

// deprecatedPkgs are the import paths reported by AV609, with what to use
// instead. Blowfish, CAST5, TEA and XTEA are deprecated too, but their
// constructors are reported by AV601 on the line that uses them.
var deprecatedPkgs = map[string]string{
	xcrypto + "openpgp":   "github.com/ProtonMail/go-crypto/openpgp (or age / NaCl for new designs)",
	xcrypto + "md4":       "crypto/sha256 (MD4 is broken)",
	xcrypto + "ripemd160": "crypto/sha256 (RIPEMD-160 is a legacy hash)",
	xcrypto + "twofish":   "AES-GCM (crypto/aes with cipher.NewGCM) or chacha20poly1305",
	xcrypto + "poly1305":  "golang.org/x/crypto/chacha20poly1305 for encryption or crypto/hmac for authentication",
	xcrypto + "otr":       "a maintained messaging protocol library (OTR v2 here is insecure)",
	xcrypto + "bn256":     "github.com/cloudflare/bn256, or a curve with a sound security level",
	"crypto/dsa":          "crypto/ed25519 or crypto/ecdsa (DSA is a legacy algorithm)",
}

// deprecatedPrefixes extends deprecatedPkgs to sub-packages.
var deprecatedPrefixes = []string{xcrypto + "openpgp/"}

// paramKind says which AV608 threshold a parameter is checked against.
type paramKind int

const (
	pRSA paramKind = iota
	pBcrypt
	pPBKDF2
	pArgon2
	pScrypt
)

// paramSpec locates a weak-parameter argument (AV608): arg is the value
// checked (bits, cost, iterations, memory, N), hashArg PBKDF2's hash,
// timeArg argon2's time cost.
type paramSpec struct {
	kind    paramKind
	arg     int
	hashArg int
	timeArg int
}

var weakParams = map[string]paramSpec{
	"crypto/rsa.GenerateKey":                {pRSA, 1, -1, -1},
	"crypto/rsa.GenerateMultiPrimeKey":      {pRSA, 2, -1, -1},
	xcrypto + "bcrypt.GenerateFromPassword": {pBcrypt, 1, -1, -1},
	xcrypto + "pbkdf2.Key":                  {pPBKDF2, 2, 4, -1},
	"crypto/pbkdf2.Key":                     {pPBKDF2, 3, 0, -1},
	xcrypto + "argon2.Key":                  {pArgon2, 3, -1, 2},
	xcrypto + "argon2.IDKey":                {pArgon2, 3, -1, 2},
	xcrypto + "scrypt.Key":                  {pScrypt, 2, -1, -1},
}

// helperHashWords name the algorithm of a hash helper from another package
// (utils.MD5, helpers.Sha256Hex); helperSkipWords mark helpers that key or
// sign (HMAC) or hash files, which are not plain hashes of their argument.
var (
	helperHashWords = map[string]hashAlg{
		"md5":    {"md5", true, true},
		"sha1":   {"sha1", true, true},
		"sha224": {"sha224", false, true},
		"sha256": {"sha256", false, true},
		"sha384": {"sha384", false, true},
		"sha512": {"sha512", false, true},
	}
	helperSkipWords = map[string]bool{"hmac": true, "mac": true, "sign": true, "signature": true, "file": true, "verify": true, "check": true, "compare": true, "reader": true}
)
