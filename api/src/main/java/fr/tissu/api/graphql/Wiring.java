package fr.tissu.api.graphql;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.Charter;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.api.domain.IndicatorYears;
import fr.tissu.api.domain.Themes;
import fr.tissu.search.SearchResult;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ActivitySnapshot;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Observation;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.store.read.SupportPoint;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.apache.jena.graph.Node;

/**
 * The schema's types wired to the read model: for each type, the fields that are not read as they are from its
 * record (identifiers, enums, references resolved by the data loaders, connections).
 */
final class Wiring {
    private final Instance tissu;
    private final IndicatorComparison comparison;
    private final Connections connections;

    Wiring(Instance tissu, IndicatorComparison comparison) {
        this.tissu = tissu;
        this.comparison = comparison;
        this.connections = new Connections(tissu);
    }

    /** The wiring of every type. */
    RuntimeWiring build() {
        return RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t
                        .dataFetcher("association", env -> {
                            String rna = associationKey(env.getArgument("id"), env.getArgument("rna"));
                            return rna == null ? null : Loaders.associations(env)
                                    .load(tissu.ids().association(rna).getURI());
                        })
                        .dataFetcher("activity", env -> {
                            ActivitySnapshot s = tissu.model().activities();
                            if (env.getArgument("key") != null) {
                                return s.byKey().get((String) env.getArgument("key"));
                            }
                            String id = env.getArgument("id");
                            return id == null ? null : s.byKey().get(id.substring(id.lastIndexOf('/') + 1));
                        })
                        .dataFetcher("commune", env -> ReferenceData.get().commune(env.getArgument("code"))
                        .orElse(null))
                        .dataFetcher("epci", env -> ReferenceData.get().epci(env.getArgument("siren")).orElse(null))
                        .dataFetcher("theme", env -> Vocabulary.get().theme(env.getArgument("code")).map(Node::getURI)
                                .orElse(null))
                        .dataFetcher("associations", env -> connections.associations(env, null))
                        .dataFetcher("activities", env -> connections.activities(env, null, null))
                        .dataFetcher("supportPoints", env -> connections.supportPoints(env,
                        env.getArgument("communes")))
                        .dataFetcher("axes", env -> Charter.axes())
                        .dataFetcher("indicator", env -> Charter.indicator(env.getArgument("code")).orElse(null))
                        .dataFetcher("search", connections::search))
                .type("Association", t -> t
                        .dataFetcher("id", env -> association(env).iri())
                        .dataFetcher("founded", env -> text(association(env).founded()))
                        .dataFetcher("dissolved", env -> text(association(env).dissolved()))
                        .dataFetcher("commune", env -> communeOf(association(env).commune()))
                        .dataFetcher("activities", env -> connections.activities(env, null, association(env).iri())))
                .type("Activity", t -> t
                        .dataFetcher("id", env -> row(env).iri())
                        .dataFetcher("key", env -> row(env).key())
                        .dataFetcher("organizer", env -> Loaders.associations(env).load(row(env).organizer()))
                        .dataFetcher("commune", env -> ReferenceData.get().commune(row(env).commune()).orElse(null))
                        .dataFetcher("themes", env -> row(env).themes())
                        .dataFetcher("schedule", env -> row(env))
                        .dataFetcher("nextOccurrence", env -> Optional.ofNullable(row(env)
                                .firstOccurrence(LocalDate.now(), null)).map(LocalDate::toString).orElse(null))
                        .dataFetcher("price", env -> row(env).price() == null ? null : row(env).price().doubleValue())
                        .dataFetcher("languages", env -> row(env).languages())
                        .dataFetcher("place", env -> row(env).place()))
                .type("Place", t -> t
                        .dataFetcher("id", env -> ((Activity.Place) env.getSource()).iri()))
                .type("Schedule", t -> t
                        .dataFetcher("days", env -> row(env).days().stream()
                                .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList())
                        .dataFetcher("startTime", env -> row(env).start().toString())
                        .dataFetcher("endTime", env -> row(env).end().toString())
                        .dataFetcher("seasonStart", env -> row(env).seasonStart() == null ? null
                                : row(env).seasonStart().toString())
                        .dataFetcher("seasonEnd", env -> row(env).seasonEnd() == null ? null
                                : row(env).seasonEnd().toString()))
                .type("SupportPoint", t -> t
                        .dataFetcher("id", env -> ((SupportPoint) env.getSource()).iri())
                        .dataFetcher("commune", env -> communeOf(((SupportPoint) env.getSource()).commune())))
                .type("Commune", t -> t
                        .dataFetcher("id", env -> tissu.ids().commune(commune(env).code()).getURI())
                        .dataFetcher("population", env -> integer(commune(env).population()))
                        .dataFetcher("epci", env -> commune(env).epci() == null ? null
                                : ReferenceData.get().epci(commune(env).epci()).orElse(null))
                        .dataFetcher("departement", env -> departement(commune(env).departement()))
                        .dataFetcher("associations", env -> connections.associations(env, commune(env).code()))
                        .dataFetcher("activities", env -> connections.activities(env, commune(env).code(), null))
                        .dataFetcher("supportPoints", env -> connections.supportPoints(env,
                        List.of(commune(env).code())))
                        .dataFetcher("indicators", env -> {
                            Integer year = env.getArgument("year");
                            String origin = env.getArgument("origin") == null ? null
                                    : env.getArgument("origin").toString().toLowerCase(Locale.ROOT);
                            return Loaders.observations(env)
                                    .load(commune(env).code()).thenApply(list -> list.stream()
                                            .filter(o -> year == null || year.equals(o.year()))
                                            .filter(o -> origin == null || origin.equals(o.origin())).toList());
                        })
                        .dataFetcher("compare", env -> {
                            String group = env.getArgument("group") == null ? "epci"
                                    : env.getArgument("group").toString().toLowerCase(Locale.ROOT).replace('_', '-');
                            Integer year = env.getArgument("year");
                            if (year != null) {
                                IndicatorYears.check(year.toString());
                            }
                            return comparison.compare(env.getArgument("indicator"), commune(env).code(), group, year,
                                    env.getArgument("origin") == null ? null
                                            : env.getArgument("origin").toString().toLowerCase(Locale.ROOT));
                        }))
                .type("Comparison", t -> t
                        .dataFetcher("indicator", env -> Charter.indicator(
                                (String) ((Map<?, ?>) map(env).get("indicator")).get("code")).orElse(null)))
                .type("ComparedGroup", t -> t
                        .dataFetcher("kind", env -> map(env).get("kind").toString().toUpperCase(Locale.ROOT)
                                .replace('-', '_')))
                .type("ComparedCommune", t -> t
                        .dataFetcher("commune", env -> ReferenceData.get().commune((String) map(env).get("code"))
                                .orElse(null))
                        .dataFetcher("origin", env -> map(env).get("origin") == null ? null
                                : map(env).get("origin").toString().toUpperCase(Locale.ROOT)))
                .type("Epci", t -> t
                        .dataFetcher("id", env -> tissu.ids().thing("epci", epci(env).siren()).getURI())
                        .dataFetcher("communes", env -> epci(env).members().stream()
                                .map(c -> ReferenceData.get().commune(c).orElse(null))
                                .filter(Objects::nonNull).toList()))
                .type("Theme", t -> t
                        .dataFetcher("id", env -> env.getSource())
                        .dataFetcher("code", env -> Themes.code(env.getSource()))
                        .dataFetcher("labelFr", env -> Themes.label(env.getSource(), "fr"))
                        .dataFetcher("labelEn", env -> Themes.label(env.getSource(), "en"))
                        .dataFetcher("broader", env -> Themes.related(env.getSource(), Vocab.Skos.broader, false)
                                .stream().findFirst().orElse(null))
                        .dataFetcher("narrower", env -> Themes.related(env.getSource(), Vocab.Skos.broader, true)))
                .type("Axis", t -> t
                        .dataFetcher("labelFr", env -> env.<Charter.Axis>getSource().label().get("fr"))
                        .dataFetcher("labelEn", env -> env.<Charter.Axis>getSource().label().get("en"))
                        .dataFetcher("indicators", env -> env.<Charter.Axis>getSource().indicators()))
                .type("Indicator", t -> t
                        .dataFetcher("labelFr", env -> env.<Charter.Indicator>getSource().label().get("fr"))
                        .dataFetcher("labelEn", env -> env.<Charter.Indicator>getSource().label().get("en")))
                .type("Commitment", t -> t
                        .dataFetcher("definitionFr", env -> env.<Charter.Commitment>getSource().definition().get("fr"))
                        .dataFetcher("definitionEn", env -> env.<Charter.Commitment>getSource().definition().get("en")))
                .type("Observation", t -> t
                        .dataFetcher("id", env -> observation(env).iri())
                        .dataFetcher("indicator", env -> Charter.indicator(observation(env).indicator()).orElse(null))
                        .dataFetcher("value", env -> observation(env).value().doubleValue())
                        .dataFetcher("origin", env -> observation(env).origin().toUpperCase(Locale.ROOT)))
                .type("SearchHit", t -> t
                        .dataFetcher("id", env -> hit(env).uri())
                        .dataFetcher("type", env -> hit(env).type().toUpperCase(Locale.ROOT).replace('-', '_'))
                        .dataFetcher("association", env -> hit(env).type().equals("association")
                                ? Loaders.associations(env).load(hit(env).uri()) : null)
                        .dataFetcher("activity", env -> hit(env).type().equals("activity")
                                ? tissu.model().activities().byKey().get(hit(env).key()) : null))
                .build();
    }

    /**
     * The RNA number an {@code association(id:, rna:)} names: {@code id} must be one of this instance's association
     * URIs and {@code rna} an RNA number ({@code W} and 9 characters); anything else is refused, never passed on.
     */
    private String associationKey(String id, String rna) {
        if (rna != null) {
            if (!rna.matches("W[0-9A-Z]{9}")) {
                throw new BadParameterException("rna", "an RNA number is W followed by 9 digits or capital letters");
            }
            return rna;
        }
        if (id == null) {
            return null;
        }
        String prefix = tissu.ids().base() + "/id/association/";
        String key = id.startsWith(prefix) ? id.substring(prefix.length()) : "";
        if (!key.matches("W[0-9A-Z]{9}")) {
            throw new BadParameterException("id", "not an association of this instance (expected " + prefix
                    + "W followed by 9 characters)");
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(DataFetchingEnvironment env) {
        return (Map<String, Object>) env.getSource();
    }

    private static Activity row(DataFetchingEnvironment env) {
        return (Activity) env.getSource();
    }

    private static Observation observation(DataFetchingEnvironment env) {
        return (Observation) env.getSource();
    }

    private static Association association(DataFetchingEnvironment env) {
        return (Association) env.getSource();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ReferenceData.Commune commune(DataFetchingEnvironment env) {
        return (ReferenceData.Commune) env.getSource();
    }

    private static ReferenceData.Epci epci(DataFetchingEnvironment env) {
        return (ReferenceData.Epci) env.getSource();
    }

    private static SearchResult.Hit hit(DataFetchingEnvironment env) {
        return (SearchResult.Hit) env.getSource();
    }

    private static Object communeOf(String code) {
        return code == null ? null : ReferenceData.get().commune(code).orElse(null);
    }

    private Map<String, Object> departement(String code) {
        if (code == null) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", tissu.ids().thing("departement", code).getURI());
        d.put("code", code);
        d.put("name", ReferenceData.get().departementName(code));
        return d;
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
