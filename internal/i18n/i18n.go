// Package i18n owns the text a site's pages show around its content (the
// interface text: headings, navigation, banners, dates) in each language,
// and the rules a language gives to order and search: collation, index
// letters and accent folding.
//
// English and German are built in; a site overrides or adds any string
// per language (content reads i18n/CODE.yaml and hands the values to New).
// A language without built-in text falls back to English string by string.
package i18n

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// builtin maps a base language to its built-in strings.
var builtin = map[string]map[string]string{
	"en": english,
	"de": german,
}

// Keys lists every interface string's key, sorted: the English table is
// the reference every other language translates.
func Keys() []string {
	out := make([]string, 0, len(english))
	for k := range english {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// BuiltinText returns the built-in string for key in lang (by its base
// language, so "de-AT" uses German), and whether there is one.
func BuiltinText(lang, key string) (string, bool) {
	s, ok := builtin[base(lang)][key]
	return s, ok
}

// base is a language code's base language ("de" for "de-AT"), lower case.
func base(code string) string {
	b, _, _ := strings.Cut(strings.ToLower(code), "-")
	return b
}

// ValidCode reports whether code is a well-formed BCP 47 language tag
// such as "en", "de" or "pt-BR".
func ValidCode(code string) bool {
	// A private-use tag ("x-default") names no language, and hreflang
	// gives x-default a meaning of its own.
	if code == "" || strings.ContainsAny(code, "_ ./") || len(code) >= 2 && strings.EqualFold(code[:2], "x-") {
		return false
	}
	_, err := language.Parse(code)
	return err == nil
}

// Placeholders lists the "{N}" a string fills in, sorted, so that an
// override can be checked to keep them.
func Placeholders(s string) []string {
	var out []string
	fill(s, func(name string) (string, bool) {
		if _, ok := argIndex(name); ok {
			out = append(out, "{"+name+"}")
		}
		return "", false
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// Text is the interface text of one language.
type Text struct {
	m map[string]string
}

// New returns lang's interface text: the site's overrides, else the
// built-in text of lang, else English.
func New(lang string, overrides map[string]string) *Text {
	m := make(map[string]string, len(english))
	for k, v := range english {
		m[k] = v
	}
	for _, layer := range []map[string]string{builtin[base(lang)], overrides} {
		for k, v := range layer {
			m[k] = v
			// A string's form for one comes from where the string does:
			// a site's "{0} termes" must not meet English's "{0} term".
			if _, ok := layer[k+"_one"]; !ok {
				delete(m, k+"_one")
			}
		}
	}
	return &Text{m: m}
}

// T returns the string for key; a key that does not exist is a bug in a
// template, shown as itself so that it is noticed.
func (t *Text) T(key string) string {
	if s, ok := t.m[key]; ok {
		return s
	}
	return "{" + key + "}"
}

// Tf returns the string for key with "{0}", "{1}"... replaced by args.
// When the first is "1" and key+"_one" exists, that string is used: "1
// term", not "1 terms".
func (t *Text) Tf(key string, args ...string) string {
	s := t.T(key)
	if one, ok := t.m[key+"_one"]; ok && len(args) > 0 && args[0] == "1" {
		s = one
	}
	if len(args) == 0 {
		return s
	}
	return fill(s, func(name string) (string, bool) {
		i, ok := argIndex(name)
		if !ok || i >= len(args) {
			return "", false
		}
		return args[i], true
	})
}

// MonthNames splits the "months" text into the names of the twelve
// months, January first; ok is false when it does not name twelve.
func MonthNames(text string) (names []string, ok bool) {
	names = strings.Split(text, "|")
	if len(names) != 12 || slices.Contains(names, "") {
		return nil, false
	}
	return names, true
}

// Date writes a date as readers of the language expect it: "January 2,
// 2006" in English, "2. Januar 2006" in German.
func (t *Text) Date(d time.Time) string {
	return fill(t.T("date_format"), func(name string) (string, bool) {
		switch name {
		case "day":
			return strconv.Itoa(d.Day()), true
		case "month":
			if months, ok := MonthNames(t.T("months")); ok {
				return months[d.Month()-1], true
			}
			return d.Month().String(), true
		case "year":
			return strconv.Itoa(d.Year()), true
		}
		return "", false
	})
}

// argIndex reads a placeholder's name as an argument's index: ASCII
// digits only, without sign or leading zero ("{+0}" and "{00}" are text).
func argIndex(name string) (int, bool) {
	if name == "" || len(name) > 1 && name[0] == '0' || strings.Trim(name, "0123456789") != "" {
		return 0, false
	}
	i, err := strconv.Atoi(name)
	return i, err == nil
}

// fill replaces each "{name}" of s for which value has one, in one pass
// (a strings.Replacer per call cost more than the pages it filled).
func fill(s string, value func(name string) (string, bool)) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		if k := strings.LastIndexByte(s[i+1:i+j], '{'); k >= 0 {
			// "{ a {0}": the "{" nearest the "}" opens the placeholder.
			b.WriteString(s[:i+1+k])
			s = s[i+1+k:]
			continue
		}
		v, ok := value(s[i+1 : i+j])
		if !ok {
			v = s[i : i+j+1]
		}
		b.WriteString(s[:i])
		b.WriteString(v)
		s = s[i+j+1:]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}
