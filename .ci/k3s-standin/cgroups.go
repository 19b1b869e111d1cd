package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const cgroup2SuperMagic = 0x63677270

// cgroupV2 is k3s's `cgroups.Mode() == cgroups.Unified`: /sys/fs/cgroup itself is a cgroup2 mount.
func cgroupV2() bool {
	var st syscall.Statfs_t
	return syscall.Statfs("/sys/fs/cgroup", &st) == nil && st.Type == cgroup2SuperMagic
}

// checkCgroups does what k3s's CheckCgroups does (k3s-io/k3s pkg/cgroups/cgroups_linux.go) for the
// cgroup roots; agent_linux.go (kubeletArgsAndConfig) then puts kubeletRoot into the kubelet's
// KubeletCgroups (config drop-in) and runtimeRoot into --runtime-cgroups:
//   - started from a systemd `.scope` (v1: the name=systemd line, v2: the unified line of
//     /proc/self/cgroup): kubelet root /k3s;
//   - otherwise, PID 1 in a cgroup other than `/` or `/init.scope` (always, inside a container):
//     kubelet and runtime roots /k3s.
//
// The kubelet then moves its own process, which in k3s is the whole server, into that cgroup.
func checkCgroups(selfCgroup, pid1Cgroup string, v2 bool) (kubeletRoot, runtimeRoot string) {
	const root = "/k3s" // "/" + version.Program
	for _, line := range strings.Split(selfCgroup, "\n") {
		parts := strings.Split(line, ":")
		if len(parts) < 3 {
			continue
		}
		for _, ctrl := range strings.Split(parts[1], ",") {
			if ctrl == "name=systemd" || v2 {
				if i := strings.LastIndex(parts[len(parts)-1], ".scope"); i > 0 {
					kubeletRoot = root
				}
			}
		}
	}
	if kubeletRoot != "" {
		return kubeletRoot, ""
	}
	for _, line := range strings.Split(pid1Cgroup, "\n") {
		parts := strings.Split(line, ":")
		if len(parts) < 3 {
			continue
		}
		for _, ctrl := range strings.Split(parts[1], ",") {
			if ctrl == "name=systemd" || v2 {
				if last := parts[len(parts)-1]; last != "/" && last != "/init.scope" {
					kubeletRoot, runtimeRoot = root, root
				}
			}
		}
	}
	return kubeletRoot, runtimeRoot
}

// evacuateCgroup2 is k3s's EvacuateCgroup2 (k3s-io/k3s pkg/cli/cmds/init_linux.go, which calls
// rootlesskit's pkg/parent/cgrouputil.EvacuateCgroup2("init")): as PID 1 on cgroup v2, move every
// process of our cgroup into <cgroup>/init and enable every available controller in our cgroup's
// subtree_control, so that the kubelet can create kubepods next to /init (a cgroup with processes
// cannot delegate controllers: "no internal processes"). This is what makes a private cgroup
// namespace work for k3s in Docker (k3s issue 4085).
func evacuateCgroup2() error {
	if os.Getpid() != 1 || !cgroupV2() {
		return nil
	}
	data, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return err
	}
	group := ""
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "0::") {
			group = strings.TrimPrefix(l, "0::")
		}
	}
	if group == "" {
		return nil
	}
	oldPath := filepath.Join("/sys/fs/cgroup", group)
	newPath := filepath.Join(oldPath, "init")
	if err := os.MkdirAll(newPath, 0o755); err != nil {
		return err
	}
	procs, err := os.ReadFile(filepath.Join(oldPath, "cgroup.procs"))
	if err != nil {
		return err
	}
	for _, pid := range strings.Fields(string(procs)) {
		if pid == "0" {
			continue
		}
		if err := os.WriteFile(filepath.Join(newPath, "cgroup.procs"), []byte(pid), 0o644); err != nil {
			warnf("move process %s to cgroup %s/init: %v", pid, group, err)
		}
	}
	ctrls, err := os.ReadFile(filepath.Join(oldPath, "cgroup.controllers"))
	if err != nil {
		return err
	}
	for _, c := range strings.Fields(string(ctrls)) {
		if err := os.WriteFile(filepath.Join(oldPath, "cgroup.subtree_control"), []byte("+"+c), 0o644); err != nil {
			warnf("enable cgroup controller %q: %v", c, err)
		}
	}
	logf("Evacuated cgroup2 %s into %s/init (k3s EvacuateCgroup2)", group, strings.TrimSuffix(group, "/"))
	return nil
}

// cgroupDirs maps each hierarchy line of /proc/<pid>/cgroup to its directory under /sys/fs/cgroup.
func cgroupDirs(procCgroup string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(procCgroup, "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) < 3 {
			continue
		}
		var mount string
		switch {
		case parts[0] == "0" && parts[1] == "":
			if !cgroupV2() {
				continue // the hybrid unified hierarchy: not managed by the kubelet
			}
			mount = "/sys/fs/cgroup"
		default:
			mount = filepath.Join("/sys/fs/cgroup", strings.TrimPrefix(parts[1], "name="))
			if _, err := os.Stat(mount); err != nil {
				mount = filepath.Join("/sys/fs/cgroup", strings.TrimPrefix(strings.Split(parts[1], ",")[0], "name="))
			}
		}
		out[mount] = parts[2]
	}
	return out
}

// memoryCgroup returns the memory cgroup (v1) or the unified cgroup (v2) of a process.
func memoryCgroup(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/cgroup", pid))
	if err != nil {
		return ""
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	unified := ""
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) < 3 {
			continue
		}
		for _, c := range strings.Split(parts[1], ",") {
			if c == "memory" {
				return parts[2]
			}
		}
		if parts[0] == "0" {
			unified = parts[2]
		}
	}
	return unified
}

// followKubelet makes the stand-in's processes behave like k3s's single process: once the kubelet
// has moved itself into its kubelet-cgroups (k8s pkg/kubelet/cm/container_manager_linux.go,
// ensureProcessInContainerWithOOMScore), PID 1, the server and the control-plane components
// (in-process in k3s) follow it into the same cgroup in every hierarchy. containerd, which k3s
// starts as a child before the kubelet, stays where it is, as in k3s.
func (s *server) followKubelet(kubeletPid int, target string, pids func() []int) {
	deadline := time.Now().Add(5 * time.Minute)
	for memoryCgroup(kubeletPid) != target {
		if time.Now().After(deadline) {
			warnf("kubelet did not move into its kubelet-cgroups %s within 5m", target)
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/cgroup", kubeletPid))
	if err != nil {
		return
	}
	moved := map[int]bool{}
	for mount, path := range cgroupDirs(string(data)) {
		if path != target {
			continue
		}
		for _, pid := range pids() {
			if err := os.WriteFile(filepath.Join(mount, path, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644); err != nil {
				warnf("move process %d into %s%s: %v", pid, mount, path, err)
				continue
			}
			moved[pid] = true
		}
	}
	var list []int
	for p := range moved {
		list = append(list, p)
	}
	sort.Ints(list)
	logf("k3s server processes %v moved into kubelet-cgroups %s, with the kubelet (k3s runs them in one process)", list, target)
}
