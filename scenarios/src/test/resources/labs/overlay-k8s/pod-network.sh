#!/bin/sh
# pod-network GATEWAY4 POD4 GATEWAY6 POD6: a Kubernetes node's pod network as the bridge CNI
# plugin leaves it: the cni0 bridge holding the pod subnet's gateway address, and one pod
# attached to it by a veth pair (the pod's end keeps its address in the node's namespace: the
# containers here cannot create namespaces of their own).
set -eu
ip link add cni0 type bridge
ip link add veth-pod type veth peer name pod0
ip link set veth-pod master cni0
ip addr add "$1" dev cni0
ip -6 addr add "$3" dev cni0 nodad
ip addr add "$2" dev pod0
ip -6 addr add "$4" dev pod0 nodad
for link in cni0 veth-pod pod0; do ip link set "$link" up; done
