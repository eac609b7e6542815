package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The strict JSON walker under the case-file reader: it reads an object
// key by key in the order written, so it can name the path of every unknown
// key, wrong type and bad value, and carry on to report them all at once.

func cfSyntaxMessage(data []byte) string {
	if len(bytes.TrimSpace(data)) == 0 {
		return `the file is empty: choose the case file that was exported, JSON that begins {"format": "reintegrate/case@1"`
	}
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return "is not valid JSON: " + fmt.Sprint(err) + "; export the case file again"
	}
	before := data[:min(int(se.Offset), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	return fmt.Sprintf("is not valid JSON at line %d, column %d: %v; correct the file there, or export it again", line, col, err)
}

type cfReader struct {
	lengths SessionLengths
	errs    CaseFileErrors
}

// cfMaxErrors is where the reader stops listing problems: a file with more
// is not worth reading further, and listing them all would take long.
const cfMaxErrors = 1_000

// cfLimit is how many entries a list may have, and what they are called.
type cfLimit struct {
	most int
	unit string
}

var (
	cfEntries = cfLimit{MaxListItems, "entries"}
	cfWeeks   = cfLimit{MaxWeeks, "weeks"}
)

// cfKey is one key an object may have. required says what to type when the
// key is missing or null; it is "" for optional keys.
type cfKey struct {
	name     string
	required string
	read     func(at string, v json.RawMessage)
}

func (r *cfReader) fail(at string, v json.RawMessage, format string, a ...any) {
	r.add(FieldError{Path: at, Value: cfShown(v), Message: fmt.Sprintf(format, a...)})
}

// add records a problem, up to cfMaxErrors; then it says it stopped, and
// every walk ends.
func (r *cfReader) add(e FieldError) {
	switch {
	case len(r.errs) < cfMaxErrors:
		r.errs = append(r.errs, e)
	case len(r.errs) == cfMaxErrors:
		r.errs = append(r.errs, FieldError{Message: fmt.Sprintf(
			"has more than %s problems: reading stopped there; correct these, or export the file again", Thousands(cfMaxErrors))})
	}
}

// stopped reports whether reading has ended: too many problems.
func (r *cfReader) stopped() bool { return len(r.errs) > cfMaxErrors }

// fields walks an object's keys in the order written, refusing a key given twice.
func (r *cfReader) fields(path string, v json.RawMessage, visit func(name, at string, v json.RawMessage)) {
	if cfIsNull(v) {
		return
	}
	if v[0] != '{' {
		r.wrongType(path, v, "an object in { }")
		return
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	seen := make(map[string]bool)
	if _, err := dec.Token(); err != nil {
		r.fail(path, v, "cannot be read: %v", err)
		return
	}
	for dec.More() && !r.stopped() {
		tok, err := dec.Token()
		var val json.RawMessage
		if err == nil {
			err = dec.Decode(&val)
		}
		if err != nil {
			r.fail(path, v, "cannot be read: %v", err)
			return
		}
		name, _ := tok.(string)
		at := cfPath(path, name)
		if seen[name] {
			r.fail(at, val, "%q is given twice: keep one", name)
			continue
		}
		seen[name] = true
		visit(name, at, val)
	}
}

// object reads an object with known keys: unknown keys and missing required
// keys are errors. what names the object for messages ("the consent").
func (r *cfReader) object(path, what string, v json.RawMessage, keys ...cfKey) {
	seen := make(map[string]bool, len(keys))
	r.fields(path, v, func(name, at string, val json.RawMessage) {
		i := slices.IndexFunc(keys, func(k cfKey) bool { return k.name == name })
		switch {
		case i < 0:
			r.unknownKey(at, name, what, keys)
		case keys[i].required != "" && cfIsNull(val):
			seen[name] = true
			r.fail(at, val, "must not be null: %s", keys[i].required)
		default:
			seen[name] = true
			keys[i].read(at, val)
		}
	})
	if cfIsNull(v) || v[0] != '{' {
		return
	}
	for _, k := range keys {
		if k.required != "" && !seen[k.name] {
			r.add(FieldError{Path: cfPath(path, k.name), Message: "missing: " + k.required})
		}
	}
}

func (r *cfReader) unknownKey(at, name, what string, keys []cfKey) {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	msg := fmt.Sprintf("%q is not a key of %s: the keys are %s", name, what, strings.Join(names, ", "))
	if s := cfClosest(name, names); s != "" {
		msg = fmt.Sprintf("%q is not a key of %s: did you mean %q? The keys are %s", name, what, s, strings.Join(names, ", "))
	}
	r.add(FieldError{Path: at, Value: name, Message: msg})
}

func (r *cfReader) wrongType(at string, v json.RawMessage, want string) {
	if cfIsNull(v) {
		r.fail(at, v, "is null: type %s", want)
		return
	}
	r.fail(at, v, "%s is %s: type %s", cfShown(v), cfJSONKind(v), want)
}

// list reads a list of at most limit entries; a longer one is refused
// whole, before any entry is read.
func (r *cfReader) list(path string, v json.RawMessage, limit cfLimit, visit func(at string, v json.RawMessage)) {
	if cfIsNull(v) {
		return
	}
	var items []json.RawMessage
	if v[0] != '[' || json.Unmarshal(v, &items) != nil {
		r.wrongType(path, v, "a list in [ ]")
		return
	}
	if err := CheckCount("", len(items), limit.most, limit.unit); err != nil {
		r.fail(path, nil, "%s", err.Error())
		return
	}
	for i, item := range items {
		if r.stopped() {
			return
		}
		visit(fmt.Sprintf("%s[%d]", path, i), item)
	}
}

// text reads a string; null is empty. ok is false when the value was not text.
func (r *cfReader) text(at string, v json.RawMessage) (s string, ok bool) {
	if cfIsNull(v) {
		return "", true
	}
	if v[0] != '"' || json.Unmarshal(v, &s) != nil {
		r.wrongType(at, v, "text in double quotes")
		return "", false
	}
	return s, true
}

// note reads free text. It is sanitised (CleanText) as it comes in, so no
// escape sequence, control or bidi character a file carries reaches a
// screen, a PDF or a CSV; tabs and newlines are kept.
func (r *cfReader) note(at string, v json.RawMessage) string {
	return CleanText(r.limited(at, v, MaxNoteLength), true)
}

// limited reads text of at most limit characters.
func (r *cfReader) limited(at string, v json.RawMessage, limit int) string {
	s, _ := r.text(at, v)
	if err := CheckLength("", s, limit); err != nil {
		r.fail(at, nil, "%s", err.Error())
		return ""
	}
	return s
}

// name reads a person's name: sanitised to one line, runs of spaces closed
// up and the ends trimmed (CleanName).
func (r *cfReader) name(at string, v json.RawMessage) string {
	return CleanName(r.limited(at, v, MaxNameLength))
}

// cfInto reads a date, true/false or text into dst, by dst's type.
func cfInto[T Date | bool | string](r *cfReader, dst *T) func(string, json.RawMessage) {
	return func(at string, v json.RawMessage) {
		switch d := any(dst).(type) {
		case *Date:
			*d = r.date(at, v)
		case *bool:
			*d = r.yes(at, v)
		case *string:
			*d = r.note(at, v)
		}
	}
}

func (r *cfReader) nameTo(dst *string) func(string, json.RawMessage) {
	return func(at string, v json.RawMessage) { *dst = r.name(at, v) }
}

func (r *cfReader) yes(at string, v json.RawMessage) bool {
	var b bool
	if !cfIsNull(v) && json.Unmarshal(v, &b) != nil {
		r.wrongType(at, v, "true or false")
	}
	return b
}

func (r *cfReader) date(at string, v json.RawMessage) Date {
	if cfIsNull(v) {
		return Date{}
	}
	if v[0] != '"' {
		r.wrongType(at, v, `a date in double quotes, such as "2026-11-02", or null`)
		return Date{}
	}
	s, _ := r.text(at, v)
	d, err := ParseDate(s)
	if err != nil {
		r.fail(at, v, "%v", err)
	}
	return d
}

// whole reads a whole number; ok is false (and an error recorded) otherwise.
func (r *cfReader) whole(at string, v json.RawMessage) (int, bool) {
	if v[0] != '-' && (v[0] < '0' || v[0] > '9') { // not a JSON number
		r.wrongType(at, v, "a whole number, such as 150")
		return 0, false
	}
	n, err := strconv.ParseInt(string(v), 10, 32)
	if err != nil {
		r.fail(at, v, "%s is not a whole number: type a number such as 150, with no decimals", cfShown(v))
		return 0, false
	}
	return int(n), true
}

// cfWord reads one of a closed list of words (a kind, flag, mode...).
func cfWord[T ~string](r *cfReader, at string, v json.RawMessage, allowed []T, what string) T {
	s, ok := r.text(at, v)
	if !ok || cfIsNull(v) {
		return ""
	}
	if slices.Contains(allowed, T(s)) {
		return T(s)
	}
	words := make([]string, len(allowed))
	for i, a := range allowed {
		words[i] = string(a)
	}
	if c := cfClosest(s, words); c != "" {
		r.fail(at, v, "%q is not %s: did you mean %q? Type one of %s", s, what, c, strings.Join(words, ", "))
	} else {
		r.fail(at, v, "%q is not %s: type one of %s", s, what, strings.Join(words, ", "))
	}
	return ""
}

// cfWords reads a list of words, refusing repeats.
func cfWords[T ~string](r *cfReader, path string, v json.RawMessage, allowed []T, what string) []T {
	var out []T
	r.list(path, v, cfEntries, func(at string, v json.RawMessage) {
		if cfIsNull(v) {
			r.wrongType(at, v, "text in double quotes")
			return
		}
		switch w := cfWord(r, at, v, allowed, what); {
		case w == "":
		case slices.Contains(out, w):
			r.fail(at, v, "%q is listed twice: keep one", w)
		default:
			out = append(out, w)
		}
	})
	return out
}

// cfEach reads a list of objects, one read per entry.
func cfEach[T any](r *cfReader, path string, v json.RawMessage, limit cfLimit, read func(at string, v json.RawMessage) T) []T {
	var out []T
	r.list(path, v, limit, func(at string, v json.RawMessage) {
		if cfIsNull(v) {
			r.wrongType(at, v, "an object in { }")
			return
		}
		out = append(out, read(at, v))
	})
	return out
}

func cfIsNull(v json.RawMessage) bool { return string(v) == "null" }

func cfJSONKind(v json.RawMessage) string {
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "true/false"
	}
	return "a number"
}

// cfShown is a value as written, on one line and cut short for a message.
func cfShown(v json.RawMessage) string {
	var buf bytes.Buffer
	s := string(v)
	if json.Compact(&buf, v) == nil {
		s = buf.String()
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:39]) + "…"
	}
	return s
}

