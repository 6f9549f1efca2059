#!/bin/bash
# Extract the HEAD tree (or COMMIT's) of a fetched (bare or normal) git snapshot into
# /tmp/corpora/NAME, leaving out *.jar files and any blob the snapshot lacks (large files may be
# absent).
#   benchmarks/extract_corpus.sh GIT_DIR NAME [COMMIT]
# Prints the commit, the number of excluded paths and of files written; the excluded paths are
# listed in /tmp/corpwork/NAME/excluded.
set -eu
G=$1
N=$2
OUT=/tmp/corpora/$N
[ -d "$G/.git" ] && G=$G/.git
C=$(git --git-dir="$G" rev-parse "${3:-HEAD}^{commit}")
W=/tmp/corpwork/$N
rm -rf "$W" "$OUT"
mkdir -p "$W" "$OUT"
# sha<TAB>path of every blob in the tree
# quotepath off: non-ASCII paths (mall4cloud's Chinese doc folders) as they are, not quoted
git -c core.quotepath=off --git-dir="$G" ls-tree -r "$C" | awk -F'\t' '{split($1, a, " "); if (a[2] == "blob") print a[3] "\t" $2}' > "$W/blobs"
cut -f1 "$W/blobs" | git --git-dir="$G" cat-file --batch-check | awk '$2 == "missing" {print $1}' | sort -u > "$W/missing"
{ grep -Ff "$W/missing" "$W/blobs" | cut -f2 || true; cut -f2 "$W/blobs" | grep '\.jar$' || true; } | sort -u > "$W/excluded"
# git archive ignores exclude pathspecs for absent blobs, so archive a tree without them
export GIT_INDEX_FILE="$W/index"
git --git-dir="$G" read-tree "$C"
if [ -s "$W/excluded" ]; then
  tr '\n' '\0' < "$W/excluded" | xargs -0 git --git-dir="$G" update-index --force-remove --
fi
T=$(git --git-dir="$G" write-tree)
git --git-dir="$G" archive "$T" | tar -x -C "$OUT"
echo "$N $C excluded=$(wc -l < "$W/excluded") files=$(find "$OUT" -type f | wc -l)"
