package org.lettermerge.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.report.CampaignReport;
import org.lettermerge.status.StatusExport;
import org.lettermerge.status.StatusFilter;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;

/**
 * Files to save, made by the code the CLI runs: the HTML report ({@code lettermerge report}) and the status as CSV
 * and JSON ({@code lettermerge status --format csv|json}), with the state filter the page shows.
 */
final class Downloads {

    private final Logs logs;
    private final Clock clock;

    Downloads(Logs logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    void send(String path, Map<String, String> query, Response response, Callback callback) throws IOException {
        int index = logs.index(query);
        try (DeliveryLog log = logs.read(index)) {
            CampaignRecord c = Logs.campaign(log, query.get("c"));
            StatusFilter filter = new StatusFilter(Requests.state(query.get("state")), false, false, false);
            switch (path) {
                case "/status.csv" -> Replies.download(response, callback, "text/csv; charset=utf-8",
                        "status-" + c.name() + ".csv", out -> write(out, w -> StatusExport.csv(log, c, filter, w)));
                case "/status.json" -> Replies.download(response, callback, "application/json; charset=utf-8",
                        "status-" + c.name() + ".json",
                        out -> write(out, w -> StatusExport.json(log, c, filter, clock.instant(), w)));
                default -> report(log, c, response, callback);
            }
        }
    }

    private static void write(java.io.OutputStream out, java.util.function.Consumer<PrintWriter> body) {
        PrintWriter writer = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16));
        body.accept(writer);
        writer.flush();
    }

    /** The report file, made the same way `lettermerge report` makes it, then sent. */
    private void report(DeliveryLog log, CampaignRecord c, Response response, Callback callback) throws IOException {
        Path file = Files.createTempFile("lettermerge-report", ".html");
        try {
            String subject;
            try {
                subject = CampaignFile.load(Path.of(c.campaignFile())).subject();
            } catch (InvalidInputException e) {
                subject = c.name(); // the campaign file moved or broke since: the report is still the log's
            }
            CampaignReport.write(log, c, subject, clock.instant(), file);
            Replies.download(response, callback, "text/html; charset=utf-8", "report-" + c.name() + ".html",
                    out -> Files.copy(file, out));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
