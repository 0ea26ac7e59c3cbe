package livereload

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
)

// Client is the script every preview page loads to hear the hub: it
// reloads the page, swaps stylesheets and shows the site's problems. It
// belongs to the preview alone, so it is not one of a site's assets and
// `build` never writes it.
//
//go:embed livereload.js
var Client []byte

// ClientVersion changes whenever Client does.
var ClientVersion = func() string {
	sum := sha256.Sum256(Client)
	return hex.EncodeToString(sum[:6])
}()
