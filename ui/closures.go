package ui

import (
	"fmt"
	"strings"

	"reintegrate/forms"
	"reintegrate/model"
)

// parseClosures reads the settings' holidays and INSET days, one a line:
// "21/12/2026-01/01/2027 Christmas holiday" or "04/01/2027 INSET". A bad
// line is refused with its number and what to type.
func parseClosures(text string) ([]model.Closure, error) {
	var out []model.Closure
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		cl, err := parseClosure(line)
		if err != nil {
			return nil, forms.FieldError{Field: fmt.Sprintf("Holidays, line %d", n+1),
				Message: err.Error() + "; type DD/MM/YYYY or DD/MM/YYYY-DD/MM/YYYY then a name"}
		}
		out = append(out, cl)
	}
	return out, nil
}

func parseClosure(line string) (model.Closure, error) {
	dates, name, _ := strings.Cut(line, " ")
	firstText, lastText, isRange := strings.Cut(dates, "-")
	if strings.Count(dates, "-") > 1 {
		// YYYY-MM-DD on its own, not a range of two dates.
		firstText, lastText, isRange = dates, "", false
	}
	first, err := model.ParseDate(firstText)
	if err != nil {
		return model.Closure{}, err
	}
	last := first
	if isRange {
		if last, err = model.ParseDate(lastText); err != nil {
			return model.Closure{}, err
		}
	}
	if last.Before(first) {
		return model.Closure{}, fmt.Errorf("%s ends before it starts", dates)
	}
	name = strings.TrimSpace(sanitise(name))
	if name == "" {
		name = "school closed"
	}
	return model.Closure{First: first, Last: last, Name: name}, nil
}

// closureLine writes a closure the way parseClosures reads it.
func closureLine(cl model.Closure) string {
	if cl.First.Equal(cl.Last) {
		return cl.First.UK() + " " + cl.Name
	}
	return cl.First.UK() + "-" + cl.Last.UK() + " " + cl.Name
}
