package fr.tissu.loader.computed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Selection;

/**
 * 1.2: activities of the season starting in the year whose association offered an activity with the same title
 * (case and surrounding spaces aside) in the season before, for the years whose previous season is in the data.
 */
final class RenewedActivities implements Computation {
    /** An activity as this indicator sees it: its commune, its season's first year, its association and title. */
    private record Offer(String iri, String commune, int year, String key) {
    }

    @Override
    public void compute(Context c) {
        Set<String> offered = new HashSet<>();
        List<Offer> activities = new ArrayList<>();
        Set<Integer> seasons = new TreeSet<>();
        Activity.SEASONS.read(c.store(), Selection.ALL, Context.TIMEOUT, a -> {
            if (a.organizer() == null || a.commune() == null || a.seasonStart() == null) {
                return;
            }
            int y = a.seasonStart().getYear();
            String key = a.organizer() + "|" + a.title().strip().toLowerCase(Locale.ROOT);
            offered.add(key + "|" + y);
            seasons.add(y);
            activities.add(new Offer(a.iri(), a.commune(), y, key));
        });
        Map<Integer, Map<String, Long>> renewed = new TreeMap<>();
        for (int y : seasons) {
            if (seasons.contains(y - 1) && y <= c.thisYear()) {
                renewed.putAll(c.zeros(y, y));
            }
        }
        Set<String> counted = new HashSet<>();
        for (Offer a : activities) {
            if (renewed.containsKey(a.year()) && c.served().contains(a.commune())
                    && offered.contains(a.key() + "|" + (a.year() - 1)) && counted.add(a.iri())) {
                renewed.get(a.year()).merge(a.commune(), 1L, Long::sum);
            }
        }
        c.values().put("1.2", renewed);
    }
}
