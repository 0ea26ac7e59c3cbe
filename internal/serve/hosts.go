package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// hosts decides which Host headers the preview answers. A browser sends
// in Host the name it looked up, so a page on evil.example whose name
// the attacker now resolves to 127.0.0.1 (DNS rebinding) still says
// "evil.example", and is refused. Hosts no one can rebind are answered
// on any port, since a container or a tunnel may publish the preview on
// another one (docker run -p 8080:1313):
//
//   - an IP address: no name is looked up;
//   - localhost and *.localhost: browsers resolve them to this machine
//     themselves, and no one can register them (RFC 6761).
//
// Any other name only when the user allowed it (--allow-host NAME).
type hosts struct {
	allowed map[string]bool // lower case, without a port or trailing dot
}

func newHosts(allow []string) hosts {
	h := hosts{allowed: map[string]bool{}}
	for _, name := range allow {
		h.allowed[hostName(name)] = true
	}
	return h
}

// hostName is the name in a Host header or an --allow-host value, in lower
// case, without its port, brackets or trailing dot; "" when it is not a
// plain host[:port].
func hostName(hostport string) string {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil { // no port: the scheme's default
		host, port = hostport, ""
		if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
			host = host[1 : len(host)-1]
		}
	}
	if strings.Trim(port, "0123456789") != "" || len(port) > 5 {
		return ""
	}
	if strings.ContainsAny(host, "/@?#\\ ") {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// ok reports whether a request with this Host is answered.
func (h hosts) ok(hostport string) bool {
	name := hostName(hostport)
	switch {
	case name == "":
		return false
	case name == "localhost", strings.HasSuffix(name, ".localhost"):
		return true
	case h.allowed[name]:
		return true
	}
	_, err := netip.ParseAddr(name)
	return err == nil
}

// refuse answers a request whose Host is not ok, saying how to allow it.
func (h hosts) refuse(w http.ResponseWriter, hostport string) {
	msg := fmt.Sprintf("403: this preview does not answer to the host name in %q: any web page could point such a name at it (DNS rebinding) and read it.\n", hostport)
	if name := hostName(hostport); name != "" {
		msg += fmt.Sprintf("If you opened the preview by this name, start it with --allow-host %s\n", name)
	} else {
		msg += "Open it at localhost, *.localhost or an IP address, or name a host with --allow-host NAME\n"
	}
	http.Error(w, msg, http.StatusForbidden)
}

// sameOrigin refuses requests a page of another origin made: a browser
// names the page's origin in Origin, and says in Sec-Fetch-Site whether
// it is this site's.
func (h hosts) sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Scheme == "http" && h.ok(u.Host) && strings.EqualFold(u.Host, r.Host)
}

// siteURL is the address pages are built for: the listener's, or
// localhost when it listens on every interface.
func siteURL(a net.Addr) string {
	host, port, _ := net.SplitHostPort(a.String())
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// loopback reports whether only this machine can reach a listener.
func loopback(a net.Addr) bool {
	host, _, _ := net.SplitHostPort(a.String())
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}
