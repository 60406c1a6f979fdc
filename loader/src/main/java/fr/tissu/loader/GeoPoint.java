package fr.tissu.loader;

import java.math.BigDecimal;

import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.Geo;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** A WGS84 point as both {@code geo:lat}/{@code geo:long} and a GeoSPARQL WKT geometry. */
final class GeoPoint {
    private GeoPoint() {
    }

    static void add(RowTriples out, Node place, BigDecimal lat, BigDecimal lon) {
        if (lat == null || lon == null) {
            return;
        }
        out.decimal(place, Geo.lat, lat);
        out.decimal(place, Geo.lon, lon);
        Node geometry = Ids.part(place, "geometry");
        out.add(place, Geo.hasGeometry, geometry);
        out.add(geometry, Core.type, Geo.Geometry);
        out.add(geometry, Geo.asWKT, NodeFactory.createLiteralDT(
                "POINT(" + lon.toPlainString() + " " + lat.toPlainString() + ")",
                TypeMapper.getInstance().getSafeTypeByName(Geo.wktLiteral)));
    }
}
