package org.lettermerge.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.TreeMap;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.DeliveryLogException;

/**
 * What a campaign folder remembers of where its campaigns were queued, kept outside the delivery log on purpose:
 * a log that was deleted, emptied, replaced or lost its -wal file cannot tell that it ever held a campaign, so
 * sending with it would mail every recipient again. One small JSON file beside the campaign file
 * ({@value #FILE_NAME}), one entry per campaign name, replaced atomically.
 */
final class CampaignMemory {

    static final String FILE_NAME = ".lettermerge-campaigns.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<TreeMap<String, Entry>> ENTRIES = new TypeReference<>() {};
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** Where a campaign was queued: the log's random id and path, when, how many recipients, how many accepted. */
    record Entry(String logId, String logPath, String queuedAt, int recipients, int accepted) {
        Entry(String logId, Path logPath, Instant queuedAt, int recipients, int accepted) {
            this(logId, logPath.toAbsolutePath().normalize().toString(), queuedAt.toString(), recipients, accepted);
        }
    }

    private final Path file;

    private CampaignMemory(Path file) {
        this.file = file;
    }

    static CampaignMemory beside(Path campaignFile) {
        return new CampaignMemory(campaignFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    private Optional<Entry> recall(String campaign) {
        return Optional.ofNullable(read().get(campaign));
    }

    void remember(String campaign, Entry entry) {
        TreeMap<String, Entry> entries = read();
        entries.put(campaign, entry);
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(entries));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DeliveryLogException("cannot record where campaign " + campaign + " was queued in "
                    + Problem.display(file) + ": " + e.getMessage() + ". Make its folder writable and run this again;"
                    + " nothing was sent.", e);
        }
    }

    /**
     * The refusal when this folder remembers queuing {@code campaign} and the log at {@code log} does not hold it
     * (it is missing, emptied or another log), unless the organizer starts over on purpose (--new-log).
     */
    Optional<DeliveryLogException> refusal(String campaign, boolean logHoldsIt, boolean newLog, Path log) {
        if (logHoldsIt || newLog) {
            return Optional.empty();
        }
        return recall(campaign).map(known -> notInLog(campaign, known, log));
    }

    private static DeliveryLogException notInLog(String campaign, Entry known, Path log) {
        return new DeliveryLogException("campaign " + campaign + " was queued in log " + known.logId() + " at "
                + known.logPath() + " on " + DATE.format(Instant.parse(known.queuedAt())) + " with " + known.recipients()
                + " recipients (" + known.accepted() + " accepted); the log at " + Problem.display(log)
                + " does not hold it. If this log is the right one, it lost its data: restore it from a backup."
                + " To start this campaign over on purpose, add --new-log. Nothing was sent.");
    }

    private TreeMap<String, Entry> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), ENTRIES);
        } catch (IOException e) {
            throw new DeliveryLogException("cannot read " + Problem.display(file) + ", where Lettermerge remembers"
                    + " which delivery log each campaign of this folder was queued in: " + e.getMessage()
                    + ". Restore it, or delete it if you are sure every campaign here uses the right log.", e);
        }
    }
}
