#!/usr/bin/env bash
# The Kubernetes manifests' test (deploy/k8s/k8s.spec.ts) renders the overlays with `kubectl
# kustomize`; no cluster is needed. A clean machine gets Debian's kubernetes-client, whose kustomize
# (v2) the overlays are written for; a newer kubectl (kustomize v5) renders them the same.
set -euo pipefail
command -v kubectl >/dev/null && exit 0
[[ -n ${KUBECTL:-} && -x $KUBECTL ]] && exit 0
echo "installing kubernetes-client (kubectl) for the Kubernetes manifests' test" >&2
SUDO=$([[ $(id -u) -eq 0 ]] || echo sudo)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq kubernetes-client >/dev/null
