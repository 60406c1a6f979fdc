package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.tissu.api.core.Instance;
import fr.tissu.store.read.ReferenceData;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The residents' finder on a real server over the shared sample, its pages read by jsoup (an HTML5 parser): the
 * resident's task (judo, 8 years old, Wednesday, near Rennes), the counts beside the filters, paging, "no result",
 * bad input, English.
 */
@ServerTest
@Tag(SharedSample.TAG)
class FinderTest {
    private static final String JUDO = "/trouver?q=&where=Rennes&within=10&theme=judo&age=8&day=wed&time=&max-price=";
    static Instance tissu;

    private final Http1Client client;

    FinderTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    private record Page(int status, Document html) {
    }

    private Page get(String pathAndQuery) {
        var req = RestClient.request(client, pathAndQuery).header(HeaderNames.ACCEPT, "text/html");
        try (Http1ClientResponse res = req.request()) {
            assertTrue(res.headers().contentType().orElseThrow().text().startsWith("text/html"));
            return new Page(res.status().code(), Jsoup.parse(res.as(String.class)));
        }
    }

    private long restTotal(String query) {
        return new RestClient(client).ok("/api/v1/activities?limit=1&" + query).path("total").asLong();
    }

    private static int total(Document page) {
        String h2 = page.selectFirst("h2#results").text();
        return h2.startsWith("Aucune") || h2.startsWith("No ") ? 0 : Integer.parseInt(h2.replaceAll("^(\\d+).*", "$1"));
    }

    @Test
    void theResidentsTaskFindsWednesdayJudoForAnEightYearOldNearRennes() {
        Page page = get(JUDO);
        assertEquals(200, page.status());
        Document d = page.html();
        int total = total(d);
        assertTrue(total > 0, d.selectFirst("main").text());
        // the same filter as the REST API's, with the centre of Rennes and 10 km, upcoming activities only
        assertEquals(restTotal("theme=judo&age=8&day=wed&when=upcoming&near=" + centreOfRennes() + "&radius=10000"),
                total);
        List<Element> cards = d.select("ol.cards > li");
        assertEquals(Math.min(20, total), cards.size());
        for (Element card : cards) {
            String text = card.text();
            assertTrue(text.contains("le mercredi"), text);
            assertTrue(text.matches(".*, \\d{1,2} h( \\d\\d)? – \\d{1,2} h( \\d\\d)?.*"), "hours in words: " + text);
            assertTrue(text.contains("Prochaine séance : mercredi"), text);
            assertTrue(text.matches(".*à \\d+,\\d km.*"), "the distance: " + text);
            assertNotNull(card.selectFirst("h3 a[href^=/id/activity/]"), card.html());
        }
        assertTrue(d.selectFirst("input#day-wed").hasAttr("checked"));
        assertEquals("judo", d.selectFirst("select#theme option[selected]").val());
        assertEquals("Rennes", d.selectFirst("input#where").val());
        assertTrue(d.selectFirst("main").text().contains("À moins de 10 km du centre de Rennes"));
    }

    @Test
    void theFormIsAPlainGetFormWithALabelForEveryField() {
        Document d = get("/trouver").html();
        Element form = d.selectFirst("form.finder");
        assertEquals("get", form.attr("method"));
        assertEquals("/trouver", form.attr("action"));
        Set<String> names = new HashSet<>();
        for (Element field : form.select("input:not([type=hidden]), select")) {
            names.add(field.attr("name"));
            assertFalse(d.select("label[for=" + field.id() + "]").isEmpty(), "no label for " + field.outerHtml());
        }
        assertTrue(names.containsAll(Set.of("q", "where", "within", "theme", "age", "day", "time", "max-price",
                "free", "accessible", "language")), names.toString());
        assertEquals(2, d.select("select#theme optgroup[label=Sport] option[value=judo], select#theme optgroup "
                + "option[value=sport]").size(), "two levels of themes");
        assertNotNull(get("/").html().selectFirst("form[action=/trouver] input[name=q]"), "a search box on the home "
                + "page");
        assertNotNull(get("/id/commune/35238").html().selectFirst("header a[href=/trouver]"), "the finder in every "
                + "page's header");
    }

