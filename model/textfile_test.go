package model

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The Windows-1252 table is x/text's charmap.Windows1252 (the WHATWG
// index), byte for byte: model keeps to the standard library, so the
// library is the test's yardstick rather than the product's dependency.
func TestWindows1252MatchesXText(t *testing.T) {
	for b := 0; b < 256; b++ {
		want := charmap.Windows1252.DecodeByte(byte(b))
		got := []rune(decodeWindows1252([]byte{byte(b)}))
		if len(got) != 1 || got[0] != want {
			t.Errorf("byte %#x decodes to %q, x/text says %q", b, string(got), want)
		}
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"UTF-8", "Zoë Łukasz Nguyễn", "Zoë Łukasz Nguyễn", ""},
		{"UTF-8 with a byte order mark", "\ufeffZoë", "Zoë", ""},
		{"Windows-1252", "Zo\xeb \x93Sam\x94 \x80", "Zoë “Sam” €", ""},
		{"ASCII", "Sam Taylor", "Sam Taylor", ""},
		{"UTF-16 LE with its mark", "\xff\xfeZ\x00o\x00", "", "UTF-16 text"},
		{"UTF-16 BE without a mark", "\x00Z\x00o\x00e\x00,\x00D\x00O\x00B", "", "line 1: the file holds UTF-16 text"},
		{"a zero byte on line 3", "a\nb\nc\x00", "", "line 3: the file holds binary data"},
		{"a PDF", "%PDF-1.7\n", "", "this is a PDF"},
		{"a database", "SQLite format 3\x00...", "", "reintegrate restore"},
		{"a UTF-8 mark then Windows-1252", "\ufeffName\nZo\xeb", "", "line 2: has a byte that is not UTF-8"},
	}
	for _, tt := range tests {
		got, err := DecodeText([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "save it again as CSV UTF-8") && !strings.Contains(err.Error(), "restore") {
				t.Errorf("%s: error %v, want one saying %q and what to do", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: DecodeText = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestKindOfImport(t *testing.T) {
	for in, want := range map[string]string{
		"  {\"format\": 1}": "", "Name,DOB\n": "", "\n\n[1, 2]": "line 3: this is a JSON list",
		"<?xml version=\"1.0\"?>": "XML or HTML", " \n ": "the file is empty",
	} {
		_, err := KindOfImport(in)
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("KindOfImport(%q) = %v, want %q", in, err, want)
		}
	}
}

func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"Zoë", "Zo\xeb", "\ufeffA", "\xff\xfeA\x00", "a\x00b", "PK\x03\x04"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := DecodeText(data)
		if err != nil {
			if text != "" || !strings.Contains(err.Error(), ": ") {
				t.Fatalf("refused with text %q, message %q", text, err)
			}
			return
		}
		if strings.ContainsRune(text, 0) || strings.ContainsRune(text, '\uFFFD') && !strings.Contains(string(data), "\uFFFD") {
			t.Fatalf("DecodeText(%q) = %q: a zero byte or a replacement character got through", data, text)
		}
	})
}

// The five bytes Windows-1252 leaves undefined are neither encoding: refused.
func TestDecodeTextUndefinedByte(t *testing.T) {
	_, err := DecodeText([]byte("Name\nSam\x81"))
	if err == nil || !strings.Contains(err.Error(), "line 2: has the byte 0x81") {
		t.Errorf("error = %v", err)
	}
}
