package main

import "example.com/apivettest/headers/split/server"

func main() {
	server.New().Start()
}
