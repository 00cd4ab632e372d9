#!/usr/bin/env bash
# mailops.workmail.exit the way users run it, on an organization built with the roles and
# modules: with --check (nothing written or exported); with a role that may not use the KMS
# key (every export fails, is listed, and the role fails after the report); for real, reading
# the files and each export's ZIP back; the files applied to the organization in check mode
# must change nothing (the baseline and onboarding roles, a directory task), and must show the
# change once the organization drifts; a rerun changes and sends nothing; an export whose
# object is gone is listed; options missing for an export fail before anything is read.
source ../setup_role_tests/lib.sh
set -x

OUT="$LOGS/exit-files"
TARGET="$LOGS/export-target.yml"
rm -rf "$OUT" "$LOGS/zips"
emulator reset
playbook setup setup.yml -e exit_target_file="$TARGET"
EXIT_VARS=(-e @"$TARGET" -e exit_output_dir="$OUT" -e exit_google_org_unit_path=/Staff)
EXIT=(exit.yml "${EXIT_VARS[@]}")
PREFIX="s3://integration-exit-exports/workmail-exports/integration-exit/"

# 1. Check mode: reads only, writes no file, starts no export.
emulator clear_calls
playbook plan "${EXIT[@]}" --check --diff
expect_output plan "Exit plan (check mode: nothing was written or exported) of integration-exit" "mailboxes: 3 to export" \
    "round trip: the files change nothing" "ana: would be exported" "ben: would be exported" "boardroom: would be exported"
emulator assert_no_writes
test ! -e "$OUT"

# 2. A role that may not use the key: the jobs fail; each mailbox is listed, and the role fails after the report.
playbook_fails no-key "${EXIT[@]}" -e '{"exit_role_arn": "{{ exit_role_arn_without_key }}"}'
expect_output no-key "mailboxes: 3 exported or attempted, 3 not exported" "ana: NOT EXPORTED (failed: " "ben: NOT EXPORTED (failed: " \
    "not exported: ana (failed: "
expect_no_output no-key "ana: completed"

# 3. For real: the files, their content, the role's own round trip, every export read back from S3
# (verify.yml and verify_exports.yml, in the same run).
playbook exit exit.yml verify.yml verify_exports.yml "${EXIT_VARS[@]}" -e exit_files="$OUT"
expect_changed exit some
expect_output exit "Exit of integration-exit into $OUT" "round trip: the files change nothing" \
    "wrote baseline.yml, onboarding.yml, directory.yml, dns-records.yml, people-microsoft365.csv, people-google-workspace.csv" \
    "mailboxes: 3 exported or attempted, 0 not exported" "ana: completed, $PREFIX" "ben: completed, $PREFIX" \
    "boardroom: completed, $PREFIX"

# 4. The files applied to the organization, in check mode: nothing to change, nothing written;
#    the organization read back is what they say.
emulator clear_calls
playbook apply apply.yml -e exit_files="$OUT" --check --diff
expect_changed apply 0
emulator assert_no_writes

# 5. Again: the same files, no second export, no write call.
emulator clear_calls
playbook exit-again "${EXIT[@]}"
expect_changed exit-again 0
expect_output exit-again "ana: completed, $PREFIX" "ben: completed, $PREFIX"
emulator assert_no_writes

# 6. The organization drifts (a department, the junk retention, a mobile device access rule, the
#    room's delegate, a mailbox permission): the files show it and, applied, restore it (apply.yml
#    reads it back).
playbook drift drift.yml
playbook apply-drift apply.yml -e exit_files="$OUT" --diff
expect_changed apply-drift 5
expect_output apply-drift '"department": "Sales"' '"period": 30' '"Pixel 8 Pro"' '"delegates": []' '"grantee": "ana"'

# 7. ana's export disappears from the bucket (lose.yml, in the same run): listed as not exported,
# and the role fails.
playbook_fails lost lose.yml exit.yml "${EXIT_VARS[@]}" -e exit_files="$OUT"
expect_output lost "ana: NOT EXPORTED (the object $PREFIX" "ben: completed, $PREFIX" "not exported: ana (the object"

# 8. An export without its bucket or key: refused before anything is read or written.
emulator clear_calls
playbook_fails no-bucket exit.yml -e exit_output_dir="$LOGS/exit-refused" -e '{"exit_role_arn": "arn:aws:iam::123456789012:role/x"}'
expect_output no-bucket "exit_export is true, so exit_s3_bucket, exit_kms_key_arn must be set"
test ! -e "$LOGS/exit-refused"
emulator assert_no_writes
