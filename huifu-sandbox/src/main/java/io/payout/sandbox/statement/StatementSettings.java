package io.payout.sandbox.statement;

/**
 * {@code sandbox.statement.*} as the statement needs it: rows per CSV before the next batch file, and the address
 * download links start with (null: the address the filequery came in on).
 */
public record StatementSettings(int rowsPerFile, String baseUrl) {

    public StatementSettings {
        if (rowsPerFile < 1) {
            throw new IllegalArgumentException("rows per file must be positive: " + rowsPerFile);
        }
    }

    /** The base of download links for a query that reached the sandbox at {@code requestBaseUrl}. */
    public String linkBase(String requestBaseUrl) {
        return baseUrl != null ? baseUrl : requestBaseUrl;
    }
}
