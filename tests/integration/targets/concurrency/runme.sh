#!/usr/bin/env bash
# Two runs at once: the same onboarding playbook started twice in parallel; both must succeed,
# nothing may be made twice, and a third run must change nothing and write nothing.
#
# To make the race certain rather than likely, both runs wait for each other at a barrier, and
# the emulator answers list calls 3 seconds late (a latency fault): each run lists what exists
# before the other has created anything, so both create the same organization, groups and
# people, and one of each pair of creates finds the other's.
source ../setup_role_tests/lib.sh
set -x

emulator reset
BARRIER="$LOGS/concurrency-barrier"
rm -rf "$BARRIER"
mkdir -p "$BARRIER"
playbook slow-lists "$SETUP/emulator.yml" -e setup_role_tests_action=set_faults \
    -e '{"setup_emulator_faults": [{"operation": "List*", "fault": "latency", "seconds": 3}]}'

# 1. Twice at once: both succeed.
playbook first onboard.yml -e concurrency_run=one -e concurrency_barrier="$BARRIER" &
first=$!
playbook second onboard.yml -e concurrency_run=two -e concurrency_barrier="$BARRIER" &
second=$!
wait "$first"
wait "$second"
expect_changed first some
expect_changed second some
emulator stop_faults

# 2. One organization, everyone once, and the call log shows the race.
playbook verify verify.yml

# 3. A third run changes nothing and writes nothing.
emulator clear_calls
playbook third onboard.yml
expect_changed third 0
expect_output third "0 created, 0 changed, 5 unchanged"
emulator assert_no_writes
