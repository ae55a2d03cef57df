"""Every exception class raised from a real failing call, and handles that free themselves."""

import copy
import gc
import unittest

from _support import SEED_CASE, ScratchTestCase, seed_document

import rectify
from rectify import Calendar, CalendarBase, Kind, Status, constants, errors

SEED_REF = "tongcheng-2018-fulian"


class ErrorTableTest(unittest.TestCase):
    def test_every_code_has_its_own_class_and_the_library_knows_it(self):
        codes = {v for k, v in vars(constants).items() if k.startswith("RECTIFY_E_")}
        unknown_text = rectify.strerror(-9999)
        for code in codes:
            with self.subTest(code=code):
                cls = rectify.error_for(code)
                self.assertIsNot(cls, rectify.RectifyError)
                self.assertEqual(cls.code, code)
                self.assertNotEqual(rectify.strerror(code), unknown_text)
        self.assertEqual(len({rectify.error_for(c) for c in codes}), len(codes))

    def test_an_unknown_code_raises_the_base_class(self):
        self.assertIs(rectify.error_for(-9999), rectify.RectifyError)

    def test_families_catch_their_members(self):
        self.assertTrue(issubclass(rectify.JSONError, rectify.InvalidInputError))
        self.assertTrue(issubclass(rectify.ValidationError, ValueError))
        self.assertTrue(issubclass(rectify.DeniedError, rectify.AccessError))
        self.assertTrue(issubclass(rectify.BusyError, rectify.DatabaseError))
        self.assertTrue(issubclass(rectify.ClosedError, rectify.MisuseError))


