package storage

import (
	"context"
	"strings"
	"testing"
)

// Issue 7 part 1: text is sanitised when stored, whatever path it came by
// (a screen builds model values directly, without a reader).
func TestStoredTextIsCleaned(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := pupilZoe()
	p.Name = "Sam\r       NONE\u202e"
	p = savePupil(t, s, p)
	c := fullCase(p)
	c.Reviews[0].Notes = "met mum\x1b]8;;http://evil\x1b\\here\x1b]8;;\x1b\\"
	c = mustCreateCase(t, s, c)
	got, version, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	got.Consent.ParentName = "Mrs\x9b31m Red"
	if _, err := s.SaveCase(ctx, got, version); err != nil {
		t.Fatal(err)
	}
	got, _, err = s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"pupil name": got.Pupil.Name,
		"review notes": got.Reviews[0].Notes, "consent parent": got.Consent.ParentName} {
		if strings.ContainsAny(text, "\x1b\r\u202e\u009b") {
			t.Errorf("stored %s still holds a control or bidi character: %q", what, text)
		}
	}
}
