// Command k3s is a multicall binary that stands in for rancher/k3s on machines
// that cannot pull images or download k3s. It is built from upstream Kubernetes
// modules and dispatches on argv[0] (kubectl, ...) or on its first argument:
//
//	k3s server [k3s server flags]   server (see server.go)
//	k3s agent --server URL --token T [node flags]   joins a server (see agent.go)
//	k3s kubectl ...                 kubectl
//	k3s kube-apiserver|kube-controller-manager|kube-scheduler|kubelet|kube-proxy|etcd ...
//	                                the components, run as child processes by "server"
//	k3s crictl|ctr ...              exec the runtime tools shipped in the image
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	_ "time/tzdata"

	"k8s.io/component-base/cli"
	"k8s.io/component-base/logs"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	kubectlcmd "k8s.io/kubectl/pkg/cmd"
	kubectlutil "k8s.io/kubectl/pkg/cmd/util"
	apiserver "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	proxy "k8s.io/kubernetes/cmd/kube-proxy/app"
	scheduler "k8s.io/kubernetes/cmd/kube-scheduler/app"
	kubelet "k8s.io/kubernetes/cmd/kubelet/app"

	_ "k8s.io/client-go/plugin/pkg/client/auth"
)

// Set with -ldflags -X at build time.
var (
	k3sVersion = "v0.0.0+k3s1"
	k3sCommit  = "standin"
)

func main() {
	name := filepath.Base(os.Args[0])
	args := os.Args[1:]
	switch name {
	case "k3s", "k3s-standin", "main":
		if len(args) == 0 {
			usage()
			os.Exit(1)
		}
		name, args = args[0], args[1:]
	}
	os.Exit(dispatch(name, args))
}

func usage() {
	fmt.Fprintf(os.Stderr, `NAME:
   k3s - Kubernetes, but small and simple (Squeeze CI stand-in, upstream Kubernetes)

USAGE:
   k3s [global options] command [command options]

VERSION:
   %s (%s)

COMMANDS:
   server    Run management server (single node: etcd, control plane, containerd, kubelet)
   agent     Run node agent (containerd, kubelet, kube-proxy), joining a server with its token
   kubectl   Run kubectl
   crictl    Run crictl
   ctr       Run ctr
`, k3sVersion, k3sCommit)
}

func dispatch(name string, args []string) int {
	// Each component parses os.Args[1:] itself through cobra.
	os.Args = append([]string{name}, args...)
	switch name {
	case "--version", "-v", "version":
		fmt.Printf("k3s version %s (%s)\ngo version %s\n", k3sVersion, k3sCommit, runtime.Version())
		return 0
	case "--help", "-h", "help":
		usage()
		return 0
	case "server":
		return runServer(args)
	case "agent":
		return runAgent(args)
	case "kubectl":
		logs.GlogSetter(kubectlcmd.GetLogVerbosity(os.Args)) // nolint:errcheck
		if os.Getenv("KUBECONFIG") == "" {
			if _, err := os.Stat(defaultKubeconfig); err == nil && !hasFlag(args, "--kubeconfig") {
				os.Setenv("KUBECONFIG", defaultKubeconfig)
			}
		}
		command := kubectlcmd.NewDefaultKubectlCommand()
		if err := cli.RunNoErrOutput(command); err != nil {
			kubectlutil.CheckErr(err)
		}
		return 0
	case "kube-apiserver":
		return cli.Run(apiserver.NewAPIServerCommand())
	case "kube-controller-manager":
		return cli.Run(controllermanager.NewControllerManagerCommand())
	case "kube-scheduler":
		return cli.Run(scheduler.NewSchedulerCommand())
	case "kubelet":
		return cli.Run(kubelet.NewKubeletCommand(context.Background()))
	case "kube-proxy":
		return cli.Run(proxy.NewProxyCommand())
	case "etcd":
		return runEtcd(args)
	case "crictl", "ctr":
		return execTool(name, args)
	}
	fmt.Fprintf(os.Stderr, "k3s stand-in: unknown command %q\n", name)
	usage()
	return 1
}

func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag || len(a) > len(flag) && a[:len(flag)+1] == flag+"=" {
			return true
		}
	}
	return false
}

// execTool runs the real crictl/ctr shipped in the image, pointed at the
// stand-in's containerd socket (like k3s's own multicall does).
func execTool(name string, args []string) int {
	path := "/usr/local/libexec/k3s/" + name
	var extra []string
	switch name {
	case "ctr":
		if os.Getenv("CONTAINERD_ADDRESS") == "" {
			os.Setenv("CONTAINERD_ADDRESS", containerdSocket)
		}
		if os.Getenv("CONTAINERD_NAMESPACE") == "" {
			os.Setenv("CONTAINERD_NAMESPACE", "k8s.io")
		}
	case "crictl":
		if os.Getenv("CONTAINER_RUNTIME_ENDPOINT") == "" {
			os.Setenv("CONTAINER_RUNTIME_ENDPOINT", "unix://"+containerdSocket)
		}
		if os.Getenv("IMAGE_SERVICE_ENDPOINT") == "" {
			os.Setenv("IMAGE_SERVICE_ENDPOINT", "unix://"+containerdSocket)
		}
	}
	argv := append(append([]string{name}, extra...), args...)
	if err := syscall.Exec(path, argv, os.Environ()); err != nil {
		fmt.Fprintf(os.Stderr, "k3s stand-in: exec %s: %v\n", path, err)
	}
	return 127
}
