#!/usr/bin/env bash
# The `make demo` walk-through: Example Corp's WorkMail on a local emulator.
#
# Starts the WorkMail emulator on a free loopback port, then runs the example
# playbooks the way you would against a real organization:
#   1. playbooks/onboarding.yml --check --diff   the plan: what would change, nothing sent
#   2. playbooks/onboarding.yml                  apply it
#   3. playbooks/onboarding.yml                  again: nothing left to change (changed=0)
#   4. playbooks/offboarding.yml --diff          a leaver
# and always stops the emulator. Needs the project virtualenv and the collection tree
# under .build/ (the Makefile's `demo` target makes both first).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/.venv/bin"
OUT="$ROOT/.build/demo"
cd "$ROOT"

if [ ! -x "$BIN/workmail-emulator" ] || [ ! -d "$ROOT/.build/ansible_collections/mailops/workmail" ]; then
    echo "demo: run it with 'make demo' (it creates .venv and .build first)" >&2
    exit 2
fi

rm -rf "$OUT"
mkdir -p "$OUT"
export ANSIBLE_COLLECTIONS_PATH="$ROOT/.build"
export ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false
export ANSIBLE_NOCOWS=1
export PATH="$BIN:$PATH"

EMULATOR_PID=""
stop_emulator() {
    if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
        echo "demo: stopped the WorkMail emulator (pid $EMULATOR_PID)"
    fi
    EMULATOR_PID=""
}
trap stop_emulator EXIT
trap 'exit 130' INT TERM

if [ -t 1 ]; then BOLD="$(printf '\033[1m')" PLAIN="$(printf '\033[0m')"; else BOLD="" PLAIN=""; fi
banner() {
    printf '\n%s==== %s%s\n' "$BOLD" "$*" "$PLAIN"
}

# -- the emulator --------------------------------------------------------------------
banner "Starting the WorkMail emulator on 127.0.0.1 (nothing leaves this machine)"
# Domains verified at once, to keep the demo quick (the emulator's default is a few seconds).
"$BIN/workmail-emulator" --host 127.0.0.1 --port 0 --domain-verification-delay 0 >"$OUT/emulator.log" 2>&1 &
EMULATOR_PID=$!
URL=""
for _ in $(seq 1 150); do
    URL="$(sed -n 's/.*listening on \(http:\/\/[0-9.]*:[0-9]*\).*/\1/p' "$OUT/emulator.log" | head -n 1)"
    [ -n "$URL" ] && break
    if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
        cat "$OUT/emulator.log" >&2
        echo "demo: the emulator did not start" >&2
        exit 1
    fi
    sleep 0.2
done
if [ -z "$URL" ]; then
    cat "$OUT/emulator.log" >&2
    echo "demo: the emulator did not announce its address within 30 seconds" >&2
    exit 1
fi
export WORKMAIL_ENDPOINT_URL="$URL"
echo "WorkMail emulator listening on $URL (pid $EMULATOR_PID)"

# Write calls (anything but Describe*, Get*, List*) the emulator received since the last
# call; empties its call log.
writes_since_last() {
    "$BIN/python" - "$URL" <<'PY'
import json, sys, urllib.request
url = sys.argv[1] + "/_emulator/calls"
with urllib.request.urlopen(url) as response:
    calls = json.load(response)
urllib.request.urlopen(urllib.request.Request(url, method="DELETE")).close()
print(sum(1 for c in calls if not c["operation"].startswith(("Describe", "Get", "List"))))
PY
}

# Runs ansible-playbook, shows its output, keeps it in $OUT/<step>.log.
play() {
    local step="$1"
    shift
    set +e
    "$BIN/ansible-playbook" "$@" 2>&1 | tee "$OUT/$step.log"
    local rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" -ne 0 ]; then
        echo "demo: ansible-playbook $* failed (exit $rc); see $OUT/$step.log" >&2
        exit "$rc"
    fi
}

# The total of a PLAY RECAP counter (changed, ok, failed) over a step's plays.
recap() {
    sed -n "s/.*localhost *:.* $2=\([0-9]*\).*/\1/p" "$OUT/$1.log" | awk '{ n += $1 } END { print n + 0 }'
}

writes_since_last >/dev/null

banner "1/4  The plan: playbooks/onboarding.yml --check --diff (reads only, changes nothing)"
play plan playbooks/onboarding.yml --check --diff
PLAN_WRITES="$(writes_since_last)"

banner "2/4  Apply it: playbooks/onboarding.yml"
play apply playbooks/onboarding.yml
APPLY_WRITES="$(writes_since_last)"

banner "3/4  Apply it again: everything is already as described"
play again playbooks/onboarding.yml
AGAIN_WRITES="$(writes_since_last)"

banner "4/4  A leaver: playbooks/offboarding.yml --diff"
play leaver playbooks/offboarding.yml --diff
LEAVER_WRITES="$(writes_since_last)"

stop_emulator

# The onboarding report's total line ("12 created, 0 changed, 0 unchanged") of a step.
people_total() {
    sed -n 's/^ *"\([0-9]* created, [0-9]* changed, [0-9]* unchanged\)".*/\1/p' "$OUT/$1.log" | tail -n 1
}

AGAIN_CHANGED="$(recap again changed)"
LEAVER_LINE="$(sed -n 's/^ *"\(tom\.kowalski: .*\)",\{0,1\}$/\1/p' "$OUT/leaver.log" | tail -n 1)"
row() {
    printf '  %-26s %13s %12s   %s\n' "$@"
}

banner "Summary"
cat <<SUMMARY
Example Corp on a local WorkMail emulator: the organization example-corp with its domain
example.com, a retention policy, an access rule and an impersonation role
(playbooks/vars/example-corp.yml), then 7 groups and the people of playbooks/files/people.csv,
a room and a projector people book, and the support group's mailbox shared by its team.

SUMMARY
row "step" "tasks changed" "API writes" "people"
row "1. plan (--check --diff)" "$(recap plan changed)" "$PLAN_WRITES" "would be: $(people_total plan)"
row "2. apply" "$(recap apply changed)" "$APPLY_WRITES" "$(people_total apply)"
row "3. apply again" "$AGAIN_CHANGED" "$AGAIN_WRITES" "$(people_total again)"
row "4. offboard a leaver" "$(recap leaver changed)" "$LEAVER_WRITES" "tom.kowalski, see below"
VERDICT=0
if [ "$AGAIN_CHANGED" = "0" ] && [ "$AGAIN_WRITES" = "0" ] && [ "$PLAN_WRITES" = "0" ]; then
    printf '\nThe plan sent no write call and the second run changed nothing (changed=0):\n'
    printf 'the playbooks are safe to preview and to run again and again.\n'
else
    printf '\nFAILED: the plan or the second run was not free of changes (see above).\n'
    VERDICT=1
fi
if [ -n "$LEAVER_LINE" ]; then
    echo "The leaver, tom.kowalski:"
    echo "${LEAVER_LINE#tom.kowalski: }" | awk -F'; ' '{ for (i = 1; i <= NF; i++) print "  - " $i }'
else
    echo "The leaver: see .build/demo/leaver.log"
fi
cat <<SUMMARY

The emulator is stopped; each step's full output is in .build/demo/.
Next: point playbooks/vars/workmail.yml at your AWS account, put your people in a CSV like
playbooks/files/people.csv and start with --check --diff. roles/*/README.md explain the roles.
SUMMARY
exit "$VERDICT"