class FailingCallsTest(ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.db = rectify.open(self.path("cases.db"), actor="admin")
        self.addCleanup(self.db.close)
        self.inspection_id = self.db.import_file(SEED_CASE).inspection_id
        self.measure_id = self.db.find(Kind.MEASURE, SEED_REF + "/a4/i1/m1")

    def assertRaisesCode(self, cls, function, *args, **kwargs):
        with self.assertRaises(cls) as caught:
            function(*args, **kwargs)
        self.assertEqual(caught.exception.code, cls.code)
        self.assertTrue(caught.exception.message)
        return caught.exception

    def test_not_found(self):
        error = self.assertRaisesCode(errors.NotFoundError, self.db.get, Kind.ISSUE, 99999)
        self.assertIn("99999", str(error))
        self.assertRaisesCode(errors.NotFoundError, self.db.find, "issue", "no/such/ref")

    def test_stale_version_is_a_conflict(self):
        seen = self.db.get(Kind.MEASURE, self.measure_id)["version"]
        new_version = self.db.set_status(Kind.MEASURE, self.measure_id, Status.DONE, expect_version=seen)
        self.assertEqual(new_version, seen + 1)
        error = self.assertRaisesCode(errors.ConflictError, self.db.set_status, Kind.MEASURE, self.measure_id,
                                      "in_progress", expect_version=seen)
        self.assertIn("version %d" % new_version, str(error))
        self.assertEqual(self.db.get(Kind.MEASURE, self.measure_id)["status"], "done")

    def test_forbidden_transition(self):
        self.assertRaisesCode(errors.TransitionError, self.db.set_status, Kind.MEASURE, self.measure_id,
                              Status.NOT_STARTED)

    def test_an_actor_who_is_not_a_user_is_denied(self):
        with rectify.open(self.path("cases.db"), actor="stranger") as stranger:
            error = self.assertRaisesCode(errors.DeniedError, stranger.records, Kind.ISSUE)
        self.assertIn("stranger", str(error))

    def test_a_change_without_an_actor(self):
        with rectify.open(self.path("cases.db")) as anonymous:
            self.assertRaisesCode(errors.NoActorError, anonymous.add_progress, self.measure_id, "2019-02-01", "x")

    def test_malformed_json(self):
        error = self.assertRaisesCode(errors.JSONError, self.db.import_json, '{"format": ')
        self.assertIn("line 1", str(error))

    def test_invalid_document_names_the_field_path(self):
        document = copy.deepcopy(seed_document())
        document["aspects"][1]["issues"][0]["measures"][0]["deadline"] = "2018-02-30"
        error = self.assertRaisesCode(errors.ValidationError, self.db.import_json, document)
        self.assertIn("aspects[1].issues[0].measures[0].deadline", str(error))
        self.assertIn("2018-02-30", str(error))

    def test_bad_date_changes_nothing(self):
        before = self.db.records(Kind.PROGRESS, parent_id=self.measure_id)
        error = self.assertRaisesCode(errors.ArgumentError, self.db.add_progress, self.measure_id, "2019-02-30",
                                      "text")
        self.assertIn("2019-02-30", str(error))
        self.assertEqual(self.db.records(Kind.PROGRESS, parent_id=self.measure_id), before)

    def test_invalid_utf8(self):
        self.assertRaisesCode(errors.UTF8Error, rectify.parse_notice, b"\xff\xfe not text")

    def test_guard_refuses_a_close_out_without_evidence(self):
        issue_id = self.db.find(Kind.ISSUE, SEED_REF + "/a6/i4")
        error = self.assertRaisesCode(errors.GuardError, self.db.close_out, issue_id, "2019-03-01")
        self.assertIn("min_evidence", str(error))

    def test_duplicate_user(self):
        self.assertRaisesCode(errors.DuplicateError, self.db.add_user, "admin")

    def test_unknown_date_in_an_empty_calendar(self):
        with Calendar(CalendarBase.EMPTY) as calendar:
            error = self.assertRaisesCode(errors.UnknownDateError, calendar.is_workday, "2020-01-01")
        self.assertIn("2020", str(error))

    def test_tampered_evidence_carries_its_report(self):
        minutes = self.path("minutes.txt")
        with open(minutes, "w") as f:
            f.write("会议记录")
        issue_id = self.db.find(Kind.ISSUE, SEED_REF + "/a6/i4")
        self.db.add_evidence(Kind.ISSUE, issue_id, "会议记录", path=minutes)
        self.assertTrue(self.db.verify_evidence(self.inspection_id)["intact"])
        with open(minutes, "w") as f:
            f.write("altered")
        error = self.assertRaisesCode(errors.TamperedError, self.db.verify_evidence, self.inspection_id)
        self.assertFalse(error.report["intact"])
        self.assertEqual([row["path"] for row in error.report["changed"]], [minutes])

    def test_missing_file(self):
        self.assertRaisesCode(errors.FileError, self.db.import_file, self.path("absent.json"))

    def test_a_file_that_is_not_a_database(self):
        with open(self.path("notes.txt"), "w") as f:
            f.write("not a database")
        self.assertRaisesCode(errors.NotADatabaseError, rectify.open, self.path("notes.txt"))


class HandleLifetimeTest(ScratchTestCase):
    def test_a_database_closes_at_the_end_of_its_block_and_then_refuses_use(self):
        with rectify.open(self.path("cases.db"), actor="admin") as db:
            self.assertFalse(db.closed)
        self.assertTrue(db.closed)
        with self.assertRaises(rectify.ClosedError) as caught:
            db.records(Kind.ISSUE)
        self.assertEqual(caught.exception.code, constants.RECTIFY_E_MISUSE)
        self.assertIn("closed", str(caught.exception))
        db.close()  # twice does nothing

    def test_a_closed_database_releases_the_file(self):
        with rectify.open(self.path("cases.db"), actor="admin") as db:
            db.import_file(SEED_CASE)
        # A new handle sees the data the closed one wrote, and can write itself.
        with rectify.open(self.path("cases.db"), actor="admin") as again:
            self.assertEqual(len(again.records(Kind.ASPECT)), 6)
            again.add_user("clerk")

    def test_a_calendar_closes_at_the_end_of_its_block(self):
        with Calendar() as calendar:
            self.assertTrue(calendar.year_known(2019))
        with self.assertRaises(rectify.ClosedError):
            calendar.year_known(2019)

    def test_handles_dropped_without_close_are_freed(self):
        db = rectify.open(self.path("cases.db"), actor="admin")
        calendar = db.calendar()
        del db, calendar
        gc.collect()  # __del__ frees both handles
        with rectify.open(self.path("cases.db"), actor="admin") as db:
            self.assertEqual(db.users()[0]["name"], "admin")


if __name__ == "__main__":
    unittest.main()
