package fr.tissu.api.html;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.tissu.store.read.Activity;

/**
 * An activity said in words for residents, in French or English: "le mercredi, 16 h 30 – 17 h 30", "de 6 à 10
 * ans", "120 € par an", "mercredi 9 décembre".
 */
public final class ActivityWords {
    private final boolean en;
    private final Locale locale;

    /** Words in {@code lang} ({@code fr} or {@code en}). */
    public ActivityWords(String lang) {
        this.en = "en".equals(lang);
        this.locale = en ? Locale.UK : Locale.FRENCH;
    }

    /** The page's locale. */
    public Locale locale() {
        return locale;
    }

    private String t(String fr, String english) {
        return en ? english : fr;
    }

    /** Days and hours: "le lundi et le jeudi, 18 h – 19 h 30" or "Mondays and Thursdays, 18:00 – 19:30". */
    public String schedule(Activity a) {
        List<String> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (a.days().contains(d)) {
                days.add((en ? "" : "le ") + day(d) + (en ? "s" : ""));
            }
        }
        String list = days.isEmpty() ? "" : days.size() == 1 ? days.get(0)
                : String.join(", ", days.subList(0, days.size() - 1)) + t(" et ", " and ") + days.getLast();
        if (a.start() == null) {
            return list;
        }
        String hours = time(a.start()) + (a.end() == null ? "" : " – " + time(a.end()));
        return list.isEmpty() ? hours : list + ", " + hours;
    }

    /** A day of the week: "mercredi", "Wednesday". */
    public String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, locale);
    }

    /** A time: "16 h 30", "16:30". */
    public String time(LocalTime time) {
        if (en) {
            return time.toString();
        }
        return time.getHour() + " h" + (time.getMinute() == 0 ? "" : String.format(" %02d", time.getMinute()));
    }

    /**
     * A date with its day: "mercredi 9 décembre", "mardi 1er septembre 2026", "Wednesday 9 December" (the year when not
     * this one).
     */
    public String date(LocalDate date) {
        String day = date.getDayOfMonth() == 1 && !en ? "d'er'" : "d"; // le 1er septembre
        String pattern = "EEEE " + day + " MMMM" + (date.getYear() == LocalDate.now().getYear() ? "" : " yyyy");
        return date.format(DateTimeFormatter.ofPattern(pattern, locale));
    }

    /** Ages: "de 6 à 10 ans", "à partir de 6 ans", "ages 6 to 10"; empty when unknown. */
    public String ages(Integer min, Integer max) {
        if (min == null && max == null) {
            return "";
        }
        if (min != null && max != null) {
            return t("de " + min + " à " + max + " ans", "ages " + min + " to " + max);
        }
        return min != null ? t("à partir de " + min + " ans", "from age " + min)
                : t("jusqu'à " + max + " ans", "up to age " + max);
    }

    /** The price: "gratuit", "120 € par an", "€120 a year"; empty when unknown. */
    public String price(Boolean free, BigDecimal price) {
        if (Boolean.TRUE.equals(free)) {
            return t("gratuit", "free");
        }
        if (price == null) {
            return "";
        }
        String amount = price.stripTrailingZeros().toPlainString();
        return t(amount.replace('.', ',') + " € par an", "€" + amount + " a year");
    }

    /** A distance in metres: "à 3,4 km", "3.4 km away". */
    public String distance(double metres) {
        return t("à ", "") + String.format(locale, "%.1f km", metres / 1000) + t("", " away");
    }

    /** A language code in words: "anglais", "English". */
    public String language(String code) {
        return Locale.forLanguageTag(code).getDisplayLanguage(locale);
    }
}
