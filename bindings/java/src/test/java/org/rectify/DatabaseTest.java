package org.rectify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rectify.ffi.RectifyConstants;

/**
 * A database through the Java API, as an OA host drives it: open, import the seed case, read,
 * change with versions, be refused, report, close. Each test opens its own file in WORK_DIR.
 */
final class DatabaseTest {
    private static final String SEED_REF = "tongcheng-2018-fulian";
    private static final String ONGOING_MEASURE = SEED_REF + "/a1/i1/m3";  // in_progress in the seed

    private final Path seed;
    private final Path work;
    private int files;

    DatabaseTest(Path seed, Path work) {
        this.seed = seed;
        this.work = work;
    }

    void register(AllTests runner) {
        runner.run("db: try-with-resources opens, imports the seed and closes", this::openImportClose);
        runner.run("db: a missing record is NotFound with the library's message", this::notFound);
        runner.run("db: a write with a stale version is a Conflict and changes nothing", this::staleVersion);
        runner.run("db: a move the status machine forbids is a Transition", this::forbiddenMove);
        runner.run("db: a reader who writes is Denied; a handle with no actor is NoActor", this::denied);
        runner.run("db: malformed and invalid documents are refused and import nothing", this::badDocuments);
        runner.run("db: use after close is Closed; closing twice is harmless", this::useAfterClose);
        runner.run("db: statistics of the seed as of a date", this::stats);
        runner.run("db: the notice and the report render the seed's heading and sections", this::reports);
        runner.run("db: overdue measures of a unit, and their warnings one row at a time", this::overdue);
        runner.run("db: export, progress, users and the audit chain round-trip", this::roundTrip);
        runner.run("db: signed heads of the audit log, proofs between them, a head of another key", this::heads);
        runner.run("db: the whole database as JSON Lines, one document per inspection", this::exportAll);
        runner.run("db: progress of export, verify and backup; a listener that stops throws Stopped", this::progress);
        runner.run("db: a batch of documents imports in one transaction; a bad line imports nothing", this::batch);
        runner.run("notice: a rendered notice parses back into a document", this::parseNotice);
    }

