package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flat quad sort orders as the JDK's sort of the same quads as unsigned tuples does. */
class QuadSortTest {
    private static final Comparator<long[]> UNSIGNED = (x, y) -> Arrays.compareUnsigned(x, y);

    @ParameterizedTest(name = "{0} quads")
    @ValueSource(ints = {0, 1, 2, 15, 16, 17, 1000, 50_000})
    void sortsLikeTheJdkWithManyEqualLeadingIds(int n) {
        Random random = new Random(n);
        long[] flat = new long[n * 4];
        long[][] quads = new long[n][];
        for (int q = 0; q < n; q++) {
            // one graph, a dozen predicates, ids with the top bit set (inline values) among pointers
            long[] quad = {7, random.nextInt(12), random.nextBoolean() ? random.nextLong() : random.nextInt(50),
                random.nextInt(3) == 0 ? Long.MIN_VALUE | random.nextInt(9) : random.nextInt(40)};
            quads[q] = quad;
            System.arraycopy(quad, 0, flat, q * 4, 4);
        }
        QuadSort.sort(flat, n);
        Arrays.sort(quads, UNSIGNED);
        for (int q = 0; q < n; q++) {
            assertArrayEquals(quads[q], Arrays.copyOfRange(flat, q * 4, q * 4 + 4), "quad " + q);
        }
        assertEquals(n * 4, flat.length);
    }
}
