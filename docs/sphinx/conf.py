# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Sphinx configuration of the collection's HTML documentation (`make docs`).

Started from `antsibull-docs sphinx-init`, changed to build offline: there is no intersphinx
(it downloads the inventories of the Ansible docs). References to pages of the Ansible
documentation and to other collections' plugins, which intersphinx would resolve, become
links to docs.ansible.com instead (see ``external_reference``). A reference to anything of
this collection that does not exist stays an error.
"""

import re

project = "mailops.workmail"
copyright = "Contributors to the mailops.workmail project"  # pylint: disable=redefined-builtin
title = "mailops.workmail - Amazon WorkMail as code"
html_short_title = "mailops.workmail"

extensions = ["sphinx_antsibull_ext"]

pygments_style = "ansible"
highlight_language = "YAML+Jinja"

html_theme = "sphinx_ansible_theme"
html_show_sphinx = False
display_version = False
html_use_smartypants = True
html_use_modindex = False
html_use_index = False
html_copy_source = False

default_role = "any"
nitpicky = True

ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/latest/"
# Labels of the Ansible documentation that the generated pages link to.
ANSIBLE_PAGES = {
    "common_return_values": "reference_appendices/common_return_values.html",
    "ansible_configuration_settings": "reference_appendices/config.html",
    "callback_plugins": "plugins/callback.html",
}
OTHER_COLLECTION = re.compile(r"^ansible_collections\.(?P<namespace>\w+)\.(?P<name>\w+)\.(?P<plugin>\w+)_(?P<type>\w+)$")


def external_reference(app, env, node, contnode):  # pylint: disable=unused-argument
    """Resolve a reference to the Ansible documentation or to another collection as a link."""
    from docutils import nodes  # pylint: disable=import-outside-toplevel

    target = node.get("reftarget", "")
    if node.get("refdomain") != "std" or node.get("reftype") != "ref":
        return None
    if target in ANSIBLE_PAGES:
        uri = ANSIBLE_DOCS + ANSIBLE_PAGES[target]
    else:
        match = OTHER_COLLECTION.match(target)
        if not match or (match.group("namespace"), match.group("name")) == ("mailops", "workmail"):
            return None
        uri = ANSIBLE_DOCS + "collections/{namespace}/{name}/{plugin}_{type}.html".format(**match.groupdict())
    reference = nodes.reference("", "", internal=False, refuri=uri)
    reference.append(contnode)
    return reference


def setup(app):
    app.connect("missing-reference", external_reference)
