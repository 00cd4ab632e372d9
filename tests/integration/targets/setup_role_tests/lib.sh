# shellcheck shell=bash
# Shared by the role_* targets' runme.sh: they run the roles the way users do, with
# ansible-playbook (--check --diff, apply, apply again), against the WorkMail emulator
# that `make integration` starts, and check the PLAY RECAP, the report and the emulator's
# call log. Source it from the target's directory.

set -euo pipefail

CONFIG="$(cd ../.. && pwd)/integration_config.yml"
SETUP="$(cd ../setup_role_tests && pwd)"
LOGS="${OUTPUT_DIR:?OUTPUT_DIR is set by ansible-test}"
# include_role: setup_emulator (a sibling target) from the helper playbook.
ANSIBLE_ROLES_PATH="$(cd .. && pwd)"
export ANSIBLE_ROLES_PATH
export ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false

# playbook NAME ARGS...: run ansible-playbook ARGS against the emulator, keep the output
# in $LOGS/NAME.log, fail when it fails.
playbook() {
    local name="$1"
    shift
    echo "---- ansible-playbook $* (output: $LOGS/$name.log)"
    if ! ansible-playbook -i "$INVENTORY_PATH" -e @"$CONFIG" "$@" >"$LOGS/$name.log" 2>&1; then
        cat "$LOGS/$name.log"
        echo "FAILED: ansible-playbook $*" >&2
        return 1
    fi
}

# playbook_fails NAME ARGS...: like playbook, but the run must fail.
playbook_fails() {
    local name="$1"
    shift
    echo "---- ansible-playbook $* must fail (output: $LOGS/$name.log)"
    if ansible-playbook -i "$INVENTORY_PATH" -e @"$CONFIG" "$@" >"$LOGS/$name.log" 2>&1; then
        cat "$LOGS/$name.log"
        echo "FAILED: ansible-playbook $* succeeded, it should have failed" >&2
        return 1
    fi
}

# recap NAME COUNTER: COUNTER (ok, changed, failed, ...) in NAME's last PLAY RECAP. A run of
# several playbooks prints a recap after each, counted from the start of the run: the last one
# holds the run's total.
recap() {
    sed -n "s/^localhost *:.* $2=\([0-9]*\).*/\1/p" "$LOGS/$1.log" | tail -n 1 | awk '{ n += $1 } END { print n + 0 }'
}

# expect_changed NAME N: NAME's recap has changed=N (N may be "some": at least one).
expect_changed() {
    local got
    got="$(recap "$1" changed)"
    if [ "$2" = "some" ] && [ "$got" -gt 0 ]; then
        return 0
    fi
    if [ "$got" != "$2" ]; then
        cat "$LOGS/$1.log"
        echo "FAILED: $1: changed=$got in the PLAY RECAP, expected $2" >&2
        return 1
    fi
}

# expect_output NAME TEXT...: NAME's output holds each TEXT (fixed strings).
expect_output() {
    local name="$1" text
    shift
    for text in "$@"; do
        if ! grep -qF -- "$text" "$LOGS/$name.log"; then
            cat "$LOGS/$name.log"
            echo "FAILED: $name: the output lacks: $text" >&2
            return 1
        fi
    done
}

# expect_no_output NAME TEXT...: NAME's output holds none of TEXT.
expect_no_output() {
    local name="$1" text
    shift
    for text in "$@"; do
        if grep -qF -- "$text" "$LOGS/$name.log"; then
            grep -nF -- "$text" "$LOGS/$name.log"
            echo "FAILED: $name: the output should not hold: $text" >&2
            return 1
        fi
    done
}

# emulator ACTION: the setup_emulator tasks file of that name (reset, clear_calls,
# assert_no_writes, stop_faults, ...). The three run between most playbooks, reset, clear_calls
# and assert_no_writes, are done by emulator.py, without starting ansible-playbook for them;
# output kept in $LOGS/emulator-ACTION.log.
emulator() {
    case "$1" in
        reset | clear_calls | assert_no_writes)
            echo "---- emulator $1 (output: $LOGS/emulator-$1.log)"
            if ! "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python}" "$SETUP/emulator.py" "$CONFIG" "$1" >"$LOGS/emulator-$1.log" 2>&1; then
                cat "$LOGS/emulator-$1.log"
                echo "FAILED: emulator $1" >&2
                return 1
            fi
            ;;
        *)
            playbook "emulator-$1" "$SETUP/emulator.yml" -e setup_role_tests_action="$1"
            ;;
    esac
}
