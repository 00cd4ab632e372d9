"""A small evaluator of IAM policy documents, for the checks the export job makes on its role.

It answers one question: does a set of policy documents allow ``action`` on
``resource`` for a request with a given context (and, for a trust policy, a
given service principal)? Evaluation follows IAM's rules:

* a statement applies when its ``Action``/``NotAction`` (case-insensitive),
  ``Resource``/``NotResource`` (absent in a trust policy: any),
  ``Principal`` (trust policies only: the service, ``"*"`` or ``{"AWS": "*"}``)
  and every ``Condition`` match; ``*`` and ``?`` are wildcards;
* an applying Deny wins, then an applying Allow; otherwise the request is denied
  (implicitly).

Conditions: the String, Arn, Bool and Null operators, with the ``IfExists``
suffix and the ``ForAnyValue:``/``ForAllValues:`` prefixes. A key missing from
the context fails a positive operator and satisfies a negated one (or any
``IfExists``). Any other operator (Numeric, Date, IpAddress, Binary...) is
never satisfied: a statement that needs one does not apply. Policy variables
(``${aws:username}``) are not substituted.
"""

import functools
import json
import re
import urllib.parse

ALLOW, DENY, IMPLICIT_DENY = "allow", "deny", "implicit deny"


@functools.lru_cache(maxsize=1024)
def _wildcard(pattern, ignore_case):
    regex = "".join(".*" if char == "*" else "." if char == "?" else re.escape(char) for char in pattern)
    return re.compile(regex, re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def _matches(pattern, value, ignore_case=False):
    return isinstance(pattern, str) and _wildcard(pattern, ignore_case).fullmatch(value) is not None


def _as_list(value):
    return value if isinstance(value, list) else [value]


def parse(document):
    """Return the statements of a policy document (a JSON string, URL-encoded or not, or a dict); [] when unreadable."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            try:
                document = json.loads(urllib.parse.unquote(document))
            except ValueError:
                return []
    statements = document.get("Statement", []) if isinstance(document, dict) else []
    return [statement for statement in _as_list(statements) if isinstance(statement, dict)]


# Conditions --------------------------------------------------------------------------------------

def _string_equals(expected, actual):
    return actual == expected


def _string_equals_ignore_case(expected, actual):
    return actual.lower() == expected.lower()


def _string_like(expected, actual):
    return _matches(expected, actual)


def _bool(expected, actual):
    return actual.lower() == expected.lower()


_OPERATORS = {
    "StringEquals": (_string_equals, False),
    "StringNotEquals": (_string_equals, True),
    "StringEqualsIgnoreCase": (_string_equals_ignore_case, False),
    "StringNotEqualsIgnoreCase": (_string_equals_ignore_case, True),
    "StringLike": (_string_like, False),
    "StringNotLike": (_string_like, True),
    "ArnEquals": (_string_like, False),
    "ArnLike": (_string_like, False),
    "ArnNotEquals": (_string_like, True),
    "ArnNotLike": (_string_like, True),
    "Bool": (_bool, False),
}


def _text(value):
    return str(value).lower() if isinstance(value, bool) else str(value)


def _condition_holds(operator, key, expected, context):
    """Tell whether one condition (operator, context key, expected values) holds for ``context``."""
    qualifier, _colon, name = operator.rpartition(":")
    if_exists = name.endswith("IfExists")
    name = name[:-len("IfExists")] if if_exists else name
    present = key in context and context[key] is not None
    expected = [_text(value) for value in _as_list(expected)]
    if name == "Null":
        return (not present) == (expected[0].lower() == "true") if expected else False
    if name not in _OPERATORS or qualifier not in ("", "ForAnyValue", "ForAllValues"):
        return False
    compare, negated = _OPERATORS[name]
    if not present:
        return if_exists or negated or qualifier == "ForAllValues"
    actual = [_text(value) for value in _as_list(context[key])]

    def matches(value):
        return any(compare(candidate, value) for candidate in expected)

    if qualifier == "ForAllValues":
        return all(matches(value) != negated for value in actual)
    if negated:
        return not any(matches(value) for value in actual)
    return any(matches(value) for value in actual)


def _conditions_hold(conditions, context):
    if not conditions:
        return True
    if not isinstance(conditions, dict):
        return False
    for operator, pairs in conditions.items():
        if not isinstance(pairs, dict):
            return False
        for key, expected in pairs.items():
            if not _condition_holds(operator, key, expected, context):
                return False
    return True


# Statements --------------------------------------------------------------------------------------

def _principal_matches(principal, service):
    if principal == "*":
        return True
    if not isinstance(principal, dict):
        return False
    if "*" in _as_list(principal.get("AWS", [])):
        return True
    return service is not None and service in _as_list(principal.get("Service", []))


def _applies(statement, action, resource, context, service):
    if "Action" in statement:
        if not any(_matches(pattern, action, ignore_case=True) for pattern in _as_list(statement["Action"])):
            return False
    elif "NotAction" in statement:
        if any(_matches(pattern, action, ignore_case=True) for pattern in _as_list(statement["NotAction"])):
            return False
    else:
        return False
    if service is not None:
        if "NotPrincipal" in statement or not _principal_matches(statement.get("Principal"), service):
            return False
    elif resource is not None:
        if "Resource" in statement:
            if not any(_matches(pattern, resource) for pattern in _as_list(statement["Resource"])):
                return False
        elif "NotResource" in statement:
            if any(_matches(pattern, resource) for pattern in _as_list(statement["NotResource"])):
                return False
        else:
            return False
    return _conditions_hold(statement.get("Condition"), context)


def decide(documents, action, resource=None, context=None, service=None):
    """Return ALLOW, DENY (an explicit deny) or IMPLICIT_DENY for one request against ``documents``.

    ``service`` is the calling service principal when ``documents`` are trust
    policies (their statements name principals and no resources).
    """
    context = context or {}
    allowed = False
    for document in documents:
        for statement in parse(document):
            if _applies(statement, action, resource, context, service):
                effect = statement.get("Effect")
                if effect == "Deny":
                    return DENY
                allowed = allowed or effect == "Allow"
    return ALLOW if allowed else IMPLICIT_DENY


def is_public(document):
    """Tell whether a bucket policy is public as GetBucketPolicyStatus judges it, in the emulator's approximation:
    an Allow statement for every principal (``"*"`` or ``{"AWS": "*"}``) without a Condition."""
    return any(statement.get("Effect") == "Allow" and not statement.get("Condition")
               and _principal_matches(statement.get("Principal"), None) for statement in parse(document))
