package main

import (
	"net/http"

	"github.com/didip/tollbooth/v7"
	"github.com/julienschmidt/httprouter"
)

func login(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}
func plain(w http.ResponseWriter, r *http.Request)                      {}

func main() {
	router := httprouter.New()   // want `router httprouter httprouter\.New\(\) \(served\) \[\]`
	router.POST("/login", login) // want `POST /login \[\] login`
	lmt := tollbooth.NewLimiter(1, nil)
	router.Handler("POST", "/register", tollbooth.LimitFuncHandler(lmt, plain)) // want `POST /register \[tollbooth\.LimitFuncHandler\{rate-limit\}\] plain`
	http.ListenAndServe(":8080", router)                                        // want `start http\.ListenAndServe httprouter httprouter\.New\(\)`
}
