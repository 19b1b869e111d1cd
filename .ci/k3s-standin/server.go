package main

import (
	"bufio"
	"context"
	_ "embed"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

const (
	defaultKubeconfig = "/etc/rancher/k3s/k3s.yaml"
	containerdSocket  = "/run/k3s/containerd/containerd.sock"
	corednsImageEnv   = "SQUEEZE_COREDNS_IMAGE"
	childEnv          = "SQUEEZE_STANDIN_CHILD"
)

//go:embed manifests/coredns.yaml
var corednsManifest string

// Default CoreDNS image; the image build sets the env var from .ci/versions.env.
var corednsImage = "rancher/mirrored-coredns-coredns:1.14.3"

func logf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stdout, "time=%q level=info msg=%q\n", time.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

func warnf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stdout, "time=%q level=warning msg=%q\n", time.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

func fatalf(format string, args ...interface{}) int {
	fmt.Fprintf(os.Stdout, "time=%q level=fatal msg=%q\n", time.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
	return 1
}

// runServer: when PID 1, become a tiny init (reap orphans, forward signals) and run the
// server as a child; otherwise run the server.
func runServer(args []string) int {
	if os.Getpid() == 1 && os.Getenv(childEnv) == "" {
		return runInit("server", args)
	}
	return serve(args)
}

func runInit(command string, args []string) int {
	// k3s as PID 1 on cgroup v2 (k3s-io/k3s pkg/cli/cmds/init_linux.go, called from main)
	if err := evacuateCgroup2(); err != nil {
		warnf("failed to evacuate root cgroup: %v", err)
	}
	self, _ := os.Executable()
	cmd := exec.Command(self, append([]string{command}, args...)...)
	cmd.Args[0] = "k3s"
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP, syscall.SIGCHLD)
	if err := cmd.Start(); err != nil {
		return fatalf("start server: %v", err)
	}
	main := cmd.Process.Pid
	for s := range sigs {
		if s != syscall.SIGCHLD {
			_ = cmd.Process.Signal(s)
			continue
		}
		for {
			var ws syscall.WaitStatus
			pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
			if pid == main {
				if ws.Signaled() {
					return 128 + int(ws.Signal())
				}
				return ws.ExitStatus()
			}
		}
	}
	return 0
}

type server struct {
	cfg         *serverConfig
	kubeletRoot string // from checkCgroups: KubeletCgroups in the kubelet config drop-in
	runtimeRoot string // from checkCgroups: --runtime-cgroups
	self        string
	tls         string // data-dir/server/tls
	cred        string // data-dir/server/cred
	agentDir    string
	nodeIP      string
	resolvConf  string
	mu          sync.Mutex
	children    []*child
	failed      chan string
}

type child struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
}

func serve(args []string) int {
	cfg, err := parseServerArgs(args)
	if err != nil {
		return fatalf("%v", err)
	}
	self, err := os.Executable()
	if err != nil {
		return fatalf("%v", err)
	}
	if v := os.Getenv(corednsImageEnv); v != "" {
		corednsImage = v
	}
	s := &server{cfg: cfg, self: self, failed: make(chan string, 16),
		tls: filepath.Join(cfg.dataDir, "server", "tls"), cred: filepath.Join(cfg.dataDir, "server", "cred"),
		agentDir: filepath.Join(cfg.dataDir, "agent")}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case sig := <-sigs:
			logf("received %v, shutting down", sig)
		case name := <-s.failed:
			warnf("%s exited, shutting down", name)
		}
		cancel()
	}()
	err = s.run(ctx)
	s.stopAll()
	if err != nil {
		return fatalf("%v", err)
	}
	return 0
}

