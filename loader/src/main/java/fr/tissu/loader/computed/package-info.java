/**
 * The charter indicators the service computes from what it holds, one small unit each ({@link
 * Computation}); {@link ComputedIndicators} runs them and writes the values.
 */
package fr.tissu.loader.computed;

import fr.tissu.loader.ComputedIndicators;
