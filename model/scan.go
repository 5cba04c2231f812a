package model

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// scanner reads JSON from a stream one token at a time, keeping the line
// and column of every byte it consumes. It holds a small window of the
// input, never all of it, so decoding a file needs memory for the values
// it yields, not for the file.
//
// Syntax errors say what encoding/json says ("invalid character 'x' after
// object key:value pair", "unexpected EOF") and point at the offending
// byte.
type scanner struct {
	r    io.Reader
	buf  []byte
	i, n int   // buf[i:n] is read but not consumed
	base int64 // input offset of buf[0]
	max  int64 // the most bytes the input may hold
	eof  bool  // no more bytes: r is done or the input is over max
	rerr error // r's error other than io.EOF
	over bool  // the input is over max bytes

	line      int   // line of buf[i], from 1
	lineStart int64 // input offset of the first byte of that line

	depth   int    // objects and arrays open
	scratch []byte // a string being unescaped or spanning reads, or a number
	keyBuf  []byte // the last object key
}

const scanBufSize = 64 << 10

func newScanner(r io.Reader, max int64) *scanner {
	return &scanner{r: r, buf: make([]byte, scanBufSize), line: 1, max: max}
}

// mark is a position in the input, cheap to keep for every token.
type mark struct {
	off       int64
	line      int
	lineStart int64
}

func (m mark) pos() Position {
	return Position{Line: m.line, Column: int(m.off-m.lineStart) + 1, Offset: m.off}
}

// mark returns the position of the next unconsumed byte.
func (s *scanner) mark() mark {
	return mark{off: s.base + int64(s.i), line: s.line, lineStart: s.lineStart}
}

// scanError is a syntax error, an input over the limits or, when read is
// set, an error of the reader, with where the scanner was.
type scanError struct {
	at   mark
	err  error
	read bool
}

func (e *scanError) Error() string { return e.err.Error() }

// fill moves the unconsumed bytes to the front of the buffer and reads
// more after them. It reports whether at least one new byte arrived.
func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	if s.i > 0 {
		n := copy(s.buf, s.buf[s.i:s.n])
		s.base += int64(s.i)
		s.i, s.n = 0, n
	}
	if s.n == len(s.buf) {
		// Only a caller that needs more than the buffer holds at once
		// gets here; the buffer is sized so that none does.
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	old := s.n
	for tries := 0; tries < 100; tries++ {
		m, err := s.r.Read(s.buf[s.n:])
		if m < 0 || m > len(s.buf)-s.n {
			s.eof, s.rerr = true, fmt.Errorf("the reader returned %d bytes for a buffer of %d", m, len(s.buf)-s.n)
			return false
		}
		s.n += m
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
		}
		if s.base+int64(s.n) > s.max {
			s.eof, s.over = true, true
			s.n = int(s.max - s.base)
		}
		if s.n > old || s.eof {
			return s.n > old
		}
	}
	s.eof, s.rerr = true, io.ErrNoProgress
	return false
}

// ensure reads until k bytes are unconsumed or the input ends.
func (s *scanner) ensure(k int) {
	for s.n-s.i < k && s.fill() {
	}
}

// peek returns the next byte without consuming it, and false at the end
// of the input.
func (s *scanner) peek() (byte, bool) {
	if s.i == s.n && !s.fill() {
		return 0, false
	}
	return s.buf[s.i], true
}

// skipSpace consumes white space and returns the byte after it.
func (s *scanner) skipSpace() (byte, bool) {
	for {
		for s.i < s.n {
			switch c := s.buf[s.i]; c {
			case ' ', '\t', '\r':
				s.i++
			case '\n':
				s.i++
				s.line++
				s.lineStart = s.base + int64(s.i)
			default:
				return c, true
			}
		}
		if !s.fill() {
			return 0, false
		}
	}
}

// syntaxError is a syntax error at the next unconsumed byte, or at the
// end of the input when there is none. A read error or an input over the
// size limit comes back as itself.
func (s *scanner) syntaxError(context string) error {
	at := s.mark()
	c, ok := s.peek()
	if !ok {
		return s.endError(at)
	}
	return &scanError{at: at, err: fmt.Errorf("%w: invalid character %s %s", ErrSyntax, quoteChar(c), context)}
}

