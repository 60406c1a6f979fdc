package fr.tissu.loader.computed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.WeekDayRange;

/** Support sessions read from OpenStreetMap {@code opening_hours} texts, with OpeningHoursParser. */
public final class OpeningHours {
    private OpeningHours() {
    }

    /**
     * The rules of an {@code opening_hours} text, read strictly or not ({@code strict}), or {@code null} when it
     * cannot be read.
     */
    public static List<Rule> rules(String hours, boolean strict) {
        try {
            return new OpeningHoursParser(new ByteArrayInputStream(hours.getBytes(StandardCharsets.UTF_8)))
                    .rules(strict);
        } catch (OpeningHoursParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Support sessions a year: every weekly time span of a day counts one session, × 52 weeks; a day with an
     * nth-week restriction ({@code Mo[1]}) counts 12 a year per nth. Closed rules ({@code off}) count nothing.
     * {@code null} when the text cannot be read.
     */
    public static Long sessionsPerYear(String hours) {
        List<Rule> rules = rules(hours, false);
        if (rules == null) {
            return null;
        }
        long total = 0;
        for (Rule rule : rules) {
            RuleModifier modifier = rule.getModifier();
            if (modifier != null && modifier.getModifier() != null
                    && modifier.getModifier() != RuleModifier.Modifier.OPEN) {
                continue;
            }
            int spans = rule.getTimes() == null || rule.getTimes().isEmpty() ? 1 : rule.getTimes().size();
            if (rule.getDays() == null || rule.getDays().isEmpty()) {
                total += 52L * 7 * spans;
                continue;
            }
            for (WeekDayRange days : rule.getDays()) {
                int from = days.getStartDay().ordinal();
                int to = days.getEndDay() == null ? from : days.getEndDay().ordinal();
                int count = to >= from ? to - from + 1 : 7 - from + to + 1;
                boolean nth = days.getNths() != null && !days.getNths().isEmpty();
                total += (long) count * spans * (nth ? 12L * days.getNths().size() : 52L);
            }
        }
        return total;
    }
}
