package storage

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"reintegrate/model"
)

// UpdateCase reads and writes in one transaction: two stores on one file
// (two programs) adding notifications at once all succeed, and a person's
// save of a copy loaded before them is still refused as changed elsewhere.
func TestUpdateCaseWaitsItsTurn(t *testing.T) {
	a := openTemp(t)
	b := openAt(t, a.Path())
	c := mustCreateCase(t, a, fullCase(savePupil(t, a, pupilZoe())))
	_, stale, err := a.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				_, _, err := s.UpdateCase(ctx, c.ID, func(c *model.Case) error {
					c.Notifications = append(c.Notifications, model.Notification{To: model.Governors,
						What: "start", SentBy: fmt.Sprintf("%d/%d", w, i)})
					return nil
				})
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("UpdateCase: %v", err)
		}
	}
	got, version, err := a.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(c.Notifications) + 40; len(got.Notifications) != want || version != stale+40 {
		t.Errorf("%d notifications at version %d, want %d at %d", len(got.Notifications), version, want, stale+40)
	}
	// The TUI's optimistic check still holds for a person's stale copy.
	_, err = a.SaveCase(ctx, c, stale)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "was changed elsewhere; reload it") {
		t.Errorf("a stale save: %v, want ErrConflict", err)
	}
}

// An edit that fails, or leaves the case past a limit, writes nothing; a
// case that is not there is ErrNotFound.
func TestUpdateCaseRefusals(t *testing.T) {
	s := openTemp(t)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	before := rowCounts(t, s)
	oops := errors.New("oops")
	if _, _, err := s.UpdateCase(ctx, c.ID, func(*model.Case) error { return oops }); !errors.Is(err, oops) {
		t.Errorf("edit's error: %v", err)
	}
	_, _, err := s.UpdateCase(ctx, c.ID, func(c *model.Case) error {
		c.Reviews[0].Notes = strings.Repeat("x", model.MaxNoteLength+1)
		return nil
	})
	var limit *model.LimitError
	if !errors.As(err, &limit) {
		t.Errorf("a note past its limit: %v", err)
	}
	if _, _, err := s.UpdateCase(ctx, 99, func(*model.Case) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such case: %v", err)
	}
	same(t, "rows after the refusals", rowCounts(t, s), before)
	if _, v, _ := s.Case(ctx, c.ID); v != 1 {
		t.Errorf("version %d after refusals, want 1", v)
	}
}
