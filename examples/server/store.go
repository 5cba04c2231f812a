package main

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// dossier is a loaded, valid dossier and what the pages need of it. It
// never changes once loaded: a reload makes a new one.
type dossier struct {
	id     string
	file   string // the file's base name, or kazakhstan.Name for the embedded dossier
	d      *model.Dossier
	hash   string    // of the file's bytes, in hexadecimal: part of every ETag and cache key
	loaded time.Time // when this version was loaded
	langs  []language.Tag
	first  model.Date // the dates a filter may take
	last   model.Date
	kinds  []model.EventKind // the kinds of event the chronology holds, in model order
	names  []placeName       // every name of every place, for suggestions
}

// placeName is one way to write a place: its id, a name in a language or
// an alias, folded for comparison.
type placeName struct {
	place  model.PlaceID
	kind   model.PlaceKind
	text   string // as written
	folded string
}

// problem is a dossier file that could not be loaded.
type problem struct {
	file   string
	err    string    // the first lines of what is wrong
	kept   time.Time // when the version still served was loaded; zero when none is
	keptID string
}

// catalog is the set of dossiers served at one time. It never changes:
// a reload publishes a new one.
type catalog struct {
	byID     map[string]*dossier
	list     []*dossier // by title
	problems []problem  // by file name
}

// store loads the dossiers of a directory, or the embedded one, and
// reloads the files that change.
type store struct {
	dir    string // "" for the embedded dossier
	maxLen int64  // the largest dossier file read
	log    *slog.Logger
	cur    atomic.Pointer[catalog]

	mu    sync.Mutex           // serialises reloads
	files map[string]fileState // by base name: what was last seen on disk
	good  map[string]*dossier  // by base name: the last valid version of each file
}

// fileState is what a file looked like when last read.
type fileState struct {
	mod  time.Time
	size int64
	err  string // the problem it had, "" when valid
}

func newStore(dir string, maxLen int64, log *slog.Logger) (*store, error) {
	s := &store{dir: dir, maxLen: maxLen, log: log, files: map[string]fileState{}, good: map[string]*dossier{}}
	if dir == "" {
		d, _, err := kazakhstan.Dossier()
		if err != nil {
			return nil, err
		}
		ds, err := prepare(d, kazakhstan.JSON(), kazakhstan.Name)
		if err != nil {
			return nil, err
		}
		s.good[kazakhstan.Name] = ds
		s.publish(nil)
		return s, nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	s.reload()
	return s, nil
}

// catalog returns the dossiers served now.
func (s *store) catalog() *catalog { return s.cur.Load() }

// watch reloads the directory every interval until ctx ends.
func (s *store) watch(ctx context.Context, interval time.Duration) {
	if s.dir == "" || interval <= 0 {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.reload()
		}
	}
}

// reload reads the dossier files (*.json) of the directory whose size or
// modification time changed since they were last read. A file that is
// now invalid keeps its last valid version served; a file removed is no
// longer served.
func (s *store) reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		s.log.Error("reading the dossier directory", "dir", s.dir, "err", err)
		return
	}
	changed := false
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		seen[name] = true
		fi, err := e.Info()
		if err != nil {
			continue // removed since ReadDir
		}
		if !fi.Mode().IsRegular() {
			continue
		}
		old, ok := s.files[name]
		if ok && old.mod.Equal(fi.ModTime()) && old.size == fi.Size() {
			continue
		}
		changed = true
		st := fileState{mod: fi.ModTime(), size: fi.Size()}
		ds, err := s.load(name)
		if err != nil {
			st.err = err.Error()
			if prev := s.good[name]; prev != nil {
				s.log.Error("dossier changed and is invalid; the last valid version is still served",
					"file", name, "id", prev.id, "loaded", prev.loaded.Format(time.RFC3339), "err", firstLine(st.err))
			} else {
				s.log.Error("dossier not loaded", "file", name, "err", firstLine(st.err))
			}
		} else {
			s.good[name] = ds
			verb := "dossier loaded"
			if ok {
				verb = "dossier reloaded"
			}
			s.log.Info(verb, "file", name, "id", ds.id, "hash", ds.hash[:12])
		}
		s.files[name] = st
	}
	for name := range s.files {
		if !seen[name] {
			changed = true
			delete(s.files, name)
			delete(s.good, name)
			s.log.Info("dossier file removed; no longer served", "file", name)
		}
	}
	if changed || s.cur.Load() == nil {
		s.publish(s.files)
	}
}

