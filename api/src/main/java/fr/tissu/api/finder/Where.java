package fr.tissu.api.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Vocabulary;

/**
 * What a resident types for "where": a commune's name ({@code Rennes}, {@code saint malo}), a postcode
 * ({@code 35000}) or an INSEE code ({@code 35238}), resolved to the current communes it names, most populous first.
 */
final class Where {
    private static final Pattern EXACT = Pattern.compile(
            ".*\\((\\d[0-9AaBb]\\d{3})\\)");
    private static volatile Where instance;
    private final Map<String, List<ReferenceData.Commune>> byName = new HashMap<>();
    private final Map<String, List<ReferenceData.Commune>> byPostcode = new HashMap<>();

    private Where() {
        ReferenceData ref = ReferenceData.get();
        for (String code : ref.communeCodes()) {
            ReferenceData.Commune c = ref.commune(code).orElseThrow();
            byName.computeIfAbsent(Vocabulary.fold(c.name()), k -> new ArrayList<>()).add(c);
            for (String postcode : c.postalCodes()) {
                byPostcode.computeIfAbsent(postcode, k -> new ArrayList<>()).add(c);
            }
        }
        Comparator<ReferenceData.Commune> populous = Comparator.comparingLong(Where::population).reversed();
        byName.values().forEach(l -> l.sort(populous));
        byPostcode.values().forEach(l -> l.sort(populous));
    }

    static Where get() {
        if (instance == null) {
            synchronized (Where.class) {
                if (instance == null) {
                    instance = new Where();
                }
            }
        }
        return instance;
    }

    /**
     * The communes {@code text} names, most populous first; empty when none. "Name (INSEE code)", as the finder's own
     * links write a commune, names exactly that commune.
     */
    List<ReferenceData.Commune> resolve(String text) {
        String t = text == null ? "" : text.strip();
        Matcher exact = EXACT.matcher(t);
        if (exact.matches()) {
            return ReferenceData.get().commune(exact.group(1).toUpperCase(Locale.ROOT))
                    .filter(c -> "commune-actuelle".equals(c.type())).map(List::of).orElse(List.of());
        }
        if (t.matches("\\d{5}|2[AaBb]\\d{3}")) {
            List<ReferenceData.Commune> postal = byPostcode.get(t);
            if (postal != null) {
                return postal;
            }
            return ReferenceData.get().commune(t.toUpperCase(Locale.ROOT))
                    .filter(c -> "commune-actuelle".equals(c.type())).map(List::of).orElse(List.of());
        }
        return byName.getOrDefault(Vocabulary.fold(t), List.of());
    }

    /** How the finder's links name a commune: "Rennes (35238)". */
    static String exact(ReferenceData.Commune c) {
        return c.name() + " (" + c.code() + ")";
    }

    /** How the finder shows a commune in its form: its name, with its INSEE code when other communes share it. */
    String shown(ReferenceData.Commune c) {
        return byName.getOrDefault(Vocabulary.fold(c.name()), List.of()).size() > 1 ? exact(c) : c.name();
    }

    /** The centre of a commune's bounding box, {@code {lat, lon}}, when its outline is known. */
    static double[] centre(String code) {
        return ReferenceData.get().box(code).map(b -> new double[] {(b[1] + b[3]) / 2, (b[0] + b[2]) / 2})
                .orElse(null);
    }

    private static long population(ReferenceData.Commune c) {
        try {
            return c.population() == null || c.population().isBlank() ? 0 : Long.parseLong(c.population());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
