#!/usr/bin/env bash
# The Debian package for domestic Linux desktops (统信UOS, 麒麟, Debian, deepin …):
#   scripts/build_deb.sh          -> dist/gipr-desktop_<version>_<arch>.deb
# It packs the one-folder bundle (built first by scripts/build_linux_bundle.sh if dist/ lacks it)
# under /opt/gipr-desktop, links gipr-desktop (the window) and gipr (the command line) into
# /usr/bin, and installs the desktop entry with the Chinese name and the icon, and the .gipr MIME
# type with its icon, opened by the program on a double-click (the desktop's triggers update the
# MIME and icon caches: no maintainer scripts). Depends: lists the system libraries Qt needs that
# the bundle does not carry, from gipr_desktop/platform_check.py (the list the program checks at
# start), and the C library the bundle's binaries need (read from them).
# Then lintian (if installed) checks the package; its errors fail the build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x dist/gipr-desktop/gipr-desktop ] || bash scripts/build_linux_bundle.sh

name=gipr-desktop
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' gipr_desktop/__init__.py)
arch=$(dpkg --print-architecture)
maintainer=${DEB_MAINTAINER:-"gipr-desktop maintainers <maintainers@gipr-desktop.invalid>"}  # set it for a release
root=build/deb/$name
out=dist/${name}_${version}_${arch}.deb
rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin"

cp -a dist/gipr-desktop "$root/opt/$name"
# the bundled interpreter's libraries name the build host's Python folder as RUNPATH: drop that
command -v patchelf >/dev/null || { echo "scripts/build_deb.sh needs patchelf: apt-get install patchelf" >&2; exit 1; }
find "$root/opt" -type f -name '*.so*' | while read -r library; do
  case "$(patchelf --print-rpath "$library" 2>/dev/null)" in /*) patchelf --remove-rpath "$library" ;; esac
done
ln -s "/opt/$name/gipr-desktop" "$root/usr/bin/gipr-desktop"
ln -s "/opt/$name/gipr-desktop" "$root/usr/bin/gipr"  # the bundle is the command line under this name
install -D -m 644 installer/linux/gipr-desktop.desktop "$root/usr/share/applications/$name.desktop"
install -D -m 644 installer/linux/gipr-desktop-mime.xml "$root/usr/share/mime/packages/$name.xml"
install -D -m 644 resources/icon.png "$root/usr/share/icons/hicolor/256x256/apps/$name.png"
install -D -m 644 resources/icon.png "$root/usr/share/icons/hicolor/256x256/mimetypes/application-x-gipr.png"
install -D -m 644 installer/linux/lintian-overrides "$root/usr/share/lintian/overrides/$name"
doc=$root/usr/share/doc/$name
install -D -m 644 installer/linux/copyright "$doc/copyright"
printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' \
  "$name" "$version" "$version" "$maintainer" "$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")" \
  | gzip -9n > "$doc/changelog.gz"
chmod -R u=rwX,go=rX "$root"
find "$root/opt" -type f -name '*.so*' -exec chmod 644 {} +
chmod 755 "$root/opt/$name/$name"
find "$root/opt" -type f -name '*.so*' -exec strip --strip-unneeded {} + 2>/dev/null || true

# the newest GLIBC_x.y any binary of the bundle asks for
glibc=$(find "$root/opt" -type f \( -name '*.so*' -o -name "$name" \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2,2n -u | tail -1 | sed 's/GLIBC_//')
libraries=$(PYTHONPATH=. python3 -c 'from gipr_desktop.platform_check import QT_GUI_LIBRARIES, XCB_LIBRARIES
print(", ".join(sorted(set(QT_GUI_LIBRARIES.values()) | set(XCB_LIBRARIES.values()))))')

cat > "$root/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6 (>= $glibc), $libraries
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme
Section: misc
Priority: optional
Description: prepare and check the annual report on government information disclosure
 政府信息公开工作年度报告: fill in this year's tables and texts (or start
 from last year's report), see at once where totals do not add up, and
 export the files to hand in (.xlsx, .docx, .txt, .html). Reads published
 reports from Word, PDF, text and web pages. Everything it shows is in
 Chinese; the program needs no network and no administrator.
EOF

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "package $out: $(du -h "$out" | cut -f1); Depends: libc6 (>= $glibc), $libraries"
if command -v lintian >/dev/null; then
  lintian --fail-on error --suppress-tags-from-file /dev/null "$out"
  echo "lintian: no errors"
fi
