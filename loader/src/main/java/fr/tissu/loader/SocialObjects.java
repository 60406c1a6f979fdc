package fr.tissu.loader;

import java.util.Map;
import java.util.Optional;

import fr.tissu.vocabulary.Tissu;
import org.apache.jena.graph.Node;

/**
 * The broad theme of an association from the first three digits of its RNA social-object code (the national
 * nomenclature's group). The mapping is deliberately coarse: the code itself is kept as an identifier.
 */
final class SocialObjects {
    private static final Map<String, String> THEME_BY_GROUP = Map.ofEntries(
            Map.entry("001", "citoyennete"), Map.entry("002", "citoyennete"), Map.entry("003", "citoyennete"),
            Map.entry("004", "citoyennete"), Map.entry("005", "culture"), Map.entry("006", "culture"),
            Map.entry("007", "loisirs"), Map.entry("009", "culture"), Map.entry("010", "culture"),
            Map.entry("011", "sport"), Map.entry("013", "loisirs"), Map.entry("014", "social"),
            Map.entry("015", "education"), Map.entry("016", "education"), Map.entry("017", "sante"),
            Map.entry("018", "sante"), Map.entry("019", "social"), Map.entry("020", "social"),
            Map.entry("021", "seniors"), Map.entry("024", "environnement"), Map.entry("030", "social"),
            Map.entry("032", "social"), Map.entry("034", "loisirs"), Map.entry("036", "citoyennete"));

    private SocialObjects() {
    }

    static Optional<Node> theme(String code) {
        String theme = code.length() < 3 ? null : THEME_BY_GROUP.get(code.substring(0, 3));
        return Optional.ofNullable(theme).map(t -> Tissu.concept("theme", t));
    }
}
