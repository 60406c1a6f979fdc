package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import fr.tissu.search.Fields;
import fr.tissu.search.SearchRequest;
import fr.tissu.search.SearchResult;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The judged relevance set: what people type, over the bundled sample, and what the first results must be.
 * Columns: query | type (blank: any) | how many of the first results are judged | pattern each of their names
 * must match (case-insensitive).
 */
@Tag(SharedSample.TAG)
class SearchRelevanceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            judo enfants              |              | 5 | ^judo enfants$
            judo enfant               |              | 5 | ^judo enfants$
            JUDO Enfants              |              | 5 | ^judo enfants$
            judo ados                 |              | 3 | ^judo ados$
            théâtre                   | activity     | 5 | th[ée][âa]tre
            theatre                   | activity     | 5 | th[ée][âa]tre
            théâtres                  | activity     | 5 | th[ée][âa]tre
            aide numérique            | support-point| 5 | num[ée]rique
            aide numerique            | support-point| 5 | num[ée]rique
            footbal                   | activity     | 5 | football
            footbll                   | activity     | 3 | football
            natation                  | activity     | 3 | natation
            l'anglais                 | activity     | 3 | anglais
            d'échecs                  | activity     | 5 | [ée]checs
            echec                     | activity     | 5 | [ée]checs
            échecs adultes            | activity     | 3 | ^[ée]checs adultes$
            yoga                      | activity     | 5 | yoga
            gymnastique               | activity     | 2 | gym
            randonnee                 | activity     | 3 | randonn[ée]e
            danses                    | activity     | 5 | danse
            chorale                   | activity     | 3 | chorale
            jardinage                 | activity     | 3 | jardinage
            jardiniers                | association  | 3 | jardiniers
            informatique              | activity     | 3 | informatique
            cuisine                   | activity     | 3 | cuisine
            aide aux devoirs          | activity     | 3 | ^aide aux devoirs$
            tennis                    | activity     | 5 | tennis
            gymnastiqe                | activity     | 1 | gymnastique
            tenis                     | activity     | 3 | tennis
            club des aînés            | association  | 5 | club des a[îi]n[ée]s
            club des aines            | association  | 5 | club des a[îi]n[ée]s
            repair cafe               |              | 5 | repair caf[ée]
            épicerie solidaire        | association  | 5 | [ée]picerie solidaire
            fab lab                   | association  | 5 | fab lab
            smartphone                | activity     | 3 | smartphone
            photographie              | association  | 3 | photo
            jumelage                  | association  | 3 | jumelage
            """)
    void theFirstResultsAreTheExpectedOnes(String query, String type, int judged, String expected) {
        var index = TestData.shared().index();
        SearchResult result = index.search(new SearchRequest(query, type == null ? null
                : new TermQuery(new Term(Fields.TYPE, type.trim())), judged, null, null, false, List.of(), false));
        Pattern pattern = Pattern.compile(expected.trim(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> names = result.hits().stream().map(SearchResult.Hit::name).toList();
        assertTrue(names.size() == judged, "only " + names.size() + " results for '" + query + "': " + names);
        assertTrue(names.stream().allMatch(n -> pattern.matcher(n).find()), query + " → " + names);
    }
}
