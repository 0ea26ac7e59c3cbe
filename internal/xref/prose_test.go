package xref

import (
	"reflect"
	"testing"
	"time"

	"github.com/nhimg/nhiglossary/internal/content"
)

// Every field of a term but the prose ones must make SameResolution
// false when it changes: a field added to content.Term counts as read by
// Resolve until it is listed in proseFields on purpose.
func TestSameResolutionKnowsEveryField(t *testing.T) {
	base := &content.Term{Slug: content.Name{Value: "a"}, Title: content.Name{Value: "A"}, Body: content.Markdown{Text: "See [[b]]."}}
	typ := reflect.TypeOf(*base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		changed := *base
		v := reflect.ValueOf(&changed).Elem().Field(i)
		if !setSomething(v) {
			t.Fatalf("test cannot change field %s (%s): teach setSomething", f.Name, f.Type)
		}
		same := SameResolution(base, &changed)
		switch {
		case f.Name == "Body" || f.Name == "Examples":
			if same { // the value set holds a new link
				t.Errorf("%s: a new link is the same resolution", f.Name)
			}
		case proseFields[f.Name]:
			if !same {
				t.Errorf("%s is prose, but changing it asks for a resolve", f.Name)
			}
		case same:
			t.Errorf("%s changed, and SameResolution says the site resolves alike", f.Name)
		}
	}
	prose := *base
	prose.Body.Text = "More words. See [[b]]."
	if !SameResolution(base, &prose) {
		t.Errorf("prose around the same link asks for a resolve")
	}
}

// setSomething gives v a value other than its zero one.
func setSomething(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x [[changed]]")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(v.Int() + 7)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		setSomething(v.Index(0))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Unix(86400, 0)))
			return true
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && setSomething(v.Field(i)) {
				return true
			}
		}
		return false
	default:
		return false
	}
	return true
}

// A link whose bar ends a table cell warns; moved into a cell the table
// leaves out, it does not: the site resolves otherwise.
func TestSameResolutionSeesWhyALinkIsCut(t *testing.T) {
	inCell := &content.Term{Slug: content.Name{Value: "a"}, Body: content.Markdown{Text: "| x |\n|---|\n| [[b|B]] |\n"}}
	leftOut := &content.Term{Slug: content.Name{Value: "a"}, Body: content.Markdown{Text: "| x |\n|---|\n| c | [[b|B]] |\n"}}
	if SameResolution(inCell, leftOut) {
		t.Error("a link cut by its bar and one in a cell left out resolve alike")
	}
}
