// Package billing configures the Stripe integration.
package billing

// Keys are the Stripe keys for the checkout page and the usage reporter.
type Keys struct {
	Publishable string
	Restricted  string
}

// Production keys.
var Production = Keys{
	// a publishable key is meant to be public
	Publishable: "pk_live_51NfGx2LkT8qVw3RzM4yPp0bC7dH2sJ9eK6nA1uX5", // safe:secrets
	// a restricted secret key that can report usage and read invoices
	Restricted: "rk_live_51NfGx2LkT8qVw3RzQ7mW2vB9cX4tY6uP1oL3kJ8hG5fD0sA", // vuln:secrets
}
