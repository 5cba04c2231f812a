package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/locales"
	"golang.org/x/text/language"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// config says how the server runs. The zero value of a field means its
// default (see withDefaults).
type config struct {
	dir        string        // the directory of dossier files; "" for the embedded dossier
	poll       time.Duration // how often the directory is checked for changed files; < 0 never
	renders    int           // renders at once
	queue      int           // renders waiting for a slot at most
	wait       time.Duration // longest wait for a slot
	cacheBytes int64         // bound of the cache of rendered bodies
	maxDossier int64         // the largest dossier file read
	log        *slog.Logger
}

func (c config) withDefaults() config {
	if c.poll == 0 {
		c.poll = 2 * time.Second
	}
	if c.renders <= 0 {
		c.renders = 2
	}
	if c.queue == 0 {
		c.queue = 64
	}
	if c.wait == 0 {
		c.wait = 20 * time.Second
	}
	if c.cacheBytes <= 0 {
		c.cacheBytes = 64 << 20
	}
	if c.maxDossier <= 0 {
		c.maxDossier = 64 << 20
	}
	if c.log == nil {
		c.log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return c
}

// server is the web app: an http.Handler that holds nothing a request
// changes but caches, so that any number of instances can serve the same
// dossiers behind a load balancer.
type server struct {
	cfg         config
	store       *store
	cache       *lru
	limit       *limiter
	flight      flight
	locs        map[language.Tag]*locales.Locale
	pages       map[string]*template.Template
	assets      map[string]*rendered // by file name
	css, js     string               // the assets' addresses, with their hash
	briefingCSS string
	oversize    oversize // the answers to requests too large for net/http to hand over
	version     string   // of the program: part of every ETag
	mux         *http.ServeMux
	ids         atomic.Uint64
	idBase      string
}

// uiLangs are the languages of the interface, the first the default.
var uiLangs = []language.Tag{language.English, language.French}

var uiMatcher = language.NewMatcher(uiLangs)

// newServer loads the dossiers and makes the handler. Start watch to
// reload changed files.
func newServer(cfg config) (*server, error) {
	cfg = cfg.withDefaults()
	s := &server{
		cfg:    cfg,
		cache:  newLRU(cfg.cacheBytes),
		limit:  newLimiter(cfg.renders, cfg.queue, cfg.wait),
		locs:   map[language.Tag]*locales.Locale{},
		pages:  map[string]*template.Template{},
		assets: map[string]*rendered{},
	}
	for _, tag := range uiLangs {
		loc, err := locales.New(tag)
		if err != nil {
			return nil, err
		}
		s.locs[tag] = loc
	}
	for _, name := range []string{"list", "dossier", "error"} {
		t, err := template.New(name).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		s.pages[name] = t
	}
	h := sha256.New()
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".css":
			ctype = "text/css; charset=utf-8"
		case ".js":
			ctype = "text/javascript; charset=utf-8"
		}
		s.assets[path.Base(p)] = &rendered{body: b, contentType: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		h.Write(sum[:])
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The stylesheet of the briefings export/html writes.
	bcss := []byte(html.Stylesheet())
	bsum := sha256.Sum256(bcss)
	s.assets["briefing.css"] = &rendered{body: bcss, contentType: "text/css; charset=utf-8", etag: `"` + hex.EncodeToString(bsum[:8]) + `"`}
	h.Write(bsum[:])
	s.briefingCSS = "/static/briefing.css?v=" + hex.EncodeToString(bsum[:8])
	s.css = "/static/app.css?v=" + strings.Trim(s.assets["app.css"].etag, `"`)
	s.js = "/static/suggest.js?v=" + strings.Trim(s.assets["suggest.js"].etag, `"`)
	tsum, _ := fs.ReadDir(templateFS, "templates")
	for _, e := range tsum {
		b, _ := templateFS.ReadFile("templates/" + e.Name())
		h.Write(b)
	}
	h.Write([]byte(programVersion()))
	s.version = hex.EncodeToString(h.Sum(nil))[:16]
	if s.oversize, err = s.oversizeResponses(); err != nil {
		return nil, err
	}
	var b [4]byte
	rand.Read(b[:])
	s.idBase = hex.EncodeToString(b[:])

	if s.store, err = newStore(cfg.dir, cfg.maxDossier, cfg.log); err != nil {
		return nil, err
	}

	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.list)
	m.HandleFunc("GET /d/{id}", s.dossierPage)
	m.HandleFunc("GET /d/{id}/pdf", s.download)
	m.HandleFunc("GET /d/{id}/xlsx", s.download)
	for _, f := range dataFormats {
		m.HandleFunc("GET /d/{id}/"+f.route, s.dataDownload)
	}
	m.HandleFunc("GET /d/{id}/places", s.places)
	m.HandleFunc("GET /static/{name}", s.static)
	m.HandleFunc("GET /healthz", s.health)
	m.HandleFunc("/", s.notFound)
	s.mux = m
	return s, nil
}

