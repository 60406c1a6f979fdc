package fr.tissu.search;

import java.util.List;

import org.apache.lucene.facet.FacetsConfig;

/** The fields of the index's documents: what the filters compile to and what the results read. */
public final class Fields {
    /** The thing's URI (stored, exact). */
    public static final String URI = "uri";
    /** The thing's key in its URI and API URL (stored, exact, sortable). */
    public static final String KEY = "key";
    /** association, activity, place or support-point (exact, facet). */
    public static final String TYPE = "type";
    /** The named graph the thing was read from (exact): a reload replaces its documents. */
    public static final String GRAPH = "graph";
    /** Name (text, stored, highest boost). */
    public static final String NAME = "name";
    /** Labels of the themes and of their broader themes, French and English (text). */
    public static final String THEMES_TEXT = "themes_text";
    /** Description or object (text, stored). */
    public static final String DESCRIPTION = "description";
    /** Audience, place, commune, organiser, services (text, lowest boost). */
    public static final String OTHER = "other";
    /** Every text field together: what the words must match (one posting list per word, fast conjunctions). */
    public static final String ALL = "all";
    /** Every prefix of the name's words (completion). */
    public static final String SUGGEST = "suggest";
    /** A digest of everything the document was made from (stored): a reload compares it to say what changed. */
    public static final String DIGEST = "digest";
    /** Folded name, for sorting by name. */
    public static final String NAME_SORT = "name_sort";

    /** Theme codes with their broader themes (exact, facet). */
    public static final String THEME = "theme";
    /** INSEE code of the commune (exact, facet). */
    public static final String COMMUNE = "commune";
    /** Day codes mon…sun (exact, facet). */
    public static final String DAY = "day";
    /** free or paid (exact, facet). */
    public static final String PRICE_BAND = "price";
    /** Audience age bands 0-5, 6-11, 12-17, 18-64, 65+ (exact, facet). */
    public static final String AGE_BAND = "age";
    /** true or false (exact). */
    public static final String FREE = "free";
    /** true or false (exact). */
    public static final String ACCESSIBLE = "accessible";
    /** Language codes (exact). */
    public static final String LANG = "lang";
    /** active or dissolved (exact). */
    public static final String STATUS = "status";
    /** Youngest age of the audience, 0 when open (int point). */
    public static final String MIN_AGE = "min_age";
    /** Oldest age of the audience, 150 when open (int point). */
    public static final String MAX_AGE = "max_age";
    /** Price in euros (double point). */
    public static final String PRICE = "price_eur";
    /** Start and end time of day in minutes (int points). */
    public static final String START = "start_min";
    /** End time of day in minutes. */
    public static final String END = "end_min";
    /** Season start and end, epoch days (long points; open ends are absent). */
    public static final String SEASON_START = "season_start";
    /** Season end, epoch days. */
    public static final String SEASON_END = "season_end";
    /** Creation date, epoch days (long point). */
    public static final String CREATED = "created";
    /** WGS84 point (lat/lon point and doc values, for distance filters and sorts). */
    public static final String LOCATION = "location";

    /** The facet dimensions. */
    public static final List<String> FACETS = List.of(TYPE, THEME, COMMUNE, DAY, PRICE_BAND, AGE_BAND);

    /** The facet configuration (multi-valued dimensions). */
    public static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    static {
        FACETS_CONFIG.setMultiValued(THEME, true);
        FACETS_CONFIG.setMultiValued(DAY, true);
        FACETS_CONFIG.setMultiValued(AGE_BAND, true);
    }

    private Fields() {
    }
}