func (s *server) run(ctx context.Context) error {
	start := time.Now()
	c := s.cfg
	logf("Starting k3s stand-in %s (upstream Kubernetes, single node)", k3sVersion)
	if c.nodeName == "" {
		h, _ := os.Hostname()
		c.nodeName = strings.ToLower(h)
	}
	s.nodeIP = c.nodeIP
	if s.nodeIP == "" {
		s.nodeIP = defaultRouteIP()
	}
	for _, d := range []string{s.tls, s.cred, s.agentDir, filepath.Join(c.dataDir, "server", "manifests"),
		filepath.Join(s.agentDir, "images"), filepath.Join(s.agentDir, "pod-manifests"),
		filepath.Join(s.agentDir, "etc", "cni", "net.d"), "/run/k3s/containerd", "/var/lib/kubelet", "/var/log/pods"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	// kubelet mount propagation needs a shared root
	if err := syscall.Mount("", "/", "", syscall.MS_SHARED|syscall.MS_REC, ""); err != nil {
		warnf("mount --make-rshared /: %v", err)
	}
	self, _ := os.ReadFile("/proc/self/cgroup")
	pid1, _ := os.ReadFile("/proc/1/cgroup")
	s.kubeletRoot, s.runtimeRoot = checkCgroups(string(self), string(pid1), cgroupV2())
	if s.kubeletRoot != "" {
		logf("CheckCgroups: PID 1 in cgroup %s: kubelet-cgroups=%s runtime-cgroups=%s (unless --kubelet-arg sets them)",
			memoryCgroup(1), s.kubeletRoot, s.runtimeRoot)
	}
	if err := s.writeCerts(); err != nil {
		return fmt.Errorf("certificates: %w", err)
	}
	if err := s.writeNodeToken(); err != nil {
		return fmt.Errorf("node token: %w", err)
	}
	if err := s.writeRuntimeConfig(); err != nil {
		return err
	}

	// containerd, then image import in the background while the control plane starts
	if err := s.start(ctx, "containerd", "/usr/bin/containerd", "--config", filepath.Join(s.agentDir, "etc", "containerd", "config.toml")); err != nil {
		return err
	}
	if err := waitFor(ctx, 60*time.Second, func() bool { _, err := os.Stat(containerdSocket); return err == nil }); err != nil {
		return fmt.Errorf("containerd socket: %w", err)
	}
	importDone := make(chan error, 1)
	go func() { importDone <- s.importImages(ctx) }()

	etcdArgs := append([]string{"--data-dir", filepath.Join(c.dataDir, "server", "db", "etcd")}, c.etcdArgs...)
	if err := s.start(ctx, "etcd", s.self, append([]string{"etcd"}, etcdArgs...)...); err != nil {
		return err
	}
	if err := s.start(ctx, "kube-apiserver", s.self, append([]string{"kube-apiserver"}, s.apiserverArgs()...)...); err != nil {
		return err
	}
	adminKubeconfig := filepath.Join(s.cred, "admin.kubeconfig")
	restCfg, err := clientcmd.BuildConfigFromFlags("", adminKubeconfig)
	if err != nil {
		return err
	}
	restCfg.Timeout = 5 * time.Second
	client, err := kubernetes.NewForConfig(restCfg)
	if err != nil {
		return err
	}
	if err := waitFor(ctx, 180*time.Second, func() bool {
		body, err := client.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
		return err == nil && strings.TrimSpace(string(body)) == "ok"
	}); err != nil {
		return fmt.Errorf("kube-apiserver not ready: %w", err)
	}
	logf("kube-apiserver ready after %.1fs", time.Since(start).Seconds())
	if err := s.writeUserKubeconfig(); err != nil {
		return err
	}
	if err := s.start(ctx, "kube-controller-manager", s.self, append([]string{"kube-controller-manager"}, s.controllerArgs()...)...); err != nil {
		return err
	}
	if !c.disableSched {
		if err := s.start(ctx, "kube-scheduler", s.self, append([]string{"kube-scheduler"}, s.schedulerArgs()...)...); err != nil {
			return err
		}
	}
	go s.deployManifests(ctx)

	select {
	case err := <-importDone:
		if err != nil {
			warnf("image import: %v", err)
		}
	case <-ctx.Done():
		return ctx.Err()
	}
	kubeletArgs, err := s.kubeletArgs()
	if err != nil {
		return err
	}
	if err := s.start(ctx, "kubelet", s.self, append([]string{"kubelet"}, kubeletArgs...)...); err != nil {
		return err
	}
	if target := argValue(kubeletArgs, "kubelet-cgroups", s.kubeletRoot); target != "" {
		go s.followKubelet(s.pid("kubelet"), target, func() []int {
			pids := []int{1, os.Getpid()}
			for _, name := range []string{"etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy"} {
				if p := s.pid(name); p > 0 {
					pids = append(pids, p)
				}
			}
			return pids
		})
	}
	if !c.disableProxy {
		if err := s.start(ctx, "kube-proxy", s.self, append([]string{"kube-proxy"}, s.proxyArgs()...)...); err != nil {
			return err
		}
	}

	// k3s's embedded cloud controller (cloud-provider=external): clears the uninitialized taint.
	go s.cloudController(ctx, client)

	// k3s prints "Node controller sync successful" from flannel (k3s-io/k3s pkg/agent/flannel), once
	// the node has its pod CIDR: before the node is Ready. Testcontainers' K3sContainer waits for it.
	if err := waitFor(ctx, 300*time.Second, func() bool {
		n, err := client.CoreV1().Nodes().Get(ctx, c.nodeName, metav1.GetOptions{})
		return err == nil && n.Spec.PodCIDR != ""
	}); err != nil {
		return fmt.Errorf("node %s got no pod CIDR: %w", c.nodeName, err)
	}
	logf("Node controller sync successful")

	// Then the node becomes Ready: label it like k3s does.
	var node *corev1.Node
	if err := waitFor(ctx, 300*time.Second, func() bool {
		n, err := client.CoreV1().Nodes().Get(ctx, c.nodeName, metav1.GetOptions{})
		if err != nil {
			return false
		}
		node = n
		for _, cond := range n.Status.Conditions {
			if cond.Type == corev1.NodeReady && cond.Status == corev1.ConditionTrue {
				return true
			}
		}
		return false
	}); err != nil {
		return fmt.Errorf("node %s not Ready: %w", c.nodeName, err)
	}
	patch := `{"metadata":{"labels":{"node-role.kubernetes.io/control-plane":"true","node-role.kubernetes.io/master":"true","node.kubernetes.io/instance-type":"k3s"}}}`
	if _, err := client.CoreV1().Nodes().Patch(ctx, node.Name, types.StrategicMergePatchType, []byte(patch), metav1.PatchOptions{}); err != nil {
		warnf("label node: %v", err)
	}
	logf("Node %s Ready after %.1fs", node.Name, time.Since(start).Seconds())
	go syncPodRoutes(ctx, client, node.Name)

	<-ctx.Done()
	return nil
}

// start runs a component as a child process whose output is prefixed with its name.
func (s *server) start(ctx context.Context, name, path string, args ...string) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	cmd := exec.Command(path, args...)
	if path == s.self {
		cmd.Args[0] = "k3s"
	}
	cmd.Env = os.Environ()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", name, err)
	}
	ch := &child{name: name, cmd: cmd, done: make(chan struct{})}
	s.mu.Lock()
	s.children = append(s.children, ch)
	s.mu.Unlock()
	go prefixLines(name, out)
	go func() {
		err := cmd.Wait()
		close(ch.done)
		if ctx.Err() == nil {
			warnf("%s exited: %v", name, err)
			s.failed <- name
		}
	}()
	logf("Running %s", name)
	return nil
}

