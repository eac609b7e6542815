package forms

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/rivo/uniseg"
	"golang.org/x/image/font/sfnt"
)

// standIn is what a PDF prints in place of a character its font cannot
// draw: the replacement character, which the embedded font has.
const standIn = "\uFFFD"

// standInNote says so, once, at the foot of the first page that shows one.
const standInNote = "Some characters could not be printed and are shown as " + standIn + "."

// glyphSet is the Basic Multilingual Plane characters a font draws, one
// bit each. fpdf keeps its fonts' widths in a table of 65,536 entries and
// panics on anything beyond it (an emoji, 𠮷, a tag character), so a
// character outside the plane never prints, whatever the font has.
type glyphSet [1 << 16 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && g[r>>6]&(1<<(r&63)) != 0
}

// fontGlyphs are the characters of the embedded regular and bold fonts,
// read from their own character maps (golang.org/x/image/font/sfnt, so no
// hand-written TrueType parser), at the first PDF of the process.
var fontGlyphs = sync.OnceValue(func() [2]*glyphSet {
	return [2]*glyphSet{readGlyphs(fontRegular), readGlyphs(fontBold)}
})

func readGlyphs(ttf []byte) *glyphSet {
	g := new(glyphSet)
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic("forms: the embedded font does not read: " + err.Error()) // built in; a test reads it
	}
	var buf sfnt.Buffer
	for r := rune(0); r < 1<<16; r++ {
		if i, err := f.GlyphIndex(&buf, r); err == nil && i != 0 {
			g[r>>6] |= 1 << (r & 63)
		}
	}
	return g
}

// printable is s as the font can draw it: each character the font lacks
// becomes standIn, one for each run of them within a character as a reader
// sees it (a grapheme cluster: an emoji with its skin tone or the family
// joined by zero-width joiners is one stand-in, not five). A cluster whose
// first character is missing is one stand-in whole. Spaces the font lacks
// become plain spaces; control characters (newlines, fpdf's page-count
// alias) pass untouched, Clean having taken out any that were typed; a
// byte that is not UTF-8 becomes standIn too.
func printable(s string, g *glyphSet) string {
	if canDraw(s, g) {
		return s
	}
	var b strings.Builder
	state := -1
	for s != "" {
		var cluster string
		cluster, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if canDraw(cluster, g) {
			b.WriteString(cluster)
			continue
		}
		first, _ := utf8.DecodeRuneInString(cluster)
		if !drawable(first, g) && !unicode.IsSpace(first) {
			b.WriteString(standIn)
			continue
		}
		missing := false
		for _, r := range cluster {
			switch {
			case drawable(r, g):
				b.WriteRune(r)
				missing = false
			case unicode.IsSpace(r):
				b.WriteByte(' ')
				missing = false
			case !missing:
				b.WriteString(standIn)
				missing = true
			}
		}
	}
	return b.String()
}

func drawable(r rune, g *glyphSet) bool { return r < ' ' || g.has(r) }

func canDraw(s string, g *glyphSet) bool {
	if !utf8.ValidString(s) {
		return false // each bad byte becomes U+FFFD
	}
	for _, r := range s {
		if !drawable(r, g) {
			return false
		}
	}
	return true
}

// printer is the fpdf document every PDF writer draws on, with each text
// it measures or draws made printable first for the font in use, so any
// text prints and nothing in fpdf panics on it. It remembers drawing a
// stand-in, for the note at the foot of the page (footnote).
type printer struct {
	*fpdf.Fpdf
	stoodIn, noted bool
}

// text is s as the current font can draw it.
func (p *printer) text(s string) string {
	glyphs := fontGlyphs()
	if strings.Contains(p.GetFontStyle(), "B") {
		return printable(s, glyphs[1])
	}
	return printable(s, glyphs[0])
}

// CellFormat draws text as fpdf does, made printable.
func (p *printer) CellFormat(w, h float64, txt, border string, ln int, align string, fill bool, link int, linkStr string) {
	txt = p.text(txt)
	if strings.Contains(txt, standIn) {
		p.stoodIn = true
	}
	p.Fpdf.CellFormat(w, h, txt, border, ln, align, fill, link, linkStr)
}

// SplitText wraps text as fpdf does, made printable (the lines hold the
// stand-ins, which CellFormat then notices).
func (p *printer) SplitText(txt string, w float64) []string {
	return p.Fpdf.SplitText(p.text(txt), w)
}

// GetStringWidth measures text as fpdf does, made printable.
func (p *printer) GetStringWidth(s string) float64 {
	return p.Fpdf.GetStringWidth(p.text(s))
}

// setInfo sets the title and author the PDF viewer shows, made printable
// (fpdf's UTF-16 conversion reads past the end of a four-byte character).
func (p *printer) setInfo(title, author string) {
	regular := fontGlyphs()[0]
	p.SetTitle(printable(title, regular), true)
	p.SetAuthor(printable(author, regular), true)
}

// footnote prints standInNote at x, y, width w, on the first page to have
// drawn a stand-in (its footer calls it last, once the page is drawn).
func (p *printer) footnote(x, y, w float64) {
	if !p.stoodIn || p.noted {
		return
	}
	p.noted = true
	p.SetXY(x, y)
	p.CellFormat(w, 4, standInNote, "", 0, "L", false, 0, "")
}
