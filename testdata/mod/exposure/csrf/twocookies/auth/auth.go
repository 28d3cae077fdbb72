// Package auth sets the two session cookies of the service: the staff
// console's is SameSite=Lax, the customer portal's has no SameSite.
package auth

import "net/http"

// Cookie names, read by the command's middleware.
const (
	StaffCookie  = "staff_sid"
	PortalCookie = "portal_key"
)

// StaffLogin starts a staff session.
func StaffLogin(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: StaffCookie, Value: id, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
}

// PortalLogin starts a customer session.
func PortalLogin(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: PortalCookie, Value: id, HttpOnly: true, Secure: true})
}

// PortalLogout ends it.
func PortalLogout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: PortalCookie, MaxAge: -1, SameSite: http.SameSiteLaxMode})
}
