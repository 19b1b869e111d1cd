package main

import (
	"context"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	certificatesv1 "k8s.io/api/certificates/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/util/certificate/csr"
)

// agentJoin is what `k3s agent` needs on top of the server's node options.
type agentJoin struct {
	serverURL string
	token     string
}

// parseAgentArgs takes --server/-s and --token/-t/--token-file (or K3S_URL, K3S_TOKEN, K3S_TOKEN_FILE) out of
// args and parses the rest like the server's node options (--node-name, --kubelet-arg, --node-label, ...).
func parseAgentArgs(args []string) (*serverConfig, *agentJoin, error) {
	j := &agentJoin{serverURL: os.Getenv("K3S_URL"), token: os.Getenv("K3S_TOKEN")}
	tokenFile := os.Getenv("K3S_TOKEN_FILE")
	var rest []string
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.TrimLeft(args[i], "-"), "", false
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name, value, hasValue = name[:eq], name[eq+1:], true
		}
		switch name {
		case "server", "s", "token", "t", "token-file":
			if !hasValue {
				if i+1 >= len(args) {
					return nil, nil, fmt.Errorf("flag --%s needs a value", name)
				}
				i++
				value = args[i]
			}
			switch name {
			case "server", "s":
				j.serverURL = value
			case "token", "t":
				j.token = value
			default:
				tokenFile = value
			}
		default:
			rest = append(rest, args[i])
		}
	}
	if j.token == "" && tokenFile != "" {
		data, err := os.ReadFile(tokenFile)
		if err != nil {
			return nil, nil, err
		}
		j.token = strings.TrimSpace(string(data))
	}
	if j.serverURL == "" || j.token == "" {
		return nil, nil, fmt.Errorf("k3s agent needs --server https://<server>:6443 and --token (the server's %s)",
			"/var/lib/rancher/k3s/server/node-token")
	}
	cfg, err := parseServerArgs(rest)
	if err != nil {
		return nil, nil, err
	}
	return cfg, j, nil
}

// runAgent joins a server like `k3s agent`: containerd, kubelet and kube-proxy, with client certificates
// obtained with the join token through the CSR API.
func runAgent(args []string) int {
	if os.Getpid() == 1 && os.Getenv(childEnv) == "" {
		return runInit("agent", args)
	}
	cfg, join, err := parseAgentArgs(args)
	if err != nil {
		return fatalf("%v", err)
	}
	self, err := os.Executable()
	if err != nil {
		return fatalf("%v", err)
	}
	agentDir := filepath.Join(cfg.dataDir, "agent")
	s := &server{cfg: cfg, self: self, failed: make(chan string, 16), agentDir: agentDir,
		tls: filepath.Join(agentDir, "tls"), cred: filepath.Join(agentDir, "cred")}
	ctx, cancel := signalContext(s)
	defer cancel()
	err = s.runAgent(ctx, join)
	s.stopAll()
	if err != nil {
		return fatalf("%v", err)
	}
	return 0
}