func (s *server) pid(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.children {
		if ch.name == name && ch.cmd.Process != nil {
			return ch.cmd.Process.Pid
		}
	}
	return 0
}

// cloudController stands in for k3s's embedded cloud controller manager (k3s-io/k3s
// pkg/cloudprovider, run by the server for the whole cluster): every kubelet runs with
// cloud-provider=external and registers its node with the
// node.cloudprovider.kubernetes.io/uninitialized taint; the controller initialises each node, the
// server's and every agent's that joins later (provider ID k3s://<node>), and removes the taint,
// after which pods can be scheduled there.
func (s *server) cloudController(ctx context.Context, client kubernetes.Interface) {
	const taint = "node.cloudprovider.kubernetes.io/uninitialized"
	for ctx.Err() == nil {
		nodes, err := client.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
		if err == nil {
			for i := range nodes.Items {
				n := &nodes.Items[i]
				var kept []corev1.Taint
				for _, t := range n.Spec.Taints {
					if t.Key != taint {
						kept = append(kept, t)
					}
				}
				if len(kept) == len(n.Spec.Taints) && n.Spec.ProviderID != "" {
					continue
				}
				n.Spec.Taints = kept
				if n.Spec.ProviderID == "" {
					n.Spec.ProviderID = "k3s://" + n.Name
				}
				if _, err := client.CoreV1().Nodes().Update(ctx, n, metav1.UpdateOptions{}); err == nil {
					logf("Cloud controller: initialized node %s (taint %s removed)", n.Name, taint)
				}
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func prefixLines(name string, r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	w := bufio.NewWriter(os.Stdout)
	for sc.Scan() {
		w.WriteString(name)
		w.WriteString(": ")
		w.Write(sc.Bytes())
		w.WriteByte('\n')
		w.Flush()
	}
}

func (s *server) stopAll() {
	s.mu.Lock()
	children := append([]*child(nil), s.children...)
	s.mu.Unlock()
	for i := len(children) - 1; i >= 0; i-- {
		ch := children[i]
		_ = ch.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-ch.done:
		case <-time.After(10 * time.Second):
			_ = ch.cmd.Process.Kill()
		}
	}
}

func waitFor(ctx context.Context, timeout time.Duration, ok func() bool) error {
	deadline := time.Now().Add(timeout)
	for {
		if ok() {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %v", timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// defaultRouteIP returns the IPv4 address of the interface holding the default route.
func defaultRouteIP() string {
	iface := ""
	if data, err := os.ReadFile("/proc/net/route"); err == nil {
		for _, line := range strings.Split(string(data), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) > 2 && f[1] == "00000000" {
				iface = f[0]
				break
			}
		}
	}
	ifs, _ := net.Interfaces()
	for _, i := range ifs {
		if i.Flags&net.FlagLoopback != 0 || i.Flags&net.FlagUp == 0 || (iface != "" && i.Name != iface) {
			continue
		}
		addrs, _ := i.Addrs()
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil {
				return ipn.IP.String()
			}
		}
	}
	return "127.0.0.1"
}

func firstIP(cidr string, offset byte) net.IP {
	_, n, err := net.ParseCIDR(cidr)
	if err != nil {
		return nil
	}
	ip := n.IP.To4()
	out := net.IPv4(ip[0], ip[1], ip[2], ip[3]+offset)
	return out
}

func (s *server) writeCerts() error {
	c := s.cfg
	ca, err := ensureCA(s.tls)
	if err != nil {
		return err
	}
	if err := ensureServiceAccountKey(filepath.Join(s.tls, "service.key")); err != nil {
		return err
	}
	hostname, _ := os.Hostname()
	dns := []string{"kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc." + c.clusterDomain, "localhost", c.nodeName}
	if hostname != "" && hostname != c.nodeName {
		dns = append(dns, hostname)
	}
	ips := []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1"), firstIP(c.serviceCIDR, 1)}
	if ip := net.ParseIP(s.nodeIP); ip != nil {
		ips = append(ips, ip)
	}
	for _, san := range c.tlsSANs {
		if ip := net.ParseIP(san); ip != nil {
			ips = append(ips, ip)
		} else if san != "" {
			dns = append(dns, san)
		}
	}
	if _, err := issue(ca, s.tls, "serving-kube-apiserver", "kube-apiserver", nil, false, true, dns, ips); err != nil {
		return err
	}
	if _, err := issue(ca, s.tls, "serving-kubelet", c.nodeName, nil, false, true,
		[]string{c.nodeName, "localhost"}, []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP(s.nodeIP)}); err != nil {
		return err
	}
	if _, err := issue(ca, s.tls, "client-kube-apiserver", "system:kube-apiserver", []string{"system:masters"}, true, false, nil, nil); err != nil {
		return err
	}
	server := "https://127.0.0.1:" + c.httpsPort
	users := []struct{ file, cn, org string }{
		{"admin", "system:admin", "system:masters"},
		{"controller", "system:kube-controller-manager", ""},
		{"scheduler", "system:kube-scheduler", ""},
		{"kube-proxy", "system:kube-proxy", ""},
		{"kubelet", "system:node:" + c.nodeName, "system:nodes"},
	}
	for _, u := range users {
		var orgs []string
		if u.org != "" {
			orgs = []string{u.org}
		}
		kp, err := issue(ca, s.tls, "client-"+u.file, u.cn, orgs, true, false, nil, nil)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(filepath.Join(s.cred, u.file+".kubeconfig"), kubeconfig(server, ca, kp), 0o600); err != nil {
			return err
		}
	}
	return nil
}

func (s *server) writeUserKubeconfig() error {
	data, err := os.ReadFile(filepath.Join(s.cred, "admin.kubeconfig"))
	if err != nil {
		return err
	}
	mode := os.FileMode(0o600)
	if s.cfg.kubeconfigMode != "" {
		var m uint32
		if _, err := fmt.Sscanf(s.cfg.kubeconfigMode, "%o", &m); err == nil {
			mode = os.FileMode(m)
		}
	}
	if err := writeFileAtomic(s.cfg.kubeconfigOut, data, mode); err != nil {
		return err
	}
	_ = os.Chmod(s.cfg.kubeconfigOut, mode)
	logf("Wrote kubeconfig %s", s.cfg.kubeconfigOut)
	return nil
}

func (s *server) writeRuntimeConfig() error {
	c := s.cfg
	containerdDir := filepath.Join(s.agentDir, "containerd")
	// Without CAP_SYS_RESOURCE (this project's CI sandbox) no process may lower an
	// oom_score_adj: containerd must clamp the kubelet's negative scores (Guaranteed -997,
	// sandboxes -998) to its own, or every pod sandbox fails to start.
	restrictOOM := !canLowerOOMScore()
	if restrictOOM {
		warnf("cannot lower oom_score_adj (no CAP_SYS_RESOURCE): pods get oom_score_adj >= 0 (restrict_oom_score_adj)")
	}
	cniConf := filepath.Join(s.agentDir, "etc", "cni", "net.d")
	toml := fmt.Sprintf(`version = 2
root = %q
state = "/run/k3s/containerd"

[grpc]
  address = %q

[plugins."io.containerd.internal.v1.opt"]
  path = %q

[plugins."io.containerd.grpc.v1.cri"]
  stream_server_address = "127.0.0.1"
  stream_server_port = "10010"
  enable_selinux = false
  enable_unprivileged_ports = true
  enable_unprivileged_icmp = true
  disable_apparmor = true
  restrict_oom_score_adj = %t
  sandbox_image = %q

[plugins."io.containerd.grpc.v1.cri".containerd]
  snapshotter = "overlayfs"
  disable_snapshot_annotations = true

[plugins."io.containerd.grpc.v1.cri".cni]
  bin_dir = "/usr/lib/cni"
  conf_dir = %q

[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"

[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
  SystemdCgroup = false
`, containerdDir, containerdSocket, containerdDir, restrictOOM, c.pauseImage, cniConf)
	if err := writeFileAtomic(filepath.Join(s.agentDir, "etc", "containerd", "config.toml"), []byte(toml), 0o600); err != nil {
		return err
	}
	crictl := fmt.Sprintf("runtime-endpoint: unix://%s\nimage-endpoint: unix://%s\n", containerdSocket, containerdSocket)
	if err := writeFileAtomic(filepath.Join(s.agentDir, "etc", "crictl.yaml"), []byte(crictl), 0o644); err != nil {
		return err
	}
	// A plain bridge on the server node's pod CIDR (the first /24 of the cluster CIDR,
	// which is what kube-controller-manager allocates to the first node; agents use their own podCIDR).
	cni := bridgeConflist(firstIP(c.clusterCIDR, 0).String() + "/24")
	if err := writeFileAtomic(filepath.Join(cniConf, "10-bridge.conflist"), []byte(cni), 0o644); err != nil {
		return err
	}
	// resolv.conf for pods with dnsPolicy Default: the node's, unless it points at loopback
	resolv := "/etc/resolv.conf"
	if data, err := os.ReadFile(resolv); err != nil || !hasUsableNameserver(string(data)) {
		resolv = filepath.Join(s.agentDir, "etc", "resolv.conf")
		_ = writeFileAtomic(resolv, []byte("# no usable upstream resolver on this node\noptions ndots:0\n"), 0o644)
	}
	s.resolvConf = resolv
	return nil
}

func canLowerOOMScore() bool {
	cur, err := os.ReadFile("/proc/self/oom_score_adj")
	if err != nil {
		return false
	}
	v := strings.TrimSpace(string(cur))
	var n int
	if _, err := fmt.Sscanf(v, "%d", &n); err != nil || n <= -1000 {
		return n <= -1000
	}
	if err := os.WriteFile("/proc/self/oom_score_adj", []byte(fmt.Sprint(n-1)), 0); err != nil {
		return false
	}
	_ = os.WriteFile("/proc/self/oom_score_adj", []byte(v), 0)
	return true
}

func hasUsableNameserver(resolv string) bool {
	for _, line := range strings.Split(resolv, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "nameserver" {
			if ip := net.ParseIP(f[1]); ip != nil && !ip.IsLoopback() {
				return true
			}
		}
	}
	return false
}

// importImages loads every tarball in agent/images into containerd's k8s.io namespace.
func (s *server) importImages(ctx context.Context) error {
	dir := filepath.Join(s.agentDir, "images")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var files []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".tar") || strings.HasSuffix(n, ".tar.gz") || strings.HasSuffix(n, ".tgz")) {
			files = append(files, filepath.Join(dir, n))
		}
	}
	sort.Strings(files)
	for _, f := range files {
		t0 := time.Now()
		cmd := exec.CommandContext(ctx, "/usr/local/libexec/k3s/ctr", "--address", containerdSocket,
			"-n", "k8s.io", "images", "import", f)
		out, err := cmd.CombinedOutput()
		if err != nil {
			warnf("import %s: %v: %s", f, err, strings.TrimSpace(string(out)))
			continue
		}
		logf("Imported images from %s in %.1fs", f, time.Since(t0).Seconds())
	}
	return nil
}

