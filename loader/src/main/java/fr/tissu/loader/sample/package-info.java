/**
 * The sample territory: a reproducible generator of associations, activities, places and indicator values in the
 * real input formats, placed inside real communes, used by the first start, the tests and the benchmarks.
 */
package fr.tissu.loader.sample;
