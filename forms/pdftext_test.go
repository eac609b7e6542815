package forms

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"
)

// pdfText pulls the text out of a PDF that package forms wrote, with no
// external programs: every content stream is inflated and each text-showing
// operator's string (UTF-16BE, as fpdf writes UTF-8 fonts) decoded, one a
// line, in drawing order.
func pdfText(pdf []byte) (string, error) {
	var lines []string
	for _, stream := range pdfStreams(pdf) {
		for _, m := range textShow.FindAllSubmatch(stream, -1) {
			lines = append(lines, utf16BE(pdfUnescape(m[1])))
		}
	}
	return strings.Join(lines, "\n") + "\n", nil
}

var (
	streamStart = regexp.MustCompile(`(?s)<<([^>]*(?:>[^>][^>]*)*)>>\s*stream\r?\n`)
	textShow    = regexp.MustCompile(`(?s)BT [-\d.]+ [-\d.]+ Td \(((?:\\.|[^\\)])*)\)Tj ET`)
)

// pdfStreams are the PDF's streams, inflated where they are compressed;
// font files (with /Length1) are skipped.
func pdfStreams(pdf []byte) [][]byte {
	var out [][]byte
	for _, loc := range streamStart.FindAllSubmatchIndex(pdf, -1) {
		dict := string(pdf[loc[2]:loc[3]])
		body := pdf[loc[1]:]
		end := bytes.Index(body, []byte("endstream"))
		if end < 0 || strings.Contains(dict, "/Length1") {
			continue
		}
		body = body[:end]
		if strings.Contains(dict, "/FlateDecode") {
			r, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				continue
			}
			inflated, _ := io.ReadAll(r)
			body = inflated
		}
		out = append(out, body)
	}
	return out
}

func pdfUnescape(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 'r':
				out = append(out, '\r')
			case 'n':
				out = append(out, '\n')
			default:
				out = append(out, b[i])
			}
			continue
		}
		out = append(out, b[i])
	}
	return out
}

func utf16BE(b []byte) string {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(units))
}
