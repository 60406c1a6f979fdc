/**
 * The Tissu service: {@link fr.tissu.api.Main} builds the object graph (store, services) and starts Helidon;
 * {@link fr.tissu.api.TissuCommand} is the {@code tissu} command line. One package per protocol below this one.
 */
package fr.tissu.api;
