#!/usr/bin/env bash
# Check factcheck as users and pre-commit get it: installed from a wheel, not editable.
#  1. Build a wheel of the working tree and install it into a fresh virtual
#     environment outside the checkout.
#  2. From another folder, run the installed `factcheck rules check` and
#     `factcheck check` on the seeds: the rules must come from the installed
#     package, and the conflicts (id, kind, severity) and the rules version must be
#     those the checkout's editable install (.venv) finds.
#  3. Run the pre-commit hook (`pre-commit try-repo`) in a throw-away article
#     repository holding the seeds. On all of them it must list every conflict and
#     fail as designed (exit 1 when one is open at medium or above); on the articles
#     that are in no conflict it must pass (exit 0).
# Run after scripts/setup.sh (.ci/run calls it). Exit 0 when all of this holds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
py="$root/.venv/bin/python"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The installed copy must find its rules by itself.
unset FACTCHECK_RULES

SECONDS=0
say() { echo "check_install: [${SECONDS}s] $*" >&2; }
fail() { echo "check_install: FAILED: $*" >&2; exit 1; }

# The working tree as it would be committed (tracked and new files, not what git
# ignores): the wheel is built from it and pre-commit installs it, so uncommitted
# work is checked too (pre-commit on the checkout itself would take HEAD).
mkdir "$work/src"
git -C "$root" ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do
    if [ -e "$root/$f" ]; then printf '%s\0' "$f"; fi  # skip deleted, not yet committed files
  done |
  tar -C "$root" --null -T - -cf - | tar -C "$work/src" -xf -

say "building the wheel"
"$py" -m pip wheel -q --no-deps -w "$work/dist" "$work/src"
wheels=("$work"/dist/factcheck-*.whl)

say "installing ${wheels[0]##*/} into a fresh virtual environment"
"$py" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "${wheels[0]}"

say "checking the seeds with the installed copy"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
installed="$work/venv/bin/factcheck"
rules_ok="$("$installed" rules check)" || fail "installed 'factcheck rules check'"
case "$rules_ok" in
  *"$work/venv/"*) ;;
  *) fail "the installed copy does not read its own rules: $rules_ok" ;;
esac
"$installed" check "$root/seeds" --json installed.json --no-html --no-cache --quiet \
  || fail "installed 'factcheck check' on the seeds"
"$root/.venv/bin/factcheck" check "$root/seeds" --json editable.json --no-html --no-cache --quiet \
  || fail "editable 'factcheck check' on the seeds"

# Compare, and write what the hook runs below must show: the conflict ids, the exit
# code of `factcheck ci` with its default --fail-on medium, the articles in no conflict.
"$py" - editable.json installed.json "$work/expect" <<'EOF' || fail "the installed copy finds other conflicts"
import json
import sys
from pathlib import Path


def load(path):
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    return report, sorted((c["id"], c["kind"], c["severity"]) for c in report["conflicts"])


(editable, expected), (installed, found) = load(sys.argv[1]), load(sys.argv[2])
if (found, installed["rules_version"]) != (expected, editable["rules_version"]):
    print("editable :", editable["rules_version"], *expected, sep="\n  ")
    print("installed:", installed["rules_version"], *found, sep="\n  ")
    sys.exit(1)
print(f"check_install: same {len(found)} conflicts and rules version from both installs", file=sys.stderr)

out = Path(sys.argv[3])
out.mkdir()
out.joinpath("ids").write_text("".join(f"{i}\n" for i, _, _ in expected))
failing = any(c["severity"] in ("high", "medium") and c["status"] in ("open", "confirmed")
              for c in editable["conflicts"])
out.joinpath("exit").write_text("1\n" if failing else "0\n")
article_of = {f["id"]: f["article"] for f in editable["facts"]}
involved = {article_of[f] for c in editable["conflicts"] for f in c["facts"]}
out.joinpath("clean").write_text("".join(f"{Path(a['path']).name}\n" for a in editable["articles"]
                                         if a["id"] not in involved))
EOF

# pre-commit installs a hook repository from git: a throw-away one holding the tree.
say "running the pre-commit hook"
export GIT_AUTHOR_NAME=factcheck GIT_AUTHOR_EMAIL=factcheck@localhost
export GIT_COMMITTER_NAME=factcheck GIT_COMMITTER_EMAIL=factcheck@localhost
cp -R "$work/src" "$work/hooks"
git -C "$work/hooks" init -q
git -C "$work/hooks" add -A
git -C "$work/hooks" -c commit.gpgsign=false commit -q -m snapshot
mkdir "$work/articles"
cp -R "$root/seeds/." "$work/articles/"
git -C "$work/articles" init -q
git -C "$work/articles" add -A
cd "$work/articles"

run_hook() {  # run_hook LOG ARGS...: the hook's exit code
  local log="$1" rc=0
  shift
  "$py" -m pre_commit try-repo "$work/hooks" factcheck --verbose "$@" >"$log" 2>&1 || rc=$?
  if grep -q -e "Traceback" -e "rules directory not found" -e "An unexpected error" "$log"; then
    cat "$log" >&2
    fail "the hook crashed"
  fi
  return "$rc"
}

rc=0
run_hook "$work/all.log" --all-files || rc=$?
expected_rc="$(cat "$work/expect/exit")"
[ "$rc" = "$expected_rc" ] || { cat "$work/all.log" >&2; fail "hook on all seeds: exit $rc, expected $expected_rc"; }
while read -r id; do
  grep -q -F "$id" "$work/all.log" || { cat "$work/all.log" >&2; fail "hook on all seeds: $id not listed"; }
done <"$work/expect/ids"
say "hook on all seeds: exit $rc as expected, every conflict listed"

mapfile -t clean <"$work/expect/clean"
if [ "${#clean[@]}" -gt 0 ]; then
  rc=0
  run_hook "$work/clean.log" --files "${clean[@]}" || rc=$?
  [ "$rc" = 0 ] || { cat "$work/clean.log" >&2; fail "hook on ${clean[*]}: exit $rc, expected 0"; }
  say "hook on the ${#clean[@]} article(s) in no conflict: passed"
else
  say "every seed is in a conflict: no passing hook run to check"
fi
say "OK"
