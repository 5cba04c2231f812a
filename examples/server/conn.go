package main

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// A client that sends its request too slowly is cut off by the server's
// ReadHeaderTimeout; net/http then closes the connection without a word.
// slowListener's connections answer it first with 408 Request Timeout
// and a line of text, so that the client learns why.

// slowListener wraps the connections a listener accepts.
type slowListener struct{ net.Listener }

func (l slowListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &slowConn{Conn: c}, nil
}

// slowConn notes whether a request has begun to arrive since the last one
// was answered, and answers a read that times out in the middle of one
// with 408.
type slowConn struct {
	net.Conn
	partial atomic.Bool // bytes of a request not yet handled were read
	once    sync.Once
}

func (c *slowConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.partial.Store(true)
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() && c.partial.Load() {
		c.once.Do(func() {
			c.Conn.SetWriteDeadline(time.Now().Add(time.Second))
			c.Conn.Write([]byte(timeoutResponse))
		})
	}
	return n, err
}

const timeoutBody = "408 Request Timeout: the request did not arrive in time. / La requête n'est pas arrivée à temps.\n"

var timeoutResponse = "HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
	strconv.Itoa(len(timeoutBody)) + "\r\n\r\n" + timeoutBody

// connState is the server's ConnState hook: a connection that turns
// active has read a whole request's head; one that turns idle has
// answered it and waits for the next.
func connState(c net.Conn, st http.ConnState) {
	sc, ok := c.(*slowConn)
	if !ok {
		return
	}
	switch st {
	case http.StateActive, http.StateIdle:
		sc.partial.Store(false)
	}
}
