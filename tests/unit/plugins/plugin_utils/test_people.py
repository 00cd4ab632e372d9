# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mailops.workmail.plugins.plugin_utils.people import PERSON_KEYS
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import PeopleError
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import from_variables
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import members_by_group
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import merge
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import read_csv

COLUMNS = (
    "city, company, country, department, display_name, email, enabled, first_name, hidden_from_global_address_list, "
    "identity_provider_user_id, initials, job_title, last_name, mailbox_quota, name, office, password, role, street, "
    "telephone, update_password, zip_code"
)


@pytest.fixture
def write(tmp_path):
    def _write(text, name="people.csv", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return _write


def people_of(path, users=None, domain="example.com"):
    return merge(read_csv(path, source="people.csv"), from_variables(users), domain)


def error_of(call, *args, **kwargs):
    with pytest.raises(PeopleError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def test_columns_are_the_user_module_options_plus_groups_and_aliases():
    assert "organization" not in PERSON_KEYS
    assert "state" not in PERSON_KEYS
    assert set(["name", "email", "mailbox_quota", "password", "groups", "aliases"]) <= set(PERSON_KEYS)


def test_reads_converts_and_completes_people(write):
    path = write(
        "name,display_name,enabled,hidden_from_global_address_list,mailbox_quota,groups,aliases,email\n"
        "jdoe, Jane Doe ,yes,false,51200,finance; all-staff;,jane@example.com,\n"
        "omar,Omar,,,,,,omar.h@example.com\n"
    )
    assert people_of(path) == [
        {
            "name": "jdoe",
            "display_name": "Jane Doe",
            "enabled": True,
            "hidden_from_global_address_list": False,
            "mailbox_quota": 51200,
            "groups": ["finance", "all-staff"],
            "aliases": ["jane@example.com"],
            "email": "jdoe@example.com",
        },
        {"name": "omar", "display_name": "Omar", "email": "omar.h@example.com", "groups": []},
    ]


def test_a_byte_order_mark_and_blank_lines_are_fine_and_rows_count_like_a_spreadsheet(write):
    path = write("\ufeffname,mailbox_quota\n\njdoe,1\n\nomar,lots\n")
    assert error_of(people_of, path) == "people.csv, row 5, column 'mailbox_quota': 'lots' is not a whole number"


def test_password_keeps_its_blanks(write):
    path = write("name,password\njdoe, s3cret \n")
    assert people_of(path)[0]["password"] == " s3cret "


def test_unknown_column(write):
    path = write("name,favourite_colour\njdoe,green\n")
    assert error_of(read_csv, path, "people.csv") == (
        "people.csv, row 1, column 'favourite_colour': unknown column; a column is an option of "
        "mailops.workmail.user ({0}), groups or aliases".format(COLUMNS)
    )


def test_the_organization_and_state_are_not_columns(write):
    assert "column 'state': unknown column" in error_of(read_csv, write("name,state\njdoe,absent\n"), "people.csv")
    assert "column 'organization': unknown column" in error_of(read_csv, write("name,organization\njdoe,x\n"), "people.csv")


def test_a_column_twice(write):
    path = write("name,email,email\n")
    assert error_of(read_csv, path, "people.csv") == "people.csv, row 1, column 'email': column appears twice in the header"


def test_no_name_column(write):
    assert error_of(read_csv, write("email\njdoe@example.com\n"), "people.csv") == "people.csv, row 1: the header has no 'name' column"


def test_an_empty_file(write):
    assert error_of(read_csv, write(""), "people.csv") == "people.csv: is empty; it needs a header row naming the columns"


def test_a_missing_file(tmp_path):
    assert error_of(read_csv, str(tmp_path / "nope.csv"), "nope.csv").startswith("nope.csv: cannot be read: ")


def test_not_utf8(write):
    path = write("name,display_name\njdoe,J\xe9r\xf4me\n", encoding="latin-1")
    assert error_of(read_csv, path, "people.csv").startswith("people.csv: is not a valid UTF-8 CSV file: ")


def test_too_few_cells(write):
    path = write("name,display_name,department,groups\njdoe,Jane,Finance\n")
    assert error_of(read_csv, path, "people.csv") == (
        "people.csv, row 2: 3 cells where the header has 4: the cells from column 'groups' on are missing"
    )


def test_too_many_cells(write):
    path = write("name,display_name\njdoe,Jane\nomar,Omar,extra\n")
    assert error_of(read_csv, path, "people.csv") == (
        "people.csv, row 3: 3 cells where the header has 2: there are more cells than columns after column 'display_name'"
    )


@pytest.mark.parametrize(
    "header, cell, message",
    [
        ("enabled", "maybe", "column 'enabled': 'maybe' is not a boolean (use true or false)"),
        ("mailbox_quota", "1.5", "column 'mailbox_quota': '1.5' is not a whole number"),
        ("role", "admin", "column 'role': 'admin' is not one of user, remote_user"),
        ("role", "system_user", "column 'role': 'system_user' is not one of user, remote_user"),
        ("update_password", "never", "column 'update_password': 'never' is not one of on_create, always"),
    ],
)
def test_invalid_values(write, header, cell, message):
    path = write("name,{0}\njdoe,{1}\n".format(header, cell))
    assert error_of(read_csv, path, "people.csv") == "people.csv, row 2, " + message


@pytest.mark.parametrize(
    "header, cell, message",
    [
        ("email", "jane(at)example.com", "column 'email': 'jane(at)example.com' is not valid: it must"),
        ("aliases", "ok@example.com;not an address", "column 'aliases': 'not an address' is not valid: it must"),
        ("display_name", "x" * 257, "column 'display_name': must have at most 256 characters"),
        ("mailbox_quota", "0", "column 'mailbox_quota': 0 is less than the minimum 1"),
        ("mailbox_quota", "102400", "column 'mailbox_quota': 102400 is more than 51200: a WorkMail mailbox holds at most 50 GB"),
    ],
)
def test_values_the_service_model_refuses(write, header, cell, message):
    path = write("name,{0}\njdoe,{1}\n".format(header, cell))
    assert error_of(people_of, path).startswith("people.csv, row 2, " + message)


def test_a_name_the_service_refuses(write):
    assert error_of(people_of, write("name\nJane Doe\n")).startswith("people.csv, row 2, column 'name': 'Jane Doe' is not valid: it must")


def test_an_empty_name(write):
    assert error_of(read_csv, write("name,display_name\n,Jane\n"), "people.csv") == (
        "people.csv, row 2, column 'name': is empty; every person needs a name"
    )


def test_the_same_name_twice(write):
    path = write("name\njdoe\nomar\nJDOE\n")
    assert error_of(people_of, path) == "people.csv, row 4, column 'name': 'JDOE' is already on row 2"


def test_an_address_given_to_two_people(write):
    path = write("name,aliases\njdoe,sales@example.com\nomar,sales@example.com\n")
    assert error_of(people_of, path) == "people.csv, row 3, column 'aliases': sales@example.com is also an address of 'jdoe'"


def test_an_alias_that_is_the_primary_address_of_someone_else(write):
    path = write("name,aliases\njdoe,\nomar,JDOE@example.com\n")
    assert error_of(people_of, path) == "people.csv, row 3, column 'aliases': JDOE@example.com is also an address of 'jdoe'"


def test_an_alias_that_is_ones_own_primary_address(write):
    path = write("name,aliases\njdoe,jdoe@example.com\n")
    assert error_of(people_of, path) == (
        "people.csv, row 2, column 'aliases': jdoe@example.com is the primary address of 'jdoe', not an alias"
    )


def test_a_disabled_person_has_no_aliases_or_quota(write):
    path = write("name,enabled,aliases\njdoe,false,j@example.com\n")
    assert error_of(people_of, path) == "people.csv, row 2, column 'aliases': needs a mailbox, but enabled is false"
    path = write("name,enabled,mailbox_quota\njdoe,false,100\n", name="quota.csv")
    assert "column 'mailbox_quota': needs a mailbox, but enabled is false" in error_of(people_of, path)


def test_no_default_domain_leaves_the_email_unset(write):
    assert people_of(write("name\njdoe\n"), domain="") == [{"name": "jdoe", "groups": []}]


def test_a_password_the_policy_refuses_names_the_cell_and_never_the_password(write):
    message = error_of(people_of, write("name,password\njdoe,weakling\n"))
    assert message.startswith("people.csv, row 2, column 'password': does not mix enough kinds of characters: WorkMail asks for 8 to 63")
    assert "weakling" not in message


def test_a_name_that_looks_like_an_address_keeps_its_local_part(write):
    assert people_of(write("name\njdoe@corp.example.com\n"))[0]["email"] == "jdoe@example.com"


def test_variables_update_csv_people_key_by_key_and_add_others(write):
    path = write("name,department,groups\njdoe,Finance,finance\nomar,Sales,sales\n")
    users = [
        {"name": "JDOE", "password": "S3cret-Pass", "groups": "finance;board"},
        {"name": "zoe", "mailbox_quota": "2048", "hidden_from_global_address_list": "yes"},
    ]
    assert people_of(path, users) == [
        {"name": "JDOE", "department": "Finance", "password": "S3cret-Pass", "groups": ["finance", "board"], "email": "JDOE@example.com"},
        {"name": "omar", "department": "Sales", "groups": ["sales"], "email": "omar@example.com"},
        {"name": "zoe", "mailbox_quota": 2048, "hidden_from_global_address_list": True, "groups": [], "email": "zoe@example.com"},
    ]


def test_a_problem_in_a_variable_names_the_entry_and_option(write):
    assert error_of(from_variables, [{"name": "a"}, {"name": "b", "colour": "x"}]) == (
        "onboarding_users[1], option 'colour': unknown option; use the options of mailops.workmail.user and groups, aliases"
    )
    assert error_of(from_variables, [{"name": "a", "enabled": "perhaps"}]) == (
        "onboarding_users[0], option 'enabled': 'perhaps' is not a boolean (use true or false)"
    )
    assert error_of(from_variables, [{"display_name": "a"}]) == "onboarding_users[0], option 'name': is required"
    assert error_of(from_variables, ["jdoe"]) == "onboarding_users[0]: must be a dictionary of user options, got 'jdoe'"
    assert error_of(from_variables, {"name": "jdoe"}) == "onboarding_users: must be a list of dictionaries"
    assert error_of(from_variables, [{"name": "a", "groups": {"x": 1}}]).startswith(
        "onboarding_users[0], option 'groups': must be a list or a ';'-separated string"
    )


@pytest.mark.parametrize("password", [["Corr3ct-Horse-Battery"], {"value": "Corr3ct-Horse-Battery"}])
def test_a_password_of_the_wrong_shape_is_never_repeated(password):
    assert error_of(from_variables, [{"name": "a", "password": password}]) == "onboarding_users[0], option 'password': must be a string"


def test_a_bad_value_from_a_variable_names_the_entry(write):
    path = write("name\njdoe\n")
    assert error_of(people_of, path, [{"name": "jdoe", "email": "nope"}]).startswith(
        "onboarding_users[0], option 'email': 'nope' is not valid: it must"
    )


def test_the_same_name_twice_in_the_variable():
    assert error_of(merge, [], from_variables([{"name": "a"}, {"name": "A"}])) == (
        "onboarding_users[1], option 'name': 'A' is already onboarding_users[0]"
    )


def test_members_by_group_inverts_people_and_groups():
    people = [
        {"name": "jdoe", "groups": ["Finance", "all-staff"]},
        {"name": "omar", "groups": ["all-staff", "finance", "all-staff"]},
        {"name": "zoe", "groups": []},
    ]
    assert members_by_group(people) == {"Finance": ["jdoe", "omar"], "all-staff": ["jdoe", "omar"]}
