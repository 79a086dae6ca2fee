#!/usr/bin/env bash
# Prepare an existing The Littlest JupyterHub (TLJH) server for scocourse. Run as root on the hub:
#
#   sudo bash deploy/tljh/setup.sh [REPO_URL] [REF]
#
# REPO_URL defaults to https://github.com/OWNER/scocourse (replace OWNER), REF to main; use a
# release tag to freeze the course for a term. Safe to run again (e.g. to update the package).
set -euo pipefail

REPO_URL="${1:-https://github.com/OWNER/scocourse}"
REF="${2:-main}"
USER_PYTHON=/opt/tljh/user/bin/python
HERE="$(cd "$(dirname "$0")" && pwd)"

if ! command -v tljh-config >/dev/null || [ ! -x "$USER_PYTHON" ]; then
  echo "this is not a TLJH server (no tljh-config or $USER_PYTHON)" >&2
  exit 1
fi

echo "== 1. the course package (with its data) and nbgitpuller, in the students' environment"
"$USER_PYTHON" -m pip install --no-cache-dir --upgrade "scocourse @ git+${REPO_URL}@${REF}" "nbgitpuller>=1.2"
"$USER_PYTHON" -c "import scocourse.datasets as d; d.load('countries'); print('scocourse imports and loads its data')"

echo "== 2. hub settings (the same values as deploy/tljh/config.yaml)"
tljh-config set user_environment.default_app jupyterlab
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300

echo "== 3. shut down kernels idle for 30 minutes inside each student's server"
install -D -m 644 "$HERE/scocourse-kernel-culling.json" \
  /opt/tljh/user/etc/jupyter/jupyter_server_config.d/scocourse-kernel-culling.json

tljh-config reload
echo "done. Give students the link printed by:"
echo "  python tools/nbgitpuller_link.py --hub https://YOUR-HUB --repo ${REPO_URL} --branch ${REF}"
