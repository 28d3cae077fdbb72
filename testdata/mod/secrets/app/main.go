// Command app is an orders service: it wires its databases and caches,
// issues JWTs and checks API keys.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/go-sql-driver/mysql"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"example.com/apivettest/secrets/config"
)

const ordersDSN = "postgres://orders:Xk29!mPq7wZ@db.internal:5432/orders?sslmode=require" // want `AV505 high: hardcoded password "…" \(11 chars\) in a postgres connection URL; build it at run time from configuration or a secret manager`

var (
	listen      = flag.String("listen", ":8080", "address to listen on")
	dbPassword  = flag.String("db-password", "", "database password (prefer DB_PASSWORD)")
	adminPasswd = flag.String("admin-password", "Adm1n-Fl4g-Pw", "admin password") // want `AV501 high: hardcoded credential "admin-password" \(flag.String\) = "…" \(13 chars\)`
)

func openOrders() (*sql.DB, error) {
	return sql.Open("postgres", ordersDSN)
}

func openFromEnv() (*sql.DB, error) {
	dsn := fmt.Sprintf("postgres://%s:%s@%s/orders?sslmode=require",
		os.Getenv("DB_USER"), os.Getenv("DB_PASSWORD"), os.Getenv("DB_HOST"))
	return sql.Open("postgres", dsn)
}

func openOthers() {
	// local development defaults and templates stay silent
	_, _ = sql.Open("postgres", "postgres://postgres:postgres@localhost:5432/app?sslmode=disable")
	_, _ = sql.Open("postgres", "postgres://app:password@localhost/app")
	_, _ = sql.Open("postgres", "postgres://app:${DB_PASSWORD}@db/app")
	_, _ = sql.Open("postgres", "postgresql://app:%s@db/app")
	_, _ = sql.Open("postgres", "host=db user=billing password=${DB_PASSWORD} dbname=billing")
	_, _ = sql.Open("postgres", "host=db user=billing dbname=billing sslmode=disable")
	_, _ = sql.Open("mysql", "root:root@tcp(localhost:3306)/shop")
	_, _ = sql.Open("mysql", "shop:%s@tcp(db:3306)/shop?parseTime=true")
	_ = "amqp://guest:guest@localhost:5672/"
	_ = "see https://www.postgresql.org/docs/current/libpq-connect.html for the URI format"

	// real passwords
	_, _ = sql.Open("mysql", "root:Secr3tPass!@tcp(127.0.0.1:3306)/shop?parseTime=true")                 // want `AV505 high: hardcoded password "…" \(11 chars\) in a MySQL DSN`
	_, _ = sql.Open("postgres", "host=db user=billing password=9xT!q2Lw dbname=billing sslmode=disable") // want `AV505 high: hardcoded password "…" \(8 chars\) in a connection string`
	_ = "mongodb+srv://svc:Rt7pLq92vX@cluster0.ab1cd.mongodb.net/app"                                    // want `AV505 high: hardcoded password "…" \(10 chars\) in a mongodb\+srv connection URL`
	_ = "redis://:s3cr3tRedisPw@cache:6379/0"                                                            // want `AV505 high: hardcoded password "…" \(13 chars\) in a redis connection URL`
}

var cache = redis.NewClient(&redis.Options{
	Addr:     "cache:6379",
	Password: "r3d1s-Pr0d-9931", // want `AV501 high: hardcoded credential field redis.Options.Password = "…" \(15 chars\)`
	DB:       0,
})

var sessions = redis.NewClient(&redis.Options{Addr: "cache:6379", Password: os.Getenv("REDIS_PASSWORD")})

func mysqlConfig() *mysql.Config {
	cfg := mysql.NewConfig()
	cfg.User = "shop"
	cfg.Passwd = "Sh0p!Passw0rd" // want `AV501 high: hardcoded credential "cfg.Passwd" = "…" \(13 chars\)`
	cfg.Net = "tcp"
	cfg.Addr = "db:3306"
	cfg.DBName = "shop"
	return cfg
}

func mysqlFromEnv() *mysql.Config {
	return &mysql.Config{User: "shop", Passwd: os.Getenv("MYSQL_PASSWORD"), Net: "tcp", Addr: "db:3306"}
}

func main() {
	flag.Parse()
	cfg := config.Load()
	if *dbPassword != "" {
		cfg.DBPassword = *dbPassword
	}
	_ = *adminPasswd
	srv := &Server{apiKey: cfg.APIKey, cfg: cfg, webhookSecret: []byte(os.Getenv("WEBHOOK_SECRET"))}
	mux := http.NewServeMux()
	mux.Handle("/orders", srv.requireAPIKey(http.HandlerFunc(srv.orders)))
	mux.HandleFunc("/login", srv.login)
	log.Fatal(http.ListenAndServe(*listen, mux))
}
