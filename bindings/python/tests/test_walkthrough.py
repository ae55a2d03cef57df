"""A walk through the work on the seed case: records, status, progress, calendar, warnings,
extensions and escalations, close-out, a look-back review, follow-ups, evaluation, leads, users
and the audit log, statistics and the text report.

The seed is changed before import to have a feedback date (2018-11-01) and so that two measures
have deadlines: a4/i1/m1 due 2019-01-31
(red as of 2019-03-01) and a4/i1/m2 due 2019-03-10 (yellow).
"""

import datetime
import json
import os

from _support import SOURCE_DIR, ScratchTestCase, document_issues, document_measures, seed_document

import rectify
from rectify import Audience, DayType, EscalationLevel, Format, Kind, Light, PeriodUnit, ReviewScope, Role, Rollup, Status

SEED_REF = "tongcheng-2018-fulian"
AS_OF = datetime.date(2019, 3, 1)


def _seed_with_deadlines():
    document = seed_document()
    document["inspection"]["feedback_date"] = "2018-11-01"
    for measure in document_measures(document):
        if measure["ref"] == SEED_REF + "/a4/i1/m1":
            measure.update(category="deadline", deadline="2019-01-31")
        if measure["ref"] == SEED_REF + "/a4/i1/m2":
            measure.update(category="deadline", deadline="2019-03-10")
    return document


# An Ed25519 key pair for the tests only (openssl genpkey -algorithm ed25519), and another public key.
PRIVATE_KEY = ("-----BEGIN PRIVATE KEY-----\n"
               "MC4CAQAwBQYDK2VwBCIEIJvEoP6Kzs9/R0HrJtmc/Ox4du8u9xepc/ZW5BJJy1aq\n"
               "-----END PRIVATE KEY-----\n")
PUBLIC_KEY = ("-----BEGIN PUBLIC KEY-----\n"
              "MCowBQYDK2VwAyEATPb1IPMjBedZt0NwXRd+bhVaSyoqS8k5Bt0OEycLkds=\n"
              "-----END PUBLIC KEY-----\n")
OTHER_PUBLIC_KEY = ("-----BEGIN PUBLIC KEY-----\n"
                    "MCowBQYDK2VwAyEAhINTra+LW+BRjQkH+fBO/pZQsKP1bcSUhvzec4lUOCE=\n"
                    "-----END PUBLIC KEY-----\n")