// endError is the error for input that ends at m: too large, unreadable
// or truncated.
func (s *scanner) endError(m mark) error {
	switch {
	case s.over:
		return &scanError{at: m, err: tooLarge(-1, s.max)}
	case s.rerr != nil:
		return &scanError{at: m, err: s.rerr, read: true}
	}
	return &scanError{at: m, err: fmt.Errorf("%w: unexpected EOF", ErrSyntax)}
}

// quoteChar formats c as encoding/json does in its syntax errors.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// expect consumes white space and then c, or reports a syntax error that
// describes where the scanner is.
func (s *scanner) expect(c byte, context string) error {
	b, ok := s.skipSpace()
	if !ok || b != c {
		return s.syntaxError(context)
	}
	s.i++
	return nil
}

// tokenKind is the kind of JSON value that starts at a byte.
type tokenKind uint8

const (
	tokInvalid tokenKind = iota
	tokObject
	tokArray
	tokString
	tokNumber
	tokTrue
	tokFalse
	tokNull
)

func kindOf(c byte) tokenKind {
	switch {
	case c == '{':
		return tokObject
	case c == '[':
		return tokArray
	case c == '"':
		return tokString
	case c == '-' || '0' <= c && c <= '9':
		return tokNumber
	case c == 't':
		return tokTrue
	case c == 'f':
		return tokFalse
	case c == 'n':
		return tokNull
	}
	return tokInvalid
}

func (k tokenKind) String() string {
	switch k {
	case tokObject:
		return "an object"
	case tokArray:
		return "an array"
	case tokString:
		return "a string"
	case tokNumber:
		return "a number"
	case tokTrue, tokFalse:
		return "a boolean"
	}
	return "null"
}

// begin consumes white space and reports the kind of the value that
// follows and where it starts, without consuming it.
func (s *scanner) begin() (tokenKind, mark, error) {
	c, ok := s.skipSpace()
	at := s.mark()
	if !ok {
		return tokInvalid, at, s.endError(at)
	}
	k := kindOf(c)
	if k == tokInvalid {
		return k, at, s.syntaxError("looking for beginning of value")
	}
	return k, at, nil
}

// open consumes the '{' or '[' that begin reported, checking the depth.
func (s *scanner) open(at mark) error {
	s.depth++
	if s.depth > MaxDepth {
		return &scanError{at: at, err: fmt.Errorf("%w: nested more than %d levels deep", ErrTooLarge, MaxDepth)}
	}
	s.i++
	return nil
}

// more is called after '{' or '[' (first true) or after a member or an
// element; it consumes the ',' or the closing delimiter and reports
// whether another member or element follows.
func (s *scanner) more(first bool, object bool) (bool, error) {
	c, ok := s.skipSpace()
	closer, after := byte(']'), "after array element"
	if object {
		closer, after = '}', "after object key:value pair"
	}
	switch {
	case ok && c == closer:
		s.i++
		s.depth--
		return false, nil
	case first:
		if !ok {
			return false, s.endError(s.mark())
		}
		if object && c != '"' {
			return false, s.syntaxError("looking for beginning of object key string")
		}
		return true, nil
	case ok && c == ',':
		s.i++
		if object {
			if c, ok := s.skipSpace(); ok && c != '"' {
				return false, s.syntaxError("looking for beginning of object key string")
			}
		}
		return true, nil
	}
	return false, s.syntaxError(after)
}

// key reads an object key and the colon after it. The bytes are valid
// until the next key.
func (s *scanner) key() ([]byte, mark, error) {
	c, ok := s.skipSpace()
	at := s.mark()
	if !ok {
		return nil, at, s.endError(at)
	}
	if c != '"' {
		return nil, at, s.syntaxError("looking for beginning of object key string")
	}
	k, err := s.str()
	if err != nil {
		return nil, at, err
	}
	s.keyBuf = append(s.keyBuf[:0], k...)
	if err := s.expect(':', "after object key"); err != nil {
		return nil, at, err
	}
	return s.keyBuf, at, nil
}

