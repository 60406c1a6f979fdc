package fr.tissu.api.core;

import io.helidon.config.Config;

/**
 * The {@code tissu.catalog} node: who publishes this instance's data, for the DCAT-AP catalogue.
 *
 * @param publisher    the publishing commune or intercommunality's name
 * @param siren        its SIREN (9 digits)
 * @param email        contact address
 * @param homepage     the publisher's or the service's home page ({@code null}: the service's own)
 * @param spatial      the territory covered: an INSEE commune code or an EPCI SIREN
 * @param description  the catalogue's description (French)
 * @param pageSize     datasets per catalogue page (Hydra paging)
 */
public record CatalogConfig(String publisher, String siren, String email, String homepage, String spatial,
                            String description, int pageSize) {

    /** The demonstration instance's values. */
    public static CatalogConfig defaults() {
        return new CatalogConfig("Rennes Métropole (démonstration)", "243500139", "contact@example.org",
                null, "243500139",
                "Les associations du territoire, leurs activités et lieux, les points d'appui numérique et les "
                        + "indicateurs de la charte, en données ouvertes et liées.", 50);
    }

    /** Reads the node, with {@link #defaults()} for what it does not say. */
    public static CatalogConfig create(Config node) {
        CatalogConfig d = defaults();
        return new CatalogConfig(node.get("publisher").asString().orElse(d.publisher()),
                node.get("siren").asString().orElse(d.siren()), node.get("email").asString().orElse(d.email()),
                node.get("homepage").asString().orElse(d.homepage()), node.get("spatial").asString()
                .orElse(d.spatial()),
                node.get("description").asString().orElse(d.description()),
                node.get("page-size").asInt().orElse(d.pageSize()));
    }
}