func (s *server) runAgent(ctx context.Context, join *agentJoin) error {
	start := time.Now()
	c := s.cfg
	logf("Starting k3s stand-in agent %s (upstream Kubernetes), joining %s", k3sVersion, join.serverURL)
	if c.nodeName == "" {
		h, _ := os.Hostname()
		c.nodeName = strings.ToLower(h)
	}
	s.nodeIP = c.nodeIP
	if s.nodeIP == "" {
		s.nodeIP = defaultRouteIP()
	}
	for _, d := range []string{s.tls, s.cred, filepath.Join(s.agentDir, "images"), filepath.Join(s.agentDir, "pod-manifests"),
		filepath.Join(s.agentDir, "etc", "cni", "net.d"), "/run/k3s/containerd", "/var/lib/kubelet", "/var/log/pods"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := mountShared(); err != nil {
		warnf("mount --make-rshared /: %v", err)
	}
	client, err := s.joinCluster(ctx, join)
	if err != nil {
		return fmt.Errorf("join %s: %w", join.serverURL, err)
	}
	if err := s.writeRuntimeConfig(); err != nil {
		return err
	}
	// the bridge's subnet is the node's podCIDR, known once the node is registered
	cniFile := filepath.Join(s.agentDir, "etc", "cni", "net.d", "10-bridge.conflist")
	_ = os.Remove(cniFile)
	if err := s.start(ctx, "containerd", "/usr/bin/containerd", "--config", filepath.Join(s.agentDir, "etc", "containerd", "config.toml")); err != nil {
		return err
	}
	if err := waitFor(ctx, 60*time.Second, func() bool { _, err := os.Stat(containerdSocket); return err == nil }); err != nil {
		return fmt.Errorf("containerd socket: %w", err)
	}
	if err := s.importImages(ctx); err != nil {
		warnf("image import: %v", err)
	}
	kubeletArgs, err := s.kubeletArgs()
	if err != nil {
		return err
	}
	if err := s.start(ctx, "kubelet", s.self, append([]string{"kubelet"}, kubeletArgs...)...); err != nil {
		return err
	}
	if !c.disableProxy {
		if err := s.start(ctx, "kube-proxy", s.self, append([]string{"kube-proxy"}, s.proxyArgs()...)...); err != nil {
			return err
		}
	}
	var podCIDR string
	if err := waitFor(ctx, 180*time.Second, func() bool {
		n, err := client.CoreV1().Nodes().Get(ctx, c.nodeName, metav1.GetOptions{})
		if err != nil || n.Spec.PodCIDR == "" {
			return false
		}
		podCIDR = n.Spec.PodCIDR
		return true
	}); err != nil {
		return fmt.Errorf("node %s got no podCIDR: %w", c.nodeName, err)
	}
	if err := writeFileAtomic(cniFile, []byte(bridgeConflist(podCIDR)), 0o644); err != nil {
		return err
	}
	logf("Pod network %s on bridge cni0", podCIDR)
	go syncPodRoutes(ctx, client, c.nodeName)
	if err := waitFor(ctx, 300*time.Second, func() bool {
		n, err := client.CoreV1().Nodes().Get(ctx, c.nodeName, metav1.GetOptions{})
		return err == nil && nodeReady(n)
	}); err != nil {
		return fmt.Errorf("node %s not Ready: %w", c.nodeName, err)
	}
	logf("Node %s Ready after %.1fs", c.nodeName, time.Since(start).Seconds())
	<-ctx.Done()
	return nil
}

func nodeReady(n *corev1.Node) bool {
	for _, cond := range n.Status.Conditions {
		if cond.Type == corev1.NodeReady && cond.Status == corev1.ConditionTrue {
			return true
		}
	}
	return false
}

// joinCluster verifies the server's CA against the token's hash, then obtains the kubelet's and kube-proxy's
// client certificates through the CSR API (approved with the token's rights), and writes their kubeconfigs.
// It returns a client with kube-proxy's identity (system:node-proxier may list and watch nodes).
func (s *server) joinCluster(ctx context.Context, join *agentJoin) (kubernetes.Interface, error) {
	caHash, password, err := parseJoinToken(join.token)
	if err != nil {
		return nil, err
	}
	caPEM, err := fetchServerCA(ctx, join.serverURL, password)
	if err != nil {
		return nil, err
	}
	if caHash != "" && caHash != sha256Hex(caPEM) {
		return nil, fmt.Errorf("the server's CA has hash %s, the token expects %s: wrong server or token", sha256Hex(caPEM), caHash)
	}
	if err := writeFileAtomic(filepath.Join(s.tls, "server-ca.crt"), caPEM, 0o644); err != nil {
		return nil, err
	}
	boot := &rest.Config{Host: join.serverURL, BearerToken: password, Timeout: 10 * time.Second,
		TLSClientConfig: rest.TLSClientConfig{CAData: caPEM}}
	bootClient, err := kubernetes.NewForConfig(boot)
	if err != nil {
		return nil, err
	}
	c := s.cfg
	identities := []struct{ file, cn, org, signer string }{
		{"kubelet", "system:node:" + c.nodeName, "system:nodes", certificatesv1.KubeAPIServerClientKubeletSignerName},
		{"kube-proxy", "system:kube-proxy", "", certificatesv1.KubeAPIServerClientSignerName},
	}
	var proxyCfg *rest.Config
	for _, id := range identities {
		certPEM, keyPEM, err := requestClientCert(ctx, bootClient, c.nodeName+"-"+id.file, id.cn, id.org, id.signer)
		if err != nil {
			return nil, fmt.Errorf("client certificate for %s: %w", id.cn, err)
		}
		ca := &keyPair{certPEM: caPEM}
		kp := &keyPair{certPEM: certPEM, keyPEM: keyPEM}
		if err := writeFileAtomic(filepath.Join(s.cred, id.file+".kubeconfig"), kubeconfig(join.serverURL, ca, kp), 0o600); err != nil {
			return nil, err
		}
		if id.file == "kube-proxy" {
			proxyCfg = &rest.Config{Host: join.serverURL, Timeout: 10 * time.Second,
				TLSClientConfig: rest.TLSClientConfig{CAData: caPEM, CertData: certPEM, KeyData: keyPEM}}
		}
	}
	// The kubelet serves its API (logs, exec, /configz, /stats) with a certificate of its own; the API server
	// does not verify it (no --kubelet-certificate-authority), as with k3s's self-signed kubelet certs.
	servingCA, err := ensureCA(filepath.Join(s.tls, "kubelet-serving-ca"))
	if err != nil {
		return nil, err
	}
	if _, err := issue(servingCA, s.tls, "serving-kubelet", c.nodeName, nil, false, true,
		[]string{c.nodeName, "localhost"}, ipList("127.0.0.1", s.nodeIP)); err != nil {
		return nil, err
	}
	logf("Joined %s: client certificates for system:node:%s and system:kube-proxy", join.serverURL, c.nodeName)
	return kubernetes.NewForConfig(proxyCfg)
}

// parseJoinToken accepts k3s's secure format K10<sha256 of the CA bundle>::<user>:<password> or a bare password.
func parseJoinToken(token string) (caHash, password string, err error) {
	if !strings.HasPrefix(token, "K10") {
		return "", token, nil
	}
	parts := strings.SplitN(token[3:], "::", 2)
	if len(parts) != 2 {
		return "", "", fmt.Errorf("token %q...: expected K10<ca-hash>::<user>:<password>", token[:min(len(token), 12)])
	}
	cred := parts[1]
	if i := strings.IndexByte(cred, ':'); i >= 0 {
		cred = cred[i+1:]
	}
	return parts[0], cred, nil
}

// fetchServerCA reads the cluster CA published in kube-system (kube-root-ca.crt); the connection is not yet
// verified, which is why the token pins the CA's hash.
func fetchServerCA(ctx context.Context, serverURL, password string) ([]byte, error) {
	insecure := &rest.Config{Host: serverURL, BearerToken: password, Timeout: 10 * time.Second,
		TLSClientConfig: rest.TLSClientConfig{Insecure: true}}
	client, err := kubernetes.NewForConfig(insecure)
	if err != nil {
		return nil, err
	}
	var ca []byte
	var last error
	if err := waitFor(ctx, 300*time.Second, func() bool {
		cm, err := client.CoreV1().ConfigMaps("kube-system").Get(ctx, "kube-root-ca.crt", metav1.GetOptions{})
		if err != nil {
			last = err
			return false
		}
		ca = []byte(cm.Data["ca.crt"])
		return len(ca) > 0
	}); err != nil {
		return nil, fmt.Errorf("server CA (configmap kube-system/kube-root-ca.crt): %w (last error: %v)", err, last)
	}
	return ca, nil
}

// requestClientCert creates a CSR, approves it (the join token's rights) and waits for the signed certificate.
func requestClientCert(ctx context.Context, client kubernetes.Interface, name, cn, org, signer string) ([]byte, []byte, error) {
	key, keyPEM, err := newKey()
	if err != nil {
		return nil, nil, err
	}
	subject := &pkix.Name{CommonName: cn}
	if org != "" {
		subject.Organization = []string{org}
	}
	der, err := x509.CreateCertificateRequest(nil, &x509.CertificateRequest{Subject: *subject}, key)
	if err != nil {
		return nil, nil, err
	}
	csrPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})
	_ = client.CertificatesV1().CertificateSigningRequests().Delete(ctx, name, metav1.DeleteOptions{})
	usages := []certificatesv1.KeyUsage{certificatesv1.UsageDigitalSignature, certificatesv1.UsageClientAuth}
	if signer == certificatesv1.KubeAPIServerClientKubeletSignerName {
		usages = append(usages, certificatesv1.UsageKeyEncipherment)
	}
	name, uid, err := csr.RequestCertificate(client, csrPEM, name, signer, nil, usages, key)
	if err != nil {
		return nil, nil, err
	}
	req, err := client.CertificatesV1().CertificateSigningRequests().Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, nil, err
	}
	req.Status.Conditions = append(req.Status.Conditions, certificatesv1.CertificateSigningRequestCondition{
		Type: certificatesv1.CertificateApproved, Status: corev1.ConditionTrue, Reason: "K3sAgentJoin",
		Message: "approved by the k3s stand-in agent with the node token", LastUpdateTime: metav1.Now()})
	if _, err := client.CertificatesV1().CertificateSigningRequests().UpdateApproval(ctx, name, req, metav1.UpdateOptions{}); err != nil {
		return nil, nil, fmt.Errorf("approve CSR %s: %w", name, err)
	}
	wctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	certPEM, err := csr.WaitForCertificate(wctx, client, name, uid)
	if err != nil {
		return nil, nil, fmt.Errorf("CSR %s not signed (is kube-controller-manager's csrsigning running?): %w", name, err)
	}
	return certPEM, keyPEM, nil
}
