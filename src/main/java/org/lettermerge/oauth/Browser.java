package org.lettermerge.oauth;

import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens an address in the user's browser where there is one; the address is printed either way. */
final class Browser {

    private Browser() {}

    /** Whether a browser was asked to open {@code address}. */
    static boolean open(URI address) {
        List<String> command = command(address.toString());
        if (command == null) {
            return false;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<String> command(String address) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", address);
        }
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", address);
        }
        // Linux and the BSDs: only with a graphical session, or xdg-open would start a text browser in our terminal.
        boolean graphical = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        return graphical && onPath("xdg-open") ? List.of("xdg-open", address) : null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
