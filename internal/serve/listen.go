package serve

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"syscall"
)

// DefaultAddr is where a preview listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

// portsTried is how many ports after the default's a preview tries when
// the default one is taken.
const portsTried = 100

// Listen opens the address a preview serves at. When addr is not one the
// user chose (chosen is false) and its port is taken (another preview
// runs), it takes the next free port and says so in note. Every error is
// one line that says what to do, fit for the terminal as it is.
func Listen(addr string, chosen bool) (ln net.Listener, note string, err error) {
	host, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n < 0 || n > 65535 {
		return nil, "", fmt.Errorf("--addr %q is not HOST:PORT (such as %s, or 0.0.0.0:1313 for other machines too)", addr, DefaultAddr)
	}
	ln, err = net.Listen("tcp", addr)
	if err == nil {
		return ln, "", nil
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		return nil, "", fmt.Errorf("cannot listen at --addr %s: %s", addr, reason(err))
	}
	next, err := nextFree(host, n)
	switch {
	case chosen && err == nil:
		p := next.Addr().(*net.TCPAddr).Port
		next.Close()
		return nil, "", fmt.Errorf("port %d is taken (another preview?); choose another, such as --addr %s", n, net.JoinHostPort(host, strconv.Itoa(p)))
	case chosen || err != nil:
		return nil, "", fmt.Errorf("port %d is taken (another preview?); choose another with --addr %s", n, net.JoinHostPort(host, "PORT"))
	}
	return next, fmt.Sprintf("port %d is taken (another preview?), so this one uses port %d", n, next.Addr().(*net.TCPAddr).Port), nil
}

// nextFree listens at the first free port after port on host.
func nextFree(host string, port int) (net.Listener, error) {
	for p := port + 1; p <= port+portsTried && p <= 65535; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err == nil {
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("ports %d to %d are taken", port+1, port+portsTried)
}

// reason is the part of a listen error a person needs: "permission
// denied", "no such host", not the operation and address again.
func reason(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return fmt.Sprintf("%s: %s", dns.Name, dns.Err)
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	return err.Error()
}
