package fr.tissu.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.tissu.vocabulary.Ids;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** What a harvest takes from another instance's dump (the exchange itself is tested with two servers in the api). */
class HarvesterTest {
    private final Ids ours = new Ids("https://tissu.rennes.example");

    @Test
    void territoriesOfTheOtherInstanceBecomeOurs() {
        assertEquals(ours.commune("35288"), Harvester.local(ours,
                NodeFactory.createURI("https://tissu.saint-malo.example/id/commune/35288")));
        assertEquals(ours.thing("epci", "243500667"), Harvester.local(ours,
                NodeFactory.createURI("https://tissu.saint-malo.example/id/epci/243500667")));
        var indicator = NodeFactory.createURI("https://w3id.org/tissu/charter/indicator/1.1");
        assertEquals(indicator, Harvester.local(ours, indicator), "shared vocabulary is left as it is");
        var literal = NodeFactory.createLiteralString("/id/commune/35288");
        assertEquals(literal, Harvester.local(ours, literal));
    }

    @Test
    void aHarvestNeverSpeaksAboutOurOwnThings() {
        assertTrue(Harvester.foreign(ours, NodeFactory.createURI(
                "https://tissu.saint-malo.example/id/observation/35288/1.1/2025")));
        assertFalse(Harvester.foreign(ours, NodeFactory.createURI(
                "https://tissu.rennes.example/id/observation/35238/1.1/2025")));
        assertFalse(Harvester.foreign(ours, NodeFactory.createBlankNode()));
        // another host that merely starts like ours is someone else
        assertTrue(Harvester.foreign(ours, NodeFactory.createURI("https://tissu.rennes.example.evil/id/x")));
    }
}
