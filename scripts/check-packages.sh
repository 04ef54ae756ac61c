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
for tarball in "$packs"/*.tgz; do
  # What a reader of the package on npm looks for: its README, licence and changelog.
  listing=$(tar -tzf "$tarball")
  for file in README.md LICENSE CHANGELOG.md; do
    grep -qx "package/$file" <<<"$listing" || { echo "check:packages: $(basename "$tarball") has no $file" >&2; exit 1; }
  done
  # CSS and the self-contained script are not type entry points.
  pnpm exec attw "$tarball" --profile esm-only --exclude-entrypoints styles.css web.js --format table-flipped
done
echo "check:packages: 6 packages passed publint, the README/LICENSE/CHANGELOG check and attw"
