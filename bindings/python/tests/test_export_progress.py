"""The whole database out as JSON Lines, and the progress of long operations: export_all,
each_export and export_all_file against export_json; set_progress during export, audit
verification and backup; a progress function that stops raises StoppedError and leaves no file."""

import json
import os

from _support import ScratchTestCase, seed_document

import rectify


def _second_unit(document):
    text = json.dumps(document, ensure_ascii=False)
    for old, new in (("tongcheng-2018-fulian", "tongcheng-2018-dangan"), ('"tongcheng-fulian"', '"tongcheng-dangan"'),
                     ('"市妇联"', '"市档案馆"'), ('"市妇联党组"', '"市档案馆党组"')):
        text = text.replace(old, new)
    return json.loads(text)


class ExportAllTest(ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.db = rectify.open(self.path("cases.db"), actor="admin")
        self.addCleanup(self.db.close)
        self.first = self.db.import_json(seed_document()).inspection_id
        self.second = self.db.import_json(_second_unit(seed_document())).inspection_id

    def test_export_all_gives_each_inspection_once(self):
        documents = self.db.export_all()
        self.assertEqual(documents, [self.db.export(self.first), self.db.export(self.second)])
        lines = []
        self.db.each_export(lines.append)
        self.assertEqual([json.loads(line) for line in lines], documents)
        self.assertTrue(all("\n" not in line for line in lines))
        some = []
        self.db.each_export(lambda line: some.append(line) or True)  # a truthy return stops
        self.assertEqual(len(some), 1)

    def test_export_all_file_round_trips(self):
        path = self.path("all.jsonl")
        self.db.export_all_file(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.splitlines()
        self.assertTrue(text.endswith("\n"))
        self.assertEqual([json.loads(line) for line in lines], self.db.export_all())
        with rectify.open(self.path("again.db"), actor="admin") as again:
            for line in lines:
                again.import_json(line)
            again.export_all_file(self.path("again.jsonl"))
        with open(self.path("again.jsonl"), encoding="utf-8") as f:
            self.assertEqual(f.read(), text)

    def test_a_callback_exception_propagates(self):
        def boom(_line):
            raise ValueError("boom")

        with self.assertRaises(ValueError):
            self.db.each_export(boom)


class ProgressTest(ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.db = rectify.open(self.path("cases.db"), actor="admin")
        self.addCleanup(self.db.close)
        self.db.import_json(seed_document())
        self.db.import_json(_second_unit(seed_document()))

    def watch(self, stop_at=None):
        calls = []

        def fn(operation, done, total):
            calls.append((operation, done, total))
            return not (stop_at and stop_at(operation, done, total))

        self.db.set_progress(fn)
        return calls

    def assert_reports(self, calls, operation, total=None):
        ours = [c for c in calls if c[0] == operation]
        self.assertGreaterEqual(len(ours), 2)
        self.assertEqual(ours[0][1], 0)
        dones = [c[1] for c in ours]
        self.assertEqual(dones, sorted(dones))
        self.assertEqual(ours[-1][1], ours[-1][2])
        if total is not None:
            self.assertEqual(ours[-1][2], total)

    def test_progress_of_export_verify_and_backup(self):
        calls = self.watch()
        self.db.export_all_file(self.path("all.jsonl"))
        self.assert_reports(calls, "export", 2)
        calls = self.watch()
        self.assertTrue(self.db.verify_audit()["intact"])
        self.assert_reports(calls, "audit_verify")
        calls = self.watch()
        self.db.backup(self.path("copy.db"))
        self.assert_reports(calls, "backup")
        self.db.set_progress(None)

    def test_stopping_raises_and_leaves_nothing(self):
        before = self.db.audit_log()
        self.watch(lambda op, done, total: True)
        with self.assertRaises(rectify.StoppedError):
            self.db.export_all_file(self.path("all.jsonl"))
        with self.assertRaises(rectify.StoppedError):
            self.db.export_all()
        with self.assertRaises(rectify.StoppedError):
            self.db.verify_audit()
        with self.assertRaises(rectify.StoppedError):
            self.db.backup(self.path("copy.db"))
        self.assertEqual([n for n in os.listdir(self.dir) if not n.startswith("cases.db")], [])
        self.assertFalse(os.path.exists(self.path("all.jsonl")))
        self.assertFalse(os.path.exists(self.path("copy.db")))
        self.db.set_progress(None)
        self.assertEqual(self.db.audit_log(), before)