func (s *server) deployManifests(ctx context.Context) {
	c := s.cfg
	dir := filepath.Join(c.dataDir, "server", "manifests")
	if !c.disable["coredns"] {
		hostname, _ := os.Hostname()
		m := strings.NewReplacer(
			"%{CLUSTER_DNS}", c.clusterDNS,
			"%{CLUSTER_DOMAIN}", c.clusterDomain,
			"%{COREDNS_IMAGE}", corednsImage,
			"%{NODE_HOSTS}", s.nodeIP+" "+c.nodeName+func() string {
				if hostname != "" && hostname != c.nodeName {
					return " " + hostname
				}
				return ""
			}(),
		).Replace(corednsManifest)
		if err := writeFileAtomic(filepath.Join(dir, "coredns.yaml"), []byte(m), 0o644); err != nil {
			warnf("write coredns manifest: %v", err)
		}
	} else {
		_ = os.Remove(filepath.Join(dir, "coredns.yaml"))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") || strings.HasSuffix(n, ".json")) {
			continue
		}
		if c.disable[strings.TrimSuffix(strings.TrimSuffix(n, ".yaml"), ".yml")] {
			continue
		}
		for attempt := 0; attempt < 30 && ctx.Err() == nil; attempt++ {
			cmd := exec.CommandContext(ctx, s.self, "kubectl", "--kubeconfig", filepath.Join(s.cred, "admin.kubeconfig"),
				"apply", "-f", filepath.Join(dir, n))
			cmd.Args[0] = "k3s"
			out, err := cmd.CombinedOutput()
			if err == nil {
				logf("Applied manifest %s", n)
				break
			}
			if attempt == 29 {
				warnf("apply %s: %v: %s", n, err, strings.TrimSpace(string(out)))
			}
			time.Sleep(2 * time.Second)
		}
	}
}

