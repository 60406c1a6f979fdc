package fr.tissu.store.read;

/** A thing with a place on the map: what lists of places and digital-support points filter on. */
public interface Located {
    /** Its URI. */
    String iri();

    /** Its key in its list (the last segment of its URI). */
    String key();

    /** Its name. */
    String name();

    /** INSEE code of its commune, or {@code null}. */
    String commune();

    /** Latitude, or {@code null}. */
    Double lat();

    /** Longitude, or {@code null}. */
    Double lon();
}
