package fr.tissu.loader.computed;

import java.util.List;

/** One computed indicator (or two computed together): what it counts, per commune and year, into the context. */
public interface Computation {
    /** Every computation, in the order they run. */
    List<Computation> ALL = List.of(new Dissolutions(), new RenewedActivities(), new EntryPoint(),
            new RequestCounts(), new SupportPointCounts());

    /** Counts into {@code context}'s values. */
    void compute(Context context);
}
