#!/usr/bin/env bash
# `pnpm check:packages`: build every published package, pack it as npm would, and check the tarball with publint
# (package.json, exports, files), check it carries README.md, LICENSE and CHANGELOG.md, and check it with
# @arethetypeswrong/cli (types resolve for ESM consumers under node16 and bundlers).
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm build >/dev/null
packs=$(mktemp -d)
trap 'rm -rf "$packs"' EXIT
for package in core react widget mock-server cli server; do
  (cd "packages/$package" && pnpm exec publint --strict && pnpm pack --pack-destination "$packs" >/dev/null)
done
# A React Server Component may import the client entries only when their first statement is "use client" (the
# library build adds it; a bundler drops directives from source modules). Core and the server package stay free of
# it: they run on servers.
for entry in react widget; do
  head -n 1 "packages/$entry/dist/index.js" | grep -qx '"use client";' ||
    { echo "check:packages: packages/$entry/dist/index.js does not start with \"use client\"" >&2; exit 1; }
done
for entry in core server; do
  ! grep -q '^"use client"' "packages/$entry/dist/index.js" ||
    { echo "check:packages: packages/$entry/dist/index.js is marked \"use client\"" >&2; exit 1; }
done
# The script build is one self-contained file: a lazy chunk beside it would break every page that copies web.js alone.
extra=$(cd packages/widget/dist && ls *.js | grep -vx -e index.js -e web.js || true)
[ -z "$extra" ] || { echo "check:packages: the widget's dist has scripts besides index.js and web.js: $extra" >&2; exit 1; }
for tarball in "$packs"/*.tgz; do
  # What a reader of the package on npm looks for: its README, licence and changelog.
  listing=$(tar -tzf "$tarball")
  for file in README.md LICENSE CHANGELOG.md; do
    grep -qx "package/$file" <<<"$listing" || { echo "check:packages: $(basename "$tarball") has no $file" >&2; exit 1; }
  done
  # CSS and the self-contained script are not type entry points.
  pnpm exec attw "$tarball" --profile esm-only --exclude-entrypoints styles.css web.js --format table-flipped
done
echo "check:packages: 6 packages passed publint, the \"use client\" check, the README/LICENSE/CHANGELOG check and attw"
