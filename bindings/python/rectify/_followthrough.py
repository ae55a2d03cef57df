"""Evidence, close-out (销号), look-back reviews (回头看), follow-ups, evaluation and leads
(followthrough.h). docs/followthrough.md lists the keys of what comes back.
"""

from ctypes import byref, c_void_p

from . import _convert as conv
from ._base import verified, warning_options
from ._ffi import lib
from ._structs import Evidence
from .enums import Kind, ReviewScope


class FollowthroughMixin:
    # --- evidence (佐证材料) ---------------------------------------------------------------------

    def add_evidence(self, kind, target_id, title, path=None, uri=None, media_type=None, evidence_kind=None):
        """Attaches evidence to an issue or measure; returns its id.

        Give ``path`` (the library hashes the file itself) or ``uri``. ``evidence_kind`` is the
        host's word for it (文件, 照片, 会议记录 …).
        """
        evidence = Evidence(title=conv.text(title), kind=conv.text(evidence_kind),
                            path=None if path is None else conv.path(path), uri=conv.text(uri),
                            media_type=conv.text(media_type))
        return self._int64(lib.rectify_evidence_add, conv.named(Kind, kind), target_id, byref(evidence))

    def evidence(self, kind, target_id):
        return self._json(lib.rectify_evidence_list, conv.named(Kind, kind), target_id)

    def verify_evidence(self, inspection_id=0):
        """Re-hashes evidence files; returns the report, or raises TamperedError carrying it."""
        out = c_void_p()
        code = lib.rectify_evidence_verify(byref(out), self._handle, inspection_id)
        return verified(code, conv.take_json(out))

    # --- close-out (销号) ------------------------------------------------------------------------

    def close_out(self, issue_id, date, note=None):
        """The actor, as verifier, accepts a done issue; returns its new version.

        GuardError names the guard that refused (measures not done, no evidence, the verifier
        being a measure's 责任人).
        """
        return self._int64(lib.rectify_close_out, issue_id, conv.date(date), conv.text(note))

    def close_out_guards(self):
        return self._json(lib.rectify_close_out_guards)

    def set_close_out_guards(self, guards=None, **keys):
        """Sets the guards: measures_done, min_evidence, verifier_not_owner; omitted keys reset."""
        data = conv.json_text({**(guards or {}), **keys})
        lib.rectify_close_out_guards_set(self._handle, data, len(data))

    def close_outs(self, issue_id):
        return self._json(lib.rectify_close_out_list, issue_id)

    # --- look-back reviews (回头看) ---------------------------------------------------------------

    def schedule_review(self, scope, scope_id, date, team, title):
        """Schedules a look-back of an inspection or a round; returns the review's id."""
        return self._int64(lib.rectify_review_schedule, conv.named(ReviewScope, scope), scope_id, conv.date(date),
                           conv.text(team), conv.text(title))

    def record_verdict(self, review_id, issue_id, verdict, date, findings=None, new_measures=None):
        """Judges one issue: "held", "relapsed", "incomplete" or "false"; returns the verdict's id.

        Anything but held reopens the issue; new_measures (a list of dicts) are its
        re-rectification measures (二次整改).
        """
        measures = None if new_measures is None else conv.json_text(new_measures)
        return self._int64(lib.rectify_review_verdict, review_id, issue_id, conv.text(verdict), conv.date(date),
                           conv.text(findings), measures)

    def review_report(self, review_id):
        return self._json(lib.rectify_review_report, review_id)

    # --- follow-ups of ongoing measures (长期坚持) -------------------------------------------------

    def plan_followups(self, measure_id, cadence, start):
        """Plans follow-ups: "monthly", "quarterly", "half_yearly" or "yearly" from start."""
        lib.rectify_followup_plan(self._handle, measure_id, conv.text(cadence), conv.date(start))

    def record_followup(self, measure_id, date, narrative):
        return self._int64(lib.rectify_followup_record, measure_id, conv.date(date), conv.text(narrative))

    def followups_due(self, days, **scope):
        """Follow-ups due within days of as_of, or missed."""
        return self._json(lib.rectify_followups_due, days, byref(warning_options(**scope)))

    # --- evaluation (整改评估) --------------------------------------------------------------------

    def evaluate(self, inspection_id, date, deductions, thresholds=None):
        """Scores an inspection: 100 less the deductions (a list of {"item", "points", …})."""
        limits = None if thresholds is None else conv.json_text(thresholds)
        return self._json(lib.rectify_evaluate, inspection_id, conv.date(date), conv.json_text(deductions), limits)

    # --- leads (问题线索) -------------------------------------------------------------------------

    def add_lead(self, inspection_id, summary, handed_to, handed_on):
        return self._int64(lib.rectify_lead_add, inspection_id, conv.text(summary), conv.text(handed_to),
                           conv.date(handed_on))

    def dispose_lead(self, lead_id, disposition, concluded_on=None, note=None):
        """"in_progress", "concluded" or "no_case" (the last two need concluded_on)."""
        lib.rectify_lead_dispose(self._handle, lead_id, conv.text(disposition), conv.date(concluded_on),
                                 conv.text(note))

    def leads(self, inspection_id=0):
        return self._json(lib.rectify_lead_list, inspection_id)
