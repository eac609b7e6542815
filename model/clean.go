package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanText makes text a person typed or imported safe to store, show, print
// and export (DESIGN.md, "Safety of what is shown and written"): it drops
// ANSI/OSC/DCS escape sequences, C0 and C1 control characters (keeping tab
// and newline when the field is multi-line), carriage returns, bidi
// overrides and isolates, invisible format characters (isInvisible), and
// invalid UTF-8. A pasted "Sam\r    NONE" or an OSC 8 link then cannot
// change what a screen, PDF or CSV shows, and "Sam\u200bTaylor" is stored
// as the "SamTaylor" it shows as, not as a second Sam Taylor.
func CleanText(s string, multiline bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b || r == 0x9b || r == 0x9d || r == 0x90:
			i += escapeLength(s[i:])
			continue
		case r == utf8.RuneError && size <= 1:
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case isBidiControl(r), unicode.IsControl(r):
		case isInvisible(r) && !joinerBetweenLetters(s, i, size, r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// CleanName is CleanText for one-line fields, with runs of spaces closed up
// and the ends trimmed, so "Zoë  Clarke " and "Zoë Clarke" are one pupil.
func CleanName(s string) string {
	return strings.Join(strings.Fields(CleanText(s, false)), " ")
}

// isPlain is the fast path: printable ASCII and ordinary letters need no work.
func isPlain(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || r == utf8.RuneError ||
			(r >= 0xad && isInvisible(r)) {
			return false
		}
	}
	return true
}

// isInvisible: a format character (Unicode category Cf: zero-width space,
// word joiner, soft hyphen, byte order mark, tag characters ...) or another
// default-ignorable one (Hangul fillers, the combining grapheme joiner):
// none shows, so each can make two different strings look the same.
func isInvisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// joinerBetweenLetters keeps a zero-width joiner or non-joiner that sits
// between two letters of a script that needs it (Persian, Arabic, the
// Indic scripts: "می‌خواهم" is spelt with a ZWNJ), and a joiner inside an
// emoji sequence (👩‍👧), and no other.
func joinerBetweenLetters(s string, i, size int, r rune) bool {
	if r != 0x200c && r != 0x200d {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+size:])
	emoji := r == 0x200d && (unicode.Is(unicode.So, before) || before == 0xfe0f || unicode.Is(unicode.Sk, before)) && unicode.Is(unicode.So, after)
	return emoji || joiningLetter(before) && joiningLetter(after)
}

func joiningLetter(r rune) bool {
	return (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) &&
		!unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Common)
}

// isBidiControl: the embeddings, overrides and isolates (U+202A-202E,
// U+2066-2069) that can make text display in an order other than stored,
// plus the invisible marks U+200E, U+200F and U+061C.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// escapeLength is how many bytes of s (which starts with ESC or a C1
// introducer) an escape sequence takes: CSI up to its final byte, OSC, DCS,
// APC, PM and SOS up to BEL or ST, anything else the ESC and one byte.
func escapeLength(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	kind := r
	if r == 0x1b {
		if len(s) < 2 {
			return 1
		}
		switch s[1] {
		case '[':
			kind = 0x9b
		case ']':
			kind = 0x9d
		case 'P', '_', '^', 'X':
			kind = 0x90
		default:
			return 2
		}
		n = 2
	}
	if kind == 0x9b {
		for i := n; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	}
	return stringTerminated(s, n)
}

// stringTerminated finds the end of an OSC/DCS-style string: BEL, ESC \ or
// the C1 ST (U+009C).
func stringTerminated(s string, from int) int {
	for i := from; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
	}
	return len(s)
}
