package fr.tissu.loader.computed;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.tissu.loader.UsageLog;

/**
 * 2.2 (directory consultations) and 6.1 (association page views): the service's own successful requests, counted
 * per day and commune concerned without any personal data ({@link UsageLog}), summed per year.
 */
final class RequestCounts implements Computation {
    @Override
    public void compute(Context c) {
        Map<String, Long> requests = UsageLog.perYear(c.usage());
        TreeSet<Integer> years = new TreeSet<>();
        requests.keySet().forEach(k -> years.add(Integer.parseInt(k.substring(0, 4))));
        for (String indicator : List.of("2.2", "6.1")) {
            Map<Integer, Map<String, Long>> counts = new TreeMap<>();
            if (!years.isEmpty()) {
                counts.putAll(c.zeros(years.first(), c.thisYear()));
            }
            requests.forEach((k, n) -> {
                String[] f = k.split("\\|");
                Map<String, Long> year = counts.get(Integer.parseInt(f[0]));
                if (f[1].equals(indicator) && year != null && c.served().contains(f[2])) {
                    year.merge(f[2], n, Long::sum);
                }
            });
            c.values().put(indicator, counts);
        }
    }
}
