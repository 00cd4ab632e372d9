#!/usr/bin/env bash
# mailops.workmail.onboarding the way users run it: ansible-playbook with --check --diff,
# then for real, then again (changed=0), reading the state back; then a change with
# onboarding_state exact, and malformed CSV files and resources that must fail before any
# write, naming the file, row and column (or the entry and option). People, rooms and
# equipment with their delegates, and a shared mailbox are onboarded in the same runs.
source ../setup_role_tests/lib.sh
set -x

emulator reset
playbook setup setup.yml

# 1. The plan: changes reported, people reported as created, nothing written.
emulator clear_calls
playbook plan onboard.yml --check --diff
expect_changed plan some
expect_output plan "Onboarding plan (check mode: nothing was changed) for integration-onboarding" \
    "5 created, 0 changed, 0 unchanged" \
    "ada         created    joined: all-staff, engineering; aliases: ada.lovelace@onboarding.example.com, countess@onboarding.example.com" \
    "boardroom   created    room; delegates added: alan, grace" "projector   created    equipment" \
    "Sales EMEA  changed    mailbox; granted: grace (full_access, send_as), lp@onboarding.example.com (full_access, send_as)" \
    "rooms and equipment: 2 created, 0 changed, 0 unchanged" "mailboxes: 1 changed, 0 unchanged"
emulator assert_no_writes

# 2. Apply, and read the state back.
playbook apply onboard.yml
expect_changed apply some
expect_output apply "Onboarding result for integration-onboarding" "5 created, 0 changed, 0 unchanged" \
    "grace       created    joined: all-staff, engineering, Sales EMEA" \
    "boardroom   created    room; delegates added: alan, grace" \
    "rooms and equipment: 2 created, 0 changed, 0 unchanged" "mailboxes: 1 changed, 0 unchanged"
# The password from the vars never shows.
expect_no_output apply "Corr3ct-Horse-Battery-Staple"

# 3. Again: nothing to change, nothing written; then the state read back (verify.yml).
emulator clear_calls
playbook again onboard.yml --diff -e onboard_verify=true
expect_changed again 0
expect_output again "0 created, 0 changed, 5 unchanged" "rooms and equipment: 0 created, 0 changed, 2 unchanged" \
    "mailboxes: 0 changed, 1 unchanged"
emulator assert_no_writes

# 4. A change with onboarding_state exact (a delegate and a grant removed), previewed, applied,
#    then stable and read back.
emulator clear_calls
playbook change-plan onboard.yml -e @change.yml --check --diff
expect_changed change-plan some
expect_output change-plan "0 created, 2 changed, 3 unchanged" "grace       changed    fields: department" \
    "marie       changed    joined: engineering" "boardroom   changed    room; delegates removed: alan" \
    "Sales EMEA  changed    mailbox; revoked: linus (full_access, send_as)" \
    "rooms and equipment: 0 created, 1 changed, 1 unchanged" "mailboxes: 1 changed, 0 unchanged"
emulator assert_no_writes
playbook change onboard.yml -e @change.yml
expect_output change "0 created, 2 changed, 3 unchanged" "boardroom   changed    room; delegates removed: alan" \
    "Sales EMEA  changed    mailbox; revoked: linus (full_access, send_as)"
emulator clear_calls
playbook change-again onboard.yml -e @change.yml -e onboard_verify=true -e verify_changed=true
expect_changed change-again 0
emulator assert_no_writes

# 5. Malformed CSV files fail before any write (not in check mode: for real), naming the
#    file, row and column.
FILES="$(pwd)/files"
emulator clear_calls
playbook_fails bad-column onboard.yml -e onboarding_users_csv=bad_column.csv
expect_output bad-column "$FILES/bad_column.csv, row 1, column 'favourite_colour': unknown column; a column is an option of mailops.workmail.user (city, company, country, department, display_name, email, enabled, first_name, hidden_from_global_address_list, identity_provider_user_id, initials, job_title, last_name, mailbox_quota, name, office, password, role, street, telephone, update_password, zip_code), groups or aliases"
playbook_fails bad-cells onboard.yml -e onboarding_users_csv=bad_cells.csv
expect_output bad-cells "$FILES/bad_cells.csv, row 3: 5 cells where the header has 4: there are more cells than columns after column 'groups'"
playbook_fails bad-value onboard.yml -e onboarding_users_csv=bad_value.csv
expect_output bad-value "$FILES/bad_value.csv, row 3, column 'mailbox_quota': 'lots' is not a whole number"
playbook_fails bad-email onboard.yml -e onboarding_users_csv=bad_email.csv
expect_output bad-email "$FILES/bad_email.csv, row 3, column 'aliases': 'grace(at)onboarding.example.com' is not valid: it must be an email address"
# A resource no module would take fails before the directory task onboards quinn, naming the entry.
playbook_fails bad-resource onboard.yml \
    -e '{"onboarding_users": [{"name": "quinn"}], "onboarding_resources": [{"name": "hall", "type": "room"}, {"name": "board room", "type": "room"}]}'
expect_output bad-resource "onboarding_resources[1].name: 'board room' is not valid: it must use letters, digits" "Nothing was changed."
emulator assert_no_writes

# 6. A group nobody declared and that does not exist: that person is refused before any
#    write and named; the others (grace as step 4 left her) are unchanged. People only, from
#    here on: steps 1 to 4 cover the rooms and the mailbox.
PEOPLE_ONLY=(-e '{"onboarding_resources": [], "onboarding_mailbox_permissions": []}')
emulator clear_calls
playbook_fails ghost-group onboard.yml "${PEOPLE_ONLY[@]}" \
    -e '{"onboarding_users": [{"name": "grace", "department": "Management"}, {"name": "zed", "groups": ["ghosts", "all-staff"]}]}'
expect_output ghost-group "user 'zed' (users[4]): groups: 'ghosts' neither exists nor is listed in groups" \
    "zed    failed     error: groups: 'ghosts' neither exists nor is listed in groups" "0 created, 0 changed, 4 unchanged, 1 failed"
emulator assert_no_writes

# 7. A person on a domain the organization does not have fails alone, before any write of
#    theirs; the person beside them is onboarded; a rerun changes nothing more.
NEWCOMERS='{"onboarding_users": [{"name": "grace", "department": "Management"}, {"name": "nick", "email": "nick@unregistered.example", "groups": ["all-staff"]}, {"name": "olga", "groups": ["all-staff"]}]}'
playbook newcomers-plan onboard.yml "${PEOPLE_ONLY[@]}" -e "$NEWCOMERS" --check
expect_output newcomers-plan "nick@unregistered.example: unregistered.example is not a mail domain of the organization" \
    "2 created, 0 changed, 4 unchanged"
emulator assert_no_writes
playbook_fails newcomers onboard.yml "${PEOPLE_ONLY[@]}" -e "$NEWCOMERS"
expect_output newcomers "1 of the changes failed (the others were made): user 'nick' (users[4]): email: nick@unregistered.example: unregistered.example is not a mail domain of the organization" \
    "olga   created    joined: all-staff" "1 created, 0 changed, 4 unchanged, 1 failed"
emulator clear_calls
playbook_fails newcomers-again onboard.yml "${PEOPLE_ONLY[@]}" -e "$NEWCOMERS"
expect_output newcomers-again "0 created, 0 changed, 5 unchanged, 1 failed"
emulator assert_no_writes
