package model

import (
	"encoding/csv"
	"io"
	"strings"
)

// CSVWriter writes CSV that is safe to open in a spreadsheet (DESIGN.md,
// "Safety of what is shown and written"), and is the one CSV writer every
// CSV output of the product uses:
//
//   - UTF-8 with a byte order mark, so Excel reads Zoë and Łukasz correctly
//     instead of guessing a Windows code page;
//   - CRLF line endings, as RFC 4180 and Excel expect;
//   - a cell starting with = + - @, tab or carriage return gets a leading '
//     so a spreadsheet shows it as text rather than running it as a formula
//     (CSV injection: a pupil "named" =HYPERLINK(...) must stay a name);
//   - control characters, ANSI sequences and bidi overrides are removed from
//     every cell (CleanText; newlines inside a cell are kept and quoted).
//
// Write errors are sticky: after the first, Write and Flush return it.
type CSVWriter struct {
	w       *csv.Writer
	out     io.Writer
	started bool
	err     error
}

// NewCSVWriter writes to w. Call Flush at the end.
func NewCSVWriter(w io.Writer) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw, out: w}
}

// Write writes one row.
func (c *CSVWriter) Write(row []string) error {
	if err := c.start(); err != nil {
		return err
	}
	safe := make([]string, len(row))
	for i, cell := range row {
		safe[i] = SafeCSVCell(cell)
	}
	if err := c.w.Write(safe); err != nil {
		c.err = err
	}
	return c.err
}

// Flush writes what is buffered; a file with no rows still gets its byte
// order mark, so it opens as UTF-8.
func (c *CSVWriter) Flush() error {
	if err := c.start(); err != nil {
		return err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil && c.err == nil {
		c.err = err
	}
	return c.err
}

func (c *CSVWriter) start() error {
	if c.err != nil || c.started {
		return c.err
	}
	c.started = true
	_, c.err = io.WriteString(c.out, "\ufeff")
	return c.err
}

// SafeCSVCell is what CSVWriter writes for one cell: cleaned of control
// characters, and prefixed with ' when a spreadsheet would otherwise read
// it as a formula. The test is made on the cell both as given and as
// cleaned, so neither "\r=1+1" nor an escape sequence hiding a leading =
// gets through.
func SafeCSVCell(s string) string {
	clean := CleanText(s, true)
	if formulaStart(s) || formulaStart(clean) {
		return "'" + clean
	}
	return clean
}

func formulaStart(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}