// cfPath extends a JSON path by a key; keys that are not plain words are quoted.
func cfPath(path, name string) string {
	plain := name != ""
	for _, r := range name {
		plain = plain && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
	}
	switch {
	case !plain:
		return path + "[" + strconv.Quote(name) + "]"
	case path == "":
		return name
	}
	return path + "." + name
}

// cfClosest is the option a person probably meant (a typo or a missing
// ending), or "" when none is near.
func cfClosest(s string, options []string) string {
	if len(s) > 64 {
		return "" // not a typo of a short word; and no need to measure it
	}
	s = strings.ToLower(s)
	best, bestDist := "", 3
	for _, o := range options {
		lo := strings.ToLower(o)
		if lo == s || (len(s) >= 3 && strings.HasPrefix(lo, s)) {
			return o
		}
		// Short words such as "Y1" are too close to everything to guess from.
		if d := cfEditDistance(s, lo); len(lo) > 3 && d < bestDist && d <= len(lo)/2 {
			best, bestDist = o, d
		}
	}
	return best
}

// cfEditDistance is the Levenshtein distance between a and b, in runes.
func cfEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur := make([]int, len(rb)+1)
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j]+cost, prev[j+1]+1, cur[j]+1)
		}
		prev = cur
	}
	return prev[len(rb)]
}
