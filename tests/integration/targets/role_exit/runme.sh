#!/usr/bin/env bash
# mailops.workmail.exit the way users run it: on an organization built with the roles and
# modules, with --check (nothing written), then for real, reading the files back; the files
# applied to the organization in check mode must change nothing (the baseline and onboarding
# roles, a directory task), and must show the change once the organization drifts; a rerun of
# the role changes nothing; options missing for an export fail before anything is read.
source ../setup_role_tests/lib.sh
set -x

OUT="$LOGS/exit-files"
rm -rf "$OUT"
emulator reset
playbook setup setup.yml

# 1. Check mode: reads only, writes no file.
emulator clear_calls
playbook plan exit.yml --check --diff -e exit_output_dir="$OUT" -e exit_google_org_unit_path=/Staff
expect_output plan "Exit plan (check mode: nothing was written or exported) of integration-exit" "round trip: the files change nothing"
emulator assert_no_writes
test ! -e "$OUT"

# 2. For real: the files, their content, and the role's own round trip.
emulator clear_calls
playbook exit exit.yml -e exit_output_dir="$OUT" -e exit_google_org_unit_path=/Staff
expect_changed exit some
expect_output exit "Exit of integration-exit into $OUT" "round trip: the files change nothing" \
    "wrote baseline.yml, onboarding.yml, directory.yml, dns-records.yml, people-microsoft365.csv, people-google-workspace.csv" \
    "mailboxes: not exported (exit_export is false)"
emulator assert_no_writes
playbook verify verify.yml -e exit_files="$OUT"

# 3. The files applied to the organization, in check mode: nothing to change, nothing written.
emulator clear_calls
playbook apply apply.yml -e exit_files="$OUT" --check --diff
expect_changed apply 0
emulator assert_no_writes

# 4. Again: the same files, nothing changed.
playbook exit-again exit.yml -e exit_output_dir="$OUT" -e exit_google_org_unit_path=/Staff
expect_changed exit-again 0

# 5. The organization drifts (a department, the junk retention): the files now show it.
playbook drift drift.yml
playbook apply-drift apply.yml -e exit_files="$OUT" --check --diff
expect_changed apply-drift 3
expect_output apply-drift '"department": "Sales"' '"period": 30'

# 6. An export without its bucket, role or key: refused before anything is read or written.
emulator clear_calls
playbook_fails no-bucket exit.yml -e exit_output_dir="$LOGS/exit-refused" -e '{"exit_export": true, "exit_role_arn": "arn:aws:iam::123456789012:role/x"}'
expect_output no-bucket "exit_export is true, so exit_s3_bucket, exit_kms_key_arn must be set"
test ! -e "$LOGS/exit-refused"