func (s *server) apiserverArgs() []string {
	c := s.cfg
	t := func(f string) string { return filepath.Join(s.tls, f) }
	args := []string{
		"--etcd-servers=http://127.0.0.1:2379",
		"--storage-backend=etcd3",
		"--bind-address=0.0.0.0",
		"--secure-port=" + c.httpsPort,
		"--advertise-address=" + s.nodeIP,
		"--allow-privileged=true",
		"--anonymous-auth=false",
		"--authorization-mode=Node,RBAC",
		"--enable-admission-plugins=NodeRestriction",
		"--client-ca-file=" + t("server-ca.crt"),
		"--tls-cert-file=" + t("serving-kube-apiserver.crt"),
		"--tls-private-key-file=" + t("serving-kube-apiserver.key"),
		"--kubelet-client-certificate=" + t("client-kube-apiserver.crt"),
		"--kubelet-client-key=" + t("client-kube-apiserver.key"),
		"--service-account-key-file=" + t("service.key"),
		"--service-account-signing-key-file=" + t("service.key"),
		"--service-account-issuer=https://kubernetes.default.svc." + c.clusterDomain,
		"--api-audiences=https://kubernetes.default.svc." + c.clusterDomain + ",k3s",
		"--service-cluster-ip-range=" + c.serviceCIDR,
		"--service-node-port-range=30000-32767",
		"--profiling=false",
		"--token-auth-file=" + s.tokenAuthFile(),
		"--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", // as k3s: node names need not resolve
	}
	return append(args, componentArgs(c.apiserverArgs)...)
}

