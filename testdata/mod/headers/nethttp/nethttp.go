package nethttp

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/unrolled/secure"

	"example.com/apivettest/headers/mw"
)

func list(w http.ResponseWriter, r *http.Request) {}

func defaultMux() {
	http.HandleFunc("/items", list)
	http.ListenAndServe(":8080", nil) // want `AV701 .*http.DefaultServeMux serves responses without Strict-Transport-Security, X-Content-Type-Options: nosniff and frame protection`
}

func wrapped() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", list)
	http.ListenAndServe(":8080", mw.SecureHeaders(mux))
}

func chained() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", list)
	sec := secure.New(secure.Options{STSSeconds: 31536000, FrameDeny: true, ContentTypeNosniff: true, IsDevelopment: false})
	var h http.Handler = mux
	h = sec.Handler(h)
	http.ListenAndServe(":8080", h)
}

func development() {
	mux := http.NewServeMux() // want `AV701 .*nethttp router http.NewServeMux\(\) serves responses without Strict-Transport-Security;`
	mux.HandleFunc("GET /items", list)
	sec := secure.New(secure.Options{STSSeconds: 31536000, FrameDeny: true, ContentTypeNosniff: true, IsDevelopment: true})
	http.ListenAndServe(":8080", sec.Handler(mux))
}

// handlers that set every header themselves.
func selfSetting(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Strict-Transport-Security", "max-age=31536000")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY")
}

func handlers() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /a", selfSetting)
	mux.HandleFunc("GET /b", selfSetting)
	http.ListenAndServe(":8080", mux)
}

func metrics() {
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", list)
	mux.HandleFunc("/debug/pprof/", list)
	http.ListenAndServe(":9090", mux)
}

var emailTmpl = template.Must(template.New("welcome").Parse("<p>Welcome {{.}}</p>"))

// signup renders an e-mail body, not the response: no CSP needed.
func signup(w http.ResponseWriter, r *http.Request) {
	var body bytes.Buffer
	emailTmpl.Execute(&body, r.FormValue("name"))
	w.WriteHeader(http.StatusCreated)
}

var pageTmpl = template.Must(template.New("page").Parse("<h1>{{.}}</h1>"))

func page(w http.ResponseWriter, r *http.Request) {
	pageTmpl.Execute(w, "hello")
}

func emails() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /signup", signup)
	http.ListenAndServe(":8080", mw.SecureHeaders(mux))
}

func pages() {
	mux := http.NewServeMux() // want `AV701 .*nethttp router http.NewServeMux\(\) serves responses without Content-Security-Policy \(it renders HTML\)`
	mux.HandleFunc("GET /", page)
	http.ListenAndServe(":8080", mw.SecureHeaders(mux))
}

// run serves what it is given: the caller's router is served.
func run(h http.Handler) {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ListenAndServe()
}

func viaHelper() {
	mux := http.NewServeMux() // want `AV701 .*nethttp router http.NewServeMux\(\) serves responses without`
	mux.HandleFunc("GET /items", list)
	run(mux)
}

func viaHelperWrapped() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", list)
	run(mw.SecureHeaders(mux))
}

// localOnly listens on the loopback interface only: an admin console
// reached through a tunnel still renders in a browser.
func localOnly() {
	mux := http.NewServeMux() // want `AV701 .*nethttp router http.NewServeMux\(\) serves responses without`
	mux.HandleFunc("GET /callback", list)
	http.ListenAndServe("127.0.0.1:8085", mux)
}

// healthWithoutHeaders: only the API routes need the headers.
func okHealth(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

func healthWithoutHeaders() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /a", selfSetting)
	mux.HandleFunc("GET /healthz", okHealth)
	http.ListenAndServe(":8080", mux)
}
