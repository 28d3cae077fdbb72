package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/apivettest/ratelimit/mw"
)

func login(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}
func plain(w http.ResponseWriter, r *http.Request)                      {}

func main() {
	router := httprouter.New()
	router.POST("/login", login) // want `AV201 .*POST /login has no rate limiter and no middleware at all; add a limiter such as tollbooth.LimitHandler`
	router.Handler("POST", "/register", mw.New().Middleware(http.HandlerFunc(plain)))
	http.ListenAndServe(":8080", router)
}

func wrapped() {
	router := httprouter.New()
	router.POST("/login", login)
	http.ListenAndServe(":8080", mw.New().Middleware(router))
}
