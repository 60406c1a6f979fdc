/**
 * The Tissu service: {@link Main} builds the object graph (store, services) and starts Helidon;
 * {@link TissuCommand} is the {@code tissu} command line. One package per protocol below this one.
 */
package fr.tissu.api;
