package org.lettermerge.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.problems.Problem;

/**
 * The files a campaign names that are not there, each reported once at the campaign file's line that names it, with
 * the path as resolved: a typo in "../templates/leter.txt" shows where it was typed and where it led. The readers'
 * own "not found" problems for those files are then left out: one cause, one message.
 */
final class MissingFiles {

    private final Map<Path, Problem> missing = new LinkedHashMap<>();

    MissingFiles(Campaign campaign) {
        Map<String, Path> named = new LinkedHashMap<>();
        named.put("template", campaign.template());
        named.put("html_template", campaign.htmlTemplate());
        named.put("recipients", campaign.recipients());
        campaign.data().forEach((name, file) -> named.put("data." + name, file));
        named.forEach((key, file) -> {
            Integer line = campaign.pathLines().get(key);
            if (file != null && line != null && !Files.exists(file) && !missing.containsKey(file)) {
                missing.put(file, Problem.error(Problem.at(campaign.file(), line), key + ": there is no file "
                        + Problem.display(file) + " (paths are read from the campaign file's folder, "
                        + Problem.display(campaign.folder()) + "): check the name and the folders in the path"));
            }
        });
    }

    /** {@code problems} with each missing file's reader problems replaced by the one at the campaign file's line. */
    List<Problem> instead(List<Problem> problems) {
        if (missing.isEmpty()) {
            return problems;
        }
        List<Problem> kept = new ArrayList<>(missing.values());
        List<String> places = missing.keySet().stream().map(Problem::display).toList();
        for (Problem p : problems) {
            if (!places.contains(p.where())) {
                kept.add(p);
            }
        }
        return kept;
    }
}
