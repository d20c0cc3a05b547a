#!/usr/bin/env bash
# The Debian packages the optional paths need, so that under CI=true no test skips (a test that needs one fails there
# when it is missing). Debian 12; installs only what is missing, non-interactively, with sudo when not root.
#   libreoffice-writer-nogui, libreoffice-calc-nogui: .doc / WPS / ET through a headless soffice (src/extract/convert)
#   fonts-noto-cjk: the CJK font the table pictures are drawn with (scripts/docx-samples/table-png.ts)
#   fonts-wqy-zenhei: the font the built PDF samples embed (scripts/pdf-sample-kit.ts, build-scan-samples.ts)
#   poppler-utils: pdftoppm / pdftotext / pdftocairo, which render scans and check ground truth (scripts/)
#   python3-pandas: the pandas check of the dataset export (test/cli/dataset.test.ts runs /usr/bin/python3)
#   chromium: the headless browser the HTML audit report and `budgetdoc serve` are tested in (playwright-core drives
#             /usr/bin/chromium: test/audit, test/serve)
#   time: GNU time, which `npm run bench` reads wall-clock time and peak RSS of whole processes from
# Not listed: tesseract-ocr, which only `npm run bench` uses as the native baseline of OCR (OCR itself is tesseract.js
# with the @tesseract.js-data packages); install it to run that part of the bench.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk fonts-wqy-zenhei poppler-utils python3-pandas chromium time)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all installed (${PACKAGES[*]})"
  exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "system packages: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
