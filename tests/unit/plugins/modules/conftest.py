# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run a module's main() in process against the in-process WorkMail emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import json

import pytest

from ansible.module_utils import basic
from ansible.module_utils.common import warnings

try:
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core before 2.19, which the collection supports too (make compat)

    @contextlib.contextmanager
    def patch_module_args(args):
        """Give the module ``args`` as its parameters, the way ansible-core 2.19's helper does."""
        previous = basic._ANSIBLE_ARGS  # pylint: disable=protected-access
        basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode("utf-8")  # pylint: disable=protected-access
        try:
            yield
        finally:
            basic._ANSIBLE_ARGS = previous  # pylint: disable=protected-access

pytest_plugins = ["workmail_emulator.pytest_plugin"]


class ModuleResult(dict):
    """The JSON a module printed, with ``failed`` always present."""

    @property
    def failed(self):
        return bool(self.get("failed"))

    @property
    def warnings(self):
        """The warning texts (ansible-core 2.19 wraps each in an event)."""
        return [w["event"]["msg"] if isinstance(w, dict) else w for w in self.get("warnings", [])]

    @property
    def deprecations(self):
        return self.get("deprecations", [])


@pytest.fixture
def run_module(workmail_client, capsys):
    """``run_module(module, args, check_mode=False, diff=False)`` -> the module's result.

    ``module`` is the imported module (its ``main`` is called); ``region`` is added to ``args``.
    """

    def run(module, args, check_mode=False, diff=False):
        args = dict(args, region="us-east-1", _ansible_check_mode=check_mode, _ansible_diff=diff)
        capsys.readouterr()
        # Warnings live in module globals: a real module run starts a fresh process.
        warnings._global_warnings.clear()  # pylint: disable=protected-access
        warnings._global_deprecations.clear()  # pylint: disable=protected-access
        with patch_module_args(args):
            with pytest.raises(SystemExit):
                module.main()
        return ModuleResult(json.loads(capsys.readouterr().out))

    return run
