package main

import (
	"bytes"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coibrief/coibrief/locales"
)

// Two requests never reach a handler: one whose head arrives too slowly,
// cut off by the server's ReadHeaderTimeout, which net/http then closes
// without a word; and one whose address and headers are larger than
// MaxHeaderBytes, which net/http answers with a line of plain text, "431
// Request Header Fields Too Large". guardListener's connections answer
// the first with 408 Request Timeout and a line of text, so that the
// client learns why, and the second with the app's own error page: 414
// URI Too Long when the request line alone was too long, as a pasted
// link of a megabyte is, 431 otherwise.

// guardListener wraps the connections a listener accepts.
type guardListener struct {
	net.Listener
	oversize oversize
}

func (l guardListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &guardConn{Conn: c, oversize: l.oversize}, nil
}

// guardConn notes whether a request has begun to arrive since the last
// one was answered, and whether its request line has ended; it answers a
// read that times out in the middle of a request with 408, and replaces
// net/http's plain 431 with an error page.
type guardConn struct {
	net.Conn
	oversize oversize
	partial  atomic.Bool // bytes of a request not yet handled were read
	lineEnd  atomic.Bool // the request line of that request has ended
	once     sync.Once
}

func (c *guardConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.partial.Store(true)
		if bytes.IndexByte(p[:n], '\n') >= 0 {
			c.lineEnd.Store(true)
		}
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() && c.partial.Load() {
		c.once.Do(func() {
			c.Conn.SetWriteDeadline(time.Now().Add(time.Second))
			c.Conn.Write([]byte(timeoutResponse))
		})
	}
	return n, err
}

// tooLarge431 is how net/http's answer to a request too large begins; the
// app never answers 431 itself.
const tooLarge431 = "HTTP/1.1 431 "

func (c *guardConn) Write(p []byte) (int, error) {
	if bytes.HasPrefix(p, []byte(tooLarge431)) && c.oversize.header != nil {
		resp := c.oversize.header
		if !c.lineEnd.Load() {
			resp = c.oversize.uri
		}
		if _, err := c.Conn.Write(resp); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return c.Conn.Write(p)
}

// oversize holds the whole responses, status line to body, to a request
// line too long (uri) and to a request head too large (header).
type oversize struct{ uri, header []byte }

// oversizeResponses renders the error pages of requests too large, in the
// interface's default language: the request's Accept-Language was never
// read.
func (s *server) oversizeResponses() (oversize, error) {
	r := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: "/"}, Header: http.Header{}}
	loc := s.loc(r)
	var o oversize
	for _, c := range []struct {
		status int
		msg    string
		dst    *[]byte
	}{
		{http.StatusRequestURITooLong, message(loc, locales.AppErrorAddress, "Max", loc.Int(maxQuery)), &o.uri},
		{http.StatusRequestHeaderFieldsTooLarge, message(loc, locales.AppErrorHeaders, "Max", loc.Int(maxHeaderBytes>>10)), &o.header},
	} {
		body, err := s.render("error", &errorView{page: s.newPage(r, message(loc, locales.AppErrorHeading)), Messages: []string{c.msg}})
		if err != nil {
			return oversize{}, err
		}
		var b strings.Builder
		b.WriteString("HTTP/1.1 " + strconv.Itoa(c.status) + " " + http.StatusText(c.status) + "\r\n")
		h := http.Header{}
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("Connection", "close")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		h.Write(&b)
		b.WriteString("\r\n")
		b.Write(body)
		*c.dst = []byte(b.String())
	}
	return o, nil
}

const timeoutBody = "408 Request Timeout: the request did not arrive in time. / La requête n'est pas arrivée à temps.\n"

var timeoutResponse = "HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
	strconv.Itoa(len(timeoutBody)) + "\r\n\r\n" + timeoutBody

// connState is the server's ConnState hook: a connection that turns
// active has read a request's head (or as much of one as it reads: see
// guardConn); one that turns idle has answered it and waits for the next.
func connState(c net.Conn, st http.ConnState) {
	gc, ok := c.(*guardConn)
	if !ok {
		return
	}
	switch st {
	case http.StateActive:
		// net/http turns a connection active also when the head it read
		// was too large, before it answers 431: lineEnd must stay.
		gc.partial.Store(false)
	case http.StateIdle:
		gc.partial.Store(false)
		gc.lineEnd.Store(false)
	}
}