// programVersion identifies the program's code: the executable's hash,
// or its module versions when it cannot be read. Every ETag includes it,
// so that a new program never answers 304 for a body an old one made.
var programVersion = sync.OnceValue(func() string {
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi.String()
	}
	return "unknown"
})

// watch reloads changed dossier files until ctx ends.
func (s *server) watch(ctx context.Context) { s.store.watch(ctx, s.cfg.poll) }

// securityHeaders are sent with every response. The policy allows no
// inline script and no inline style: the style sheet and the script are
// files of this server.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=()",
}

// ServeHTTP checks what every request must be, sets the security headers,
// and logs one line per request.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := s.idBase + "-" + strconv.FormatUint(s.ids.Add(1), 10)
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	h := w.Header()
	for k, v := range securityHeaders {
		h.Set(k, v)
	}
	h.Set("X-Request-Id", id)
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.cfg.log.Error("panic", "id", id, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if !rec.wrote {
				s.errorPage(rec, r, http.StatusInternalServerError, []string{message(s.loc(r), locales.AppErrorInternal)})
			}
		}
		route := r.Pattern
		if route == "" {
			route = "-"
		}
		s.cfg.log.Info("request", "id", id, "method", r.Method, "route", route, "path", clip(r.URL.Path),
			"status", rec.status, "bytes", rec.bytes, "ms", float64(time.Since(start).Microseconds())/1000)
	}()
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		h.Set("Allow", "GET, HEAD")
		s.errorPage(rec, r, http.StatusMethodNotAllowed, []string{message(s.loc(r), locales.AppErrorMethod)})
		return
	case badPath(r.URL.Path):
		s.errorPage(rec, r, http.StatusBadRequest, []string{message(s.loc(r), locales.AppErrorNotFound)})
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// badPath reports a path the server never serves and that the router
// would otherwise redirect: one with "." or ".." segments or empty ones.
func badPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "//") || strings.ContainsRune(p, '\\') || strings.ContainsRune(p, 0) {
		return true
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// recorder remembers the status and size of a response, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// loc returns the locale of the interface for r: its ui parameter, or
// else the language of Accept-Language the app has, or English.
func (s *server) loc(r *http.Request) *locales.Locale {
	tag, _ := s.uiTag(r)
	return s.locs[tag]
}

// uiTag returns the interface's language, and whether the address chose
// it.
func (s *server) uiTag(r *http.Request) (language.Tag, bool) {
	q := r.URL.RawQuery
	if strings.Contains(q, "ui=") && len(q) <= maxQuery {
		if v, err := parseValues(q); err == nil {
			if tag, ok := uiOf(v); ok {
				return tag, true
			}
		}
	}
	al := r.Header.Get("Accept-Language")
	if len(al) > 200 {
		al = al[:200]
	}
	tags, _, err := language.ParseAcceptLanguage(al)
	if err != nil || len(tags) == 0 {
		return uiLangs[0], false
	}
	_, i, conf := uiMatcher.Match(tags...)
	if conf == language.No {
		return uiLangs[0], false
	}
	return uiLangs[i], false
}

// parseValues parses a query only when it has a few parameters.
func parseValues(q string) (url.Values, error) {
	if strings.Count(q, "&") >= maxParams {
		return nil, errors.New("too many parameters")
	}
	return url.ParseQuery(q)
}

// page is what every page's layout needs.
type page struct {
	UI      string
	Title   string
	CSS     string
	Extra   string // a second style sheet: the briefing's
	Script  string
	Home    string
	Switch  []switchLink
	UIParam string // the ui parameter to keep in forms, when the address has one
	loc     *locales.Locale
	log     *slog.Logger
}

// T returns the interface's message id.
func (p *page) T(id string) string {
	s, err := p.loc.Message(locales.ID(id), nil)
	if err != nil {
		p.log.Error("missing message", "id", id, "err", err)
		return id
	}
	return s
}

// switchLink is a link to the same page in another interface language.
type switchLink struct {
	Href, Label, Lang string
	Current           bool
}

// newPage fills a page for r, with links to the same address in each
// interface language.
func (s *server) newPage(r *http.Request, title string) *page {
	tag, chosen := s.uiTag(r)
	p := &page{UI: tag.String(), Title: title, CSS: s.css, Home: "/", loc: s.locs[tag], log: s.cfg.log}
	if chosen {
		p.UIParam = tag.String()
		p.Home = "/?ui=" + tag.String()
	}
	for _, t := range uiLangs {
		v, err := parseValues(r.URL.RawQuery)
		if err != nil || len(r.URL.RawQuery) > maxQuery {
			v = url.Values{}
		}
		v.Set(pUI, t.String())
		name, _ := s.locs[t].LanguageName(t)
		p.Switch = append(p.Switch, switchLink{
			Href:    r.URL.Path + "?" + v.Encode(),
			Label:   capitalize(name),
			Lang:    t.String(),
			Current: t == tag,
		})
	}
	return p
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// render executes the page template name with data into a body.
func (s *server) render(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// errorView is the data of an error page.
type errorView struct {
	*page
	Messages  []string
	Back      string
	BackLabel string
}

// errorPage answers with status and a page that says what is wrong.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msgs []string) {
	s.errorPageBack(w, r, status, msgs, "", "")
}

func (s *server) errorPageBack(w http.ResponseWriter, r *http.Request, status int, msgs []string, back, backLabel string) {
	p := s.newPage(r, message(s.loc(r), locales.AppErrorHeading))
	body, err := s.render("error", &errorView{page: p, Messages: msgs, Back: back, BackLabel: backLabel})
	if err != nil {
		s.cfg.log.Error("error page", "err", err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if status == http.StatusServiceUnavailable {
		h.Set("Retry-After", "2")
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// serve answers with a rendered body, or 304 when the client has it.
func (s *server) serve(w http.ResponseWriter, r *http.Request, body *rendered, cacheControl string) {
	h := w.Header()
	h.Set("ETag", body.etag)
	h.Set("Cache-Control", cacheControl)
	if match(r.Header.Get("If-None-Match"), body.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", body.contentType)
	h.Set("Content-Length", strconv.Itoa(len(body.body)))
	if body.filename != "" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": body.filename}))
	}
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body.body)
}

// match reports whether an If-None-Match header names etag.
func match(header, etag string) bool {
	if header == "" {
		return false
	}
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// etag makes the ETag of a body from what it is made of: the program, the
// dossier's content and the canonical request. Outputs are deterministic,
// so the same inputs give the same bytes, on any instance.
func (s *server) etag(parts ...string) string {
	h := sha256.New()
	h.Write([]byte(s.version))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return `"` + hex.EncodeToString(h.Sum(nil))[:32] + `"`
}

// cached returns the body key names, from the cache or made by make
// under the cap on renders. errBusy means the cap was reached.
func (s *server) cached(ctx context.Context, key string, make func() (*rendered, error)) (*rendered, error) {
	if b, ok := s.cache.get(key); ok {
		return b, nil
	}
	return s.flight.do(ctx, key, func() (*rendered, error) {
		if b, ok := s.cache.peek(key); ok {
			return b, nil
		}
		if err := s.limit.acquire(ctx); err != nil {
			return nil, err
		}
		defer s.limit.release()
		b, err := make()
		if err != nil {
			return nil, err
		}
		s.cache.add(key, b)
		return b, nil
	})
}

// failed answers a request whose body could not be made.
func (s *server) failed(w http.ResponseWriter, r *http.Request, err error) {
	loc := s.loc(r)
	switch {
	case errors.Is(err, errBusy):
		s.errorPage(w, r, http.StatusServiceUnavailable, []string{message(loc, locales.AppErrorBusy)})
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		// The client left; nobody reads the answer.
		w.WriteHeader(499)
	default:
		s.cfg.log.Error("render failed", "path", clip(r.URL.Path), "err", err)
		s.errorPage(w, r, http.StatusInternalServerError, []string{message(loc, locales.AppErrorInternal)})
	}
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, []string{message(s.loc(r), locales.AppErrorNotFound)})
}

// static serves the style sheet and the script.
func (s *server) static(w http.ResponseWriter, r *http.Request) {
	a := s.assets[r.PathValue("name")]
	if a == nil {
		s.notFound(w, r)
		return
	}
	cc := "no-cache"
	if r.URL.Query().Get("v") == strings.Trim(a.etag, `"`) {
		cc = "public, max-age=31536000, immutable"
	}
	s.serve(w, r, a, cc)
}

// health answers whether the server serves dossiers.
func (s *server) health(w http.ResponseWriter, r *http.Request) {
	c := s.store.catalog()
	size, n, hits, misses := s.cache.stats()
	body, _ := json.Marshal(map[string]any{
		"status":   "ok",
		"dossiers": len(c.list),
		"problems": len(c.problems),
		"cache":    map[string]any{"bytes": size, "entries": n, "hits": hits, "misses": misses},
	})
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	if len(c.list) == 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	w.Write(body)
}

// waiting returns the number of renders waiting for a slot.
func (s *server) waiting() int { return s.limit.queued() }
