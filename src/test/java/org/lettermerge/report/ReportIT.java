package org.lettermerge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.cli.ExitCode;
import org.lettermerge.cli.Main;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.RecipientRef;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code lettermerge report} on a campaign sent through the real CLI over two days to the scripted SMTP server, with
 * replies, an automatic reply and a bounce recorded in the log as the inbox command records them. The HTML is read
 * back with a strict XML parser, so a name that smuggled markup into a cell would show up as an extra element.
 */
class ReportIT {

    private static final Instant DAY_ONE = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DAY_TWO = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant DAY_THREE = Instant.parse("2026-03-04T09:00:00Z");

    private static final String OBRIEN = "O'Brien & Partners <Legal>";
    private static final String SCRIPT = "<script>alert(\"x\")</script>";
    private static final List<String> NAMES = List.of(OBRIEN, SCRIPT, "José Núñez-Ángel", "محمد الحسيني", "王小明");

    @TempDir Path dir;

    @Test
    void theReportShowsTheLogsNumbersEveryRecipientOnceEscapedAndOneBarPerDay() throws Exception {
        CampaignFolder campaign;
        try (var server = ScriptedSmtpServer.start(Script.rejectRcpt("wang@example.cn", 550, "5.1.1 User unknown"))) {
            campaign = CampaignFolder.sendingTo(dir, server.port(), """
                    email,name,organization
                    obrien@example.ie,O'Brien & Partners <Legal>,"Smith, Jones & Co"
                    mallory@example.org,"<script>alert(""x"")</script>",<b>Bold</b> Org
                    jose@example.es,José Núñez-Ángel,Ministerio de Justicia
                    m.alhusseini@example.org,محمد الحسيني,وزارة العدل
                    wang@example.cn,王小明,司法部
                    """);
            CliResult first = cli(DAY_ONE, "send", campaign.campaign(), "--live", "--limit", "3");
            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
            CliResult second = cli(DAY_TWO, "send", campaign.campaign(), "--live");
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.SOME_NOT_DELIVERED);
        }
        Map<State, Integer> logCounts;
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            CampaignRecord record = log.findCampaign("cli-it").orElseThrow();
            answer(log, record, "obrien@example.ie", InboundKind.REPLIED, DAY_TWO.plus(Duration.ofHours(2)), null);
            answer(log, record, "jose@example.es", InboundKind.REPLIED, DAY_THREE, null);
            answer(log, record, "jose@example.es", InboundKind.REPLIED, DAY_THREE.plusSeconds(60), null);
            answer(log, record, "wang@example.cn", InboundKind.AUTO_REPLY, DAY_TWO.plusSeconds(30), null);
            answer(log, record, "m.alhusseini@example.org", InboundKind.BOUNCED, DAY_TWO.plusSeconds(90), "5.1.1");
            logCounts = log.counts(record);
        }
        Path out = dir.resolve("report.html");

        CliResult report = cli(DAY_THREE.plus(Duration.ofHours(3)), "report", campaign.campaign(), "--out",
                out.toString());

        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OK);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).contains("<meta charset=\"utf-8\"/>").contains("<h1>A letter for …</h1>")
                .contains("<title>A letter for …: delivery report</title>")
                .contains("Campaign cli-it. Queued 2026-03-02 10:00 UTC").contains("Report made 2026-03-04 12:00 UTC");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link").doesNotContain("<img").doesNotContain("url(");
        Document doc = parse(html);

        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Element td : elements(doc, "//table[@class='totals']//td")) {
            totals.put(td.getAttribute("data-total"), Integer.parseInt(td.getTextContent()));
        }
        for (State s : State.values()) {
            assertThat(totals.get(s.name().toLowerCase())).as(s.name()).isEqualTo(logCounts.get(s));
        }
        assertThat(totals).containsEntry("accepted", 4).containsEntry("failed", 1).containsEntry("queued", 0)
                .containsEntry("replied", 2).containsEntry("auto-reply", 1).containsEntry("bounced", 1);

        List<String> names = texts(doc, "//table[@class='recipients']//td[@class='name']");
        assertThat(names).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(texts(doc, "//table[@class='recipients']//td[@class='organization']"))
                .contains("Smith, Jones & Co", "<b>Bold</b> Org", "司法部", "وزارة العدل");
        assertThat(elements(doc, "//table[@class='recipients']//td/*")).as("no markup inside any cell").isEmpty();
        assertThat(occurrences(html, "O&#39;Brien &amp; Partners &lt;Legal&gt;")).isEqualTo(1);
        assertThat(occurrences(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")).isEqualTo(1);
        for (String name : NAMES.subList(2, 5)) {
            assertThat(occurrences(html, name)).as(name).isEqualTo(1);
        }
        Element jose = row(doc, "jose@example.es");
        assertThat(cell(jose, "replied")).isEqualTo("yes, 2026-03-04 09:00 UTC");
        assertThat(cell(jose, "accepted")).startsWith("2026-03-02 10:0");
        Element wang = row(doc, "wang@example.cn");
        assertThat(cell(wang, "state")).isEqualTo("refused by the mail server: not delivered");
        assertThat(cell(jose, "state")).isEqualTo("accepted by the mail server");
        assertThat(cell(jose, "bounced")).isEqualTo("no");
        assertThat(cell(wang, "reply")).contains("5.1.1 User unknown");
        assertThat(cell(wang, "replied")).isEqualTo("auto-reply only");
        assertThat(cell(row(doc, "m.alhusseini@example.org"), "bounced")).isEqualTo("yes 5.1.1");

        // Three days from the first send to the last reply: one bar per day for each series, on one scale.
        Map<String, Double> sends = bars(doc, "sends");
        Map<String, Double> replies = bars(doc, "replies");
        assertThat(sends.keySet()).containsExactly("2026-03-02", "2026-03-03", "2026-03-04");
        assertThat(replies.keySet()).containsExactlyElementsOf(sends.keySet());
        assertThat(counts(doc, "sends")).containsExactly(3, 1, 0);
        assertThat(counts(doc, "replies")).containsExactly(0, 1, 1);
        String tallest = sends.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(tallest).isEqualTo("2026-03-02");
        assertThat(sends.get("2026-03-03") / sends.get("2026-03-02")).isCloseTo(1 / 3.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(replies.get("2026-03-04")).isEqualTo(sends.get("2026-03-03"));
        assertThat(texts(doc, "//*[local-name()='svg']//*[local-name()='g'][@class='legend']/*[local-name()='text']"))
                .containsExactly("Letters accepted by the server", "Replies received");
    }

    @Test
    void beforeAnythingWasQueuedTheReportWritesNothingAndSaysHowToSend() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, 2525, """
                email,name
                ana@example.org,Ana
                """);
        Path out = dir.resolve("report.html");

        CliResult noLog = cli(DAY_ONE, "report", campaign.campaign(), "--out", out.toString());

        assertThat(noLog.exitCode()).as(noLog.toString()).isEqualTo(ExitCode.OK);
        assertThat(noLog.out()).contains("Nothing has been queued from campaign cli-it yet").contains("--live");
        assertThat(campaign.database()).doesNotExist();
        DeliveryLog.openOrCreate(campaign.database(), Clock.systemUTC()).close();

        CliResult neverQueued = cli(DAY_ONE, "report", campaign.campaign(), "--out", out.toString());

        assertThat(neverQueued.exitCode()).as(neverQueued.toString()).isEqualTo(ExitCode.OK);
        assertThat(neverQueued.out()).contains("cli-it has not been queued").contains("no report written");
        assertThat(out).doesNotExist();
    }

    /** Records mail about one letter exactly as the inbox command does once it has matched and classified it. */
    private static void answer(DeliveryLog log, CampaignRecord campaign, String email, InboundKind kind,
                               Instant receivedAt, String dsnStatus) {
        RecipientRef ref = log.inbox().byAddress(campaign, email).orElseThrow();
        boolean recorded = log.inbox().record(new InboundMessage("<" + kind + "-" + receivedAt.getEpochSecond() + "-"
                + email + ">", kind, receivedAt, kind == InboundKind.BOUNCED ? "MAILER-DAEMON@example.net" : email,
                "Re: A letter", "Thank you", dsnStatus == null ? null : "failed", dsnStatus, "In-Reply-To", ref));
        assertThat(recorded).isTrue();
    }

    /** Runs the CLI in-process with a clock that starts at {@code start} and ticks, so events land on known days. */
    private static CliResult cli(Instant start, String... args) {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliResult(code, out.toString(), err.toString());
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(html)));
    }

    private static List<Element> elements(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }

    private static List<String> texts(Document doc, String xpath) throws Exception {
        return elements(doc, xpath).stream().map(Element::getTextContent).toList();
    }

    private static Element row(Document doc, String email) throws Exception {
        return (Element) elements(doc, "//td[@class='email'][.='" + email + "']").get(0).getParentNode();
    }

    private static String cell(Element row, String kind) throws Exception {
        NodeList cells = row.getElementsByTagName("td");
        for (int i = 0; i < cells.getLength(); i++) {
            Element td = (Element) cells.item(i);
            if (td.getAttribute("class").equals(kind)) {
                return td.getTextContent();
            }
        }
        throw new AssertionError("no " + kind + " cell");
    }

    /** Bar heights by bucket label, in chart order. */
    private static Map<String, Double> bars(Document doc, String kind) throws Exception {
        Map<String, Double> heights = new LinkedHashMap<>();
        for (Element bar : elements(doc, "//*[local-name()='rect'][@class='bar " + kind + "']")) {
            heights.put(bar.getAttribute("data-bucket"), Double.parseDouble(bar.getAttribute("height")));
        }
        return heights;
    }

    private static List<Integer> counts(Document doc, String kind) throws Exception {
        return elements(doc, "//*[local-name()='rect'][@class='bar " + kind + "']").stream()
                .map(e -> Integer.parseInt(e.getAttribute("data-count"))).toList();
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
