package fr.tissu.loader;

import java.util.ArrayList;
import java.util.List;

import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;

/** Validates graphs against the vocabulary's SHACL shapes (parsed once). */
final class ShapeValidator {
    /** One violation: the node at fault, the property (or {@code null}), and the shape's message. */
    record Violation(Node focus, Node property, String message) {
    }

    private static final Shapes SHAPES = Shapes.parse(Vocabulary.get().shapes());

    private ShapeValidator() {
    }

    static List<Violation> validate(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(SHAPES, data);
        List<Violation> violations = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            if (entry.severity() == Severity.Violation) {
                Node property = entry.resultPath() instanceof P_Link link ? link.getNode() : null;
                violations.add(new Violation(entry.focusNode(), property, entry.message()));
            }
        }
        return violations;
    }
}
