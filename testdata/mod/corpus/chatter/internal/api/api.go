package api

import (
	"context"
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/chatter/internal/config"
	"example.com/apivettest/corpus/chatter/internal/legacy"
	"example.com/apivettest/corpus/chatter/internal/store"
	"example.com/apivettest/corpus/chatter/internal/tokens"
)

// API holds the dependencies of the JSON handlers.
type API struct {
	cfg    *config.Config
	store  *store.Store
	tokens *tokens.Service
	log    *slog.Logger
}

// New wires the API.
func New(cfg *config.Config, st *store.Store, tok *tokens.Service, log *slog.Logger) *API {
	return &API{cfg: cfg, store: st, tokens: tok, log: log}
}

type ctxUser struct{}

func (a *API) requireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		s, err := a.tokens.VerifySession(raw)
		if err != nil {
			writeErr(w, http.StatusUnauthorized, "sign in first")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxUser{}, s)))
	})
}

func user(r *http.Request) *tokens.Session {
	s, _ := r.Context().Value(ctxUser{}).(*tokens.Session)
	return s
}

func writeErr(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func writeOK(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func pathID(r *http.Request, key string) int64 {
	n, _ := strconv.ParseInt(mux.Vars(r)[key], 10, 64)
	return n
}

type signIn struct {
	Username string `json:"username"`
	Email    string `json:"email"`
	Password string `json:"password"`
	Code     string `json:"code"`
}

func readSignIn(w http.ResponseWriter, r *http.Request) (signIn, error) {
	var s signIn
	// capped at 4 KiB before decoding
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&s) // safe:transport
	return s, err
}

// Login signs a user in.
func (a *API) Login(w http.ResponseWriter, r *http.Request) {
	in, err := readSignIn(w, r)
	if err != nil {
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	id, hash, err := a.store.UserByName(r.Context(), in.Username)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(in.Password)) != nil {
		writeErr(w, http.StatusUnauthorized, "wrong username or password")
		return
	}
	tok, err := a.tokens.IssueSession(id)
	if err != nil {
		writeErr(w, http.StatusInternalServerError, "could not sign in")
		return
	}
	writeOK(w, map[string]string{"token": tok})
}

// Signup creates an account.
func (a *API) Signup(w http.ResponseWriter, r *http.Request) {
	in, err := readSignIn(w, r)
	if err != nil {
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	// bcrypt's default cost (10)
	hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), bcrypt.DefaultCost) // safe:crypto
	if err != nil {
		writeErr(w, http.StatusBadRequest, "password not accepted")
		return
	}
	id, err := a.store.CreateUser(r.Context(), in.Username, in.Email, hash)
	if err != nil {
		a.log.Error("signup", "err", err)
		writeErr(w, http.StatusConflict, "username taken")
		return
	}
	writeOK(w, map[string]any{"id": id, "avatar": gravatar(in.Email)})
}

// gravatar builds the avatar URL Gravatar expects.
func gravatar(email string) string {
	// md5 is Gravatar's lookup key for an address, not a protection
	sum := md5.Sum([]byte(strings.ToLower(strings.TrimSpace(email)))) // safe:crypto
	return "https://www.gravatar.com/avatar/" + hex.EncodeToString(sum[:])
}

