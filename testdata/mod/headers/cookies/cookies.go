package cookies

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
)

func login(w http.ResponseWriter, r *http.Request, sid, token string) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: sid, Path: "/"}) // want `AV703 medium: "session_id" cookie is set without HttpOnly, Secure and SameSite; set HttpOnly: true, Secure: true and SameSite`
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: sid, HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	http.SetCookie(w, &http.Cookie{Name: "access_token", Value: token, HttpOnly: true, Secure: false, SameSite: http.SameSiteLaxMode}) // want `AV703 .*"access_token" cookie is set without Secure;`
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: token, Secure: true})
	// Logging out clears the cookie.
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: "", MaxAge: -1})
	c := &http.Cookie{Name: "refresh_token", Value: token, Expires: time.Now().Add(time.Hour)}
	c.HttpOnly = true
	c.Secure = r.TLS != nil
	c.SameSite = http.SameSiteStrictMode
	http.SetCookie(w, c)
	c2 := http.Cookie{Name: "jwt", Value: token, HttpOnly: true} // want `AV703 .*"jwt" cookie is set without Secure and SameSite`
	http.SetCookie(w, &c2)
}

func byValue(w http.ResponseWriter, name, sessionToken string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: sessionToken}) // want `AV703 .*session/token \(value sessionToken\) cookie is set without HttpOnly`
}

func ginCookies(c *gin.Context, token string) {
	c.SetCookie("token", token, 3600, "/", "", false, true) // want `AV703 .*"token" cookie is set without Secure and SameSite; pass secure and httpOnly as true`
	c.SetCookie("lang", "en", 3600, "/", "", false, false)
	c.SetCookie("token", "", -1, "/", "", false, true)
}

func ginSameSite(c *gin.Context, token string) {
	c.SetSameSite(http.SameSiteStrictMode)
	c.SetCookie("token", token, 3600, "/", "", true, true)
}

func echoCookie(c echo.Context, token string) error {
	c.SetCookie(&http.Cookie{Name: "auth", Value: token, HttpOnly: true, Secure: true}) // want `AV703 .*"auth" cookie is set without SameSite`
	return nil
}

func fiberCookie(c *fiber.Ctx, token string) error {
	c.Cookie(&fiber.Cookie{Name: "session", Value: token}) // want `AV703 .*"session" cookie is set without HTTPOnly and Secure; set HTTPOnly: true and Secure: true`
	c.Cookie(&fiber.Cookie{Name: "session", Value: token, HTTPOnly: true, Secure: true})
	return nil
}

func store(key []byte) *sessions.CookieStore {
	s := sessions.NewCookieStore(key)
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true} // want `AV703 .*session cookie is set without Secure and SameSite`
	return s
}

func dashboard(w http.ResponseWriter, sid string) {
	http.SetCookie(w, &http.Cookie{Name: "dash", Value: sid, HttpOnly: true}) // want `AV703 .*"dash" cookie is set without Secure and SameSite`
	http.SetCookie(w, &http.Cookie{Name: "prefs", Value: "compact"})
}

// issueRefresh sets the refresh token cookie from a multi-line literal.
func issueRefresh(w http.ResponseWriter, refresh string) {
	cookie := &http.Cookie{ // want `AV703 .*"refresh_token" cookie is set without HttpOnly, Secure and SameSite`
		Name:   "refresh_token",
		Value:  refresh,
		Path:   "/api/auth",
		MaxAge: 7 * 24 * 3600,
	}
	http.SetCookie(w, cookie)
}

// issueRemember sets Secure later: the fix adds only HttpOnly and SameSite.
func issueRemember(w http.ResponseWriter, token string, prod bool) {
	cookie := &http.Cookie{Name: "remember_token", Value: token} // want `AV703 .*"remember_token" cookie is set without`
	cookie.Secure = prod
	http.SetCookie(w, cookie)
}
