// Package storage keeps the school's record in one SQLite file: the school
// profile, pupils, cases with everything they hold, and an append-only audit
// log of every change. It returns model values and knows nothing of screens.
//
// The driver is modernc.org/sqlite (pure Go, no cgo), so the binary stays a
// single static file. Writes go through one connection and one transaction
// helper that also writes the audit row; reads use a small pool of
// query-only connections, which WAL mode lets run alongside a write.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"

	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Options are how a Store is opened.
type Options struct {
	// AllowSharedFolder opens a database on a network or cloud-synced
	// folder, which is otherwise refused (--allow-shared-folder).
	AllowSharedFolder bool
	// User is who the audit log says made each change; default the OS user.
	User string
	// Now is the clock for audit and created/updated timestamps; default
	// time.Now. Tests pin it. Dates that matter to the rules are never read
	// from it.
	Now func() time.Time
	// SkipQuickCheck leaves out the whole-file PRAGMA quick_check on open.
	// It reads every page (tens of milliseconds for the budget's 5 MB file,
	// growing with the file). Damage in any page a query does read is
	// still reported as ErrDamaged, with the same advice. For tests and
	// benchmarks: the app uses CheckRecordDir instead.
	SkipQuickCheck bool
	// CheckRecordDir is a folder where Open remembers each database's last
	// clean quick_check (DefaultCheckRecordDir for the app): the check is
	// then run only when the file may have been written since, or on a new
	// day (checked.go says why that is safe). Empty: check on every open.
	CheckRecordDir string
}

// Store is an open reintegrate database. It is safe for concurrent use.
type Store struct {
	path      string
	writer    *sql.DB // exactly one connection: every change goes through it
	reader    *sql.DB // query-only connections for everything else
	user      string
	now       func() time.Time
	readOnly  bool // the file or its folder cannot be written: reads work, writes are refused
	roFolder  bool // it is the folder: SQLite can make no -wal or -shm there
	diskFull  bool // no room on the disk for the -shm: read as it stands (see readable)
	skipCheck bool
	created   bool // Open made the file

	checkRecordDir   string // see Options.CheckRecordDir
	checkedWholeFile bool   // Open ran quick_check (tests read it)

	userOnce sync.Once // the OS user is looked up at the first change, not on open

	names nameKeys // see sortByName
}

// The connection settings (DESIGN.md, "Storage"). _txlock=immediate takes
// the write lock at BEGIN, so two processes queue on busy_timeout instead of
// one failing half-way through with SQLITE_BUSY; synchronous(FULL) makes
// each commit durable before it is acknowledged.
const (
	writePragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(5000)&_txlock=immediate"
	// A read-only file cannot be switched to WAL; it is read as it is.
	writeOnlyPragmas = "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_txlock=immediate"
	// Readers map the file into memory (mmap_size, up to 256 MiB): a page
	// is then read where the OS already holds it, with no copy into a page
	// buffer of SQLite's own. Filling and freeing those buffers was most of
	// the cost of a short run such as `today` (measured: closing the store
	// alone took 20-50 ms). Only the query-only connections map; writes go
	// through the writer as before. A network folder, where a mapped file
	// is unsafe, is refused anyway (shared.go). Pages still in the
	// write-ahead log are read into the page cache: 8 MiB of it per reader
	// (SQLite's default is 2 MiB) holds the budget's whole file.
	readPragmas     = "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=cache_size(-8192)&_pragma=mmap_size(268435456)&_pragma=query_only(1)&_txlock=deferred"
	readConnections = 4
)

// DefaultPath is where the database lives when --db and REINTEGRATE_DB are
// not given: the OS data directory (~/.local/share/reintegrate on Linux,
// ~/Library/Application Support/reintegrate on macOS, %LOCALAPPDATA%
// \reintegrate on Windows; adrg/xdg uses LocalAppData, not the Roaming
// folder that follows a user across a network). The folder is created 0700.
func DefaultPath() (string, error) {
	p, err := xdg.DataFile(filepath.Join("reintegrate", "reintegrate.db"))
	if err != nil {
		return "", fmt.Errorf("find the data folder for the database: %w; give a path with --db", err)
	}
	return p, nil
}

