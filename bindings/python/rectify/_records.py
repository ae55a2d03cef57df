"""Records, status, progress, import/export and the notice (records.h, interchange.h, notice.h)."""

import collections
import ctypes
import json
from ctypes import byref, c_int64, c_size_t, c_void_p

from . import _convert as conv
from ._ffi import lib
from ._structs import ListOptions, NoticeOptions, RowCallback
from .enums import Audience, Format, Kind, Status

ImportResult = collections.namedtuple("ImportResult", "inspection_id summary")
ImportResult.__doc__ = "What an import did: the inspection's id and the counts created and updated."


class RecordsMixin:
    def get(self, kind, record_id):
        """One record as a dict; NotFoundError when there is none."""
        return self._json(lib.rectify_record_get, conv.named(Kind, kind), record_id)

    def find(self, kind, ref):
        """The id of the record of this kind whose host key is ref; NotFoundError if none."""
        return self._int64(lib.rectify_record_find, conv.named(Kind, kind), conv.text(ref))

    def records(self, kind, inspection_id=0, parent_id=0, offset=0, limit=0):
        """Records of one kind, in display order, optionally of one inspection or parent."""
        options = ListOptions(inspection_id=inspection_id, parent_id=parent_id, offset=offset, limit=limit)
        return self._json(lib.rectify_record_list, conv.named(Kind, kind), byref(options))

    def set_status(self, kind, record_id, status, expect_version=0):
        """Moves an issue or measure to a status; returns its new version.

        expect_version is the version last seen (0 skips the check): ConflictError when someone
        changed the record since, TransitionError when the status machine forbids the move.
        """
        return self._int64(lib.rectify_status_set, conv.named(Kind, kind), record_id,
                           conv.named(Status, status), expect_version)

    def add_progress(self, measure_id, date, text, author=None):
        """Adds a dated progress record (整改进展) to a measure; returns its id."""
        return self._int64(lib.rectify_progress_add, measure_id, conv.date(date), conv.text(text),
                           conv.text(author))

    # --- whole inspections ---------------------------------------------------------------------

    def import_json(self, document):
        """Imports one inspection document (dict, or JSON text); all of it or nothing.

        On refusal the exception's message names the field path, e.g.
        "aspects[2].issues[0].measures[1].deadline: 2018-02-30 is not a calendar date".
        """
        data = conv.json_text(document)
        inspection_id, summary = c_int64(), c_void_p()
        lib.rectify_import_json(byref(inspection_id), byref(summary), self._handle, data, len(data))
        return ImportResult(inspection_id.value, conv.take_json(summary))

    def import_file(self, path):
        """As import_json(), reading the document from a file."""
        inspection_id, summary = c_int64(), c_void_p()
        lib.rectify_import_file(byref(inspection_id), byref(summary), self._handle, conv.path(path))
        return ImportResult(inspection_id.value, conv.take_json(summary))

    def import_batch_json(self, documents):
        """Imports many inspection documents in one transaction: all of them or none.

        documents is JSON Lines text (one document a line) or a list of documents (dicts or JSON
        text). Returns the summed summary: {"documents": n, "created": {...}, "updated": {...},
        "unchanged": {...}}. A refusal's message names the line, e.g. "line 3: aspects[0]...".
        """
        if isinstance(documents, (list, tuple)):
            lines = []
            for d in documents:
                text = d if isinstance(d, str) else json.dumps(d, ensure_ascii=False)
                lines.append(text.replace("\n", " "))
            documents = "\n".join(lines) + "\n"
        data = conv.json_text(documents)
        summary = c_void_p()
        lib.rectify_import_batch_json(byref(summary), self._handle, data, len(data))
        return conv.take_json(summary)

    def import_batch_file(self, path):
        """As import_batch_json(), the library reading a JSON Lines file a line at a time."""
        summary = c_void_p()
        lib.rectify_import_batch_file(byref(summary), self._handle, conv.path(path))
        return conv.take_json(summary)

    def export_json(self, inspection_id):
        """One inspection as document text, exactly as the library writes it."""
        out, size = c_void_p(), c_size_t()
        lib.rectify_export_json(byref(out), byref(size), self._handle, inspection_id)
        return conv.take_text(out, size.value)

    def export(self, inspection_id):
        """One inspection as a document (dict), ready for import_json() elsewhere."""
        return json.loads(self.export_json(inspection_id))

    def each_export(self, callback):
        """Hands every inspection the actor may read to callback(line), in id order (rectify_export_all).

        line is the inspection's document as compact JSON text on one line, without a newline;
        a truthy return stops early. All documents come from one consistent snapshot and only
        one is in memory at a time. An exception raised by the callback stops the export and
        propagates from here; a progress function that stops it raises StoppedError.
        """
        failures = []

        def on_document(_ctx, row, size):
            try:
                return 1 if callback(ctypes.string_at(row, size).decode("utf-8")) else 0
            except BaseException as exc:  # must not unwind through C; re-raised below
                failures.append(exc)
                return 1

        native = RowCallback(on_document)
        try:
            lib.rectify_export_all(self._handle, native, None)
        finally:
            if failures:
                raise failures[0]

    def export_all(self):
        """Every inspection the actor may read as a list of documents (dicts), in id order.

        Holds them all in memory: for a large database use each_export() or export_all_file().
        """
        documents = []
        self.each_export(lambda line: documents.append(json.loads(line)))
        return documents

    def export_all_file(self, path):
        """Writes every inspection the actor may read to path as JSON Lines (rectify_export_all_file).

        The file appears only when complete: a failed or stopped export leaves path as it was.
        """
        lib.rectify_export_all_file(self._handle, conv.path(path))

    def render_notice(self, inspection_id, audience=Audience.INTERNAL, format=Format.TEXT):
        """The rectification notice (整改情况通报) of one inspection, as text."""
        options = NoticeOptions(audience=conv.named(Audience, audience), format=conv.named(Format, format))
        out = c_void_p()
        lib.rectify_notice_render(byref(out), self._handle, inspection_id, byref(options))
        return conv.take_text(out)
