import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rectify.Database;
import org.rectify.ImportResult;
import org.rectify.Json;
import org.rectify.Kind;
import org.rectify.RectifyException;
import org.rectify.Status;
import org.rectify.WarningQuery;

/**
 * What an office (OA) system does each morning for the inspection office: load the latest case
 * files, list the measures of one unit that are past their deadline, and print the notice.
 *
 * <pre>
 * java -cp rectify-java.jar:jna.jar:. OverdueNotice DB UNIT_REF AS_OF CASE.json...
 * </pre>
 * DB is created when missing; each CASE.json is a "rectify-inspection" document (importing one
 * again updates it); UNIT_REF is the unit's host key; AS_OF is "YYYY-MM-DD". The library is found
 * through RECTIFY_LIBRARY, the system property rectify.library, or jna.library.path.
 */
public final class OverdueNotice {
    private static final String ACTOR = "oa-clerk";

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: OverdueNotice DB UNIT_REF AS_OF CASE.json...");
            System.exit(2);
        }
        try (Database db = Database.open(args[0], ACTOR, true)) {
            for (int i = 3; i < args.length; i++) {
                ImportResult imported = db.importFile(args[i]);
                System.out.println("已导入 " + args[i] + "（巡察 " + imported.inspectionId() + "）");
            }
            long unitId = db.find(Kind.UNIT, args[1]);
            Map<String, Object> unit = Json.object(db.get(Kind.UNIT, unitId));
            printOverdue(db, unit, unitId, args[2]);
            printNotices(db, unitId);
        } catch (RectifyException e) {
            // The library's message says what and where; the code lets a host branch on it.
            System.err.println("rectify: " + e.getMessage() + " (" + e.getClass().getSimpleName() + ", "
                               + e.code() + ")");
            System.exit(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static void printOverdue(Database db, Map<String, Object> unit, long unitId, String asOf) {
        List<Object> rows = Json.array(db.overdue(WarningQuery.asOf(asOf).unit(unitId)));
        System.out.println();
        System.out.println(unit.get("name") + " 截至" + asOf + "逾期未完成的整改措施：" + rows.size() + "项");
        if (rows.isEmpty()) {
            return;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"整改期限", "逾期天数", "状态", "整改措施"});
        for (Object row : rows) {
            Map<String, Object> measure = (Map<String, Object>) row;
            table.add(new String[] {
                String.valueOf(measure.get("deadline")),
                String.valueOf(-(Long) measure.get("days_left")),
                Status.named((String) measure.get("status")).label(),
                String.valueOf(measure.get("title")),
            });
        }
        printTable(table);
    }

    /** The notice of every inspection of the unit, internal audience, plain text. */
    @SuppressWarnings("unchecked")
    private static void printNotices(Database db, long unitId) {
        for (Object item : Json.array(db.list(Kind.INSPECTION))) {
            Map<String, Object> inspection = (Map<String, Object>) item;
            if (((Long) inspection.get("unit_id")) == unitId) {
                System.out.println();
                System.out.print(db.renderNotice((Long) inspection.get("id")));
            }
        }
    }

    /** Columns padded by display width: a Chinese character takes two columns in a terminal. */
    private static void printTable(List<String[]> table) {
        int[] widths = new int[table.get(0).length];
        for (String[] row : table) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c + 1 < row.length) {
                    line.append(" ".repeat(widths[c] - width(row[c]) + 2));
                }
            }
            System.out.println(line);
        }
    }

    private static int width(String text) {
        return text.codePoints().map(cp -> cp >= 0x1100 ? 2 : 1).sum();
    }
}