    private String freshPath() throws Exception {
        Files.createDirectories(work);
        Path path = work.resolve("java-" + (++files) + ".db");
        // What an earlier run left: the database, SQLite's side files, the backup test's copy.
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".backup"}) {
            Files.deleteIfExists(work.resolve(path.getFileName() + suffix));
        }
        return path.toString();
    }

    /** A new database opened by the admin with the seed imported; returns the inspection id. */
    private long seeded(Database db) {
        return db.importFile(seed.toString()).inspectionId();
    }

    private void openImportClose() throws Exception {
        String path = freshPath();
        Database kept;
        try (Database db = Database.open(path, "admin", true)) {
            kept = db;
            ImportResult result = db.importFile(seed.toString());
            Check.that(result.inspectionId() > 0, "an inspection id");
            Check.equal(result.inspectionId(), db.find(Kind.INSPECTION, SEED_REF), "found by its ref");
            Map<String, Object> summary = Json.object(result.summaryJson());
            Check.that(!summary.isEmpty(), "a summary: " + result.summaryJson());
            Check.equal(11, Json.array(db.list(Kind.ISSUE)).size(), "issues imported");
            Check.equal(Rectify.schemaVersion(), db.schemaVersion(), "schema version");
        }
        Check.that(kept.isClosed(), "closed at the end of the try block");
        try (Database again = Database.open(path, "admin", RectifyConstants.RECTIFY_OPEN_READONLY, 0)) {
            Check.equal(11, Json.array(again.list(Kind.ISSUE)).size(), "the issues are in the file");
            Check.raises(RectifyException.class,
                () -> again.setStatus(Kind.ISSUE, again.find(Kind.ISSUE, SEED_REF + "/a1/i1"), Status.IN_PROGRESS, 0));
        }
        Check.raises(RectifyException.class, () -> Database.open(work.resolve("absent.db").toString(), null, false));
    }

    private void notFound() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            seeded(db);
            RectifyException.NotFound e = Check.raises(RectifyException.NotFound.class,
                () -> db.get(Kind.MEASURE, 987654));
            Check.equal(RectifyConstants.RECTIFY_E_NOT_FOUND, e.code(), "code");
            Check.contains(e.getMessage(), "987654", "the message names the id");
            e = Check.raises(RectifyException.NotFound.class, () -> db.find(Kind.ISSUE, "no/such/ref"));
            Check.contains(e.getMessage(), "no/such/ref", "the message names the ref");
        }
    }

    private static long version(String recordJson) {
        return (Long) Json.object(recordJson).get("version");
    }

    private static String status(String recordJson) {
        return (String) Json.object(recordJson).get("status");
    }

    private void staleVersion() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            seeded(db);
            long id = db.find(Kind.MEASURE, ONGOING_MEASURE);
            long seen = version(db.get(Kind.MEASURE, id));
            long next = db.setStatus(Kind.MEASURE, id, Status.SUBSTANTIALLY_DONE, seen);
            Check.that(next > seen, "the version moved on: " + seen + " -> " + next);
            // Another clerk still holds the old version: a legal move, refused because it is stale.
            RectifyException.Conflict e = Check.raises(RectifyException.Conflict.class,
                () -> db.setStatus(Kind.MEASURE, id, Status.IN_PROGRESS, seen));
            Check.equal(RectifyConstants.RECTIFY_E_CONFLICT, e.code(), "code");
            Check.that(!e.getMessage().isEmpty(), "a message");
            String now = db.get(Kind.MEASURE, id);
            Check.equal("substantially_done", status(now), "unchanged by the refused write");
            Check.equal(next, version(now), "version unchanged");
        }
    }

    private void forbiddenMove() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            seeded(db);
            long id = db.find(Kind.MEASURE, ONGOING_MEASURE);
            RectifyException.Transition e = Check.raises(RectifyException.Transition.class,
                () -> db.setStatus(Kind.MEASURE, id, Status.CLOSED, 0));
            Check.equal(RectifyConstants.RECTIFY_E_TRANSITION, e.code(), "code");
            Check.equal("in_progress", status(db.get(Kind.MEASURE, id)), "unchanged");
            Check.equal(Status.IN_PROGRESS, Status.named("in_progress"), "a status by its JSON name");
            Check.equal("整改中", Status.IN_PROGRESS.label(), "its label");
            Check.raises(RectifyException.Argument.class, () -> Status.named("finished"));
        }
    }

    private void denied() throws Exception {
        String path = freshPath();
        long measure;
        try (Database admin = Database.open(path, "admin", true)) {
            seeded(admin);
            measure = admin.find(Kind.MEASURE, ONGOING_MEASURE);
            admin.addUser("reader", "只读用户");
            admin.grant("reader", Role.AUDITOR, Scope.ALL, 0);
        }
        try (Database reader = Database.open(path, "reader", false)) {
            Check.equal(11, Json.array(reader.list(Kind.ISSUE)).size(), "an auditor reads");
            RectifyException.Denied e = Check.raises(RectifyException.Denied.class,
                () -> reader.addProgress(measure, "2019-01-10", "不该写入的进展", null));
            Check.equal(RectifyConstants.RECTIFY_E_DENIED, e.code(), "code");
            Check.contains(e.getMessage(), "reader", "the message names the actor");
            Check.that(e instanceof RectifyException.Access, "an access error");
            Check.equal(1, Json.array(reader.list(Kind.PROGRESS, 0, measure, 0, 0)).size(), "nothing added");
        }
        try (Database nobody = Database.open(path, null, false)) {
            Check.raises(RectifyException.NoActor.class,
                () -> nobody.setStatus(Kind.MEASURE, measure, Status.DONE, 0));
            nobody.setActor("admin");
            nobody.setStatus(Kind.MEASURE, measure, Status.DONE, 0);
            Check.equal("done", status(nobody.get(Kind.MEASURE, measure)), "done once an actor is set");
        }
    }

    private void badDocuments() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            RectifyException.MalformedJson json = Check.raises(RectifyException.MalformedJson.class,
                () -> db.importJson("{\"format\": "));
            Check.that(json instanceof RectifyException.InvalidInput, "invalid input");
            String seedText = new String(Files.readAllBytes(seed), "UTF-8");
            String badDate = seedText.replace("\"onsite_start\": \"2018-09-19\"", "\"onsite_start\": \"2018-02-30\"");
            Check.that(!badDate.equals(seedText), "the seed has the onsite_start the test changes");
            RectifyException.Validation e = Check.raises(RectifyException.Validation.class,
                () -> db.importJson(badDate));
            Check.contains(e.getMessage(), "onsite_start", "the message names the field");
            Check.equal(0, Json.array(db.list(Kind.INSPECTION)).size(), "nothing imported");
            Check.equal(Json.array(db.list(Kind.ISSUE)).size(), 0, "no issues either");
            Check.that(db.importJson(seedText).inspectionId() > 0, "the seed itself imports from text");
        }
    }

    private void useAfterClose() throws Exception {
        Database db = Database.open(freshPath(), "admin", true);
        long id = seeded(db);
        db.close();
        db.close();
        RectifyException.Closed e = Check.raises(RectifyException.Closed.class, () -> db.renderNotice(id));
        Check.contains(e.getMessage(), "is closed", "says so");
        Check.equal(RectifyConstants.RECTIFY_E_MISUSE, e.code(), "a misuse");
        Check.raises(RectifyException.Closed.class, db::schemaVersion);
        Check.contains(db.toString(), "closed", "toString");
    }

    private void stats() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            long id = seeded(db);
            Map<String, Object> s = Json.object(db.stats(StatsQuery.asOf("2019-01-31").inspection(id)));
            Check.equal("2019-01-31", s.get("as_of"), "as_of");
            Check.equal(11L, s.get("issues_total"), "issues_total");
            Check.equal(11L, s.get("issues_done"), "issues_done");
            Check.equal(28L, s.get("measures_total"), "measures_total");
            Check.equal("100.00%", s.get("completion_rate"), "completion_rate");
            Check.equal(6, ((List<?>) s.get("aspects")).size(), "aspects");
        }
    }

    private void reports() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            long id = seeded(db);
            String notice = db.renderNotice(id);
            Check.that(notice.startsWith("市妇联党组关于巡察整改情况的通报"), "the notice's title first");
            Check.contains(notice, "\n（一）党的政治建设方面\n", "the first aspect's heading");
            Check.contains(notice, "\n1.“三会一课”制度落实不到位\n", "the first issue");
            String text = db.renderReportText(id, new ReportRequest().asOf("2019-01-31"));
            Check.equal(notice, text, "the report in TEXT is the notice");
            String markdown = db.renderReportText(id, new ReportRequest().format(Format.MARKDOWN));
            Check.contains(markdown, "# 市妇联党组关于巡察整改情况的通报", "Markdown heading");
            byte[] xlsx = db.renderReport(id, new ReportRequest().format(Format.XLSX).asOf("2019-01-31"));
            Check.that(xlsx.length > 1000 && xlsx[0] == 'P' && xlsx[1] == 'K', "an XLSX (zip) file");
            Check.raises(RectifyException.Argument.class,
                () -> db.renderReportText(id, new ReportRequest().format(Format.XLSX)));
            String csv = db.renderReportText(id, new ReportRequest().format(Format.CSV).asOf("2019-01-31"));
            Check.equal('\uFEFF', csv.charAt(0), "CSV starts with its byte order mark");
        }
    }

    private void overdue() throws Exception {
        try (Database db = Database.open(freshPath(), "admin", true)) {
            seeded(db);
            long unit = db.find(Kind.UNIT, "tongcheng-fulian");
            long measure = db.find(Kind.MEASURE, SEED_REF + "/a1/i1/m1");
            // The seed has no deadlines: give one measure a past one through an escalation.
            db.setStatus(Kind.MEASURE, measure, Status.IN_PROGRESS, 0);
            db.escalate(Kind.MEASURE, measure, EscalationLevel.NOTICE, "2019-01-02", "市妇联办公室",
                        "2019-01-10", null);
            WarningQuery query = WarningQuery.asOf("2019-01-16").unit(unit);
            List<Object> rows = Json.array(db.overdue(query));
            Check.equal(1, rows.size(), "one overdue measure");
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) rows.get(0);
            Check.equal("完善“三会一课”制度并上墙", row.get("title"), "its title");
            Check.equal(-6L, row.get("days_left"), "six days late");
            Check.equal(1L, db.overdueCount(query), "count");
            Check.equal(0L, db.overdueCount(WarningQuery.asOf("2019-01-10").unit(unit)), "due, not overdue");
            List<String> seen = new ArrayList<>();
            db.eachWarning(WarningQuery.asOf("2019-01-16").unit(unit), r -> seen.add(r) && seen.size() < 3);
            Check.equal(3, seen.size(), "stopped after three rows");
            Check.equal("red", Json.object(seen.get(0)).get("light"), "the red one first");
            IllegalStateException thrown = Check.raises(IllegalStateException.class,
                () -> db.eachWarning(query, r -> { throw new IllegalStateException("host failed"); }));
            Check.equal("host failed", thrown.getMessage(), "the host's exception comes back out");
        }
    }

    private void batch() throws Exception {
        // JSON strings hold no raw line breaks, so the pretty-printed seed fits on one line.
        String one = new String(Files.readAllBytes(seed), java.nio.charset.StandardCharsets.UTF_8).replaceAll("[\r\n]+", " ");
        String two = one.replace(SEED_REF, SEED_REF + "-copy");
        try (Database db = Database.open(freshPath(), "admin", true)) {
            RectifyException.InvalidInput e = Check.raises(RectifyException.InvalidInput.class,
                () -> db.importBatchJson(one + "\n" + two.replace("\"rectify-inspection\"", "\"other\"") + "\n"));
            Check.contains(e.getMessage(), "line 2: ", "the message names the line");
            Check.equal(0, Json.array(db.list(Kind.INSPECTION)).size(), "nothing imported");
            Map<String, Object> summary = Json.object(db.importBatchJson(one + "\n\n" + two + "\n"));
            Check.equal(2L, ((Number) summary.get("documents")).longValue(), "documents: " + summary);
            Check.equal(22, Json.array(db.list(Kind.ISSUE)).size(), "issues of both documents");
            Path file = work.resolve("batch.jsonl");
            Files.write(file, (one + "\n" + two + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, Object> again = Json.object(db.importBatchFile(file.toString()));
            Check.equal(2L, ((Number) again.get("documents")).longValue(), "documents again: " + again);
            @SuppressWarnings("unchecked")
            Map<String, Object> created = (Map<String, Object>) again.get("created");
            Check.equal(0L, ((Number) created.get("issue")).longValue(), "nothing created the second time");
        }
    }

    private void roundTrip() throws Exception {
        String path = freshPath();
        try (Database db = Database.open(path, "admin", true)) {
            long id = seeded(db);
            Map<String, Object> exported = Json.object(db.exportJson(id));
            Check.equal("rectify-inspection", exported.get("format"), "an inspection document");
            long measure = db.find(Kind.MEASURE, ONGOING_MEASURE);
            long progress = db.addProgress(measure, "2019-01-10", "一月支部党员大会已召开并记录。", null);
            Check.contains(db.get(Kind.PROGRESS, progress), "一月支部党员大会已召开并记录。", "stored as UTF-8");
            Check.contains(db.users(), "\"admin\"", "the first actor is a user");
            Check.contains(db.auditLog(Kind.PROGRESS, progress, 0, 0), "admin", "the change is audited");
            Map<String, Object> report = Json.object(db.verifyAudit());
            Check.equal(Boolean.TRUE, report.get("intact"), "the chain is whole");
            String backup = path + ".backup";
            db.backup(backup);
            Check.that(Files.size(Path.of(backup)) > 0, "a backup file");
        }
    }

    // An Ed25519 key pair for the tests only (openssl genpkey -algorithm ed25519), and another public key.
    private static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEIJvEoP6Kzs9/R0HrJtmc/Ox4du8u9xepc/ZW5BJJy1aq\n"
            + "-----END PRIVATE KEY-----\n";
    private static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEATPb1IPMjBedZt0NwXRd+bhVaSyoqS8k5Bt0OEycLkds=\n"
            + "-----END PUBLIC KEY-----\n";
    private static final String OTHER_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEAhINTra+LW+BRjQkH+fBO/pZQsKP1bcSUhvzec4lUOCE=\n"
            + "-----END PUBLIC KEY-----\n";

    private void heads() throws Exception {
        String path = freshPath();
        try (Database db = Database.open(path, "admin", true)) {
            seeded(db);
            String head1 = db.auditHead(PRIVATE_KEY);
            Check.equal(Boolean.TRUE, Json.object(db.verifyHead(head1, PUBLIC_KEY)).get("intact"), "a head verifies with its key");
            db.addUser("head-witness", null);
            String head2 = db.auditHead(PRIVATE_KEY);
            Map<String, Object> proof = Json.object(db.proveConsistency(head1, head2));
            Check.equal(Json.object(head2).get("root"), proof.get("to_root"), "the proof ends at the later head");
            Check.equal(proof, Json.object(db.proveConsistency(head1, null)), "to the log now, which is head2's");
            Check.contains(db.proveInclusion(1, head1), "\"event_id\":1,", "event 1 is in the first head");
            RectifyException.Tampered t = Check.raises(RectifyException.Tampered.class, () -> db.verifyHead(head1, OTHER_PUBLIC_KEY));
            Check.contains(t.getMessage(), "another key", "names the other key");
            Check.raises(RectifyException.Argument.class, () -> db.proveConsistency(head2, head1));
        }
    }

    private void exportAll() throws Exception {
        String path = freshPath();
        try (Database db = Database.open(path, "admin", true)) {
            long id = seeded(db);
            List<String> lines = new ArrayList<>();
            db.eachExport(lines::add);
            Check.equal(1, lines.size(), "one document for the one inspection");
            Check.that(!lines.get(0).contains("\n"), "on one line");
            Check.equal(Json.object(db.exportJson(id)), Json.object(lines.get(0)), "the same document as exportJson");
            String file = path + ".jsonl";
            db.exportAllFile(file);
            Check.equal(lines.get(0) + "\n", Files.readString(Path.of(file)), "the file holds the same line");
            try (Database again = Database.open(freshPath(), "admin", true)) {
                again.importJson(lines.get(0));
                List<String> back = new ArrayList<>();
                again.eachExport(back::add);
                Check.equal(lines, back, "imported and exported again, the same line");
            }
            List<String> first = new ArrayList<>();
            db.eachExport(line -> { first.add(line); return false; });
            Check.equal(1, first.size(), "false stops after the first");
        }
    }

    private void progress() throws Exception {
        String path = freshPath();
        try (Database db = Database.open(path, "admin", true)) {
            seeded(db);
            List<long[]> seen = new ArrayList<>();
            List<String> operations = new ArrayList<>();
            db.setProgress((operation, done, total) -> {
                operations.add(operation);
                seen.add(new long[] {done, total});
                return true;
            });
            db.exportAllFile(path + ".jsonl");
            Check.equal("export", operations.get(0), "export reports as export");
            Check.equal(0L, seen.get(0)[0], "starts at 0");
            long[] last = seen.get(seen.size() - 1);
            Check.equal(1L, last[0], "ends with the one document done");
            Check.equal(last[1], last[0], "done == total at the end");
            operations.clear();
            seen.clear();
            db.verifyAudit();
            Check.that(operations.contains("audit_verify"), "audit verify reports");
            last = seen.get(seen.size() - 1);
            Check.equal(last[1], last[0], "done == total at the end of verify");

            db.setProgress((operation, done, total) -> false);
            String file = path + ".stopped.jsonl";
            Check.raises(RectifyException.Stopped.class, () -> db.exportAllFile(file));
            Check.that(!Files.exists(Path.of(file)), "a stopped export leaves no file");
            String backup = path + ".backup";
            Check.raises(RectifyException.Stopped.class, () -> db.backup(backup));
            Check.that(!Files.exists(Path.of(backup)), "a stopped backup leaves no file");
            Check.raises(RectifyException.Stopped.class, () -> db.verifyAudit());
            db.setProgress(null);
            db.backup(backup);
            Check.that(Files.exists(Path.of(backup)), "without the listener the backup is made");
        }
    }

    private void parseNotice() throws Exception {
        String notice;
        try (Database db = Database.open(freshPath(), "admin", true)) {
            notice = db.renderNotice(seeded(db));
        }
        String document = Rectify.parseNotice(notice, new NoticeFacts().ref("parsed").onsiteStart("2018-09-19"));
        Map<String, Object> parsed = Json.object(document);
        Check.equal(6, ((List<?>) parsed.get("aspects")).size(), "six aspects back");
        try (Database db = Database.open(freshPath(), "admin", true)) {
            Check.that(db.importJson(document).inspectionId() > 0, "the parsed document imports");
        }
        RectifyException e = Check.raises(RectifyException.InvalidInput.class,
            () -> Rectify.parseNotice("这不是一份通报。\n", null));
        Check.contains(e.getMessage(), "no aspect heading", "says what the notice lacks");
    }
}