// Open opens (creating if need be) the database at path: it refuses a
// shared folder unless allowed, creates the file 0600, checks it is not
// damaged (PRAGMA quick_check, or a record of a clean one: see
// Options.CheckRecordDir), and upgrades its schema, refusing one newer
// than this binary knows.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	if !opt.AllowSharedFolder {
		if err := checkLocalFolder(abs); err != nil {
			return nil, err
		}
	}
	created, use, err := prepareFile(abs)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, user: opt.User, now: opt.Now, readOnly: use != readWrite, roFolder: use == folderReadOnly, skipCheck: opt.SkipQuickCheck,
		checkRecordDir: opt.CheckRecordDir, created: created}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.connect(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) connect(ctx context.Context) error {
	pragmas := writePragmas
	if s.readOnly {
		pragmas = writeOnlyPragmas
	}
	var err error
	if s.writer, err = sql.Open("sqlite", fileURI(s.path, pragmas)); err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	s.writer.SetMaxOpenConns(1)
	s.writer.SetMaxIdleConns(1)
	// The writer connects first to a new file: it switches it to WAL mode.
	// An existing file is already in it, or is switched at the first write;
	// a run that only reads, such as `today`, then never opens the writer
	// (each connection opened through the pure-Go driver costs about a
	// millisecond, and reads the schema again).
	if s.created {
		if err := s.writer.PingContext(ctx); err != nil {
			return fmt.Errorf("open database %s: %w", s.path, s.explain(err))
		}
	}
	if s.reader, err = sql.Open("sqlite", fileURI(s.path, s.readQuery())); err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	s.reader.SetMaxOpenConns(readConnections)
	s.reader.SetMaxIdleConns(readConnections)
	if err := s.readable(ctx); err != nil {
		return err
	}
	if !s.skipCheck {
		if err := s.checkOnOpen(ctx); err != nil {
			return err
		}
	}
	return s.migrate(ctx)
}

// readQuery is the readers' connection settings. In a folder that cannot
// be written SQLite cannot make the -shm a WAL reader needs: the file is
// read as it stands (immutable: nobody can be writing it, as no writer
// could make a -wal there either), or, when a -wal is already there, read
// only, through the -wal and -shm that exist.
func (s *Store) readQuery() string {
	if !s.roFolder {
		return readPragmas
	}
	if _, err := os.Stat(s.path + "-wal"); err == nil {
		return "mode=ro&" + readPragmas
	}
	return "immutable=1&" + readPragmas
}

// readable makes the readers' first read. On a full disk, with no program
// holding the file open (so no -wal with pages in it, and no -shm to
// share), SQLite cannot
// make the 32 KB -shm a WAL reader needs: the file is then read as it
// stands (immutable: a full disk takes no writes, and there is no -wal to
// read), and every write is refused saying the disk is full, so `today`
// still prints its register. Any other trouble shows at the next read, as
// it would have.
func (s *Store) readable(ctx context.Context) error {
	var one int
	err := s.reader.QueryRowContext(ctx, "SELECT 1 FROM sqlite_master LIMIT 1").Scan(&one)
	if s.roFolder || !noRoomForIndex(err) {
		return nil
	}
	if info, err := os.Stat(s.path + "-wal"); err == nil && info.Size() > 0 {
		return nil // pages in the log, which only a -shm can say how to read
	}
	s.reader.Close()
	var openErr error
	if s.reader, openErr = sql.Open("sqlite", fileURI(s.path, "immutable=1&"+readPragmas)); openErr != nil {
		return fmt.Errorf("open database %s: %w", s.path, openErr)
	}
	s.reader.SetMaxOpenConns(readConnections)
	s.readOnly, s.diskFull = true, true
	return nil
}

// noRoomForIndex reports SQLite failing to make or grow the -shm file, or
// the disk full.
func noRoomForIndex(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() {
	case sqlite3.SQLITE_IOERR_SHMSIZE, sqlite3.SQLITE_IOERR_SHMOPEN, sqlite3.SQLITE_IOERR_SHMMAP:
		return true
	}
	return se.Code()&0xff == sqlite3.SQLITE_FULL
}

// quickCheck runs SQLite's quick_check (the b-tree structure, not index
// contents) over the whole file.
func (s *Store) quickCheck(ctx context.Context) error {
	problems, err := integrity(ctx, s.reader, "quick_check")
	if err != nil {
		return fmt.Errorf("check database %s: %w", s.path, s.explain(err))
	}
	if problems != "" {
		return damaged(s.path, problems)
	}
	return nil
}

// integrity runs quick_check or integrity_check and returns "" when the
// file is sound, or the first few problems SQLite lists.
func integrity(ctx context.Context, db *sql.DB, pragma string) (string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma+"(5)")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		if line != "ok" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; "), rows.Err()
}

// Close closes the database. The last connection to close checkpoints the
// write-ahead log into the file.
func (s *Store) Close() error {
	var errs []error
	if s.reader != nil {
		errs = append(errs, s.reader.Close())
	}
	if s.writer != nil {
		errs = append(errs, s.writer.Close())
	}
	return errors.Join(errs...)
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// fileURI builds the driver's DSN as a file: URI, so that a path with
// spaces, '?', '#' or '%' (or accents: a folder named after a Zoë) reaches
// SQLite intact.
func fileURI(path, query string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter: file:///C:/...
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String()
}

// who is the user the audit log names: Options.User, else the OS user.
// Looking the OS user up can mean reading the password database, which a
// read-only run such as `today` never needs, so it waits for a change.
func (s *Store) who() string {
	s.userOnce.Do(func() {
		if s.user == "" {
			s.user = osUser()
		}
	})
	return s.user
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USER", "USERNAME"} {
		if name := os.Getenv(env); name != "" {
			return name
		}
	}
	return "unknown"
}

// stamp is how timestamps are stored: RFC 3339 in UTC, to the millisecond.
const stamp = "2006-01-02T15:04:05.000Z07:00"

func (s *Store) stamp() string { return s.now().UTC().Format(stamp) }