// publish makes the catalog of the valid versions and the problems of
// files.
func (s *store) publish(files map[string]fileState) {
	c := &catalog{byID: map[string]*dossier{}}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range s.good {
			if !yield(n) {
				return
			}
		}
	})
	for _, name := range names {
		ds := s.good[name]
		if other, dup := c.byID[ds.id]; dup {
			c.problems = append(c.problems, problem{file: name, err: fmt.Sprintf("id %q is already the id of %s", ds.id, other.file)})
			continue
		}
		c.byID[ds.id] = ds
		c.list = append(c.list, ds)
	}
	for name, st := range files {
		if st.err == "" {
			continue
		}
		p := problem{file: name, err: st.err}
		if g := s.good[name]; g != nil {
			p.kept, p.keptID = g.loaded, g.id
		}
		c.problems = append(c.problems, p)
	}
	slices.SortFunc(c.problems, func(a, b problem) int { return cmp.Compare(a.file, b.file) })
	slices.SortFunc(c.list, func(a, b *dossier) int { return cmp.Compare(a.id, b.id) })
	s.cur.Store(c)
}

// load reads, decodes and checks the dossier file name of the directory.
func (s *store) load(name string) (*dossier, error) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.maxLen+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > s.maxLen {
		return nil, fmt.Errorf("%s: larger than %d bytes (-max-dossier)", name, s.maxLen)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		var errs model.DecodeErrors
		if errors.As(err, &errs) {
			for _, e := range errs {
				if e.Pos.File == "" {
					e.Pos.File = name
				}
			}
		}
		return nil, err
	}
	issues := model.Validate(d)
	if err := issues.Err(); err != nil {
		model.Locate(data, name, issues)
		return nil, issues.Errors().Err()
	}
	return prepare(d, data, name)
}

// prepare checks what the briefings of a valid dossier need — catalogs
// for its languages, a map that can be drawn, fonts for its characters,
// as examples/briefing does — and indexes what the pages need.
func prepare(d *model.Dossier, data []byte, name string) (*dossier, error) {
	langs := d.Languages
	if len(langs) > 2 {
		langs = langs[:2]
	}
	more := report.Validate(d, report.Options{Languages: langs})
	for _, tag := range langs {
		more = append(more, pdf.Check(d, pdf.Options{Edition: pdf.Single, Language: tag})...)
	}
	if errs := more.Errors(); len(errs) > 0 {
		model.Locate(data, name, errs)
		return nil, errs.Err()
	}
	if !validID(d.ID) {
		return nil, fmt.Errorf("%s: id %q: an id in an address must be 1 to %d letters, digits, '-', '_' or '.'", name, d.ID, maxID)
	}
	sum := sha256.Sum256(data)
	ds := &dossier{
		id:     d.ID,
		file:   name,
		d:      d,
		hash:   hex.EncodeToString(sum[:]),
		loaded: time.Now(),
		langs:  slices.Clone(langs),
	}
	ds.first, ds.last = d.Period.Start, d.Period.End
	kinds := map[model.EventKind]bool{}
	for _, day := range d.Chronology {
		for i := range day.Entries {
			e := &day.Entries[i]
			kinds[e.Kind] = true
			sp := e.Span(&day)
			if ds.first.IsZero() || sp.Start.Before(ds.first) {
				ds.first = sp.Start
			}
			if !sp.Open && sp.End.After(ds.last) {
				ds.last = sp.End
			}
			if sp.Start.After(ds.last) {
				ds.last = sp.Start
			}
		}
	}
	for _, k := range model.EventKinds() {
		if kinds[k] {
			ds.kinds = append(ds.kinds, k)
		}
	}
	for i := range d.Places {
		p := &d.Places[i]
		add := func(s string) {
			if f := fold(s); f != "" {
				ds.names = append(ds.names, placeName{place: p.ID, kind: p.Kind, text: s, folded: f})
			}
		}
		for _, tag := range p.Name.Languages() {
			add(p.Name[tag])
		}
		for _, a := range p.Aliases {
			add(a)
		}
		add(string(p.ID))
	}
	return ds, nil
}

// maxID is the longest dossier id an address may name.
const maxID = 64

// validID reports whether id may appear in an address as it is: a
// dossier is named by its id, looked up in the loaded set, never by a
// path.
func validID(id string) bool {
	if id == "" || len(id) > maxID || id == "." || id == ".." {
		return false
	}
	for _, r := range id {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// title returns the dossier's title in tag, or in its first language.
func (ds *dossier) title(tag language.Tag) string {
	if s, ok := ds.d.Title.In(tag); ok {
		return s
	}
	s, _ := ds.d.Title.In(ds.langs[0])
	return s
}

// lang returns the language of the dossier closest to the interface's:
// the interface's own when the dossier has it.
func (ds *dossier) lang(ui language.Tag) language.Tag {
	if slices.Contains(ds.langs, ui) {
		return ui
	}
	return ds.langs[0]
}

// place returns the place id of the dossier.
func (ds *dossier) place(id model.PlaceID) *model.Place {
	for i := range ds.d.Places {
		if ds.d.Places[i].ID == id {
			return &ds.d.Places[i]
		}
	}
	return nil
}