// VerifyOTP checks a one-time code sent by SMS.
func (a *API) VerifyOTP(w http.ResponseWriter, r *http.Request) {
	if _, err := readSignIn(w, r); err != nil {
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ResetPassword completes a reset with the mailed code.
func (a *API) ResetPassword(w http.ResponseWriter, r *http.Request) {
	if _, err := readSignIn(w, r); err != nil {
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// LegacyAuth signs in the 2019 app with its old password hashes.
func (a *API) LegacyAuth(w http.ResponseWriter, r *http.Request) {
	in, err := readSignIn(w, r)
	if err != nil {
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	acct := legacy.Account{}
	if !legacy.CheckPassword(acct, in.Password) {
		writeErr(w, http.StatusUnauthorized, "wrong username or password")
		return
	}
	writeOK(w, map[string]string{"status": "ok"})
}

// ListBotTokens lists the caller's bots.
func (a *API) ListBotTokens(w http.ResponseWriter, r *http.Request) {
	writeOK(w, []string{})
}

// SearchRooms is the room directory.
func (a *API) SearchRooms(w http.ResponseWriter, r *http.Request) {
	rooms, err := a.store.FindRooms(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		// the MySQL error text goes to the client with the 500
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	if r.URL.Query().Get("q") == "" {
		// an empty search shows suggestions in a random order: presentation, not security
		rand.Shuffle(len(rooms), func(i, j int) { rooms[i], rooms[j] = rooms[j], rooms[i] }) // safe:crypto
	}
	writeOK(w, rooms)
}

// History pages through a room.
func (a *API) History(w http.ResponseWriter, r *http.Request) {
	before, err := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	if err != nil {
		before = 1<<62 - 1
	}
	msgs, err := a.store.History(r.Context(), pathID(r, "id"), before, 50)
	if err != nil {
		a.log.Error("history", "err", err)
		writeErr(w, http.StatusInternalServerError, "history unavailable")
		return
	}
	writeOK(w, msgs)
}

type newMessage struct {
	Body string `json:"body"`
}

// PostMessage adds a message to a room.
func (a *API) PostMessage(w http.ResponseWriter, r *http.Request) {
	var in newMessage
	// decoded straight from r.Body, no MaxBytesReader on this route
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // vuln:transport
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	if n := len(in.Body); n == 0 || n > 4000 {
		// the handler's own length check, on a 400
		writeErr(w, http.StatusBadRequest, fmt.Sprintf("message must be 1..4000 bytes, got %d", n)) // safe:exposure
		return
	}
	m := &store.Message{RoomID: pathID(r, "id"), Author: user(r).Subject, Body: in.Body, CreatedAt: time.Now()}
	if err := a.store.Post(r.Context(), m); err != nil {
		a.log.Error("post", "err", err)
		writeErr(w, http.StatusInternalServerError, "message not stored")
		return
	}
	writeOK(w, m)
}

// SetRole changes a member's role.
func (a *API) SetRole(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Role string `json:"role"`
	}
	// 1 KiB is plenty for a role name
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<10)).Decode(&in); err != nil { // safe:transport
		writeErr(w, http.StatusBadRequest, "malformed request")
		return
	}
	if err := a.store.SetRole(r.Context(), pathID(r, "id"), pathID(r, "uid"), in.Role); err != nil {
		a.log.Error("set role", "err", err)
		// the wrapped database error, on a 500
		writeErr(w, http.StatusInternalServerError, "set role: "+err.Error()) // vuln:exposure
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// JoinCode creates a six-digit code that lets anyone join the room.
func (a *API) JoinCode(w http.ResponseWriter, r *http.Request) {
	// a room's join code grants entry: math/rand makes it predictable
	code := fmt.Sprintf("%06d", rand.Intn(1000000)) // vuln:crypto
	writeOK(w, map[string]string{"code": code})
}

func saveTo(path string, f multipart.File) error {
	dst, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, f)
	return errors.Join(err, dst.Close())
}

// UploadAttachment stores a file posted to a room.
func (a *API) UploadAttachment(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 25<<20)
	// the body was capped at 25 MiB just above
	if err := r.ParseMultipartForm(8 << 20); err != nil { // safe:transport
		writeErr(w, http.StatusRequestEntityTooLarge, "attachment too large")
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		writeErr(w, http.StatusBadRequest, "missing file")
		return
	}
	defer f.Close()
	dir := filepath.Join(a.cfg.Files.UploadDir, strconv.FormatInt(pathID(r, "id"), 10))
	// the client's file name, "../../etc/cron.d/x" included, becomes the path
	if err := saveTo(filepath.Join(dir, hdr.Filename), f); err != nil { // vuln:exposure
		a.log.Error("attachment", "err", err)
		writeErr(w, http.StatusInternalServerError, "upload failed")
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// UploadAvatar replaces the caller's avatar.
func (a *API) UploadAvatar(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 2<<20)
	f, hdr, err := r.FormFile("avatar")
	if err != nil {
		writeErr(w, http.StatusBadRequest, "missing file")
		return
	}
	defer f.Close()
	name := user(r).Subject + "-" + filepath.Base(hdr.Filename)
	// only the base name survives, prefixed with the user id
	if err := saveTo(filepath.Join(a.cfg.Files.AvatarDir, name), f); err != nil { // safe:exposure
		writeErr(w, http.StatusInternalServerError, "upload failed")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ImportArchive loads a Slack export into a room.
func (a *API) ImportArchive(w http.ResponseWriter, r *http.Request) {
	// a 1 GiB multipart limit with no MaxBytesReader in front
	if err := r.ParseMultipartForm(1 << 30); err != nil { // vuln:transport
		writeErr(w, http.StatusBadRequest, "not a multipart upload")
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// AuthorStats counts an author's messages.
func (a *API) AuthorStats(w http.ResponseWriter, r *http.Request) {
	n, err := a.store.ByAuthor(r.Context(), mux.Vars(r)["name"])
	if err != nil {
		a.log.Error("author stats", "err", err)
		writeErr(w, http.StatusInternalServerError, "stats unavailable")
		return
	}
	writeOK(w, map[string]int{"messages": n})
}

// Preview is the public room preview for the embeddable widget.
func (a *API) Preview(w http.ResponseWriter, r *http.Request) {
	msgs, err := a.store.History(r.Context(), pathID(r, "id"), 1<<62-1, 5)
	if err != nil {
		writeErr(w, http.StatusServiceUnavailable, "preview unavailable")
		return
	}
	writeOK(w, map[string]any{"messages": msgs, "shared_by": a.tokens.PreviewSubject(r.URL.Query().Get("t"))})
}

type botPost struct {
	Room int64  `json:"room"`
	Text string `json:"text"`
}

func readBotPost(r *http.Request) (botPost, error) {
	var p botPost
	// the bot payload is read through a LimitReader
	body, err := io.ReadAll(io.LimitReader(r.Body, config.MaxMessageBytes)) // safe:transport
	if err != nil {
		return p, err
	}
	return p, json.Unmarshal(body, &p)
}

// BotWebhook lets a bot post with its webhook token.
func (a *API) BotWebhook(w http.ResponseWriter, r *http.Request) {
	want, err := a.store.BotToken(r.Context(), mux.Vars(r)["id"])
	if err != nil {
		writeErr(w, http.StatusNotFound, "unknown bot")
		return
	}
	// the presented token is compared with != against the stored one
	if r.Header.Get(config.BotTokenHeader) != want { // vuln:secrets
		writeErr(w, http.StatusUnauthorized, "bad token")
		return
	}
	a.botPost(w, r)
}

// BotWebhookV2 is the same hook with a constant-time comparison.
func (a *API) BotWebhookV2(w http.ResponseWriter, r *http.Request) {
	want, err := a.store.BotToken(r.Context(), mux.Vars(r)["id"])
	if err != nil {
		writeErr(w, http.StatusNotFound, "unknown bot")
		return
	}
	got := r.Header.Get(config.BotTokenHeader)
	// crypto/subtle: no timing leak
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 { // safe:secrets
		writeErr(w, http.StatusUnauthorized, "bad token")
		return
	}
	a.botPost(w, r)
}

func (a *API) botPost(w http.ResponseWriter, r *http.Request) {
	p, err := readBotPost(r)
	if err != nil {
		writeErr(w, http.StatusBadRequest, "malformed payload")
		return
	}
	m := &store.Message{RoomID: p.Room, Author: "bot:" + mux.Vars(r)["id"], Body: p.Text, CreatedAt: time.Now()}
	if err := a.store.Post(r.Context(), m); err != nil {
		writeErr(w, http.StatusInternalServerError, "not stored")
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
