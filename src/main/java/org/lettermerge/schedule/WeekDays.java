package org.lettermerge.schedule;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The day part of a send window: {@code daily}, {@code Mon-Fri}, {@code Mon,Wed}, {@code Fri-Mon}, {@code Sat,Sun}. */
final class WeekDays {

    private WeekDays() {}

    /** The days named, or null if the text is not a day list (the caller reports the whole window's form). */
    static Set<DayOfWeek> parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : t.split(",", -1)) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                return null;
            }
            DayOfWeek from = day(ends[0]);
            DayOfWeek to = day(ends[ends.length - 1]);
            if (from == null || to == null) {
                return null;
            }
            // A range runs forward through the week and may wrap: Fri-Mon is Fri, Sat, Sun, Mon.
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (name.equals(full) || name.equals(full.substring(0, 3))) {
                return d;
            }
        }
        return null;
    }

    /** Short form for messages: Mon,Tue,... */
    static String describe(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        StringBuilder s = new StringBuilder();
        for (DayOfWeek d : days) {
            if (s.length() > 0) {
                s.append(',');
            }
            String full = d.name();
            s.append(full.charAt(0)).append(full.substring(1, 3).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
