#!/usr/bin/env bash
# Install the system packages the tests need, when they are missing: Chromium (browser tests),
# Noto CJK fonts (charts and screenshots without tofu), Java 17 + Maven (the dev/test Neo4j server;
# the JDK, not only the JRE: tools/gephi runs GephiImport.java with Java's source launcher, which needs javac's module).
# Debian packages only; a no-op on a machine that already has them.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 && [ -x "$(dirname "$(readlink -f "$(command -v java)")")/javac" ] || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "system-deps: missing ${need[*]}; install them as root (apt-get install ${need[*]})" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "system-deps: installing ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
