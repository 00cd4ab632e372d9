# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""People to onboard: read from a CSV file and from variables, checked before any write.

A person is the options of the user module plus ``groups`` and ``aliases`` (lists). Column and
option names, types and choices come from the user module's own argument spec, and values are
checked against the WorkMail service model the modules check them with, so a bad cell fails here,
naming the file, row and column, instead of halfway through a run.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import csv

from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.six import string_types

from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check
from ansible_collections.mailops.workmail.plugins.modules.user import ARGUMENT_SPEC as USER_SPEC

try:
    import botocore  # noqa: F401 pylint: disable=unused-import

    HAS_BOTOCORE = True
except ImportError:
    HAS_BOTOCORE = False

# Options of the user module a person may not set: the role sets the organization, and
# removing people is the offboarding role's job.
NOT_PERSON_OPTIONS = ("organization", "state")
LIST_KEYS = ("groups", "aliases")
LIST_SEPARATOR = ";"

PERSON_SPEC = dict((option, spec) for option, spec in USER_SPEC.items() if option not in NOT_PERSON_OPTIONS)
PERSON_KEYS = tuple(sorted(PERSON_SPEC)) + LIST_KEYS


class PeopleError(Exception):
    """A problem with the people given, located by ``where`` (file, row and column, or variable)."""

    def __init__(self, where, message):
        super(PeopleError, self).__init__("{0}: {1}".format(where, message))
        self.where = where
        self.message = message


def _where_cell(source, row, column):
    return "{0}, row {1}, column {2!r}".format(source, row, column)


def _cell_locator(source, row):
    """A function naming where a key of this CSV row was given."""

    def locate(key):
        return _where_cell(source, row, key)

    return locate


def _option_locator(label):
    """A function naming where a key of this list entry was given."""

    def locate(key):
        return "{0}, option {1!r}".format(label, key)

    return locate


def convert(key, value):
    """``value`` of person key ``key`` in its proper type; None when unset.

    Strings come from CSV cells (surrounding blanks ignored, empty means unset); other values
    from variables. Raises ValueError with a message that does not repeat the key.
    """
    if isinstance(value, string_types):
        value = value.strip() if key != "password" else value
        if value == "":
            return None
    if value is None:
        return None
    if key in LIST_KEYS:
        if isinstance(value, string_types):
            items = value.split(LIST_SEPARATOR)
        elif isinstance(value, (list, tuple)):
            items = value
        else:
            raise ValueError("must be a list or a {0!r}-separated string, got {1!r}".format(LIST_SEPARATOR, value))
        items = [item.strip() if isinstance(item, string_types) else item for item in items]
        for item in items:
            if not isinstance(item, string_types):
                raise ValueError("{0!r} is not a string".format(item))
        return [item for item in items if item]
    spec = PERSON_SPEC[key]
    kind = spec.get("type", "str")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        try:
            return boolean(value, strict=True)
        except TypeError:
            raise ValueError("{0!r} is not a boolean (use true or false)".format(value))
    if kind == "int":
        if isinstance(value, bool):
            raise ValueError("{0!r} is not a whole number".format(value))
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValueError("{0!r} is not a whole number".format(value))
    if not isinstance(value, string_types):
        if isinstance(value, (dict, list, tuple)):
            # A secret is never repeated, not even when it is given in the wrong shape.
            raise ValueError("must be a string" if spec.get("no_log") else "{0!r} is not a string".format(value))
        value = str(value)
    choices = spec.get("choices")
    if choices and value not in choices:
        raise ValueError("{0!r} is not one of {1}".format(value, ", ".join(choices)))
    return value


def check_values(person, where):
    """Check a person's values against the service model; ``where(key)`` locates a key."""
    if not HAS_BOTOCORE:
        return
    options = dict((key, value) for key, value in person.items() if key in PERSON_SPEC)
    try:
        USER.validate(options)
    except ParameterError as e:
        raise PeopleError(where(e.option), e.message.split(": ", 1)[1])
    for group in person.get("groups") or []:
        try:
            check("groups", group, "CreateGroup", "Name")
        except ParameterError as e:
            raise PeopleError(where("groups"), e.message.split(": ", 1)[1])
    for alias in person.get("aliases") or []:
        try:
            check("aliases", alias, "CreateAlias", "Alias")
        except ParameterError as e:
            raise PeopleError(where("aliases"), e.message.split(": ", 1)[1])


def read_csv(path, source=None):
    """The people of the CSV file ``path``, each a dict of the keys its row sets.

    ``source`` names the file in messages (default: ``path``). The first row is the header;
    blank lines are skipped. Each returned person carries ``_origins``: for each key, a function
    that names where it was given (for messages), and ``_row``.
    """
    source = source or path
    people = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle, strict=True))
    except (IOError, OSError) as e:
        raise PeopleError(source, "cannot be read: {0}".format(e))
    except (csv.Error, UnicodeDecodeError) as e:
        raise PeopleError(source, "is not a valid UTF-8 CSV file: {0}".format(e))
    if not rows:
        raise PeopleError(source, "is empty; it needs a header row naming the columns")
    header = [cell.strip() for cell in rows[0]]
    seen = set()
    for index, column in enumerate(header):
        if column not in PERSON_KEYS:
            raise PeopleError(
                _where_cell(source, 1, column),
                "unknown column; a column is an option of mailops.workmail.user ({0}), groups or aliases".format(
                    ", ".join(sorted(PERSON_SPEC))
                ),
            )
        if column in seen:
            raise PeopleError(_where_cell(source, 1, column), "column appears twice in the header")
        seen.add(column)
    if "name" not in header:
        raise PeopleError("{0}, row 1".format(source), "the header has no 'name' column")

    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells) and len(cells) <= 1:
            continue  # a blank line
        if len(cells) != len(header):
            if len(cells) < len(header):
                detail = "the cells from column {0!r} on are missing".format(header[len(cells)])
            else:
                detail = "there are more cells than columns after column {0!r}".format(header[-1])
            raise PeopleError(
                "{0}, row {1}".format(source, number),
                "{0} cells where the header has {1}: {2}".format(len(cells), len(header), detail),
            )
        person = {}
        for column, cell in zip(header, cells):
            try:
                value = convert(column, cell)
            except ValueError as e:
                raise PeopleError(_where_cell(source, number, column), str(e))
            if value is not None:
                person[column] = value
        if "name" not in person:
            raise PeopleError(_where_cell(source, number, "name"), "is empty; every person needs a name")
        locate = _cell_locator(source, number)
        person["_origins"] = dict((key, locate) for key in person)
        person["_row"] = number
        people.append(person)
    return people


