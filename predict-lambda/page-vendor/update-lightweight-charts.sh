#!/usr/bin/env bash
# Replaces the vendored chart library with another npm release: ./update-lightweight-charts.sh 5.2.1
# npm checks the tarball against the registry's integrity hash; the page inlines the copied file at start-up.
set -euo pipefail
version="${1:?usage: $0 VERSION (e.g. 5.2.1)}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vendor="$here/../src/main/resources/com/klinecast/predict/page/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "lightweight-charts@$version" >/dev/null && tar xzf "lightweight-charts-$version.tgz")
cp "$tmp/package/dist/lightweight-charts.standalone.production.js" "$vendor/"
cp "$tmp/package/LICENSE" "$vendor/lightweight-charts.LICENSE"
integrity="$(npm view "lightweight-charts@$version" dist.integrity)"
sed -i -E -e "s/^(version=).*/\1$version/" -e "s|^(integrity=).*|\1$integrity|" "$vendor/VERSION"
head -6 "$vendor/lightweight-charts.standalone.production.js"
echo "vendored lightweight-charts $version; update VendoredChartLibraryTest's expected version, then run PageInChromiumTest"
