package fr.tissu.api.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Vocabulary;

/**
 * What a resident types for "where": a commune's name ({@code Rennes}, {@code saint malo}), a postcode
 * ({@code 35000}) or an INSEE code ({@code 35238}), resolved to the current communes it names, most populous first.
 */
final class Where {
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

    /** The communes {@code text} names, most populous first; empty when none. */
    List<ReferenceData.Commune> resolve(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{5}|2[AaBb]\\d{3}")) {
            List<ReferenceData.Commune> postal = byPostcode.get(t);
            if (postal != null) {
                return postal;
            }
            return ReferenceData.get().commune(t.toUpperCase(java.util.Locale.ROOT))
                    .filter(c -> "commune-actuelle".equals(c.type())).map(List::of).orElse(List.of());
        }
        return byName.getOrDefault(Vocabulary.fold(t), List.of());
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
