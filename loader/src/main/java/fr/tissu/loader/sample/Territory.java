package fr.tissu.loader.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import fr.tissu.store.read.ReferenceData;

/**
 * The communes a sample is drawn from, picked in proportion to their population, each with the area its places are
 * put in: the middle of the commune's bounding box (from the reference data), so that "near Bruz" finds Bruz's
 * activities; Rennes around its city hall, so examples can use a real point. A commune without a box (a few overseas
 * or re-created ones) takes the middle of its département's boxes. Addresses and exact points stay synthetic.
 */
final class Territory {
    /** At most this far from the centre (degrees of latitude, of longitude), however large the commune. */
    private static final double MAX_LAT = 0.02;
    private static final double MAX_LON = 0.03;
    private final List<ReferenceData.Commune> communes;
    private final long[] cumulative;
    /** Per commune: centre latitude and longitude, and how far places may stray from it in each. */
    private final Map<String, double[]> areas = new HashMap<>();
    private final ReferenceData reference;

    Territory(List<String> codes, ReferenceData reference, SplittableRandom random) {
        this.reference = reference;
        this.communes = codes.stream().map(c -> reference.commune(c).orElseThrow()).toList();
        this.cumulative = new long[communes.size()];
        long total = 0;
        for (int i = 0; i < communes.size(); i++) {
            ReferenceData.Commune c = communes.get(i);
            total += Math.max(50, c.population().isEmpty() ? 50 : Long.parseLong(c.population()));
            cumulative[i] = total;
            areas.put(c.code(), area(c));
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

    /** A point inside the commune's area: within the middle half of its box, and a few kilometres of its centre. */
    double[] near(ReferenceData.Commune commune, SplittableRandom random) {
        double[] a = areas.get(commune.code());
        return new double[] {round(a[0] + (random.nextDouble() - 0.5) * 2 * a[2]),
            round(a[1] + (random.nextDouble() - 0.5) * 2 * a[3])};
    }

    private double[] area(ReferenceData.Commune c) {
        if ("35238".equals(c.code())) {
            return new double[] {48.1115, -1.6800, 0.01, 0.015}; // Rennes city hall
        }
        double[] box = reference.box(c.code()).or(() -> departementBox(c.departement())).orElse(null);
        if (box == null) {
            return new double[] {46.6, 2.4, MAX_LAT, MAX_LON}; // the middle of metropolitan France
        }
        return new double[] {(box[1] + box[3]) / 2, (box[0] + box[2]) / 2, Math.min(MAX_LAT, (box[3] - box[1]) / 4),
            Math.min(MAX_LON, (box[2] - box[0]) / 4)};
    }

    /** The box around the middles of a département's commune boxes, as tight as a commune's. */
    private Optional<double[]> departementBox(String departement) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (String code : reference.communeCodes()) {
            ReferenceData.Commune other = reference.commune(code).orElseThrow();
            double[] b = other.departement().equals(departement) ? reference.box(code).orElse(null) : null;
            if (b != null) {
                lat += (b[1] + b[3]) / 2;
                lon += (b[0] + b[2]) / 2;
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(new double[] {lon / n - 0.01, lat / n - 0.01,
            lon / n + 0.01, lat / n + 0.01});
    }

    private static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
