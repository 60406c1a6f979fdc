package fr.tissu.api.html;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import fr.tissu.loader.computed.OpeningHours;

/**
 * Opening hours in OpenStreetMap's syntax ({@code Mo-Fr 09:00-12:00; Sa 10:00-12:00}) said in words: "du lundi au
 * vendredi, 9 h – 12 h ; le samedi, 10 h – 12 h". Read with OpeningHoursParser, as the computed indicators read
 * it ({@link OpeningHours#rules}); only the weekly rules are put in words, with their comments ("sur
 * rendez-vous"): a text with dates, holidays, weeks or years is left as written ({@code null} here), never half
 * translated.
 */
public final class OpeningHoursWords {
    private final ActivityWords words;
    private final boolean en;

    /** In French ({@code fr}) or English ({@code en}). */
    public OpeningHoursWords(String lang) {
        this.words = new ActivityWords(lang);
        this.en = "en".equals(lang);
    }

    /** The hours in words, or {@code null} when the text cannot be read or says more than weekly hours. */
    public String say(String hours) {
        if (hours == null || hours.isBlank()) {
            return null;
        }
        List<Rule> rules = OpeningHours.rules(hours, true);
        if (rules == null) {
            return null;
        }
        List<String> said = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.isFallBack() || rule.isTwentyfourseven() || rule.getComment() != null || !empty(rule.getYears())
                    || !empty(rule.getWeeks()) || !empty(rule.getDates()) || !empty(rule.getHolidays())) {
                return null;
            }
            String days = days(rule.getDays());
            if (days == null) {
                return null;
            }
            RuleModifier modifier = rule.getModifier();
            if (modifier != null && modifier.getModifier() != null
                    && modifier.getModifier() != RuleModifier.Modifier.OPEN) {
                if (modifier.getModifier() != RuleModifier.Modifier.CLOSED
                        && modifier.getModifier() != RuleModifier.Modifier.OFF) {
                    return null;
                }
                said.add(days + (en ? ": closed" : " : fermé"));
                continue;
            }
            String times = times(rule.getTimes());
            if (times == null) {
                return null;
            }
            String comment = modifier != null && modifier.getComment() != null ? " (" + modifier.getComment() + ")"
                    : "";
            said.add(days + (times.isEmpty() ? "" : ", " + times) + comment);
        }
        if (said.isEmpty()) {
            return null;
        }
        String all = String.join(en ? "; " : " ; ", said);
        return Character.toUpperCase(all.charAt(0)) + all.substring(1);
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /** "du lundi au vendredi", "le mardi et le jeudi", "Monday to Friday"; {@code null} for nth weekdays. */
    private String days(List<WeekDayRange> ranges) {
        if (empty(ranges)) {
            return en ? "every day" : "tous les jours";
        }
        List<String> parts = new ArrayList<>();
        for (WeekDayRange range : ranges) {
            if (!empty(range.getNths()) || range.getOffset() != 0) {
                return null;
            }
            DayOfWeek from = DayOfWeek.of(range.getStartDay().ordinal() + 1);
            if (range.getEndDay() == null) {
                parts.add((en ? "" : "le ") + words.day(from));
            } else {
                DayOfWeek to = DayOfWeek.of(range.getEndDay().ordinal() + 1);
                parts.add(en ? words.day(from) + " to " + words.day(to)
                        : "du " + words.day(from) + " au " + words.day(to));
            }
        }
        return join(parts);
    }

    /** "9 h – 12 h et 14 h – 17 h", "09:00 – 12:00 and 14:00 – 17:00"; {@code null} for times it cannot say. */
    private String times(List<TimeSpan> spans) {
        if (empty(spans)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (TimeSpan span : spans) {
            if (span.getStartEvent() != null || span.getEndEvent() != null || span.isOpenEnded()
                    || span.getInterval() != 0 || span.getStart() < 0 || span.getEnd() < 0 || span.getEnd() > 1440) {
                return null;
            }
            parts.add(time(span.getStart()) + " – " + time(span.getEnd()));
        }
        return join(parts);
    }

    private String time(int minutes) {
        return minutes == 1440 ? (en ? "24:00" : "24 h") : words.time(LocalTime.of(minutes / 60, minutes % 60));
    }

    private String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + (en ? " and " : " et ") + parts.getLast();
    }
}
