// Package httpserver assembles the public payment API.
package httpserver

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/rs/cors"
	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/middleware/stdlib"
	"github.com/ulule/limiter/v3/drivers/store/memory"

	"example.com/apivettest/corpus/payments/internal/config"
	"example.com/apivettest/corpus/payments/internal/hdrs"
	"example.com/apivettest/corpus/payments/internal/ledgerdb"
)

type api struct {
	cfg config.Config
	db  *ledgerdb.DB
}

// New builds the root handler.
func New(cfg config.Config, db *ledgerdb.DB) http.Handler {
	a := &api{cfg: cfg, db: db}
	strict := stdlib.NewMiddleware(limiter.New(memory.NewStore(), limiter.Rate{Period: time.Minute, Limit: 5}))

	// hdrs.Secure wraps the whole mux
	mux := http.NewServeMux() // safe:headers
	// client-credentials grant with no limiter
	mux.HandleFunc("POST /oauth/token", a.token) // vuln:ratelimit
	// ulule/limiter's net/http middleware
	mux.Handle("POST /oauth/revoke", strict.Handler(http.HandlerFunc(a.revoke))) // safe:ratelimit
	// the same ulule limiter
	mux.Handle("POST /cards/{id}/pin/verify", strict.Handler(http.HandlerFunc(a.verifyPIN))) // safe:ratelimit
	// public list of card networks under /tokens
	mux.HandleFunc("GET /v1/tokens/networks", a.networks) // safe:ratelimit

	// the configured checkout origins, with credentials
	mux.Handle("/checkout/", cors.New(cors.Options{AllowedOrigins: cfg.CheckoutOrigins, AllowCredentials: true}).Handler(http.HandlerFunc(a.checkout))) // safe:cors
	// widgetCORS returns "*" with credentials
	mux.Handle("/widget/", cors.New(widgetCORS()).Handler(http.HandlerFunc(a.widget))) // vuln:cors
	// the "null" origin (sandboxed iframes, file://) is allowed with credentials
	mux.Handle("/pay-links/", cors.New(cors.Options{AllowedOrigins: []string{"https://pay.example.com", "null"}, AllowCredentials: true}).Handler(http.HandlerFunc(a.widget))) // vuln:cors
	// the request func accepts every origin
	mux.Handle("/embed/", cors.New(cors.Options{AllowOriginRequestFunc: func(r *http.Request, origin string) bool { return true }, AllowCredentials: true}).Handler(http.HandlerFunc(a.widget))) // vuln:cors
	// an anchored pattern
	mux.Handle("/shops/", cors.New(cors.Options{AllowOriginFunc: shopOrigin.MatchString, AllowCredentials: true}).Handler(http.HandlerFunc(a.widget))) // safe:cors
	// public exchange rates: any origin, no credentials
	mux.Handle("/rates/", cors.AllowAll().Handler(http.HandlerFunc(a.networks))) // safe:cors
	// an exact lookup in the configured list
	mux.Handle("/partners/", cors.New(cors.Options{AllowOriginFunc: func(o string) bool { return slices.Contains(cfg.PartnerOrigins, o) }, AllowCredentials: true}).Handler(http.HandlerFunc(a.widget))) // safe:cors

	mux.HandleFunc("POST /v1/refunds", a.refund)
	mux.HandleFunc("POST /v1/kyc/documents", a.kycUpload)
	mux.HandleFunc("POST /v1/kyc/selfie", a.kycSelfie)
	mux.HandleFunc("POST /hooks/processor", a.processorHook)
	return hdrs.Secure(mux)
}

func (a *api) token(w http.ResponseWriter, r *http.Request)     { w.WriteHeader(http.StatusNotImplemented) }
func (a *api) revoke(w http.ResponseWriter, r *http.Request)    { w.WriteHeader(http.StatusNoContent) }
func (a *api) verifyPIN(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
func (a *api) networks(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte(`["visa","mc"]`))
}
func (a *api) checkout(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
func (a *api) widget(w http.ResponseWriter, r *http.Request)   { w.WriteHeader(http.StatusNoContent) }

func (a *api) refund(w http.ResponseWriter, r *http.Request) {
	var req struct {
		MerchantID int64  `json:"merchant_id"`
		Reference  string `json:"reference"`
		Reason     string `json:"reason"`
	}
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	// capped by MaxBytesReader on the line above
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // safe:transport
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	id, err := a.db.ByReference(r.Context(), req.MerchantID, req.Reference)
	if err != nil {
		http.Error(w, "unknown payment", http.StatusNotFound)
		return
	}
	if err := a.db.Refund(r.Context(), id, req.Reason); err != nil {
		// the database error is appended to the 500 body
		http.Error(w, "refund failed: "+err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (a *api) kycUpload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 20<<20)
	f, hdr, err := r.FormFile("document")
	if err != nil {
		http.Error(w, "document is required", http.StatusBadRequest)
		return
	}
	defer f.Close()
	merchant := strconv.FormatInt(int64(len(r.Header.Get("X-Merchant"))), 10)
	// the client's file name is concatenated into the path
	dst, err := os.Create(filepath.Join(a.cfg.KYCDir, merchant+"-"+hdr.Filename)) // vuln:exposure
	if err != nil {
		log.Printf("kyc: %v", err)
		http.Error(w, "storage error", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	_, _ = io.Copy(dst, f)
	w.WriteHeader(http.StatusCreated)
}

func (a *api) kycSelfie(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
	f, hdr, err := r.FormFile("selfie")
	if err != nil {
		http.Error(w, "selfie is required", http.StatusBadRequest)
		return
	}
	defer f.Close()
	sum := sha256.Sum256([]byte(hdr.Filename + time.Now().String()))
	// a generated name; only the extension comes from the client
	dst, err := os.Create(filepath.Join(a.cfg.KYCDir, "selfies", hex.EncodeToString(sum[:8])+filepath.Ext(hdr.Filename))) // safe:exposure
	if err != nil {
		http.Error(w, "storage error", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	_, _ = io.Copy(dst, f)
	w.WriteHeader(http.StatusCreated)
}

func (a *api) processorHook(w http.ResponseWriter, r *http.Request) {
	// the processor's callback is read without a size limit
	body, err := io.ReadAll(r.Body) // vuln:transport
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	m := hmac.New(sha256.New, []byte(a.cfg.ProcessorKey))
	m.Write(body)
	sig, _ := hex.DecodeString(r.Header.Get("Processor-Signature"))
	if !hmac.Equal(sig, m.Sum(nil)) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
