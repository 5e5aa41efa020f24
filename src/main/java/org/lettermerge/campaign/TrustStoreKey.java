package org.lettermerge.campaign;

import java.nio.file.Path;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.smtp.TrustStore;

/**
 * {@code smtp.trust_store} and {@code mailbox.trust_store}: a PEM file of CA certificates, relative to the campaign
 * file, trusted instead of the JVM's. Read now, so a wrong path or a file without certificates is reported with its
 * line by `check`, not found by the first connection.
 */
final class TrustStoreKey {

    private TrustStoreKey() {}

    /** The file, or null when the key is absent or its file is unusable (then a problem is reported). */
    static Path read(CampaignFile reader, Mapping section, String prefix) {
        String value = reader.text(section, "trust_store", false);
        if (value == null) {
            return null;
        }
        Path file = reader.resolve(value.strip());
        try {
            TrustStore.read(file);
            return file;
        } catch (IllegalArgumentException e) {
            reader.problem(section.keyLines().get("trust_store"), prefix + "trust_store: " + e.getMessage()
                    + ". Give the path (relative to the campaign file) of a PEM file of the CA certificates to trust, "
                    + "or leave the key out to trust the system's certificate authorities");
            return null;
        }
    }
}
