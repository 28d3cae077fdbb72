// Package authsvc issues access and refresh tokens.
package authsvc

import (
	"cmp"
	"os"
	"time"

	"example.com/apivettest/jwt/config"
	"example.com/apivettest/jwt/keys"
	"github.com/golang-jwt/jwt/v5"
)

// Claims are the access token's claims.
type Claims struct {
	UserID string `json:"uid"`
	Role   string `json:"role"`
	jwt.RegisteredClaims
}

// Service signs tokens with one HMAC secret.
type Service struct {
	secret []byte
	cfg    config.Config
}

// New reads the secret from the configuration.
func New(cfg config.Config) *Service {
	return &Service{secret: []byte(cfg.JWTSecret), cfg: cfg}
}

// IssueAccess issues a 15-minute access token.
func (s *Service) IssueAccess(userID, role string) (string, error) {
	claims := Claims{
		UserID: userID,
		Role:   role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   userID,
			IssuedAt:  jwt.NewNumericDate(time.Now()),
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(config.AccessTokenTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueRefresh issues a 7-day refresh token.
func (s *Service) IssueRefresh(userID string) (string, error) {
	now := time.Now()
	refreshClaims := jwt.RegisteredClaims{
		Subject:   userID,
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(config.RefreshTokenTTL)),
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, refreshClaims)
	return token.SignedString(s.secret)
}

// IssueLegacy keeps the old 30-day session of the mobile app.
func (s *Service) IssueLegacy(userID string) (string, error) {
	claims := &Claims{UserID: userID}
	claims.Subject = userID
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(config.LegacySessionTTL)) // want `AV105 medium: access token lifetime 720h exceeds the 24h limit; issue a short-lived token and a refresh token`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueDeviceRefresh issues the 90-day "remember this device" refresh token.
func (s *Service) IssueDeviceRefresh(userID string) (string, error) {
	refreshToken := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": userID,
		"exp": time.Now().Add(config.LongRefresh).Unix(), // want `AV105 medium: refresh token lifetime 2160h exceeds the 720h limit`
	})
	return refreshToken.SignedString(s.secret)
}

// IssueConfigured takes its lifetime from configuration: unknown, silent.
func (s *Service) IssueConfigured(userID string) (string, error) {
	claims := Claims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(s.cfg.AccessTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueSession forgets the expiry.
func (s *Service) IssueSession(userID string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // want `AV104 medium: token created without an expiry: the claims \(jwt.MapClaims\{...\}\) never set "exp"`
		"sub":  userID,
		"role": "user",
	})
	return token.SignedString(s.secret)
}

// IssueWithStruct forgets ExpiresAt in the embedded claims.
func (s *Service) IssueWithStruct(userID string) (string, error) {
	claims := Claims{
		UserID:           userID,
		RegisteredClaims: jwt.RegisteredClaims{Subject: userID, Issuer: "auth"},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret) // want `AV104 medium: token created without an expiry: the claims \(claims\) never set "exp"`
}

// IssueLater sets the expiry after building the claims: safe.
func (s *Service) IssueLater(userID string) (string, error) {
	claims := jwt.MapClaims{"sub": userID}
	claims["exp"] = time.Now().Add(10 * time.Minute).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueFromHelper builds its claims in the keys package, without an expiry.
func (s *Service) IssueFromHelper(userID string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, keys.NewClaims(userID)) // want `AV104 medium: token created without an expiry: the claims \(keys.NewClaims\(...\)\) never set`
	return t.SignedString(s.secret)
}

// IssueFromUserClaims uses a helper that sets the expiry: safe.
func (s *Service) IssueFromUserClaims(userID string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, keys.NewUserClaims(userID, "admin", config.AccessTokenTTL))
	return t.SignedString(s.secret)
}

// newClaims is a local helper that forgets the expiry.
func newClaims(userID string) *Claims {
	return &Claims{UserID: userID, RegisteredClaims: jwt.RegisteredClaims{Subject: userID}}
}

// IssueFromLocalHelper uses it.
func (s *Service) IssueFromLocalHelper(userID string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, newClaims(userID)).SignedString(s.secret) // want `AV104 medium: token created without an expiry: the claims \(newClaims\(...\)\)`
}

// setExpiry is how IssueWithSetter adds the expiry.
func setExpiry(c *Claims, ttl time.Duration) {
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
}

// IssueWithSetter hands the claims to a function that sets the expiry: safe.
func (s *Service) IssueWithSetter(userID string) (string, error) {
	c := newClaims(userID)
	setExpiry(c, config.AccessTokenTTL)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.secret)
}

// IssueDebug signs with alg none.
func (s *Service) IssueDebug(userID string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{ // want `AV101 high: token created with alg "none" \(jwt.SigningMethodNone\)`
		"sub": userID,
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

// IssueUnsigned signs with the none key on an HS256 token.
func (s *Service) IssueUnsigned(t *jwt.Token) (string, error) {
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `AV101 high: token signed with jwt.UnsafeAllowNoneSignatureType`
}

var legacyKey = []byte("s3cr3t-k3y")

// IssueWithLegacyKey signs with a 10-byte key.
func (s *Service) IssueWithLegacyKey(userID string) (string, error) {
	claims := keys.NewUserClaims(userID, "user", config.AccessTokenTTL)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(legacyKey) // want `AV107 high: the HMAC signing key is 10 bytes, shorter than the 32 bytes HMAC needs`
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// IssueWithDefaultKey falls back to a short default.
func (s *Service) IssueWithDefaultKey(userID string) (string, error) {
	key := []byte(getenv("JWT_SECRET", "changeme"))
	claims := keys.NewUserClaims(userID, "user", config.AccessTokenTTL)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `AV107 high: the HMAC signing key falls back to a 8-byte constant`
}

// IssueWithEnvKey falls back too, through cmp.Or.
func (s *Service) IssueWithEnvKey(userID string) (string, error) {
	secret := cmp.Or(os.Getenv("JWT_SECRET"), "dev-secret")
	claims := keys.NewUserClaims(userID, "user", config.AccessTokenTTL)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret)) // want `AV107 high: the HMAC signing key falls back to a 10-byte constant`
}

// IssueWithCheckedKey refuses to run without a key: safe.
func (s *Service) IssueWithCheckedKey(userID string) (string, error) {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		panic("JWT_SECRET is not set")
	}
	claims := keys.NewUserClaims(userID, "user", config.AccessTokenTTL)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
}