func (s *server) controllerArgs() []string {
	c := s.cfg
	kc := filepath.Join(s.cred, "controller.kubeconfig")
	t := func(f string) string { return filepath.Join(s.tls, f) }
	args := []string{
		"--kubeconfig=" + kc,
		"--authentication-kubeconfig=" + kc,
		"--authorization-kubeconfig=" + kc,
		"--bind-address=127.0.0.1",
		"--secure-port=10257",
		"--cluster-signing-cert-file=" + t("server-ca.crt"),
		"--cluster-signing-key-file=" + t("server-ca.key"),
		"--root-ca-file=" + t("server-ca.crt"),
		"--service-account-private-key-file=" + t("service.key"),
		"--use-service-account-credentials=true",
		"--allocate-node-cidrs=true",
		"--cluster-cidr=" + c.clusterCIDR,
		"--service-cluster-ip-range=" + c.serviceCIDR,
		"--configure-cloud-routes=false",
		"--leader-elect=false",
		"--terminated-pod-gc-threshold=1000",
		"--profiling=false",
	}
	return append(args, componentArgs(c.controllerArgs)...)
}

func (s *server) schedulerArgs() []string {
	kc := filepath.Join(s.cred, "scheduler.kubeconfig")
	args := []string{
		"--kubeconfig=" + kc,
		"--authentication-kubeconfig=" + kc,
		"--authorization-kubeconfig=" + kc,
		"--bind-address=127.0.0.1",
		"--secure-port=10259",
		"--leader-elect=false",
		"--profiling=false",
	}
	return append(args, componentArgs(s.cfg.schedulerArgs)...)
}