def from_variables(entries, variable="onboarding_users"):
    """The people of a list variable, converted like CSV cells; located as ``variable[i]``."""
    if entries is None:
        return []
    if not isinstance(entries, (list, tuple)):
        raise PeopleError(variable, "must be a list of dictionaries")
    people = []
    for index, entry in enumerate(entries):
        label = "{0}[{1}]".format(variable, index)
        if not isinstance(entry, dict):
            raise PeopleError(label, "must be a dictionary of user options, got {0!r}".format(entry))
        person = {}
        for key, value in entry.items():
            if key not in PERSON_KEYS:
                raise PeopleError(
                    "{0}, option {1!r}".format(label, key),
                    "unknown option; use the options of mailops.workmail.user and groups, aliases",
                )
            try:
                value = convert(key, value)
            except ValueError as e:
                raise PeopleError("{0}, option {1!r}".format(label, key), str(e))
            if value is not None:
                person[key] = value
        if "name" not in person:
            raise PeopleError("{0}, option 'name'".format(label), "is required")
        locate = _option_locator(label)
        person["_origins"] = dict((key, locate) for key in person)
        person["_label"] = label
        people.append(person)
    return people


def describe(person, key):
    """Where ``key`` of ``person`` was given, for messages (a derived key: where the person was)."""
    origins = person["_origins"]
    return origins.get(key, origins["name"])(key)


def merge(csv_people, variable_people, default_domain=None):
    """All people, checked and completed: the CSV's, updated by the variables' of the same name.

    Keys a variable entry sets replace the CSV's (so passwords can come from a vault while the rest
    comes from a spreadsheet); people only in the variable are added after the CSV's, in order.
    A person without ``email`` gets ``name@default_domain`` when ``default_domain`` is set.
    Fails on a name given twice in one source, and on an address (primary or alias) given to two
    people. Returns a list of dicts: the options set, plus ``groups`` (a list) and, when some are
    given, ``aliases`` (a list).
    """
    people, by_name = [], {}
    for person in csv_people:
        key = person["name"].lower()
        if key in by_name:
            first = by_name[key]
            raise PeopleError(describe(person, "name"), "{0!r} is already on row {1}".format(person["name"], first["_row"]))
        entry = dict(person)
        by_name[key] = entry
        people.append(entry)
    seen_in_variables = {}
    for person in variable_people:
        key = person["name"].lower()
        if key in seen_in_variables:
            raise PeopleError(describe(person, "name"), "{0!r} is already {1}".format(person["name"], seen_in_variables[key]))
        seen_in_variables[key] = person["_label"]
        if key in by_name:
            entry = by_name[key]
            origins = dict(entry["_origins"], **person["_origins"])
            entry.update(person)
            entry["_origins"] = origins
        else:
            by_name[key] = person
            people.append(person)

    if default_domain is not None and not isinstance(default_domain, string_types):
        raise PeopleError("onboarding_default_domain", "must be a domain name, got {0!r}".format(default_domain))
    default_domain = (default_domain or "").strip().lstrip("@")
    owners = {}
    result = []
    for person in people:
        if not person.get("email") and default_domain:
            local = person["name"] if "@" not in person["name"] else person["name"].split("@", 1)[0]
            person["email"] = "{0}@{1}".format(local, default_domain)
        check_values(person, lambda key, person=person: describe(person, key))
        if person.get("enabled") is False:
            for key in ("aliases", "mailbox_quota"):
                if person.get(key):
                    raise PeopleError(describe(person, key), "needs a mailbox, but enabled is false")
        addresses = ([("email", person["email"])] if person.get("email") else []) + [("aliases", a) for a in person.get("aliases") or []]
        for key, address in addresses:
            holder = owners.get(address.lower())
            if holder and holder != person["name"]:
                raise PeopleError(describe(person, key), "{0} is also an address of {1!r}".format(address, holder))
            if holder and key == "aliases" and address.lower() == (person.get("email") or "").lower():
                raise PeopleError(describe(person, key), "{0} is the primary address of {1!r}, not an alias".format(address, holder))
            owners[address.lower()] = person["name"]
        clean = dict((k, v) for k, v in person.items() if not k.startswith("_"))
        clean["groups"] = _unique(clean.get("groups") or [])
        # No aliases given is "unset" (an exact run then leaves the person's aliases alone).
        if clean.get("aliases"):
            clean["aliases"] = _unique(clean["aliases"])
        else:
            clean.pop("aliases", None)
        result.append(clean)
    return result


def _unique(items):
    seen, unique = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            unique.append(item)
    return unique


def members_by_group(people):
    """{group: [member names]} from people's ``groups`` lists (group names as first spelled)."""
    groups, spelling = {}, {}
    for person in people or []:
        for group in person.get("groups") or []:
            name = spelling.setdefault(group.lower(), group)
            members = groups.setdefault(name, [])
            if person["name"] not in members:
                members.append(person["name"])
    return groups
