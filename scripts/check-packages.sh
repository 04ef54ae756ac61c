#!/usr/bin/env bash
# `pnpm check:packages`: build every published package, pack it as npm would, and check the tarball with publint
# (package.json, exports, files) and @arethetypeswrong/cli (types resolve for ESM consumers under node16 and bundlers).
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm build >/dev/null
packs=$(mktemp -d)
trap 'rm -rf "$packs"' EXIT
for package in core react widget mock-server; do
  (cd "packages/$package" && pnpm exec publint --strict && pnpm pack --pack-destination "$packs" >/dev/null)
done
for tarball in "$packs"/*.tgz; do
  # CSS and the self-contained script are not type entry points.
  pnpm exec attw "$tarball" --profile esm-only --exclude-entrypoints styles.css web.js --format table-flipped
done
echo "check:packages: 4 packages passed publint and attw"
