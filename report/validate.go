package report

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Validate checks what a briefing of d with opt needs beyond what
// model.Validate checks, so that a dossier both accept Build builds: that
// each language of the briefing (opt.Languages; all the dossier's
// languages when empty) has a catalog in opt.Locales.Catalogs, as an
// error at "languages[i]" that names the catalogs there are; a declared
// language the briefing does not use and that has no catalog is a
// warning. Renderers have checks of their own (pdf.Check).
func Validate(d *model.Dossier, opt Options) model.Issues {
	var issues model.Issues
	if d == nil {
		return model.Issues{{Severity: model.SeverityError, Err: fmt.Errorf("report: %w: nil dossier", ErrOptions)}}
	}
	briefed := opt.Languages
	if len(briefed) == 0 {
		briefed = d.Languages
	}
	have := opt.Locales.Languages()
	names := make([]string, len(have))
	for i, t := range have {
		names[i] = t.String()
	}
	for i, tag := range d.Languages {
		_, err := opt.Locales.New(tag)
		if err == nil || !errors.Is(err, locales.ErrUnsupportedLanguage) {
			continue
		}
		is := model.Issue{Severity: model.SeverityWarning, Path: "languages[" + strconv.Itoa(i) + "]"}
		used := slices.Contains(briefed, tag)
		if used {
			is.Severity = model.SeverityError
		}
		is.Err = fmt.Errorf("%w: %s (%s) has no catalog of the briefing's words; catalogs exist for %s: %s",
			locales.ErrUnsupportedLanguage, tag, englishName(tag), strings.Join(names, ", "), hint(used, d.Languages, have))
		issues = append(issues, is)
	}
	return issues
}

// hint says what to do about a language with no catalog.
func hint(used bool, declared, have []language.Tag) string {
	var ok []string
	for _, t := range declared {
		if slices.Contains(have, t) {
			ok = append(ok, t.String())
		}
	}
	if !used {
		return "briefings in it cannot be made"
	}
	if len(ok) > 0 {
		return "brief in " + strings.Join(ok[:min(2, len(ok))], "+") + " (the briefing program's -lang), or add a catalog as package locales explains"
	}
	return "add a catalog as package locales explains"
}

func englishName(tag language.Tag) string {
	if l, err := locales.New(language.English); err == nil {
		if n, err := l.LanguageName(tag); err == nil {
			return n
		}
	}
	return tag.String()
}
