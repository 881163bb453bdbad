package io.payout.sandbox.statement;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the filequery's {@code download_url} points: the sandbox standing in for Huifu's file host. The link must
 * carry a valid, unexpired token (else 403), and name a generated statement that has rows (else 404). The zip is
 * generated while it is sent.
 */
@RestController
public class StatementFiles {

    private static final Logger log = LoggerFactory.getLogger(StatementFiles.class);

    private final Statements statements;
    private final DownloadLinks links;
    private final int rowsPerFile;

    public StatementFiles(Statements statements, DownloadLinks links, StatementSettings settings) {
        this.statements = statements;
        this.links = links;
        this.rowsPerFile = settings.rowsPerFile();
    }

    @GetMapping(DownloadLinks.PATH + "{fileId}")
    public void download(@PathVariable String fileId,
                         @RequestParam(name = "expires", required = false) String expires,
                         @RequestParam(name = "token", required = false) String token,
                         HttpServletResponse response) throws IOException {
        // The id is parsed, never used as a path: anything not shaped like ours is simply not found.
        StatementTask.Key key = StatementTask.parseFileId(fileId);
        if (key == null) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "no such file");
            return;
        }
        DownloadLinks.Verdict verdict = links.check(fileId, expires, token);
        if (verdict != DownloadLinks.Verdict.VALID) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, verdict == DownloadLinks.Verdict.EXPIRED
                    ? "link expired" : "invalid token");
            return;
        }
        StatementTask task = statements.task(key.huifuId(), key.tradeDate());
        if (!task.hasFile()) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "no file for task_stat " + task.stat());
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + task.fileName() + "\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16);
        long rows;
        try (Stream<StatementRow> stream = statements.rows(task)) {
            rows = OutcashZip.write(stream, out, task.csvBaseName(), rowsPerFile);
        }
        out.flush();
        log.info("statement downloaded file_id={} rows={}", fileId, rows);
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
