package fr.tissu.api.domain;

import java.time.Year;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.loader.ComputedIndicators;

/** The years indicator values exist for: from {@value ComputedIndicators#FIRST_YEAR} to the current year. */
public final class IndicatorYears {
    /** The first year a value may be given for. */
    public static final int FIRST = ComputedIndicators.FIRST_YEAR;

    private IndicatorYears() {
    }

    /** This year. */
    public static int last() {
        return Year.now().getValue();
    }

    /** A {@code year} parameter's value, or a 400 naming it. */
    public static void check(String year) {
        if (!year.matches("\\d{4}") || Integer.parseInt(year) < FIRST || Integer.parseInt(year) > last()) {
            throw new BadParameterException("year", "expected a year from " + FIRST + " to " + last() + ", not '"
                    + year + "'");
        }
    }
}