// kubeletArgs writes k3s's kubelet config drop-in and returns the kubelet's flags, like k3s's
// kubeletArgsAndConfig + defaultKubeletConfig (k3s-io/k3s pkg/daemons/agent/agent_linux.go,
// pkg/daemons/agent/agent.go): the defaults live in agent/etc/kubelet.conf.d/00-k3s-defaults.conf
// (--config-dir), a few stay flags, and --kubelet-arg replaces flags of the same name
// (pkg/util/args.go GetArgs); as flags they also win over the drop-in.
func (s *server) kubeletArgs() ([]string, error) {
	c := s.cfg
	t := func(f string) string { return filepath.Join(s.tls, f) }
	dropins := filepath.Join(s.agentDir, "etc", "kubelet.conf.d")
	if err := os.MkdirAll(dropins, 0o755); err != nil {
		return nil, err
	}
	kubeletCgroups := ""
	if s.kubeletRoot != "" {
		kubeletCgroups = fmt.Sprintf("kubeletCgroups: %s\n", s.kubeletRoot)
	}
	conf := fmt.Sprintf(`apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 2m0s
    enabled: true
  x509:
    clientCAFile: %s
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 5m0s
    cacheUnauthorizedTTL: 30s
cgroupDriver: cgroupfs
clusterDNS:
- %s
clusterDomain: %s
containerRuntimeEndpoint: unix://%s
cpuManagerReconcilePeriod: 10s
evictionHard:
  imagefs.available: 15%%
  nodefs.available: 15%%
evictionMinimumReclaim:
  imagefs.available: 20%%
  nodefs.available: 20%%
evictionPressureTransitionPeriod: 5m0s
failCgroupV1: false
failSwapOn: false
fileCheckFrequency: 20s
healthzBindAddress: 127.0.0.1
httpCheckFrequency: 20s
imageMinimumGCAge: 2m0s
%snodeStatusReportFrequency: 5m0s
nodeStatusUpdateFrequency: 10s
resolvConf: %s
runtimeRequestTimeout: 2m0s
serializeImagePulls: false
staticPodPath: %s
streamingConnectionIdleTimeout: 4h0m0s
syncFrequency: 1m0s
tlsCertFile: %s
tlsPrivateKeyFile: %s
volumeStatsAggPeriod: 1m0s
`, t("server-ca.crt"), c.clusterDNS, c.clusterDomain, containerdSocket, kubeletCgroups, s.resolvConf,
		filepath.Join(s.agentDir, "pod-manifests"), t("serving-kubelet.crt"), t("serving-kubelet.key"))
	if err := writeFileAtomic(filepath.Join(dropins, "00-k3s-defaults.conf"), []byte(conf), 0o600); err != nil {
		return nil, err
	}
	args := map[string]string{
		"config-dir":        dropins,
		"kubeconfig":        filepath.Join(s.cred, "kubelet.kubeconfig"),
		"read-only-port":    "0",
		"hostname-override": c.nodeName,
		"cloud-provider":    "external",
		"node-ip":           s.nodeIP,
		"root-dir":          "/var/lib/kubelet",
		"node-labels":       strings.Join(c.nodeLabels, ","),
	}
	if s.runtimeRoot != "" {
		args["runtime-cgroups"] = s.runtimeRoot
	}
	if len(c.nodeTaints) > 0 {
		args["register-with-taints"] = strings.Join(c.nodeTaints, ",")
	}
	return getArgs(args, c.kubeletArgs), nil
}