    @Test
    void eachFilterShowsHowManyActivitiesItWouldFind() {
        Document d = get("/trouver?where=35238&theme=sport").html();
        int total = total(d);
        for (String[] day : new String[][] {{"mon", "lundi", "mo"}, {"wed", "mercredi", "we"}}) {
            String label = d.selectFirst("label[for=day-" + day[0] + "]").text();
            int n = Integer.parseInt(label.replaceAll(".*\\((\\d+)\\)", "$1"));
            assertEquals(restTotal("commune=35238&theme=sport&when=upcoming&day=" + day[0]), n, label);
        }
        String judo = d.selectFirst("select#theme option[value=judo]").text();
        assertEquals(restTotal("commune=35238&theme=judo&when=upcoming"),
                Integer.parseInt(judo.replaceAll(".*\\((\\d+)\\)", "$1")), judo);
        assertEquals(restTotal("commune=35238&theme=sport&when=upcoming"), total);
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatingACard() {
        Document first = get("/trouver?where=Rennes").html();
        int total = total(first);
        assertTrue(total > 20, "the sample has more than a page of activities in Rennes: " + total);
        Element next = first.selectFirst("nav.pages a[rel=next]");
        assertNotNull(next);
        Document second = get(next.attr("href")).html();
        Set<String> seen = new HashSet<>();
        for (Document page : List.of(first, second)) {
            for (Element a : page.select("ol.cards h3 a")) {
                assertTrue(seen.add(a.attr("href")), "shown twice: " + a.attr("href"));
            }
        }
        assertEquals(Math.min(40, total), seen.size());
        assertNotNull(second.selectFirst("nav.pages a[rel=prev]"));
        assertTrue(second.selectFirst("h2#results").text().contains("page 2"));
    }

    @Test
    void noResultSaysWhichCriterionToDrop() {
        for (String query : List.of("where=Rennes&theme=judo&age=8&day=wed&day=sun&max-price=1&accessible=true",
                "where=Rennes&theme=judo&age=8&day=wed&day=sun&max-price=1&accessible=true&week=true")) {
            Document d = get("/trouver?" + query).html();
            assertEquals(0, total(d), query);
            List<Element> drops = d.select("section ul li a");
            assertFalse(drops.isEmpty());
            boolean some = false;
            for (Element drop : drops) {
                String text = drop.parent().text();
                int n = Integer.parseInt(text.replaceAll(".* : (\\d+) activit.*", "$1"));
                assertEquals(n, total(get(drop.attr("href")).html()), "the link finds what it promises: " + text);
                some |= n > 0;
            }
            assertTrue(some, "one criterion dropped finds something: " + query);
        }
    }

    @Test
    void badInputIsA400ThatSaysWhatIsWrongAndKeepsTheForm() {
        Page nowhere = get("/trouver?where=Nullepartville&theme=judo");
        assertEquals(400, nowhere.status());
        assertTrue(nowhere.html().selectFirst("[role=alert]").text().contains("Nullepartville"));
        assertEquals("judo", nowhere.html().selectFirst("select#theme option[selected]").val(),
                "what was right is kept");
        Page age = get("/trouver?age=huit");
        assertEquals(400, age.status());
        assertTrue(age.html().selectFirst("[role=alert]").text().contains("âge"));
        assertEquals(400, get("/trouver?page=0").status());
        assertEquals(400, get("/trouver?within=7&where=Rennes").status());
        assertEquals(400, get("/trouver?colour=blue").status());
    }

    @Test
    void inEnglish() {
        Document d = get(JUDO + "&lang=en").html();
        assertEquals("en", d.selectFirst("html").attr("lang"));
        assertEquals("Find an activity", d.selectFirst("h1").text());
        String card = d.selectFirst("ol.cards > li").text();
        assertTrue(card.contains("Wednesdays, "), card);
        assertTrue(card.contains("Next session: Wednesday"), card);
        assertNotNull(d.selectFirst("form.finder input[type=hidden][name=lang][value=en]"));
        assertTrue(d.selectFirst("label[for=day-wed]").text().startsWith("Wednesday"));
    }

    @Test
    void anActivityPageSaysWhatAResidentNeedsFirstThenTheLinkedData() {
        String href = get(JUDO).html().selectFirst("ol.cards h3 a").attr("href");
        Document d = get(href).html();
        Element essentials = d.selectFirst("h2#essentials").parent();
        String text = essentials.text();
        assertTrue(text.contains("le mercredi, "), text);
        assertTrue(text.contains("prochaine séance : mercredi"), text);
        assertTrue(text.matches(".*Pour qui (de \\d+ à \\d+ ans|à partir de \\d+ ans|jusqu'à \\d+ ans|tous âges).*"),
                text);
        Element osm = essentials.selectFirst("a[href^=https://www.openstreetmap.org/?mlat=]");
        assertNotNull(osm, "a link to open the place in OpenStreetMap: " + essentials.html());
        Element ics = essentials.selectFirst("a[href$=?format=ics]");
        try (Http1ClientResponse res = client.get(ics.attr("href").replace("?format=ics", ""))
                .queryParam("format", "ics").request()) {
            assertEquals(200, res.status().code());
            assertTrue(res.as(String.class).startsWith("BEGIN:VCALENDAR"));
        }
        assertTrue(d.select("h2").eachText().contains("Toutes les données (Linked Data)"), "the Linked Data stays");
        List<String> sections = d.select("h2[id]").eachAttr("id");
        assertTrue(sections.indexOf("essentials") < sections.indexOf("props"), "essentials first: " + sections);
        String english = get(href + "?lang=en").html().selectFirst("h2#essentials").parent().text();
        assertTrue(english.contains("Wednesdays, ") && english.contains("next session: Wednesday"), english);
    }

    @Test
    void aCommunePageCountsItsActivitiesByThemeWithALinkToEach() {
        Element section = get("/id/commune/35238").html().selectFirst("h2#activities").parent();
        List<Element> links = section.select("a[href^=/trouver]");
        assertTrue(links.size() > 2, section.html());
        int all = Integer.parseInt(links.get(0).text().replaceAll("^(\\d+) .*", "$1"));
        assertEquals(restTotal("commune=35238&when=upcoming"), all);
        for (Element theme : links.subList(1, links.size())) {
            int n = Integer.parseInt(theme.parent().text().replaceAll(".*\\((\\d+)\\)$", "$1"));
            Document found = get(theme.attr("href")).html();
            assertEquals(n, total(found), theme.attr("href"));
            assertEquals("Rennes", found.selectFirst("input#where").val(), "Rennes is the only commune so named");
        }
        Document homonym = get("/trouver?where=" + "Saint-Denis").html();
        assertTrue(homonym.selectFirst("input#where").val().matches("Saint-Denis \\(\\d[0-9AB]\\d{3}\\)"),
                "a name several communes share is shown with its INSEE code, so that the form finds it again");
        Element other = homonym.selectFirst("main p a[href*=where=Saint-Denis]");
        assertNotNull(other, "the other Saint-Denis are offered");
        String code = other.attr("href").replaceAll(".*%28(\\w{5})%29.*", "$1");
        assertEquals(code, get(other.attr("href")).html().selectFirst("main p a[href^=/id/commune/]").attr("href")
                .replaceAll(".*/id/commune/(\\w{5}).*", "$1"), "the link names exactly that commune");
    }

    @Test
    void anEpciPageCountsItsActivitiesByThemeAndTheFinderKeepsTheEpci() {
        String rennesMetropole = "243500139";
        Element section = get("/id/epci/" + rennesMetropole).html().selectFirst("h2#activities").parent();
        assertEquals("Les activités de Rennes Métropole", section.selectFirst("h2").text());
        List<Element> links = section.select("a[href^=/trouver]");
        assertTrue(links.size() > 2, section.html());
        int all = Integer.parseInt(links.get(0).text().replaceAll("^(\\d+) .*", "$1"));
        assertEquals(restTotal("epci=" + rennesMetropole + "&when=upcoming"), all);
        assertTrue(all > restTotal("commune=35238&when=upcoming"), "more than Rennes alone");
        for (Element theme : links.subList(1, links.size())) {
            int n = Integer.parseInt(theme.parent().text().replaceAll(".*\\((\\d+)\\)$", "$1"));
            Document found = get(theme.attr("href")).html();
            assertEquals(n, total(found), theme.attr("href"));
            assertEquals(rennesMetropole, found.selectFirst("form.finder input[name=epci]").val(),
                    "the form keeps the EPCI when another field changes");
            assertTrue(found.selectFirst("main").text().contains("Dans l'intercommunalité Rennes Métropole"));
        }
        Page unknown = get("/trouver?epci=999999999");
        assertEquals(400, unknown.status());
    }

    private static String centreOfRennes() {
        double[] b = ReferenceData.get().box("35238").orElseThrow();
        return ((b[1] + b[3]) / 2) + "," + ((b[0] + b[2]) / 2);
    }
}
