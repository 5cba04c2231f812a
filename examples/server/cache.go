package main

import (
	"container/list"
	"context"
	"errors"
	"sync"
	"time"
)

// rendered is a response body made once and served many times: a page,
// a PDF, a workbook.
type rendered struct {
	body        []byte
	contentType string
	etag        string // quoted
	filename    string // for downloads; "" for pages
}

// lru is a cache of rendered bodies bounded by their total size. It is
// safe for concurrent use.
type lru struct {
	mu    sync.Mutex
	max   int64 // bytes
	size  int64
	order *list.List // front: most recently used; values are *lruEntry
	byKey map[string]*list.Element

	hits, misses int64
}

type lruEntry struct {
	key string
	r   *rendered
}

func newLRU(maxBytes int64) *lru {
	return &lru{max: maxBytes, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *lru) get(key string) (*rendered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		c.hits++
		return e.Value.(*lruEntry).r, true
	}
	c.misses++
	return nil, false
}

// peek is get without counting a hit or a miss.
func (c *lru) peek(key string) (*rendered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		return e.Value.(*lruEntry).r, true
	}
	return nil, false
}

// add keeps r under key, evicting the least recently used bodies beyond
// the bound. A body larger than an eighth of the bound is not kept, so
// that one large workbook does not empty the cache.
func (c *lru) add(key string, r *rendered) {
	n := int64(len(r.body) + len(key))
	if n > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&lruEntry{key, r})
	c.size += n
	for c.size > c.max {
		last := c.order.Back()
		ent := last.Value.(*lruEntry)
		c.order.Remove(last)
		delete(c.byKey, ent.key)
		c.size -= int64(len(ent.r.body) + len(ent.key))
	}
}

// stats returns the bytes held, the number of bodies, hits and misses.
func (c *lru) stats() (size int64, n int, hits, misses int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size, len(c.byKey), c.hits, c.misses
}

// errBusy is returned when no render slot frees in time.
var errBusy = errors.New("too many renders at once")

// limiter caps the renders running at once. A render waits for a slot
// for at most wait, and only while fewer than queue others wait; beyond
// either, it is refused with errBusy, which the server answers with 503
// and Retry-After.
type limiter struct {
	slots   chan struct{}
	mu      sync.Mutex
	waiting int
	queue   int
	wait    time.Duration
}

func newLimiter(n, queue int, wait time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, n), queue: queue, wait: wait}
}

// acquire takes a slot; release it with release.
func (l *limiter) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	l.mu.Lock()
	if l.waiting >= l.queue || l.wait <= 0 {
		l.mu.Unlock()
		return errBusy
	}
	l.waiting++
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		l.waiting--
		l.mu.Unlock()
	}()
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *limiter) release() { <-l.slots }

// flight makes concurrent requests for the same body render it once.
type flight struct {
	mu    sync.Mutex
	calls map[string]*call
}

type call struct {
	done chan struct{}
	r    *rendered
	err  error
}

// do returns what fn returns, calling it once for all the callers that
// ask for key at the same time. A caller whose ctx ends stops waiting.
func (f *flight) do(ctx context.Context, key string, fn func() (*rendered, error)) (*rendered, error) {
	f.mu.Lock()
	if f.calls == nil {
		f.calls = map[string]*call{}
	}
	if c, ok := f.calls[key]; ok {
		f.mu.Unlock()
		select {
		case <-c.done:
			return c.r, c.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	c := &call{done: make(chan struct{})}
	f.calls[key] = c
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		delete(f.calls, key)
		f.mu.Unlock()
		close(c.done)
	}()
	c.err = errors.New("render failed") // if fn panics, the waiting callers get this
	c.r, c.err = fn()
	return c.r, c.err
}

// queued returns the number of renders waiting for a slot.
func (l *limiter) queued() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.waiting
}
