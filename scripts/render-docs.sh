#!/usr/bin/env bash
# Renders every sample document with LibreOffice so a person can look at it:
# generates each template from samples/data/<id>.yaml (.docx, and .xlsx for
# forms), converts to PDF, and the first page to PNG.
#
#   scripts/render-docs.sh            # output in target/render/
#   OUT=/tmp/r scripts/render-docs.sh
#   UPDATE_IMAGES=1 scripts/render-docs.sh   # also refresh docs/img/<id>.png
#
# Installs LibreOffice Writer/Calc, Noto CJK fonts and poppler-utils with
# apt-get when they are missing (Debian/Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-target/render}
DPI=${DPI:-60}

have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }
missing=()
for p in libreoffice-writer libreoffice-calc fonts-noto-cjk poppler-utils; do
  have_pkg "$p" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "安装：${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi

if [ -z "${JICAI:-}" ]; then
  cargo build --quiet
  JICAI="${CARGO_TARGET_DIR:-target}/debug/jicai"
fi

mkdir -p "$OUT"
# LibreOffice needs a writable profile; keep it out of $HOME.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

# The documents name the fonts of Chinese offices (仿宋, 宋体, 楷体, 黑体);
# map them to the Noto CJK faces of the same kind so the preview looks like
# the printed page (serif for 宋/仿宋/楷, sans for 黑体).
cat >"$PROFILE/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$PROFILE/fonts.conf"

render() { # a.docx → a.docx.pdf + a.docx.png (page 1)
  local file=$1 tmp
  tmp=$(mktemp -d)
  soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf \
    --outdir "$tmp" "$file" >/dev/null 2>&1
  mv "$tmp"/*.pdf "$file.pdf"
  rmdir "$tmp"
  pdftoppm -png -r "$DPI" -f 1 -l 1 -singlefile "$file.pdf" "$file"
  echo "  $file.pdf  $file.png"
}

for data in samples/data/*.yaml; do
  id=$(basename "$data" .yaml)
  # A sample may name extra arguments on a line "# 参数: …" (e.g. --province).
  args=$(sed -n 's/^# 参数: *//p' "$data" | head -n 1)
  default=$("$JICAI" templates show "$id" | sed -n 's/.*（默认 \.\([a-z]*\)）.*/\1/p')
  formats=docx
  [ "$default" = xlsx ] && formats="xlsx docx"
  for f in $formats; do
    out="$OUT/$id.$f"
    # shellcheck disable=SC2086
    "$JICAI" generate "$id" --data "$data" --out "$out" --force --as-of 2025-08-01 $args >/dev/null
    render "$out"
  done
  if [ -n "${UPDATE_IMAGES:-}" ]; then
    mkdir -p docs/img
    cp "$OUT/$id.${default:-docx}.png" "docs/img/$id.png"
  fi
done