// getArgs merges default flags with k3s-style extra "key=value" args as k3s's GetArgs does
// (k3s-io/k3s pkg/util/args.go): an extra arg replaces the default of the same name, "key+=v"
// appends to it, "key-=v" prepends; output sorted by name, repeated keys in order.
func getArgs(initial map[string]string, extra []string) []string {
	defaults := make(map[string]string, len(initial))
	for k, v := range initial {
		defaults[k] = v
	}
	values := map[string][]string{}
	for _, e := range extra {
		key, value, ok := strings.Cut(strings.TrimPrefix(e, "--"), "=")
		if !ok {
			value = "true"
		}
		name := strings.TrimRight(key, "-+")
		def, hasDef := defaults[name]
		prev := values[name]
		var next []string
		switch {
		case strings.HasSuffix(key, "+"):
			if hasDef {
				next = append(next, def)
			}
			next = append(append(next, prev...), value)
		case strings.HasSuffix(key, "-"):
			next = append(next, value)
			if hasDef {
				next = append(next, def)
			}
			next = append(next, prev...)
		default:
			next = append(append(next, prev...), value)
		}
		delete(defaults, name)
		values[name] = next
	}
	for k, v := range defaults {
		values[k] = []string{v}
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		for _, v := range values[k] {
			out = append(out, "--"+k+"="+v)
		}
	}
	return out
}

// argValue returns the value of --name=... in args, or def when absent.
func argValue(args []string, name, def string) string {
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--"+name+"="); ok {
			return v
		}
	}
	return def
}

func (s *server) proxyArgs() []string {
	c := s.cfg
	args := []string{
		"--kubeconfig=" + filepath.Join(s.cred, "kube-proxy.kubeconfig"),
		"--proxy-mode=iptables",
		"--cluster-cidr=" + c.clusterCIDR,
		"--hostname-override=" + c.nodeName,
		"--healthz-bind-address=127.0.0.1",
		"--metrics-bind-address=127.0.0.1:10249",
		"--conntrack-max-per-core=0",
		"--conntrack-tcp-timeout-established=0s",
		"--conntrack-tcp-timeout-close-wait=0s",
	}
	return append(args, componentArgs(c.proxyArgs)...)
}