class WalkthroughTest(ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.document = _seed_with_deadlines()
        self.db = rectify.open(self.path("cases.db"), actor="admin")
        self.addCleanup(self.db.close)
        result = self.db.import_json(self.document)
        self.inspection_id = result.inspection_id
        self.summary = result.summary

    def ref(self, kind, suffix):
        return self.db.find(kind, SEED_REF + suffix)

    def other_handle(self, actor, role):
        self.db.add_user(actor)
        self.db.grant(actor, role)
        handle = rectify.open(self.path("cases.db"), actor=actor)
        self.addCleanup(handle.close)
        return handle

    def test_import_export_and_records(self):
        issues = list(document_issues(self.document))
        self.assertEqual(self.summary["created"]["issue"], len(issues))
        self.assertEqual(self.summary["created"]["measure"], len(list(document_measures(self.document))))
        self.assertEqual(len(self.db.records(Kind.ASPECT, inspection_id=self.inspection_id)), 6)
        listed = self.db.records("issue", inspection_id=self.inspection_id)
        self.assertEqual([r["ref"] for r in listed], [i["ref"] for i in issues])
        self.assertEqual([r["ref"] for r in self.db.records(Kind.ISSUE, offset=2, limit=3)],
                         [i["ref"] for i in issues[2:5]])
        issue = self.db.get(Kind.ISSUE, self.ref(Kind.ISSUE, "/a1/i1"))
        self.assertEqual((issue["kind"], issue["title"]), ("issue", issues[0]["title"]))
        measures = self.db.records(Kind.MEASURE, parent_id=issue["id"])
        self.assertEqual(len(measures), len(issues[0]["measures"]))

        exported = self.db.export(self.inspection_id)
        self.assertEqual(exported["inspection"]["ref"], SEED_REF)
        self.assertEqual(self.db.import_json(self.db.export_json(self.inspection_id)).summary["created"]["issue"], 0)

    def test_status_and_progress(self):
        measure_id = self.ref(Kind.MEASURE, "/a4/i1/m1")
        version = self.db.set_status(Kind.MEASURE, measure_id, "done")
        record = self.db.get(Kind.MEASURE, measure_id)
        self.assertEqual((record["status"], record["version"]), ("done", version))
        self.assertEqual(Status.from_name(record["status"]).label, "已完成")

        progress_id = self.db.add_progress(measure_id, datetime.date(2019, 2, 1), "召开专题会议研究部署。")
        progress = self.db.get(Kind.PROGRESS, progress_id)
        self.assertEqual((progress["date"], progress["text"], progress["author"]),
                         ("2019-02-01", "召开专题会议研究部署。", "admin"))
        self.assertIn(progress_id, [p["id"] for p in self.db.records(Kind.PROGRESS, parent_id=measure_id)])
        self.assertIn("召开专题会议研究部署。", self.db.render_notice(self.inspection_id))

    def test_the_database_calendar(self):
        with self.db.calendar() as calendar:
            self.assertFalse(calendar.is_workday("2018-10-01"))  # National Day
            self.assertEqual(calendar.day_type("2018-09-29"), DayType.ADJUSTED_WORKDAY)
            self.assertEqual(calendar.add_workdays("2018-09-28", 1), datetime.date(2018, 9, 29))
            self.assertEqual(calendar.next_workday(datetime.date(2018, 10, 1)), datetime.date(2018, 10, 8))
            self.assertEqual(calendar.count_workdays("2018-09-28", "2018-10-08"), 3)  # 29th, 30th (调休), 8th
            self.assertEqual(calendar.period_end("2019-01-31", PeriodUnit.MONTHS, 1), datetime.date(2019, 2, 28))
        self.db.set_calendar_day("2019-03-04", DayType.HOLIDAY)  # a local day off, a Monday
        with self.db.calendar() as calendar:
            self.assertEqual(calendar.day_type("2019-03-04"), DayType.HOLIDAY)
            copy = calendar.copy()
        with copy:
            self.assertTrue(copy.clear_day("2019-03-04"))
            self.assertEqual(copy.day_type("2019-03-04"), DayType.WORKDAY)

    def test_warnings_overdue_and_streaming(self):
        warnings = self.db.warnings(as_of=AS_OF)
        self.assertEqual((warnings["totals"]["red"], warnings["totals"]["yellow"]), (1, 1))
        self.assertEqual([r["ref"] for r in warnings["rows"][:2]],
                         [SEED_REF + "/a4/i1/m1", SEED_REF + "/a4/i1/m2"])
        self.assertEqual(warnings["rows"][0]["days_left"], -29)
        red = self.db.warnings(as_of=AS_OF, lights=[Light.RED])["rows"]
        self.assertEqual([r["ref"] for r in red], [SEED_REF + "/a4/i1/m1"])
        by_issue = self.db.warnings(as_of=AS_OF, rollup=Rollup.ISSUE)["rows"]
        self.assertEqual(by_issue[0]["id"], self.ref(Kind.ISSUE, "/a4/i1"))

        streamed = []
        self.db.each_warning(streamed.append, as_of=AS_OF)
        self.assertEqual(streamed, warnings["rows"])
        first = []
        self.db.each_warning(lambda row: first.append(row) or True, as_of=AS_OF)
        self.assertEqual(first, warnings["rows"][:1])
        with self.assertRaises(ZeroDivisionError):
            self.db.each_warning(lambda row: 1 / 0, as_of=AS_OF)

        self.assertEqual([r["ref"] for r in self.db.overdue(as_of=AS_OF)], [SEED_REF + "/a4/i1/m1"])
        self.assertEqual(self.db.overdue_count(as_of=AS_OF), 1)
        self.assertEqual([r["ref"] for r in self.db.due_within(10, as_of=AS_OF)], [SEED_REF + "/a4/i1/m2"])

    def test_profiles_extensions_and_escalations(self):
        county = {"name": "county", "plan_due": {"unit": "months", "n": 1},
                  "concentrated": {"unit": "months", "n": 3}, "report_due": {"unit": "months", "n": 2},
                  "evaluation_after": {"unit": "months", "n": 1}, "warn_days": [30, 15, 5],
                  "unknown_dates": "fail"}
        self.assertEqual(self.db.add_profile(county), 1)
        self.assertEqual(self.db.add_profile(county), 2)
        self.assertEqual([p["version"] for p in self.db.profiles() if p["name"] == "county"], [1, 2])
        self.db.apply_profile(self.inspection_id, "county")

        measure_id = self.ref(Kind.MEASURE, "/a4/i1/m1")
        request = self.db.request_extension(measure_id, "2019-04-30", "需协调上级部门")
        self.assertEqual([e["id"] for e in self.db.extensions(pending_only=True)], [request])
        supervisor = self.other_handle("supervisor1", Role.SUPERVISOR)
        supervisor.decide_extension(request, approve=True, note="同意")
        self.assertEqual(self.db.extensions(measure_id, pending_only=True), [])
        self.assertEqual(self.db.get(Kind.MEASURE, measure_id)["deadline"], "2019-04-30")
        self.assertEqual(self.db.overdue_count(as_of=AS_OF), 0)

        escalation = self.db.escalate(Kind.MEASURE, measure_id, EscalationLevel.NOTICE, "2019-03-01", "市妇联",
                                      new_deadline="2019-03-31")
        self.assertEqual([e["id"] for e in self.db.open_escalations()], [escalation])
        self.assertEqual(self.db.get(Kind.MEASURE, measure_id)["deadline"], "2019-03-31")

    def test_close_out_and_a_look_back_that_reopens(self):
        issue_id = self.ref(Kind.ISSUE, "/a6/i4")
        with self.assertRaises(rectify.GuardError):
            self.db.close_out(issue_id, "2019-03-01")
        evidence_id = self.db.add_evidence(Kind.ISSUE, issue_id, "工会账户年检材料", uri="oa://docs/2019/17",
                                           media_type="application/pdf", evidence_kind="文件")
        self.assertEqual([e["id"] for e in self.db.evidence(Kind.ISSUE, issue_id)], [evidence_id])
        version = self.db.close_out(issue_id, "2019-03-01", note="材料齐全")
        issue = self.db.get(Kind.ISSUE, issue_id)
        self.assertEqual((issue["status"], issue["version"]), ("closed", version))
        self.assertEqual([(c["verifier"], c["closed_on"]) for c in self.db.close_outs(issue_id)],
                         [("admin", "2019-03-01")])

        review = self.db.schedule_review(ReviewScope.INSPECTION, self.inspection_id, "2019-09-01", "市委第一巡察组",
                                         "整改“回头看”")
        self.db.record_verdict(review, issue_id, "relapsed", "2019-09-02", findings="工会经费再次混用",
                               new_measures=[{"title": "重新建立工会独立账户", "deadline": "2019-10-31"}])
        issue = self.db.get(Kind.ISSUE, issue_id)
        self.assertEqual((issue["status"], issue["relapse_count"]), ("reopened", 1))
        report = self.db.review_report(review)
        self.assertEqual(report["counts"]["relapsed"], 1)
        self.assertEqual([(r["issue_id"], r["status"]) for r in report["reopened"]], [(issue_id, "reopened")])
        refs = [m["ref"] for m in self.db.records(Kind.MEASURE, parent_id=issue_id)]
        self.assertIn(SEED_REF + "/a6/i4/r1m1", refs)
        self.assertEqual(len(self.db.close_outs(issue_id)), 1)  # history kept

        self.db.set_close_out_guards(min_evidence=2)
        self.assertEqual(self.db.close_out_guards()["min_evidence"], 2)
        self.db.set_close_out_guards({})
        self.assertEqual(self.db.close_out_guards()["min_evidence"], 1)

    def test_follow_ups_evaluation_and_leads(self):
        ongoing = self.ref(Kind.MEASURE, "/a5/i1/m1")
        self.db.plan_followups(ongoing, "monthly", "2018-11-01")
        self.db.record_followup(ongoing, "2018-12-01", "每月开展妇女儿童工作调研。")
        due = self.db.followups_due(30, as_of=AS_OF)
        mine = [row for row in due if row["measure_id"] == ongoing]
        self.assertEqual(len(mine), 1)
        self.assertTrue(mine[0]["missed"])
        self.assertEqual(mine[0]["last_followup"], "2018-12-01")

        result = self.db.evaluate(self.inspection_id, "2019-03-01", [{"item": "整改台账不规范", "points": 5}])
        self.assertEqual((result["score"], result["rating"]), (95, "good"))

        lead = self.db.add_lead(self.inspection_id, "某干部违规发放补贴问题线索", "市纪委监委", "2018-11-05")
        self.db.dispose_lead(lead, "concluded", concluded_on="2019-01-10", note="给予诫勉")
        self.db.add_lead(self.inspection_id, "某科室违规使用公车问题线索", "市委组织部", "2018-11-05")
        leads = self.db.leads(self.inspection_id)
        self.assertEqual((leads["handed"], leads["concluded"], leads["completion_basis_points"]), (2, 1, 5000))
        self.assertEqual([l["disposition"] for l in leads["leads"] if l["id"] == lead], ["concluded"])

    def test_users_audit_and_backup(self):
        self.db.add_user("liaison1", "整改联络员")
        unit_id = self.db.records(Kind.UNIT)[0]["id"]
        self.db.grant("liaison1", "liaison", rectify.Scope.UNIT, unit_id)
        users = {u["name"]: u for u in self.db.users()}
        self.assertEqual(users["liaison1"]["grants"], [{"role": "liaison", "scope": "unit", "scope_id": unit_id}])
        self.db.revoke("liaison1", Role.LIAISON, rectify.Scope.UNIT, unit_id)
        self.assertEqual({u["name"]: u for u in self.db.users()}["liaison1"]["grants"], [])

        issue_id = self.ref(Kind.ISSUE, "/a1/i1")
        self.assertEqual([e["action"] for e in self.db.audit_log(Kind.ISSUE, issue_id)], ["create"])
        self.assertTrue(self.db.audit_log(limit=1))
        report = self.db.verify_audit()
        self.assertTrue(report["intact"])
        self.db.backup(self.path("copy.db"))
        with rectify.open(self.path("copy.db"), read_only=True, actor="admin") as copy:
            self.assertEqual(copy.verify_audit()["head_hash"], report["head_hash"])
            self.assertEqual(copy.schema_version, rectify.schema_version())

    def test_signed_heads_and_proofs(self):
        head1 = self.db.audit_head(PRIVATE_KEY)
        self.assertEqual(head1["algorithm"], "ed25519")
        self.assertTrue(self.db.verify_head(head1, PUBLIC_KEY)["intact"])
        self.db.add_user("head-witness")
        head2 = self.db.audit_head(PRIVATE_KEY.encode("ascii"))
        self.assertGreater(head2["size"], head1["size"])
        proof = self.db.prove_consistency(head1, json.dumps(head2))
        self.assertEqual((proof["from_size"], proof["to_root"]), (head1["size"], head2["root"]))
        self.assertEqual(self.db.prove_consistency(head1), proof)
        inclusion = self.db.prove_inclusion(head2["size"], head2)
        self.assertEqual(inclusion["event"]["id"], head2["size"])
        with self.assertRaises(rectify.TamperedError) as caught:
            self.db.verify_head(head1, OTHER_PUBLIC_KEY)
        self.assertIn("another key", str(caught.exception))
        self.assertFalse(caught.exception.report["intact"])
        with self.assertRaises(rectify.ArgumentError):
            self.db.prove_consistency(head2, head1)

    def test_statistics_and_the_text_report(self):
        stats = self.db.stats(inspection_id=self.inspection_id, as_of=AS_OF)
        issues = [i for a in self.document["aspects"] for i in a["issues"]]
        self.assertEqual(stats["as_of"], "2019-03-01")
        self.assertEqual(stats["issues_total"], len(issues))
        self.assertEqual(stats["measures_overdue"], 1)
        self.assertEqual(stats["completion_rate"], "100.00%")

        text = self.db.render_report(self.inspection_id, Format.TEXT, Audience.INTERNAL, as_of=AS_OF)
        self.assertIsInstance(text, str)
        self.assertTrue(text.startswith(self.document["inspection"]["title"]))
        self.assertIn("6个方面11项整改任务", text)
        self.assertEqual(text, self.db.render_report(self.inspection_id, "text", as_of="2019-03-01"))

    def test_every_report_format(self):
        markdown = self.db.render_report(self.inspection_id, Format.MARKDOWN, as_of=AS_OF)
        self.assertIn("## ", markdown)
        html = self.db.render_report(self.inspection_id, Format.HTML, as_of=AS_OF)
        self.assertTrue(html.startswith("<!DOCTYPE html>"), html[:40])
        csv_text = self.db.render_report(self.inspection_id, Format.CSV, as_of=AS_OF)
        self.assertTrue(csv_text.startswith("\ufeff问题,整改措施"), csv_text[:20])
        self.assertEqual(len(csv_text.rstrip("\r\n").split("\r\n")), 1 + sum(
            len(i["measures"]) for a in self.document["aspects"] for i in a["issues"]))
        workbook = self.db.render_report(self.inspection_id, "xlsx", as_of=AS_OF)
        self.assertIsInstance(workbook, bytes)
        self.assertTrue(workbook.startswith(b"PK"))
        oscal = json.loads(self.db.render_report(self.inspection_id, Format.OSCAL, as_of=AS_OF))
        self.assertEqual(len(oscal["plan-of-action-and-milestones"]["poam-items"]), 11)

    def test_a_parsed_notice_imports(self):
        notice = os.path.join(SOURCE_DIR, "..", "shared", "fixtures", "seed-report.txt")
        if not os.path.exists(notice):
            self.skipTest("no seed notice at %s" % notice)
        with open(notice, encoding="utf-8") as f:
            document = rectify.parse_notice(f.read(), ref="parsed-fulian", feedback_date="2018-11-01")
        self.assertEqual(len(document["aspects"]), 6)
        self.assertEqual(document["inspection"]["feedback_date"], "2018-11-01")
        imported = self.db.import_json(document)
        self.assertEqual(imported.summary["created"]["aspect"], 6)


if __name__ == "__main__":
    import unittest

    unittest.main()
