package fr.tissu.store;

/**
 * Sorts quads of node ids held flat in a {@code long[]}, four numbers a quad, in unsigned lexicographic order (the
 * order of TDB2's index keys): a three-way quicksort, so that the many equal leading ids of an index (one graph,
 * a few predicates) cost nothing, without an object per quad.
 */
final class QuadSort {
    private static final int SMALL = 16;

    private QuadSort() {
    }

    /** Sorts the first {@code n} quads of {@code a}. */
    static void sort(long[] a, int n) {
        sort(a, 0, n - 1);
    }

    private static void sort(long[] a, int lo, int hi) {
        while (hi - lo >= SMALL) {
            swap(a, lo, median(a, lo, lo + (hi - lo) / 2, hi));
            int lt = lo;
            int gt = hi;
            int i = lo + 1;
            while (i <= gt) {
                int c = compare(a, i, lt);
                if (c < 0) {
                    swap(a, lt++, i++);
                } else if (c > 0) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            // recurse into the smaller side, loop on the larger: the stack stays logarithmic
            if (lt - lo < hi - gt) {
                sort(a, lo, lt - 1);
                lo = gt + 1;
            } else {
                sort(a, gt + 1, hi);
                hi = lt - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && compare(a, j, j - 1) < 0; j--) {
                swap(a, j, j - 1);
            }
        }
    }

    private static int median(long[] a, int i, int j, int k) {
        if (compare(a, i, j) < 0) {
            return compare(a, j, k) < 0 ? j : compare(a, i, k) < 0 ? k : i;
        }
        return compare(a, i, k) < 0 ? i : compare(a, j, k) < 0 ? k : j;
    }

    static int compare(long[] a, int i, int j) {
        for (int s = 0; s < 4; s++) {
            int c = Long.compareUnsigned(a[i * 4 + s], a[j * 4 + s]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static void swap(long[] a, int i, int j) {
        for (int s = 0; s < 4; s++) {
            long t = a[i * 4 + s];
            a[i * 4 + s] = a[j * 4 + s];
            a[j * 4 + s] = t;
        }
    }
}
