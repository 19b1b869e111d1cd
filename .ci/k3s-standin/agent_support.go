package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// signalContext is cancelled on SIGTERM/SIGINT or when a component exits.
func signalContext(s *server) (context.Context, context.CancelFunc) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case sig := <-sigs:
			logf("received %v, shutting down", sig)
		case name := <-s.failed:
			warnf("%s exited, shutting down", name)
		case <-ctx.Done():
		}
		cancel()
	}()
	return ctx, cancel
}

// mountShared: kubelet mount propagation needs a shared root.
func mountShared() error {
	return syscall.Mount("", "/", "", syscall.MS_SHARED|syscall.MS_REC, "")
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func ipList(values ...string) []net.IP {
	var out []net.IP
	for _, v := range values {
		if ip := net.ParseIP(v); ip != nil {
			out = append(out, ip)
		}
	}
	return out
}

// bridgeConflist is the node's plain bridge CNI on its podCIDR (the server writes the same for the first /24).
func bridgeConflist(podCIDR string) string {
	return fmt.Sprintf(`{
  "cniVersion": "1.0.0",
  "name": "cbr0",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": true,
      "ipMasq": true,
      "hairpinMode": true,
      "forceAddress": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "%s"}]],
        "routes": [{"dst": "0.0.0.0/0"}],
        "dataDir": "/var/lib/cni/networks"
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}},
    {"type": "bandwidth", "capabilities": {"bandwidth": true}}
  ]
}
`, podCIDR)
}

// syncPodRoutes routes every other node's podCIDR via that node's InternalIP, so that pods, Services and the
// API server's proxy reach pods on any node (what flannel's host-gw backend does; all nodes share one L2
// network, a Docker network here).
func syncPodRoutes(ctx context.Context, client kubernetes.Interface, self string) {
	done := map[string]string{}
	var lastErr string
	for ctx.Err() == nil {
		nodes, err := client.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
		if err != nil && err.Error() != lastErr && ctx.Err() == nil {
			lastErr = err.Error()
			warnf("pod routes: list nodes: %v", err)
		}
		if err == nil {
			for i := range nodes.Items {
				n := &nodes.Items[i]
				if n.Name == self || n.Spec.PodCIDR == "" {
					continue
				}
				ip := internalIP(n)
				if ip == "" || done[n.Spec.PodCIDR] == ip {
					continue
				}
				out, err := exec.CommandContext(ctx, "ip", "route", "replace", n.Spec.PodCIDR, "via", ip).CombinedOutput()
				if err != nil {
					warnf("route %s via %s (node %s): %v: %s", n.Spec.PodCIDR, ip, n.Name, err, strings.TrimSpace(string(out)))
					continue
				}
				done[n.Spec.PodCIDR] = ip
				logf("Route to pods of node %s: %s via %s", n.Name, n.Spec.PodCIDR, ip)
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(3 * time.Second):
		}
	}
}

func internalIP(n *corev1.Node) string {
	for _, a := range n.Status.Addresses {
		if a.Type == corev1.NodeInternalIP {
			return a.Address
		}
	}
	return ""
}

// writeNodeToken writes k3s's join token, K10<sha256 of the CA>::server:<password>, to server/node-token (and
// server/token), and the API server's static token file that maps the password to a joining agent. It keeps an
// existing password across restarts.
func (s *server) writeNodeToken() error {
	dir := filepath.Join(s.cfg.dataDir, "server")
	pwFile := filepath.Join(s.cred, "node-passwd")
	pw, err := os.ReadFile(pwFile)
	if err != nil || len(strings.TrimSpace(string(pw))) == 0 {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		pw = []byte(hex.EncodeToString(b))
		if err := writeFileAtomic(pwFile, pw, 0o600); err != nil {
			return err
		}
	}
	password := strings.TrimSpace(string(pw))
	ca, err := os.ReadFile(filepath.Join(s.tls, "server-ca.crt"))
	if err != nil {
		return err
	}
	token := "K10" + sha256Hex(ca) + "::server:" + password + "\n"
	for _, f := range []string{"node-token", "token"} {
		if err := writeFileAtomic(filepath.Join(dir, f), []byte(token), 0o600); err != nil {
			return err
		}
	}
	// an agent joins with the token: it may create and approve the CSRs for its kubelet and kube-proxy
	csv := password + ",system:k3s-agent,system:k3s-agent,\"system:masters\"\n"
	return writeFileAtomic(s.tokenAuthFile(), []byte(csv), 0o600)
}

func (s *server) tokenAuthFile() string {
	return filepath.Join(s.cred, "node-token.csv")
}
