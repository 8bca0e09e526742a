#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every query the Open Collective adapter sends fits Open Collective's schema.

The adapter sends only the files of src/platforms/opencollective/queries
(the fake Open Collective refuses anything else), each with the fragments
it spreads; each is checked against the types of the published schema in
tests/fixtures/opencollective/schema.graphql: every field and argument it
names exists there, required arguments are given, variables are declared
and typed as the schema types them, and no deprecated field is read.
The checker is tried on a broken query too, so that it cannot pass by
seeing nothing. Prints TAP."""
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import graphql_schema  # noqa: E402

root = sys.argv[1]
queries = os.path.join(root, "src", "platforms", "opencollective", "queries")
with open(os.path.join(root, "tests", "fixtures", "opencollective", "schema.graphql"), encoding="utf-8") as f:
    schema = graphql_schema.Schema(f.read())

fragments = {}
operations = {}
for name in sorted(os.listdir(queries)):
    with open(os.path.join(queries, name), encoding="utf-8") as f:
        text = f.read()
    fragment = re.search(r"^fragment (\w+)", text, re.M)
    if fragment:
        fragments[fragment.group(1)] = text
    else:
        operations[name] = text


def document(text):
    """@text with the fragments it spreads, as the adapter sends it."""
    spread = set(re.findall(r"\.\.\.(\w+)", text)) - {"on"}
    return text + "".join(fragments[name] for name in sorted(spread) if name in fragments)


broken = 'query Broken($slug: String) { account(slug: $slug) { nameOfNothing stats { balance } } }'
cases = [(name, document(text), True) for name, text in sorted(operations.items())]
cases.append(("a query naming a field the schema lacks", broken, False))
print(f"1..{len(cases)}")
for number, (name, text, good) in enumerate(cases, 1):
    problems = schema.check_document(text)
    if bool(problems) != (not good):
        print(f"not ok {number} {name}")
        for problem in problems or ["the checker saw nothing wrong"]:
            print(f"# {problem}")
    else:
        print(f"ok {number} {name}")
