package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nhimg/nhiglossary/internal/content"
	"github.com/nhimg/nhiglossary/internal/xref"
)

func TestByFrameworkGroupsInFirstAppearanceOrder(t *testing.T) {
	owasp, csf, zt := &content.Framework{ID: "owasp"}, &content.Framework{ID: "csf"}, &content.Framework{ID: "zt"}
	c := func(id string) *content.Control { return &content.Control{ID: content.Name{Value: id}} }
	in := []xref.Mapping{{Framework: csf, Control: c("PR.AA-01")}, {Framework: owasp, Control: c("NHI2")}, {Framework: zt}, {Framework: csf, Control: c("PR.AA-05")}, {Framework: owasp, Control: c("NHI7")}}
	var got []string
	for _, m := range byFramework(in) {
		id := m.Framework.ID
		if m.Control != nil {
			id += "/" + m.Control.ID.Value
		}
		got = append(got, id)
	}
	want := []string{"csf/PR.AA-01", "csf/PR.AA-05", "owasp/NHI2", "owasp/NHI7", "zt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("byFramework (-want +got):\n%s", diff)
	}
}
