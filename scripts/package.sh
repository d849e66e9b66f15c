#!/usr/bin/env bash
# Builds every installer, in release, into dist/: the Windows MSI (cross-built here with the
# MinGW toolchain and wixl, no Windows machine needed), the .deb and the .rpm, each named with
# the version, and SHA256SUMS. Nothing is downloaded apart from the Debian, Rust and npm
# packages. (AppImage is not built: its tools come from github.com, which is out of reach.)
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}" file gcc-mingw-w64-x86-64 wixl msitools rpm
check_toolchains
command -v rustup >/dev/null || die "rustup is needed to add the Windows target (https://rustup.rs)."
rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
build_ui

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml")"
[ -n "$version" ] || die "no version in Cargo.toml's [workspace.package]"
dist="$ROOT/dist"
rm -rf "$dist"
mkdir -p "$dist"
cd "$ROOT"

say "Linux: .deb and .rpm (release; the first build takes several minutes)"
ui/node_modules/.bin/tauri build --bundles deb,rpm --ci
cp "$CARGO_TARGET_DIR/release/bundle/deb/Zayava_${version}_amd64.deb" "$dist/zayava_${version}_amd64.deb"
cp "$CARGO_TARGET_DIR/release/bundle/rpm/Zayava-${version}-1.x86_64.rpm" "$dist/zayava-${version}-1.x86_64.rpm"

say "Windows: zayava-desktop.exe and zayava.exe (release, x86_64-pc-windows-gnu), then the MSI"
ui/node_modules/.bin/tauri build --target x86_64-pc-windows-gnu --no-bundle --ci
cargo build --release --target x86_64-pc-windows-gnu -p zayava-cli
windows="$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
for f in zayava-desktop.exe zayava.exe; do
  x86_64-w64-mingw32-strip -o "$stage/$f" "$windows/$f"
done
cp "$windows/WebView2Loader.dll" "$stage/"
# Code signing plugs in here: sign both .exe files, and then the MSI, with the organisation's
# certificate (osslsigncode sign -pkcs12 cert.pfx …) before checksums are taken.
bash packaging/windows/build-msi.sh "$stage" "$version" "$dist/zayava-${version}-x64.msi"

(cd "$dist" && sha256sum -- *.msi *.deb *.rpm > SHA256SUMS)
say "Installers in dist/"
ls -l "$dist"
