package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"filippo.io/age"
	"github.com/charmbracelet/x/term"
)

// Encrypted exports and backups (issue 7 part 5). A laptop holding a
// backup or a case file gets lost; an age file (filippo.io/age, the
// passphrase "scrypt" recipient) is useless to whoever finds it. Restore
// and import know an age file by its first line and ask for the passphrase.

// passphraseEnv lets a script give the passphrase; a person types it.
const passphraseEnv = "REINTEGRATE_PASSPHRASE"

// ageMagic starts every binary age file (age-encryption.org/v1 spec).
const ageMagic = "age-encryption.org/v1\n"

// minPassphrase: short enough for three random words (the NCSC's advice),
// long enough that a word and a digit is refused.
const minPassphrase = 10

// scryptWorkFactor is age's own default (2^18: about a second to open on a
// school laptop, years for a guesser). Tests lower it to run quickly.
var scryptWorkFactor = 18

// passphraseHelp ends the help of every command that reads or writes an
// encrypted file.
const passphraseHelp = "The passphrase is asked for at the terminal (not shown as you type; twice " +
	"when encrypting). A script can set it in the environment variable " + passphraseEnv + " instead."

// isEncrypted reports whether data is an age file.
func isEncrypted(data []byte) bool { return bytes.HasPrefix(data, []byte(ageMagic)) }

// fileIsEncrypted reads just the first line of a file.
func fileIsEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, usageError("cannot read %s: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, len(ageMagic))
	n, _ := io.ReadFull(f, head)
	return isEncrypted(head[:n]), nil
}

// passphrase is the passphrase from the environment, else typed at the
// terminal without echo; when encrypting (confirm) it is asked twice and
// must be long enough.
func (a *app) passphrase(confirm bool) (string, error) {
	if p, ok := os.LookupEnv(passphraseEnv); ok {
		if confirm {
			return p, checkPassphrase(p)
		}
		return p, nil
	}
	f, ok := a.stdin.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return "", usageError("a passphrase is needed: run this at a terminal to type it, or set %s for a script", passphraseEnv)
	}
	ask := func(prompt string) ([]byte, error) {
		fmt.Fprint(a.stderr, prompt)
		defer fmt.Fprintln(a.stderr)
		return term.ReadPassword(f.Fd())
	}
	if !confirm {
		p, err := ask("Passphrase: ")
		if err != nil {
			return "", usageError("cannot read the passphrase: %v", err)
		}
		return string(p), nil
	}
	return confirmPassphrase(ask)
}

// confirmPassphrase asks twice, so a slip of the finger does not lock the
// school out of its own backup.
func confirmPassphrase(ask func(prompt string) ([]byte, error)) (string, error) {
	first, err := ask("New passphrase (at least 10 characters; three random words are good): ")
	if err != nil {
		return "", usageError("cannot read the passphrase: %v", err)
	}
	if err := checkPassphrase(string(first)); err != nil {
		return "", err
	}
	again, err := ask("The same passphrase again: ")
	if err != nil {
		return "", usageError("cannot read the passphrase: %v", err)
	}
	if !bytes.Equal(first, again) {
		return "", usageError("the two passphrases differ; nothing was written: run the command again")
	}
	return string(first), nil
}

func checkPassphrase(p string) error {
	if n := len([]rune(p)); n < minPassphrase {
		return usageError("the passphrase has %d characters: use at least %d (three random words are good); nothing was written", n, minPassphrase)
	}
	return nil
}

// encrypt writes src to dst as an age file for the passphrase.
func encrypt(dst io.Writer, src io.Reader, pass string) error {
	r, err := age.NewScryptRecipient(pass)
	if err != nil {
		return usageError("passphrase: %v", err)
	}
	r.SetWorkFactor(scryptWorkFactor)
	w, err := age.Encrypt(dst, r)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if _, err := io.Copy(w, src); err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	return w.Close()
}

func encryptBytes(data []byte, pass string) ([]byte, error) {
	var buf bytes.Buffer
	err := encrypt(&buf, bytes.NewReader(data), pass)
	return buf.Bytes(), err
}

// decrypt opens an age file; name is the file as the person gave it. A
// wrong passphrase and a damaged file are the file's trouble (exit 2).
func decrypt(src io.Reader, pass, name string) (io.Reader, error) {
	id, err := age.NewScryptIdentity(pass)
	if err != nil {
		return nil, usageError("passphrase: %v", err)
	}
	r, err := age.Decrypt(src, id)
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return nil, usageError("%s: the passphrase does not open it: check the passphrase and try again (nothing was changed)", name)
	}
	if err != nil {
		return nil, usageError("%s: the encrypted file is damaged (%v); nothing was changed: try another copy", name, err)
	}
	return r, nil
}

func decryptBytes(data []byte, pass, name string) ([]byte, error) {
	r, err := decrypt(bytes.NewReader(data), pass, name)
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, usageError("%s: the encrypted file is damaged or cut short (%v); nothing was changed: try another copy", name, err)
	}
	return out, nil
}
