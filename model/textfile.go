package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// One rule for every text file the product reads (a pupils CSV from the
// MIS, a case file): UTF-8, UTF-8 with a byte order mark, or Windows-1252
// (what Excel and many MIS exports write on a Windows PC: "Zo\xeb" is
// "Zoë"). Anything else (UTF-16, a workbook, a PDF, binary data) is refused
// with what the file seems to be and what to do, never read as mojibake or
// silently mended with U+FFFD.

// TextError is a text file that cannot be read as text: the line where
// the trouble is (0 for the whole file) and what to do.
type TextError struct {
	Line    int
	Message string
}

func (e TextError) Error() string {
	if e.Line == 0 {
		return e.Message
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Message)
}

const saveAsCSV = "open it in Excel (or the MIS) and save it again as CSV UTF-8 (comma delimited), then import that file"

// fileSignatures are the starts of files people pick by mistake.
var fileSignatures = []struct{ magic, what string }{
	{"PK\x03\x04", "a ZIP file, such as an Excel workbook (.xlsx), not a text file"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file, such as an Excel 97-2003 workbook (.xls), not a text file"},
	{"%PDF-", "a PDF, not a text file"},
	{"SQLite format 3\x00", "a database file, not a text file (a backup is put back with reintegrate restore, not import)"},
	{"\x1f\x8b", "a gzip-compressed file, not a text file"},
	{"age-encryption.org/", "an encrypted file that could not be opened, not a text file"},
	{"\x00\x00\xfe\xff", "UTF-32 text, not UTF-8 or Windows-1252"},
	{"\xff\xfe\x00\x00", "UTF-32 text, not UTF-8 or Windows-1252"},
	{"\xff\xfe", "UTF-16 text (Excel's \"Unicode Text\"), not UTF-8 or Windows-1252"},
	{"\xfe\xff", "UTF-16 text, not UTF-8 or Windows-1252"},
}

// DecodeText reads a text file's bytes as text by the one rule above. A
// UTF-8 byte order mark is dropped. The result is not yet cleaned: each
// reader cleans its fields (CleanName, CleanText).
func DecodeText(data []byte) (string, error) {
	for _, sig := range fileSignatures {
		if bytes.HasPrefix(data, []byte(sig.magic)) {
			return "", TextError{Message: fmt.Sprintf("this is %s: %s", sig.what, saveAsCSV)}
		}
	}
	bom := bytes.HasPrefix(data, []byte("\ufeff"))
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		what := "binary data (a zero byte), not text"
		if looksUTF16(data) {
			what = "UTF-16 text (Excel's \"Unicode Text\"), which this does not read"
		}
		return "", TextError{Line: lineAt(data, i), Message: fmt.Sprintf("the file holds %s: %s", what, saveAsCSV)}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	bad := firstInvalidUTF8(data)
	if bom || hasUTF8Sequence(data) {
		// Both UTF-8 characters and bytes that are not: a damaged or
		// mixed file. Reading it as Windows-1252 would garble the UTF-8.
		return "", TextError{Line: lineAt(data, bad), Message: "has a byte that is not UTF-8 in a file that is otherwise UTF-8 (damaged, or two files pasted together): " + saveAsCSV}
	}
	for i, c := range data {
		if c >= 0x80 && c < 0xa0 && windows1252[c-0x80] == 0xfffd {
			return "", TextError{Line: lineAt(data, i), Message: fmt.Sprintf("has the byte %#x, which is a character in neither UTF-8 nor Windows-1252: %s", c, saveAsCSV)}
		}
	}
	return decodeWindows1252(data), nil
}

// looksUTF16 is true when zero bytes sit at every other position, as in
// UTF-16 text without its byte order mark.
func looksUTF16(data []byte) bool {
	n := min(len(data), 512) &^ 1
	zeros := [2]int{}
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			zeros[i%2]++
		}
	}
	enough := max(n/3, 2)
	return zeros[0] >= enough && zeros[1] == 0 || zeros[1] >= enough && zeros[0] == 0
}

func lineAt(data []byte, i int) int { return bytes.Count(data[:i], []byte("\n")) + 1 }

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// hasUTF8Sequence reports whether any character above ASCII is written as
// valid UTF-8.
func hasUTF8Sequence(data []byte) bool {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if size > 1 && r != utf8.RuneError {
			return true
		}
		i += size
	}
	return false
}

// windows1252 is the 0x80-0x9F row of Windows-1252 (the WHATWG Encoding
// Standard's index, which golang.org/x/text's charmap.Windows1252 also
// follows: textfile_test.go checks all 256 bytes against it). Every other
// byte is the Unicode code point of the same number. The five bytes
// Windows-1252 leaves undefined (U+FFFD here) are refused by DecodeText. model uses the
// standard library only, so the 32 entries are here rather than x/text.
var windows1252 = [32]rune{
	'€', 0xfffd, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0xfffd, 'Ž', 0xfffd,
	0xfffd, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0xfffd, 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(windows1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// ImportKind is what a file given to import holds.
type ImportKind int

const (
	ImportPupilsCSV ImportKind = iota // pupils exported from the MIS
	ImportCaseFile                    // a reintegrate/case@1 case file
)

// KindOfImport says what decoded text holds by its first character: a
// case file is one JSON object, anything else is read as a pupils CSV. A
// JSON list and XML or HTML are neither, and are refused saying so.
func KindOfImport(text string) (ImportKind, error) {
	trimmed := strings.TrimLeft(text, " \t\r\n")
	switch {
	case trimmed == "":
		return 0, TextError{Message: "the file is empty: export the pupils from the MIS as CSV with a heading row, or choose a case file"}
	case trimmed[0] == '{':
		return ImportCaseFile, nil
	case trimmed[0] == '[':
		return 0, TextError{Line: lineAt([]byte(text), len(text)-len(trimmed)), Message: "this is a JSON list ([ ... ]), not a case file: a case file is one JSON object that begins " +
			`{"format": "reintegrate/case@1"; export each case on its own (reintegrate export ID --format json), or, for pupils, export a CSV from the MIS`}
	case trimmed[0] == '<':
		return 0, TextError{Line: lineAt([]byte(text), len(text)-len(trimmed)), Message: "this is XML or HTML, not CSV: export the pupils from the MIS as CSV (comma or semicolon separated) with a heading row"}
	}
	return ImportPupilsCSV, nil
}
