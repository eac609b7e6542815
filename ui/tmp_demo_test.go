package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestTmpDemo(t *testing.T) {
	if os.Getenv("SHOTS") == "" {
		t.Skip("SHOTS not set")
	}
	s, school := openDemo(t)
	for _, spec := range strings.Split(os.Getenv("SHOTS"), ";") {
		parts := strings.Fields(spec)
		var w, h int
		if _, err := fmtSscanf(parts[0], &w, &h); err != nil {
			t.Fatal(err)
		}
		d := &driver{t: t}
		m := New(s, school, demoOn, Options{IdleAfter: -1}).(Model)
		d.m = m
		d.run(m.Init())
		d.send(tea.WindowSizeMsg{Width: w, Height: h})
		d.keys(parts[1:]...)
		t.Logf("%v:\n%s", parts, d.view())
	}
}

func fmtSscanf(s string, w, h *int) (int, error) { return fmt.Sscanf(s, "%dx%d", w, h) }
