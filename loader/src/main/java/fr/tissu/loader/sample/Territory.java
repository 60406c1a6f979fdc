package fr.tissu.loader.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import fr.tissu.loader.reference.ReferenceData;

/**
 * The communes a sample is drawn from, picked in proportion to their population, each with a synthetic centre
 * point (the reference data has no coordinates): Rennes at its city hall, the rest of Ille-et-Vilaine around it,
 * elsewhere spread by département over metropolitan France. The geography is synthetic, like the rest.
 */
final class Territory {
    private final List<ReferenceData.Commune> communes;
    private final long[] cumulative;
    private final Map<String, double[]> centres = new HashMap<>();

    Territory(List<String> codes, ReferenceData reference, SplittableRandom random) {
        this.communes = codes.stream().map(c -> reference.commune(c).orElseThrow()).toList();
        this.cumulative = new long[communes.size()];
        long total = 0;
        for (int i = 0; i < communes.size(); i++) {
            ReferenceData.Commune c = communes.get(i);
            total += Math.max(50, c.population().isEmpty() ? 50 : Long.parseLong(c.population()));
            cumulative[i] = total;
            centres.put(c.code(), centre(c, random));
        }
    }

    ReferenceData.Commune pick(SplittableRandom random) {
        long target = random.nextLong(cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return communes.get(lo);
    }

    long population(String code) {
        return communes.stream().filter(c -> c.code().equals(code)).findFirst()
                .map(c -> c.population().isEmpty() ? 0L : Long.parseLong(c.population())).orElse(0L);
    }

    /** A point within about a kilometre of the commune's centre. */
    double[] near(ReferenceData.Commune commune, SplittableRandom random) {
        double[] centre = centres.get(commune.code());
        return new double[] {round(centre[0] + (random.nextDouble() - 0.5) * 0.02),
            round(centre[1] + (random.nextDouble() - 0.5) * 0.03)};
    }

    private static double[] centre(ReferenceData.Commune c, SplittableRandom random) {
        int hash = c.code().hashCode();
        if ("35238".equals(c.code())) {
            return new double[] {48.1115, -1.6800}; // Rennes city hall, so examples can use a real point
        }
        if ("35".equals(c.departement())) {
            return new double[] {48.11 + ((hash % 1000) / 1000.0) * 0.12, -1.68 + (((hash / 1000) % 1000) / 1000.0) * 0.18};
        }
        int dep = Math.abs(c.departement().hashCode());
        double lat = 43.0 + (dep % 80) / 10.0 + ((hash % 100) / 100.0) * 0.3;
        double lon = -1.5 + ((dep / 80) % 85) / 10.0 + (((hash / 100) % 100) / 100.0) * 0.4;
        return new double[] {lat, lon};
    }

    private static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