// plainByte tells the bytes a string holds as they are: not a quote, a
// backslash or a control character.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// hasControl reports whether b holds a byte below 0x20, eight bytes at a
// time.
func hasControl(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		if (x-0x20*ones)&^x&highs != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// str reads a string whose opening quote is the next byte, and returns it
// unescaped. A byte of invalid UTF-8 and an unpaired surrogate escape are
// errors, where encoding/json replaces them by U+FFFD. The bytes are valid
// until the next read.
//
// An input that ends within the string is an error at its opening quote.
func (s *scanner) str() ([]byte, error) {
	at := s.mark()
	s.i++ // the opening quote
	start := s.i
	// Fast path: a string with no escapes, wholly in the buffer, checked
	// as UTF-8 at once when it has multi-byte characters.
	if q := bytes.IndexByte(s.buf[start:s.n], '"'); q >= 0 {
		b := s.buf[start : start+q]
		if bytes.IndexByte(b, '\\') < 0 && !hasControl(b) && utf8.Valid(b) {
			s.i = start + q + 1
			return b, nil
		}
	}
	out := s.scratch[:0]
	for {
		if s.i == s.n && !s.fill() {
			s.scratch = out
			return nil, s.endError(at)
		}
		c := s.buf[s.i]
		switch {
		case c == '"':
			s.i++
			s.scratch = out
			return out, nil
		case c == '\\':
			r, err := s.escape(at)
			if err != nil {
				s.scratch = out
				return nil, err
			}
			out = utf8.AppendRune(out, r)
		case c < 0x20:
			s.scratch = out
			return nil, s.syntaxError("in string literal")
		case c < utf8.RuneSelf:
			j := s.i + 1
			for j < s.n && plainByte[s.buf[j]] && s.buf[j] < utf8.RuneSelf {
				j++
			}
			out = append(out, s.buf[s.i:j]...)
			s.i = j
		default:
			// multi-byte characters, checked at once when they end
			// within the buffer, one by one otherwise and to say where
			// one is not valid
			j := s.i + 1
			for j < s.n && s.buf[j] >= utf8.RuneSelf {
				j++
			}
			if j < s.n && utf8.Valid(s.buf[s.i:j]) {
				out = append(out, s.buf[s.i:j]...)
				s.i = j
				continue
			}
			if !utf8.FullRune(s.buf[s.i:s.n]) {
				s.ensure(utf8.UTFMax)
				if !utf8.FullRune(s.buf[s.i:s.n]) && (s.over || s.rerr != nil) {
					s.scratch = out
					return nil, s.endError(at)
				}
			}
			r, size := utf8.DecodeRune(s.buf[s.i:s.n])
			if r == utf8.RuneError && size == 1 {
				// encoding/json would put U+FFFD in its place: a change
				// nobody would see.
				s.scratch = out
				return nil, &scanError{at: s.mark(), err: fmt.Errorf("%w: invalid UTF-8: byte 0x%02x is not part of a character; save the file as UTF-8", ErrSyntax, s.buf[s.i])}
			}
			out = append(out, s.buf[s.i:s.i+size]...)
			s.i += size
		}
	}
}

// escape reads an escape sequence, the backslash first, in the string
// that starts at str.
func (s *scanner) escape(str mark) (rune, error) {
	at := s.mark()
	s.i++ // the backslash
	c, ok := s.peek()
	if !ok {
		return 0, s.endError(str)
	}
	switch c {
	case '"', '\\', '/':
		s.i++
		return rune(c), nil
	case 'b':
		s.i++
		return '\b', nil
	case 'f':
		s.i++
		return '\f', nil
	case 'n':
		s.i++
		return '\n', nil
	case 'r':
		s.i++
		return '\r', nil
	case 't':
		s.i++
		return '\t', nil
	case 'u':
		s.i++
		r, err := s.hex4(str)
		if err != nil {
			return 0, err
		}
		if !utf16.IsSurrogate(r) {
			return r, nil
		}
		// A surrogate pair is two escapes; anything else leaves the
		// first half unpaired.
		s.ensure(6)
		if s.n-s.i >= 6 && s.buf[s.i] == '\\' && s.buf[s.i+1] == 'u' {
			if r2, ok := hex4(s.buf[s.i+2 : s.i+6]); ok {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					s.i += 6
					return dec, nil
				}
			}
		}
		// encoding/json would put U+FFFD in its place, silently.
		return 0, &scanError{at: at, err: fmt.Errorf(`%w: \u%04x is half of a UTF-16 surrogate pair without its other half`, ErrInvalidValue, r)}
	}
	return 0, s.syntaxError("in string escape code")
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (s *scanner) hex4(str mark) (rune, error) {
	var r rune
	for range 4 {
		c, ok := s.peek()
		if !ok {
			return 0, s.endError(str)
		}
		d, ok := unhex(c)
		if !ok {
			return 0, s.syntaxError(`in \u hexadecimal character escape`)
		}
		r = r<<4 | d
		s.i++
	}
	return r, nil
}

func hex4(b []byte) (rune, bool) {
	var r rune
	for _, c := range b {
		d, ok := unhex(c)
		if !ok {
			return 0, false
		}
		r = r<<4 | d
	}
	return r, true
}

func unhex(c byte) (rune, bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10), true
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10), true
	}
	return 0, false
}

