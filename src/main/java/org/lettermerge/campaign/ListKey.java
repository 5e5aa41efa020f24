package org.lettermerge.campaign;

import java.nio.file.Path;
import java.util.Set;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.campaign.YamlTree.Scalar;

/**
 * A key naming a list — {@code recipients:} or an entry of {@code data:} — as a path ({@code list.csv}) or as a
 * workbook and one of its sheets ({@code {file: list.xlsx, sheet: Officials}}).
 */
final class ListKey {

    /** The file as resolved against the campaign file's folder, and the sheet (null: the first, or a CSV file). */
    record Choice(Path file, String sheet) {}

    private final CampaignFile campaign;

    ListKey(CampaignFile campaign) {
        this.campaign = campaign;
    }

    /** The choice under {@code key} of {@code mapping}, or null (after reporting it) when absent or malformed. */
    Choice read(Mapping mapping, String key, String prefix, String example, boolean required) {
        YamlTree node = mapping.entries().get(key);
        if (node == null || node instanceof Scalar s && s.text() == null) {
            campaign.text(mapping, key, required); // reports a required key as missing
            return null;
        }
        if (node instanceof Scalar s && s.text() != null) {
            return new Choice(campaign.resolve(s.text()), null);
        }
        if (node instanceof Mapping m) {
            campaign.rejectUnknownKeys(m, Set.of("file", "sheet"), prefix + key + ".");
            String file = campaign.text(m, "file", false);
            if (file == null) {
                campaign.problem(m.line(), "'" + prefix + key + "' needs 'file', e.g. " + example);
                return null;
            }
            String sheet = campaign.text(m, "sheet", false);
            return new Choice(campaign.resolve(file), sheet == null || sheet.isBlank() ? null : sheet);
        }
        campaign.problem(node.line(), "'" + prefix + key + "' is a file, e.g. list.csv, or a sheet of a workbook, e.g. "
                + example);
        return null;
    }
}
