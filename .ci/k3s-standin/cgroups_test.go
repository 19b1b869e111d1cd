package main

import (
	"reflect"
	"testing"
)

// Fixtures: /proc/<pid>/cgroup as seen in a Docker container on this project's CI (cgroup v1
// hybrid, cgroupfs driver, --cgroupns=host) and on a cgroup v2 host after EvacuateCgroup2.
const (
	v1InContainer = "9:name=systemd:/squeeze-ab12c/e3e6ac34\n4:memory:/squeeze-ab12c/e3e6ac34\n0::/squeeze-ab12c/e3e6ac34\n"
	v1Service     = "9:name=systemd:/system.slice/k3s.service\n4:memory:/system.slice/k3s.service\n"
	v1HostInit    = "9:name=systemd:/init.scope\n4:memory:/\n0::/init.scope\n"
	v1UserScope   = "9:name=systemd:/user.slice/user-1000.slice/session-3.scope\n4:memory:/user.slice\n"
	v2Evacuated   = "0::/init\n"
	v2HostRoot    = "0::/\n"
)

func TestCheckCgroups(t *testing.T) {
	for _, tc := range []struct {
		name, self, pid1         string
		v2                       bool
		wantKubelet, wantRuntime string
	}{
		{"v1 in a container: PID 1 outside /", v1InContainer, v1InContainer, false, "/k3s", "/k3s"},
		{"v1 systemd service on a host: PID 1 in /init.scope", v1Service, v1HostInit, false, "", ""},
		{"v1 from a systemd scope: kubelet root only", v1UserScope, v1HostInit, false, "/k3s", ""},
		{"v2 in a container after EvacuateCgroup2", v2Evacuated, v2Evacuated, true, "/k3s", "/k3s"},
		{"v2 at the root", v2HostRoot, v2HostRoot, true, "", ""},
	} {
		k, r := checkCgroups(tc.self, tc.pid1, tc.v2)
		if k != tc.wantKubelet || r != tc.wantRuntime {
			t.Errorf("%s: got kubelet %q runtime %q, want %q %q", tc.name, k, r, tc.wantKubelet, tc.wantRuntime)
		}
	}
}

func TestGetArgsKubeletArgWins(t *testing.T) {
	got := getArgs(map[string]string{"runtime-cgroups": "/k3s", "node-labels": "a=b", "read-only-port": "0"},
		[]string{"runtime-cgroups=/squeeze-x/k3s", "node-labels+=c=d", "max-pods=20", "max-pods=30"})
	want := []string{"--max-pods=20", "--max-pods=30", "--node-labels=a=b", "--node-labels=c=d",
		"--read-only-port=0", "--runtime-cgroups=/squeeze-x/k3s"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if v := argValue(got, "runtime-cgroups", "/k3s"); v != "/squeeze-x/k3s" {
		t.Errorf("argValue: %q", v)
	}
}