// number reads a number, checking the JSON grammar, and returns its text.
// The bytes are valid until the next read.
func (s *scanner) number() ([]byte, error) {
	at := s.mark()
	out := s.scratch[:0]
	next := func() (byte, bool) {
		c, ok := s.peek()
		return c, ok
	}
	take := func(c byte) {
		out = append(out, c)
		s.i++
	}
	digits := func() {
		for c, ok := next(); ok && '0' <= c && c <= '9'; c, ok = next() {
			take(c)
		}
	}
	defer func() { s.scratch = out }()
	c, _ := next()
	if c == '-' {
		take(c)
		c2, ok := next()
		if !ok {
			return nil, s.endError(at)
		}
		if c2 < '0' || c2 > '9' {
			return nil, s.syntaxError("in numeric literal")
		}
		c = c2
	}
	take(c)
	if c != '0' {
		digits()
	}
	if c, ok := next(); ok && c == '.' {
		take(c)
		c2, ok := next()
		if !ok {
			return nil, s.endError(at)
		}
		if c2 < '0' || c2 > '9' {
			return nil, s.syntaxError("after decimal point in numeric literal")
		}
		digits()
	}
	if c, ok := next(); ok && (c == 'e' || c == 'E') {
		take(c)
		c2, ok := next()
		if ok && (c2 == '+' || c2 == '-') {
			take(c2)
			c2, ok = next()
		}
		if !ok {
			return nil, s.endError(at)
		}
		if c2 < '0' || c2 > '9' {
			return nil, s.syntaxError("in exponent of numeric literal")
		}
		digits()
	}
	return out, nil
}

// literal reads true, false or null, whose first byte is next.
func (s *scanner) literal(word string) error {
	at := s.mark()
	s.i++
	for j := 1; j < len(word); j++ {
		c, ok := s.peek()
		if !ok {
			return s.endError(at)
		}
		if c != word[j] {
			return s.syntaxError(fmt.Sprintf("in literal %s (expecting %s)", word, quoteChar(word[j])))
		}
		s.i++
	}
	return nil
}

// skip consumes the value whose first byte is next, without keeping it.
func (s *scanner) skip(k tokenKind, at mark) error {
	switch k {
	case tokObject, tokArray:
		if err := s.open(at); err != nil {
			return err
		}
		obj := k == tokObject
		for first := true; ; first = false {
			more, err := s.more(first, obj)
			if err != nil || !more {
				return err
			}
			if obj {
				if _, _, err := s.key(); err != nil {
					return err
				}
			}
			k, at, err := s.begin()
			if err != nil {
				return err
			}
			if err := s.skip(k, at); err != nil {
				return err
			}
		}
	case tokString:
		_, err := s.str()
		return err
	case tokNumber:
		_, err := s.number()
		return err
	case tokTrue:
		return s.literal("true")
	case tokFalse:
		return s.literal("false")
	}
	return s.literal("null")
}

// end checks that nothing but white space follows the top-level value.
func (s *scanner) end() error {
	if _, ok := s.skipSpace(); ok {
		return &scanError{at: s.mark(), err: fmt.Errorf("%w: data after the dossier's closing brace", ErrSyntax)}
	}
	if s.over || s.rerr != nil {
		return s.endError(s.mark())
	}
	return nil
}
