package fr.tissu.loader.computed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import fr.tissu.store.read.Selection;
import fr.tissu.store.read.SupportPoint;

/**
 * 3.1 (associations, by RNA number, listed as digital-support points) and 3.2 (their support sessions: weekly
 * opening slots × 52, {@link OpeningHours}), for the current year.
 */
final class SupportPointCounts implements Computation {
    @Override
    public void compute(Context c) {
        Map<Integer, Map<String, Long>> points = c.zeros(c.thisYear(), c.thisYear());
        Map<Integer, Map<String, Long>> sessions = c.zeros(c.thisYear(), c.thisYear());
        Map<String, Set<String>> associations = new HashMap<>();
        SupportPoint.PROJECTION.read(c.store(), Selection.ALL, Context.TIMEOUT, p -> {
            if (p.commune() == null || !c.served().contains(p.commune())) {
                return;
            }
            if (p.pivot() != null && p.pivot().matches("W[0-9AB][0-9A-Z]{8}")) {
                associations.computeIfAbsent(p.commune(), k -> new HashSet<>()).add(p.pivot());
            }
            if (p.openingHours() != null) {
                Long perYear = OpeningHours.sessionsPerYear(p.openingHours());
                if (perYear == null) {
                    c.unreadable().add(p.openingHours());
                } else {
                    sessions.get(c.thisYear()).merge(p.commune(), perYear, Long::sum);
                }
            }
        });
        associations.forEach((commune, ids) -> points.get(c.thisYear()).put(commune, (long) ids.size()));
        c.values().put("3.1", points);
        c.values().put("3.2", sessions);
    }
}
