"""Batch import: JSON Lines of inspection documents in one transaction, from memory and from a
file; a bad line refuses the whole batch and names the line."""

import json

from _support import ScratchTestCase, seed_document

import rectify

SEED_REF = "tongcheng-2018-fulian"


def _documents():
    """The seed and a copy of it under other refs (same round and unit)."""
    first = seed_document()
    second = json.loads(json.dumps(first).replace(SEED_REF, "tongcheng-2018-fulian-copy"))
    return [first, second]


class BatchImportTest(ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.db = rectify.open(self.path("batch.db"), actor="admin")
        self.addCleanup(self.db.close)

    def test_a_list_of_documents_in_one_transaction(self):
        summary = self.db.import_batch_json(_documents())
        self.assertEqual(summary["documents"], 2)
        self.assertEqual(summary["created"]["inspection"], 2)
        self.assertEqual(summary["created"]["unit"], 1)
        self.assertEqual(summary["unchanged"]["unit"], 1)
        self.assertEqual(len(self.db.records(rectify.Kind.ISSUE)), 22)
        again = self.db.import_batch_json(_documents())
        self.assertEqual(sum(again["created"].values()) + sum(again["updated"].values()), 0)

    def test_a_file_and_a_bad_line(self):
        path = self.path("batch.jsonl")
        good, bad = _documents()
        bad["aspects"][0]["issues"][0]["measures"][0]["deadline"] = "2018-02-30"
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(good, ensure_ascii=False) + "\n\n" + json.dumps(bad, ensure_ascii=False) + "\n")
        with self.assertRaises(rectify.InvalidInputError) as caught:
            self.db.import_batch_file(path)
        self.assertIn("line 3: aspects[0].issues[0].measures[0].deadline", str(caught.exception))
        self.assertEqual(self.db.records(rectify.Kind.INSPECTION), [])
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(good, ensure_ascii=False) + "\n")
        self.assertEqual(self.db.import_batch_file(path)["documents"], 1)
