package fr.tissu.loader;

import java.util.Map;

import org.apache.jena.graph.Node;

/** Maps the rows of one CSV format to triples. */
interface Mapper {

    /** Maps one row; problems found go to {@link Row#reject}. */
    void map(Row row, RowTriples out);

    /** The CSV column each validated property comes from, to report SHACL results by column. */
    Map<Node, String> columns();

    /**
     * The column holding the INSEE code that places a row in or outside the instance's territory, or {@code null}
     * when rows are kept wherever they are.
     */
    String communeColumn();
}