// mint signs a token whose lifetime the caller chooses.
func (s *Service) mint(userID string, ttl time.Duration) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": userID,
		"exp": time.Now().Add(ttl).Unix(), // want `AV105 medium: access token lifetime 48h exceeds the 24h limit`
	}).SignedString(s.secret)
}

// Login issues a 15-minute access token and a 7-day refresh token.
func (s *Service) Login(userID string) (access, refresh string, err error) {
	if access, err = s.mint(userID, 15*time.Minute); err != nil {
		return "", "", err
	}
	refresh, err = s.mint(userID, 7*24*time.Hour)
	return access, refresh, err
}

// Kiosk issues a two-day access token for kiosk devices.
func (s *Service) Kiosk(userID string) (string, error) {
	accessToken, err := s.mint(userID, 48*time.Hour)
	return accessToken, err
}

// IssueMonth adds a month with AddDate.
func (s *Service) IssueMonth(userID string) (string, error) {
	claims := jwt.MapClaims{
		"sub": userID,
		"exp": time.Now().AddDate(0, 0, 30).Unix(), // want `AV105 medium: access token lifetime 720h exceeds the 24h limit`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueWeek computes the expiry in Unix seconds.
func (s *Service) IssueWeek(userID string) (string, error) {
	claims := jwt.MapClaims{
		"sub": userID,
		"exp": time.Now().Unix() + 60*60*24*7, // want `AV105 medium: access token lifetime 168h exceeds the 24h limit`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueDays multiplies a day count from the config package.
func (s *Service) IssueDays(userID string) (string, error) {
	expiresAt := time.Now().Add(time.Duration(config.Days) * 24 * time.Hour)
	claims := Claims{UserID: userID}
	claims.ExpiresAt = jwt.NewNumericDate(expiresAt) // want `AV105 medium: access token lifetime 336h exceeds the 24h limit`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueTypedRefresh marks the token as a refresh token in its claims: 14
// days is within the refresh limit.
func (s *Service) IssueTypedRefresh(userID string) (string, error) {
	claims := jwt.MapClaims{
		"sub":  userID,
		"type": "refresh",
		"exp":  time.Now().Add(14 * 24 * time.Hour).Unix(),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueTypedLong marks a 60-day token as a refresh token.
func (s *Service) IssueTypedLong(userID string) (string, error) {
	claims := jwt.MapClaims{
		"sub":  userID,
		"type": "refresh",
		"exp":  time.Now().Add(60 * 24 * time.Hour).Unix(), // want `AV105 medium: refresh token lifetime 1440h exceeds the 720h limit`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueEmailVerification issues a 72-hour email verification link token:
// not a session, no lifetime limit.
func (s *Service) IssueEmailVerification(email string) (string, error) {
	claims := jwt.MapClaims{
		"email": email,
		"exp":   time.Now().Add(72 * time.Hour).Unix(),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssuePair makes both tokens; 30 days is fine for the refresh one.
func (s *Service) IssuePair(userID string) (string, string, error) {
	at := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": userID,
		"exp": time.Now().Add(15 * time.Minute).Unix(),
	})
	rt := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": userID,
		"exp": time.Now().Add(30 * 24 * time.Hour).Unix(),
	})
	a, err := at.SignedString(s.secret)
	if err != nil {
		return "", "", err
	}
	r, err := rt.SignedString(s.secret)
	return a, r, err
}

// GenToken follows a popular tutorial: a 2-hour access token and a
// 30-day refresh token named aToken and rToken: safe.
func (s *Service) GenToken(userID string) (aToken, rToken string, err error) {
	aToken, err = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Subject:   userID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(2 * time.Hour)),
	}).SignedString(s.secret)
	if err != nil {
		return "", "", err
	}
	rToken, err = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * 24 * time.Hour)),
	}).SignedString(s.secret)
	return aToken, rToken, err
}

// VerifyLegacy verifies what IssueWithLegacyKey signs: the short key is
// reported where it signs, not again here.
func VerifyLegacy(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return legacyKey, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

// CartToken identifies an anonymous cart, not a user: its two days are
// no session lifetime.
func (s *Service) CartToken(cartID string) (string, error) {
	claims := jwt.MapClaims{"cart": cartID, "exp": time.Now().Add(48 * time.Hour).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// CartSession adds the user later: reported.
func (s *Service) CartSession(cartID, userID string) (string, error) {
	claims := jwt.MapClaims{"cart": cartID, "exp": time.Now().Add(48 * time.Hour).Unix()} // want `AV105 medium: access token lifetime 48h exceeds the 24h limit`
	claims["user_id"] = userID
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// IssueWithEnvDefault signs with a key whose configuration default is
// short.
func IssueWithEnvDefault(env config.Env, userID string) (string, error) {
	claims := keys.NewUserClaims(userID, "user", config.AccessTokenTTL)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(env.JWTSecret)) // want `AV107 high: the HMAC signing key falls back to a 16-byte constant`
}
