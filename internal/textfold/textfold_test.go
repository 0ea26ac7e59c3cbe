package textfold

import "testing"

func TestString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"API Key", "api key"},
		{"Élan Vital", "elan vital"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Æther Œuvre", "aether oeuvre"},
		{"Tiếng Việt", "tieng viet"},
		{"e\u0301te\u0301", "ete"}, // decomposed accents are dropped
		{"秘密 Ключ", "秘密 ключ"},     // no ASCII fold: kept, lower-cased
	} {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRuneHasNoFoldOutsideLatin(t *testing.T) {
	for _, r := range "aZ9-ж秘" {
		if f := foldRune(r); f != "" {
			t.Errorf("foldRune(%q) = %q, want none", r, f)
		}
	}
}
