#!/usr/bin/env bash
# Installs, from Debian's packages, what the tests need beyond the Rust
# toolchain: Chromium and its WebDriver (browser tests), LibreOffice and
# poppler-utils (rendering and layout tests), PostgreSQL (storage tests) and
# the CJK fonts the rendered pages use. Does nothing when all are present.
set -euo pipefail
want=(chromium chromium-driver libreoffice-writer libreoffice-calc poppler-utils postgresql fonts-noto-cjk)
missing=()
for p in "${want[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "安装：${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
