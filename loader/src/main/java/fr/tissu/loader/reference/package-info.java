/**
 * Derives the shipped reference files (communes, EPCIs, commune boxes) from the published sources they come from;
 * run by hand when a source is updated, never at start.
 */
package fr.tissu.loader.reference;
