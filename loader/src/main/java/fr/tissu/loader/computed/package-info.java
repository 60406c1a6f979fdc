/**
 * The charter indicators the service computes from what it holds, one small unit each ({@link
 * fr.tissu.loader.computed.Computation}); {@link fr.tissu.loader.ComputedIndicators} runs them and writes the values.
 */
package fr.tissu.loader.computed;
