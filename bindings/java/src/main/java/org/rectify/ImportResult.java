package org.rectify;

/** What an import did: the inspection's id and a JSON object counting what was created and updated. */
public final class ImportResult {
    private final long inspectionId;
    private final String summaryJson;

    ImportResult(long inspectionId, String summaryJson) {
        this.inspectionId = inspectionId;
        this.summaryJson = summaryJson;
    }

    public long inspectionId() {
        return inspectionId;
    }

    /** The summary as JSON, e.g. {"created": {...}, "updated": {...}} (docs/schema.md). */
    public String summaryJson() {
        return summaryJson;
    }
}
