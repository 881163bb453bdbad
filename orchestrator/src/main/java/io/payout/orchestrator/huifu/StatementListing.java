package io.payout.orchestrator.huifu;

import java.util.List;

/**
 * Huifu's answer to the statement query ({@code v2/trade/check/filequery}) for one account and file date, classified.
 */
public sealed interface StatementListing {

    /** The query worked: the files ready for download and the generation tasks with their {@code task_stat}. */
    record Listed(List<StatementFile> files, List<StatementTask> tasks) implements StatementListing {
        public Listed {
            files = List.copyOf(files);
            tasks = List.copyOf(tasks);
        }
    }

    /** Huifu answered, but not with a listing (unknown account, invalid parameter): asking again will not help. */
    record Refused(String respCode, String respDesc) implements StatementListing {
    }

    /** No trusted answer (transport, signature, system error, throttling): ask again later. */
    record Unknown(String reason, String respCode, boolean rateLimited) implements StatementListing {
    }

    /** One entry of {@code file_details}; {@code downloadUrl} is Huifu's, to be checked before it is followed. */
    record StatementFile(String huifuId, String fileDate, String fileName, String billType, String downloadUrl) {

        /** Without the link's query: its token lets anyone download the statement until it expires. */
        @Override
        public String toString() {
            return "StatementFile[huifuId=" + huifuId + ", fileDate=" + fileDate + ", fileName=" + fileName
                    + ", billType=" + billType + ", downloadUrl=" + withoutQuery(downloadUrl) + "]";
        }
    }

    /**
     * One entry of {@code task_details}: {@code taskStat} I, P, DP, FP (under way), F (failed: replay it) or S (done;
     * without a file it means no records).
     */
    record StatementTask(String huifuId, String billType, String dataDate, String taskStat, String fileName,
                         String downloadUrl) {

        public boolean failed() {
            return "F".equals(taskStat);
        }

        public boolean succeeded() {
            return "S".equals(taskStat);
        }

        @Override
        public String toString() {
            return "StatementTask[huifuId=" + huifuId + ", billType=" + billType + ", dataDate=" + dataDate
                    + ", taskStat=" + taskStat + ", fileName=" + fileName + ", downloadUrl="
                    + withoutQuery(downloadUrl) + "]";
        }
    }

    private static String withoutQuery(String url) {
        return url == null || url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?')) + "?…";
    }
}
