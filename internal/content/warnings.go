package content

import (
	"go.yaml.in/yaml/v3"

	"github.com/nhimg/nhiglossary/internal/diag"
)

// warningsOff reads the site's `warnings:` setting, a mapping from a
// warning's code to on or off. A code that is not a warning is itself a
// warning: the setting would do nothing, which the editor should know.
func (d *decoder) warningsOff(v *yaml.Node) map[diag.Code]bool {
	if v.Kind != yaml.MappingNode {
		d.add(diag.WrongType, v, "\"warnings\" must be a set of CODE: off fields, not %s", kindName(v))
		return nil
	}
	off := map[diag.Code]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		code := diag.Code(k.Value)
		switch {
		case !code.Known():
			d.add(diag.UnknownWarning, k, "unknown warning code %q%s; docs/diagnostics.md lists them", k.Value, diag.DidYouMean(k.Value, diag.WarningCodes()))
			continue
		case code.Severity() == diag.Error:
			d.add(diag.UnknownWarning, k, "%q is an error, and errors cannot be switched off: fix what it reports", k.Value)
			continue
		}
		// YAML reads a bare off as text, or as false in YAML 1.1 style;
		// both mean off.
		switch {
		case val.Kind == yaml.ScalarNode && (val.Value == "off" || val.Value == "false"):
			off[code] = true
		case val.Kind == yaml.ScalarNode && (val.Value == "on" || val.Value == "true"):
			delete(off, code)
		default:
			d.add(diag.InvalidValue, val, "warning %q must be off or on, not %q", k.Value, val.Value)
		}
	}
	return off
}
