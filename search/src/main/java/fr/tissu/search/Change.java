package fr.tissu.search;

/**
 * One thing added, modified or removed by a load, as the search index saw it.
 *
 * @param change added, modified or removed
 * @param type   association, activity, place or support-point
 * @param uri    the thing's URI
 * @param key    its key (API URL)
 */
public record Change(String change, String type, String uri, String key) {
}
