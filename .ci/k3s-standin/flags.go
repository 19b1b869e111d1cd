package main

import (
	"fmt"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

// serverConfig holds the subset of `k3s server` options the stand-in honours.
type serverConfig struct {
	dataDir        string
	kubeconfigOut  string
	kubeconfigMode string
	tlsSANs        []string
	disable        map[string]bool
	nodeName       string
	nodeIP         string
	clusterCIDR    string
	serviceCIDR    string
	clusterDNS     string
	clusterDomain  string
	httpsPort      string
	pauseImage     string
	nodeLabels     []string
	nodeTaints     []string
	disableProxy   bool
	disableSched   bool

	kubeletArgs    []string
	apiserverArgs  []string
	controllerArgs []string
	schedulerArgs  []string
	proxyArgs      []string
	etcdArgs       []string
}

// k3s server flags that take a value; list-valued ones accumulate.
var valueFlags = map[string]string{
	"data-dir": "dataDir", "d": "dataDir",
	"write-kubeconfig": "kubeconfigOut", "o": "kubeconfigOut",
	"write-kubeconfig-mode": "kubeconfigMode",
	"tls-san":               "tlsSANs",
	"disable":               "disable", "no-deploy": "disable",
	"node-name": "nodeName",
	"node-ip":   "nodeIP", "i": "nodeIP",
	"cluster-cidr":                "clusterCIDR",
	"service-cidr":                "serviceCIDR",
	"cluster-dns":                 "clusterDNS",
	"cluster-domain":              "clusterDomain",
	"https-listen-port":           "httpsPort",
	"pause-image":                 "pauseImage",
	"node-label":                  "nodeLabels",
	"node-taint":                  "nodeTaints",
	"kubelet-arg":                 "kubeletArgs",
	"kube-apiserver-arg":          "apiserverArgs",
	"kube-controller-manager-arg": "controllerArgs", "kube-controller-arg": "controllerArgs",
	"kube-scheduler-arg": "schedulerArgs",
	"kube-proxy-arg":     "proxyArgs",
	"etcd-arg":           "etcdArgs",
	"config":             "config", "c": "config",
}

// accepted for compatibility, without effect in the stand-in
var ignoredValueFlags = map[string]bool{
	"token": true, "t": true, "agent-token": true, "token-file": true, "flannel-backend": true,
	"snapshotter": true, "default-local-storage-path": true, "service-node-port-range": true,
	"log": true, "l": true, "v": true, "vmodule": true, "system-default-registry": true,
	"private-registry": true, "container-runtime-endpoint": true, "egress-selector-mode": true,
	"advertise-address": true, "advertise-port": true, "bind-address": true, "node-external-ip": true,
	"kube-cloud-controller-manager-arg": true, "kube-cloud-controller-arg": true, "flannel-iface": true,
	"flannel-conf": true, "flannel-backend-opts": true, "server": true, "s": true, "datastore-endpoint": true,
	"cluster-reset-restore-path": true, "etcd-snapshot-schedule-cron": true, "etcd-snapshot-retention": true,
	"helm-job-image": true, "kubelet-path": true, "resolv-conf": true, "image-credential-provider-bin-dir": true,
	"image-credential-provider-config": true, "airgap-extra-registry": true, "lb-server-port": true,
	"write-kubeconfig-group": true, "servicelb-namespace": true, "tls-cipher-suites": true,
}

var boolFlags = map[string]bool{
	"disable-kube-proxy": true, "disable-scheduler": true, "disable-network-policy": true,
	"disable-cloud-controller": true, "disable-helm-controller": true, "disable-apiserver": true,
	"disable-controller-manager": true, "disable-etcd": true, "disable-agent": true, "cluster-init": true,
	"prefer-bundled-bin": true, "debug": true, "docker": true, "rootless": true, "selinux": true,
	"protect-kernel-defaults": true, "secrets-encryption": true, "embedded-registry": true,
	"flannel-ipv6-masq": true, "flannel-external-ip": true, "etcd-disable-snapshots": true,
	"etcd-expose-metrics": true, "supervisor-metrics": true, "disable-default-registry-endpoint": true,
	"enable-pprof": true, "disable-agent-pprof": true, "alsologtostderr": true,
}

func defaultConfig() *serverConfig {
	return &serverConfig{
		dataDir:       "/var/lib/rancher/k3s",
		kubeconfigOut: defaultKubeconfig,
		disable:       map[string]bool{},
		clusterCIDR:   "10.42.0.0/16",
		serviceCIDR:   "10.43.0.0/16",
		clusterDNS:    "10.43.0.10",
		clusterDomain: "cluster.local",
		httpsPort:     "6443",
		pauseImage:    "rancher/mirrored-pause:3.6",
	}
}

func (c *serverConfig) set(name, value string) error {
	field, ok := valueFlags[name]
	if !ok {
		if ignoredValueFlags[name] {
			warnf("flag --%s is accepted but has no effect in the stand-in", name)
			return nil
		}
		return fmt.Errorf("unknown flag --%s", name)
	}
	switch field {
	case "dataDir":
		c.dataDir = value
	case "kubeconfigOut":
		c.kubeconfigOut = value
	case "kubeconfigMode":
		c.kubeconfigMode = value
	case "tlsSANs":
		c.tlsSANs = append(c.tlsSANs, splitList(value)...)
	case "disable":
		for _, d := range splitList(value) {
			c.disable[d] = true
		}
	case "nodeName":
		c.nodeName = value
	case "nodeIP":
		c.nodeIP = splitList(value)[0]
	case "clusterCIDR":
		c.clusterCIDR = splitList(value)[0]
	case "serviceCIDR":
		c.serviceCIDR = splitList(value)[0]
	case "clusterDNS":
		c.clusterDNS = splitList(value)[0]
	case "clusterDomain":
		c.clusterDomain = value
	case "httpsPort":
		c.httpsPort = value
	case "pauseImage":
		c.pauseImage = value
	case "nodeLabels":
		c.nodeLabels = append(c.nodeLabels, value)
	case "nodeTaints":
		c.nodeTaints = append(c.nodeTaints, value)
	case "kubeletArgs":
		c.kubeletArgs = append(c.kubeletArgs, value)
	case "apiserverArgs":
		c.apiserverArgs = append(c.apiserverArgs, value)
	case "controllerArgs":
		c.controllerArgs = append(c.controllerArgs, value)
	case "schedulerArgs":
		c.schedulerArgs = append(c.schedulerArgs, value)
	case "proxyArgs":
		c.proxyArgs = append(c.proxyArgs, value)
	case "etcdArgs":
		c.etcdArgs = append(c.etcdArgs, value)
	case "config":
		return c.loadConfigFile(value)
	}
	return nil
}

func (c *serverConfig) setBool(name string) {
	switch name {
	case "disable-kube-proxy":
		c.disableProxy = true
	case "disable-scheduler":
		c.disableSched = true
	default:
		if !boolFlags[name] {
			warnf("unknown flag --%s ignored", name)
		} else {
			warnf("flag --%s is accepted but has no effect in the stand-in", name)
		}
	}
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// parseServerArgs reads /etc/rancher/k3s/config.yaml (if present), K3S_* variables, then flags.
func parseServerArgs(args []string) (*serverConfig, error) {
	c := defaultConfig()
	configFile := "/etc/rancher/k3s/config.yaml"
	for i, a := range args {
		if a == "--config" || a == "-c" {
			if i+1 < len(args) {
				configFile = args[i+1]
			}
		} else if strings.HasPrefix(a, "--config=") {
			configFile = strings.TrimPrefix(a, "--config=")
		}
	}
	if _, err := os.Stat(configFile); err == nil {
		if err := c.loadConfigFile(configFile); err != nil {
			return nil, err
		}
	}
	if v := os.Getenv("K3S_NODE_NAME"); v != "" {
		c.nodeName = v
	}
	if v := os.Getenv("K3S_KUBECONFIG_OUTPUT"); v != "" {
		c.kubeconfigOut = v
	}
	if v := os.Getenv("K3S_KUBECONFIG_MODE"); v != "" {
		c.kubeconfigMode = v
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return nil, fmt.Errorf("unexpected argument %q", a)
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name, value, hasValue = name[:eq], name[eq+1:], true
		}
		if name == "config" || name == "c" {
			if !hasValue {
				i++
			}
			continue
		}
		_, isValue := valueFlags[name]
		if isValue || ignoredValueFlags[name] {
			if !hasValue {
				if i+1 >= len(args) {
					return nil, fmt.Errorf("flag --%s needs a value", name)
				}
				i++
				value = args[i]
			}
			if err := c.set(name, value); err != nil {
				return nil, err
			}
			continue
		}
		if hasValue && (value == "false" || value == "0") {
			continue
		}
		c.setBool(name)
	}
	return c, nil
}

func (c *serverConfig) loadConfigFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m := map[string]interface{}{}
	if err := yaml.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for k, v := range m {
		switch t := v.(type) {
		case []interface{}:
			for _, e := range t {
				if err := c.set(k, fmt.Sprint(e)); err != nil {
					warnf("%s: %v", path, err)
				}
			}
		case bool:
			if t {
				c.setBool(k)
			}
		default:
			if err := c.set(k, fmt.Sprint(t)); err != nil {
				warnf("%s: %v", path, err)
			}
		}
	}
	return nil
}

// componentArgs turns k3s-style "key=value" entries into "--key=value" flags.
func componentArgs(entries []string) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		e = strings.TrimLeft(e, "-")
		out = append(out, "--"+e)
	}
	return out
}
