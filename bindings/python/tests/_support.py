"""Shared by the tests: where the repository's files are, and a scratch directory per test.

ctest passes RECTIFY_LIBRARY (the library just built), RECTIFY_SEED_CASE and RECTIFY_INCLUDE_DIR;
run by hand, the paths fall back to the source tree this file sits in.
"""

import json
import os
import shutil
import tempfile
import unittest

BINDING_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_DIR = os.path.dirname(os.path.dirname(BINDING_DIR))
SEED_CASE = os.environ.get("RECTIFY_SEED_CASE", os.path.join(SOURCE_DIR, "data", "examples", "seed-case.json"))
INCLUDE_DIR = os.environ.get("RECTIFY_INCLUDE_DIR", os.path.join(SOURCE_DIR, "include", "rectify"))


def seed_document():
    with open(SEED_CASE, encoding="utf-8") as f:
        return json.load(f)


def walk_issues(issues):
    """Every issue of a document, sub-issues included, depth first."""
    for issue in issues:
        yield issue
        yield from walk_issues(issue["issues"])


def document_issues(document):
    for aspect in document["aspects"]:
        yield from walk_issues(aspect["issues"])


def document_measures(document):
    for issue in document_issues(document):
        yield from issue["measures"]


class ScratchTestCase(unittest.TestCase):
    """A test with a temporary directory of its own, removed afterwards."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rectify-py-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)
